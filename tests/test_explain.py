"""``zhengming explain``: each hook's answer, who gave it, and its citations — from the engine's own run."""

from __future__ import annotations

import copy
import json

import pytest
from click.testing import CliRunner

from zhengming import load_registry, to_document
from zhengming.casefiles import example_cases
from zhengming.cli.main import cli
from zhengming.explain import explain

from .conftest import BASE_CASE


def lushan_case():
    document = copy.deepcopy(BASE_CASE)
    document.update(jurisdiction="pingdingshan.lushan", as_of="2023-06-01")
    document["circumstances"] = {"key_juncture": True}
    return document


def test_a_lushan_case_is_answered_only_by_pingdingshan_or_core():
    found = explain(load_registry(), lushan_case())
    assert found.chain == ("core", "pingdingshan", "pingdingshan.lushan")
    assert {s.hook for s in found.steps} >= {"zhengming_clarification_trigger", "zhengming_clarification_methods"}
    for step in found.steps:
        assert step.answered_by or step.answer == ()  # a merge hook nobody adds to has no answerer
        assert set(step.answered_by) <= {"pingdingshan", "core"}
        assert set(step.adjusted_by) <= {"pingdingshan", "core"}


def test_explain_names_the_answering_plugin_and_the_adjusting_wrapper():
    steps = {s.hook: s for s in explain(load_registry(), lushan_case()).steps}
    assert steps["zhengming_fast_track"].answered_by == ("pingdingshan",)
    methods = steps["zhengming_clarification_methods"]
    assert methods.answered_by == ("core",) and methods.adjusted_by == ("pingdingshan",)
    assert all(m.consent_required for m in methods.answer)


def test_explain_shows_exactly_the_hooks_the_engine_asked(engine):
    not_applicable = lushan_case()
    not_applicable["allegations"][0]["finding"] = "true"
    found = explain(load_registry(), not_applicable)
    assert found.decision.trigger.outcome == "not_applicable"
    assert [s.hook for s in found.steps] == [
        "zhengming_clarification_trigger",
        "zhengming_fast_track",
        "zhengming_clarification_deadline",
        "zhengming_clarification_deadlines",
    ]
    assert to_document(found.decision) == to_document(engine.evaluate_document(not_applicable))


def test_explain_command_prints_json_and_text(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(lushan_case()), encoding="utf-8")
    result = CliRunner().invoke(cli, ["explain", str(path), "--json"])
    assert result.exit_code == 0
    hooks = json.loads(result.stdout)["hooks"]
    assert hooks[0]["hook"] == "zhengming_clarification_trigger" and hooks[0]["answer"]["citations"]
    text = CliRunner().invoke(cli, ["--lang", "en", "explain", str(path)])
    assert text.exit_code == 0
    assert "answered by: pingdingshan" in text.stdout and "adjusted by pingdingshan" in text.stdout
    assert CliRunner().invoke(cli, ["explain", str(path).replace("case", "none")]).exit_code == 2


def every_example_case():
    registry = load_registry()
    return [
        pytest.param(example.case, id=f"{jid}::{example.id}")
        for jid in registry.ids()
        for example in example_cases(registry.records[jid].plugin, jid)
    ]


@pytest.mark.parametrize("document", every_example_case())
def test_explain_exits_0_in_text_and_json_on_every_example_case(tmp_path, document):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    for args in (["explain", str(path)], ["--lang", "en", "explain", str(path), "--json"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, (args, result.output, result.exception)
    assert json.loads(result.stdout)["chain"][0] == "core"


def test_a_raising_plugin_exits_1_named_as_in_evaluate_without_a_traceback(tmp_path, plugins, monkeypatch):
    from zhengming.cli import app as cli_app

    broken = plugins.make(
        "boom",
        """
        @hookimpl
        def zhengming_fast_track(case):
            return {}["missing"]
        """,
    )
    monkeypatch.setattr(cli_app, "load_registry", lambda strict=False: load_registry(entry_points=[broken]))
    path = tmp_path / "case.json"
    path.write_text(json.dumps(dict(BASE_CASE, jurisdiction="boom")), encoding="utf-8")
    for command in ("explain", "evaluate"):
        result = CliRunner().invoke(cli, ["--lang", "en", command, str(path)])
        assert result.exit_code == 1
        assert result.stderr.strip() == "plugin error: plugin 'boom', hook zhengming_fast_track: KeyError: 'missing'"
        assert "Traceback" not in result.output
