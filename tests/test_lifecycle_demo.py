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
    refused = out.split("按规则拒绝的操作（示例）：")[1].split("审计日志")[0]
    assert "须为县级机关人员" in refused  # the overseeing city commission takes no step
    assert "不存在（按须知原则" in refused  # an outsider is told the case does not exist, and the demo says why
    for jid in registry.ids():
        assert f"\n  {jid} " in out
    if any(j.startswith("xuchang") for j in registry.ids()):  # the rules that defer on pending clues
        assert "待其他线索查结" in summary
    assert "回访中" in summary if any(j.startswith(("pingdingshan", "zhejiang")) for j in registry.ids()) else True
    assert "演示举报人" not in out and db.exists() and "演示举报人".encode() not in db.read_bytes()


def test_demo_in_english_into_a_temporary_database(tmp_path):
    result = CliRunner().invoke(cli, ["--lang", "en", "demo"], catch_exceptions=False)
    assert result.exit_code == 0 and "Cases by state" in result.stdout and "a temporary file" in result.stdout
    refused = result.stdout.split("Actions refused by the rules (examples):")[1].split("audit log")[0]
    # one example of each kind, as in Chinese: consent, a seat at the wrong level, need-to-know
    assert refused.count("needs the subject's consent") == 1
    assert "needs the county level" in refused and "does not exist (need-to-know" in refused
