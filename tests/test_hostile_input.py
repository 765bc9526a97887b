"""Hostile input on both databases: one poison line of each kind among good ones never blocks an
import (the good lines are stored, the poison reported with its line and pointer, a re-run changes
nothing); two imports of the same file at once both end cleanly; the store's field limits hold on
SQLite and PostgreSQL alike; user data cannot forge lines of ``case show``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhengming.cli.main import cli

from .test_import import counts
from .test_store_support import BACKENDS, REPORTER_NAME, case_document

pytest_plugins = ("tests.test_store_support",)
pytestmark = [BACKENDS, pytest.mark.usefixtures("private_env")]
ZHENGMING = Path(sys.executable).with_name("zhengming")


def _line(document) -> bytes:
    return json.dumps(document).encode()  # ASCII: a lone surrogate is written as its \\u escape


def _with(**changes) -> bytes:
    return _line(case_document("POISON") | changes)


def _nested(depth: int) -> bytes:
    document = case_document("DEEP")
    text = json.dumps(document, ensure_ascii=False)
    return text.replace('"impact": {', '"impact": {"x": ' + "[" * depth + "]" * depth + ", ", 1).encode()


# Each kind of line that once crashed an import (or would): (name, raw line, expected pointer).
POISON = [
    ("invalid UTF-8", _with().replace(b'"jinan"', b'"jin\xffan"'), "/"),
    ("UTF-16", _with().decode().encode("utf-16"), "/"),
    ("nesting 1,000 deep", _nested(1000), "/"),
    ("nesting 40 deep", _nested(40), "/impact/x/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0"),
    (
        "an integer of 5,000 digits",
        _with().replace(b'"T-', b'"T-').replace(b'"scope"', b'"n": ' + b"7" * 5000 + b', "scope"'),
        "/impact/n",
    ),
    ("kind as a list", _with(kind=["clarification"]), "/kind"),
    ("kind as an object", _with(kind={"clarification": True}), "/kind"),
    ("as_of year 0", _with(as_of="0000-01-01"), "/as_of"),
    ("as_of in full-width digits", _with(as_of="２０２３-０５-０１"), "/as_of"),
    ("as_of 29 February of a common year", _with(as_of="2023-02-29"), "/as_of"),
    ("a 200-character case_id", _line(case_document("C" * 200)), "/case_id"),
    ("a case_id holding NUL", _line(case_document("A\x00B")), "/case_id"),
    ("a top-level array holding the reporter", _line([case_document("ARRAY")]), "/"),
    (
        "a lone surrogate",
        _with(subject={"kind": "person", "name": "张\ud800", "management_level": "county"}),
        "/subject/name",
    ),
    ("the reporter not an object", _with(reporter=REPORTER_NAME), "/reporter"),
    ("50,000 allegations", _with(allegations=[{"id": "a", "finding": "maybe"}] * 50_000), "/allegations"),
    ("NaN and Infinity", _with().replace(b'"scope"', b'"n": NaN, "m": -Infinity, "scope"'), "/impact/m"),
    ("an unknown jurisdiction", _with(jurisdiction="atlantis"), "/jurisdiction"),
    ("not JSON", b'{"reporter": {"name": "' + REPORTER_NAME.encode() + b'"', "/"),
]


def _file(tmp_path: Path, poison: list[bytes], good: int = 6) -> Path:
    lines = []
    for n in range(good):
        lines.append(_line(case_document(f"GOOD-{n}")))
        if n < len(poison):
            lines.append(poison[n])
    path = tmp_path / "cases.jsonl"
    path.write_bytes(b"\n".join(line.replace(b"\n", b"\\n") for line in lines) + b"\n")
    return path


@pytest.mark.parametrize(("kind", "raw", "pointer"), POISON, ids=[p[0] for p in POISON])
def test_a_poison_line_is_reported_and_the_good_lines_are_stored(db_url, tmp_path, kind, raw, pointer):
    path = _file(tmp_path, [raw], good=3)
    runner = CliRunner()
    args = [
        "--db",
        db_url,
        "--lang",
        "en",
        "--local-admin",
        "import",
        str(path),
        "--json",
        "--no-progress",
        "--workers",
        "0",
    ]
    for run in (1, 2):  # a re-run changes nothing and reports the same line
        result = runner.invoke(cli, args)
        assert result.exception is None or isinstance(result.exception, SystemExit), kind
        assert result.exit_code == 2, result.output
        report = json.loads(result.stdout)
        assert [p["line"] for p in report["invalid"]] == [2]
        assert report["invalid"][0]["problems"][0]["pointer"] == pointer
        assert (report["imported"], report["already_stored"]) == ((3, 0) if run == 1 else (0, 3))
        assert "line 2 " in result.stderr
        assert REPORTER_NAME not in result.output and "13912345678" not in result.output
    assert counts(db_url) == (3, 3, 3)


def test_every_poison_line_at_once(db_url, tmp_path):
    path = _file(tmp_path, [raw for _, raw, _ in POISON], good=len(POISON) + 1)
    result = CliRunner().invoke(cli, ["--db", db_url, "--local-admin", "import", str(path), "--json", "--no-progress"])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["imported"] == len(POISON) + 1 and len(report["invalid"]) == len(POISON)
    assert REPORTER_NAME not in result.output


def test_an_over_size_line_is_skipped_unread(db_url, tmp_path, monkeypatch):
    from zhengming.boundary import limits

    path = tmp_path / "cases.jsonl"
    big = _line(case_document("BIG", case_note="x" * (limits.LIMITS.max_bytes + 10)))
    path.write_bytes(_line(case_document("A")) + b"\n" + big + b"\n" + _line(case_document("B")) + b"\n")
    result = CliRunner().invoke(cli, ["--db", db_url, "--local-admin", "import", str(path), "--json", "--no-progress"])
    report = json.loads(result.stdout)
    assert result.exit_code == 2 and report["imported"] == 2 and report["lines"] == 3
    assert [p["line"] for p in report["invalid"]] == [2]


def test_two_imports_of_the_same_file_at_once_end_cleanly(db_url, tmp_path):
    path = tmp_path / "cases.jsonl"
    path.write_bytes(b"\n".join(_line(case_document(f"C-{n}")) for n in range(1500)) + b"\n")
    env = {**os.environ, "ZHENGMING_DB": db_url}
    command = [
        str(ZHENGMING),
        "--lang",
        "en",
        "--local-admin",
        "import",
        str(path),
        "--no-progress",
        "--json",
        "--batch",
        "100",
    ]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err.decode()
        assert b"Traceback" not in err
    reports = [json.loads(out) for out, _ in outputs]
    assert sum(r["imported"] for r in reports) == 1500
    assert all(r["imported"] + r["already_stored"] == 1500 for r in reports)
    assert counts(db_url) == (1500, 1500, 1500)
    verified = CliRunner().invoke(cli, ["--db", db_url, "--local-admin", "audit", "verify"])
    assert verified.exit_code == 0, verified.output


def user_runner(db_url: str):
    """``zhengming`` on ``db_url`` as the user named by ``--as`` (else ``li``), each with a token once added."""
    runner = CliRunner()
    tokens: dict[str, str] = {}

    def run(*args):
        user = args[args.index("--as") + 1] if "--as" in args else "li"
        return runner.invoke(
            cli, ["--db", db_url, "--lang", "en", *args], env={"ZHENGMING_TOKEN": tokens.get(user, "")}
        )

    def add(name, *seat):
        seat = seat or ("--organ", "discipline_commission", "--level", "county", "--role", "handling_department")
        result = run("--local-admin", "users", "add", name, *seat, "--json")
        if result.exit_code == 0:
            stored = json.loads(result.stdout)["name"]
            issued = run("--local-admin", "token", "issue", stored, "--json")
            tokens[stored] = json.loads(issued.stdout)["token"]
        return result

    run.add = add
    return run


def test_the_store_limits_are_the_same_on_every_database(db_url, tmp_path):
    zm = user_runner(db_url)
    zm.add("li")
    for case_id in ("C" * 101, "A\x00B"):
        path = tmp_path / "case.json"
        path.write_text(json.dumps(case_document(case_id)), encoding="utf-8")
        result = zm("case", "open", str(path))
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith("/case_id: ") and case_id not in result.output
    path.write_text(json.dumps(case_document("C" * 100)), encoding="utf-8")
    assert zm("case", "open", str(path)).exit_code == 0
    long_name = zm.add("名" * 101, "--organ", "party_committee", "--level", "county", "--role", "party_committee_head")
    assert long_name.exit_code == 2 and "100" in long_name.stderr
    assert counts(db_url)[0] == 1


def test_user_data_cannot_forge_lines_of_case_show(db_url, tmp_path):
    run = user_runner(db_url)

    def zm(*args, code=0):
        result = run(*args)
        assert result.exit_code == code, result.output
        return result

    assert run.add("li").exit_code == 0
    forged_id = "X\x1b[2J\n  #999 2024-01-01T00:00:00 admin approve"
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_document(forged_id)), encoding="utf-8")
    zm("case", "open", str(path))
    comment = "ok\n  #998 2024-01-01T00:00:00 admin approve\u2028\x1b]0;title\x07"
    zm("case", "approve", forged_id, "--as", "li", "--comment", comment)
    shown = zm("case", "show", forged_id).stdout
    assert "\x1b" not in shown and "\u2028" not in shown and "\x07" not in shown
    assert not any(line.lstrip().startswith(("#999", "#998")) for line in shown.splitlines())
    assert "\\x1b[2J\\n  #999" in shown  # shown, as an escape, on the case's own line
    listed = zm("case", "list").stdout
    assert "\x1b" not in listed and len(listed.splitlines()) == 2
    data = json.loads(zm("case", "show", forged_id, "--json").stdout)
    assert data["case_id"] == forged_id  # JSON keeps the exact value


def test_user_names_are_normalised_and_look_alikes_refused(db_url):
    zm = user_runner(db_url)
    add = zm.add

    assert add("li").exit_code == 0
    assert json.loads(add("ｗａｎｇ").stdout)["name"] == "wang"  # NFKC: full-width letters fold
    for look_alike in ("lі", "lі ", "ⅼi"):  # Cyrillic і; Roman numeral ⅼ (NFKC folds it to l: same name)
        refused = add(look_alike)
        assert refused.exit_code == 4, refused.output
        assert "li" in refused.stderr
    assert "looks like the existing user li" in add("lі").stderr
    assert add("a\nb").exit_code == 2 and add("\u202eil").exit_code == 2
    names = [u["name"] for u in json.loads(zm("--local-admin", "users", "list", "--json").stdout)]
    assert names == ["li", "wang"]
    assert zm("case", "show", "NOPE").exit_code == 6  # li (token issued to the stored name) is authenticated


def test_a_batch_the_database_refuses_is_written_case_by_case(db_url, tmp_path, monkeypatch):
    """Were a line to slip past the store's checks, the database's refusal costs that line only."""
    import zhengming.lifecycle.importer as importer
    import zhengming.lifecycle.intake as intake

    if not db_url.startswith("postgresql"):
        pytest.skip("SQLite stores an over-long text: only PostgreSQL refuses the batch")
    monkeypatch.setattr(intake, "document_problems", lambda document: [])
    monkeypatch.setattr(importer, "row_problems", lambda table, row: [])
    path = _file(tmp_path, [_line(case_document("C" * 150))], good=4)
    args = [
        "--db",
        db_url,
        "--lang",
        "en",
        "--local-admin",
        "import",
        str(path),
        "--json",
        "--no-progress",
        "--workers",
        "0",
    ]
    result = CliRunner().invoke(cli, args)
    report = json.loads(result.stdout)
    assert result.exit_code == 2 and report["imported"] == 4
    assert report["invalid"] == [
        {"line": 2, "problems": [{"pointer": "/", "message": "the database refused to store this line; skipped"}]}
    ]
    assert counts(db_url) == (4, 4, 4)
