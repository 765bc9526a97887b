"""The store: migrations, the hash-chained audit log, reporter sealing, and secrecy of the reporter."""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from zhengming.cli.main import cli
from zhengming.store import audit, open_store
from zhengming.store.crypto import Sealer, SealingKeyError, load_key, load_keyring
from zhengming.store.database import HEAD_REVISION

from .dba import drop_guards
from .test_store_support import BACKENDS, REPORTER_NAME, case_document, token_for

pytest_plugins = ("tests.test_store_support",)
pytestmark = pytest.mark.usefixtures("private_env")

MIGRATIONS = Path(__file__).parents[1] / "core/src/zhengming/store/migrations/versions"


def test_head_revision_is_the_newest_migration():
    revisions = sorted(p.name.split("_")[0] for p in MIGRATIONS.glob("[0-9]*.py"))
    assert revisions[-1] == HEAD_REVISION


@BACKENDS
def test_the_migrations_create_exactly_the_models(store):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from zhengming.store.models import Base

    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_a_new_database_is_created_and_migrated_on_first_use(tmp_path):
    path = tmp_path / "sub" / "dir" / "new.sqlite"
    store = open_store(str(path))
    assert path.exists() and store.current_revision() == HEAD_REVISION
    store.dispose()


@BACKENDS
def test_store_begin_commits_on_success_and_writes_nothing_on_error(store):
    with store.begin() as conn:
        conn.execute(text("UPDATE audit_head SET last_hash = 'kept' WHERE id = 1"))
    with pytest.raises(RuntimeError, match="refused"), store.begin() as conn:
        conn.execute(text("UPDATE audit_head SET last_hash = 'lost' WHERE id = 1"))
        raise RuntimeError("refused")
    with store.begin() as conn:  # the connection an error left is still usable, and saw no write
        assert conn.execute(text("SELECT last_hash FROM audit_head WHERE id = 1")).scalar() == "kept"
    with store.transaction() as session:  # and another connection agrees
        assert session.execute(text("SELECT last_hash FROM audit_head WHERE id = 1")).scalar() == "kept"


def test_store_begin_keeps_sqlite_connections_one_per_concurrent_transaction(tmp_path):
    import threading

    store = open_store(str(tmp_path / "held.sqlite"))
    with store.begin() as first:
        pass
    with store.begin() as again:
        assert again is first  # kept between transactions, not checked in and out of the pool
        with store.begin() as other:  # a transaction while one is open gets a connection of its own
            assert other is not first
    seen, started, release = [], threading.Barrier(2), threading.Event()

    def work():
        with store.begin() as conn:
            seen.append(conn)
            started.wait()
            release.wait()

    threads = [threading.Thread(target=work), threading.Thread(target=work)]
    for thread in threads:
        thread.start()
    release.set()
    for thread in threads:
        thread.join()
    assert len(seen) == 2 and seen[0] is not seen[1]
    store.dispose()
    assert first.closed and all(conn.closed for conn in seen)
    memory = open_store("sqlite://")  # one connection per thread in its pool: none is kept to be handed on
    with memory.begin() as first:
        pass
    with memory.begin() as again:
        assert again is not first and first.closed
    memory.dispose()


@BACKENDS
def test_audit_events_are_append_only_in_the_database(service, store):
    service.open(case_document())
    with pytest.raises(Exception, match="append-only"), store.transaction() as session:
        session.execute(text("UPDATE audit_events SET actor = 'mallory'"))
    with pytest.raises(Exception, match="append-only"), store.transaction() as session:
        session.execute(text("DELETE FROM audit_events"))


@BACKENDS
def test_audit_verify_detects_a_changed_a_removed_and_a_truncated_event(service, people, store):
    service.open(case_document())
    service.approve("T-1", "li", "建议澄清")
    service.approve("T-1", "wang", "同意")
    with store.transaction() as session:
        assert audit.verify(session).ok
    with store.transaction() as session:  # someone with database access rewrites history
        drop_guards(session)
        session.execute(text("UPDATE audit_events SET actor = 'mallory' WHERE action = 'approve' AND actor = 'wang'"))
    with store.transaction() as session:
        result = audit.verify(session)
    assert not result.ok and [p.problem for p in result.problems if p.seq == 8 and p.row is None] == ["hash"]
    bad = [p.seq for p in result.problems if p.problem == "hash"]
    with store.transaction() as session:
        session.execute(text("DELETE FROM audit_events WHERE seq = :seq"), {"seq": bad[0]})
        result = audit.verify(session)
    assert {"gap", "head"} & {p.problem for p in result.problems}


def test_audit_verify_command_exit_codes(tmp_path):
    db = str(tmp_path / "a.sqlite")
    runner = CliRunner()
    result = runner.invoke(
        cli,
        [
            "--db",
            db,
            "--local-admin",
            "users",
            "add",
            "li",
            "--organ",
            "discipline_commission",
            "--level",
            "county",
            "--role",
            "handling_department",
        ],
    )
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["--db", db, "audit", "verify", "--json"])
    report = json.loads(result.stdout)
    assert result.exit_code == 0 and report["ok"] and report["events"] == 1 and report["problems"] == []
    store = open_store(db)
    with store.transaction() as session:
        drop_guards(session)
        session.execute(text("UPDATE audit_events SET after = '{}'"))
    result = runner.invoke(cli, ["--db", db, "audit", "verify"])
    assert result.exit_code == 1 and "审计日志或数据被篡改" in result.stdout and "第 1 条" in result.stdout


def test_the_default_key_file_is_created_private_and_says_so_once(tmp_path, monkeypatch):
    monkeypatch.delenv("ZHENGMING_KEY_FILE")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    path = tmp_path / "cfg" / "zhengming" / "key"
    first = load_keyring()
    assert first.created and len(first.current) == 32 and stat.S_IMODE(os.stat(path).st_mode) == 0o600
    again = load_keyring()
    assert not again.created and again.current == first.current


def test_a_mistyped_key_file_is_an_error_not_a_fresh_key(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHENGMING_KEY_FILE", str(tmp_path / "kye"))
    with pytest.raises(SealingKeyError, match="does not exist"):
        load_keyring()
    assert not (tmp_path / "kye").exists()


def test_a_sealed_identity_opens_only_with_its_key_and_case():
    sealer = Sealer(b"k" * 32)
    sealed = sealer.seal({"name": REPORTER_NAME}, "C-1")
    assert REPORTER_NAME.encode() not in sealed
    assert sealer.open(sealed, "C-1") == {"name": REPORTER_NAME}
    with pytest.raises(SealingKeyError):
        sealer.open(sealed, "C-2")
    with pytest.raises(SealingKeyError):
        Sealer(b"x" * 32).open(sealed, "C-1")


def test_a_key_from_the_environment_must_be_32_bytes(monkeypatch):
    monkeypatch.setenv("ZHENGMING_KEY", "c2hvcnQ=")
    with pytest.raises(SealingKeyError, match="32 bytes"):
        load_key()


def _sqlite_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def test_the_reporters_name_is_nowhere_in_the_file_logs_or_output(tmp_path, caplog):
    """Acceptance: the name given at intake is not in the SQLite file's bytes, the logs, or any output."""
    db = tmp_path / "secret.sqlite"
    runner = CliRunner()
    outputs = []
    tokens = {}

    def env(args):
        return {"ZHENGMING_TOKEN": tokens.get(args[args.index("--as") + 1] if "--as" in args else "li", "")}

    def run(*args):
        for lang in ("zh", "en"):
            for json_flag in ((), ("--json",)):
                if args[0] == "case" and args[1] == "open" and (lang, json_flag) != ("zh", ()):
                    continue  # a case is opened once
                result = runner.invoke(cli, ["--lang", lang, "--db", str(db), *args, *json_flag], env=env(args))
                outputs.append(result.output)
        return result

    caplog.set_level(logging.DEBUG)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # statements and their parameters
    for name, seat in {"li": ["handling_department"], "wang": ["commission_head"]}.items():
        runner.invoke(
            cli,
            [
                "--db",
                str(db),
                "--local-admin",
                "users",
                "add",
                name,
                "--organ",
                "discipline_commission",
                "--level",
                "county",
                *[x for r in seat for x in ("--role", r)],
            ],
        )
        tokens[name] = token_for(str(db), name)
    intake = tmp_path / "intake.json"
    intake.write_text(json.dumps(case_document(), ensure_ascii=False), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(case_document("T-2") | {"reporter": {"name": REPORTER_NAME, "age": 40}}, ensure_ascii=False)
    )
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text(
        "\n".join(json.dumps(case_document(f"J-{n}"), ensure_ascii=False) for n in range(3)) + "\n{broken\n",
        encoding="utf-8",
    )
    assert run("case", "open", str(intake)).exit_code == 0
    run("case", "open", str(bad))  # invalid reporter: the error names the field, not the value
    run("case", "open", str(intake))  # duplicate
    run("import", str(jsonl))
    run("case", "show", "T-1")
    run("case", "list")
    run("case", "approve", "T-1", "--as", "wang")  # refused: wrong role
    for args in (("approve", "T-1", "--as", "li"), ("approve", "T-1", "--as", "wang")):
        assert runner.invoke(cli, ["--db", str(db), "case", *args], env=env(args)).exit_code == 0
    args = ("clarify", "T-1", "--as", "li", "--method", "written")
    assert runner.invoke(cli, ["--db", str(db), "case", *args], env=env(args)).exit_code == 0
    run("case", "show", "T-1")
    run("case", "reevaluate", "T-1")
    run("audit", "verify")
    assert any("/reporter/age" in o for o in outputs)
    secret = REPORTER_NAME
    assert not [o for o in outputs if secret in o or "13912345678" in o]
    assert secret not in caplog.text and "13912345678" not in caplog.text
    assert "INSERT INTO cases" in caplog.text  # the statements were logged, with their parameters
    data = _sqlite_bytes(db)
    assert secret.encode() not in data and b"13912345678" not in data
    assert json.dumps(secret).encode() not in data and secret.encode("utf-16-le") not in data
    assert runner.invoke(cli, ["--db", str(db), "case", "show", "T-1", "--json"], env=env(())).exit_code == 0


@BACKENDS
def test_the_reporters_name_is_not_stored_in_clear_on_either_database(service, store):
    service.open(case_document())
    with store.transaction() as session:
        rows = (
            session.execute(text("SELECT * FROM cases")).all()
            + session.execute(text("SELECT * FROM audit_events")).all()
        )
    assert REPORTER_NAME not in repr(rows) and rows[0].reporter_sealed


def test_evaluate_does_not_import_the_store():
    code = (
        "import sys; from zhengming.cli.main import cli; "
        "print(any(m.split('.')[0] in ('sqlalchemy', 'rich', 'alembic', 'cryptography') for m in sys.modules))"
    )
    assert (
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
        == "False"
    )


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(
    before=_JSON,
    after=_JSON,
    actor=st.text(),
    action=st.text(max_size=12),
    case_id=st.none() | st.text(),
    key_id=st.none() | st.just("") | st.text(min_size=1, max_size=20),
    seq=st.integers(min_value=1, max_value=2**40),
)
def test_the_payload_built_from_canonical_texts_is_the_canonical_payload(
    before, after, actor, action, case_id, key_id, seq
):
    """The writer chains an event from the canonical texts of before/after it also stores; the verifier
    re-encodes the whole event from the values it reads. The bytes hashed must be the same."""
    event = {"seq": seq, "at": "2026-11-23T08:00:00.000001+00:00", "actor": actor, "action": action}
    event |= {"case_id": case_id, "before": before, "after": after, "key_id": key_id}
    try:
        expected = audit.event_payload(event)
    except UnicodeEncodeError:  # a lone surrogate: no event holding one can be stored at all
        return
    texts = (audit.event_text(before), audit.event_text(after))
    assert audit.payload_of_texts(event, *texts) == expected
    assert json.loads(texts[1]) == json.loads(json.dumps(after))  # and the stored text reads back as the value


@settings(max_examples=200, deadline=None)
@given(
    value=st.none() | st.integers() | st.booleans() | st.dates() | st.datetimes() | st.text() | _JSON,
    aware=st.booleans(),
)
def test_a_column_digest_is_hmac_sha256_over_the_sha256_of_its_canonical_json(value, aware):
    """The digest format (see zhengming.store.integrity) computed independently with the standard
    library: the short cuts taken for times, numbers and nulls give the same bytes as the encoder."""
    import hashlib
    import hmac
    from datetime import UTC, datetime, timedelta, timezone

    from zhengming.store import integrity

    if aware and isinstance(value, datetime):
        value = value.replace(tzinfo=timezone(timedelta(hours=8)))
    plain = value
    if isinstance(value, datetime):
        plain = (value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value).isoformat(
            timespec="microseconds"
        )
    elif hasattr(value, "isoformat"):
        plain = value.isoformat()
    canonical = json.dumps(plain, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert integrity.canonical_text(value) == canonical
    key = b"k" * 32
    inner = hashlib.sha256(canonical.encode()).hexdigest()
    expected = hmac.new(key, f"approvals.comment:{inner}".encode(), hashlib.sha256).hexdigest()[: integrity.DIGEST_HEX]
    row = dict.fromkeys(integrity.columns("approvals")) | {"comment": value}
    assert integrity.row_digests(key, "approvals", row)["comment"] == expected


def test_recorded_digests_lay_each_update_over_the_maps_before_it_under_one_key():
    from zhengming.store.integrity import columns, recorded_digests

    every = {name: "k1-" + name for name in columns("cases")} | {"_": "k1-row"}
    update = {"state": "k1-new", "_": "k1-row2"}
    assert recorded_digests("cases", [("k1", every), ("k1", update)]) == every | update
    # under another key, nothing recorded under the old one is carried over
    assert recorded_digests("cases", [("k1", every), ("k2", update)]) == update
    # a map naming every column starts afresh: a column an earlier update recorded is not kept from it
    again = {name: "k1-again-" + name for name in columns("cases")} | {"_": "k1-row3"}
    assert recorded_digests("cases", [("k1", every), ("k1", update | {"extra": "x"}), ("k1", again)]) == again
