"""许昌 (失实检举控告澄清正名工作实施办法, 容错事项事前备案办法): acceptance tests of issue 4."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from zhengming import testing
from zhengming.cli.main import cli
from zhengming.testing import decide
from zhengming_xuchang import fault_tolerance

CLARIFICATION = "许昌市纪检监察机关失实检举控告澄清正名工作实施办法"
FILING = "许昌市容错事项事前备案办法"


def evaluate(engine, document):
    return decide(engine, document)


def clarification(**changes):
    return testing.changed(testing.clarification("xuchang", "2023-05-01", impact=None, report=None), **changes)


def filing(claimed=(), **facts):
    return testing.fault_tolerance("xuchang", "2023-05-01", claimed=claimed, timing="before", **facts)


def cites(decision_block, article):
    return {"document": CLARIFICATION, "article": f"答记者问：{article}"} in decision_block["citations"]


# --- trigger ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "overrides"),
    [
        ("（一）", {"impact": {"on_election": True}}),
        ("（一）", {"impact": {"on_award": True}}),
        ("（二）", {"impact": {"rights_infringed": True}}),
        ("（三）", {"impact": {"scope": "society"}}),
        ("（四）", {"impact": {"scope": "individual"}}),
        ("（五）", {"circumstances": {"repeat_after_conclusion": True}}),
        ("（六）", {"circumstances": {"false_accusation_found": True}}),
        ("（七）", {"handling": {"review_found_wrongful_treatment": True}}),
    ],
)
def test_each_situation_must_clarify(engine, item, overrides):
    trigger = evaluate(engine, clarification(**overrides))["trigger"]
    assert trigger["outcome"] == "must_clarify"
    assert trigger["allegations"] == ["a1"]
    assert cites(trigger, f"应当开展澄清正名的情形{item}")
    assert any(r.startswith(item) for r in trigger["reasons"])
    evaluation = next(r for r in trigger["reasons"] if r.startswith("启动条件"))
    for factor in ("政治品质", "道德品行", "作风表现", "廉洁自律", "造成的不良影响"):
        assert factor in evaluation


def test_never_clarifies_a_true_allegation(engine):
    allegations = [
        {"id": "a1", "summary": "违规收受礼金", "finding": "untrue"},
        {"id": "a2", "summary": "公车私用", "finding": "true", "disposition_form": 2},
    ]
    trigger = evaluate(engine, clarification(allegations=allegations, impact={"scope": "unit"}))["trigger"]
    assert trigger["allegations"] == ["a1"]


def test_pending_clues_defer(engine):
    document = clarification(impact={"scope": "unit"}, circumstances={"pending_other_clues": True})
    decision = evaluate(engine, document)
    assert decision["trigger"]["outcome"] == "deferred"
    assert decision["trigger"]["allegations"] == []
    assert decision["deadline"] is None
    assert cites(decision["trigger"], "应当开展澄清正名的情形（末段）")


# --- entry and deadline ---------------------------------------------------------------------------


def test_decision_due_one_month_after_verification(engine):
    decision = evaluate(engine, clarification(impact={"scope": "unit"}))
    assert decision["deadline"]["action"] == "decide_whether_to_start"
    assert decision["deadline"]["due_on"] == "2023-04-10"
    assert cites(decision["deadline"], "启动条件")
    assert any(r.startswith("入口程序：纪检监察机关承办部门") for r in decision["trigger"]["reasons"])


def test_decision_due_one_month_after_application(engine):
    document = clarification(
        impact={"scope": "unit"},
        circumstances={"subject_applied": True, "application_received_on": "2023-04-15"},
    )
    decision = evaluate(engine, document)
    assert decision["deadline"]["due_on"] == "2023-05-15"
    assert any(r.startswith("入口程序：被检举控告人") for r in decision["trigger"]["reasons"])


def test_application_without_situation_may_clarify(engine):
    document = clarification(circumstances={"subject_applied": True, "application_received_on": "2023-03-20"})
    assert evaluate(engine, document)["trigger"]["outcome"] == "may_clarify"
    assert evaluate(engine, clarification())["trigger"]["outcome"] == "not_applicable"


# --- methods ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("impact", "expected"),
    [
        ({"rights_infringed": True, "scope": "individual"}, {"written", "face_to_face"}),
        ({"scope": "unit"}, {"written", "face_to_face", "meeting"}),
        ({"on_selection": True}, {"written", "face_to_face", "notice"}),
        ({"scope": "region"}, {"written", "face_to_face", "meeting", "notice"}),
        ({"scope": "online"}, {"written", "face_to_face", "meeting", "media"}),
    ],
)
def test_methods_follow_the_impact(engine, impact, expected):
    methods = evaluate(engine, clarification(impact=impact))["methods"]
    assert {m["method"] for m in methods} == expected
    assert not any(m["consent_required"] for m in methods)


# --- approval routes -------------------------------------------------------------------------------


def steps(decision):
    return [(s["role"], s["level"], s["action"]) for s in decision["approval"]["steps"]]


def test_township_routes_to_county_supervising_department_leader(engine):
    document = clarification(
        subject={"management_level": "township"},
        handling={"organ": "township_discipline", "level": "township"},
        impact={"scope": "unit"},
    )
    decision = evaluate(engine, document)
    assert steps(decision) == [
        ("handling_department", None, "deliberate"),
        ("agency_head", None, "review"),
        ("supervising_department_leader", "county", "approve"),
    ]
    assert cites(decision["approval"], "乡（镇、街道）纪检监察机构工作程序")


def test_township_public_clarification_consults_party_secretary(engine):
    document = clarification(
        handling={"organ": "township_discipline", "level": "township"}, impact={"scope": "society"}
    )
    assert ("township_party_committee_head", "township", "consult") in steps(evaluate(engine, document))


@pytest.mark.parametrize(
    ("subject", "impact", "consulted"),
    [
        ({"is_unit_principal": True}, {"scope": "unit"}, True),
        ({}, {"scope": "region"}, True),
        ({}, {"scope": "unit"}, False),
    ],
)
def test_dispatched_agency_route(engine, subject, impact, consulted):
    document = clarification(subject=subject, handling={"organ": "dispatched_agency", "level": "city"}, impact=impact)
    route = steps(evaluate(engine, document))
    assert route[:3] == [
        ("handling_department", None, "deliberate"),
        ("agency_head", None, "review"),
        ("supervising_department_leader", "city", "approve"),
    ]
    assert route[-1] == ("unit_party_group_head", "city", "notify")
    assert (("unit_party_group_head", "city", "consult") in route) is consulted


# --- 容错事项事前备案 ---------------------------------------------------------------------------------


def test_lists_are_data_in_source_order():
    ids = [i.id for i in fault_tolerance.LIST_ITEMS]
    assert ids == [f"P{n}" for n in range(1, 9)] + [f"N{n}" for n in range(1, 11)]
    assert all(i.citation.document == FILING for i in fault_tolerance.LIST_ITEMS)


@pytest.mark.parametrize(
    ("facts", "hit"),
    [
        ({"private_gain": True}, "N7"),
        ({"safety_or_environment_accident": True}, "N4"),
        ({"repeated_same_error": True}, "N9"),
    ],
)
def test_negative_hit_is_ineligible(engine, facts, hit):
    decision = evaluate(engine, filing(["P1"], public_interest_motive=True, **facts))
    assert decision["outcome"] == "ineligible"
    assert decision["matched_negative"] == [hit]
    assert decision["matched_positive"] == ["P1"]


def test_positive_item_without_negative_is_eligible(engine):
    decision = evaluate(
        engine, filing(["P3"], public_interest_motive=True, adverse_impact="minor", followed_decision_procedure=True)
    )
    assert decision["outcome"] == "eligible"
    assert decision["matched_positive"] == ["P3"]
    assert decision["matched_negative"] == []


def test_filing_procedure(engine):
    procedure = evaluate(engine, filing(["P1"]))["procedure"]
    assert [(s["role"], s["action"]) for s in procedure] == [
        ("leadership_meeting", "deliberate"),
        ("party_committee_meeting", "propose"),
        ("city_leader_in_charge", "review"),
        ("party_committee_meeting", "report"),
        ("handling_department", "review"),
        ("handling_department", "deliberate"),
        ("standing_committee", "decide"),
    ]


def test_named_items_are_published(engine):
    result = CliRunner().invoke(cli, ["jurisdictions", "show", "xuchang", "--json"])
    assert result.exit_code == 0, result.output
    published = {i["id"] for i in json.loads(result.output)["list_items"]}
    assert len(published) == 18
    named = set()
    for facts in ({"private_gain": True, "fraud": True, "adverse_impact": "major"}, {"public_interest_motive": True}):
        decision = evaluate(engine, filing([f"P{n}" for n in range(1, 9)], **facts))
        named |= set(decision["matched_positive"]) | set(decision["matched_negative"])
    assert named <= published
    assert {"P1", "P8", "N2", "N7", "N10"} <= named


# --- false accusation -------------------------------------------------------------------------------


def test_false_accuser_police_cooperation_and_compensation(engine):
    document = {
        "kind": "false_accusation",
        "jurisdiction": "xuchang",
        "as_of": "2023-05-01",
        "accuser": {"kind": "citizen", "intent": True, "fabricated": True, "adverse_impact": True},
        "investigating_organ": {"organ": "discipline_commission", "level": "city"},
    }
    decision = evaluate(engine, document)
    assert decision["classification"] == "malicious"
    assert {"police_cooperation", "compensate_victim"} <= set(decision["measures"])


# --- policy corrections (contract v1.1 review) ----------------------------------------------------------


def test_may_clarify_on_application_cites_the_entry_and_start_not_situation_seven(engine):
    """“被检举控告人自行向纪检监察机关提出澄清书面申请” is the 入口程序; （七） is a situation that requires clarifying."""
    document = clarification(circumstances={"subject_applied": True, "application_received_on": "2023-04-01"})
    decision = evaluate(engine, document)
    assert decision["trigger"]["outcome"] == "may_clarify"
    articles = [c["article"] for c in decision["trigger"]["citations"]]
    assert not any("（七）" in a for a in articles)
    assert "答记者问：入口程序" in articles and "答记者问：启动条件" in articles


def test_no_deadline_to_decide_when_nothing_was_found_untrue(engine):
    """“自收到澄清申请材料之日起或核查结束之日起1个月内，提出是否启动澄清程序的意见” presumes a report found untrue."""
    document = clarification(allegations=[{"id": "a1", "finding": "true"}])
    decision = evaluate(engine, document)
    assert decision["trigger"]["outcome"] == "not_applicable"
    assert decision["deadline"] is None and decision["deadlines"] == []


def test_a_filing_after_the_error_is_not_eligible_under_the_pre_filing_list(engine):
    """“符合下列8种情形之一的，可以作为容错事项进行事前备案” — the list is for 事前备案 only."""
    document = filing(["P1"], followed_decision_procedure=True)
    document["filing"]["timing"] = "after"
    decision = evaluate(engine, document)
    assert decision["outcome"] == "ineligible" and decision["matched_positive"] == []
    assert "事前备案" in decision["reasons"][0]


def test_accountability_item_six_has_no_major_threshold(engine):
    """（六）“违规决策或者决策论证不充分、不慎重，造成……损失浪费或者公共利益损害等后果的” — unlike （五） and （十）,
    no 重大: a minor loss from a decision that broke the procedure is enough."""
    decision = evaluate(engine, filing(["P1"], followed_decision_procedure=False, adverse_impact="minor"))
    assert decision["outcome"] == "ineligible" and decision["matched_negative"] == ["N6"]
    stated_unknown = evaluate(engine, filing(["P1"], followed_decision_procedure=None, adverse_impact="minor"))
    assert stated_unknown["matched_negative"] == []  # v1.1: null means not stated, never a breach


def test_inaction_is_accountability_item_three(engine):
    """（三）“存在不担当、不作为、不落实等行为的，或者搞‘形象工程’‘政绩工程’的” (v1.1 ``filing.facts.inaction``)."""
    decision = evaluate(engine, filing(["P1"], followed_decision_procedure=True, inaction=True))
    assert decision["matched_negative"] == ["N3"]


def test_the_main_issue_untrue_is_situation_four(engine):
    """（四）“核查的问题线索多数失实或主要问题失实造成不良影响” (v1.1 ``allegations[].main``)."""
    allegations = [
        {"id": "a1", "finding": "untrue", "main": True},
        {"id": "a2", "finding": "true"},
        {"id": "a3", "finding": "true"},
    ]
    decision = evaluate(engine, clarification(allegations=allegations, impact={"scope": "individual"}))
    assert decision["trigger"]["outcome"] == "must_clarify"
    assert any(c["article"].endswith("（四）") for c in decision["trigger"]["citations"])


def accountability(**overrides):
    document = {
        "kind": "accountability",
        "jurisdiction": "xuchang",
        "as_of": "2023-06-01",
        "subject": {"kind": "person", "name": "褚某", "management_level": "city", "position": "leader_in_charge"},
        "unit": {"kind": "city_department"},
        "facts": {"adverse_impact": "none"},
    }
    document.update(overrides)
    return document


def test_probation_route_needs_poor_implementation_not_any_shortfall(engine):
    """“因工作落实不力、进展缓慢、成效不佳但未造成严重后果的过失行为，运用谈话提醒、批评教育等措施予以处理。同时，
    根据实际情况设置1至3个月考验期” — a shortfall of another kind is not put on probation under this clause."""
    other = evaluate(engine, accountability(shortfall={"kind": "other"}))
    assert other["outcome"] != "reminder" and other["probation"] is None
    assert not any("哪些情况可以从轻" in c["article"] for c in other["citations"])
    slow = evaluate(engine, accountability(shortfall={"kind": "poor_implementation"}))
    assert slow["outcome"] == "reminder" and slow["probation"]["max_months"] == 3


@pytest.mark.parametrize(
    ("accuser", "expected"),
    [
        ({"kind": "public_official", "party_member": False}, "government_sanction"),
        ({"kind": "leading_cadre", "party_member": True}, "government_sanction"),
        ({"kind": "citizen"}, "transfer_to_authorities"),
    ],
)
def test_a_false_accuser_answers_by_discipline_and_law(engine, accuser, expected):
    """强化主动作为（三）“对于构成诬告的，依规依纪依法严肃追究检举控告人的纪律、法律责任” — a public official outside
    the party answers under the law (政务处分); a citizen is outside the commission's discipline, so the matter goes
    to the authorities."""
    document = {
        "kind": "false_accusation",
        "jurisdiction": "xuchang",
        "as_of": "2023-05-01",
        "accuser": {"intent": True, "fabricated": True, "adverse_impact": True, **accuser},
        "investigating_organ": {"organ": "discipline_commission", "level": "city"},
    }
    decision = evaluate(engine, document)
    assert decision["classification"] == "malicious"
    assert expected in decision["measures"]
    assert any(c["article"] == "答记者问：强化主动作为（三）" for c in decision["citations"])


def test_situation_seven_states_the_fact_that_holds(engine):
    """（七）“其他确有必要澄清的情形” — the 许昌 text names no 复审复核; when the organ deems clarification necessary
    (v1.1 ``circumstances.organ_deems_necessary``) the reason says that, not that a review found wrongful treatment."""
    decision = evaluate(engine, clarification(circumstances={"organ_deems_necessary": True}))
    assert decision["trigger"]["outcome"] == "must_clarify"
    seven = [r for r in decision["trigger"]["reasons"] if r.startswith("（七）")]
    assert seven and not any("复审复核" in r for r in seven)
    reviewed = evaluate(engine, clarification(handling={"review_found_wrongful_treatment": True}))
    assert any(r.startswith("（七）") and "复审复核" in r for r in reviewed["trigger"]["reasons"])


def test_face_to_face_meeting_and_notice_go_with_a_written_clarification(engine):
    """The interview's “可以采取以下一种或多种方式予以澄清” does not set aside the national baseline (CCDI 2020:
    使用当面、会议、通报方式澄清的，同时使用书面澄清); the letter of （一） goes with the other three."""
    decision = evaluate(engine, clarification(impact={"scope": "region"}))
    by_method = {m["method"]: m for m in decision["methods"]}
    for method in ("face_to_face", "meeting", "notice"):
        assert by_method[method]["accompanied_by"] == ["written"]
        assert any(c["document"] == "core default" for c in by_method[method]["citations"])
    assert by_method["written"]["accompanied_by"] == []


def test_an_eligible_filing_says_why_no_relief_is_given(engine):
    """容错纠错并举“确定予以容错的单位或者个人，需要免责或者减责的，按照《许昌市干部容错纠错办法(试行)》
    (许办〔2017〕5号)的规定执行” — relief is decided under a document this plugin does not have: null, and said so."""
    decision = evaluate(engine, filing(["P1"]))
    assert decision["outcome"] == "eligible" and decision["relief"] is None
    assert any("许办〔2017〕5号" in r for r in decision["reasons"])
