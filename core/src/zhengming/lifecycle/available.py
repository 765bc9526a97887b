"""What a user may do now on many cases at once (a worklist asks it of every open case it shows).

The same verdict as acting would give (:func:`.table.available`: state, role, organ, level, separation of
duties), read for a batch of cases in one transaction with one query per kind of row — the cases, the
records their states need, the steps the user took — rather than several queries per case.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import String, bindparam, cast, func, select

from ..security.need_to_know import can_see
from . import actions, table

IDS_PER_QUERY = 500  # ids bound to one ``IN (…)``: SQLite and PostgreSQL take far more, a page of them is plenty
_CASES = select(
    *(cast(c, String).label(c.name) if c.name in actions.JSON_COLUMNS else c for c in actions.CASES.columns)
).where(actions.CASES.c.case_id.in_(bindparam("ids", expanding=True)))
_NOTIFIED = select(actions.RECORDS["notifications"].c.case_pk, actions.RECORDS["notifications"].c.recipient).where(
    actions.RECORDS["notifications"].c.case_pk.in_(bindparam("pks", expanding=True))
)
_REVISITS = select(actions.RECORDS["revisits"]).where(
    actions.RECORDS["revisits"].c.case_pk.in_(bindparam("pks", expanding=True))
)
_STEPS_TAKEN = select(actions.APPROVALS.c.case_pk, actions.APPROVALS.c.step_index).where(
    actions.APPROVALS.c.case_pk.in_(bindparam("pks", expanding=True)), actions.APPROVALS.c.actor == bindparam("actor")
)
_EVENTS = actions.EVENTS
_LAST_ACTIONS = select(_EVENTS.c.case_id, _EVENTS.c.action).where(
    _EVENTS.c.seq.in_(
        select(func.max(_EVENTS.c.seq))
        .where(_EVENTS.c.case_id.in_(bindparam("ids", expanding=True)))
        .group_by(_EVENTS.c.case_id)
    )
)
# The records each state's actions read (an action's ``needs``).
_NEEDS: dict[str, set[str]] = defaultdict(set)
for _row in table.ACTIONS:
    for _state in _row.states:
        _NEEDS[_state].update(_row.needs)


def available_on(conn: Any, case_ids: Sequence[str], user: actions.Actor) -> dict[str, list[table.Action]]:
    """The actions ``user`` may take now on each of ``case_ids`` the user needs to know, by case id in the
    order asked (a case not there, or not to be known, is left out)."""
    found: dict[str, list[table.Action]] = {}
    for chunk in in_chunks(case_ids):
        cases = [case for case in _cases(conn, chunk) if can_see(user, case)]
        _load_records(conn, cases)
        first = _first_steps(conn, cases, user.name)
        for case in cases:
            separated = actions.separation_misfit(case, first.get(case.id)) is None
            found[case.case_id] = table.available(case, user, separated=lambda _row, ok=separated: ok)
    return found


def in_chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    """``ids`` in runs of :data:`IDS_PER_QUERY`, in order: one query each."""
    for start in range(0, len(ids), IDS_PER_QUERY):
        yield ids[start : start + IDS_PER_QUERY]


def _cases(conn: Any, case_ids: Sequence[str]) -> list[actions.StoredCase]:
    """The cases, each with what last happened to it (its last audit event's action, as :func:`.actions.load`)."""
    json_names = actions.JSON_COLUMNS
    last = dict(conn.execute(_LAST_ACTIONS, {"ids": list(case_ids)}).all())
    cases = []
    for row in conn.execute(_CASES, {"ids": list(case_ids)}).mappings():
        scalars = {name: value for name, value in row.items() if name not in json_names}
        case = actions.StoredCase(scalars, {name: row[name] for name in actions.JSON_NAMES})
        case.last_action = last.get(case.case_id)
        cases.append(case)
    order = {case_id: index for index, case_id in enumerate(case_ids)}
    return sorted(cases, key=lambda case: order[case.case_id])


def _load_records(conn: Any, cases: list[actions.StoredCase]) -> None:
    """Each case's notifications and revisits, where its state's actions read them."""
    wanting = {
        need: {case.id: case for case in cases if need in _NEEDS[case.state]} for need in ("notifications", "revisits")
    }
    if wanting["notifications"]:
        for case_pk, recipient in conn.execute(_NOTIFIED, {"pks": list(wanting["notifications"])}):
            wanting["notifications"][case_pk].notifications.append(actions.Notified(recipient))
    if wanting["revisits"]:
        for values in conn.execute(_REVISITS, {"pks": list(wanting["revisits"])}).mappings():
            wanting["revisits"][values["case_pk"]].revisits.append(actions.Revisit(values))


def _first_steps(conn: Any, cases: list[actions.StoredCase], actor: str) -> dict[int, int]:
    """The first step ``actor`` took on each case, by the case's primary key."""
    first: dict[int, int] = {}
    if cases:
        for case_pk, index in conn.execute(_STEPS_TAKEN, {"pks": [c.id for c in cases], "actor": actor}):
            first[case_pk] = min(index, first.get(case_pk, index))
    return first
