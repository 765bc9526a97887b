"""济南: the issue's acceptance cases, and an example for every article that bears on a decision."""

from __future__ import annotations

import copy
import re

from zhengming import load_registry, to_document
from zhengming.casefiles import example_cases

from .conftest import BASE_CASE

TITLE = "关于建立干部澄清保护机制的实施办法（试行）"


def decide(engine, **changes):
    document = copy.deepcopy(BASE_CASE)
    for key, value in changes.items():
        document[key] = value
    return to_document(engine.evaluate_document(document))


def articles(block):
    return {c["article"] for c in block["citations"] if c["document"] == TITLE}


def test_untrue_with_impact_in_the_unit_must_be_clarified_citing_article_4(engine):
    decision = decide(engine, impact={"scope": "unit"})
    assert decision["trigger"]["outcome"] == "must_clarify" and decision["trigger"]["allegations"] == ["a1"]
    assert any(a.startswith("第四条") for a in articles(decision["trigger"]))


def test_unverifiable_or_no_impact_is_not_applicable_citing_article_14(engine):
    unverifiable = decide(
        engine, allegations=[{"id": "a1", "finding": "unverifiable"}, {"id": "a2", "finding": "untrue"}]
    )
    no_impact = decide(engine, impact={"scope": "none"})
    for decision in (unverifiable, no_impact):
        assert decision["trigger"]["outcome"] == "not_applicable"
        assert "第十四条" in articles(decision["trigger"])


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
