"""第六条: methods of clarification and the ways of removing impact (each tied to its paragraph)."""

from __future__ import annotations

from collections.abc import Callable

from zhengming import ClarificationCase, ImpactScope, Method, MethodOption, Notification, Recipient

from .approval import WIDE_IMPACT
from .source import article

Test = Callable[[ClarificationCase], bool]


def always(case: ClarificationCase) -> bool:
    return True


# (method, when it is available, articles). 第九条 makes hearing the subject optional: no consent is required.
METHODS: tuple[tuple[Method, Test, tuple[str, ...]], ...] = (
    (Method.WRITTEN, always, ("第六条",)),  # 出具书面说明
    (Method.MEETING, always, ("第六条", "第六条（三）")),  # 召开澄清大会；召开会议通报核查结果
    (Method.NOTICE, always, ("第六条",)),  # 向所在党组织通报反馈
    (Method.FACE_TO_FACE, lambda c: c.impact.scope is ImpactScope.UNIT, ("第六条（三）",)),  # 个别说明
    (Method.MEDIA, lambda c: c.impact.scope is ImpactScope.ONLINE, ("第六条（四）",)),  # 会同宣传部门
    (Method.LETTER_FEEDBACK, lambda c: c.handling.closed_by_letter_inquiry, ("第六条（五）",)),
)

# (recipient, when it must be told or given the records, articles)
NOTIFICATIONS: tuple[tuple[Recipient, Test, tuple[str, ...]], ...] = (
    (Recipient.SUBJECT, lambda c: c.handling.closed_by_letter_inquiry, ("第六条（五）",)),  # 向被函询人发函反馈
    (Recipient.REPORTER, lambda c: c.report.real_name, ("第十条",)),  # 实名举报的向举报人反馈
    (Recipient.SUPERIOR_PARTY_ORGANIZATION, lambda c: c.impact.scope in WIDE_IMPACT, ("第六条（一）",)),  # 必要时
    (Recipient.UNIT_PARTY_ORGANIZATION, always, ("第六条",)),  # 向所在党组织通报反馈
    (Recipient.PERSONNEL_DEPARTMENT, lambda c: c.impact.on_selection, ("第六条（二）",)),  # 涉及提拔及调整任用
    (Recipient.PROPAGANDA_DEPARTMENT, lambda c: c.impact.scope is ImpactScope.ONLINE, ("第六条（四）",)),
    (Recipient.INTEGRITY_ARCHIVE, always, ("第八条",)),  # 核查报告、会议纪要、书面说明归入廉政档案
)


def methods(case: ClarificationCase) -> tuple[MethodOption, ...]:
    return tuple(MethodOption(method=m, citations=article(*arts)) for m, test, arts in METHODS if test(case))


def notifications(case: ClarificationCase) -> tuple[Notification, ...]:
    return tuple(Notification(recipient=r, citations=article(*arts)) for r, test, arts in NOTIFICATIONS if test(case))
