"""济南: the issue's acceptance cases, and an example for every article that bears on a decision."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from zhengming import load_registry, testing
from zhengming.casefiles import example_cases
from zhengming.cli.main import cli

from .conftest import BASE_CASE

TITLE = "关于建立干部澄清保护机制的实施办法（试行）"


def decide(engine, **changes):
    return testing.decide(engine, testing.changed(BASE_CASE, **changes))


def articles(block):
    return {c["article"] for c in block["citations"] if c["document"] == TITLE}


def test_untrue_with_impact_in_the_unit_must_be_clarified_citing_article_4(engine):
    decision = decide(engine, impact={"scope": "unit"})
    assert decision["trigger"]["outcome"] == "must_clarify" and decision["trigger"]["allegations"] == ["a1"]
    assert any(a.startswith("第四条") for a in articles(decision["trigger"]))


def test_article_14_takes_out_the_minor_issue_not_the_whole_case(engine):
    """第十四条“对所反映的一般问题，经核查确系反映不实，但尚未造成不良影响或难以查实又不能排除的，不适用本实施办法”:
    the minor issue is left out; the case's other untrue issue is still clarified (第四条（一））."""
    decision = decide(
        engine, allegations=[{"id": "a1", "finding": "untrue"}, {"id": "a2", "finding": "unverifiable", "minor": True}]
    )
    assert decision["trigger"]["outcome"] == "must_clarify" and decision["trigger"]["allegations"] == ["a1"]
    assert {"第四条（一）", "第十四条"} <= articles(decision["trigger"])
    only_minor = decide(engine, allegations=[{"id": "a1", "finding": "unverifiable", "minor": True}])
    assert only_minor["trigger"]["outcome"] == "not_applicable" and "第十四条" in articles(only_minor["trigger"])


def test_no_negative_impact_is_not_applicable_citing_article_2(engine):
    decision = decide(engine, impact={"scope": "none"})
    assert decision["trigger"]["outcome"] == "not_applicable" and "第二条" in articles(decision["trigger"])


def test_wrongful_treatment_on_review_is_not_blocked_by_article_14(engine):
    """第四条（三）“经复审复核，确实受到不公正对待或者错误处理的，应当及时予以纠正，并予以澄清”."""
    decision = decide(
        engine,
        allegations=[{"id": "a1", "finding": "untrue", "minor": True}],
        impact={"scope": "none"},
        handling={"organ": "discipline_commission", "level": "county", "review_found_wrongful_treatment": True},
    )
    assert decision["trigger"]["outcome"] == "must_clarify" and decision["trigger"]["allegations"] == ["a1"]
    assert "第四条（三）" in articles(decision["trigger"])


def test_a_province_managed_cadre_falls_back_to_the_parent_and_says_so(engine):
    """第五条“对于市委管理的干部的澄清保护，由市纪委市监委会同市委组织部实施。对于市管以下干部……”."""
    decision = decide(
        engine,
        subject={"kind": "person", "name": "冯某", "management_level": "province"},
        impact={"scope": "unit"},
    )
    assert decision["trigger"]["outcome"] == "must_clarify"
    assert "第五条" in articles(decision["trigger"]) and any("第五条" in r for r in decision["trigger"]["reasons"])
    assert all(c["document"] == "core default" for c in decision["approval"]["citations"])
    assert all(c["document"] == "core default" for m in decision["methods"] for c in m["citations"])


def test_only_a_typical_case_is_exposed(engine):
    """第十一条“对典型案件予以通报曝光”."""

    def measures(**accuser):
        accuser = {"kind": "citizen", "intent": True, "fabricated": True, "adverse_impact": True, **accuser}
        return testing.decide(engine, testing.false_accusation("jinan", "2023-05-01", accuser=accuser))["measures"]

    assert "public_exposure" not in measures()
    assert "public_exposure" in measures(typical_case=True)


def test_article_11_disciplinary_sanction_reaches_a_public_official_who_is_a_party_member(engine):
    """第十一条“视情给予通报、诫勉及责令辞职、免职、降职等组织处理或者纪律处分”: a public official who is also a
    party member (``accuser.party_member``, v1.1) may be given party discipline as well as organisational handling."""
    accuser = {"kind": "public_official", **testing.MALICIOUS, "party_member": True}
    decision = testing.decide(engine, testing.false_accusation("jinan", "2023-05-01", accuser=accuser))
    assert decision["classification"] == "malicious"
    assert {"admonishment", "party_discipline"} <= set(decision["measures"])
    assert {"document": TITLE, "article": "第十一条"} in decision["citations"]


def test_article_6_2_a_rotation_is_an_adjustment_of_appointment_told_to_personnel(engine):
    """第六条（二）“被举报干部涉及提拔及调整任用的，向组织人事等有关部门通报反馈”: 交流任职 (``impact.on_rotation``)
    is an 调整任用 as much as a promotion is."""
    decision = decide(engine, impact={"scope": "individual", "on_rotation": True})
    personnel = [n for n in decision["notifications"] if n["recipient"] == "personnel_department"]
    assert personnel and {"document": TITLE, "article": "第六条（二）"} in personnel[0]["citations"]


def test_article_12_in_english_keeps_the_condition_of_excellent_performance(tmp_path):
    """第十二条“按照第二种形态处理影响期满、各方面表现优秀的，在干部选拔任用等方面不受影响”: the English reason
    must carry both conditions of the second form, not only the lapse of its effect."""
    document = testing.changed(
        BASE_CASE,
        allegations=[{"id": "a1", "finding": "untrue"}, {"id": "a2", "finding": "true", "disposition_form": 2}],
    )
    path = tmp_path / "case.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--lang", "en", "evaluate", str(path), "--json"])
    assert result.exit_code == 0, result.output
    (art12,) = [r for r in json.loads(result.stdout)["trigger"]["reasons"] if r.startswith("Art. 12")]
    assert "lapsed" in art12 and "every respect" in art12


def test_partly_true_in_the_first_form_may_clarify_only_the_untrue(engine):
    decision = decide(
        engine,
        allegations=[
            {"id": "a1", "finding": "untrue"},
            {"id": "a2", "finding": "partially_true", "disposition_form": 1},
            {"id": "a3", "finding": "untrue"},
        ],
    )
    assert decision["trigger"]["outcome"] == "may_clarify"
    assert decision["trigger"]["allegations"] == ["a1", "a3"]
    assert "第四条（二）" in articles(decision["trigger"])


def test_every_article_that_bears_on_a_decision_has_example_cases():
    registry = load_registry()
    cited = {
        re.match(r"第[一二三四五六七八九十]+条", b.article).group(0)
        for case in example_cases(registry.records["jinan"].plugin, "jinan")
        for b in case.basis
    }
    wanted = {
        "第二条",
        "第四条",
        "第五条",
        "第六条",
        "第七条",
        "第八条",
        "第九条",
        "第十条",
        "第十一条",
        "第十二条",
        "第十四条",
    }
    assert wanted <= cited, wanted - cited
