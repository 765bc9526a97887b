"""The 浙江 family (issue 3): the tree, who answers each hook, the province's rules, and children that
differ from the province only where their own source does."""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from importlib import metadata

import pytest
from click.testing import CliRunner

from zhengming import case_from_document, testing, to_document
from zhengming.cli.main import cli
from zhengming.plugin.hooks import CHAIN_HOOKS
from zhengming.plugin.markers import PROJECT
from zhengming.testing import MALICIOUS
from zhengming_zhejiang import source

PROVINCE = "zhejiang"
ZJ = source.ZHEJIANG_TITLE
HZ = source.HANGZHOU_TITLE
SEEDS = {ZJ, HZ}
CORE_DEFAULT = "core default"
AS_OF = "2023-06-01"

# id → (entry point value: its declaration in the tree), parent
FAMILY = {
    "zhejiang": ("zhengming_zhejiang.tree:ZHEJIANG", "core"),
    "zhejiang.hangzhou": ("zhengming_zhejiang.tree:HANGZHOU", "zhejiang"),
    "zhejiang.ningbo": ("zhengming_zhejiang.tree:NINGBO", "zhejiang"),
    "zhejiang.ningbo.jiangbei": ("zhengming_zhejiang.tree:JIANGBEI", "zhejiang.ningbo"),
    "zhejiang.wenzhou": ("zhengming_zhejiang.tree:WENZHOU", "zhejiang"),
    "zhejiang.wenzhou.pingyang": ("zhengming_zhejiang.tree:PINGYANG", "zhejiang.wenzhou"),
    "zhejiang.shaoxing": ("zhengming_zhejiang.tree:SHAOXING", "zhejiang"),
    "zhejiang.shaoxing.yuecheng": ("zhengming_zhejiang.tree:YUECHENG", "zhejiang.shaoxing"),
    "zhejiang.shaoxing.shangyu": ("zhengming_zhejiang.tree:SHANGYU", "zhejiang.shaoxing"),
    "zhejiang.quzhou": ("zhengming_zhejiang.tree:QUZHOU", "zhejiang"),
    "zhejiang.quzhou.longyou": ("zhengming_zhejiang.tree:LONGYOU", "zhejiang.quzhou"),
    "zhejiang.lishui": ("zhengming_zhejiang.tree:LISHUI", "zhejiang"),
    "zhejiang.lishui.jinyun": ("zhengming_zhejiang.tree:JINYUN", "zhejiang.lishui"),
}
CHILDREN = [j for j in FAMILY if j != PROVINCE]

# The hooks each child answers or adjusts itself, because its own source says something else; every
# other hook must give exactly the province's answer.
OWN_HOOKS: dict[str, set[str]] = {
    "zhejiang.hangzhou": {"zhengming_fast_track", "zhengming_notifications", "zhengming_false_accusation"},
    "zhejiang.ningbo": set(),
    "zhejiang.ningbo.jiangbei": {"zhengming_revisit_policy"},
    "zhejiang.wenzhou": set(),
    "zhejiang.wenzhou.pingyang": {"zhengming_revisit_policy"},
    "zhejiang.shaoxing": set(),
    "zhejiang.shaoxing.yuecheng": {"zhengming_revisit_policy"},
    "zhejiang.shaoxing.shangyu": {"zhengming_clarification_trigger", "zhengming_notifications"},
    "zhejiang.quzhou": set(),
    "zhejiang.quzhou.longyou": {"zhengming_revisit_policy"},
    "zhejiang.lishui": set(),
    "zhejiang.lishui.jinyun": {"zhengming_revisit_policy"},
}

# The decision blocks each child changes for some case of CASES (杭州's green channel adds its reason
# to the trigger's reasons; its false-accusation measures change measures and citations).
OWN_BLOCKS: dict[str, set[str]] = {
    "zhejiang.hangzhou": {"trigger", "fast_track", "notifications", "measures", "citations"},
    "zhejiang.ningbo.jiangbei": {"revisit"},
    "zhejiang.wenzhou.pingyang": {"revisit"},
    "zhejiang.shaoxing.yuecheng": {"revisit"},
    "zhejiang.shaoxing.shangyu": {"trigger", "notifications"},
    "zhejiang.quzhou.longyou": {"revisit"},
    "zhejiang.lishui.jinyun": {"revisit"},
}
# ``reasons`` (v1.1) restates the blocks' reasons in one list: a change shows in the block it comes from.
HEAD = {"kind", "jurisdiction", "as_of", "case_id", "chain", "reasons"}


def clarification(**changes):
    base = testing.clarification(PROVINCE, AS_OF, subject={"name": "张某"}, handling=None)
    base["handling"] = {"organ": "discipline_commission", "level": "county"}  # no verification date
    return testing.changed(base, **changes)


def false_accusation(accuser, organ="discipline_commission", level="county"):
    return testing.false_accusation(
        PROVINCE, AS_OF, accuser=accuser, investigating_organ={"organ": organ, "level": level}
    )


CASES = {
    "county-anonymous": clarification(),
    "township": clarification(
        subject={"management_level": "township"}, handling={"organ": "township_discipline", "level": "township"}
    ),
    "real-name-at-key-juncture": clarification(
        report={"real_name": True},
        impact={"scope": "individual", "on_selection": True},
        circumstances={"key_juncture": True},
    ),
    "partly-true-organization": clarification(
        subject={"kind": "organization", "name": "某村党支部", "management_level": "township"},
        allegations=[
            {"id": "a1", "summary": "集体资金", "finding": "untrue"},
            {"id": "a2", "summary": "选举程序", "finding": "partially_true", "disposition_form": 1},
        ],
        impact={"scope": "region"},
    ),
    "no-impact": clarification(impact={"scope": "none"}),
    "fa-malicious-party-member": false_accusation({"kind": "party_member", **MALICIOUS}),
    "fa-malicious-citizen-crime": false_accusation(
        {"kind": "citizen", **MALICIOUS, "crime_suspected": True}, level="city"
    ),
    "fa-malicious-township": false_accusation(
        {"kind": "leading_cadre", **MALICIOUS}, organ="township_discipline", level="township"
    ),
    "fa-mistaken": false_accusation({"kind": "public_official", **MALICIOUS, "intent": False}),
    "fa-undetermined": false_accusation({"kind": "party_member", "fabricated": True}),
    "fault-tolerance": {
        "kind": "fault_tolerance",
        "jurisdiction": PROVINCE,
        "as_of": AS_OF,
        "filing": {"timing": "after", "facts": {"public_interest_motive": True, "adverse_impact": "minor"}},
    },
}
KIND_OF_HOOK = {
    "zhengming_false_accusation": "false_accusation",
    "zhengming_reporter_tracing": "false_accusation",
    "zhengming_fault_tolerance": "fault_tolerance",
    "zhengming_accountability": "accountability",
    "zhengming_disciplined_revisit": "disciplined_revisit",
}


def for_jurisdiction(document, jurisdiction):
    return {**copy.deepcopy(document), "jurisdiction": jurisdiction}


@pytest.fixture(scope="module")
def invoke():
    runner = CliRunner()
    return lambda *args: runner.invoke(cli, list(args), catch_exceptions=False)


def evaluate(engine, document, jurisdiction):
    return to_document(engine.evaluate_document(for_jurisdiction(document, jurisdiction)))


def cited_documents(citations):
    return {c["document"] for c in citations}


# --- packaging and the tree ---------------------------------------------------------------------


def test_one_distribution_registers_every_id():
    found = {
        ep.name: ep.value
        for ep in metadata.entry_points(group="zhengming.jurisdictions")
        if ep.dist and ep.dist.name == "zhengming-zhejiang"
    }
    assert found == {jid: value for jid, (value, _) in FAMILY.items()}


@pytest.mark.parametrize("jurisdiction", list(FAMILY))
def test_metadata_id_parent_and_health(registry, jurisdiction):
    record = registry.records[jurisdiction]
    assert record.info.id == jurisdiction
    assert record.info.parent == FAMILY[jurisdiction][1]
    assert registry.problem_for(jurisdiction) is None


@pytest.mark.parametrize("jurisdiction", CHILDREN)
def test_a_child_is_declared_with_exactly_its_own_hooks(registry, jurisdiction):
    """A child declared as data carries its metadata and the hooks its source sets, never a parent's."""
    plugin = registry.records[jurisdiction].plugin
    hooks = {a for a in dir(plugin) if a != "zhengming_jurisdiction" and hasattr(getattr(plugin, a), f"{PROJECT}_impl")}
    assert hooks == OWN_HOOKS[jurisdiction]


def test_jurisdictions_shows_the_zhejiang_tree(invoke):
    result = invoke("jurisdictions")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"^[├└]─ zhejiang  浙江省", line))
    assert "施行 2023-01-09" in lines[start]
    tree = [line for line in lines[start + 1 :] if "zhejiang." in line]
    depth = {re.search(r"(zhejiang[.\w]*)", line).group(1): line.index("─") for line in tree}
    assert set(depth) == set(CHILDREN)
    for jid in CHILDREN:
        parent = FAMILY[jid][1]
        expected = lines[start].index("─") + 3 * (jid.count("."))
        assert depth[jid] == expected, (jid, parent)
    assert any("zhejiang.hangzhou  杭州市" in line and "施行 2021-11-08" in line for line in tree)


# Who answers each hook for 宁波市江北区: (answered_by, adjusted_by)
JIANGBEI_HOOKS = {
    "zhengming_clarification_trigger": (["core"], ["zhejiang"]),
    "zhengming_clarification_deadline": (["core"], []),
    "zhengming_clarification_deadlines": (["core"], []),
    "zhengming_fast_track": (["core"], []),
    "zhengming_approval_route": (["zhejiang"], []),
    "zhengming_clarification_methods": (["zhejiang"], []),
    "zhengming_notifications": (["zhejiang", "core"], []),
    "zhengming_revisit_policy": (["zhejiang"], ["zhejiang.ningbo.jiangbei"]),
    "zhengming_false_accusation": (["zhejiang"], []),
    "zhengming_reporter_tracing": (["zhejiang"], []),
    "zhengming_fault_tolerance": (["core"], []),
    "zhengming_accountability": (["core"], []),
    "zhengming_disciplined_revisit": (["core"], []),
    "zhengming_letter_template": (["core"], []),
}


def test_show_jiangbei_says_which_plugin_answers_each_hook(invoke):
    result = invoke("jurisdictions", "show", "zhejiang.ningbo.jiangbei", "--json")
    assert result.exit_code == 0
    info = json.loads(result.stdout)
    assert info["chain"] == ["core", "zhejiang", "zhejiang.ningbo", "zhejiang.ningbo.jiangbei"]
    assert info["distribution"] == "zhengming-zhejiang"
    hooks = {row["hook"]: (row["answered_by"], row["adjusted_by"]) for row in info["hooks"]}
    assert hooks == JIANGBEI_HOOKS
    text = invoke("jurisdictions", "show", "zhejiang.ningbo.jiangbei").stdout
    assert "core → zhejiang → zhejiang.ningbo → zhejiang.ningbo.jiangbei" in text
    revisit = next(line for line in text.splitlines() if "zhengming_revisit_policy" in line)
    assert "zhejiang" in revisit and "zhejiang.ningbo.jiangbei" in revisit


@pytest.mark.parametrize("child", CHILDREN)
def test_show_names_the_child_for_exactly_its_own_hooks(invoke, child):
    info = json.loads(invoke("jurisdictions", "show", child, "--json").stdout)
    own = {row["hook"] for row in info["hooks"] if child in row["answered_by"] + row["adjusted_by"]}
    assert own == OWN_HOOKS[child]


def test_published_figures_are_metadata(invoke):
    province = json.loads(invoke("jurisdictions", "show", "zhejiang", "--json").stdout)
    figures = {f["key"]: f["value"] for f in province["figures"]}
    assert figures == {
        "officials_clarified": 4829,
        "party_organizations_clarified": 136,
        "false_accusation_cases": 184,
        "false_accusation_people": 235,
    }
    assert all(f["period"] == "截至2022年底" and f["citation"]["document"] == ZJ for f in province["figures"])
    hangzhou = json.loads(invoke("jurisdictions", "show", "zhejiang.hangzhou", "--json").stdout)
    assert {f["key"]: f["value"] for f in hangzhou["figures"]} == {
        "clarifications": 116,
        "people_clarified": 112,
        "units_clarified": 9,
        "false_accusers_punished": 1,
        "fault_tolerance_filings": 37,
        "fault_tolerance_cadres": 57,
    }
    assert all(f["citation"]["document"] == HZ for f in hangzhou["figures"])


def test_documents_and_in_force_dates(registry):
    assert registry.records["zhejiang"].info.effective_from == date(2023, 1, 9)
    assert registry.records["zhejiang.hangzhou"].info.effective_from == date(2021, 11, 8)
    assert registry.records["zhejiang.ningbo"].info.documents == ()  # no text of its own
    assert registry.resolve("zhejiang.hangzhou", date(2022, 6, 1)).chain == ("core", "zhejiang.hangzhou")
    assert registry.resolve("zhejiang.quzhou.longyou", date(2022, 6, 1)).chain == ("core", "zhejiang.quzhou")


# --- every child gives the province's answer except where its own source differs --------------------


def hook_answer(registry, jurisdiction, hook, document):
    """The chain's answer to one hook; hooks that take a trigger get the province's trigger."""
    case = case_from_document(for_jurisdiction(document, jurisdiction), today=date(2023, 6, 1))
    as_of = case.as_of
    hooks = registry.hooks(registry.resolve(jurisdiction, as_of).chain)
    ctx = registry.context(registry.resolve(jurisdiction, as_of), as_of)
    province = registry.hooks(registry.resolve(PROVINCE, as_of).chain)
    province_ctx = registry.context(registry.resolve(PROVINCE, as_of), as_of)
    calls = {
        "zhengming_clarification_trigger": lambda: hooks.trigger(case, ctx),
        "zhengming_fast_track": lambda: hooks.fast_track(case, ctx),
        "zhengming_false_accusation": lambda: hooks.false_accusation(case, ctx),
        "zhengming_fault_tolerance": lambda: hooks.fault_tolerance(case, ctx),
        "zhengming_accountability": lambda: hooks.accountability(case, ctx),
        "zhengming_disciplined_revisit": lambda: hooks.disciplined_revisit(case, ctx),
        "zhengming_reporter_tracing": lambda: hooks.reporter_tracing(
            case, province.false_accusation(case, province_ctx), ctx
        ),
        "zhengming_letter_template": lambda: hooks.letter_template("clarification_notice", ctx),
    }
    if hook in calls:
        return to_document(calls[hook]())
    trigger = province.trigger(case, province_ctx)
    method = {
        "zhengming_clarification_deadline": hooks.deadline,
        "zhengming_clarification_deadlines": hooks.deadlines,
        "zhengming_approval_route": hooks.approval,
        "zhengming_clarification_methods": hooks.methods,
        "zhengming_notifications": hooks.notifications,
        "zhengming_revisit_policy": hooks.revisit,
    }[hook]
    return to_document(method(case, trigger, ctx))


def citations_of(answer):
    items = answer if isinstance(answer, list) else [answer]
    return [c for item in items for c in item["citations"]]


def cases_for(hook):
    kind = KIND_OF_HOOK.get(hook, "clarification")
    return {name: doc for name, doc in CASES.items() if doc.get("kind", "clarification") == kind}


@pytest.mark.parametrize("hook", CHAIN_HOOKS)
@pytest.mark.parametrize("child", CHILDREN)
def test_child_answers_like_the_province_except_where_its_source_differs(registry, child, hook):
    differing = []
    for name, document in cases_for(hook).items():
        mine = hook_answer(registry, child, hook, document)
        theirs = hook_answer(registry, PROVINCE, hook, document)
        if mine != theirs:
            differing.append(name)
            # whatever the child changed, it says where from: a citation of its own source that the
            # province's answer does not have
            added = [c for c in citations_of(mine) if c not in citations_of(theirs)]
            assert added and cited_documents(added) <= SEEDS, (name, added)
    if hook in OWN_HOOKS[child]:
        assert differing, f"{child} should change {hook} for some case"
    else:
        assert differing == [], f"{child} changes {hook} for {differing} without a source of its own"


@pytest.mark.parametrize("name", list(CASES))
@pytest.mark.parametrize("child", CHILDREN)
def test_child_decision_blocks_equal_the_provinces_except_its_own(engine, child, name):
    mine = evaluate(engine, CASES[name], child)
    theirs = evaluate(engine, CASES[name], PROVINCE)
    changed = {block for block in mine if block not in HEAD and mine[block] != theirs[block]}
    assert changed <= OWN_BLOCKS.get(child, set()), changed
    assert mine["chain"][: len(theirs["chain"])] == theirs["chain"]


@pytest.mark.parametrize("child", sorted(OWN_BLOCKS))
def test_the_table_of_changed_blocks_is_tight(engine, child):
    changed = set()
    for document in CASES.values():
        mine, theirs = evaluate(engine, document, child), evaluate(engine, document, PROVINCE)
        changed |= {block for block in mine if block not in HEAD and mine[block] != theirs[block]}
    assert changed == OWN_BLOCKS[child]


# --- the acceptance points ---------------------------------------------------------------------------


@pytest.mark.parametrize("jurisdiction", list(FAMILY))
def test_a_township_case_routes_to_the_county_petition_department(engine, jurisdiction):
    decision = evaluate(engine, CASES["township"], jurisdiction)
    assert decision["approval"]["implementers"] == [{"organ": "township_discipline", "level": "township"}]
    assert decision["approval"]["steps"] == [
        {"role": "agency_head", "level": None, "action": "review"},
        {"role": "petition_department", "level": "county", "action": "approve"},
    ]
    assert decision["approval"]["citations"] == [{"document": ZJ, "article": source.APPROVAL}]


def test_a_county_case_keeps_the_core_route(engine):
    decision = evaluate(engine, CASES["county-anonymous"], PROVINCE)
    assert [s["role"] for s in decision["approval"]["steps"]] == ["handling_department", "commission_head"]
    assert cited_documents(decision["approval"]["citations"]) == {CORE_DEFAULT}


@pytest.mark.parametrize("jurisdiction", list(FAMILY))
def test_meeting_and_notice_need_consent(engine, jurisdiction):
    decision = evaluate(engine, CASES["county-anonymous"], jurisdiction)
    consent = {m["method"]: m["consent_required"] for m in decision["methods"]}
    assert consent == {"written": False, "face_to_face": False, "meeting": True, "notice": True}
    assert all(m["citations"] == [{"document": ZJ, "article": source.METHODS}] for m in decision["methods"])


@pytest.mark.parametrize("jurisdiction", list(FAMILY))
def test_without_intent_a_false_report_is_mistaken_never_malicious(engine, jurisdiction):
    for accuser_kind in ("party_member", "public_official", "leading_cadre", "citizen"):
        accuser = {"kind": accuser_kind, **MALICIOUS, "intent": False, "crime_suspected": True, "severe_means": True}
        decision = evaluate(engine, false_accusation(accuser), jurisdiction)
        assert decision["classification"] == "mistaken"
        assert decision["measures"] == [] and decision["aggravated"] is False


@pytest.mark.parametrize(
    ("changes", "classification"),
    [
        ({}, "malicious"),
        ({"intent": None}, "undetermined"),
        ({"intent": False}, "mistaken"),
        ({"fabricated": False}, "undetermined"),  # intent without fabrication is no 错告 either
        ({"adverse_impact": False}, "undetermined"),
        ({"reaches_accountability_threshold": False}, "undetermined"),
    ],
)
def test_the_elements_of_a_false_accusation(engine, changes, classification):
    decision = evaluate(engine, false_accusation({"kind": "party_member", **MALICIOUS, **changes}), PROVINCE)
    assert decision["classification"] == classification
    assert {"document": ZJ, "article": source.ELEMENTS} in decision["citations"]


@pytest.mark.parametrize(
    ("kind", "crime", "measures"),
    [
        ("party_member", False, ["admonishment", "party_discipline"]),
        (
            "leading_cadre",
            False,
            ["admonishment", "ordered_resignation", "removal", "demotion", "party_discipline"],
        ),
        ("public_official", False, ["admonishment", "government_sanction"]),
        ("citizen", False, []),
        ("citizen", True, ["transfer_to_authorities"]),
        ("party_member", True, ["admonishment", "party_discipline", "transfer_to_authorities"]),
    ],
)
def test_measures_by_the_accusers_kind(engine, kind, crime, measures):
    accuser = {"kind": kind, **MALICIOUS, "crime_suspected": crime}
    decision = evaluate(engine, false_accusation(accuser), PROVINCE)
    assert decision["measures"] == measures
    assert {"document": ZJ, "article": source.MEASURES} in decision["citations"]


@pytest.mark.parametrize("kind", ["public_official", "leading_cadre"])
def test_paragraph_10_a_party_member_accuser_gets_party_discipline_whatever_the_kind(engine, kind):
    """第十段“党员存在诬告陷害行为的，视情节轻重，给予相应组织处理或党纪处分”: a public official who is also a
    party member (``accuser.party_member``, v1.1) is a 党员 and answers under party discipline too."""
    decision = evaluate(engine, false_accusation({"kind": kind, **MALICIOUS, "party_member": True}), PROVINCE)
    assert "party_discipline" in decision["measures"]
    assert {"document": ZJ, "article": source.MEASURES} in decision["citations"]


@pytest.mark.parametrize("jurisdiction", list(FAMILY))
@pytest.mark.parametrize(
    ("organ", "level", "may_trace"),
    [
        ("township_discipline", "township", False),
        ("discipline_commission", "county", True),
        ("discipline_commission", "city", True),
        ("discipline_commission", "province", True),
        ("dispatched_agency", "county", False),
    ],
)
def test_only_a_county_or_higher_commission_may_trace_the_reporter(engine, jurisdiction, organ, level, may_trace):
    decision = evaluate(engine, false_accusation({"kind": "citizen", **MALICIOUS}, organ, level), jurisdiction)
    assert decision["may_trace_reporter"] is may_trace
    assert {"document": ZJ, "article": source.TRACING} in decision["citations"]


def test_hangzhou_green_channel_and_personnel_departments(engine):
    decision = evaluate(engine, CASES["real-name-at-key-juncture"], "zhejiang.hangzhou")
    assert decision["fast_track"] is True
    assert any("快查快办绿色通道" in r for r in decision["trigger"]["reasons"])
    personnel = next(n for n in decision["notifications"] if n["recipient"] == "personnel_department")
    assert personnel["citations"] == [{"document": HZ, "article": source.PERSONNEL}]
    calm = evaluate(engine, CASES["county-anonymous"], "zhejiang.hangzhou")
    assert calm["fast_track"] is False
    assert "personnel_department" not in {n["recipient"] for n in calm["notifications"]}


def test_hangzhou_exposes_typical_malicious_cases_only(engine):
    """杭州 第五段“通报曝光诬告陷害典型案例”: only a typical case is exposed."""
    typical = copy.deepcopy(CASES["fa-malicious-citizen-crime"])
    typical["accuser"]["typical_case"] = True
    malicious = evaluate(engine, typical, "zhejiang.hangzhou")
    assert malicious["measures"] == ["public_exposure", "transfer_to_authorities", "police_cooperation"]
    plain = evaluate(engine, CASES["fa-malicious-citizen-crime"], "zhejiang.hangzhou")
    assert plain["measures"] == ["transfer_to_authorities", "police_cooperation"]
    assert {"document": HZ, "article": source.ACCUSERS} in malicious["citations"]
    mistaken = evaluate(engine, CASES["fa-mistaken"], "zhejiang.hangzhou")
    assert mistaken["measures"] == [] and cited_documents(mistaken["citations"]) == {ZJ}


@pytest.mark.parametrize(
    ("child", "targets", "methods", "article"),
    [
        ("zhejiang.ningbo.jiangbei", ["subject", "unit"], [], source.DOUBLE_REVISIT),
        ("zhejiang.wenzhou.pingyang", ["subject"], [], source.ONE_PERSON_PLAN),
        ("zhejiang.shaoxing.yuecheng", ["subject"], [], source.ONE_PERSON_PLAN),
        (
            "zhejiang.quzhou.longyou",
            ["subject"],
            ["individual_meeting", "scheduled_visit", "phone"],
            source.REVISIT_PACKAGE,
        ),
        (
            "zhejiang.lishui.jinyun",
            ["subject"],
            ["individual_meeting", "scheduled_visit", "phone"],
            source.REVISIT_PACKAGE,
        ),
        ("zhejiang", ["subject"], [], source.RECORDS),
    ],
)
def test_revisits(engine, child, targets, methods, article):
    revisit = evaluate(engine, CASES["county-anonymous"], child)["revisit"]
    assert revisit["required"] is True
    assert revisit["targets"] == targets and revisit["methods"] == methods
    assert {"document": ZJ, "article": article} in revisit["citations"]


def test_shangyu_meets_and_answers_real_name_reporters_only(engine):
    real = evaluate(engine, CASES["real-name-at-key-juncture"], "zhejiang.shaoxing.shangyu")
    assert any("三见面三反馈" in r for r in real["trigger"]["reasons"])
    assert {"document": ZJ, "article": source.THREE_MEETINGS} in real["trigger"]["citations"]
    reporter = next(n for n in real["notifications"] if n["recipient"] == "reporter")
    assert reporter["citations"] == [{"document": ZJ, "article": source.THREE_MEETINGS}]
    anonymous = evaluate(engine, CASES["county-anonymous"], "zhejiang.shaoxing.shangyu")
    assert "reporter" not in {n["recipient"] for n in anonymous["notifications"]}
    assert not any("三见面" in r for r in anonymous["trigger"]["reasons"])


def test_records_go_to_the_platform_and_the_archive(engine):
    decision = evaluate(engine, CASES["partly-true-organization"], PROVINCE)
    notified = {n["recipient"]: n["citations"] for n in decision["notifications"]}
    assert notified["report_platform"] == notified["integrity_archive"] == [{"document": ZJ, "article": source.RECORDS}]
    assert decision["trigger"]["allegations"] == ["a1"]


def test_paragraph_4_no_overall_evaluation_is_of_the_intent_behind_the_untrue_report(engine):
    """第四段“澄清正名只对检举控告失实的具体问题进行澄清，不对失实的主观故意作全面评价”: what is not evaluated is
    the intent behind the untrue report, not the subject (the reason must not read as 许昌's 不对澄清对象作出全面评价)."""
    decision = evaluate(engine, CASES["partly-true-organization"], PROVINCE)
    assert any("不对失实的主观故意作全面评价" in r for r in decision["trigger"]["reasons"])


# --- provenance: every decision block cites the seed text it comes from --------------------------------

# Blocks the 浙江 texts leave to the core: a county organ's approval route (the text only regulates
# township organs) and the written clarification delivered to the subject.
CORE_ONLY = {("approval", "discipline_commission"), ("notification", "subject")}


def blocks(decision):
    """(name, block) for every block of a decision that carries citations."""
    if decision["kind"] != "clarification":
        return [(decision["kind"], decision)]
    found = [("trigger", decision["trigger"]), ("approval", decision["approval"]), ("revisit", decision["revisit"])]
    found += [("method", m) for m in decision["methods"]]
    found += [("notification", n) for n in decision["notifications"]]
    return found


@pytest.mark.parametrize("name", [n for n, d in CASES.items() if d.get("kind") != "fault_tolerance"])
@pytest.mark.parametrize("jurisdiction", list(FAMILY))
def test_every_decision_block_cites_the_seed_text_it_comes_from(engine, jurisdiction, name):
    document = CASES[name]
    decision = evaluate(engine, document, jurisdiction)
    for block, value in blocks(decision):
        documents = cited_documents(value["citations"])
        assert documents <= SEEDS | {CORE_DEFAULT}, (block, documents)
        key = value.get("recipient") or document.get("handling", {}).get("organ")
        clarifies = decision.get("trigger", {}).get("outcome") in ("must_clarify", "may_clarify")
        if clarifies and (block, key) in CORE_ONLY:
            assert documents == {CORE_DEFAULT}, (block, documents)
        else:
            assert documents & SEEDS, (block, value["citations"])


@pytest.mark.parametrize("jurisdiction", list(FAMILY))
@pytest.mark.parametrize("accuser", [{"intent": False}, {"intent": None}, {"fabricated": False}])
def test_a_reporter_is_traced_only_where_a_false_accusation_exists(engine, jurisdiction, accuser):
    """第十二段“对存在诬告陷害，需要追查的，由县级以上纪检监察机关实施”: a 错告 (or an accusation not made out)
    is never traced, even by a county commission."""
    decision = evaluate(engine, false_accusation({"kind": "citizen", **MALICIOUS, **accuser}), jurisdiction)
    assert decision["classification"] != "malicious"
    assert decision["may_trace_reporter"] is False
    assert any("存在诬告陷害" in r for r in decision["reasons"])
