"""The chain, owned: every hook resolved level by level, a child's answer always stands, exact blame.

Regression tests for each way the chain broke while pluggy's call order decided it (issue 9), and
a property test over every hook and every parent/child pair.
"""

from __future__ import annotations

import copy
from datetime import date
from importlib import metadata
from importlib.metadata import EntryPoint

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhengming import Citation, Deadline, DeadlineAction, Engine, PluginError, hookimpl, load_registry, to_document
from zhengming.plugin.markers import Combine
from zhengming.plugin.plan import ResolutionPlan
from zhengming.plugin.registry import ENTRY_POINT_GROUP
from zhengming.plugin.specs import CHAIN_HOOKS, SPECS

from .conftest import BASE_CASE

COUNTY_TRIGGER = """
@hookimpl
def zhengming_clarification_trigger(case):
    return Trigger(outcome=TriggerOutcome.NOT_APPLICABLE, reasons=(Text("本县另有规定", "local rule"),),
                   citations=(Citation(document="县办法", article="第一条"),))
"""


def with_installed(*extra):
    return load_registry(entry_points=[*metadata.entry_points(group=ENTRY_POINT_GROUP), *extra])


def hangzhou_case(jurisdiction):
    document = copy.deepcopy(BASE_CASE)
    document.update(jurisdiction=jurisdiction, as_of="2023-06-01")
    return document


# --- a parent's wrapper never touches a child's answer ------------------------------------------


def test_a_county_under_hangzhou_replacing_the_trigger_gets_no_province_citation(plugins):
    county = plugins.make("zhejiang.hangzhou.xihu", COUNTY_TRIGGER, parent="zhejiang.hangzhou")
    registry = with_installed(county)
    assert registry.problems == ()
    decision = to_document(Engine(registry).evaluate_document(hangzhou_case("zhejiang.hangzhou.xihu")))
    assert decision["trigger"]["outcome"] == "not_applicable"
    assert decision["trigger"]["citations"] == [{"document": "县办法", "article": "第一条"}]
    # the province's wrapper still adjusts the answer of its own level: 杭州 itself is unchanged
    hangzhou = to_document(Engine(registry).evaluate_document(hangzhou_case("zhejiang.hangzhou")))
    assert hangzhou["trigger"]["outcome"] != "not_applicable"


def test_a_parent_wrapper_that_changes_the_outcome_cannot_block_the_child(plugins):
    parent = plugins.make(
        "prov",
        """
        @hookimpl(wrapper=True)
        def zhengming_clarification_trigger():
            inherited = yield
            return attrs.evolve(inherited, outcome=TriggerOutcome.DEFERRED, allegations=(),
                                citations=(Citation(document="省办法", article="第九条"),))
        """,
    )
    child = plugins.make("prov.city", COUNTY_TRIGGER, parent="prov")
    engine = Engine(load_registry(entry_points=[parent, child]))
    assert engine.evaluate_document(hangzhou_case("prov")).trigger.outcome == "deferred"
    assert engine.evaluate_document(hangzhou_case("prov.city")).trigger.outcome == "not_applicable"


def test_a_wrapper_sees_the_answer_resolved_up_to_its_own_level(plugins):
    seen = []

    class Grand:
        @hookimpl
        def zhengming_fast_track(self):
            return FAST(True, "grand")

    class Parent:
        @hookimpl(wrapper=True)
        def zhengming_fast_track(self):
            inherited = yield
            seen.append(inherited)
            return None  # None from a wrapper keeps the inherited answer

    class Child:
        @hookimpl
        def zhengming_fast_track(self):
            return None  # inherits

    resolved = ResolutionPlan([("g", Grand()), ("p", Parent()), ("c", Child())]).resolve("zhengming_fast_track", {})
    assert seen == [FAST(True, "grand")]
    assert resolved.answer == FAST(True, "grand")
    assert resolved.answered_by == ("g",) and resolved.adjusted_by == ()


def FAST(active, tag):
    from zhengming import FastTrack

    return FastTrack(active=active, citations=(Citation(document=tag, article="1"),))


# --- the registry refuses what would step out of the chain's order ------------------------------


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ("tryfirst=True", "uses tryfirst=True"),
        ("trylast=True", "uses trylast=True"),
        ("hookwrapper=True", "old-style hookwrapper"),
    ],
)
def test_order_options_are_a_named_load_problem(plugins, options, expected):
    body = f"""
    @hookimpl({options})
    def zhengming_fast_track(case):
        return None
    """
    registry = load_registry(entry_points=[plugins.make("pushy", body)])
    assert "pushy" not in registry.ids()
    assert expected in registry.problem_for("pushy").error


def test_a_wrapper_that_cannot_yield_and_a_hook_implemented_twice_are_load_problems(plugins):
    no_yield = """
    @hookimpl(wrapper=True)
    def zhengming_fast_track(case):
        return None
    """
    twice = """
    @hookimpl
    def zhengming_fast_track(case):
        return None

    @hookimpl(specname="zhengming_fast_track")
    def fast_again(case):
        return None
    """
    registry = load_registry(entry_points=[plugins.make("noyield", no_yield), plugins.make("twice", twice)])
    assert "never yields" in registry.problem_for("noyield").error
    assert "implemented twice" in registry.problem_for("twice").error


# --- blame is exact -------------------------------------------------------------------------------

PARENT_CLARIFIES_A_TRUE_ALLEGATION = """
@hookimpl
def zhengming_clarification_trigger(case):
    return Trigger(outcome=TriggerOutcome.MUST_CLARIFY, allegations=("a2",),
                   citations=(Citation(document="市办法", article="第二条"),))
"""
CHILD_DEFERS = """
@hookimpl
def zhengming_clarification_trigger(case):
    return None
"""


def test_the_guard_blames_the_plugin_that_answered_not_the_most_specific_implementer(plugins):
    registry = load_registry(
        entry_points=[
            plugins.make("city", PARENT_CLARIFIES_A_TRUE_ALLEGATION),
            plugins.make("city.county", CHILD_DEFERS, parent="city"),
        ]
    )
    document = hangzhou_case("city.county")
    document["allegations"].append({"id": "a2", "summary": "属实部分", "finding": "true"})
    with pytest.raises(PluginError) as caught:
        Engine(registry).evaluate_document(document)
    assert caught.value.plugin == "city" and "a2" in str(caught.value)


def test_an_uncited_answer_is_blamed_on_the_plugin_whose_answer_stands(plugins):
    uncited = """
    @hookimpl
    def zhengming_fast_track(case):
        return FastTrack(active=False, citations=())
    """
    passes_through = """
    @hookimpl(wrapper=True)
    def zhengming_fast_track():
        inherited = yield
        return inherited
    """
    registry = load_registry(
        entry_points=[plugins.make("city", uncited), plugins.make("city.county", passes_through, parent="city")]
    )
    with pytest.raises(PluginError) as caught:
        Engine(registry).evaluate_document(hangzhou_case("city.county"))
    assert caught.value.plugin == "city" and caught.value.hook == "zhengming_fast_track"


SHARED_CLASS = """
from zhengming import *
from datetime import date

class Rules:
    def __init__(self, id, parent):
        self.id, self.parent = id, parent

    @hookimpl
    def zhengming_jurisdiction(self):
        return Jurisdiction(id=self.id, parent=self.parent, names=Text(self.id, self.id),
                            level=JurisdictionLevel.COUNTY,
                            documents=(SourceDocument(title="办法", issuer="测试", in_force_from=date(2020, 1, 1)),))

    @hookimpl
    def zhengming_fast_track(self, case):
        if self.id == "shared.child":
            raise KeyError("child's own bug")
        return None

PARENT = Rules("shared", "core")
CHILD = Rules("shared.child", "shared")
"""


def test_two_jurisdictions_sharing_one_class_are_told_apart(plugins):
    module = plugins.make("shared", SHARED_CLASS, header=False).value
    registry = load_registry(
        entry_points=[
            EntryPoint(name="shared", value=f"{module}:PARENT", group=ENTRY_POINT_GROUP),
            EntryPoint(name="shared.child", value=f"{module}:CHILD", group=ENTRY_POINT_GROUP),
        ]
    )
    assert registry.problems == ()
    with pytest.raises(PluginError) as caught:
        Engine(registry).evaluate_document(hangzhou_case("shared.child"))
    assert caught.value.plugin == "shared.child" and "KeyError" in str(caught.value)


def test_a_raising_wrapper_and_a_wrong_type_name_their_plugin(plugins):
    raising = """
    @hookimpl(wrapper=True)
    def zhengming_clarification_methods():
        inherited = yield
        return inherited[5]
    """
    wrong_type = """
    @hookimpl
    def zhengming_revisit_policy():
        return "yes"
    """
    registry = load_registry(entry_points=[plugins.make("w", raising), plugins.make("v", wrong_type)])
    engine = Engine(registry)
    with pytest.raises(PluginError, match="IndexError") as caught:
        engine.evaluate_document(hangzhou_case("w"))
    assert caught.value.plugin == "w" and caught.value.hook == "zhengming_clarification_methods"
    with pytest.raises(PluginError, match="answered str, expected Revisit") as caught:
        engine.evaluate_document(hangzhou_case("v"))
    assert caught.value.plugin == "v"


# --- property: for every hook and every parent/child pair, the child's answer stands ------------


def answer_templates():
    """A real answer for every chain hook, from evaluating every example case of every jurisdiction."""
    from hypothesis import find

    from zhengming.casefiles import example_cases
    from zhengming.conformance.strategies import case_documents
    from zhengming.explain import explain
    from zhengming.model import CaseKind

    registry = load_registry()
    documents = [e.case for jid in registry.ids() for e in example_cases(registry.records[jid].plugin, jid)]
    documents += [find(case_documents(kind, "core"), lambda _: True) for kind in CaseKind]  # kinds without examples
    found = {}
    for document in documents:
        for step in explain(registry, document).steps:
            if step.answer or step.hook not in found:
                found[step.hook] = step.answer
    # asked when a letter is printed, not during evaluation: core's own answer
    from zhengming.baseline.letters import zhengming_letter_template

    found["zhengming_letter_template"] = zhengming_letter_template("approval_form")
    if not found.get("zhengming_clarification_deadlines"):  # no source text sets such a deadline yet
        found["zhengming_clarification_deadlines"] = (
            Deadline(action=DeadlineAction.COMPLETE_CLARIFICATION, due_on=date(2024, 1, 2), citations=()),
        )
    return found


TEMPLATES = answer_templates()


def test_every_chain_hook_has_a_template():
    assert set(CHAIN_HOOKS) <= set(TEMPLATES)


def tagged(hook, tag):
    """The template answer of ``hook``, made distinct by citing ``tag``."""
    cite = (Citation(document=tag, article="第一条"),)
    template = TEMPLATES[hook]
    if SPECS[hook].sequence:
        return tuple(attrs.evolve(item, citations=cite) for item in template)
    return attrs.evolve(template, citations=cite)


BEHAVIOURS = ("absent", "answers", "inherits", "wrapper_replaces", "wrapper_keeps")


def plugin_for(hook, behaviour, tag):
    """A plugin object implementing ``hook`` with ``behaviour`` (no arguments: the plan passes none)."""
    value = tagged(hook, tag)
    if behaviour == "absent":
        return type("Absent", (), {})()
    if behaviour in ("answers", "inherits"):
        answer = value if behaviour == "answers" else None

        def plain(self):
            return answer

        function = hookimpl(specname=hook)(plain)
    else:

        def wrapper(self):
            yield
            return value if behaviour == "wrapper_replaces" else None

        function = hookimpl(specname=hook, wrapper=True)(wrapper)
    return type(behaviour, (), {"impl": function})()


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    hook=st.sampled_from(CHAIN_HOOKS),
    above=st.lists(st.sampled_from(BEHAVIOURS), min_size=1, max_size=3),
    child_wraps=st.booleans(),
)
def test_a_childs_answer_stands_for_every_hook_and_every_parent(hook, above, child_wraps):
    levels = [(f"level{n}", plugin_for(hook, b, f"level{n}")) for n, b in enumerate(above)]
    child = plugin_for(hook, "wrapper_replaces" if child_wraps else "answers", "child")
    resolved = ResolutionPlan([*levels, ("child", child)]).resolve(hook, {})
    mine = tagged(hook, "child")
    if SPECS[hook].combine is Combine.MERGE and not child_wraps:
        before = ResolutionPlan(levels).resolve(hook, {}).answer
        assert resolved.answer == SPECS[hook].merge(before, mine)
        assert resolved.answered_by[0] == "child" or not mine
    else:
        assert resolved.answer == mine
        assert resolved.blame() == "child"


def test_jurisdictions_show_lists_only_the_wrappers_that_can_touch_the_standing_answer(plugins):
    from zhengming.introspect import hook_answers

    wraps = """
    @hookimpl(wrapper=True)
    def zhengming_fast_track():
        inherited = yield
        return inherited
    """
    answers = """
    @hookimpl
    def zhengming_fast_track(case):
        return FastTrack(active=True, citations=(Citation(document="市办法", article="第一条"),))
    """
    registry = load_registry(
        entry_points=[plugins.make("prov", wraps), plugins.make("prov.city", answers, parent="prov")]
    )
    rows = {r["hook"]: r for r in hook_answers(registry, "prov.city")}
    assert rows["zhengming_fast_track"]["answered_by"] == ["prov.city"]
    assert rows["zhengming_fast_track"]["adjusted_by"] == []
    assert {r["hook"]: r for r in hook_answers(registry, "prov")}["zhengming_fast_track"]["adjusted_by"] == ["prov"]
