"""The ``zhengming`` command: exit codes of the contract, readable output, introspection."""

from __future__ import annotations

import copy
import json
import re

import pytest
import yaml
from click.testing import CliRunner

from zhengming.cli.main import cli

from .conftest import BASE_CASE


@pytest.fixture
def invoke():
    runner = CliRunner()

    def run(*args, stdin=None):
        return runner.invoke(cli, list(args), input=stdin, catch_exceptions=False)

    return run


@pytest.fixture
def case_file(tmp_path):
    def write(document, suffix=".json"):
        path = tmp_path / f"case{suffix}"
        text = yaml.safe_dump(document, allow_unicode=True) if suffix == ".yaml" else json.dumps(document)
        path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def test_evaluate_prints_the_decision_document(invoke, case_file):
    result = invoke("evaluate", case_file(BASE_CASE), "--json")
    assert result.exit_code == 0
    decision = json.loads(result.stdout)
    assert decision["trigger"]["outcome"] == "must_clarify"
    assert decision["case_id"] == "T-1" and decision["chain"] == ["core", "jinan"]


def test_evaluate_reads_yaml_and_stdin(invoke, case_file):
    assert json.loads(invoke("evaluate", case_file(BASE_CASE, ".yaml"), "--json").stdout)["as_of"] == "2023-05-01"
    assert json.loads(invoke("evaluate", "-", "--json", stdin=json.dumps(BASE_CASE)).stdout)["case_id"] == "T-1"


def test_text_output_is_chinese_by_default_and_english_on_request(invoke, case_file):
    zh = invoke("evaluate", case_file(BASE_CASE)).stdout
    en = invoke("--lang", "en", "evaluate", case_file(BASE_CASE)).stdout
    assert "结论: 应当澄清" in zh and "《关于建立干部澄清保护机制的实施办法（试行）》第四条（一）" in zh
    assert "outcome: must clarify" in en and "Art. 4(1)" in en


def test_as_of_overrides_the_document_date(invoke, case_file):
    decision = json.loads(invoke("evaluate", case_file(BASE_CASE), "--json", "--as-of", "2019-06-01").stdout)
    assert decision["as_of"] == "2019-06-01" and decision["chain"] == ["core"]
    assert any("2019-12-13" in r for r in decision["trigger"]["reasons"])


def test_a_bad_enumeration_value_exits_2_with_its_pointer(invoke, case_file):
    document = copy.deepcopy(BASE_CASE)
    document["allegations"][0]["finding"] = "maybe"
    result = invoke("evaluate", case_file(document), "--json")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("/allegations/0/finding: 'maybe'")


def test_an_unknown_field_exits_2_naming_it(invoke, case_file):
    document = copy.deepcopy(BASE_CASE) | {"surprise": 1}
    result = invoke("--lang", "en", "evaluate", case_file(document))
    assert result.exit_code == 2 and "/surprise: unknown field 'surprise'" in result.stderr


def test_every_problem_gets_its_own_line(invoke, case_file):
    document = copy.deepcopy(BASE_CASE)
    document["impact"]["scope"] = "galaxy"
    document["handling"]["organ"] = "police"
    result = invoke("evaluate", case_file(document))
    assert result.exit_code == 2
    assert [line.split(":")[0] for line in result.stderr.splitlines()] == ["/handling/organ", "/impact/scope"]


def test_a_lone_surrogate_exits_2_naming_the_field(invoke, case_file):
    document = copy.deepcopy(BASE_CASE)
    document["allegations"][0]["summary"] = "\ud800"
    result = invoke("--lang", "en", "evaluate", case_file(document))
    assert result.exit_code == 2 and result.stderr.startswith("/allegations/0/summary: holds a lone surrogate")


def test_an_uninstalled_jurisdiction_exits_3_listing_the_installed(invoke, case_file):
    document = copy.deepcopy(BASE_CASE) | {"jurisdiction": "atlantis"}
    result = invoke("--lang", "en", "evaluate", case_file(document))
    assert result.exit_code == 3
    assert "'atlantis' is not installed" in result.stderr
    # whatever else is installed (third-party plugins too), the message lists exactly the installed ids
    from zhengming import load_registry

    assert result.stderr.strip().endswith("installed: " + ", ".join(load_registry().ids()))


@pytest.mark.parametrize(("content", "suffix"), [("{not json", ".json"), ("a: [1", ".yaml")])
def test_unparseable_input_exits_2(invoke, tmp_path, content, suffix):
    path = tmp_path / f"broken{suffix}"
    path.write_text(content)
    result = invoke("evaluate", str(path))
    assert result.exit_code == 2 and "无法解析" in result.stderr


def test_jurisdictions_lists_the_tree_with_versions(invoke):
    result = invoke("jurisdictions")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("core  全国基线")
    assert re.search(r"[├└]─ jinan  济南市  \[zhengming-jinan 0\.1\.0\] · 施行 2019-12-13", result.stdout)


def test_jurisdictions_show_says_who_answers_each_hook(invoke):
    info = json.loads(invoke("jurisdictions", "show", "jinan", "--json").stdout)
    hooks = {row["hook"]: row for row in info["hooks"]}
    assert info["chain"] == ["core", "jinan"] and info["documents"][0]["in_force_from"] == "2019-12-13"
    # 济南 adjusts the core's trigger: its own answer within 第五条's scope, the core's with a reason outside it
    trigger = hooks["zhengming_clarification_trigger"]
    assert (trigger["answered_by"], trigger["adjusted_by"]) == (["core"], ["jinan"])
    assert hooks["zhengming_revisit_policy"]["answered_by"] == ["core"]
    assert hooks["zhengming_notifications"]["answered_by"] == ["jinan", "core"]
    assert hooks["zhengming_false_accusation"] == {
        "hook": "zhengming_false_accusation",
        "combine": "most_specific",
        "answered_by": ["core"],
        "falls_back_to": [],
        "adjusted_by": ["jinan"],
    }
    assert invoke("jurisdictions", "show", "atlantis").exit_code == 3


def test_demo_runs_every_example_case(invoke):
    result = invoke("demo")
    assert result.exit_code == 0, result.stdout
    assert "与预期一致" in result.stdout and "✗" not in result.stdout


def test_columns_pad_chinese_by_display_width():
    from zhengming.cli.columns import cells, pad

    assert cells("应当澄清") == 8 and cells("abc") == 3
    assert cells(pad("应当澄清", 12)) == 12 and pad("toolongtext", 4) == "toolongtext"
