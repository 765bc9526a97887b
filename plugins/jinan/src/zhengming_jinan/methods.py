"""第六条: methods of clarification and the ways of removing impact (each tied to its paragraph)."""

from __future__ import annotations

from zhengming import ImpactScope, Method, MethodOption, Notification, Recipient, hookimpl
from zhengming.rules import Row, RuleTable, always

from .approval import WIDE_IMPACT
from .source import article
from .trigger import in_scope

# 第九条 makes hearing the subject optional: no consent is required.
METHODS = RuleTable.collect(
    Row(Method.WRITTEN, always, article("第六条")),  # 出具书面说明
    Row(Method.MEETING, always, article("第六条", "第六条（三）")),  # 召开澄清大会；召开会议通报核查结果
    Row(Method.NOTICE, always, article("第六条")),  # 向所在党组织通报反馈
    Row(Method.FACE_TO_FACE, lambda c: c.impact.scope is ImpactScope.UNIT, article("第六条（三）")),  # 个别说明
    Row(Method.MEDIA, lambda c: c.impact.scope is ImpactScope.ONLINE, article("第六条（四）")),  # 会同宣传部门
    Row(Method.LETTER_FEEDBACK, lambda c: c.handling.closed_by_letter_inquiry, article("第六条（五）")),
)

# Who must be told or given the records, and when.
NOTIFICATIONS = RuleTable.collect(
    Row(
        Recipient.SUBJECT, lambda c: c.handling.closed_by_letter_inquiry, article("第六条（五）")
    ),  # 向被函询人发函反馈
    Row(Recipient.REPORTER, lambda c: c.report.real_name, article("第十条")),  # 实名举报的向举报人反馈
    Row(Recipient.SUPERIOR_PARTY_ORGANIZATION, lambda c: c.impact.scope in WIDE_IMPACT, article("第六条（一）")),
    Row(Recipient.UNIT_PARTY_ORGANIZATION, always, article("第六条")),  # 向所在党组织通报反馈
    # 涉及提拔及调整任用: promotion (on_selection) or another adjustment of post, such as 交流任职 (on_rotation)
    Row(
        Recipient.PERSONNEL_DEPARTMENT,
        lambda c: c.impact.on_selection or c.impact.on_rotation,
        article("第六条（二）"),
    ),
    Row(Recipient.PROPAGANDA_DEPARTMENT, lambda c: c.impact.scope is ImpactScope.ONLINE, article("第六条（四）")),
    Row(Recipient.INTEGRITY_ARCHIVE, always, article("第八条")),  # 核查报告、会议纪要、书面说明归入廉政档案
)


@hookimpl(specname="zhengming_clarification_methods")
def methods(case):
    if not in_scope(case):
        return None
    return tuple(MethodOption(method=r.value, citations=r.citations) for r in METHODS(case))


@hookimpl(specname="zhengming_notifications")
def notifications(case):
    if not in_scope(case):
        return None
    return tuple(Notification(recipient=r.value, citations=r.citations) for r in NOTIFICATIONS(case))
