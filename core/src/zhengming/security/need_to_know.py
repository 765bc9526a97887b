"""Need-to-know (tenancy): which cases a user may see and act on, as one SQL condition.

A user sees a case when both hold:

- jurisdiction: the case's jurisdiction is the user's or below it (``pingdingshan`` covers
  ``pingdingshan.lushan``); a user with no jurisdiction set is not limited by jurisdiction;
- seat: the user's organ at the user's level handles the case, implements it, or takes one of its
  steps (the case's ``seats``; where a case names no organ for a step, holding that step's role), or
  the user sits in the handling organ's kind at a higher level (a city commission oversees its
  counties' cases). A case that names no seat at all (a filing with no procedure, taken in by no
  registered officer) is limited by jurisdiction only.

Everything else is as if the case did not exist (no "forbidden" that would confirm it does).
Lists, counts and single cases all filter with this condition in SQL.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, false, or_
from sqlalchemy.sql.elements import ColumnElement

from ..store.models import CaseRecord

LEVEL_RANK = {"township": 0, "county": 1, "city": 2, "province": 3}


def seat_tokens(user: Any) -> list[str]:
    """The tokens of ``cases.seats`` that name the user's seat (see ``roles.case_seats``)."""
    return [f"|{user.organ}:{user.level}|", f"|{user.organ}:*|", *(f"|role:{role}|" for role in user.roles or ())]


def visible_to(user: Any, rows: Any = CaseRecord) -> ColumnElement[bool]:
    """The SQL condition on ``cases`` for what ``user`` (a ``User`` row) may see.

    :param rows: the table the condition reads (any with ``jurisdiction``, ``seats``,
        ``handling_organ`` and ``handling_level``: ``case_figures`` keeps a copy for the statistics).
    """
    if user is None or not getattr(user, "active", True):
        return false()
    conditions = []
    if user.jurisdiction:
        conditions.append(or_(rows.jurisdiction == user.jurisdiction, rows.jurisdiction.like(user.jurisdiction + ".%")))
    lower = [level for level, rank in LEVEL_RANK.items() if rank < LEVEL_RANK.get(user.level, -1)]
    conditions.append(
        or_(
            rows.seats == "",
            *(rows.seats.contains(token, autoescape=True) for token in seat_tokens(user)),
            and_(rows.handling_organ == user.organ, rows.handling_level.in_(lower)),
        )
    )
    return and_(*conditions)


def can_see(user: Any, case: CaseRecord) -> bool:
    """The same rule in Python, for a case already loaded (acting on it)."""
    if user is None or not getattr(user, "active", True):
        return False
    if user.jurisdiction and not (
        case.jurisdiction == user.jurisdiction or case.jurisdiction.startswith(user.jurisdiction + ".")
    ):
        return False
    if not case.seats or any(token in case.seats for token in seat_tokens(user)):
        return True
    return case.handling_organ == user.organ and LEVEL_RANK.get(case.handling_level or "", 9) < LEVEL_RANK.get(
        user.level, -1
    )
