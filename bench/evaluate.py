"""Benchmark: batch evaluation throughput (schema validation included) and the cold start of
``zhengming evaluate`` on one case. Prints figures; asserts nothing.

    .venv/bin/python bench/evaluate.py [--cases N] [--runs K]

Targets (issue 2): >= 10,000 cases/s on one core; cold start <= 250 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from zhengming import Engine, load_registry, to_document
from zhengming.validation import check_case

FINDINGS = ["untrue", "untrue", "untrue", "partially_true", "true", "unverifiable"]
SCOPES = ["none", "individual", "unit", "unit", "region", "online"]
ORGANS = [
    "discipline_commission",
    "party_committee",
    "organization_department",
    "dispatched_agency",
    "township_discipline",
]


def generate(count: int, seed: int = 7, jurisdictions: tuple[str, ...] = ("jinan",)) -> list[dict]:
    rng = random.Random(seed)
    cases = []
    for n in range(count):
        allegations = [
            {
                "id": f"a{i}",
                "summary": "反映问题",
                "finding": rng.choice(FINDINGS),
                "disposition_form": rng.choice([None, 1, 2, 3]),
            }
            for i in range(rng.randint(1, 4))
        ]
        cases.append(
            {
                "jurisdiction": "jinan",
                "as_of": "2023-05-01",
                "case_id": f"B-{n}",
                "subject": {
                    "kind": "person",
                    "name": "某某",
                    "management_level": rng.choice(["city", "county", "township"]),
                },
                "report": {"received_on": "2023-01-05", "real_name": rng.random() < 0.5, "channel": "letter"},
                "handling": {
                    "organ": rng.choice(ORGANS),
                    "level": "county",
                    "closed_by_letter_inquiry": rng.random() < 0.1,
                },
                "allegations": allegations,
                "impact": {"scope": rng.choice(SCOPES), "on_selection": rng.random() < 0.3},
            }
        )
    return cases


def throughput(cases: list[dict]) -> dict[str, float]:
    engine = Engine(load_registry())
    for case in cases[:200]:  # warm the per-chain manager cache
        to_document(engine.evaluate_document(case))
    started = time.perf_counter()
    for case in cases:
        check_case(case)
    validate = time.perf_counter() - started
    started = time.perf_counter()
    for case in cases:
        to_document(engine.evaluate_document(case))
    total = time.perf_counter() - started
    return {
        "cases": len(cases),
        "validate_per_s": len(cases) / validate,
        "end_to_end_per_s": len(cases) / total,
        "us_per_case": total / len(cases) * 1e6,
    }


def cold_start(runs: int) -> dict[str, float]:
    command = shutil.which("zhengming", path=str(Path(sys.executable).parent))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "case.json"
        path.write_text(json.dumps(generate(1)[0]), encoding="utf-8")

        def timed(args: list[str]) -> float:
            started = time.perf_counter()
            subprocess.run(args, check=True, capture_output=True)
            return time.perf_counter() - started

        timed([command, "evaluate", str(path), "--json"])  # warm the OS file cache and .pyc files
        evaluate = [timed([command, "evaluate", str(path), "--json"]) for _ in range(runs)]
        bare = [timed([sys.executable, "-c", "pass"]) for _ in range(runs)]
    return {
        "median_ms": statistics.median(evaluate) * 1e3,
        "min_ms": min(evaluate) * 1e3,
        "python_alone_ms": statistics.median(bare) * 1e3,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--all-jurisdictions", action="store_true", help="spread cases over every installed one")
    args = parser.parse_args()
    places = tuple(j for j in load_registry().ids() if j != "core") if args.all_jurisdictions else ("jinan",)
    batch = throughput(generate(args.cases, jurisdictions=places))
    start = cold_start(args.runs)
    print(
        f"batch ({len(places)} jurisdiction(s)): {batch['cases']} cases, {batch['end_to_end_per_s']:,.0f} cases/s end to end "
        f"({batch['us_per_case']:.1f} µs/case; validation alone {batch['validate_per_s']:,.0f}/s) "
        f"— target 10,000/s: ratio {batch['end_to_end_per_s'] / 10_000:.2f}×"
    )
    print(
        f"cold start: zhengming evaluate median {start['median_ms']:.0f} ms (min {start['min_ms']:.0f} ms; "
        f"python alone {start['python_alone_ms']:.0f} ms) — target 250 ms: ratio {250 / start['median_ms']:.2f}×"
    )


if __name__ == "__main__":
    main()
