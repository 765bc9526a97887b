"""``zhengming import FILE.jsonl``: bad lines reported and skipped, idempotent re-runs, and an import
killed with SIGKILL that finishes on restart with no duplicate and no half-written case."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select, text

from zhengming.cli.main import cli
from zhengming.store import audit, open_store
from zhengming.store.models import AuditEvent, CaseRecord

from .test_store_support import BACKENDS, REPORTER_NAME, case_document

pytest_plugins = ("tests.test_store_support",)
pytestmark = [BACKENDS, pytest.mark.usefixtures("private_env")]
ZHENGMING = Path(sys.executable).with_name("zhengming")


def write_jsonl(path: Path, documents, extra_lines=()) -> Path:
    lines = [json.dumps(d, ensure_ascii=False) for d in documents]
    for index, line in extra_lines:
        lines.insert(index, line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def counts(db_url: str) -> tuple[int, int, int]:
    """Cases, distinct case ids, and import audit events."""
    store = open_store(db_url)
    try:
        with store.transaction() as session:
            cases = session.scalar(select(func.count()).select_from(CaseRecord))
            distinct = session.scalar(select(func.count(func.distinct(CaseRecord.case_id))))
            events = session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "import"))
            return cases, distinct, events
    finally:
        store.dispose()


def child_pids(pid: int) -> list[int]:
    """The worker processes of an import (Linux: from /proc; none elsewhere)."""
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status  # a zombie has exited


def test_bad_lines_are_reported_with_line_and_pointer_and_skipped(db_url, tmp_path):
    bad_finding = case_document("BAD-1")
    bad_finding["allegations"][0]["finding"] = "maybe"
    documents = [case_document(f"OK-{n}") for n in range(5)]
    path = write_jsonl(
        tmp_path / "cases.jsonl",
        documents,
        extra_lines=[
            (2, json.dumps(bad_finding, ensure_ascii=False)),
            (4, "{not json"),
            (5, ""),
            (6, '{"jurisdiction": "atlantis"}'),
        ],
    )
    result = CliRunner().invoke(cli, ["--db", db_url, "--local-admin", "import", str(path), "--json", "--no-progress"])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["imported"] == 5 and report["lines"] == 9
    assert [(p["line"], p["problems"][0]["pointer"]) for p in report["invalid"]] == [
        (3, "/allegations/0/finding"),
        (5, "/"),
        (7, "/allegations"),  # the first of the problems of {"jurisdiction": "atlantis"}
    ]
    assert "第 3 行 /allegations/0/finding" in result.stderr
    assert REPORTER_NAME not in result.output
    assert counts(db_url) == (5, 5, 5)


def test_a_line_with_a_lone_surrogate_is_reported_not_fatal(db_url, tmp_path):
    broken = case_document("SUR-1")
    broken["subject"]["name"] = "张\ud800"
    lines = [json.dumps(case_document("OK-1")), json.dumps(broken), json.dumps(case_document("OK-2"))]
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["--db", db_url, "--local-admin", "import", str(path), "--json", "--no-progress"])
    report = json.loads(result.stdout)
    assert result.exit_code == 2 and report["imported"] == 2
    assert [(p["line"], p["problems"][0]["pointer"]) for p in report["invalid"]] == [(2, "/subject/name")]
    assert counts(db_url) == (2, 2, 2)


def test_a_second_run_imports_nothing_twice(db_url, tmp_path):
    documents = [case_document(f"C-{n}") for n in range(30)] + [case_document("C-3")]  # one duplicate line
    path = write_jsonl(tmp_path / "cases.jsonl", documents)
    runner = CliRunner()
    first = json.loads(
        runner.invoke(cli, ["--db", db_url, "--local-admin", "import", str(path), "--json", "--batch", "7"]).stdout
    )
    assert (first["imported"], first["by_state"]) == (30, {"proposal": 30})
    assert first["duplicate_in_file"] + first["already_stored"] == 1  # the repeated line, in a later batch
    again = runner.invoke(cli, ["--db", db_url, "--local-admin", "import", str(path), "--batch", "7"])
    assert again.exit_code == 0 and "导入 0 件，已存在 31 件" in again.stdout
    assert counts(db_url) == (30, 30, 30)


def test_an_import_killed_mid_way_finishes_on_restart(db_url, tmp_path):
    total = 6000
    documents = []
    for n in range(total):
        document = case_document(f"K-{n:05d}", reporter=n % 3 == 0)
        if n % 4 == 1:
            document["allegations"][0]["finding"] = "true"  # not applicable: closed at intake
        documents.append(document)
    path = write_jsonl(tmp_path / "many.jsonl", documents)
    env = os.environ | {"ZHENGMING_DB": db_url}
    command = [str(ZHENGMING), "--local-admin", "import", str(path), "--batch", "50", "--no-progress"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        try:
            stored = counts(db_url)[0]
        except Exception:  # the schema may not exist yet
            stored = 0
        if stored >= 500:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the import finished before it could be killed: make the file larger"
    workers = child_pids(process.pid)
    assert workers or not Path("/proc").is_dir(), "the import prepares its lines in worker processes"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(30)
    gone_by = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < gone_by:
        time.sleep(0.1)
    assert not [pid for pid in workers if alive(pid)], "worker processes outlived the killed import"
    cases, distinct, events = counts(db_url)
    assert 0 < cases < total and cases == distinct == events, "a batch is all or nothing"
    assert cases % 50 == 0

    finished = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    assert counts(db_url) == (total, total, total)
    store = open_store(db_url)
    with store.transaction() as session:
        assert audit.verify(session).ok
        states = dict(session.execute(select(CaseRecord.state, func.count()).group_by(CaseRecord.state)).all())
        sealed = session.scalar(select(func.count()).where(CaseRecord.reporter_sealed.is_not(None)))
        assert (
            session.execute(text("SELECT count(*) FROM cases WHERE document IS NULL OR decision IS NULL")).scalar() == 0
        )
    store.dispose()
    assert states == {"proposal": total - total // 4, "closed": total // 4} and sealed == total // 3


@pytest.mark.parametrize(
    "raw",
    [
        '{"a":"中\\u0001\\u2028\\"","b":[1.5,1e22,2.5e-5,-0.0,5e-324],"c":null,"d":true,"e":{"f":[]}}',
        '{"big":99999999999999999999}',
        '{"n":NaN,"i":-Infinity}',
        '{"huge":1e400}',
    ],
)
def test_the_bulk_path_stores_each_json_value_as_the_json_module_reads_it(db_url, raw):
    from zhengming.boundary import read_line
    from zhengming.lifecycle.importer import _column_text, _dumps

    parsed = read_line(raw.encode())
    value, plain = parsed.value, parsed.plain
    stored = _column_text(value, plain)
    assert repr(json.loads(stored)) == repr(json.loads(_dumps(value))) == repr(json.loads(raw))
