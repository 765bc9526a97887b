"""The engine names the plugin and hook when a plugin misbehaves, and never lets a wrong answer out."""

from __future__ import annotations

import copy

import pytest

from zhengming import Engine, PluginError, load_registry, to_document

from .conftest import BASE_CASE

CITE = 'citations=(Citation(document="测试办法", article="第一条"),)'


def evaluate(plugins, body, **changes):
    registry = load_registry(entry_points=[plugins.make("local", body)])
    document = copy.deepcopy(BASE_CASE) | {"jurisdiction": "local"} | changes
    return Engine(registry).evaluate_document(document)


def test_a_plugin_that_raises_is_named_with_its_hook(plugins):
    body = "@hookimpl\ndef zhengming_approval_route(case):\n    raise KeyError('organ')\n"
    with pytest.raises(PluginError) as caught:
        evaluate(plugins, body)
    assert caught.value.plugin == "local" and caught.value.hook == "zhengming_approval_route"
    assert "KeyError" in str(caught.value)


def test_an_answer_without_citation_is_refused(plugins):
    body = "@hookimpl\ndef zhengming_revisit_policy():\n    return Revisit(required=True, citations=())\n"
    with pytest.raises(PluginError, match="without a citation"):
        evaluate(plugins, body)


def test_an_answer_of_the_wrong_type_is_refused(plugins):
    body = "@hookimpl\ndef zhengming_fast_track():\n    return True\n"
    with pytest.raises(PluginError, match="answered bool, expected FastTrack"):
        evaluate(plugins, body)


def test_clarifying_an_allegation_that_is_not_untrue_is_refused(plugins):
    body = f"""
    @hookimpl
    def zhengming_clarification_trigger(case):
        return Trigger(outcome=TriggerOutcome.MUST_CLARIFY, allegations=("a1", "a2"), {CITE})
    """
    allegations = [{"id": "a1", "finding": "untrue"}, {"id": "a2", "finding": "true"}]
    with pytest.raises(PluginError, match="not found untrue: a2"):
        evaluate(plugins, body, allegations=allegations)


def test_deferred_clarifies_nothing_and_asks_no_method_hook(plugins):
    body = f"""
    @hookimpl
    def zhengming_clarification_trigger(case):
        return Trigger(outcome=TriggerOutcome.DEFERRED, {CITE})

    @hookimpl
    def zhengming_clarification_methods():
        raise AssertionError("must not be asked")
    """
    decision = to_document(evaluate(plugins, body))
    assert decision["trigger"]["outcome"] == "deferred"
    assert decision["methods"] == [] and decision["notifications"] == [] and decision["approval"]["steps"] == []


def test_a_wrapper_adjusts_the_inherited_answer(plugins):
    body = """
    @hookimpl(wrapper=True)
    def zhengming_clarification_methods(case, trigger, ctx):
        inherited = yield
        return tuple(attrs.evolve(m, consent_required=True) for m in inherited)
    """
    decision = to_document(evaluate(plugins, body))
    assert [m["method"] for m in decision["methods"]] == ["written", "face_to_face", "meeting", "notice"]
    assert all(m["consent_required"] for m in decision["methods"])


def test_notifications_merge_along_the_chain_one_entry_per_recipient(plugins):
    body = f"""
    @hookimpl
    def zhengming_notifications():
        return [Notification(recipient=Recipient.SUBJECT, {CITE}),
                Notification(recipient=Recipient.INTEGRITY_ARCHIVE, {CITE})]
    """
    decision = to_document(evaluate(plugins, body))
    recipients = [n["recipient"] for n in decision["notifications"]]
    assert recipients == ["subject", "integrity_archive"]
    subject_cites = [c["document"] for c in decision["notifications"][0]["citations"]]
    assert subject_cites == ["测试办法", "core default"]


def test_a_jurisdiction_without_answers_gets_the_cited_national_baseline(plugins):
    decision = to_document(evaluate(plugins, ""))
    assert decision["chain"] == ["core", "local"]
    assert decision["trigger"]["outcome"] == "must_clarify"
    assert all(c["document"] == "core default" for c in decision["approval"]["citations"])
