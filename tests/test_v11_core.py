"""Contract v1.1 in the core: the new kinds, reasons, deadlines[], accompanied_by, reporter tracing as a
hook answer, local facts, and stated facts the rules ignore said in the reasons."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from zhengming import Engine, InvalidDocument, load_registry, testing, to_document
from zhengming.cli.main import cli
from zhengming.validation import check_decision

ACCOUNTABILITY = {
    "kind": "accountability",
    "jurisdiction": "core",
    "as_of": "2024-05-01",
    "subject": {"kind": "person", "name": "张某", "management_level": "county", "position": "principal"},
    "shortfall": {"kind": "ranked_last", "ranking": "city_assessment", "consecutive_last": 1},
}
REVISIT = {
    "kind": "disciplined_revisit",
    "jurisdiction": "core",
    "as_of": "2024-05-01",
    "subject": {"kind": "person", "name": "李某", "management_level": "county"},
    "discipline": {
        "kind": "party_discipline",
        "decided_on": "2023-05-01",
        "organ": "discipline_commission",
        "level": "county",
    },
}
FALSE_ACCUSATION = {
    "kind": "false_accusation",
    "jurisdiction": "core",
    "as_of": "2024-05-01",
    "accuser": {"kind": "public_official", "intent": True, "fabricated": True, "adverse_impact": True, "count": 3},
    "investigating_organ": {"organ": "discipline_commission", "level": "county"},
}


def decide(engine, document):
    decision = to_document(engine.evaluate_document(document))
    check_decision(decision)
    return decision


@pytest.mark.parametrize(("rectified", "outcome"), [(None, "needs_review"), (True, "lighter"), (False, "proceed")])
def test_core_accountability_follows_the_probation_result(engine, rectified, outcome):
    document = {**ACCOUNTABILITY, "probation": {"started_on": "2024-01-31", "rectified": rectified}}
    decision = decide(engine, document)
    assert decision["outcome"] == outcome
    assert decision["reasons"] and decision["citations"][0]["document"] == "core default"


def test_core_sets_no_revisit_plan_for_disciplined_cadres_and_says_so(engine):
    decision = decide(engine, REVISIT)
    assert decision["required"] is False and decision["methods"] == [] and decision["consult"] == []
    assert "未规定受处分干部回访教育" in decision["reasons"][0]


def test_reporter_tracing_is_a_hook_answer_of_its_own(engine):
    county = decide(engine, FALSE_ACCUSATION)
    township = decide(
        engine, {**FALSE_ACCUSATION, "investigating_organ": {"organ": "township_discipline", "level": "township"}}
    )
    assert county["may_trace_reporter"] is True and township["may_trace_reporter"] is False
    assert any("县级以上" in c["article"] for c in county["citations"])
    assert county["refer_to"] is None and county["reasons"][0].startswith("认定结果：诬告陷害")


def test_explain_names_the_tracing_hook(tmp_path):
    path = tmp_path / "fa.json"
    path.write_text(json.dumps(FALSE_ACCUSATION), encoding="utf-8")
    result = CliRunner().invoke(cli, ["explain", str(path), "--json"])
    assert result.exit_code == 0, result.output
    hooks = [t["hook"] for t in json.loads(result.stdout)["hooks"]]
    assert hooks == ["zhengming_false_accusation", "zhengming_reporter_tracing"]


def test_face_to_face_meeting_and_notice_are_accompanied_by_written(engine, case_doc):
    decision = decide(engine, {**case_doc, "jurisdiction": "core"})
    together = {m["method"]: m["accompanied_by"] for m in decision["methods"]}
    assert together == {"written": [], "face_to_face": ["written"], "meeting": ["written"], "notice": ["written"]}


def test_decision_reasons_start_with_the_triggers_and_deadlines_hold_the_deadline(engine, case_doc):
    case_doc["jurisdiction"] = "xuchang"  # 许昌 sets a deadline to decide whether to start
    decision = decide(engine, case_doc)
    assert decision["reasons"][: len(decision["trigger"]["reasons"])] == decision["trigger"]["reasons"]
    assert decision["deadline"] is not None and decision["deadlines"] == [decision["deadline"]]


def test_pending_other_clues_under_rules_that_do_not_defer_is_said_in_the_reasons(engine, case_doc):
    case_doc["jurisdiction"] = "core"
    plain = decide(engine, case_doc)
    case_doc["circumstances"] = {"pending_other_clues": True}
    pending = decide(engine, case_doc)
    assert pending["trigger"]["outcome"] == plain["trigger"]["outcome"] != "deferred"
    added = [r for r in pending["reasons"] if r not in plain["reasons"]]
    assert len(added) == 1 and "其他问题线索" in added[0]


def test_pending_other_clues_where_the_rules_defer_adds_no_such_reason(engine, case_doc):
    case_doc.update(jurisdiction="xuchang", circumstances={"pending_other_clues": True})
    decision = decide(engine, case_doc)
    assert decision["trigger"]["outcome"] == "deferred"
    assert not any("未暂缓" in r for r in decision["reasons"])


def test_v1_1_input_fields_are_accepted(engine, case_doc):
    case_doc["allegations"][0].update(main=True, minor=False)
    case_doc["impact"].update(on_rotation=True, on_integrity_opinion=True)
    case_doc["circumstances"] = {"suspected_false_accusation": True, "organ_deems_necessary": True}
    decide(engine, case_doc)
    filing = {
        "kind": "fault_tolerance",
        "jurisdiction": "core",
        "filing": {
            "timing": "before",
            "subject": {"kind": "organization", "name": "某局"},
            "facts": {"followed_decision_procedure": None, "obstruction_or_extortion": True, "inaction": True},
        },
    }
    decision = decide(engine, filing)
    assert decision["outcome"] == "needs_review" and decision["relief"] is None


@pytest.mark.parametrize(
    ("document", "pointer"),
    [
        ({**ACCOUNTABILITY, "shortfall": {"kind": "late"}}, "/shortfall/kind"),
        ({**ACCOUNTABILITY, "subject": {**ACCOUNTABILITY["subject"], "position": "boss"}}, "/subject/position"),
        ({**REVISIT, "discipline": {"kind": "party_discipline"}}, "/discipline/decided_on"),
        # the contract gives discipline.organ and .level the values of handling's: null is not one of them
        ({**REVISIT, "discipline": {**REVISIT["discipline"], "organ": None}}, "/discipline/organ"),
        ({**REVISIT, "discipline": {**REVISIT["discipline"], "level": None}}, "/discipline/level"),
        ({**FALSE_ACCUSATION, "accuser": {**FALSE_ACCUSATION["accuser"], "count": 0}}, "/accuser/count"),
    ],
)
def test_bad_v1_1_fields_are_named_by_pointer(engine, document, pointer):
    with pytest.raises(InvalidDocument) as raised:
        engine.evaluate_document(document)
    assert [p.pointer for p in raised.value.problems] == [pointer]


# --- every decision says why (contract v1.1: reasons on every decision of every kind) ------------------

PLAIN_CASES = {
    "clarification": testing.clarification,
    "false_accusation": testing.false_accusation,
    "mistaken_accusation": lambda j, d: testing.false_accusation(j, d, accuser={"kind": "citizen", "intent": False}),
    "fault_tolerance": lambda j, d: testing.fault_tolerance(j, d),
    "accountability": testing.accountability,
    "disciplined_revisit": testing.disciplined_revisit,
}


@pytest.mark.parametrize("kind", PLAIN_CASES)
@pytest.mark.parametrize("as_of", ["2019-06-01", "2024-05-01"])  # before and after every plugin's rules
def test_every_decision_of_every_kind_in_every_jurisdiction_gives_reasons(engine, registry, kind, as_of):
    empty = []
    for jurisdiction in registry.records:
        decision = decide(engine, PLAIN_CASES[kind](jurisdiction, as_of))
        if not decision["reasons"] or not all(isinstance(r, str) and r.strip() for r in decision["reasons"]):
            empty.append(jurisdiction)
    assert empty == []


def test_a_decision_without_a_rule_of_its_own_states_its_outcome(engine):
    """The core's false-accusation baseline answers with citations only: the outcome is said in words."""
    decision = decide(engine, FALSE_ACCUSATION)
    assert decision["classification"] == "malicious"
    assert decision["reasons"][0].startswith("认定结果：诬告陷害")
    filing = decide(engine, testing.fault_tolerance("pingdingshan", "2024-05-01", claimed=["P1"], private_gain=True))
    assert filing["outcome"] == "ineligible" and filing["reasons"][0].startswith("不予容错免责备案：触及负面清单 N")


# --- local facts -------------------------------------------------------------------------------

HUBEI = """
from datetime import date
from zhengming import *

LOCAL = {"type": "object", "additionalProperties": False,
         "properties": {"on_rotation": {"type": "boolean", "description": "交流任职（湖北）"}}}

@hookimpl
def zhengming_jurisdiction():
    return Jurisdiction(id="hubei", names=Text("湖北", "Hubei"), level=JurisdictionLevel.PROVINCE,
                        documents=(SourceDocument(title="测试办法", issuer="测试", in_force_from=date(2020, 1, 1)),),
                        local_facts=LOCAL)

@hookimpl(wrapper=True)
def zhengming_fast_track(case):
    inherited = yield
    if case.local.get("hubei", {}).get("on_rotation"):
        return FastTrack(active=True, reasons=(Text("交流任职", "rotation"),),
                         citations=(Citation(document="测试办法", article="第一条"),))
    return inherited
"""


@pytest.fixture
def hubei(plugins):
    return Engine(load_registry(entry_points=[plugins.make("hubei", HUBEI, header=False)]))


def test_a_province_adds_a_local_fact_with_no_core_change(hubei, case_doc):
    case_doc["jurisdiction"] = "hubei"
    assert decide(hubei, case_doc)["fast_track"] is False
    case_doc["local"] = {"hubei": {"on_rotation": True}}
    assert decide(hubei, case_doc)["fast_track"] is True


@pytest.mark.parametrize(
    ("local", "pointer"),
    [
        ({"hubei": {"on_rotation": "yes"}}, "/local/hubei/on_rotation"),
        ({"hubei": {"shift": True}}, "/local/hubei/shift"),  # the offending member, not its object
        ({"hubei": {"a/b": True}}, "/local/hubei/a~1b"),
        ({"Hu Bei": {}}, "/local/Hu Bei"),
        ({"core": {}}, "/local/core"),
        ({"henan": {}}, "/local/henan"),
    ],
)
def test_bad_local_facts_are_refused_with_their_pointer(hubei, case_doc, local, pointer):
    case_doc.update(jurisdiction="hubei", local=local)
    with pytest.raises(InvalidDocument) as raised:
        hubei.evaluate_document(case_doc)
    assert [p.pointer for p in raised.value.problems] == [pointer]


def test_demo_walks_accountability_and_revisit_education_cases_through_their_lifecycle(tmp_path):
    result = CliRunner().invoke(cli, ["demo", "--db", str(tmp_path / "demo.sqlite")])
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.startswith("  ") and line.split()}
    for jurisdiction in ("pingdingshan", "xuchang"):
        accountability = lines[f"{jurisdiction}-accountability"]
        assert "谈话提醒：考验期（限期整改）" in accountability and "考验期整改到位：已作出决定" in accountability
        assert accountability.rstrip().endswith("]") and "办结：已办结" in accountability
        revisit = lines[f"{jurisdiction}-revisit-education"]
        assert "回访：回访中" in revisit and revisit.rstrip().endswith("办结：已办结")
    assert "征求本人意见：回访中" in lines["pingdingshan-revisit-education"]  # （十）: the cadre's own view first


@pytest.mark.parametrize("kind", ["public_official", "citizen"])
def test_an_accuser_who_is_also_a_party_member_gets_party_discipline(engine, kind):
    """《中国共产党纪律处分条例》 reaches every party member: a malicious accuser marked ``party_member``
    (v1.1: a ``public_official`` may be one) is given party discipline whatever the accuser's kind."""
    member = decide(
        engine, {**FALSE_ACCUSATION, "accuser": {**FALSE_ACCUSATION["accuser"], "kind": kind, "party_member": True}}
    )
    outside = decide(engine, {**FALSE_ACCUSATION, "accuser": {**FALSE_ACCUSATION["accuser"], "kind": kind}})
    assert member["classification"] == "malicious" and "party_discipline" in member["measures"]
    assert "party_discipline" not in outside["measures"]


@pytest.mark.parametrize(("flag", "named"), [("on_rotation", "交流任职"), ("on_integrity_opinion", "廉政意见")])
def test_a_v1_1_impact_flag_alone_is_named_as_the_negative_impact(engine, case_doc, flag, named):
    """The baseline clarifies an untrue report that 对当事人工作、生活……造成不良影响: when the only impact is a v1.1
    flag (交流任职, 组织部门征求廉政意见) the trigger's reasons still say what the impact was."""
    case_doc.update(jurisdiction="core", impact={"scope": "none", flag: True})
    decision = decide(engine, case_doc)
    assert decision["trigger"]["outcome"] == "must_clarify"
    assert any(named in reason for reason in decision["trigger"]["reasons"])
