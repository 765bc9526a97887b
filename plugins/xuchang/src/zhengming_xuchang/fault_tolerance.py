"""《许昌市容错事项事前备案办法》: the 8 filable situations (P1–P8), the 10 accountability situations
(N1–N10), and the filing procedure.

The lists are data (``lists.yaml``): each item's Chinese text in the order the interview numbers it and
the condition on the contract's ``filing.facts`` that meets it. A positive item counts only when the
filing claims it (the facts cannot tell which kind of work it is) and its condition holds; a negative
item counts whenever its condition holds. P1, P2, P4, P5 and P6 have no condition the facts describe
beyond the claim itself; P3 needs no major loss or social impact (没有造成重大损失或者不良社会影响); P7
and P8 a public-interest motive (为维护公共利益, 有利于维护国家、集体和人民利益). N6 (违规决策……造成损失
浪费或公共利益损害) sets no 重大 threshold, unlike N5 and N10; ``inaction`` (v1.1) decides N3.

The eight situations are for 事前备案 (filing before the work): a filing made after the error is not
eligible under them, and is left to 《许昌市干部容错纠错办法（试行）》, which the sources do not give.
"""

from __future__ import annotations

from pathlib import Path

from zhengming import (
    FaultToleranceAssessment,
    FaultToleranceCase,
    FaultToleranceOutcome,
    FilingTiming,
    Level,
    Role,
    Step,
    StepAction,
    Text,
    hookimpl,
)
from zhengming.rules.lists import load_lists

from .source import ACCOUNTABLE, FILABLE, FILING_PROCEDURE, TOLERANCE_AND_CORRECTION, filing

ITEMS = ("（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）", "（九）", "（十）")
HEADING = {"positive": FILABLE, "negative": ACCOUNTABLE}
LISTS = load_lists(Path(__file__).with_name("lists.yaml"), lambda kind, n: filing(HEADING[kind] + ITEMS[n - 1])[0])
LIST_ITEMS = LISTS.list_items

# 经领导班子研究形成会议纪要后，以党组（党委）名义提出书面申请，呈市委、市政府分管领导审核把关后，将相关资料报送
# 市纪委监委。市纪委监委监督检查室收到备案申请后，形成审核报告，经集体会商通过后，提交市纪委常委会研究审议。
# (level None: the filing unit's own bodies; the supervision and inspection office is the city commission's
# department handling the filing.)
PROCEDURE = (
    Step(role=Role.LEADERSHIP_MEETING, action=StepAction.DELIBERATE),  # 领导班子研究，形成会议纪要
    Step(role=Role.PARTY_COMMITTEE_MEETING, action=StepAction.PROPOSE),  # 以党组（党委）名义提出书面申请
    Step(role=Role.CITY_LEADER_IN_CHARGE, level=Level.CITY, action=StepAction.REVIEW),  # 分管领导审核把关
    Step(role=Role.PARTY_COMMITTEE_MEETING, action=StepAction.REPORT),  # 将相关资料报送市纪委监委
    Step(role=Role.HANDLING_DEPARTMENT, level=Level.CITY, action=StepAction.REVIEW),  # 监督检查室形成审核报告
    Step(role=Role.HANDLING_DEPARTMENT, level=Level.CITY, action=StepAction.DELIBERATE),  # 集体会商通过
    Step(role=Role.STANDING_COMMITTEE, level=Level.CITY, action=StepAction.DECIDE),  # 市纪委常委会研究审议
)
AFTER_THE_ERROR = Text(
    "可以作为容错事项进行事前备案的8种情形只适用于事前备案；事后申请不属事前备案，依《许昌市干部容错纠错办法（试行）》另行认定",
    "the eight situations are for filing before the work; a filing after the error is not eligible under "
    "them and is left to the city's general fault-tolerance measures",
)


RELIEF_ELSEWHERE = Text(
    "容错纠错并举：确定予以容错、需要免责或者减责的，按照《许昌市干部容错纠错办法（试行）》（许办〔2017〕5号）执行；"
    "该办法不在本规则来源之内，是否免责、减责不在此认定",
    "whether responsibility is exempted or reduced is decided under the city's fault-tolerance measures "
    "(许办〔2017〕5号), which are not among this plugin's sources",
)


@hookimpl(specname="zhengming_fault_tolerance")
def assess(case: FaultToleranceCase) -> FaultToleranceAssessment:
    found = LISTS.match(case.filing)
    if case.filing.timing is FilingTiming.AFTER:
        return FaultToleranceAssessment(
            outcome=FaultToleranceOutcome.INELIGIBLE,
            matched_negative=found.negative,
            reasons=(AFTER_THE_ERROR,),
            citations=filing(FILABLE) + LISTS.citations(found.negative),
        )
    if found.outcome is FaultToleranceOutcome.INELIGIBLE:
        cited = filing(ACCOUNTABLE) + LISTS.citations(found.negative)
    elif found.outcome is FaultToleranceOutcome.ELIGIBLE:
        cited = filing(FILABLE) + LISTS.citations(found.positive) + filing(TOLERANCE_AND_CORRECTION)
    else:  # nothing claimed that the facts support
        cited = filing(FILABLE)
    return FaultToleranceAssessment(
        outcome=found.outcome,
        matched_positive=found.positive,
        matched_negative=found.negative,
        reasons=(RELIEF_ELSEWHERE,) if found.outcome is FaultToleranceOutcome.ELIGIBLE else (),
        procedure=PROCEDURE,
        citations=cited + filing(FILING_PROCEDURE),
    )
