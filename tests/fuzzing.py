"""Hostile inputs for the input boundary, shared by ``tests/test_fuzz.py`` (a bounded slice) and
``bench/fuzz.py`` (ten thousand and more).

Four sources: schema-valid intake documents drawn by hypothesis from the case schema (every kind, every
installed jurisdiction), structural mutations of them, byte mutations of their JSON or YAML text, and
the hand-written hostile files of ``tests/hostile/`` plus a few generated ones too large to keep.
Every document carries a reporter with a canary name and phone: they must never be printed.

Each input is driven through the real click commands (``CliRunner``): ``evaluate``, ``case open`` and
``import``; :class:`Tally` counts what happened.
"""

from __future__ import annotations

import copy
import json
import random
import resource
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

HOSTILE_DIR = Path(__file__).parent / "hostile"
CANARY_NAME = "Canary金丝雀QX"
CANARY_PHONE = "13907550123"
CANARIES = (CANARY_NAME, CANARY_PHONE)
REPORTER = {"name": CANARY_NAME, "phone": CANARY_PHONE}
SLOW_S = 2.0
SEED_SAMPLE = 500  # documents kept for byte mutations (a uniform sample)
IMPORT_LINE_MAX = 256 * 1024  # larger generated documents are evaluated and opened, not kept for import

# Placeholders replaced in the serialized text (json.dumps cannot write these itself).
BIG_INT = "\x00BIGINT\x00"
DEEP = "\x00DEEP\x00"
_RAW = {
    json.dumps(BIG_INT): "9" * 5000,
    json.dumps(DEEP): "[" * 5000 + "]" * 5000,
}


# --- schema-valid documents ------------------------------------------------------------------------


def schema_documents(count: int, seed: int = 0) -> list[dict[str, Any]]:
    """``count`` intake documents valid against the case schema, drawn by hypothesis."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis import seed as hypothesis_seed
    from hypothesis import strategies as st

    from zhengming import load_registry
    from zhengming.conformance.strategies import case_documents
    from zhengming.model import CaseKind

    jurisdictions = load_registry().ids()
    strategy = st.one_of([case_documents(kind, j) for kind in CaseKind for j in jurisdictions])
    found: list[dict[str, Any]] = []

    @hypothesis_seed(seed)
    @settings(
        max_examples=count,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
        deadline=None,
    )
    @given(strategy)
    def collect(document: dict[str, Any]) -> None:
        found.append({**document, "reporter": dict(REPORTER)})

    collect()
    return found[:count]


# --- structural mutations --------------------------------------------------------------------------

HOSTILE_VALUES: tuple[Any, ...] = (
    None,
    True,
    0,
    -1,
    1.5e308,
    "",
    "x" * 5000,
    "\x00",
    "\x1b[2J\x1b[31m#999 2024-01-01 admin approve\n#1000 forged",
    "\u202e\u2028\u0085",
    "2024-02-30",
    "0000-01-01",
    "２０２４-０１-０１",
    "2024-01-01\n",
    "20240101",
    "\ud800",
    [],
    {},
    [[[[["deep"]]]]],
    {"kind": ["clarification"]},
    BIG_INT,
    DEEP,
)
HOSTILE_KINDS: tuple[Any, ...] = (["clarification"], {"a": 1}, 7, None, "", "Clarification", "k" * 300, "\x00")
HOSTILE_IDS: tuple[Any, ...] = ("C" * 200, "A\x00B", "line\nbreak\x1b[1m", "\u202e" + "x", "", 12, "x" * 101)


def _paths(value: Any, at: tuple = ()) -> Iterator[tuple]:
    """Every path into ``value`` (outside the reporter), the root included."""
    yield at
    if isinstance(value, dict):
        for key, item in value.items():
            if key != "reporter":
                yield from _paths(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*at, index))


def _set(document: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    node = document
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return document


def _delete(document: Any, path: tuple) -> Any:
    if not path:
        return document
    node = document
    for part in path[:-1]:
        node = node[part]
    del node[path[-1]]
    return document


def mutate_structure(document: dict[str, Any], rng: random.Random) -> Any:
    """One structural mutation of a deep copy of ``document``."""
    doc = copy.deepcopy(document)
    paths = list(_paths(doc))
    choice = rng.randrange(12)
    if choice == 0:
        return _set(doc, rng.choice(paths), rng.choice(HOSTILE_VALUES))
    if choice == 1:
        return _delete(doc, rng.choice(paths[1:]) if len(paths) > 1 else ())
    if choice == 2:
        doc["kind"] = rng.choice(HOSTILE_KINDS)
        return doc
    if choice == 3:
        doc["case_id"] = rng.choice(HOSTILE_IDS)
        return doc
    if choice == 4:
        node = doc
        target = rng.choice([p for p in paths if isinstance(_get(doc, p), dict)])
        node = _get(doc, target)
        node[rng.choice(["unknown", "Kind", "as_of ", "\x1b[1m", "a/b~c"])] = rng.choice(HOSTILE_VALUES)
        return doc
    if choice == 5:
        return [doc] if rng.random() < 0.5 else [doc["reporter"], doc]  # a top-level array
    if choice == 6:
        dates = [p for p in paths if isinstance(_get(doc, p), str) and _looks_like_date(_get(doc, p))]
        if dates:
            return _set(doc, rng.choice(dates), rng.choice(HOSTILE_VALUES[10:16]))
        doc["as_of"] = rng.choice(HOSTILE_VALUES[10:16])
        return doc
    if choice == 7:
        allegations = doc.get("allegations")
        if isinstance(allegations, list) and allegations:
            doc["allegations"] = allegations * rng.choice([2, 50, 600])
        return doc
    if choice == 8:
        doc["reporter"] = rng.choice(
            [
                [CANARY_NAME, CANARY_PHONE],
                {"name": CANARY_NAME, "phone": 13907550123},
                {"name": {"full": CANARY_NAME}, "phone": CANARY_PHONE},
                CANARY_NAME + " " + CANARY_PHONE,
                {"name": CANARY_NAME + "\x00", "phone": CANARY_PHONE, "extra": [CANARY_NAME]},
            ]
        )
        return doc
    if choice == 9:
        doc["jurisdiction"] = rng.choice(["nowhere", "JINAN", "jinan\n", "jinan.", "x" * 200, ["jinan"], None])
        return doc
    if choice == 10:
        return _set(doc, rng.choice(paths), DEEP)
    return _set(doc, rng.choice(paths), BIG_INT)


def _get(document: Any, path: tuple) -> Any:
    for part in path:
        document = document[part]
    return document


def _looks_like_date(text: str) -> bool:
    return len(text) == 10 and text[4] == "-" and text[7] == "-"


def serialize(document: Any, rng: random.Random | None = None, *, yaml_share: float = 0.3) -> tuple[bytes, str]:
    """``(bytes, suffix)``: JSON (one line) or YAML, placeholders replaced by their hostile text."""
    as_yaml = rng is not None and rng.random() < yaml_share
    if as_yaml:
        import yaml

        try:
            text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
        except Exception:  # a lone surrogate cannot be written as YAML: JSON is YAML too
            text = json.dumps(document, ensure_ascii=False)
        for placeholder, replacement in _RAW.items():
            text = text.replace(placeholder.strip('"').encode("unicode_escape").decode(), replacement)
        return text.encode("utf-8", "surrogatepass"), ".yaml"
    text = json.dumps(document, ensure_ascii=rng is not None and rng.random() < 0.5)
    for placeholder, replacement in _RAW.items():
        text = text.replace(placeholder, replacement)
    return text.encode("utf-8", "surrogatepass"), ".json"


# --- byte mutations --------------------------------------------------------------------------------


def mutate_bytes(raw: bytes, rng: random.Random) -> bytes:
    """One byte-level mutation: flipped or inserted high bytes, NUL, truncation, UTF-16, BOM, repeats."""
    data = bytearray(raw)
    choice = rng.randrange(9)
    spot = rng.randrange(len(data) + 1) if data else 0
    if choice == 0 and data:
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif choice == 1:
        data[spot:spot] = bytes([rng.randrange(0x80, 0x100) for _ in range(rng.randint(1, 4))])
    elif choice == 2:
        data[spot:spot] = b"\x00"
    elif choice == 3:
        del data[spot:]
    elif choice == 4:
        return raw.decode("utf-8", "replace").encode("utf-16")
    elif choice == 5:
        data[0:0] = b"\xef\xbb\xbf"
    elif choice == 6:
        end = min(len(data), spot + rng.randint(1, 40))
        data[spot:spot] = data[spot:end] * rng.randint(2, 20)
    elif choice == 7:
        data[spot:spot] = rng.choice(
            [b"\r", b"\t", b"\x1b[31m", b"\\ud800", b"*a", b"&a ", b"!!python/object ", b"\n- "]
        )
    else:
        data[spot:spot] = rng.choice([b"{", b"[", b"}", b"]", b'"', b",", b":", b"\\"]) * rng.randint(1, 50)
    return bytes(data)


# --- hand-written and generated hostile files -------------------------------------------------------


def alias_bomb(levels: int = 9, width: int = 9) -> bytes:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * width) + "]")
    lines.append(f"jurisdiction: *a{levels - 1}")
    return ("\n".join(lines) + "\n").encode()


def generated_hostile() -> list[tuple[str, bytes]]:
    """Hostile inputs too large or too regular to keep as files."""
    from .conftest import BASE_CASE

    many = {**BASE_CASE, "reporter": REPORTER, "allegations": [{"id": "a", "finding": "maybe"}] * 50_000}
    items = ",".join([f'{{"id":"a{n}","finding":"maybe"}}' for n in range(999)])
    return [
        ("alias-bomb.yaml", alias_bomb()),
        ("alias-bomb-deeper.yaml", alias_bomb(12, 12)),
        ("deep-1000.json", b"[" * 1000 + b"]" * 1000),
        ("deep-100000.json", b"[" * 100_000),
        ("deep-1000.yaml", b"a: " + b"[" * 1000 + b"]" * 1000),
        ("deep-block.yaml", "".join(f"{'  ' * n}k{n}:\n" for n in range(200)).encode() + b"  " * 200 + b"x\n"),
        ("big-int.json", b'{"jurisdiction": "jinan", "x": ' + b"1" * 4400 + b"}"),
        ("big-int.yaml", b"jurisdiction: jinan\nx: " + b"1" * 4400 + b"\n"),
        ("many-invalid-allegations.json", json.dumps(many).encode()),
        ("999-invalid-allegations.json", ('{"jurisdiction":"jinan","allegations":[' + items + "]}").encode()),
        ("over-size-limit.json", b'{"a": "' + b"x" * (4 * 1024 * 1024 + 10) + b'"}'),
        ("long-string.json", json.dumps({**BASE_CASE, "case_id": "x" * 1_000_000}).encode()),
        ("utf16.json", json.dumps({**BASE_CASE, "reporter": REPORTER}, ensure_ascii=False).encode("utf-16")),
        ("utf32.json", json.dumps({**BASE_CASE, "reporter": REPORTER}).encode("utf-32")),
        ("unterminated-strings.json", b'"\\"' * 200_000),
    ]


def hostile_files() -> list[tuple[str, bytes]]:
    """The hand-written corpus (``tests/hostile/``) and the generated inputs."""
    kept = [(path.name, path.read_bytes()) for path in sorted(HOSTILE_DIR.iterdir()) if path.is_file()]
    return kept + generated_hostile()


# --- driving the commands --------------------------------------------------------------------------


@attrs.define
class Tally:
    """What happened to the inputs tried."""

    tried: int = 0
    accepted: int = 0
    refused: int = 0  # exit 2, 3 (or 4: a case stored already) with a message
    tracebacks: list[str] = attrs.Factory(list)
    unclean: list[str] = attrs.Factory(list)  # another exit code, or a refusal without a message
    slow: list[tuple[str, float]] = attrs.Factory(list)
    leaks: list[str] = attrs.Factory(list)
    slowest: float = 0.0
    slowest_name: str = ""

    def add(self, other: Tally) -> None:
        self.tried += other.tried
        self.accepted += other.accepted
        self.refused += other.refused
        self.tracebacks += other.tracebacks
        self.unclean += other.unclean
        self.slow += other.slow
        self.leaks += other.leaks
        if other.slowest > self.slowest:
            self.slowest, self.slowest_name = other.slowest, other.slowest_name

    @property
    def failures(self) -> list[str]:
        return self.tracebacks + self.unclean + [f"{n} took {s:.2f} s" for n, s in self.slow] + self.leaks


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def canary_outside_reporter(raw: bytes) -> bool:
    """Whether the input itself holds a canary outside a ``reporter`` member (then printing it is fair:
    a mutation moved it into an ordinary field). Inputs the boundary refuses count as holding none."""
    from zhengming.boundary import read_document
    from zhengming.errors import InvalidDocument

    try:
        document = read_document(raw, "-")
    except InvalidDocument:
        return False
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if any(c in str(key) for c in CANARIES):
                    return True
                if key != "reporter":
                    stack.append(item)
        elif isinstance(value, list):
            stack.extend(value)
        elif isinstance(value, str) and any(c in value for c in CANARIES):
            return True
    return False


class Driver:
    """Runs inputs through ``zhengming`` commands with one registry (loading it per run would dominate)."""

    def __init__(self, workdir: Path):
        from click.testing import CliRunner

        import zhengming.cli.app as app_module
        from zhengming import load_registry

        self.workdir = workdir
        self.runner = CliRunner()
        registry = load_registry()
        self._patch = (app_module, app_module.load_registry)
        app_module.load_registry = lambda strict=False: registry
        from zhengming.store.crypto import create_key_file

        self.db = f"sqlite:///{workdir / 'fuzz.sqlite'}"
        create_key_file(workdir / "key")
        self.env = {
            "ZHENGMING_KEY_FILE": str(workdir / "key"),
            "XDG_DATA_HOME": str(workdir / "data"),
            "XDG_CONFIG_HOME": str(workdir / "config"),
            "ZHENGMING_DB": None,
            "ZHENGMING_KEY": None,
        }
        self._count = 0
        self._invoke(["--db", self.db, "db", "upgrade"], None)  # migrations once, not inside a timed input
        seat = ["--organ", "discipline_commission", "--level", "county", "--role", "handling_department"]
        self._invoke(["--db", self.db, "--local-admin", "users", "add", "fuzzer", *seat], None)
        issued, _ = self._invoke(["--db", self.db, "--local-admin", "token", "issue", "fuzzer", "--json"], None)
        self.env["ZHENGMING_TOKEN"] = json.loads(issued.stdout)["token"]  # case commands act as a user

    def close(self) -> None:
        module, original = self._patch
        module.load_registry = original

    def _invoke(self, args: list[str], data: bytes | None) -> tuple[Any, float]:
        from zhengming.cli.main import cli

        started = time.perf_counter()
        result = self.runner.invoke(cli, ["--lang", "en", *args], input=data, env=self.env)
        return result, time.perf_counter() - started

    def _judge(
        self, tally: Tally, name: str, result: Any, seconds: float, raw: bytes, *, lines: int = 1, clean=(2, 3, 4)
    ) -> None:
        tally.tried += lines
        if seconds / lines > tally.slowest:
            tally.slowest, tally.slowest_name = seconds / lines, name
        if seconds / lines > SLOW_S or (lines == 1 and seconds > SLOW_S):
            tally.slow.append((name, seconds))
        output = (result.stdout or "") + (result.stderr or "")
        exc = result.exception
        if exc is not None and not isinstance(exc, SystemExit):
            trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))[-1500:]
            tally.tracebacks.append(f"{name}: {trace}")
            return
        if "Traceback" in output:
            tally.tracebacks.append(f"{name}: {output[-1500:]}")
            return
        if any(c in output for c in CANARIES) and not canary_outside_reporter(raw):
            tally.leaks.append(f"{name}: {output[:300]!r}")
        if result.exit_code == 0:
            tally.accepted += lines
        elif result.exit_code in clean and (result.stderr or "").strip():  # invalid, unknown, conflict
            tally.refused += lines
        else:
            tally.unclean.append(f"{name}: exit {result.exit_code}: {output[-300:]!r}")

    def evaluate(self, name: str, raw: bytes, suffix: str = "", tally: Tally | None = None) -> Tally:
        """``zhengming evaluate - --json`` on stdin, or on a file when ``suffix`` is given."""
        tally = tally or Tally()
        if suffix:
            self._count += 1
            path = self.workdir / f"input-{self._count % 8}{suffix}"
            path.write_bytes(raw)
            result, seconds = self._invoke(["evaluate", str(path), "--json"], None)
        else:
            result, seconds = self._invoke(["evaluate", "-", "--json"], raw)
        self._judge(tally, f"evaluate {name}", result, seconds, raw)
        return tally

    def open_case(self, name: str, raw: bytes, tally: Tally | None = None) -> Tally:
        """``zhengming case open -`` into a SQLite store."""
        tally = tally or Tally()
        result, seconds = self._invoke(["--db", self.db, "case", "open", "-", "--json"], raw)
        self._judge(tally, f"case open {name}", result, seconds, raw)
        return tally

    def resume(self, name: str, raw: bytes, tally: Tally | None = None) -> Tally:
        """``zhengming case resume NOPE -``: the document is read and evaluated before the case is looked up."""
        tally = tally or Tally()
        result, seconds = self._invoke(["--db", self.db, "case", "resume", "NOPE", "-", "--as", "fuzzer"], raw)
        self._judge(tally, f"case resume {name}", result, seconds, raw, clean=(2, 3, 6))
        return tally

    def import_lines(
        self, name: str, lines: Iterable[bytes], tally: Tally | None = None, db: str | None = None
    ) -> Tally:
        """``zhengming import`` of a JSON Lines file made of ``lines`` (in this process: ``--workers 0``)."""
        tally = tally or Tally()
        lines = [line for line in lines if line.strip()]
        path = self.workdir / "import.jsonl"
        path.write_bytes(b"\n".join(line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines) + b"\n")
        args = [
            "--db",
            db or self.db,
            "--local-admin",
            "import",
            str(path),
            "--workers",
            "0",
            "--no-progress",
            "--json",
        ]
        result, seconds = self._invoke(args, None)
        before = (tally.accepted, tally.refused)
        self._judge(tally, f"import {name}", result, seconds, b"\n".join(lines), lines=len(lines))
        if result.exit_code in (0, 2) and result.stdout:
            report = json.loads(result.stdout)
            stored = report["imported"] + report["already_stored"] + report["duplicate_in_file"]
            if stored + len(report["invalid"]) != len(lines):
                tally.unclean.append(f"import {name}: {stored + len(report['invalid'])} of {len(lines)} lines counted")
            tally.accepted, tally.refused = before[0] + stored, before[1] + len(report["invalid"])
        return tally


def corpus(count: int, seed: int = 0) -> Iterator[tuple[str, Any]]:
    """``count`` documents: schema-valid ones and structural mutations of them (half each)."""
    rng = random.Random(seed)
    valid = schema_documents(max(1, count // 2), seed)
    for n, document in enumerate(valid):
        yield f"schema#{n}", document
    for n in range(count - len(valid)):
        yield f"structural#{n}", mutate_structure(rng.choice(valid), rng)


Record = tuple[str, bytes, str, bytes, str]  # name, intake text, its suffix, case text for evaluate, its suffix


def serialized_corpus(count: int, seed: int = 0) -> Iterator[Record]:
    """The :func:`corpus` as texts: the intake (with reporter) and, for ``evaluate``, half of them
    without the reporter (evaluate takes case documents; the other half tests its refusal)."""
    rng = random.Random(seed + 1)
    for n, (name, document) in enumerate(corpus(count, seed)):
        raw, suffix = serialize(document, rng)
        case_raw, case_suffix = raw, suffix
        if n % 2 and isinstance(document, dict):
            case_raw, case_suffix = serialize({k: v for k, v in document.items() if k != "reporter"}, rng)
        yield name, raw, suffix, case_raw, case_suffix


def write_corpus(path: Path, count: int, seed: int = 0) -> None:
    """:func:`serialized_corpus` to a file (so that the process driving the commands never loads hypothesis)."""
    import base64

    with open(path, "w", encoding="utf-8") as out:
        for name, raw, suffix, case_raw, case_suffix in serialized_corpus(count, seed):
            fields = [name, base64.b64encode(raw).decode(), suffix, base64.b64encode(case_raw).decode(), case_suffix]
            out.write(json.dumps(fields) + "\n")


def read_corpus(path: Path) -> Iterator[Record]:
    import base64

    with open(path, encoding="utf-8") as lines:
        for line in lines:
            name, raw, suffix, case_raw, case_suffix = json.loads(line)
            yield name, base64.b64decode(raw), suffix, base64.b64decode(case_raw), case_suffix


def run_all(
    driver: Driver,
    records: Iterable[Record],
    *,
    byte_mutations: int,
    open_every: int,
    import_batch: int,
    seed: int = 0,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Tally]:
    """Everything, by source: schema/structural documents, byte mutations, the hostile files; then every
    JSON input again as the lines of import files."""
    rng = random.Random(seed + 2)
    tallies = {"schema+structural": Tally(), "bytes": Tally(), "hostile files": Tally(), "import": Tally()}
    seeds: list[tuple[str, bytes, str]] = []  # a sample of the documents byte mutations start from
    pool = open(driver.workdir / "import-pool.bin", "w+b")  # every JSON input, imported at the end
    pooled = 0

    def to_pool(raw: bytes) -> None:
        nonlocal pooled
        pool.write(len(raw).to_bytes(8, "big") + raw)
        pooled += 1

    for n, (name, raw, suffix, case_raw, case_suffix) in enumerate(records):
        if len(raw) < IMPORT_LINE_MAX:
            if len(seeds) < SEED_SAMPLE:
                seeds.append((name, raw, suffix))
            elif rng.random() < SEED_SAMPLE / (n + 1):
                seeds[rng.randrange(SEED_SAMPLE)] = (name, raw, suffix)
            if suffix == ".json":
                to_pool(raw)
        driver.evaluate(name, case_raw, case_suffix if n % 4 == 0 else "", tallies["schema+structural"])
        if n % open_every == 0:
            driver.open_case(name, raw, tallies["schema+structural"])
        if progress and n % 1000 == 0:
            progress(f"documents {n}")
    for n in range(byte_mutations):
        name, raw, suffix = rng.choice(seeds)
        raw = mutate_bytes(raw, rng)
        to_pool(raw)
        driver.evaluate(f"bytes#{n}", raw, suffix if n % 3 == 0 else "", tallies["bytes"])
        if n % open_every == 0:
            driver.open_case(f"bytes#{n}", raw, tallies["bytes"])
        if progress and n % 1000 == 0:
            progress(f"byte mutations {n}")
    del seeds
    for name, raw in hostile_files():
        suffix = Path(name).suffix
        driver.evaluate(name, raw, suffix, tallies["hostile files"])
        driver.evaluate(name, raw, "", tallies["hostile files"])
        driver.open_case(name, raw, tallies["hostile files"])
        driver.resume(name, raw, tallies["hostile files"])
        to_pool(raw)
    pool.seek(0)
    for start in range(0, pooled, import_batch):
        lines = []
        for _ in range(min(import_batch, pooled - start)):
            lines.append(pool.read(int.from_bytes(pool.read(8), "big")))
        driver.import_lines(f"lines {start}-{start + len(lines)}", lines, tallies["import"])
        if progress:
            progress(f"import {start}")
    pool.close()
    return tallies
