"""平纪发〔2022〕4号: the positive list (P1–P15), the negative list (N1–N9), and the filing procedure.

The lists are data: each item's Chinese text as the source numbers it, its citation, and — in the
tables below — the test of the contract's ``filing.facts`` that decides whether the item is met.
A positive item counts only when the filing claims it (``claimed_items``: the facts cannot tell which
kind of work the error happened in) and its test holds; a negative item counts whenever its test holds.

Mapping of ``filing.facts`` to the items (a fact not listed never decides an item):

========================================  ===================================================
fact                                      items
========================================  ===================================================
``private_gain`` (谋取私利)                 N4; its absence is a condition of P1–P3, P6–P8, P10, P12
``public_interest_motive`` (出于公心)        condition of P1
``followed_decision_procedure``           condition of P1, P12 (“四议两公开”程序)
``corrected_promptly`` (认错改错、补救)       condition of P1–P4, P11, P13, P14
``adverse_impact`` ``major``              N6 with ``abuse_of_power``; its absence is the
                                          “未造成不良影响或影响较小/情节轻微” of P3, P4, P7–P14
``adverse_impact`` ``minor``/``major``    N2 with ``fraud`` (弄虚作假……造成不良影响)
``violates_explicit_prohibition``         N1
``fraud`` (弄虚作假、隐瞒事实)                 N2 (only when it caused an adverse impact)
``safety_or_environment_accident``        N5; its absence is a condition of P11
``abuse_of_power`` with an adverse impact       N7 (the harm it names); N6 as well when the loss is major
``repeated_same_error``                   N8 (再次出现同类失误、错误)
``refuses_rectification``                 N8 (事后拒不整改纠错)
========================================  ===================================================

``obstruction_or_extortion`` (v1.1, 故意刁难、吃拿卡要) decides N3 (故意刁难、吃拿卡要、作风粗暴). No fact
decides the catch-alls P15 and N9 (其他……): they need a case-by-case finding, so a filing claiming only
P15 is ``needs_review``. P5 has no condition the facts describe beyond the claim itself.

Relief (一、导语: 依规依纪予以免除或减轻相关单位或当事人的责任): the list names both without saying when
each applies; an eligible filing with no adverse impact is relieved of responsibility (``exempt``), one
with a minor impact has it reduced (``reduced``) — the same line the list draws with “未造成不良影响或影响
较小”.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from zhengming import (
    AdverseImpact,
    FaultToleranceAssessment,
    FaultToleranceCase,
    FaultToleranceOutcome,
    FilingFacts,
    ListItem,
    Relief,
    Role,
    Step,
    StepAction,
    match_lists,
)

from .source import lists, measure

FactTest = Callable[[FilingFacts], bool]

POSITIVE_TEXTS = (
    "在贯彻落实“三新一高”，推动改革创新中，大胆探索、破解难题、先行先试，主观上出于公心，没有谋取私利，符合决策程序，"
    "因缺乏经验或不可抗力、难以预判等因素，工作未达到预期效果或出现失误错误，能够主动认错改错、及时采取补救措施整改的",
    "为落实“项目为王”要求，推动省市确定的重点项目、“三个一批”项目等快速签约、开工、投产，推动市委、市政府重要部署、"
    "重点任务落实等，大胆履职，主动担当、破解难题或因抢抓重点项目建设进度需要，在办理立项、规划、用地、环保等方面手续"
    "不够完善、能够及时补办，项目本身符合规划、符合规定、符合市委要求，没有谋取私利的",
    "为人民群众办实事、解难题，在资金、物资使用等方面不够规范，能够及时采取有效措施改正，未造成不良影响或影响较小，"
    "没有谋取私利的",
    "对工作落实不力、进展缓慢、成效不佳，但未造成不良影响或影响较小的党员干部，通过约谈提醒，能够有效整改提升的",
    "在准确界定属地责任和各级主管部门的行业监管责任的基础上，对基层单位和部门积极履职，在日常检查中能够发现问题，"
    "已采取措施制止，因无行政强制执法权及时将相关问题上报有关职能部门的",
    "在优化营商环境、支持民营经济发展，深化“放管服”改革，开展“万人助万企”活动，推进项目建设、金融服务等工作中，"
    "主动解决企业反映的各类问题，做到与企业交往“亲而又清”，一心一意推动发展，工作出现失误或错误，没有谋取私利的",
    "在招商引资工作中，担当作为、热情服务、成效明显，确因工作需要，在招商接待、外出考察、经费使用等方面不够规范，"
    "情节轻微，没有谋取私利的",
    "在争取上级优惠政策、资金、项目时，积极履职作为，为完成工作任务，在公务接待、资金使用等方面不够规范，情节轻微，"
    "没有谋取私利的",
    "在开展信访稳定工作中，积极履行属地责任，依法、及时、就地疏导教育、解决问题，维护群众合法权益履职尽责到位，"
    "但仍然发生赴京到省越级访等情况，经查实属于缠访闹访、以上访要挟谋取不正当利益、因上级拖欠资金无法向群众兑现政策等，"
    "未造成不良影响或影响较小的",
    "在处置重特大安全生产事故、群体性事件或者其他严重事故、事件，执行防汛减灾救灾、疫情防控、征地拆迁等急难险重任务中，"
    "在解决历史遗留问题、信访维稳、化解矛盾纠纷时，主动揽责涉险、触及矛盾，积极主动破除障碍、打破僵局，采取果断措施"
    "及时处置，决策程序、工作手续等存在不规范情况，未造成不良影响或影响较小，没有谋取私利的",
    "应急管理、生态环境等部门认真履行职责，落实最严格的安全生产责任和环境保护制度，未发生事故、未造成严重后果和"
    "不良影响，因轻微问题被相关部门检查发现，积极整改、消除不良影响的",
    "行政村（社区）组织按照“四议两公开”程序，进行民主决策和公开公示，符合村（社区）内经济社会事业发展大局，"
    "符合大多数群众意愿，未达到预期目的或出现工作失误，未造成严重损失、不良影响或影响较小，没有谋取私利的",
    "对违纪违法行为发生在党的十八大前、被动接受、情节轻微、以促进发展为目的，认错改错态度较好，主动上交违纪违法所得，"
    "主动挽回损失、消除不良影响或有效阻止危害结果发生的",
    "对相信组织、依靠组织，主动向组织说明问题或主动投案，如实交代违纪违法问题，主动上交违纪违法所得，情节轻微的",
    "其他符合“三个区分开来”精神的情形",
)

NEGATIVE_TEXTS = (
    "违反党章党规党纪和国家法律法规明令禁止的",
    "弄虚作假，搞形式主义、官僚主义，造成不良影响的",
    "故意刁难、吃拿卡要、作风粗暴，侵犯管理服务对象利益的",
    "打着改革创新旗号，搞政绩工程或者假公济私，为个人、亲属、特定关系人或单位、小团体谋取私利的",
    "造成安全生产责任事故、严重环境污染、生态破坏以及食品药品安全事故，或者引发严重群体性事件、舆情的",
    "独断专行、不听劝告，擅自决定，给国家和集体造成重大损失和影响的",
    "超越法定权限或者滥用职权，危害国家利益、社会公共利益或侵害公民、法人、其他组织合法权益的",
    "已经给予容错免责再次出现同类失误、错误，或事后拒不整改纠错的",
    "其他经认定不符合容错免责情形的",
)

LIST_ITEMS = tuple(
    ListItem(id=f"P{n}", text=text, citation=lists(f"正面清单第{n}项")[0]) for n, text in enumerate(POSITIVE_TEXTS, 1)
) + tuple(
    ListItem(id=f"N{n}", text=text, citation=lists(f"负面清单第{n}项")[0]) for n, text in enumerate(NEGATIVE_TEXTS, 1)
)


def no_gain(f: FilingFacts) -> bool:  # 没有谋取私利
    return not f.private_gain


def not_major(f: FilingFacts) -> bool:  # 未造成不良影响或影响较小 / 情节轻微
    return f.adverse_impact is not AdverseImpact.MAJOR


def claimed(f: FilingFacts) -> bool:  # no condition the facts describe beyond the claim itself
    return True


def never(f: FilingFacts) -> bool:  # a catch-all: needs a case-by-case finding
    return False


POSITIVE_TESTS: Mapping[str, FactTest] = {
    "P1": lambda f: f.public_interest_motive and no_gain(f) and f.followed_decision_procedure and f.corrected_promptly,
    "P2": lambda f: f.corrected_promptly and no_gain(f),  # 手续不够完善、能够及时补办
    "P3": lambda f: f.corrected_promptly and not_major(f) and no_gain(f),
    "P4": lambda f: not_major(f) and f.corrected_promptly,  # 通过约谈提醒，能够有效整改提升
    "P5": claimed,
    "P6": no_gain,
    "P7": lambda f: not_major(f) and no_gain(f),
    "P8": lambda f: not_major(f) and no_gain(f),
    "P9": not_major,
    "P10": lambda f: not_major(f) and no_gain(f),
    "P11": lambda f: not f.safety_or_environment_accident and not_major(f) and f.corrected_promptly,
    "P12": lambda f: f.followed_decision_procedure and not_major(f) and no_gain(f),
    "P13": lambda f: f.corrected_promptly and not_major(f),  # 情节轻微，认错改错、主动上交所得、主动挽回损失
    "P14": lambda f: f.corrected_promptly and not_major(f),  # 主动说明问题、上交所得，情节轻微
    "P15": never,
}

NEGATIVE_TESTS: Mapping[str, FactTest] = {
    "N1": lambda f: f.violates_explicit_prohibition,
    "N2": lambda f: f.fraud and f.adverse_impact is not AdverseImpact.NONE,
    "N3": lambda f: f.obstruction_or_extortion,
    "N4": lambda f: f.private_gain,
    "N5": lambda f: f.safety_or_environment_accident,
    "N6": lambda f: f.abuse_of_power and f.adverse_impact is AdverseImpact.MAJOR,
    # 7. 超越法定权限或者滥用职权，危害国家利益、社会公共利益或侵害……合法权益的: the harm is part of the item
    "N7": lambda f: f.abuse_of_power and f.adverse_impact is not AdverseImpact.NONE,
    "N8": lambda f: f.repeated_same_error or f.refuses_rectification,
    "N9": never,
}

# 平纪发〔2022〕3号（五）: 积极受理容错免责事项报备申请，及时核实认定，予以备案反馈; 4号末段: 对符合容错免责备案
# 情形的，及时核实认定，并予以备案反馈. “谁监督执纪问责、谁负责容错纠错”（3号（四））: the discipline organ that
# handles the matter (level None: the organ's own department) verifies and gives feedback.
PROCEDURE = (
    Step(role=Role.APPLICANT, action=StepAction.REPORT),  # 单位或个人按程序向纪检监察机关备案
    Step(role=Role.HANDLING_DEPARTMENT, action=StepAction.REVIEW),  # 受理报备申请，及时核实认定
    Step(role=Role.HANDLING_DEPARTMENT, action=StepAction.NOTIFY),  # 予以备案反馈
)
PROCEDURE_CITATIONS = measure("（四）", "（五）") + lists("末段")


def assess(case: FaultToleranceCase) -> FaultToleranceAssessment:
    found = match_lists(case.filing, POSITIVE_TESTS, NEGATIVE_TESTS)
    outcome, positive, negative = found.outcome, found.positive, found.negative
    relief = None
    if outcome is FaultToleranceOutcome.INELIGIBLE:
        cited = lists("二（导语）") + _item_citations(negative)
    elif outcome is FaultToleranceOutcome.ELIGIBLE:
        cited = lists("一（导语）") + _item_citations(positive)
        relief = Relief.EXEMPT if case.filing.facts.adverse_impact is AdverseImpact.NONE else Relief.REDUCED
    else:  # nothing claimed that the facts support: a case-by-case finding (正面清单第15项、负面清单第9项)
        cited = lists("正面清单第15项", "负面清单第9项")
    return FaultToleranceAssessment(
        outcome=outcome,
        matched_positive=positive,
        matched_negative=negative,
        relief=relief,
        procedure=PROCEDURE,
        citations=cited + PROCEDURE_CITATIONS,
    )


_BY_ID = {item.id: item for item in LIST_ITEMS}


def _item_citations(ids: tuple[str, ...]):
    return tuple(_BY_ID[i].citation for i in ids)
