"""Benchmark: ``zhengming report`` over N generated cases (default 1,000,000) on PostgreSQL and SQLite,
against a hand-written GROUP BY over the same tables (the floor). Prints figures; asserts nothing.

    .venv/bin/python bench/report.py [--cases N] [--pg URL] [--skip-pg] [--skip-sqlite]

Rows are generated with bulk SQL (generate_series / a recursive CTE), not through the lifecycle: half
the cases are clarifications (each clarified once, by one of four methods), the rest false accusations,
fault-tolerance filings and accountability cases, over 18 jurisdictions and three years. The report is
run by quarter over the three years (the widest grouping), best of 3 runs after one warm-up.
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

JURISDICTIONS = 18
START, END = date(2020, 1, 1), date(2022, 12, 31)

PG_SQL = [
    f"""INSERT INTO cases (case_id, kind, jurisdiction, as_of, state, outcome, fast_track, due_on, steps, current_step,
        document, decision, chain, plugin_versions, rules_fingerprint, opened_by, opened_at, updated_at, version)
    SELECT 'B-' || g,
        (ARRAY['clarification','clarification','clarification','false_accusation','fault_tolerance','accountability'])[1 + g % 6],
        'j' || (g % {JURISDICTIONS}), DATE '2020-01-01' + (g % 1096),
        CASE WHEN g % 50 = 0 THEN 'approval' ELSE 'closed' END,
        (ARRAY['must_clarify','decided','eligible','reminder'])[1 + g % 4], false,
        CASE WHEN g % 50 = 0 THEN DATE '2020-01-01' + (g % 1096) + 30 END,
        '[]', 0, '{{}}', '{{}}', '["core"]', '{{}}', repeat('0', 64), 'bench', now(), now(), 1
    FROM generate_series(1, :n) AS g""",
    """INSERT INTO case_figures (case_pk, kind, jurisdiction, decided_on, outcome, classification, persons, units)
    SELECT id, kind, jurisdiction, as_of, outcome,
        CASE WHEN kind = 'false_accusation' THEN (CASE WHEN id % 3 = 0 THEN 'malicious' ELSE 'mistaken' END) END,
        CASE WHEN id % 11 = 0 THEN 0 ELSE 1 + (id % 7 = 0)::int END, (id % 11 = 0)::int
    FROM cases""",
    """INSERT INTO clarifications (case_pk, actor, at, method, carried_out_on, scope)
    SELECT id, 'bench', now(), (ARRAY['meeting','written','face_to_face','notice'])[1 + id % 4], as_of + 20, ''
    FROM cases WHERE kind = 'clarification'""",
    "ANALYZE",
]
SQLITE_SQL = [
    f"""WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < :n)
    INSERT INTO cases (case_id, kind, jurisdiction, as_of, state, outcome, fast_track, due_on, steps, current_step,
        document, decision, chain, plugin_versions, rules_fingerprint, opened_by, opened_at, updated_at, version)
    SELECT 'B-' || n,
        CASE n % 6 WHEN 3 THEN 'false_accusation' WHEN 4 THEN 'fault_tolerance' WHEN 5 THEN 'accountability'
            ELSE 'clarification' END,
        'j' || (n % {JURISDICTIONS}), date('2020-01-01', '+' || (n % 1096) || ' days'),
        CASE WHEN n % 50 = 0 THEN 'approval' ELSE 'closed' END,
        CASE n % 4 WHEN 0 THEN 'must_clarify' WHEN 1 THEN 'decided' WHEN 2 THEN 'eligible' ELSE 'reminder' END, 0,
        CASE WHEN n % 50 = 0 THEN date('2020-01-01', '+' || (n % 1096 + 30) || ' days') END,
        '[]', 0, '{{}}', '{{}}', '["core"]', '{{}}', '{"0" * 64}', 'bench', '2024-01-01', '2024-01-01', 1
    FROM g""",
    """INSERT INTO case_figures (case_pk, kind, jurisdiction, decided_on, outcome, classification, persons, units)
    SELECT id, kind, jurisdiction, as_of, outcome,
        CASE WHEN kind = 'false_accusation' THEN (CASE WHEN id % 3 = 0 THEN 'malicious' ELSE 'mistaken' END) END,
        CASE WHEN id % 11 = 0 THEN 0 ELSE 1 + (id % 7 = 0) END, (id % 11 = 0)
    FROM cases""",
    """INSERT INTO clarifications (case_pk, actor, at, method, carried_out_on, scope)
    SELECT id, 'bench', '2024-01-01',
        CASE id % 4 WHEN 0 THEN 'meeting' WHEN 1 THEN 'written' WHEN 2 THEN 'face_to_face' ELSE 'notice' END,
        date(as_of, '+20 days'), ''
    FROM cases WHERE kind = 'clarification'""",
    "ANALYZE",
]


def floor_sql(dialect: str) -> list[str]:
    """The same figures by hand: one GROUP BY per category, nothing else."""
    if dialect == "postgresql":
        q = "(EXTRACT(year FROM {d})::int * 10 + (EXTRACT(month FROM {d})::int + 2) / 3)"
    else:
        q = "(CAST(strftime('%Y', {d}) AS INTEGER) * 10 + (CAST(strftime('%m', {d}) AS INTEGER) + 2) / 3)"
    qc, qf = q.format(d="c.carried_out_on"), q.format(d="decided_on")
    return [
        f"""SELECT grp, count(*), sum(f.persons), sum(f.units) FROM
            (SELECT c.case_pk, {qc} AS grp FROM clarifications c JOIN case_figures f ON f.case_pk = c.case_pk
             WHERE c.carried_out_on BETWEEN :a AND :b AND f.kind = 'clarification' GROUP BY c.case_pk, grp) x
            JOIN case_figures f ON f.case_pk = x.case_pk GROUP BY grp""",
        f"""SELECT {qc}, c.method, count(DISTINCT c.case_pk) FROM clarifications c JOIN case_figures f
            ON f.case_pk = c.case_pk WHERE c.carried_out_on BETWEEN :a AND :b AND f.kind = 'clarification'
            GROUP BY 1, 2""",
        f"""SELECT {qf}, kind, outcome, classification, count(*), sum(persons) FROM case_figures
            WHERE kind IN ('false_accusation', 'fault_tolerance', 'accountability') AND decided_on BETWEEN :a AND :b
            GROUP BY 1, 2, 3, 4""",
        """SELECT count(*) FROM cases WHERE (due_on < :b AND state IN ('intake','deferred','proposal','approval','probation'))
            OR (state = 'revisit' AND EXISTS (SELECT 1 FROM revisits r WHERE r.case_pk = cases.id
                AND r.done_on IS NULL AND r.planned_on < :b))""",
    ]


def best(run, repeat: int = 3) -> float:
    run()  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def measure(name: str, url: str, cases: int) -> None:
    store = open_store(url)
    started = time.perf_counter()
    with store.transaction() as session:
        for sql in PG_SQL if store.dialect == "postgresql" else SQLITE_SQL:
            session.execute(text(sql), {"n": cases})
    generated = time.perf_counter() - started

    def ours():
        with store.transaction() as session:
            return report(session, START, END, by="quarter")

    def floor():
        with store.transaction() as session:
            for sql in floor_sql(store.dialect):
                session.execute(text(sql), {"a": START, "b": END}).all()

    data = ours()
    mine, hand = best(ours), best(floor)
    print(
        f"{name}: {cases:,} cases generated in {generated:.1f} s; report by quarter {mine * 1000:.0f} ms, "
        f"hand-written GROUP BY {hand * 1000:.0f} ms, ratio {mine / hand:.2f}x "
        f"(clarified {data['total']['clarified']['cases']:,}, groups {len(data['groups'])})"
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
