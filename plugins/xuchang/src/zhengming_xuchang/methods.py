"""《失实检举控告澄清正名工作实施办法》: the five methods and when each applies; who is told.

The text requires no consent of the subject for any method.
"""

from __future__ import annotations

from collections.abc import Sequence

from zhengming import ClarificationCase, ImpactScope, Method, MethodOption, Notification, Organ, Recipient, hookimpl
from zhengming.rules import Row, RuleTable, always

from .source import DISPATCHED, METHODS, UNITS_AND_SOES, clarification

IN_A_RANGE = frozenset({ImpactScope.UNIT, ImpactScope.REGION, ImpactScope.SOCIETY, ImpactScope.ONLINE})
REGION_OR_WIDER = frozenset({ImpactScope.REGION, ImpactScope.SOCIETY})


def _selection_matters(case: ClarificationCase) -> bool:
    return case.impact.on_election or case.impact.on_selection or case.impact.on_award


# Each method where it is available, citing its item of 澄清正名方式.
METHOD_TABLE = RuleTable.collect(
    # 向澄清对象送达《失实检举控告予以澄清的函》，载明澄清事项、澄清机关和澄清时间等内容
    Row(Method.WRITTEN, always, clarification(f"{METHODS}（一）")),
    # 派员或者发函委托其所在单位党组织负责人当面澄清事实
    Row(Method.FACE_TO_FACE, always, clarification(f"{METHODS}（二）")),
    # 在澄清对象所在单位等一定范围造成影响的，可在相应范围内开会澄清
    Row(Method.MEETING, lambda c: c.impact.scope in IN_A_RANGE, clarification(f"{METHODS}（三）")),
    # 涉及换届选举、选拔任用、评先评优等事项的，在一定区域或行业造成不良影响的，可在一定范围内通报情况
    Row(
        Method.NOTICE,
        lambda c: _selection_matters(c) or c.impact.scope in REGION_OR_WIDER,
        clarification(f"{METHODS}（四）"),
    ),
    # 在网络媒体、当地舆论中产生较大影响的，可通过网络等媒体通报情况
    Row(Method.MEDIA, lambda c: c.impact.scope is ImpactScope.ONLINE, clarification(f"{METHODS}（五）")),
)

NOTIFICATIONS = RuleTable.collect(
    # 向澄清对象送达《失实检举控告予以澄清的函》
    Row(Recipient.SUBJECT, always, clarification(f"{METHODS}（一）")),
    # 派驻（出）机构: 批准后实施，并及时通报澄清对象所在部门党组（党委）主要负责人; 国有企事业单位参照
    Row(
        Recipient.UNIT_PARTY_ORGANIZATION,
        lambda c: c.handling.organ is Organ.DISPATCHED_AGENCY,
        clarification(DISPATCHED),
    ),
    Row(
        Recipient.UNIT_PARTY_ORGANIZATION,
        lambda c: c.handling.organ is Organ.SOE_DISCIPLINE,
        clarification(DISPATCHED, UNITS_AND_SOES),
    ),
)


@hookimpl(wrapper=True, specname="zhengming_clarification_methods")
def methods(case: ClarificationCase):
    """The table's methods that apply. “一种或多种方式” does not set aside the national baseline: a method the
    parent pairs with another (使用当面、会议、通报的，同时使用书面澄清) keeps that pairing and its citation."""
    inherited: Sequence[MethodOption] = yield
    paired = {o.method: o for o in inherited if o.accompanied_by}
    return tuple(_option(r.value, r.citations, paired.get(r.value)) for r in METHOD_TABLE(case))


def _option(method: Method, citations, parent: MethodOption | None) -> MethodOption:
    if parent is None:
        return MethodOption(method=method, citations=citations)
    return MethodOption(method=method, accompanied_by=parent.accompanied_by, citations=citations + parent.citations)


@hookimpl(specname="zhengming_notifications")
def notifications(case: ClarificationCase) -> tuple[Notification, ...]:
    return tuple(Notification(recipient=r.value, citations=r.citations) for r in NOTIFICATIONS(case))
