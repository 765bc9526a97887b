"""平纪发〔2022〕3号（一）（三）（十）（十一）: fast handling, consent, methods, notifications, revisits.

Whether to clarify is the core's national baseline (the city's own 《澄清保护机制实施办法（试行）》, to
which （三） refers, is not among the sources); 平顶山 adds that the subject's wishes are sought first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import attrs

from zhengming import (
    ClarificationCase,
    FastTrack,
    MethodOption,
    Notification,
    Recipient,
    Revisit,
    RevisitTarget,
    Text,
    Trigger,
    hookimpl,
)
from zhengming.rules import amend

from . import revisit_education
from .source import measure

Test = Callable[[ClarificationCase], bool]

# （十一） names 优秀年轻干部 among the key clues handled first; the contract has no field for it, so 平顶山
# publishes it as a local fact (``local.pingdingshan.outstanding_young_cadre``; 鲁山 inherits it).
LOCAL_FACTS = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "outstanding_young_cadre": {
            "type": "boolean",
            "default": False,
            "description": "（十一）优秀年轻干部：被检举控告人是优秀年轻干部，其尚未办结的重点问题线索优先从快处置",
        }
    },
}


def outstanding_young_cadre(case: ClarificationCase) -> bool:
    return bool(case.local.get("pingdingshan", {}).get("outstanding_young_cadre", False))


# --- （一）（十一）: 快办快处快结 at key junctures; priority for key clues -------------------------------

# (test, reason, articles): every juncture or key clue that holds is named in the reasons, and only the
# measures that hold are cited.
FAST_TRACK: tuple[tuple[Test, Text, tuple[str, ...]], ...] = (
    (
        lambda c: c.circumstances.key_juncture,
        Text(
            "（一）：检举控告涉及人事调整、换届选举、评先评优、利益分配等关键节点，实行快办快处快结",
            "(1): the report falls at a key juncture (personnel adjustment, election, award, benefit distribution); "
            "it is handled, disposed of and concluded fast",
        ),
        ("（一）",),
    ),
    (
        lambda c: c.circumstances.suspected_false_accusation,
        Text(
            "（一）：经筛查存在诬告陷害嫌疑的问题线索，从快形成线索处置意见，并跟踪办理过程",
            "(1): a clue suspected of being a false accusation gets its disposal opinion fast, and is followed",
        ),
        ("（一）",),
    ),
    (
        lambda c: c.impact.on_rotation,
        Text(
            "（一）：检举控告涉及人事调整（交流任职），实行快办快处快结",
            "(1): the report concerns a rotation (a personnel adjustment); it is handled fast",
        ),
        ("（一）",),
    ),
    (
        lambda c: c.impact.on_election or c.impact.on_award,
        Text(
            "（一）：检举控告涉及换届选举、评先评优，实行快办快处快结",
            "(1): the report concerns an election or an award; it is handled fast",
        ),
        ("（一）",),
    ),
    (
        lambda c: c.impact.on_selection,
        Text(
            "（一）（十一）：涉及人事调整、可能还要提拔使用的干部，优先从快处置",
            "(1), (11): the cadre faces a personnel adjustment or may be promoted; the clue is handled first and fast",
        ),
        ("（一）", "（十一）"),
    ),
    (
        lambda c: c.impact.on_integrity_opinion,
        Text(
            "（十一）：组织部门征求廉政意见的干部的重点问题线索，优先从快处置",
            "(11): the organization department is asking for this cadre's integrity opinion: handled first and fast",
        ),
        ("（十一）",),
    ),
    (
        lambda c: c.subject.is_unit_principal,
        Text(
            "（十一）：涉及单位主要负责人的重点问题线索，优先从快处置，避免长期“吊”着不予结论",
            "(11): a key clue about a unit principal is handled first and fast, not left without a conclusion",
        ),
        ("（十一）",),
    ),
    (
        outstanding_young_cadre,
        Text(
            "（十一）：涉及优秀年轻干部尚未办结的重点问题线索，优先从快处置",
            "(11): a key clue about an outstanding young cadre is handled first and fast",
        ),
        ("（十一）",),
    ),
)


@hookimpl(specname="zhengming_fast_track")
def fast_track(case: ClarificationCase) -> FastTrack:
    hits = [(reason, articles) for test, reason, articles in FAST_TRACK if test(case)]
    if not hits:  # neither measure applies: both are the basis for handling the case in the ordinary way
        return FastTrack(active=False, citations=measure("（一）", "（十一）"))
    cited = dict.fromkeys(a for _, articles in hits for a in articles)  # ordered, without repeats
    return FastTrack(active=True, reasons=tuple(r for r, _ in hits), citations=measure(*cited))


# --- （三）: consent, methods, notifications ------------------------------------------------------

CONSENT = Text(
    "（三）：澄清正名前，充分征求并尊重被检举控告人个人意愿，选择合适的澄清正名范围、方式、方法",
    "(3): before clarifying, the subject's wishes are fully sought and respected; scope and method are chosen "
    "case by case",
)


@hookimpl(wrapper=True, specname="zhengming_clarification_trigger")
def adjust_trigger(case: ClarificationCase):
    """Add the consent reason when clarifying (the engine adds an active fast track's reasons and articles)."""
    inherited: Trigger = yield
    return amend(inherited, reasons=(CONSENT,), citations=measure("（三）")) if inherited.clarifies else inherited


@hookimpl(wrapper=True, specname="zhengming_clarification_methods")
def adjust_methods():
    """灵活运用召开会议、发放正名通知书等形式: every method after seeking the subject's wishes.

    The inherited methods (the core's written, face to face, meeting, notice — “等形式”) stay available;
    meeting (召开会议) and notice (正名通知书) are the ones the text names.
    """
    inherited: Sequence[MethodOption] = yield
    return tuple(attrs.evolve(m, consent_required=True, citations=measure("（三）") + m.citations) for m in inherited)


@hookimpl(specname="zhengming_notifications")
def notifications() -> tuple[Notification, ...]:
    # 澄清正名情况及时向其所在单位和组织人事部门通报
    return (
        Notification(recipient=Recipient.UNIT_PARTY_ORGANIZATION, citations=measure("（三）")),
        Notification(recipient=Recipient.PERSONNEL_DEPARTMENT, citations=measure("（三）")),
    )


# --- （十）: 受处分干部回访教育 ----------------------------------------------------------------------

# 受处分和被问责: the true part of the report was handled in the second to fourth form (纪律处分、组织调整).
DISCIPLINED_FORMS = frozenset({2, 3, 4})


@hookimpl(specname="zhengming_revisit_policy")
def revisit(case: ClarificationCase) -> Revisit | None:
    """A clarified subject who was also disciplined for what was true is revisited (回访教育).

    回访前与所在党组织沟通并征求本人意见，商定地点、方式、方法（个别谈话），必要时委托所在单位党组织回访；
    一人一策。Otherwise the parent answers (no revisit).
    """
    if not any(a.disposition_form in DISCIPLINED_FORMS for a in case.allegations):
        return None
    return Revisit(
        required=True,
        targets=(RevisitTarget.SUBJECT,),
        methods=revisit_education.METHODS,
        consent_required=True,
        consult=revisit_education.CONSULT,
        citations=measure("（十）"),
    )
