"""平顶山 (平纪发〔2022〕3号、4号) and 鲁山县 (鲁纪发〔2023〕1号): acceptance tests of issue 4."""

from __future__ import annotations

import copy
import json

import attrs
import pytest
from click.testing import CliRunner

from zhengming import load_registry, testing
from zhengming.casefiles import example_cases
from zhengming.cli.main import cli
from zhengming.testing import decide
from zhengming_pingdingshan import fault_tolerance

LUSHAN = "pingdingshan.lushan"
MEASURES = "充分发挥纪检监察职能作用激励干部担当作为的若干措施"
LISTS = "容错免责备案适用情形正负面清单"


CITY_EXAMPLES = example_cases(load_registry().records["pingdingshan"].plugin, "pingdingshan")


def evaluate(engine, document):
    return decide(engine, document)


def clarification(**changes):
    return testing.changed(testing.clarification("pingdingshan", "2023-05-01", report=None), **changes)


def filing(jurisdiction="pingdingshan", claimed=(), **facts):
    return testing.fault_tolerance(jurisdiction, "2023-05-01", claimed=claimed, **facts)


# --- 鲁山县: a child that overrides nothing --------------------------------------------------------


def test_lushan_chain(registry):
    assert registry.lineage(LUSHAN) == ("core", "pingdingshan", LUSHAN)
    assert registry.records[LUSHAN].info.parent == "pingdingshan"
    assert registry.records["pingdingshan"].info.parent == "core"


def test_lushan_implements_only_its_metadata(registry):
    hooks = [name for name in dir(registry.records[LUSHAN].plugin) if name.startswith("zhengming_")]
    assert hooks == ["zhengming_jurisdiction"]
    info = registry.records[LUSHAN].info
    assert [d.number for d in info.documents] == ["鲁纪发〔2023〕1号"]
    assert info.list_items == ()


def test_city_has_examples():
    assert len(CITY_EXAMPLES) >= 15


@pytest.mark.parametrize("example", CITY_EXAMPLES, ids=[c.id for c in CITY_EXAMPLES])
def test_lushan_answers_as_pingdingshan(engine, example):
    county_case = copy.deepcopy(example.case)
    county_case["jurisdiction"] = LUSHAN
    city = engine.evaluate_document(example.case)
    county = engine.evaluate_document(county_case)
    assert county.chain == ("core", "pingdingshan", LUSHAN)
    assert attrs.evolve(county, jurisdiction=city.jurisdiction, chain=city.chain) == city, example.id


# --- fast track, consent, notifications --------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "articles"),
    [
        ({"circumstances": {"key_juncture": True}}, ["（一）"]),
        ({"impact": {"scope": "unit", "on_election": True}}, ["（一）"]),
        ({"impact": {"scope": "unit", "on_award": True}}, ["（一）"]),
        ({"impact": {"scope": "unit", "on_selection": True}}, ["（一）", "（十一）"]),
        (
            {"subject": {"kind": "person", "name": "王某", "management_level": "county", "is_unit_principal": True}},
            ["（十一）"],
        ),
        ({"impact": {"scope": "unit", "on_integrity_opinion": True}}, ["（十一）"]),
        ({"circumstances": {"suspected_false_accusation": True}}, ["（一）"]),
    ],
)
def test_fast_track_cites_only_the_measures_that_apply(engine, overrides, articles):
    """（十一）“涉及单位主要负责人……的重点问题线索，优先从快处置” alone cites （十一） alone; （一）“经筛查存在诬告陷害
    嫌疑的问题线索……从快形成线索处置意见” makes a suspected false accusation fast."""
    decision = evaluate(engine, clarification(**overrides))
    assert decision["fast_track"] is True
    cited = [
        c["article"]
        for c in decision["trigger"]["citations"]
        if c["document"] == MEASURES and c["article"] in ("（一）", "（十一）")
    ]
    assert cited == articles


def test_no_fast_track_otherwise(engine):
    assert evaluate(engine, clarification())["fast_track"] is False


def test_every_method_needs_consent(engine):
    methods = evaluate(engine, clarification())["methods"]
    assert {"meeting", "notice"} <= {m["method"] for m in methods}
    assert all(m["consent_required"] for m in methods)
    assert all({"document": MEASURES, "article": "（三）"} in m["citations"] for m in methods)


def test_result_reported_to_unit_and_personnel_department(engine):
    recipients = {n["recipient"] for n in evaluate(engine, clarification())["notifications"]}
    assert {"unit_party_organization", "personnel_department"} <= recipients


# --- false accusation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "flag", ["severe_means", "disrupted_election_or_selection", "repeat_after_conclusion", "coerced_others"]
)
def test_aggravating_circumstances(engine, flag):
    document = {
        "kind": "false_accusation",
        "jurisdiction": "pingdingshan",
        "as_of": "2023-05-01",
        "accuser": {"kind": "party_member", "intent": True, "fabricated": True, "adverse_impact": True, flag: True},
        "investigating_organ": {"organ": "discipline_commission", "level": "city"},
    }
    decision = evaluate(engine, document)
    assert decision["classification"] == "malicious"
    assert decision["aggravated"] is True
    assert "public_exposure" not in decision["measures"]  # not a typical case


def test_only_a_typical_case_is_exposed(engine):
    """（二）“选取受到不实举报或诬告陷害的典型性、代表性的案件，采取适当形式通报曝光”."""
    accuser = {"kind": "party_member", "intent": True, "fabricated": True, "adverse_impact": True}
    document = {
        "kind": "false_accusation",
        "jurisdiction": "pingdingshan",
        "as_of": "2023-05-01",
        "accuser": accuser,
        "investigating_organ": {"organ": "discipline_commission", "level": "city"},
    }
    assert "public_exposure" not in evaluate(engine, document)["measures"]
    document["accuser"] = {**accuser, "typical_case": True}
    assert "public_exposure" in evaluate(engine, document)["measures"]


@pytest.mark.parametrize(
    ("party_member", "expected"),
    [(False, ["government_sanction"]), (True, ["government_sanction", "party_discipline"])],
)
def test_a_public_official_who_falsely_accused_gets_a_government_sanction(engine, party_member, expected):
    """（二）“按诬告陷害行为人身份和管理权限，依规依纪依法严肃处理”: a public official answers under 政务处分,
    a party member under party discipline as well."""
    document = {
        "kind": "false_accusation",
        "jurisdiction": "pingdingshan",
        "as_of": "2023-05-01",
        "accuser": {
            "kind": "public_official",
            "intent": True,
            "fabricated": True,
            "adverse_impact": True,
            "party_member": party_member,
        },
        "investigating_organ": {"organ": "discipline_commission", "level": "city"},
    }
    measures = evaluate(engine, document)["measures"]
    assert {m for m in measures if m in ("government_sanction", "party_discipline")} == set(expected)


def test_negative_item_seven_needs_the_harm_it_names(engine):
    """负面清单 7.“超越法定权限或者滥用职权，危害国家利益、社会公共利益或侵害公民、法人、其他组织合法权益的”."""

    def filed(**facts):
        return {
            "kind": "fault_tolerance",
            "jurisdiction": "pingdingshan",
            "as_of": "2023-05-01",
            "filing": {"timing": "before", "claimed_items": ["P1"], "facts": facts},
        }

    assert "N7" not in evaluate(engine, filed(abuse_of_power=True))["matched_negative"]
    assert "N7" in evaluate(engine, filed(abuse_of_power=True, adverse_impact="minor"))["matched_negative"]


# --- 容错免责备案 ---------------------------------------------------------------------------------


def test_lists_are_data_in_source_order():
    ids = [i.id for i in fault_tolerance.LIST_ITEMS]
    assert ids == [f"P{n}" for n in range(1, 16)] + [f"N{n}" for n in range(1, 10)]
    assert all(i.citation.document == LISTS for i in fault_tolerance.LIST_ITEMS)
    assert fault_tolerance.LIST_ITEMS[0].text.startswith("在贯彻落实“三新一高”")
    assert fault_tolerance.LIST_ITEMS[-1].text == "其他经认定不符合容错免责情形的"


@pytest.mark.parametrize("jurisdiction", ["pingdingshan", LUSHAN])
@pytest.mark.parametrize(
    ("facts", "hit"),
    [
        ({"private_gain": True}, "N4"),
        ({"safety_or_environment_accident": True}, "N5"),
        ({"repeated_same_error": True}, "N8"),
    ],
)
def test_negative_hit_is_ineligible(engine, jurisdiction, facts, hit):
    decision = evaluate(engine, filing(jurisdiction, ["P6"], corrected_promptly=True, **facts))
    assert decision["outcome"] == "ineligible"
    assert hit in decision["matched_negative"]
    assert {"document": LISTS, "article": f"负面清单第{hit[1:]}项"} in decision["citations"]


@pytest.mark.parametrize("jurisdiction", ["pingdingshan", LUSHAN])
def test_positive_item_without_negative_is_eligible(engine, jurisdiction):
    facts = {"public_interest_motive": True, "followed_decision_procedure": True, "corrected_promptly": True}
    decision = evaluate(engine, filing(jurisdiction, ["P1"], **facts))
    assert decision["outcome"] == "eligible"
    assert decision["matched_positive"] == ["P1"]
    assert decision["matched_negative"] == []
    assert decision["procedure"]


def test_claim_the_facts_do_not_support_needs_review(engine):
    decision = evaluate(engine, filing(claimed=["P1"], public_interest_motive=True))  # no procedure, no remedy
    assert decision["outcome"] == "needs_review"
    assert decision["matched_positive"] == []


@pytest.mark.parametrize("jurisdiction", ["pingdingshan", LUSHAN])
def test_named_items_are_published(engine, jurisdiction):
    result = CliRunner().invoke(cli, ["jurisdictions", "show", jurisdiction, "--json"])
    assert result.exit_code == 0, result.output
    published = {i["id"]: i for i in json.loads(result.output)["list_items"]}
    assert len(published) == 24
    named = set()
    for example in CITY_EXAMPLES:
        if example.case.get("kind") == "fault_tolerance":
            decision = evaluate(engine, {**example.case, "jurisdiction": jurisdiction})
            named |= set(decision["matched_positive"]) | set(decision["matched_negative"])
    assert named and named <= set(published)
    assert published["N4"]["citation"] == {"document": LISTS, "article": "负面清单第4项"}


@pytest.mark.parametrize(("impact", "relief"), [("none", "exempt"), ("minor", "reduced")])
def test_an_eligible_filing_is_relieved_or_has_responsibility_reduced(engine, impact, relief):
    """一、导语“按程序向纪检监察机关备案通过后，依规依纪予以免除或减轻相关单位或当事人的责任”."""
    document = {
        "kind": "fault_tolerance",
        "jurisdiction": "pingdingshan",
        "as_of": "2023-05-01",
        "filing": {"timing": "before", "claimed_items": ["P5"], "facts": {"adverse_impact": impact}},
    }
    decision = evaluate(engine, document)
    assert (decision["outcome"], decision["relief"]) == ("eligible", relief)


def test_obstruction_or_extortion_is_negative_item_three(engine):
    """负面清单 3.“故意刁难、吃拿卡要、作风粗暴，侵犯管理服务对象利益的” (v1.1 ``obstruction_or_extortion``)."""
    document = {
        "kind": "fault_tolerance",
        "jurisdiction": "pingdingshan",
        "as_of": "2023-05-01",
        "filing": {"timing": "before", "claimed_items": ["P5"], "facts": {"obstruction_or_extortion": True}},
    }
    decision = evaluate(engine, document)
    assert (decision["outcome"], decision["matched_negative"], decision["relief"]) == ("ineligible", ["N3"], None)


def test_positive_item_thirteen_needs_a_minor_matter(engine):
    """正面清单13“对违纪违法行为发生在党的十八大前、被动接受、情节轻微……认错改错态度较好” — 情节轻微 is part of
    the item, as in items 7, 8 and 14: a filing with a major impact does not meet it."""
    serious = evaluate(engine, filing(claimed=["P13"], corrected_promptly=True, adverse_impact="major"))
    assert "P13" not in serious["matched_positive"] and serious["outcome"] != "eligible"
    minor = evaluate(engine, filing(claimed=["P13"], corrected_promptly=True, adverse_impact="minor"))
    assert minor["matched_positive"] == ["P13"] and minor["outcome"] == "eligible"


@pytest.mark.parametrize("jurisdiction", ["pingdingshan", LUSHAN])
def test_an_outstanding_young_cadre_is_fast_tracked_as_a_local_fact(engine, jurisdiction):
    """（十一）“涉及……单位主要负责人及优秀年轻干部尚未办结的重点问题线索，优先从快处置” — the contract has no field
    for 优秀年轻干部, so 平顶山 publishes it as a local fact (``local.pingdingshan.outstanding_young_cadre``)."""
    document = clarification(jurisdiction=jurisdiction, local={"pingdingshan": {"outstanding_young_cadre": True}})
    decision = evaluate(engine, document)
    assert decision["fast_track"] is True
    cited = [c["article"] for c in decision["trigger"]["citations"] if c["document"] == MEASURES]
    assert "（十一）" in cited and "（一）" not in cited
    assert any("优秀年轻干部" in r for r in decision["reasons"])
    assert evaluate(engine, clarification(jurisdiction=jurisdiction))["fast_track"] is False


def test_an_unknown_local_fact_is_named_by_its_pointer():
    document = clarification(local={"pingdingshan": {"young": True}})
    result = CliRunner().invoke(cli, ["evaluate", "-"], input=json.dumps(document))
    assert result.exit_code == 2
    assert "/local/pingdingshan/young" in result.output
