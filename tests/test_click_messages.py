"""click's own messages (usage errors, ``Aborted!``, the confirmation prompt) are Chinese in the command line's
default language and English with ``--lang en`` (zhengming.cli.click_messages, the hand-kept ``click``
catalog); the catalog holds only msgids the installed click uses, each translated, and compiled."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_keywords
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from click.testing import CliRunner

from zhengming.cli.main import cli
from zhengming.i18n import CLICK_DOMAIN, LOCALE_DIR

from .test_i18n import fields, forms
from .test_store_support import private_env  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("private_env", "default_language")


@pytest.fixture
def default_language(monkeypatch):
    monkeypatch.delenv("ZHENGMING_LANG", raising=False)


CATALOG = LOCALE_DIR / "zh_CN/LC_MESSAGES" / f"{CLICK_DOMAIN}.po"
SEAT = ["--organ", "discipline_commission", "--level", "county", "--role", "handling_department"]

# (arguments after --lang, exit code, Chinese, English): one mistake per translated kind of message
MISTAKES = [
    (["users", "add", "li", "--level", "county"], 2, "错误：缺少选项 '--organ'", "Error: Missing option '--organ'."),
    (["--nope"], 2, "错误：没有选项 '--nope'。", "Error: No such option '--nope'."),
    (["users", "add", "li", *SEAT, "--nope"], 2, "没有选项 '--nope'", "No such option '--nope'."),
    (["nosuch"], 2, "错误：没有命令 'nosuch'。", "Error: No such command 'nosuch'."),
    (
        ["token", "issue", "li", "--days", "x"],
        2,
        "错误：'--days' 的值无效：'x' 不是有效的数值（integer）。",
        "Error: Invalid value for '--days': 'x' is not a valid integer.",
    ),
    (
        ["import", "nope.jsonl"],
        2,
        "'JSONL' 的值无效：'nope.jsonl' 不存在。",
        "Invalid value for 'JSONL': File 'nope.jsonl' does not exist.",
    ),
    (
        ["users", "add", "li", *SEAT, "--grant", "king"],
        2,
        "'--grant' 的值无效：'king' 不是 'admin', 'custodian' 之一。",
        "Invalid value for '--grant': 'king' is not one of 'admin', 'custodian'.",
    ),
    (["users", "add"], 2, "缺少参数 'NAME'", "Missing argument 'NAME'."),
    (["users", "add", "li", *SEAT, "extra"], 2, "多余的参数（extra）", "Got unexpected extra argument (extra)"),
    (["token", "issue", "li", "--days"], 2, "选项 '--days' 需要 1 个值。", "Option '--days' requires an argument."),
]


@pytest.mark.parametrize(
    ("args", "code", "zh", "en"), MISTAKES, ids=lambda v: " ".join(v) if isinstance(v, list) else None
)
def test_a_usage_error_is_said_in_the_chosen_language(tmp_path, args, code, zh, en):
    runner = CliRunner()
    db = ["--db", str(tmp_path / "z.sqlite")]
    chinese = runner.invoke(cli, [*db, *args])
    english = runner.invoke(cli, [*db, "--lang", "en", *args])
    assert (chinese.exit_code, english.exit_code) == (code, code), (chinese.output, english.output)
    assert zh in chinese.stderr and en not in chinese.stderr, chinese.stderr
    assert en in english.stderr and zh not in english.stderr, english.stderr
    # the usage line and the hint, when click gives them (not for an option's missing value)
    assert ("用法：" in chinese.stderr) == ("查看帮助。" in chinese.stderr) == ("Usage: " in english.stderr)
    assert "Usage:" not in chinese.stderr and "Try '" not in chinese.stderr


def test_the_language_can_come_from_the_environment_before_the_options_are_read(tmp_path):
    runner = CliRunner()
    english = runner.invoke(cli, ["--nope"], env={"ZHENGMING_LANG": "en"})
    chinese = runner.invoke(cli, ["--nope"], env={"ZHENGMING_LANG": "zh"})
    overridden = runner.invoke(cli, ["--lang", "zh", "--nope"], env={"ZHENGMING_LANG": "en"})
    assert (english.exit_code, chinese.exit_code, overridden.exit_code) == (2, 2, 2)
    assert "Error: No such option '--nope'." in english.stderr
    assert "错误：没有选项 '--nope'。" in chinese.stderr and "错误：没有选项" in overridden.stderr


def test_the_password_confirmation_its_mismatch_and_the_abort(tmp_path):
    """``users passwd`` asks twice; different answers are refused, and input that ends aborts (exit 1)."""
    runner = CliRunner()
    db = ["--db", str(tmp_path / "z.sqlite"), "--local-admin"]
    added = runner.invoke(cli, [*db, "users", "add", "li", *SEAT])
    assert added.exit_code == 0, added.output
    for lang, repeat, mismatch, aborted in (
        ("zh", "再次输入以确认", "错误：两次输入的值不一致。", "已中止。"),
        ("en", "Repeat for confirmation", "Error: The two entered values do not match.", "Aborted!"),
    ):
        result = runner.invoke(cli, ["--lang", lang, *db, "users", "passwd", "li"], input="first-secret\nsecond\n")
        assert result.exit_code == 1, result.output
        assert repeat in result.stderr and mismatch in result.stderr and aborted in result.stderr, result.stderr


def test_outside_an_invocation_click_speaks_as_it_did():
    """The web server and other click programs in the process: click's messages stay click's (English here)."""
    assert click.exceptions._("Aborted!") == "Aborted!" and click.core._("Aborted!") == "Aborted!"
    assert "错误：没有选项" in CliRunner().invoke(cli, ["--nope"]).stderr
    assert click.core._("Aborted!") == "Aborted!"  # nothing leaks out of an invocation


def catalog():
    with CATALOG.open("rb") as f:
        return read_po(f, locale="zh_CN")


def test_the_click_catalog_holds_only_msgids_the_installed_click_uses_each_translated():
    used = {
        message if isinstance(message, str) else message[0]
        for _file, _line, message, _comments, _context in extract_from_dir(
            Path(click.__file__).parent, keywords=parse_keywords(["_", "ngettext:1,2"])
        )
    }
    held = [m for m in catalog() if m.id]
    assert len(held) >= 20
    stale = [m.id for m in held if (m.id[0] if isinstance(m.id, tuple) else m.id) not in used]
    assert stale == [], f"click {click.__version__} no longer says these (update {CATALOG.name}): {stale}"
    for m in held:
        assert all(forms(m.string)) and not m.fuzzy, m.id
        named = set().union(*(fields(msgid) for msgid in forms(m.id)))
        assert all(fields(form) <= named for form in forms(m.string)), m.id


def test_the_compiled_click_catalog_is_that_of_the_po_file():
    with CATALOG.with_suffix(".mo").open("rb") as f:
        compiled = {
            tuple(m.id) if isinstance(m.id, list) else m.id: forms(
                tuple(m.string) if isinstance(m.string, list) else m.string
            )
            for m in read_mo(f)
            if m.id
        }
    assert compiled == {m.id: forms(m.string) for m in catalog() if m.id}, "run `make messages`"
