"""《失实检举控告澄清正名工作实施办法》: the five methods and when each applies; who is told.

The text requires no consent of the subject for any method.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from zhengming import ClarificationCase, ImpactScope, Method, MethodOption, Notification, Organ, Recipient

from .source import DISPATCHED, METHODS, UNITS_AND_SOES, clarification

Test = Callable[[ClarificationCase], bool]

IN_A_RANGE = frozenset({ImpactScope.UNIT, ImpactScope.REGION, ImpactScope.SOCIETY, ImpactScope.ONLINE})
REGION_OR_WIDER = frozenset({ImpactScope.REGION, ImpactScope.SOCIETY})


def always(case: ClarificationCase) -> bool:
    return True


def _selection_matters(case: ClarificationCase) -> bool:
    return case.impact.on_election or case.impact.on_selection or case.impact.on_award


# (method, when it is available, the item of 澄清正名方式)
METHOD_TABLE: tuple[tuple[Method, Test, str], ...] = (
    # 向澄清对象送达《失实检举控告予以澄清的函》，载明澄清事项、澄清机关和澄清时间等内容
    (Method.WRITTEN, always, "（一）"),
    # 派员或者发函委托其所在单位党组织负责人当面澄清事实
    (Method.FACE_TO_FACE, always, "（二）"),
    # 在澄清对象所在单位等一定范围造成影响的，可在相应范围内开会澄清
    (Method.MEETING, lambda c: c.impact.scope in IN_A_RANGE, "（三）"),
    # 涉及换届选举、选拔任用、评先评优等事项的，在一定区域或行业造成不良影响的，可在一定范围内通报情况
    (Method.NOTICE, lambda c: _selection_matters(c) or c.impact.scope in REGION_OR_WIDER, "（四）"),
    # 在网络媒体、当地舆论中产生较大影响的，可通过网络等媒体通报情况
    (Method.MEDIA, lambda c: c.impact.scope is ImpactScope.ONLINE, "（五）"),
)


def methods(case: ClarificationCase, inherited: Sequence[MethodOption] = ()) -> tuple[MethodOption, ...]:
    """The table's methods that apply. “一种或多种方式” does not set aside the national baseline: a method the
    parent pairs with another (使用当面、会议、通报的，同时使用书面澄清) keeps that pairing and its citation."""
    paired = {o.method: o for o in inherited if o.accompanied_by}
    found = []
    for m, test, item in METHOD_TABLE:
        if test(case):
            own = clarification(f"{METHODS}{item}")
            parent = paired.get(m)
            if parent is None:
                found.append(MethodOption(method=m, citations=own))
            else:
                found.append(MethodOption(method=m, accompanied_by=parent.accompanied_by, citations=own + parent.citations))
    return tuple(found)


def _via_unit_party_group(case: ClarificationCase) -> bool:
    return case.handling.organ in (Organ.DISPATCHED_AGENCY, Organ.SOE_DISCIPLINE)


# (recipient, when, articles)
NOTIFICATIONS: tuple[tuple[Recipient, Test, tuple[str, ...]], ...] = (
    (Recipient.SUBJECT, always, (f"{METHODS}（一）",)),  # 向澄清对象送达《失实检举控告予以澄清的函》
    # 派驻（出）机构: 批准后实施，并及时通报澄清对象所在部门党组（党委）主要负责人 (国有企事业单位参照)
    (Recipient.UNIT_PARTY_ORGANIZATION, _via_unit_party_group, (DISPATCHED,)),
)


def notifications(case: ClarificationCase) -> tuple[Notification, ...]:
    found = []
    for recipient, test, articles in NOTIFICATIONS:
        if test(case):
            if recipient is Recipient.UNIT_PARTY_ORGANIZATION and case.handling.organ is Organ.SOE_DISCIPLINE:
                articles = (*articles, UNITS_AND_SOES)
            found.append(Notification(recipient=recipient, citations=clarification(*articles)))
    return tuple(found)
