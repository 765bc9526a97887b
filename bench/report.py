"""Benchmark: ``zhengming report`` over N generated cases (default 1,000,000) on PostgreSQL and SQLite,
against a hand-written GROUP BY over the same tables (the floor). Prints figures; asserts nothing.

    .venv/bin/python bench/report.py [--cases N] [--pg URL] [--skip-pg] [--skip-sqlite]

Rows are generated with bulk SQL (generate_series / a recursive CTE), not through the lifecycle: half
the cases are clarifications (each clarified once, by one of four methods), the rest false accusations,
fault-tolerance filings and accountability cases, over 18 jurisdictions and three years; then VACUUM
ANALYZE (what autovacuum does after a bulk load). The report is run by quarter over the three years
(the widest grouping), best of 3 rounds after one warm-up, the report and the floor taking turns in each
round (so a burst of load on a shared machine hits both); the floor's figures are checked against it.
Targets (issue 14): <= 1 s on PostgreSQL; report / floor <= 1.5x.
"""

from __future__ import annotations

import argparse
import os
import secrets
import tempfile
import time
from datetime import date

from sqlalchemy import text

from zhengming.reports.query import report
from zhengming.store import open_store
from zhengming.store.models import User

JURISDICTIONS = 18
# handled by a county commission, approved by the county party committee (what need-to-know reads)
SEATS = "'discipline_commission', 'county', '|discipline_commission:county|party_committee:county|'"
START, END = date(2020, 1, 1), date(2022, 12, 31)

PG_SQL = [
    f"""INSERT INTO cases (case_id, kind, jurisdiction, as_of, state, outcome, fast_track, due_on, steps, current_step,
        document, decision, chain, plugin_versions, rules_fingerprint, opened_by, opened_at, updated_at, version,
        handling_organ, handling_level, seats)
    SELECT 'B-' || g,
        (ARRAY['clarification','clarification','clarification','false_accusation','fault_tolerance','accountability'])[1 + g % 6],
        'j' || (g % {JURISDICTIONS}), DATE '2020-01-01' + (g % 1096),
        CASE WHEN g % 50 = 0 THEN 'approval' ELSE 'closed' END,
        (ARRAY['must_clarify','decided','eligible','reminder'])[1 + g % 4], false,
        CASE WHEN g % 50 = 0 THEN DATE '2020-01-01' + (g % 1096) + 30 END,
        '[]', 0, '{{}}', '{{}}', '["core"]', '{{}}', repeat('0', 64), 'bench', now(), now(), 1, {SEATS}
    FROM generate_series(1, :n) AS g""",
    """INSERT INTO clarifications (case_pk, actor, at, method, carried_out_on, scope)
    SELECT id, 'bench', now(), (ARRAY['meeting','written','face_to_face','notice'])[1 + id % 4], as_of + 20, ''
    FROM cases WHERE kind = 'clarification'""",
    """INSERT INTO case_figures (case_pk, kind, jurisdiction, decided_on, outcome, classification, persons, units,
        counted_on, methods, handling_organ, handling_level, seats)
    SELECT id, kind, jurisdiction, as_of, outcome,
        CASE WHEN kind = 'false_accusation' THEN (CASE WHEN id % 3 = 0 THEN 'malicious' ELSE 'mistaken' END) END,
        CASE WHEN id % 11 = 0 THEN 0 ELSE 1 + (id % 7 = 0)::int END, (id % 11 = 0)::int,
        CASE WHEN kind = 'clarification' THEN as_of + 20 ELSE as_of END,
        CASE WHEN kind = 'clarification' THEN (ARRAY['meeting','written','face_to_face','notice'])[1 + id % 4] END,
        handling_organ, handling_level, seats
    FROM cases""",
]
SQLITE_SQL = [
    f"""WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < :n)
    INSERT INTO cases (case_id, kind, jurisdiction, as_of, state, outcome, fast_track, due_on, steps, current_step,
        document, decision, chain, plugin_versions, rules_fingerprint, opened_by, opened_at, updated_at, version,
        handling_organ, handling_level, seats)
    SELECT 'B-' || n,
        CASE n % 6 WHEN 3 THEN 'false_accusation' WHEN 4 THEN 'fault_tolerance' WHEN 5 THEN 'accountability'
            ELSE 'clarification' END,
        'j' || (n % {JURISDICTIONS}), date('2020-01-01', '+' || (n % 1096) || ' days'),
        CASE WHEN n % 50 = 0 THEN 'approval' ELSE 'closed' END,
        CASE n % 4 WHEN 0 THEN 'must_clarify' WHEN 1 THEN 'decided' WHEN 2 THEN 'eligible' ELSE 'reminder' END, 0,
        CASE WHEN n % 50 = 0 THEN date('2020-01-01', '+' || (n % 1096 + 30) || ' days') END,
        '[]', 0, '{{}}', '{{}}', '["core"]', '{{}}', '{"0" * 64}', 'bench', '2024-01-01', '2024-01-01', 1, {SEATS}
    FROM g""",
    """INSERT INTO clarifications (case_pk, actor, at, method, carried_out_on, scope)
    SELECT id, 'bench', '2024-01-01',
        CASE id % 4 WHEN 0 THEN 'meeting' WHEN 1 THEN 'written' WHEN 2 THEN 'face_to_face' ELSE 'notice' END,
        date(as_of, '+20 days'), ''
    FROM cases WHERE kind = 'clarification'""",
    """INSERT INTO case_figures (case_pk, kind, jurisdiction, decided_on, outcome, classification, persons, units,
        counted_on, methods, handling_organ, handling_level, seats)
    SELECT id, kind, jurisdiction, as_of, outcome,
        CASE WHEN kind = 'false_accusation' THEN (CASE WHEN id % 3 = 0 THEN 'malicious' ELSE 'mistaken' END) END,
        CASE WHEN id % 11 = 0 THEN 0 ELSE 1 + (id % 7 = 0) END, (id % 11 = 0),
        CASE WHEN kind = 'clarification' THEN date(as_of, '+20 days') ELSE as_of END,
        CASE WHEN kind = 'clarification' THEN
            (CASE id % 4 WHEN 0 THEN 'meeting' WHEN 1 THEN 'written' WHEN 2 THEN 'face_to_face' ELSE 'notice' END) END,
        handling_organ, handling_level, seats
    FROM cases""",
]


# sees the county commissions' cases through need-to-know's "higher level of the handling organ" rule
PROVINCE = User(name="bench", organ="discipline_commission", level="province", roles=["commission_head"], active=True)


def floor_sql(dialect: str) -> list[str]:
    """The same figures by hand, over the same tables: the counted cases grouped by day and the
    index's columns, then by quarter (one GROUP BY of ``case_figures`` read from its index), and the two
    overdue counts. What is left to Python is folding ~120 rows into the report's categories."""
    if dialect == "postgresql":
        q = "(EXTRACT(year FROM day)::int * 10 + (EXTRACT(month FROM day)::int + 2) / 3)"
    else:
        q = "(CAST(strftime('%Y', day) AS INTEGER) * 10 + (CAST(strftime('%m', day) AS INTEGER) + 2) / 3)"
    return [
        f"""SELECT {q}, kind, outcome, classification, methods, sum(n), sum(p), sum(u) FROM
            (SELECT counted_on AS day, kind, outcome, classification, methods,
                    count(*) AS n, sum(persons) AS p, sum(units) AS u
             FROM case_figures WHERE counted_on BETWEEN :a AND :b
             GROUP BY counted_on, kind, outcome, classification, methods) x
            GROUP BY 1, 2, 3, 4, 5""",
        """SELECT count(*) FROM cases WHERE state IN ('intake','deferred','proposal','approval','probation')
            AND due_on < :b""",
        """SELECT count(*) FROM cases WHERE state = 'revisit' AND EXISTS (SELECT 1 FROM revisits r
            WHERE r.case_pk = cases.id AND r.done_on IS NULL AND r.planned_on < :b)""",
    ]


def settle(store) -> None:
    """What autovacuum does after a bulk load, done now: planner statistics and (PostgreSQL) the
    visibility map that lets the report read its index without visiting the rows."""
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE" if store.dialect == "postgresql" else "ANALYZE"))


def totals(data: dict) -> tuple:
    t = data["total"]
    return (
        t["clarified"]["cases"],
        t["clarified"]["persons"],
        t["clarified"]["units"],
        sum(t["clarified"]["by_method"].values()),
        t["false_accusation"]["cases"],
        t["false_accusation"]["people"],
        t["fault_tolerance"]["filings"],
        t["fault_tolerance"]["cadres"],
        t["accountability"]["cases"],
        t["overdue"],
    )


def floor_totals(results: list) -> tuple:
    """The floor's rows summed the way the report sums them (a check, not part of the timing)."""
    counted, late, late_revisits = results
    figure = {k: [0, 0, 0] for k in ("clarification", "malicious", "fault_tolerance", "accountability")}
    methods = 0
    for _, kind, _, classification, how, n, p, u in counted:
        key = "malicious" if classification == "malicious" else kind
        if key in figure:
            figure[key] = [figure[key][0] + n, figure[key][1] + p, figure[key][2] + u]
        methods += n * len(how.split(",")) if how else 0
    c, m, f, a = (figure[k] for k in ("clarification", "malicious", "fault_tolerance", "accountability"))
    return (*c, methods, m[0], m[1], f[0], f[1], a[0], late[0][0] + late_revisits[0][0])


def best(*runs, repeat: int = 3) -> list[float]:
    """The best time of each run over ``repeat`` rounds, after one warm-up each; the runs take turns
    in every round, so a burst of load from other work on a shared machine hits all of them alike."""
    for run in runs:
        run()
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for run, taken in zip(runs, times, strict=True):
            started = time.perf_counter()
            run()
            taken.append(time.perf_counter() - started)
    return [min(taken) for taken in times]


def measure(name: str, url: str, cases: int) -> None:
    store = open_store(url)
    started = time.perf_counter()
    with store.transaction() as session:
        for sql in PG_SQL if store.dialect == "postgresql" else SQLITE_SQL:
            session.execute(text(sql), {"n": cases})
    settle(store)
    generated = time.perf_counter() - started

    def ours():
        with store.transaction() as session:
            return report(session, START, END, by="quarter")

    def floor():
        with store.transaction() as session:
            return [session.execute(text(sql), {"a": START, "b": END}).all() for sql in floor_sql(store.dialect)]

    def as_province():  # what `zhengming report` runs for a signed-in user: need-to-know applies
        with store.transaction() as session:
            return report(session, START, END, by="quarter", viewer=PROVINCE)

    data = ours()
    same = totals(data) == floor_totals(floor()) == totals(as_province())
    mine, hand, seen = best(ours, floor, as_province)
    print(
        f"{name}: {cases:,} cases generated in {generated:.1f} s; report by quarter {mine * 1000:.0f} ms, "
        f"hand-written GROUP BY {hand * 1000:.0f} ms, ratio {mine / hand:.2f}x; "
        f"as a provincial commission head (need-to-know) {seen * 1000:.0f} ms "
        f"(clarified {data['total']['clarified']['cases']:,}, groups {len(data['groups'])}; "
        f"same figures as the floor: {'yes' if same else 'NO'})"
    )
    store.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument(
        "--pg", default=os.environ.get("ZHENGMING_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
    )
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    if not args.skip_pg:
        import psycopg

        name = f"bench_report_{secrets.token_hex(4)}"
        with psycopg.connect(args.pg, autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name}")
            try:
                measure("PostgreSQL", args.pg.rsplit("/", 1)[0] + "/" + name, args.cases)
            finally:
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            measure("SQLite", f"{tmp}/bench.sqlite", args.cases)


if __name__ == "__main__":
    main()
