"""《许昌市容错事项事前备案办法》: the 8 filable situations (P1–P8), the 10 accountability situations
(N1–N10), and the filing procedure.

The lists are data: each item's Chinese text in the order the interview numbers it, its citation, and —
in the tables below — the test of the contract's ``filing.facts`` that decides whether it is met. A
positive item counts only when the filing claims it (the facts cannot tell which kind of work it is) and
its test holds; a negative item counts whenever its test holds.

Mapping of ``filing.facts`` to the items (a fact not listed never decides an item):

=====================================================  ==================================================
fact                                                   items
=====================================================  ==================================================
``violates_explicit_prohibition``                      N1 (明显违犯党内法规或者国家法律法规)
``fraud`` (弄虚作假、隐瞒事实)                              N2 (备案过程中隐瞒事实、弄虚作假)
``safety_or_environment_accident``                     N4 (安全生产、食品药品安全、生态环境责任事故或群体事件)
``abuse_of_power`` with ``adverse_impact`` ``major``   N5 (滥用职权、独断专行……造成重大不良社会影响或者损失)
``followed_decision_procedure`` false, any impact   N6 (违规决策或者决策论证不充分……造成损失浪费或公共利益损害;
                                                       unlike N5 and N10 it sets no 重大 threshold)
``private_gain`` (谋取私利)                               N7 (为自己或者他人谋取不正当利益)
``refuses_rectification`` with an adverse impact       N8 (组织提醒后仍不听劝阻、一意孤行，造成不良社会影响)
``repeated_same_error``                                N9 (同类性质问题被纠正整改后重复出现)
``adverse_impact`` ``major``                           N10 (其他造成重大社会负面影响或者严重后果)
``inaction`` (v1.1)                                    N3 (不担当、不作为、不落实，“形象工程”“政绩工程”)
no ``major`` adverse impact                            condition of P3 (没有造成重大损失或者不良社会影响)
``public_interest_motive`` (出于公心)                     condition of P7 (为维护公共利益) and P8 (有利于维护
                                                       国家、集体和人民利益)
=====================================================  ==================================================

P1, P2, P4, P5 and P6 have no condition the facts describe beyond the claim itself. The eight situations
are for 事前备案 (filing before the work): a filing made after the error is not eligible under them, and is
left to 《许昌市干部容错纠错办法（试行）》, which the sources do not give.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from zhengming import (
    AdverseImpact,
    FaultToleranceAssessment,
    FaultToleranceCase,
    FaultToleranceOutcome,
    FilingFacts,
    FilingTiming,
    Level,
    ListItem,
    Role,
    Step,
    StepAction,
    Text,
    match_lists,
)

from .source import ACCOUNTABLE, FILABLE, FILING_PROCEDURE, TOLERANCE_AND_CORRECTION, filing

FactTest = Callable[[FilingFacts], bool]
ITEMS = ("（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）", "（九）", "（十）")

POSITIVE_TEXTS = (
    "为贯彻落实党中央重大决策和省委、市委部署要求，确保工作进度和质量，敢于担当、攻坚克难，受条件限制出现一定偏差或者失误的",
    "在全面深化改革和创新发展中，突破常规、先行先试，但因缺乏经验出现偏差或者失误；积极作为、大胆探索，"
    "但因政策界限不明确出现失误的",
    "在高质量建设城乡融合共同富裕先行试验区和打造“五个强市”中，为趟出路子、提供示范，敢于担当、善于作为、"
    "勇于创新而出现失误，但没有造成重大损失或者不良社会影响的",
    "在推动省、市重点项目和“三个一批”重大项目建设管理工作中，贯彻落实市委、市政府部署要求，积极推动工程和项目建设，"
    "抢抓进度，相关手续存在一定程序瑕疵的",
    "在服务保障重点项目、重大项目建设或者破解重大复杂疑难问题中，确有必要模拟审批、容缺办理的",
    "在维护社会稳定和处置历史遗留问题中，为有效化解矛盾，采取必要的临时性、超常规措施破解难题，可能带有一定政策风险的",
    "在处置突发应急事件或者执行急难险重任务中，为维护公共利益和人民生命财产安全，积极担当作为，突破程序特事特办的",
    "办理的其他事项可能出现失误，但工作效果总体上有利于推动经济社会发展，有利于维护国家、集体和人民利益的",
)

NEGATIVE_TEXTS = (
    "明显违犯党内法规或者国家法律法规的",
    "容错事项事前备案过程中，隐瞒事实、弄虚作假的",
    "存在不担当、不作为、不落实等行为的，或者搞“形象工程”“政绩工程”的",
    "未依法履行工作职责，造成安全生产、食品药品安全、生态环境破坏等责任事故或者引发群体事件的",
    "违背党的民主集中制原则，滥用职权、独断专行，不执行或者擅自改变组织作出的决定，造成重大不良社会影响或者损失的",
    "违规决策或者决策论证不充分、不慎重，造成公共资金、国有资产、国有资源损失浪费或者公共利益损害等后果的",
    "工作中为自己或者他人谋取不正当利益，违反中央八项规定及其实施细则精神，或者搞利益输送、权钱交易的",
    "工作中出现的苗头性问题、倾向性问题，群众有反映，组织提醒后仍不听劝阻、一意孤行，造成不良社会影响的",
    "同类性质问题被纠正整改后重复出现，或者同一工作反复出现差错的",
    "其他造成重大社会负面影响或者严重后果需要追责问责的",
)

LIST_ITEMS = tuple(
    ListItem(id=f"P{n}", text=text, citation=filing(f"{FILABLE}{ITEMS[n - 1]}")[0])
    for n, text in enumerate(POSITIVE_TEXTS, 1)
) + tuple(
    ListItem(id=f"N{n}", text=text, citation=filing(f"{ACCOUNTABLE}{ITEMS[n - 1]}")[0])
    for n, text in enumerate(NEGATIVE_TEXTS, 1)
)


def claimed(f: FilingFacts) -> bool:  # no condition the facts describe beyond the claim itself
    return True


def never(f: FilingFacts) -> bool:  # needs a finding the facts do not carry
    return False


def major(f: FilingFacts) -> bool:
    return f.adverse_impact is AdverseImpact.MAJOR


POSITIVE_TESTS: Mapping[str, FactTest] = {
    "P1": claimed,
    "P2": claimed,
    "P3": lambda f: not major(f),
    "P4": claimed,
    "P5": claimed,
    "P6": claimed,
    "P7": lambda f: f.public_interest_motive,
    "P8": lambda f: f.public_interest_motive,
}

NEGATIVE_TESTS: Mapping[str, FactTest] = {
    "N1": lambda f: f.violates_explicit_prohibition,
    "N2": lambda f: f.fraud,
    "N3": lambda f: f.inaction,
    "N4": lambda f: f.safety_or_environment_accident,
    "N5": lambda f: f.abuse_of_power and major(f),
    "N6": lambda f: f.followed_decision_procedure is False and f.adverse_impact is not AdverseImpact.NONE,
    "N7": lambda f: f.private_gain,
    "N8": lambda f: f.refuses_rectification and f.adverse_impact is not AdverseImpact.NONE,
    "N9": lambda f: f.repeated_same_error,
    "N10": major,
}

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

_BY_ID = {item.id: item for item in LIST_ITEMS}


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


def assess(case: FaultToleranceCase) -> FaultToleranceAssessment:
    found = match_lists(case.filing, POSITIVE_TESTS, NEGATIVE_TESTS)
    outcome, positive, negative = found.outcome, found.positive, found.negative
    if case.filing.timing is FilingTiming.AFTER:
        return FaultToleranceAssessment(
            outcome=FaultToleranceOutcome.INELIGIBLE,
            matched_negative=negative,
            reasons=(AFTER_THE_ERROR,),
            citations=filing(FILABLE) + _cite(negative),
        )
    if outcome is FaultToleranceOutcome.INELIGIBLE:
        cited = filing(ACCOUNTABLE) + _cite(negative)
    elif outcome is FaultToleranceOutcome.ELIGIBLE:
        cited = filing(FILABLE) + _cite(positive) + filing(TOLERANCE_AND_CORRECTION)
    else:  # nothing claimed that the facts support
        cited = filing(FILABLE)
    return FaultToleranceAssessment(
        outcome=outcome,
        matched_positive=positive,
        matched_negative=negative,
        reasons=(RELIEF_ELSEWHERE,) if outcome is FaultToleranceOutcome.ELIGIBLE else (),
        procedure=PROCEDURE,
        citations=cited + filing(FILING_PROCEDURE),
    )


def _cite(ids: tuple[str, ...]):
    return tuple(_BY_ID[i].citation for i in ids)
