"""平纪发〔2022〕4号: the positive list (P1–P15), the negative list (N1–N9), and the filing procedure.

The lists are data (``lists.yaml``): each item's Chinese text as the source numbers it and the condition
on the contract's ``filing.facts`` that meets it. A positive item counts only when the filing claims it
(``claimed_items``: the facts cannot tell which kind of work the error happened in) and its condition
holds; a negative item counts whenever its condition holds.

Reading of the items: 没有谋取私利 is ``not private_gain``; 未造成不良影响或影响较小 / 情节轻微 is an
``adverse_impact`` short of ``major``; 认错改错、及时补救 / 能够及时补办 is ``corrected_promptly``; the
“四议两公开”程序 and 符合决策程序 are ``followed_decision_procedure``; N7 needs the harm it names (an
adverse impact); ``obstruction_or_extortion`` (v1.1, 故意刁难、吃拿卡要) decides N3. No fact decides the
catch-alls P15 and N9 (其他……): they need a case-by-case finding, so a filing claiming only P15 is
``needs_review``. P5 has no condition the facts describe beyond the claim itself.

Relief (一、导语: 依规依纪予以免除或减轻相关单位或当事人的责任): the list names both without saying when
each applies; an eligible filing with no adverse impact is relieved of responsibility (``exempt``), one
with a minor impact has it reduced (``reduced``) — the same line the list draws with “未造成不良影响或影响
较小”.
"""

from __future__ import annotations

from pathlib import Path

from zhengming import (
    AdverseImpact,
    FaultToleranceAssessment,
    FaultToleranceOutcome,
    Relief,
    Role,
    Step,
    StepAction,
    hookimpl,
)
from zhengming.rules.lists import load_lists

from .source import lists, measure

ARTICLE = {"positive": "正面清单第{}项", "negative": "负面清单第{}项"}
LISTS = load_lists(Path(__file__).with_name("lists.yaml"), lambda kind, n: lists(ARTICLE[kind].format(n))[0])
LIST_ITEMS = LISTS.list_items

# 平纪发〔2022〕3号（五）: 积极受理容错免责事项报备申请，及时核实认定，予以备案反馈; 4号末段: 对符合容错免责备案
# 情形的，及时核实认定，并予以备案反馈. “谁监督执纪问责、谁负责容错纠错”（3号（四））: the discipline organ that
# handles the matter (level None: the organ's own department) verifies and gives feedback.
PROCEDURE = (
    Step(role=Role.APPLICANT, action=StepAction.REPORT),  # 单位或个人按程序向纪检监察机关备案
    Step(role=Role.HANDLING_DEPARTMENT, action=StepAction.REVIEW),  # 受理报备申请，及时核实认定
    Step(role=Role.HANDLING_DEPARTMENT, action=StepAction.NOTIFY),  # 予以备案反馈
)
PROCEDURE_CITATIONS = measure("（四）", "（五）") + lists("末段")


@hookimpl(specname="zhengming_fault_tolerance")
def assess(case):
    found = LISTS.match(case.filing)
    relief = None
    if found.outcome is FaultToleranceOutcome.INELIGIBLE:
        cited = lists("二（导语）") + LISTS.citations(found.negative)
    elif found.outcome is FaultToleranceOutcome.ELIGIBLE:
        cited = lists("一（导语）") + LISTS.citations(found.positive)
        relief = Relief.EXEMPT if case.filing.facts.adverse_impact is AdverseImpact.NONE else Relief.REDUCED
    else:  # nothing claimed that the facts support: a case-by-case finding (正面清单第15项、负面清单第9项)
        cited = lists("正面清单第15项", "负面清单第9项")
    return FaultToleranceAssessment(
        outcome=found.outcome,
        matched_positive=found.positive,
        matched_negative=found.negative,
        relief=relief,
        procedure=PROCEDURE,
        citations=cited + PROCEDURE_CITATIONS,
    )
