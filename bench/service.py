"""Benchmark: the office service under load — N concurrent clients (default 50) for S seconds (default
60) on loopback, on SQLite and PostgreSQL; then the server is killed (SIGKILL) mid-load and restarted.
Prints figures; asserts nothing (it exits 1 if a check fails, saying which).

    .venv/bin/python bench/service.py [--clients 50] [--seconds 60] [--kill-after 10] [--pg URL]
                                      [--skip-pg] [--skip-sqlite]

Each client works whole lifecycles of its own 济南 cases over HTTP, as a report platform and two
officers would: intake (platform token, intake scope only) → approve (li) → approve (wang) → clarify →
notify → archive → close, each action with ``If-Match`` from the previous answer's ``ETag``. One action
in ten is first sent again with the version before it (a stale ``If-Match``): a 412 is the expected
conflict, anything else is an error. Every acknowledged answer (2xx, its version) is remembered; after the
run each case's stored version and history must account for every acknowledged action (0 lost updates),
and ``GET /api/audit/verify`` must be green. The kill phase does the same with the server SIGKILLed
``--kill-after`` seconds into the load and started again on the same database.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

BASE_CASE = {
    "jurisdiction": "jinan",
    "as_of": "2023-05-01",
    "subject": {"kind": "person", "name": "张某", "management_level": "county"},
    "report": {"received_on": "2023-01-05", "real_name": False, "channel": "letter"},
    "handling": {"organ": "discipline_commission", "level": "county", "verification_concluded_on": "2023-03-10"},
    "allegations": [{"id": "a1", "summary": "收受礼金", "finding": "untrue"}],
    "impact": {"scope": "unit"},
    "reporter": {"name": "举报人", "phone": "13900000000"},
}
# (endpoint, who, body) after intake
LIFECYCLE = (
    ("approve", "li", {"comment": "建议澄清"}),
    ("approve", "wang", {"comment": "同意"}),
    ("clarify", "li", {"method": "meeting", "scope": "干部大会"}),
    ("notify", "li", {"recipients": []}),
    ("archive", "li", {}),
    ("close", "li", {}),
)
STAFF = {
    "platform": ["handling_department"],
    "li": ["handling_department"],
    "wang": ["commission_head"],
    "root": [],
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(db: str, env: dict) -> dict[str, str]:
    """Users and their tokens, written before the server starts (as an administrator would)."""
    os.environ.update(env)
    from zhengming.security import issue_token, local_admin
    from zhengming.security.admin import create_user
    from zhengming.store import open_store

    store = open_store(db)
    admin = local_admin("bench")
    tokens = {}
    for name, roles in STAFF.items():
        grants = ["admin"] if name == "root" else []
        create_user(store, admin, name, "discipline_commission", "county", roles, jurisdiction="jinan", grants=grants)
        scopes = {"platform": ["intake"], "root": ["admin", "read"]}.get(name, ["read", "act"])
        tokens[name], _ = issue_token(store, name, actor=admin, scopes=scopes)
    store.dispose()
    return tokens


class Server:
    def __init__(self, db: str, env: dict):
        self.db, self.env, self.port, self.process = db, env, free_port(), None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [str(Path(sys.executable).parent / "zhengming"), "--db", self.db, "serve", "--port", str(self.port)]
        self.process = subprocess.Popen(
            command, env=os.environ | self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(self.url + "/openapi.json", timeout=1)
                return
            except httpx.HTTPError:
                time.sleep(0.2)
        raise SystemExit("the server did not start")

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


class Load:
    """What the clients did: latencies per endpoint, errors, expected conflicts, acknowledged versions."""

    def __init__(self):
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []
        self.conflicts = 0
        self.acknowledged: dict[str, int] = {}  # case -> highest version acknowledged
        self.steps_done: dict[str, int] = {}  # case -> actions acknowledged (intake included)
        self.completed = 0
        self.requests = 0
        self.cut = 0  # requests that got no answer (the server was killed under them)


async def client(number: int, server: Server, tokens: dict, load: Load, stop_at: float, rng: random.Random) -> None:
    headers = {name: {"Authorization": f"Bearer {token}"} for name, token in tokens.items()}
    async with httpx.AsyncClient(base_url=server.url, timeout=60) as http:
        sequence = 0
        while time.monotonic() < stop_at:
            sequence += 1
            case_id = f"L{number}-{sequence}-{secrets.token_hex(3)}"
            document = copy.deepcopy(BASE_CASE) | {"case_id": case_id}
            answer = await timed(http, load, "intake", "POST", "/api/cases", json=document, headers=headers["platform"])
            if answer is None:
                return
            if answer.status_code != 201:
                load.errors.append(f"intake {answer.status_code} {answer.text[:200]}")
                continue
            version = answer.json()["version"]
            load.acknowledged[case_id], load.steps_done[case_id] = version, 1
            for endpoint, who, body in LIFECYCLE:
                path = f"/api/cases/{case_id}/{endpoint}"
                if rng.random() < 0.1 and version > 1:  # a stale If-Match: must be refused, and write nothing
                    stale = await timed(
                        http,
                        load,
                        endpoint,
                        "POST",
                        path,
                        json=body,
                        headers=headers[who] | {"If-Match": f'"{version - 1}"'},
                    )
                    if stale is None:
                        return
                    if stale.status_code == 412:
                        load.conflicts += 1
                    else:
                        load.errors.append(f"stale {endpoint} answered {stale.status_code}")
                answer = await timed(
                    http, load, endpoint, "POST", path, json=body, headers=headers[who] | {"If-Match": f'"{version}"'}
                )
                if answer is None:
                    return
                if answer.status_code != 200:
                    load.errors.append(f"{endpoint} {answer.status_code} {answer.text[:200]}")
                    break
                version = int(answer.headers["ETag"].strip('"'))
                load.acknowledged[case_id] = version
                load.steps_done[case_id] += 1
            else:
                load.completed += 1


async def timed(http, load: Load, endpoint: str, method: str, path: str, **kwargs):
    started = time.perf_counter()
    load.requests += 1
    try:
        answer = await http.request(method, path, **kwargs)
    except httpx.TransportError:
        load.cut += 1
        return None
    load.latency[endpoint].append(time.perf_counter() - started)
    return answer


async def run_load(server: Server, tokens: dict, clients: int, seconds: float, load: Load, seed: int = 7) -> float:
    started = time.monotonic()
    stop_at = started + seconds
    await asyncio.gather(*(client(n, server, tokens, load, stop_at, random.Random(seed + n)) for n in range(clients)))
    return time.monotonic() - started


def check(server: Server, tokens: dict, load: Load) -> list[str]:
    """Every acknowledged action is in the store; the audit chain and the tables verify."""
    problems = []
    read = {"Authorization": f"Bearer {tokens['li']}"}
    lost = 0
    with httpx.Client(base_url=server.url, timeout=120) as http:
        for case_id, version in load.acknowledged.items():
            view = http.get(f"/api/cases/{case_id}", headers=read).json()
            if view.get("version", -1) < version or len(view.get("history", ())) < load.steps_done[case_id]:
                lost += 1
        verified = http.get("/api/audit/verify", headers={"Authorization": f"Bearer {tokens['root']}"}).json()
    if lost:
        problems.append(f"{lost} case(s) lost an acknowledged update")
    if not verified.get("ok"):
        problems.append(f"audit verify: {verified.get('problems', [])[:5]}")
    return problems


def report(title: str, load: Load, elapsed: float, problems: list[str]) -> None:
    print(f"\n== {title}")
    answered = sum(len(v) for v in load.latency.values())
    print(
        f"{answered} requests answered in {elapsed:.1f} s: {answered / elapsed:.0f} requests/s; "
        f"{load.completed} whole lifecycles ({load.completed / elapsed:.1f}/s)"
    )
    print(f"{'endpoint':<10} {'count':>7} {'p50 ms':>8} {'p99 ms':>8}")
    for endpoint, values in sorted(load.latency.items()):
        values = sorted(values)
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))]
        print(f"{endpoint:<10} {len(values):>7} {statistics.median(values) * 1000:>8.1f} {p99 * 1000:>8.1f}")
    print(
        f"expected conflicts (412 on a stale If-Match): {load.conflicts}; other errors: {len(load.errors)}"
        + (f"; unanswered when the server died: {load.cut}" if load.cut else "")
    )
    for error in load.errors[:5]:
        print("  error:", error)
    print("lost updates: 0, audit verify: green" if not problems else "PROBLEMS: " + "; ".join(problems))


def bench(label: str, db: str, clients: int, seconds: float, kill_after: float) -> bool:
    home = Path(tempfile.mkdtemp(prefix="zm-bench-"))
    env = {"ZHENGMING_KEY_FILE": str(home / "key"), "ZHENGMING_LANG": "zh"}
    from zhengming.store.crypto import create_key_file

    create_key_file(home / "key")
    tokens = prepare(db, env)
    server = Server(db, env)
    server.start()
    try:
        load = Load()
        elapsed = asyncio.run(run_load(server, tokens, clients, seconds, load))
        problems = check(server, tokens, load)
        report(f"{label}: {clients} clients, {seconds:.0f} s", load, elapsed, problems)
        problems += load.errors
        # the kill: SIGKILL under load, start again on the same database, nothing acknowledged is lost
        killed = Load()

        async def load_then_kill() -> float:
            task = asyncio.ensure_future(run_load(server, tokens, clients, kill_after * 3, killed))
            await asyncio.sleep(kill_after)
            server.kill()
            return await task

        elapsed = asyncio.run(load_then_kill())
        server.start()
        kill_problems = check(server, tokens, killed)
        report(f"{label}: SIGKILL after {kill_after:.0f} s, restarted", killed, elapsed, kill_problems)
        return not (problems or kill_problems)
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--kill-after", type=float, default=10)
    parser.add_argument(
        "--pg", default=os.environ.get("ZHENGMING_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
    )
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    ok = True
    if not args.skip_sqlite:
        path = Path(tempfile.mkdtemp(prefix="zm-bench-db-")) / "service.sqlite"
        ok &= bench("SQLite", str(path), args.clients, args.seconds, args.kill_after)
    if not args.skip_pg:
        import psycopg

        name = f"zm_bench_{secrets.token_hex(4)}"
        with psycopg.connect(args.pg, autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name}")
        try:
            ok &= bench(
                "PostgreSQL", args.pg.rsplit("/", 1)[0] + "/" + name, args.clients, args.seconds, args.kill_after
            )
        finally:
            with psycopg.connect(args.pg, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
