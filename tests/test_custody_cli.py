"""The command line of custody and keys: the reveal flow through ``zhengming custody``, the key's
fingerprint and its rotation (resumable), a different key refused, a new key announced once."""

from __future__ import annotations

import json
import pathlib

import pytest
from click.testing import CliRunner

from zhengming.cli.main import cli

from .test_custody import FALSE_ACCUSATION, REPORTER
from .test_store_support import BACKENDS, REPORTER_NAME

pytest_plugins = ("tests.test_store_support",)
pytestmark = pytest.mark.usefixtures("private_env")

PEOPLE = {
    "li": ["--organ", "discipline_commission", "--level", "county", "--role", "handling_department"],
    "chen": ["--organ", "discipline_commission", "--level", "county", "--grant", "custodian"],
}


@pytest.fixture
def zm(db_url):
    runner = CliRunner()
    tokens: dict[str, str] = {}

    def run(*args, code=0, user="li", env=None):
        environment = {"ZHENGMING_TOKEN": tokens.get(user, "")} | (env or {})
        result = runner.invoke(cli, ["--db", db_url, *args], catch_exceptions=False, env=environment)
        assert result.exit_code == code, result.output
        return result

    for name, options in PEOPLE.items():
        run("--local-admin", "users", "add", name, *options)
        tokens[name] = json.loads(run("--local-admin", "token", "issue", name, "--json").stdout)["token"]
    return run


@BACKENDS
def test_the_reveal_flow_and_a_key_rotation_on_the_command_line(zm, tmp_path):
    path = tmp_path / "fa.json"
    path.write_text(json.dumps(FALSE_ACCUSATION | {"case_id": "FA-1", "reporter": REPORTER}, ensure_ascii=False))
    zm("case", "open", str(path))
    filed = json.loads(zm("custody", "request", "FA-1", "--reason", "查处诬告陷害", "--json").stdout)
    zm("custody", "decide", str(filed["id"]), "--approve", code=5)  # the requester is no custodian
    zm("custody", "decide", str(filed["id"]), "--approve", "--hours", "2", user="chen")
    zm("custody", "show", str(filed["id"]), user="chen", code=5)  # only the requester
    shown = zm("custody", "show", str(filed["id"]))
    assert REPORTER_NAME in shown.stdout
    assert "once" in zm("--lang", "en", "custody", "show", str(filed["id"]), code=5).output
    assert REPORTER_NAME not in zm("case", "show", "FA-1", "--json").stdout

    before = json.loads(zm("key", "fingerprint", "--json").stdout)
    assert before["fingerprint"] == before["database"]
    rotated = json.loads(zm("--local-admin", "key", "rotate", "--json").stdout)
    assert rotated["resealed"] == 1 and rotated["old"] == before["fingerprint"] and not rotated["resumed"]
    assert json.loads(zm("audit", "verify", "--json").stdout)["ok"]  # older events: the retired key
    again = json.loads(zm("custody", "request", "FA-1", "--reason", "复核", "--json").stdout)
    zm("custody", "decide", str(again["id"]), "--approve", user="chen")
    assert REPORTER_NAME in zm("custody", "show", str(again["id"])).stdout  # opened with the new key

    other = tmp_path / "other-key"
    from zhengming.store.crypto import create_key_file

    create_key_file(other)
    refused = zm("case", "list", code=1, env={"ZHENGMING_KEY_FILE": str(other)})
    assert (
        rotated["new"] in refused.output
        and "fingerprint"
        in zm("--lang", "en", "audit", "verify", code=1, env={"ZHENGMING_KEY_FILE": str(other)}).output
    )


@BACKENDS
def test_an_interrupted_rotation_resumes(store, people, service, monkeypatch):
    from zhengming.store import audit
    from zhengming.store.rotation import rotate

    service.open(FALSE_ACCUSATION | {"case_id": "FA-1", "reporter": REPORTER})
    real = pathlib.Path.replace

    def crash(self, target):
        raise OSError("power cut")

    monkeypatch.setattr(pathlib.Path, "replace", crash)
    with pytest.raises(OSError):
        rotate(store, actor="local-admin:test")  # the database is re-sealed, the key file not yet replaced
    monkeypatch.setattr(pathlib.Path, "replace", real)
    result = rotate(store, actor="local-admin:test")
    assert result.resumed and result.resealed == 0
    from zhengming.store.crypto import load_keyring

    keyring = load_keyring()
    assert keyring.fingerprint == result.new and len(keyring.retired) == 1
    with store.transaction() as session:
        assert audit.verify(session).ok


def test_a_new_key_is_announced_once_with_backup_advice(tmp_path, monkeypatch):
    monkeypatch.delenv("ZHENGMING_KEY_FILE")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    runner = CliRunner()
    db = str(tmp_path / "new.sqlite")
    first = runner.invoke(cli, ["--lang", "en", "--db", db, "key", "fingerprint"])
    assert first.exit_code == 0 and "created a new key" in first.output and "Back it up" in first.output
    second = runner.invoke(cli, ["--lang", "en", "--db", db, "key", "fingerprint"])
    assert second.exit_code == 0 and "created a new key" not in second.output


def test_key_errors_are_in_the_users_language(tmp_path, monkeypatch):
    """A different key and a malformed one: the reason after 密钥错误： is Chinese too (English with --lang en)."""
    import base64
    import os

    runner = CliRunner()
    db = str(tmp_path / "bound.sqlite")
    added = runner.invoke(cli, ["--db", db, "--local-admin", "users", "add", "li", *PEOPLE["li"]])
    assert added.exit_code == 0, added.output  # the first write binds the database to the key
    other = {"ZHENGMING_KEY": base64.b64encode(os.urandom(32)).decode()}
    zh = runner.invoke(cli, ["--db", db, "--local-admin", "audit", "verify"], env=other)
    assert zh.exit_code == 1, zh.output
    assert zh.stderr.startswith("密钥错误：") and "本数据库绑定" in zh.stderr and "bound to" not in zh.stderr
    en = runner.invoke(cli, ["--lang", "en", "--db", db, "--local-admin", "audit", "verify"], env=other)
    assert en.exit_code == 1 and "this database is bound to the key" in en.stderr

    short = runner.invoke(cli, ["--db", db, "--local-admin", "audit", "verify"], env={"ZHENGMING_KEY": "c2hvcnQ="})
    assert short.exit_code == 1 and "32 字节" in short.stderr and "must be" not in short.stderr
    missing = runner.invoke(
        cli, ["--db", db, "--local-admin", "audit", "verify"], env={"ZHENGMING_KEY_FILE": str(tmp_path / "kye")}
    )
    assert missing.exit_code == 1 and "不存在" in missing.stderr and "does not exist" not in missing.stderr
