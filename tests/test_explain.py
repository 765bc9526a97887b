"""``zhengming explain``: each hook's answer, who gave it, and its citations."""

from __future__ import annotations

import copy
import json

from click.testing import CliRunner

from zhengming import load_registry
from zhengming.explain import explain

from .conftest import BASE_CASE


def lushan_case():
    document = copy.deepcopy(BASE_CASE)
    document.update(jurisdiction="pingdingshan.lushan", as_of="2023-06-01")
    document["circumstances"] = {"key_juncture": True}
    return document


def test_a_lushan_case_is_answered_only_by_pingdingshan_or_core():
    chain, traces = explain(load_registry(), lushan_case())
    assert chain == ("core", "pingdingshan", "pingdingshan.lushan")
    assert {t.hook for t in traces} >= {"zhengming_clarification_trigger", "zhengming_clarification_methods"}
    for trace in traces:
        assert trace.answered_by and set(trace.answered_by) <= {"pingdingshan", "core"}
        assert set(trace.adjusted_by) <= {"pingdingshan", "core"}


def test_explain_names_the_answering_plugin_and_the_adjusting_wrapper():
    traces = {t.hook: t for t in explain(load_registry(), lushan_case())[1]}
    assert traces["zhengming_fast_track"].answered_by == ("pingdingshan",)
    methods = traces["zhengming_clarification_methods"]
    assert methods.answered_by == ("core",) and methods.adjusted_by == ("pingdingshan",)
    assert all(m.consent_required for m in methods.answer)


def test_explain_command_prints_json_and_text(tmp_path):
    from zhengming.cli.main import cli

    path = tmp_path / "case.json"
    path.write_text(json.dumps(lushan_case()), encoding="utf-8")
    result = CliRunner().invoke(cli, ["explain", str(path), "--json"])
    assert result.exit_code == 0
    hooks = json.loads(result.stdout)["hooks"]
    assert hooks[0]["hook"] == "zhengming_clarification_trigger" and hooks[0]["answer"]["citations"]
    text = CliRunner().invoke(cli, ["--lang", "en", "explain", str(path)]).stdout
    assert "answered by: pingdingshan" in text and "adjusted by pingdingshan" in text
    assert CliRunner().invoke(cli, ["explain", str(path).replace("case", "none")]).exit_code == 2
