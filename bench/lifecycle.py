"""Benchmark: zhengming's case lifecycle side by side with SpiffWorkflow 3.2.0 on the same shape —
a trigger gateway, three sequential approvals, a final step — and the bulk import. Prints figures
and ratios; asserts nothing.

    .venv/bin/python bench/lifecycle.py [--cases N] [--import-cases N] [--skip-import] [--audit-cost]

(a) in memory: zhengming's state machine (the code the stored lifecycle runs: gateway from the
    decision, role/organ/level check of each approver, final clarification) against a SpiffWorkflow
    BPMN workflow (exclusive gateway, three user tasks, a final user task).
(b) persisted: each case — intake through the trigger gateway, three approvals, the final step — in five
    SQLite transactions (WAL, synchronous=NORMAL), one per step, side by side with
    - SpiffWorkflow persisting its workflow JSON in SQLite the same way: one transaction per step that
      reads the row, deserializes the workflow, completes the task, serializes it and writes it back with
      a version check (the first transaction inserts the started workflow);
    - the floor: raw sqlite3 running exactly the statements zhengming issued for the same cases (recorded
      with their parameters, replayed into a copy of the database as it was before them).
    zhengming's transactions also check the user's role, organ and level, need-to-know and separation of
    duties, check the case row against its last audit event, and write the approval record and a keyed
    (HMAC) audit event with the digests of the rows written.
    ``--audit-cost`` runs (b) twice more, with the keyed row digests and row check, then the whole audit
    (digests, check and event), replaced by nothing in this process: where the time goes, not a
    configuration zhengming offers.
(c) import of generated cases with ``zhengming import`` (validation, evaluation, sealing, insert, audit):
    wall time, peak RSS of the importing process (and of it with its worker processes, summed), and the ratio to a raw sqlite3 executemany of the
    very rows it wrote, into the same schema.

Targets (issues 5 and 12): (a) >= 20x, (b) >= 2x against SpiffWorkflow in SQLite, (c) 1M cases <= 5 min, RSS < 300 MB, <= 3x raw.
SpiffWorkflow is a bench-only dependency: ``make bench`` installs it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

from zhengming import Engine, load_registry, to_document
from zhengming.lifecycle import CaseService, add_user, machine
from zhengming.lifecycle import table as lifecycle_table
from zhengming.store import open_store
from zhengming.store.crypto import Keyring, create_key_file

BPMN = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs"
                  targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="clarification" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="trigger"/>
    <bpmn:exclusiveGateway id="trigger" default="f_na">
      <bpmn:incoming>f0</bpmn:incoming><bpmn:outgoing>f_yes</bpmn:outgoing><bpmn:outgoing>f_na</bpmn:outgoing>
    </bpmn:exclusiveGateway>
    <bpmn:sequenceFlow id="f_yes" sourceRef="trigger" targetRef="propose">
      <bpmn:conditionExpression>outcome in ("must_clarify", "may_clarify")</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f_na" sourceRef="trigger" targetRef="closed"/>
    <bpmn:userTask id="propose"><bpmn:incoming>f_yes</bpmn:incoming><bpmn:outgoing>f1</bpmn:outgoing></bpmn:userTask>
    <bpmn:sequenceFlow id="f1" sourceRef="propose" targetRef="review"/>
    <bpmn:userTask id="review"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="approve"/>
    <bpmn:userTask id="approve"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f3</bpmn:outgoing></bpmn:userTask>
    <bpmn:sequenceFlow id="f3" sourceRef="approve" targetRef="clarify"/>
    <bpmn:userTask id="clarify"><bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f4</bpmn:outgoing></bpmn:userTask>
    <bpmn:sequenceFlow id="f4" sourceRef="clarify" targetRef="end"/>
    <bpmn:endEvent id="end"><bpmn:incoming>f4</bpmn:incoming></bpmn:endEvent>
    <bpmn:endEvent id="closed"><bpmn:incoming>f_na</bpmn:incoming></bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>"""

# 济南, online impact: the handling department proposes, the commission head approves, and it is
# reported to the county party committee head (第七条) — three steps; then a written clarification.
USERS = {
    "li": ("discipline_commission", "county", ["handling_department"]),
    "wang": ("discipline_commission", "county", ["commission_head"]),
    "zhao": ("party_committee", "county", ["party_committee_head"]),
}
APPROVERS = ["li", "wang", "zhao"]
BASE_CASE = {
    "jurisdiction": "jinan",
    "as_of": "2023-05-01",
    "subject": {"kind": "person", "name": "张某", "management_level": "county"},
    "report": {"received_on": "2023-01-05", "real_name": True, "channel": "letter"},
    "handling": {"organ": "discipline_commission", "level": "county", "verification_concluded_on": "2023-03-10"},
    "allegations": [{"id": "a1", "summary": "收受礼金", "finding": "untrue"}],
    "impact": {"scope": "online"},
}


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


# --- SpiffWorkflow ---------------------------------------------------------------------------


def spiff():
    from SpiffWorkflow.bpmn import BpmnWorkflow
    from SpiffWorkflow.bpmn.parser import BpmnParser
    from SpiffWorkflow.bpmn.serializer import BpmnWorkflowSerializer
    from SpiffWorkflow.util.task import TaskState

    parser = BpmnParser()
    parser.add_bpmn_str(BPMN.encode())
    spec = parser.get_spec("clarification")
    serializer = BpmnWorkflowSerializer()

    def start():
        workflow = BpmnWorkflow(spec)
        for task in workflow.get_tasks(state=TaskState.READY):
            task.data["outcome"] = "must_clarify"
        workflow.do_engine_steps()
        return workflow

    def act(workflow, actor):
        task = workflow.get_tasks(state=TaskState.READY, manual=True)[0]
        task.data["actor"] = actor
        task.run()
        workflow.do_engine_steps()

    def in_memory(count):
        for _ in range(count):
            workflow = start()
            for actor in [*APPROVERS, "li"]:
                act(workflow, actor)
            assert workflow.is_completed()

    def load_act_save(count):
        for _ in range(count):
            saved = serializer.serialize_json(start())
            for actor in [*APPROVERS, "li"]:
                workflow = serializer.deserialize_json(saved)
                act(workflow, actor)
                saved = serializer.serialize_json(workflow)
            assert serializer.deserialize_json(saved).is_completed()

    def in_sqlite(path: Path):
        """Each step one transaction: read the row, deserialize, act, serialize, write back (version check)."""
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("CREATE TABLE workflows (id TEXT PRIMARY KEY, version INTEGER NOT NULL, data TEXT NOT NULL)")
        counter = iter(range(10**9))

        def run(count):
            for _ in range(count):
                case_id = f"S-{next(counter)}"
                db.execute("BEGIN")
                db.execute("INSERT INTO workflows VALUES (?, 1, ?)", (case_id, serializer.serialize_json(start())))
                db.execute("COMMIT")
                for actor in [*APPROVERS, "li"]:
                    db.execute("BEGIN")
                    data, version = db.execute(
                        "SELECT data, version FROM workflows WHERE id = ?", (case_id,)
                    ).fetchone()
                    workflow = serializer.deserialize_json(data)
                    act(workflow, actor)
                    written = db.execute(
                        "UPDATE workflows SET data = ?, version = ? WHERE id = ? AND version = ?",
                        (serializer.serialize_json(workflow), version + 1, case_id, version),
                    ).rowcount
                    if written != 1:
                        raise RuntimeError("lost update")
                    db.execute("COMMIT")
                assert workflow.is_completed()

        return run

    return in_memory, load_act_save, in_sqlite


# --- zhengming -------------------------------------------------------------------------------


def zhengming_in_memory(decision: dict):
    users = [SimpleNamespace(name=n, organ=o, level=lv, roles=r) for n, (o, lv, r) in USERS.items()]
    by_name = {u.name: u for u in users}
    document = {"handling": BASE_CASE["handling"]}
    now = datetime.now(UTC)
    clock = SimpleNamespace(now=lambda: now, today=now.date, figure=lambda _case: {})  # no stored statistics

    def run(count):
        for n in range(count):
            steps = machine.steps_of("clarification", decision)
            case = SimpleNamespace(
                case_id=f"M-{n}",
                kind="clarification",
                steps=steps,
                current_step=0,
                consent=None,
                document=document,
                decision=decision,
                state=None,
            )
            state, _reason = machine.entry_state("clarification", decision, steps)  # the trigger gateway
            case.state = state.value
            for name in APPROVERS:  # the rows of the lifecycle table, run in memory
                lifecycle_table.run(lifecycle_table.APPROVE, case, by_name[name], {}, clock)
            lifecycle_table.run(
                lifecycle_table.CLARIFY, case, by_name["li"], {"method": "written"}, clock
            )  # the final step
            assert case.state == "clarified"

    return run


def zhengming_persisted(path: Path, engine: Engine, prefix: str = "P"):
    """Every transition in its own transaction: state, approval record and audit event together."""
    store = open_store(str(path), keyring=KEYRING)
    for name, (organ, level, roles) in USERS.items():
        add_user(store, name, organ, level, roles)
    service = CaseService(store, engine, return_views=False)
    counter = iter(range(10**9))

    def run(count):
        for _ in range(count):
            case_id = f"{prefix}-{next(counter)}"
            service.open(BASE_CASE | {"case_id": case_id})  # intake: the trigger gateway, through the engine
            for name in APPROVERS:
                service.approve(case_id, name, "同意")
            service.clarify(case_id, "li", "written")

    return run, store


KEYRING = Keyring.generate()


def checkpoint(path: Path) -> None:
    """Fold the WAL into the database file, so that copying the file copies the database."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def record_statements(store, run, count: int) -> list[tuple[str, object, bool]]:
    """The statements zhengming issues (SQL, parameters, executemany) while running ``count`` cases,
    with ``BEGIN``/``COMMIT`` where its transactions begin and end."""
    from sqlalchemy import event

    issued: list[tuple[str, object, bool]] = []

    def before(_conn, _cursor, statement, parameters, _context, executemany):
        issued.append((statement, parameters, executemany))

    def begin(_conn):
        issued.append(("BEGIN", (), False))

    def commit(_conn):
        issued.append(("COMMIT", (), False))

    def rollback(_conn):
        issued.append(("ROLLBACK", (), False))

    listeners = [("before_cursor_execute", before), ("begin", begin), ("commit", commit), ("rollback", rollback)]
    for name, fn in listeners:
        event.listen(store.engine, name, fn)
    try:
        run(count)
    finally:
        for name, fn in listeners:
            event.remove(store.engine, name, fn)
    return issued


def timed(work) -> tuple[float, float]:
    """Wall-clock and CPU seconds (this process: user and system) of ``work()``. On a machine shared with
    other work the CPU time is the steadier figure: both sides here are single-threaded and do not wait
    on the disk (WAL, synchronous=NORMAL)."""
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - wall, time.process_time() - cpu


def replay(path: Path, issued: list[tuple[str, object, bool]]) -> None:
    """Raw sqlite3 running ``issued`` on the database at ``path`` (same pragmas), fetching every result."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    in_transaction = False
    for statement, parameters, many in issued:
        if statement == "BEGIN":
            continue  # pysqlite begins lazily, before the first write; so does the replay
        if statement in ("COMMIT", "ROLLBACK"):
            if in_transaction:
                db.execute(statement)
            in_transaction = False
            continue
        if not in_transaction and not statement.lstrip().upper().startswith("SELECT"):
            db.execute("BEGIN")
            in_transaction = True
        if many:
            db.executemany(statement, parameters)
        else:
            db.execute(statement, parameters).fetchall()
    db.close()


def persisted_bench(folder: Path, engine: Engine, cases: int, runs: int, spiff_sqlite) -> dict:
    """(b): zhengming, SpiffWorkflow in SQLite, and the floor, per case (best of ``runs``, interleaved)."""
    persisted, store = zhengming_persisted(folder / "lifecycle.sqlite", engine)
    spiff_run = spiff_sqlite(folder / "spiff.sqlite")
    persisted(50)  # warm caches
    spiff_run(50)
    zhengming_s, spiff_s = [], []
    for _ in range(runs):
        zhengming_s.append(timed(lambda: persisted(cases)))
        spiff_s.append(timed(lambda: spiff_run(cases)))
    store.dispose()

    # the floor: record the statements of the same work on a second database, replay them on a copy of it
    recorded = folder / "recorded.sqlite"
    again, store = zhengming_persisted(recorded, engine, prefix="R")
    again(50)
    floor_s = []
    for run in range(runs):
        checkpoint(recorded)
        copy = folder / f"floor-{run}.sqlite"
        shutil.copyfile(recorded, copy)
        issued = record_statements(store, again, cases)
        floor_s.append(timed(lambda copy=copy, issued=issued: replay(copy, issued)))
    store.dispose()
    statements = sum(1 for s, _p, _m in issued if s not in ("BEGIN", "COMMIT", "ROLLBACK"))
    transactions = sum(1 for s, _p, _m in issued if s == "COMMIT")
    per_case = {}
    for name, times in (("zhengming", zhengming_s), ("spiff", spiff_s), ("floor", floor_s)):
        per_case[f"{name}_ms"] = min(wall for wall, _cpu in times) / cases * 1e3
        per_case[f"{name}_cpu_ms"] = min(cpu for _wall, cpu in times) / cases * 1e3
    return per_case | {
        "statements": statements / cases,
        "transactions": transactions / cases,
    }


@contextlib.contextmanager
def audit_left_out(part: str):
    """An analysis of where (b)'s time goes, not a configuration zhengming offers: within the block, the
    keyed row digests and the action-time row check (``part="digests"``), or the whole audit — digests,
    check and event — (``part="audit"``) cost nothing."""
    from zhengming.lifecycle import actions
    from zhengming.store import audit, integrity

    def nothing(*_args, **_kwargs):
        return None

    def no_digests(*_args, **_kwargs):
        return {integrity.WHOLE: ""}

    def no_events(_conn, _keyring, events, **_kwargs):
        return [dict(event) for event in events]

    patches = [
        (actions, "require_explained_row", nothing),
        (actions, "case_digests", no_digests),
        (integrity, "row_digests", no_digests),
    ]
    if part == "audit":
        patches.append((audit, "append_events", no_events))
    saved = [(module, name, getattr(module, name)) for module, name, _ in patches]
    for module, name, replacement in patches:
        setattr(module, name, replacement)
    try:
        yield
    finally:
        for module, name, original in saved:
            setattr(module, name, original)


def three_step_decision(engine: Engine) -> dict:
    decision = to_document(engine.evaluate_document(BASE_CASE | {"case_id": "D"}))
    assert len(decision["approval"]["steps"]) == 3, decision["approval"]["steps"]
    return decision


# --- import ------------------------------------------------------------------------------------

FINDINGS = ["untrue", "untrue", "untrue", "partially_true", "true", "unverifiable"]
SCOPES = ["none", "individual", "unit", "unit", "region", "online"]
JURISDICTIONS = ["jinan", "pingdingshan", "pingdingshan.lushan", "zhejiang", "xuchang", "core"]


def write_cases(path: Path, count: int, installed: set[str], seed: int = 11) -> None:
    rng = random.Random(seed)
    places = [j for j in JURISDICTIONS if j in installed] or ["core"]
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            document = {
                "jurisdiction": rng.choice(places),
                "as_of": "2024-03-01",
                "case_id": f"IMP-{n:07d}",
                "subject": {"kind": "person", "name": "某某", "management_level": rng.choice(["city", "county"])},
                "report": {"received_on": "2023-11-05", "real_name": rng.random() < 0.5, "channel": "letter"},
                "handling": {
                    "organ": rng.choice(["discipline_commission", "party_committee", "dispatched_agency"]),
                    "level": "county",
                    "verification_concluded_on": f"2024-01-{rng.randint(1, 28):02d}",
                },
                "allegations": [
                    {"id": f"a{i}", "summary": "反映问题", "finding": rng.choice(FINDINGS)}
                    for i in range(rng.randint(1, 3))
                ],
                "impact": {"scope": rng.choice(SCOPES), "on_selection": rng.random() < 0.3},
                "circumstances": {"key_juncture": rng.random() < 0.2, "pending_other_clues": rng.random() < 0.05},
            }
            if n % 3 == 0:
                document["reporter"] = {"name": f"举报人{n}", "phone": f"139{n:08d}"}
            out.write(json.dumps(document, ensure_ascii=False) + "\n")


def raw_copy_seconds(source: Path, target: Path, batch: int = 10000) -> float:
    """Time a raw sqlite3 executemany of every row of ``cases`` and ``audit_events`` into a copy of the
    schema (same indexes, same pragmas); reading the rows back is not timed."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA synchronous = NORMAL")
    for (sql,) in src.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"):
        dst.execute(sql)
    dst.commit()
    spent = 0.0
    for table in ("cases", "audit_events"):
        columns = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
        insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        cursor = src.execute(f"SELECT {', '.join(columns)} FROM {table}")
        while rows := cursor.fetchmany(batch):
            started = time.perf_counter()
            dst.executemany(insert, rows)
            dst.commit()
            spent += time.perf_counter() - started
    src.close()
    dst.close()
    return spent


def tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and its child processes (Linux /proc), in KiB."""
    total = 0
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        children = []
    for each in [str(pid), *children]:
        try:
            status = Path(f"/proc/{each}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total


def import_bench(folder: Path, count: int, installed: set[str]) -> dict:
    jsonl = folder / "cases.jsonl"
    started = time.perf_counter()
    write_cases(jsonl, count, installed)
    generated = time.perf_counter() - started
    db = folder / "import.sqlite"
    create_key_file(folder / "key")
    env = os.environ | {"ZHENGMING_DB": str(db), "ZHENGMING_KEY_FILE": str(folder / "key")}
    zhengming = Path(sys.executable).with_name("zhengming")
    started = time.perf_counter()
    process = subprocess.Popen(
        [str(zhengming), "--local-admin", "import", str(jsonl), "--no-progress", "--json", "--batch", "2000"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    tree_peak = 0
    watcher = threading.Thread(target=lambda: None)
    if Path("/proc").is_dir():

        def watch() -> None:
            nonlocal tree_peak
            while process.poll() is None:
                tree_peak = max(tree_peak, tree_rss_kb(process.pid))
                time.sleep(0.2)

        watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    watcher.join()
    if process.returncode not in (0, 2):
        raise SystemExit(stderr)
    report = json.loads(stdout)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest single process
    raw = raw_copy_seconds(db, folder / "raw.sqlite")
    return {
        "cases": count,
        "generated_s": generated,
        "import_s": wall,
        "imported": report["imported"],
        "peak_rss_mb": peak_mb,
        "tree_rss_mb": tree_peak / 1024,  # importer and its workers together (shared pages counted twice)
        "raw_s": raw,
        "db_mb": db.stat().st_size / 2**20,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000, help="cases per lifecycle measurement")
    parser.add_argument("--import-cases", type=int, default=1_000_000, help="cases in the import measurement")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--audit-cost",
        action="store_true",
        help="(b) again with the row digests and row check, then the whole audit, costing nothing (an analysis)",
    )
    args = parser.parse_args()

    registry = load_registry()
    engine = Engine(registry)
    decision = three_step_decision(engine)
    spiff_memory, _spiff_saved, spiff_sqlite = spiff()
    n = args.cases
    print(f"lifecycle: trigger gateway, 3 approvals, final step; {n} cases; best of {args.runs} runs")

    zm = best(lambda: zhengming_in_memory(decision)(n), args.runs)
    sp = best(lambda: spiff_memory(n), args.runs)
    print(
        f"(a) in memory   zhengming {zm / n * 1e6:8.1f} µs/case   SpiffWorkflow {sp / n * 1e6:8.1f} µs/case"
        f"   ratio {sp / zm:6.1f}x (target >= 20x)"
    )

    with tempfile.TemporaryDirectory(prefix="zm-bench-") as tmp:
        folder = Path(tmp)
        b = persisted_bench(folder, engine, max(n // 4, 50), args.runs, spiff_sqlite)
        print(
            f"(b) persisted   zhengming {b['zhengming_ms']:8.2f} ms/case   SpiffWorkflow in SQLite "
            f"{b['spiff_ms']:8.2f} ms/case   ratio {b['spiff_ms'] / b['zhengming_ms']:6.2f}x (target >= 2x)"
        )
        print(
            f"    CPU time    zhengming {b['zhengming_cpu_ms']:8.2f} ms/case   SpiffWorkflow in SQLite "
            f"{b['spiff_cpu_ms']:8.2f} ms/case   ratio {b['spiff_cpu_ms'] / b['zhengming_cpu_ms']:6.2f}x"
        )
        print(
            f"    floor: raw sqlite3 running zhengming's {b['statements']:.0f} statements in "
            f"{b['transactions']:.0f} transactions per case {b['floor_ms']:6.2f} ms/case "
            f"(CPU {b['floor_cpu_ms']:.2f}); zhengming {b['zhengming_ms'] / b['floor_ms']:.2f}x the floor "
            f"(CPU {b['zhengming_cpu_ms'] / b['floor_cpu_ms']:.2f}x)"
        )

        if args.audit_cost:
            for part, what in (("digests", "keyed row digests and row check"), ("audit", "the whole audit")):
                (folder / part).mkdir()
                with audit_left_out(part):
                    c = persisted_bench(folder / part, engine, max(n // 4, 50), args.runs, spiff_sqlite)
                print(
                    f"    without {what}: zhengming {c['zhengming_ms']:.2f} ms/case (CPU {c['zhengming_cpu_ms']:.2f}), "
                    f"SpiffWorkflow {c['spiff_ms']:.2f} ms/case: ratio {c['spiff_ms'] / c['zhengming_ms']:.2f}x "
                    f"(CPU {c['spiff_cpu_ms'] / c['zhengming_cpu_ms']:.2f}x)"
                )

        if not args.skip_import:
            figures = import_bench(folder, args.import_cases, set(registry.ids()))
            rate = figures["imported"] / figures["import_s"]
            print(
                f"(c) import      {figures['cases']:,} cases in {figures['import_s']:.1f} s ({rate:,.0f}/s), "
                f"peak RSS {figures['peak_rss_mb']:.0f} MB (with its workers {figures['tree_rss_mb']:.0f} MB), database {figures['db_mb']:.0f} MB; "
                f"raw sqlite3 executemany of the same rows {figures['raw_s']:.1f} s; "
                f"ratio {figures['import_s'] / figures['raw_s']:.1f}x (targets <= 300 s, < 300 MB, <= 3x)"
            )
    print(f"({datetime.now(UTC):%Y-%m-%d}, {os.cpu_count()} cores, Python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
