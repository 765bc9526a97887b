"""Benchmark: zhengming's case lifecycle side by side with SpiffWorkflow 3.2.0 on the same shape —
a trigger gateway, three sequential approvals, a final step — and the bulk import. Prints figures
and ratios; asserts nothing.

    .venv/bin/python bench/lifecycle.py [--cases N] [--import-cases N] [--skip-import]

(a) in memory: zhengming's state machine (the code the stored lifecycle runs: gateway from the
    decision, role/organ/level check of each approver, final clarification) against a SpiffWorkflow
    BPMN workflow (exclusive gateway, three user tasks, a final user task).
(b) persisted: zhengming writing every transition — state change, approval record, hash-chained audit
    event — to SQLite in its own transaction, against SpiffWorkflow's load→act→save loop (deserialize
    the workflow from JSON, complete the task, serialize again; no database at all).
(c) import of generated cases with ``zhengming import`` (validation, evaluation, sealing, insert, audit):
    wall time, peak RSS of the importing process (and of it with its worker processes, summed), and the ratio to a raw sqlite3 executemany of the
    very rows it wrote, into the same schema.

Targets (issue 5): (a) >= 20x, (b) >= 3x, (c) 1M cases <= 5 min, RSS < 300 MB, <= 3x raw.
SpiffWorkflow is a bench-only dependency: ``make bench`` installs it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
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

    return in_memory, load_act_save


# --- zhengming -------------------------------------------------------------------------------


def zhengming_in_memory(decision: dict):
    users = [SimpleNamespace(name=n, organ=o, level=lv, roles=r) for n, (o, lv, r) in USERS.items()]
    by_name = {u.name: u for u in users}
    document = {"handling": BASE_CASE["handling"]}
    now = datetime.now(UTC)
    clock = SimpleNamespace(now=lambda: now, today=now.date)

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
            lifecycle_table.run(lifecycle_table.CLARIFY, case, by_name["li"], {"method": "written"}, clock)  # the final step
            assert case.state == "clarified"

    return run


def zhengming_persisted(folder: Path, engine: Engine, decision: dict):
    """Every transition in its own transaction: state, approval record and audit event together."""
    store = open_store(str(folder / "lifecycle.sqlite"), keyring=Keyring.generate())
    for name, (organ, level, roles) in USERS.items():
        add_user(store, name, organ, level, roles)
    service = CaseService(store, engine, return_views=False)
    counter = iter(range(10**9))

    def run(count):
        for _ in range(count):
            case_id = f"P-{next(counter)}"
            service.open(BASE_CASE | {"case_id": case_id})  # intake: the trigger gateway, through the engine
            for name in APPROVERS:
                service.approve(case_id, name, "同意")
            service.clarify(case_id, "li", "written")

    return run, store


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
    args = parser.parse_args()

    registry = load_registry()
    engine = Engine(registry)
    decision = three_step_decision(engine)
    spiff_memory, spiff_saved = spiff()
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
        persisted, store = zhengming_persisted(folder, engine, decision)
        persisted(50)  # warm caches
        m = max(n // 4, 50)
        zp = best(lambda: persisted(m), args.runs)
        ss = best(lambda: spiff_saved(m), args.runs)
        store.dispose()
        print(
            f"(b) persisted   zhengming {zp / m * 1e3:8.2f} ms/case   Spiff load→act→save {ss / m * 1e3:8.2f} ms/case"
            f"   ratio {ss / zp:6.1f}x (target >= 3x; zhengming: 5 SQLite transactions per case with audit)"
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
