"""Who may act: the organ and level a step's role sits in, checked against a user's seat.

A step names a role and, optionally, the level of the organ that role sits in (``None``: the handling
organ's own level). The organ is implied by the role: a ``commission_head`` sits in the discipline
commission, a ``party_committee_head`` in the party committee, the ``handling_department`` in whichever
organ handles the case. A user fits a step when they hold the role and sit in that organ at that level.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from ..i18n import Message
from ..labels import label
from ..model import Level, Organ, Role, Text

HANDLING = None  # the role sits in the organ that handles the case

ROLE_ORGAN: dict[Role, Organ | None] = {
    Role.VERIFICATION_TEAM: HANDLING,
    Role.HANDLING_DEPARTMENT: HANDLING,
    Role.AGENCY_HEAD: HANDLING,
    Role.LEADERSHIP_MEETING: HANDLING,
    Role.PARTY_COMMITTEE_MEETING: Organ.PARTY_COMMITTEE,
    Role.PARTY_COMMITTEE_HEAD: Organ.PARTY_COMMITTEE,
    Role.UNIT_PARTY_GROUP_HEAD: Organ.PARTY_COMMITTEE,
    Role.TOWNSHIP_PARTY_COMMITTEE_HEAD: Organ.PARTY_COMMITTEE,
    Role.CITY_LEADER_IN_CHARGE: Organ.PARTY_COMMITTEE,
    Role.COMMISSION_HEAD: Organ.DISCIPLINE_COMMISSION,
    Role.STANDING_COMMITTEE: Organ.DISCIPLINE_COMMISSION,
    Role.SUPERVISING_DEPARTMENT_LEADER: Organ.DISCIPLINE_COMMISSION,
    Role.PETITION_DEPARTMENT: Organ.DISCIPLINE_COMMISSION,
    Role.ORGANIZATION_DEPARTMENT: Organ.ORGANIZATION_DEPARTMENT,
    Role.APPLICANT: HANDLING,
    Role.COMMISSION_SECRETARY: Organ.DISCIPLINE_COMMISSION,
    Role.COMMISSION_STANDING_MEMBER: Organ.DISCIPLINE_COMMISSION,
    Role.STYLE_SUPERVISION_OFFICE: Organ.DISCIPLINE_COMMISSION,
    Role.CASE_TRIAL_OFFICE: Organ.DISCIPLINE_COMMISSION,
    Role.UNIT_PARTY_ORGANIZATION: Organ.PARTY_COMMITTEE,
}
ROLE_LEVEL: dict[Role, Level] = {Role.TOWNSHIP_PARTY_COMMITTEE_HEAD: Level.TOWNSHIP}


@attrs.frozen
class Seat:
    """Where someone sits: organ and level (either unknown when the case does not say)."""

    organ: str | None
    level: str | None


def handling_seat(kind: str, document: Mapping[str, Any]) -> Seat:
    """The organ handling the case: ``handling`` (clarification), ``investigating_organ`` (false
    accusation), ``discipline`` (revisit education: the organ that imposed it); a fault-tolerance filing
    and an accountability case name none."""
    block = document.get("handling") or document.get("investigating_organ") or document.get("discipline") or {}
    return Seat(block.get("organ"), block.get("level"))


def step_seat(step: Mapping[str, Any], handling: Seat) -> Seat:
    """The organ and level a step's role sits in."""
    role = Role(step["role"])
    organ = ROLE_ORGAN.get(role, HANDLING)
    level = step.get("level") or ROLE_LEVEL.get(role) or handling.level
    return Seat(organ.value if organ else handling.organ, level)


def misfit(user: Any, step: Mapping[str, Any], handling: Seat) -> Text | None:
    """Why ``user`` cannot act at ``step`` (``None`` when they can)."""
    role = Role(step["role"])
    if role.value not in user.roles:
        name = label(role)
        return Message("this step is for the {name}; the user lacks that role", name=name)
    return seat_misfit(user, step_seat(step, handling))


def seat_misfit(user: Any, seat: Seat) -> Text | None:
    """Why ``user`` does not sit at ``seat`` (unknown parts of the seat are not checked)."""
    if seat.organ and user.organ != seat.organ:
        need, has = label(Organ(seat.organ)), _organ(user.organ)
        return Message("needs someone from the {need}; the user is in the {has}", need=need, has=has)
    if seat.level and user.level != seat.level:
        need, has = label(Level(seat.level)), _level(user.level)
        return Message("needs the {need} level; the user is at {has} level", need=need, has=has)
    return None


def implementer_misfit(user: Any, implementers: Sequence[Mapping[str, Any]], handling: Seat) -> Text | None:
    """Why ``user`` cannot carry out the clarification (consent, methods, notices, revisits)."""
    seats = [Seat(i["organ"], i["level"]) for i in implementers] or [handling]
    if any(seat_misfit(user, seat) is None for seat in seats):
        return None
    names = Text(
        "、".join(f"{_level(s.level).zh}{_organ(s.organ).zh}" for s in seats if s.organ),
        ", ".join(f"{_organ(s.organ).en} ({_level(s.level).en})" for s in seats if s.organ),
    )
    return Message("only the implementers may do this: {names}", names=names)


def _organ(value: str | None) -> Text:
    try:
        return label(Organ(value))
    except ValueError:
        return Text(str(value), str(value))


def _level(value: str | None) -> Text:
    try:
        return label(Level(value))
    except ValueError:
        return Text(str(value), str(value))


def case_seats(kind: str, document: Mapping[str, Any], decision: Mapping[str, Any], steps: Sequence[Any]) -> str:
    """Every seat a case addresses — its handling organ, its implementers, the organ of each step — as
    ``|organ:level|…|`` (what need-to-know filters on): ``organ:*`` where the level is not known, and
    ``role:<role>`` for a step whose organ is not known (a filing that names no handling organ)."""
    handling = handling_seat(kind, document)
    seats = [handling]
    seats += [Seat(i.get("organ"), i.get("level")) for i in (decision.get("approval") or {}).get("implementers", ())]
    tokens: dict[str, None] = {}
    for seat in seats:
        if seat.organ:
            tokens[f"{seat.organ}:{seat.level or '*'}"] = None
    for step in steps:
        seat = step_seat(step, handling)
        tokens[f"{seat.organ}:{seat.level or '*'}" if seat.organ else f"role:{step['role']}"] = None
    return "|" + "|".join(tokens) + "|" if tokens else ""
