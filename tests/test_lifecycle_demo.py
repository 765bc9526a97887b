"""``zhengming demo``: the example cases, then real cases in every state of the lifecycle."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from zhengming.cli.main import cli

pytest_plugins = ("tests.test_store_support",)
pytestmark = pytest.mark.usefixtures("private_env")


def test_demo_works_cases_of_every_jurisdiction_into_every_state(tmp_path, registry):
    db = tmp_path / "demo.sqlite"
    result = CliRunner().invoke(cli, ["demo", "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "与预期一致" in out and "✗" not in out and "意外拒绝" not in out
    summary = out.split("━━ 按状态汇总")[1]
    for state in ("待提出建议", "审批中", "已归档", "不予澄清（审批未通过）", "已办结", "待实施澄清"):
        assert state in summary, state
    assert "不适用澄清" in summary and "办理完毕" in summary and "本人不同意公开澄清" in summary
    assert "须征得澄清对象本人同意" in out and "哈希链完整" in out
    for jid in registry.ids():
        assert f"\n  {jid} " in out
    if any(j.startswith("xuchang") for j in registry.ids()):  # the rules that defer on pending clues
        assert "待其他线索查结" in summary
    assert "回访中" in summary if any(j.startswith(("pingdingshan", "zhejiang")) for j in registry.ids()) else True
    assert "演示举报人" not in out and db.exists() and "演示举报人".encode() not in db.read_bytes()


def test_demo_in_english_into_a_temporary_database(tmp_path):
    result = CliRunner().invoke(cli, ["--lang", "en", "demo"], catch_exceptions=False)
    assert result.exit_code == 0 and "Cases by state" in result.stdout and "a temporary file" in result.stdout
