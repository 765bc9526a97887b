"""Chinese and English names of the fields of a case document, and how their values read: data for
showing what an amendment changed (``被反映人姓名：张三 → 张山``) instead of JSON pointers.

``FIELDS`` is keyed by the field's path with ``*`` for an array index (``/allegations/*/finding``);
``VALUES`` names the enumeration whose labels (:mod:`zhengming.labels`) a field's values take. A test
walks ``schemas/case.schema.json`` and fails on any field without a name here.
"""

from __future__ import annotations

import json
import re
from enum import Enum
from typing import Any

from .labels import label
from .model import Text
from .model import enums as e

FIELDS: dict[str, Text] = {
    "/kind": Text("案件类别", "case kind"),
    "/jurisdiction": Text("适用地区", "jurisdiction"),
    "/as_of": Text("适用日期", "as of"),
    "/case_id": Text("案件编号", "case id"),
    "/local": Text("地方事实", "local facts"),
    "/reporter": Text("举报人身份", "reporter's identity"),
    "/concerns": Text("涉及人员", "parties concerned"),
    "/concerns/sealed": Text("涉及人员中加密保存的姓名", "sealed names of parties"),
    # the person or organization reported on (被反映人, 被检举控告人)
    "/subject": Text("被反映人", "subject"),
    "/subject/kind": Text("被反映人类别", "subject's kind"),
    "/subject/name": Text("被反映人姓名", "subject's name"),
    "/subject/management_level": Text("干部管理权限", "management level"),
    "/subject/is_unit_principal": Text("部门管理正职领导干部", "principal of a unit"),
    "/subject/position": Text("被反映人职务类别", "subject's position"),
    "/report": Text("举报情况", "report"),
    "/report/received_on": Text("受理举报日期", "report received on"),
    "/report/real_name": Text("实名举报", "real-name report"),
    "/report/channel": Text("举报渠道", "report channel"),
    "/handling": Text("承办机关", "handling organ"),
    "/handling/organ": Text("承办机关", "handling organ"),
    "/handling/level": Text("承办机关层级", "handling organ's level"),
    "/handling/verification_concluded_on": Text("核查结论日期", "verification concluded on"),
    "/handling/closed_by_letter_inquiry": Text("函询采信了结", "closed by a written inquiry"),
    "/handling/review_found_wrongful_treatment": Text("经复审复核确受不公正对待", "review found wrongful treatment"),
    "/allegations": Text("反映的问题", "allegations"),
    "/allegations/*": Text("问题", "allegation"),
    "/allegations/*/id": Text("编号", "id"),
    "/allegations/*/summary": Text("内容摘要", "summary"),
    "/allegations/*/finding": Text("查核结论", "finding"),
    "/allegations/*/disposition_form": Text("处置形态", "form of disposition"),
    "/allegations/*/main": Text("主要问题", "principal issue"),
    "/allegations/*/minor": Text("一般问题", "minor matter"),
    "/impact": Text("不良影响", "impact"),
    "/impact/scope": Text("不良影响范围", "impact's scope"),
    "/impact/on_selection": Text("影响选拔任用", "affects selection"),
    "/impact/on_election": Text("影响换届选举", "affects an election"),
    "/impact/on_award": Text("影响评先评优", "affects an award"),
    "/impact/on_rotation": Text("影响交流任职", "affects a rotation"),
    "/impact/on_integrity_opinion": Text("影响廉政意见回复", "affects an integrity opinion"),
    "/impact/rights_infringed": Text("人身财产权利或正常工作生活受到侵害", "rights infringed"),
    "/circumstances": Text("有关情形", "circumstances"),
    "/circumstances/repeat_after_conclusion": Text("已有明确结论仍重复举报", "repeated after a conclusion"),
    "/circumstances/false_accusation_found": Text("受到诬告陷害", "falsely accused"),
    "/circumstances/pending_other_clues": Text("尚有其他问题线索待核查", "other clues pending"),
    "/circumstances/subject_applied": Text("本人书面申请澄清", "the subject applied"),
    "/circumstances/application_received_on": Text("收到申请日期", "application received on"),
    "/circumstances/key_juncture": Text("处于关键节点", "at a key juncture"),
    "/circumstances/suspected_false_accusation": Text("疑似诬告陷害", "suspected false accusation"),
    "/circumstances/organ_deems_necessary": Text("机关认为有必要澄清", "the organ deems it necessary"),
    # false accusation (诬告陷害认定)
    "/investigating_organ": Text("调查机关", "investigating organ"),
    "/investigating_organ/organ": Text("调查机关", "investigating organ"),
    "/investigating_organ/level": Text("调查机关层级", "investigating organ's level"),
    "/accuser": Text("诬告者情况", "accuser"),
    "/accuser/kind": Text("诬告者身份", "accuser's kind"),
    "/accuser/count": Text("诬告者人数", "number of accusers"),
    "/accuser/party_member": Text("诬告者系党员", "the accuser is a party member"),
    "/accuser/intent": Text("主观故意", "intent"),
    "/accuser/fabricated": Text("捏造、编造事实", "fabricated facts"),
    "/accuser/adverse_impact": Text("侵犯他人权利并造成不良影响", "caused harm"),
    "/accuser/reaches_accountability_threshold": Text("达到责任追究程度", "reaches the accountability threshold"),
    "/accuser/crime_suspected": Text("涉嫌违法犯罪", "crime suspected"),
    "/accuser/repeat_after_conclusion": Text("已有明确结论仍诬告", "repeated after a conclusion"),
    "/accuser/coerced_others": Text("强迫、唆使他人诬告陷害", "coerced others"),
    "/accuser/disrupted_election_or_selection": Text("严重干扰换届选举或干部选拔任用", "disrupted an election"),
    "/accuser/severe_means": Text("手段恶劣", "severe means"),
    "/accuser/typical_case": Text("典型案例", "typical case"),
    # fault-tolerance filing (容错免责备案)
    "/filing": Text("备案情况", "filing"),
    "/filing/timing": Text("备案时机", "filing timing"),
    "/filing/claimed_items": Text("申报的正面清单事项", "positive-list items claimed"),
    "/filing/claimed_items/*": Text("正面清单事项", "positive-list item"),
    "/filing/subject": Text("申请人", "applicant"),
    "/filing/subject/kind": Text("申请人类别", "applicant's kind"),
    "/filing/subject/name": Text("申请人名称", "applicant's name"),
    "/filing/facts": Text("备案事实", "filing facts"),
    "/filing/facts/private_gain": Text("谋取私利", "private gain"),
    "/filing/facts/public_interest_motive": Text("出于公心", "public-interest motive"),
    "/filing/facts/followed_decision_procedure": Text("符合决策程序", "followed the decision procedure"),
    "/filing/facts/corrected_promptly": Text("主动纠错、及时补救", "corrected promptly"),
    "/filing/facts/adverse_impact": Text("不良影响或损失", "adverse impact"),
    "/filing/facts/violates_explicit_prohibition": Text("违反明令禁止", "violates an explicit prohibition"),
    "/filing/facts/fraud": Text("弄虚作假、隐瞒事实", "fraud"),
    "/filing/facts/safety_or_environment_accident": Text("责任事故或严重群体性事件", "safety or environment accident"),
    "/filing/facts/repeated_same_error": Text("同类失误再次出现", "the same error repeated"),
    "/filing/facts/refuses_rectification": Text("拒不整改纠错", "refuses rectification"),
    "/filing/facts/abuse_of_power": Text("超越权限、滥用职权", "abuse of power"),
    "/filing/facts/inaction": Text("不担当不作为", "inaction"),
    "/filing/facts/obstruction_or_extortion": Text("故意刁难、吃拿卡要", "obstruction or extortion"),
    # accountability (问责)
    "/unit": Text("所在单位", "unit"),
    "/unit/kind": Text("单位类别", "unit's kind"),
    "/shortfall": Text("问题情形", "shortfall"),
    "/shortfall/kind": Text("问题类别", "shortfall's kind"),
    "/shortfall/criticized_by": Text("点名或通报批评", "criticized by"),
    "/shortfall/ranking": Text("排名末位的考核", "ranking"),
    "/shortfall/consecutive_last": Text("连续排名末位次数", "times ranked last in a row"),
    "/facts": Text("问责情形", "facts"),
    "/facts/adverse_impact": Text("不良影响或后果", "adverse impact"),
    "/facts/complex_or_high_profile": Text("重大复杂或社会关注度高", "complex or high-profile"),
    "/facts/followed_instruction": Text("因落实领导批示或集体决定导致失误", "followed an instruction"),
    "/facts/within_authority": Text("属于本人权责范围", "within the cadre's authority"),
    "/probation": Text("考验期", "probation"),
    "/probation/started_on": Text("考验期开始日期", "probation started on"),
    "/probation/rectified": Text("整改到位", "rectified"),
    # revisit education of a disciplined cadre (受处分干部回访教育)
    "/discipline": Text("处分情况", "discipline"),
    "/discipline/kind": Text("处分类别", "discipline's kind"),
    "/discipline/decided_on": Text("处分决定日期", "decided on"),
    "/discipline/organ": Text("处分机关", "disciplining organ"),
    "/discipline/level": Text("处分机关层级", "disciplining organ's level"),
}

VALUES: dict[str, type[Enum]] = {
    "/kind": e.CaseKind,
    "/subject/kind": e.SubjectKind,
    "/subject/management_level": e.ManagementLevel,
    "/subject/position": e.SubjectPosition,
    "/report/channel": e.Channel,
    "/handling/organ": e.Organ,
    "/handling/level": e.Level,
    "/allegations/*/finding": e.Finding,
    "/impact/scope": e.ImpactScope,
    "/investigating_organ/organ": e.Organ,
    "/investigating_organ/level": e.Level,
    "/accuser/kind": e.AccuserKind,
    "/filing/timing": e.FilingTiming,
    "/filing/subject/kind": e.SubjectKind,
    "/filing/facts/adverse_impact": e.AdverseImpact,
    "/unit/kind": e.UnitKind,
    "/shortfall/kind": e.ShortfallKind,
    "/shortfall/criticized_by": e.CriticizedBy,
    "/shortfall/ranking": e.Ranking,
    "/facts/adverse_impact": e.AdverseImpact,
    "/discipline/kind": e.DisciplineKind,
    "/discipline/organ": e.Organ,
    "/discipline/level": e.Level,
}

FORMS = ("第一种形态", "第二种形态", "第三种形态", "第四种形态")
_INDEX = re.compile(r"/\d+(?=/|$)")


def pattern_of(pointer: str) -> str:
    """The table key of a JSON pointer: array indices become ``*`` (``/allegations/0/finding`` →
    ``/allegations/*/finding``)."""
    return _INDEX.sub("/*", pointer)


def _item(document: Any, pointer: str, upto: int) -> Any:
    node = document
    for part in pointer.split("/")[1 : upto + 1]:
        try:
            node = node[int(part)] if isinstance(node, list) else node[part]
        except (KeyError, IndexError, ValueError, TypeError):
            return None
    return node


def field_label(pointer: str, *documents: Any) -> Text:
    """The name of the field at ``pointer``: an allegation's field is named after the allegation's own
    id, looked up in ``documents`` (``问题 a1 查核结论``); a field with no name (a jurisdiction's local
    facts) is named by its path."""
    pattern = pattern_of(pointer)
    parts = pointer.split("/")
    if pattern.startswith("/allegations/*") and len(parts) >= 3:
        item = next((i for d in documents if isinstance(i := _item(d, pointer, 2), dict)), None)
        ident = item.get("id") if item else None
        name = (
            Text(f"问题 {ident}", f"allegation {ident}")
            if ident
            else Text(f"第 {int(parts[2]) + 1} 个问题", f"allegation {int(parts[2]) + 1}")
        )
        if len(parts) == 3:
            return name
        leaf = FIELDS.get(pattern)
        if leaf:
            return Text(f"{name.zh} {leaf.zh}", f"{name.en} {leaf.en}")
    known = FIELDS.get(pattern)
    if known:
        return known
    if pattern.startswith("/local/"):
        rest = pointer[len("/local/") :].replace("/", ".")
        return Text(f"地方事实 {rest}", f"local fact {rest}")
    return Text(pointer, pointer)


def value_text(pointer: str, value: Any, lang: str) -> str:
    """A field's value as people read it: enumeration labels, 是/否, dates as written, ``（空）`` for none."""
    if value is None:
        return "（空）" if lang == "zh" else "(none)"
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    pattern = pattern_of(pointer)
    if pattern == "/allegations/*/disposition_form" and isinstance(value, int) and 1 <= value <= 4:
        return FORMS[value - 1] if lang == "zh" else f"form {value}"
    enum = VALUES.get(pattern)
    if enum is not None and isinstance(value, str):
        try:
            return label(enum(value)).render(lang)
        except ValueError:
            return value
    if isinstance(value, list):
        separator = "、" if lang == "zh" else ", "
        if pattern == "/allegations":
            return separator.join(str(a.get("id")) if isinstance(a, dict) else str(a) for a in value)
        return separator.join(value_text(pointer + "/*", v, lang) for v in value)
    if isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        return text if len(text) <= 80 else text[:77] + "…"
    return str(value)
