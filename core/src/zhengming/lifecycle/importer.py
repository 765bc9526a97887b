"""Bulk import of intake documents from a JSON Lines file, idempotent by ``case_id``.

Each line is one intake document (a case document plus ``reporter``). Lines are validated and
evaluated like ``case open``; a bad line is reported with its line number and JSON pointer and
skipped. Good cases are written in batches with Core ``insert()`` executemany: one transaction per
batch holding the cases and their audit events, so each case lands whole or not at all. A case whose
``case_id`` is already stored is skipped, which makes a re-run after a crash (even SIGKILL) finish the
file with no duplicate. A line without ``case_id`` gets one derived from the file's content and line
(stable across re-runs).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import IO, Any

import attrs
from sqlalchemy import JSON, Column, MetaData, Table, select
from sqlalchemy import Text as TextType

from ..engine import Engine
from ..errors import InvalidDocument, PluginError, Problem, UnknownJurisdiction
from ..model import Text
from ..store import Store, audit
from ..store.crypto import Sealer
from ..store.models import CaseRecord
from . import intake

DEFAULT_BATCH = 1000


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


def read_lines(stream: IO[bytes]) -> Iterator[tuple[int, int, bytes]]:
    """(line number, bytes consumed, raw line) for each non-blank line."""
    for number, raw in enumerate(stream, 1):
        if raw.strip():
            yield number, len(raw), raw
        else:
            yield number, len(raw), b""


def parse_line(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        detail = f"JSON {getattr(exc, 'msg', str(exc))} (column {getattr(exc, 'colno', '?')})"
        raise InvalidDocument([Problem("", Text(f"无法解析：{detail}", f"cannot be parsed: {detail}"))]) from None


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
) -> ImportReport:
    """Import every line of ``stream``; returns what happened. ``progress`` gets bytes consumed."""
    from .service import utcnow

    clock = now or utcnow
    day = today or date.today()
    report = ImportReport()
    pending: list[tuple[int, intake.Evaluated]] = []
    for number, size, raw in read_lines(stream):
        report.lines = number
        if raw:
            try:
                document = parse_line(raw)
                if isinstance(document, dict) and "case_id" not in document:
                    document = {**document, "case_id": _derived_id(raw)}
                pending.append((number, intake.evaluate(engine, document, today=day)))
            except InvalidDocument as exc:
                _problem(report, LineProblem(number, list(exc.problems)), on_problem)
            except UnknownJurisdiction as exc:
                message = Text(
                    f"辖区 {exc.jurisdiction!r} 未安装", f"jurisdiction {exc.jurisdiction!r} is not installed"
                )
                _problem(report, LineProblem(number, [Problem("/jurisdiction", message)]), on_problem)
            except PluginError as exc:
                _problem(
                    report,
                    LineProblem(number, [Problem("", Text(f"插件出错：{exc}", f"plugin error: {exc}"))]),
                    on_problem,
                )
        if len(pending) >= batch_size:
            _write(store, engine, pending, report, sealer, actor, clock())
            pending = []
        if progress:
            progress(size)
    _write(store, engine, pending, report, sealer, actor, clock())
    return report


def _derived_id(raw: bytes) -> str:
    return "IMP-" + hashlib.sha256(raw.strip()).hexdigest()[:16].upper()


def _problem(report: ImportReport, problem: LineProblem, on_problem: Callable[[LineProblem], None] | None) -> None:
    report.invalid.append(problem)
    if on_problem:
        on_problem(problem)


def _write(
    store: Store,
    engine: Engine,
    pending: list[tuple[int, intake.Evaluated]],
    report: ImportReport,
    sealer: Sealer,
    actor: str,
    now: datetime,
) -> None:
    """One transaction: the batch's new cases and one audit event each."""
    if not pending:
        return
    unique: dict[str, intake.Evaluated] = {}
    for _number, evaluated in pending:
        if evaluated.case_id in unique:
            report.duplicate_in_file += 1
        else:
            unique[evaluated.case_id] = evaluated
    with store.transaction() as session:
        stored = set(session.scalars(select(CaseRecord.case_id).where(CaseRecord.case_id.in_(list(unique)))))
        report.already_stored += len(stored)
        rows = []
        for case_id, evaluated in unique.items():
            if case_id in stored:
                continue
            sealed = sealer.seal(evaluated.reporter, case_id) if evaluated.reporter else None
            rows.append(intake.case_row(engine, evaluated, sealed=sealed, actor=actor, now=now))
        if not rows:
            return
        if session.get_bind().dialect.name == "sqlite":  # JSON is text there: serialize once, compactly
            session.execute(CASES_BULK.insert(), [r | {c: _dumps(r[c]) for c in JSON_COLUMNS} for r in rows])
        else:  # PostgreSQL types the parameters: let the JSON type bind them
            session.execute(CaseRecord.__table__.insert(), rows)
        at = now.isoformat(timespec="microseconds")
        audit.append_many(
            session,
            [
                {
                    "at": at,
                    "actor": actor,
                    "action": "import",
                    "case_id": r["case_id"],
                    "before": None,
                    "after": intake.summary(r),
                }
                for r in rows
            ],
        )
    report.imported += len(rows)
    for r in rows:
        report.by_state[r["state"]] = report.by_state.get(r["state"], 0) + 1
