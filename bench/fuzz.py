"""Fuzz the input boundary through the real commands and print what happened.

    .venv/bin/python bench/fuzz.py                 # >= 10,000 inputs (a few minutes)
    .venv/bin/python bench/fuzz.py --documents 600 --bytes 300   # a quick look

Sources (see tests/fuzzing.py): schema-valid intake documents drawn by hypothesis from the case schema,
structural mutations of them, byte mutations of their JSON/YAML text, and the hostile files kept in
tests/hostile/ plus generated ones (alias bombs, deep nesting, huge integers, 50,000 invalid
allegations, over-size documents, UTF-16/32). They go through ``zhengming evaluate`` (stdin and
files), ``zhengming case open`` (a share) and ``zhengming import`` (every JSON input as a line).

Printed: inputs tried, accepted, refused cleanly (exit 2/3 with a message), tracebacks, other unclean
exits, inputs over 2 s, the slowest, peak memory of this process, sealed-value leaks (the reporter's
canary name and phone seen in any output), and the time to refuse the alias bomb.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fuzzing import SLOW_S, Driver, Tally, alias_bomb, peak_memory_mb, read_corpus, run_all  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=6000, help="schema-valid + structurally mutated documents")
    parser.add_argument("--bytes", type=int, default=4000, help="byte mutations")
    parser.add_argument("--open-every", type=int, default=5, help="also `case open` every n-th input")
    parser.add_argument("--import-batch", type=int, default=500, help="lines per import file")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=5, help="failures shown per kind")
    args = parser.parse_args()

    started = time.perf_counter()
    # The case store lives in memory-backed /dev/shm when there is one: what is timed is the answer to an
    # input, not the disk stalls of a machine shared with other work (a WAL checkpoint's fsync).
    shm = "/dev/shm" if Path("/dev/shm").is_dir() else None
    with tempfile.TemporaryDirectory(prefix="zhengming-fuzz-", dir=shm) as tmp:
        # The documents are drawn by hypothesis in another process: the peak memory printed is that of
        # the commands (and this driver), not of the generator.
        corpus = Path(tmp) / "corpus.jsonl"
        generate = (
            f"from tests.fuzzing import write_corpus; write_corpus({str(corpus)!r}, {args.documents}, {args.seed})"
        )
        subprocess.run([sys.executable, "-c", generate], check=True, cwd=ROOT)
        print(f"  … {args.documents} documents drawn ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
        driver = Driver(Path(tmp))
        try:
            bomb = Tally()
            t0 = time.perf_counter()
            driver.evaluate("alias bomb", alias_bomb(), ".yaml", bomb)
            bomb_s = time.perf_counter() - t0
            tallies = run_all(
                driver,
                read_corpus(corpus),
                byte_mutations=args.bytes,
                open_every=args.open_every,
                import_batch=args.import_batch,
                seed=args.seed,
                progress=lambda what: print(
                    f"  … {what} ({time.perf_counter() - started:.0f} s, {peak_memory_mb():.0f} MB)", file=sys.stderr
                ),
            )
        finally:
            driver.close()
    total = Tally()
    total.add(bomb)
    print(
        f"{'source':<20} {'tried':>7} {'accepted':>9} {'refused':>8} {'tracebacks':>10} {'unclean':>8} "
        f"{'>2 s':>5} {'leaks':>6} {'slowest':>8}"
    )
    for name, tally in tallies.items():
        total.add(tally)
        print(
            f"{name:<20} {tally.tried:>7} {tally.accepted:>9} {tally.refused:>8} {len(tally.tracebacks):>10} "
            f"{len(tally.unclean):>8} {len(tally.slow):>5} {len(tally.leaks):>6} {tally.slowest:>7.3f}s"
        )
    print(
        f"{'total':<20} {total.tried:>7} {total.accepted:>9} {total.refused:>8} {len(total.tracebacks):>10} "
        f"{len(total.unclean):>8} {len(total.slow):>5} {len(total.leaks):>6} {total.slowest:>7.3f}s"
    )
    print(
        f"tried {total.tried}; refused cleanly {total.refused}; tracebacks {len(total.tracebacks)}; "
        f"over {SLOW_S:g} s {len(total.slow)}; peak memory {peak_memory_mb():.0f} MB; "
        f"sealed-value leaks {len(total.leaks)}; alias bomb refused in {bomb_s:.4f} s "
        f"(exit {'2' if bomb.refused else '?'}); wall {time.perf_counter() - started:.0f} s"
    )
    print(f"slowest input: {total.slowest_name} ({total.slowest:.3f} s)")
    for label, items in (
        ("traceback", total.tracebacks),
        ("unclean", total.unclean),
        ("slow", [f"{n}: {s:.2f} s" for n, s in total.slow]),
        ("leak", total.leaks),
    ):
        for item in items[: args.show]:
            print(f"--- {label}: {item}")
    return 1 if total.failures else 0


if __name__ == "__main__":
    sys.exit(main())
