"""Bulk import of intake documents from a JSON Lines file, idempotent by ``case_id``.

Each line is one intake document (a case document plus ``reporter``). Lines are validated and
evaluated like ``case open``; a bad line is reported with its line number and JSON pointer and
skipped. Good cases are written in batches with Core ``insert()`` executemany: one transaction per
batch holding the cases and their audit events, so each case lands whole or not at all.

Parsing, validation, evaluation, sealing and serialization of the JSON columns run in worker
processes (forked, fed chunks of lines, results taken back in file order); the database is only
ever touched by the importing process, which writes the batches and extends the audit hash chain
in order. Workers exit when the importing process dies, even by SIGKILL. A case whose
``case_id`` is already stored is skipped, which makes a re-run after a crash (even SIGKILL) finish the
file with no duplicate. A line without ``case_id`` gets one derived from the file's content and line
(stable across re-runs).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import IO, Any

import attrs
import orjson
from sqlalchemy import JSON, Column, MetaData, Table, select
from sqlalchemy import Text as TextType
from sqlalchemy.exc import DBAPIError

from ..boundary import LIMITS, read_line, too_large
from ..clock import office_today
from ..engine import Engine
from ..errors import BeyondKnownData, InvalidDocument, PluginError, Problem, UnknownJurisdiction
from ..i18n import Message
from ..store import Store, audit, integrity
from ..store.crypto import Sealer
from ..store.limits import FieldTooLong, check_field, field_name, row_problems, text_limits
from ..store.models import AuditEvent, CaseFigure, CaseRecord
from . import intake
from .exclusive import exclusive_import

DEFAULT_BATCH = 1000
CHUNK_LINES = 250  # lines per task handed to a worker


def _bulk_table(table: Table) -> Table:
    """``table`` with its JSON columns as text: on SQLite the bulk path serializes JSON once, itself."""
    columns = [Column(c.name, TextType if isinstance(c.type, JSON) else c.type) for c in table.columns]
    return Table(table.name, MetaData(), *columns)


CASES_BULK = _bulk_table(CaseRecord.__table__)
JSON_COLUMNS = tuple(c.name for c in CaseRecord.__table__.columns if isinstance(c.type, JSON))


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@attrs.define
class LineProblem:
    line: int
    problems: list[Problem]


@attrs.define
class ImportReport:
    lines: int = 0
    imported: int = 0
    already_stored: int = 0
    duplicate_in_file: int = 0
    invalid: list[LineProblem] = attrs.Factory(list)
    by_state: dict[str, int] = attrs.Factory(dict)

    def as_json(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "lines": self.lines,
            "imported": self.imported,
            "already_stored": self.already_stored,
            "duplicate_in_file": self.duplicate_in_file,
            "invalid": [
                {
                    "line": p.line,
                    "problems": [{"pointer": x.pointer or "/", "message": x.message.render(lang)} for x in p.problems],
                }
                for p in self.invalid
            ],
            "by_state": self.by_state,
        }


TOO_LONG = None  # stands for a line over the boundary's size limit (never held in memory)
_SKIP = 1 << 16


def read_lines(stream: IO[bytes], limit: int = LIMITS.max_bytes) -> Iterator[tuple[int, int, bytes | None]]:
    """(line number, bytes consumed, raw line) for each line: ``b""`` when blank, :data:`TOO_LONG` when
    over ``limit`` bytes (the rest of such a line is skipped, never read into memory)."""
    number = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        number += 1
        consumed = len(raw)
        if len(raw) > limit and not raw.endswith(b"\n"):
            while True:
                chunk = stream.readline(_SKIP)
                consumed += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield number, consumed, TOO_LONG
            continue
        yield number, consumed, raw if raw.strip() else b""


def parse_line(raw: bytes) -> Any:
    return read_line(raw).value


def _column_text(value: Any, plain: bool) -> str:
    """A JSON column's stored text: compact UTF-8 that reads back as the same value ``_dumps``'s text
    does (integers beyond 64 bits and lone surrogates, which orjson refuses, go through ``_dumps``)."""
    if plain:
        try:
            return orjson.dumps(value).decode()
        except (orjson.JSONEncodeError, UnicodeDecodeError):
            pass
    return _dumps(value)


def default_workers() -> int:
    """Worker processes for an import: one per core, at most two (0: work in this process)."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return max(1, min(2, os.cpu_count() or 1))


@attrs.frozen
class _Prepared:
    """A good line, ready to write: the ``cases`` row (JSON columns serialized when ``text_json``)
    but for the write time, and the audit summary."""

    line: int
    case_id: str
    row: dict[str, Any]
    after: dict[str, Any]
    prehashed: dict[str, str]  # column -> SHA-256 of its canonical JSON, for the keyed row digests
    figures: dict[str, Any] = attrs.field(factory=dict)  # the case_figures columns but case_pk


@attrs.frozen
class _Job:
    engine: Engine
    sealer: Sealer
    today: date
    text_json: bool  # SQLite: the JSON columns are written as text, serialized here


_JOB: _Job | None = None  # what a forked worker works with (set before the pool forks)


def _prepare_chunk(lines: list[tuple[int, bytes | None]], job: _Job | None = None) -> list[_Prepared | LineProblem]:
    """Parse, validate, evaluate, seal and serialize each line (in a worker, or in this process).

    A line that cannot be prepared, for whatever reason, is a :class:`LineProblem`: it never stops the
    others (an unexpected error is named by its type only, since its message could quote the line)."""
    job = job or _JOB
    assert job is not None
    out: list[_Prepared | LineProblem] = []
    for number, raw in lines:
        try:
            out.append(_prepare_line(job, number, raw))
        except Exception as exc:  # one line must never block the others
            name = type(exc).__name__
            message = Message("cannot be prepared (internal error {name}); skipped", name=name)
            out.append(LineProblem(number, [Problem("", message)]))
    return out


def _prepare_line(job: _Job, number: int, raw: bytes | None) -> _Prepared | LineProblem:
    try:
        if raw is TOO_LONG:
            raise too_large(None)
        parsed = read_line(raw)
        document = parsed.value
        if isinstance(document, dict) and "case_id" not in document:
            document = {**document, "case_id": _derived_id(raw)}
        evaluated = intake.evaluate(job.engine, document, today=job.today)
    except InvalidDocument as exc:
        return LineProblem(number, list(exc.problems))
    except UnknownJurisdiction as exc:
        message = Message("jurisdiction {jurisdiction!r} is not installed", jurisdiction=exc.jurisdiction)
        return LineProblem(number, [Problem("/jurisdiction", message)])
    except PluginError as exc:
        return LineProblem(number, [Problem("", Message("plugin error: {exc}", exc=exc))])
    except BeyondKnownData as exc:
        return LineProblem(number, [Problem("", exc.message)])
    case_id = evaluated.case_id
    sealed = job.sealer.seal(evaluated.reporter, case_id) if evaluated.reporter else None
    secret = evaluated.parties.secret
    parties_sealed = job.sealer.seal({"parties": list(secret)}, case_id) if secret else None
    row = intake.case_row(job.engine, evaluated, sealed=sealed, actor="", now=_NO_TIME, parties_sealed=parties_sealed)
    unstorable = row_problems(CaseRecord.__table__, row)
    if unstorable:
        table = CaseRecord.__table__
        return LineProblem(number, [Problem(field_name(table, column), text) for column, text in unstorable])
    prehashed = {c: integrity.prehash(row[c]) for c in integrity.columns("cases") if c not in _WRITER_COLUMNS}
    figures = intake.figures(evaluated, row)
    if job.text_json:
        for column in JSON_COLUMNS:
            row[column] = _column_text(row[column], parsed.plain)
    return _Prepared(number, case_id, row, intake.summary(row), prehashed, figures)


_NO_TIME = datetime(1970, 1, 1)
_WRITER_COLUMNS = ("opened_by", "opened_at", "updated_at")  # set by the writer, digested there


def _worker_start(parent: int) -> None:
    """In each worker: leave Ctrl-C to the importing process, and exit as soon as it is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _chunks(stream: IO[bytes], report: ImportReport) -> Iterator[tuple[list[tuple[int, bytes | None]], int]]:
    """(the non-blank lines of a chunk with their numbers, bytes the chunk spans)."""
    lines: list[tuple[int, bytes | None]] = []
    size = 0
    for number, consumed, raw in read_lines(stream):
        report.lines = number
        size += consumed
        if raw is TOO_LONG or raw:
            lines.append((number, raw))
            if len(lines) >= CHUNK_LINES:
                yield lines, size
                lines, size = [], 0
    if lines or size:
        yield lines, size


def _prepared_chunks(
    stream: IO[bytes], report: ImportReport, job: _Job, workers: int
) -> Iterator[tuple[list[_Prepared | LineProblem], int]]:
    """The prepared chunks in file order: from ``workers`` forked processes (a bounded number in
    flight, so memory stays flat), or computed here when ``workers`` is 0."""
    if workers <= 0:
        for lines, size in _chunks(stream, report):
            yield _prepare_chunk(lines, job), size
        return
    import multiprocessing

    global _JOB
    _JOB = job
    try:
        pool = multiprocessing.get_context("fork").Pool(workers, initializer=_worker_start, initargs=(os.getpid(),))
    finally:
        _JOB = None
    try:
        in_flight: deque = deque()
        for lines, size in _chunks(stream, report):
            in_flight.append((pool.apply_async(_prepare_chunk, (lines,)), size))
            if len(in_flight) >= 3 * workers:
                result, done = in_flight.popleft()
                yield result.get(), done
        while in_flight:
            result, done = in_flight.popleft()
            yield result.get(), done
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def import_jsonl(
    store: Store,
    engine: Engine,
    stream: IO[bytes],
    *,
    sealer: Sealer,
    actor: str = "import",
    today: date | None = None,
    batch_size: int = DEFAULT_BATCH,
    progress: Callable[[int], None] | None = None,
    on_problem: Callable[[LineProblem], None] | None = None,
    now: Callable[[], datetime] | None = None,
    workers: int | None = None,
    on_wait: Callable[[], None] | None = None,
) -> ImportReport:
    """Import every line of ``stream``; returns what happened. ``progress`` gets bytes consumed.
    ``workers``: processes preparing the lines (``None``: :func:`default_workers`; 0: none).
    One import at a time per database: a second one waits for the first (``on_wait`` is told once)."""
    from .service import utcnow

    check_field("/actor", actor, text_limits(AuditEvent.__table__)["actor"])
    clock = now or utcnow
    job = _Job(engine, sealer, today or office_today(), store.dialect == "sqlite")
    report = ImportReport()
    pending: list[_Prepared] = []
    batch_size = max(1, batch_size)

    def flush() -> None:
        for problem in _write(store, pending, report, actor, clock()):
            _problem(report, problem, on_problem)
        pending.clear()

    with exclusive_import(store, on_wait):
        for results, size in _prepared_chunks(stream, report, job, default_workers() if workers is None else workers):
            for result in results:
                if isinstance(result, LineProblem):
                    _problem(report, result, on_problem)
                else:
                    pending.append(result)
                    if len(pending) >= batch_size:
                        flush()
            if progress:
                progress(size)
        flush()
    return report


def _derived_id(raw: bytes) -> str:
    return "IMP-" + hashlib.sha256(raw.strip()).hexdigest()[:16].upper()


def _problem(report: ImportReport, problem: LineProblem, on_problem: Callable[[LineProblem], None] | None) -> None:
    report.invalid.append(problem)
    if on_problem:
        on_problem(problem)


def _write(
    store: Store, pending: list[_Prepared], report: ImportReport, actor: str, now: datetime
) -> list[LineProblem]:
    """Write ``pending`` in one transaction; if the database refuses the batch, line by line, so that one
    line the database refuses (or a case stored meanwhile by someone else) never loses the others.
    Returns the lines that could not be stored."""
    if not pending:
        return []
    unique: dict[str, _Prepared] = {}
    duplicates = 0
    for prepared in pending:
        if prepared.case_id in unique:
            duplicates += 1
        else:
            unique[prepared.case_id] = prepared
    report.duplicate_in_file += duplicates
    try:
        _write_batch(store, list(unique.values()), report, actor, now)
        return []
    except (DBAPIError, FieldTooLong):
        if len(unique) == 1:
            return _write_alone(store, next(iter(unique.values())), report, actor, now)
    problems: list[LineProblem] = []
    for prepared in unique.values():
        try:
            _write_batch(store, [prepared], report, actor, now)
        except (DBAPIError, FieldTooLong):
            problems += _write_alone(store, prepared, report, actor, now)
    return problems


def _write_alone(
    store: Store, prepared: _Prepared, report: ImportReport, actor: str, now: datetime
) -> list[LineProblem]:
    """The database refused this one case: stored meanwhile (counted as such), or a problem of its line."""
    with store.transaction() as session:
        if session.scalar(select(CaseRecord.id).where(CaseRecord.case_id == prepared.case_id)) is not None:
            report.already_stored += 1
            return []
    message = Message("the database refused to store this line; skipped")
    return [LineProblem(prepared.line, [Problem("", message)])]


def _write_batch(store: Store, unique: list[_Prepared], report: ImportReport, actor: str, now: datetime) -> None:
    """One transaction: the batch's new cases and one audit event each; ``report`` counts them once committed."""
    with store.transaction() as session:
        stored = set(
            session.scalars(select(CaseRecord.case_id).where(CaseRecord.case_id.in_([p.case_id for p in unique])))
        )
        fresh = [p for p in unique if p.case_id not in stored]
        if fresh:
            when = {"opened_by": actor, "opened_at": now, "updated_at": now}
            rows = [p.row | when for p in fresh]
            if session.get_bind().dialect.name == "sqlite":  # JSON is text there: serialized once, by the workers
                session.execute(CASES_BULK.insert(), rows)
            else:  # PostgreSQL types the parameters: let the JSON type bind them
                session.execute(CaseRecord.__table__.insert(), rows)
            ids = dict(
                session.execute(
                    select(CaseRecord.case_id, CaseRecord.id).where(CaseRecord.case_id.in_([p.case_id for p in fresh]))
                ).all()
            )
            session.execute(CaseFigure.__table__.insert(), [p.figures | {"case_pk": ids[p.case_id]} for p in fresh])
            at = now.isoformat(timespec="microseconds")
            audit.ensure_binding(session)
            key = audit.keyring_of(session).audit_key()
            audit.append_many(
                session,
                [
                    {
                        "at": at,
                        "actor": actor,
                        "action": "import",
                        "case_id": p.case_id,
                        "before": None,
                        "after": p.after,
                        "row_digests": {f"cases/{p.case_id}": integrity.row_digests(key, "cases", row, p.prehashed)},
                    }
                    for p, row in zip(fresh, rows, strict=True)
                ],
            )
    report.already_stored += len(stored)
    report.imported += len(fresh)
    for p in fresh:
        state = p.row["state"]
        report.by_state[state] = report.by_state.get(state, 0) + 1
