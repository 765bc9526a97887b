"""Which actions the console offers a user on a case: the one place that decides the buttons.

The lifecycle's declarative action table decides (``CaseService.available_actions``: the case's state,
the user's role, organ and level, separation of duties), so the buttons can never disagree with what the
service enforces; the case supplies the choices each form needs (methods, recipients…).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import attrs

from ...lifecycle.table import ACTIONS


@attrs.frozen
class Offer:
    """An action offered: its name (``approve``…) and the choices its form needs (methods, recipients…)."""

    name: str
    choices: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()


# The lifecycle table's id of an action where the console's name differs.
TABLE_ID = {"record_revisit": "revisit"}


def offered(view: dict[str, Any], user: Any, allowed: Collection[str] | None = None) -> list[Offer]:
    """The actions ``user`` may take on the case ``view`` (as :meth:`CaseService.show` returns it) now.

    :param allowed: the ids the lifecycle's action table allows this user now
        (``CaseService.available_actions``): only those are offered.
    """
    return _from_table(view, allowed or ())


# The console's name of a table action where it differs.
CONSOLE_NAME = {table_id: name for name, table_id in TABLE_ID.items()}


def _from_table(view: dict[str, Any], allowed: Collection[str]) -> list[Offer]:
    """The table's verdict, with the choices each form needs taken from the case (the methods it may use
    now, the recipients still due, the revisit methods and targets)."""
    offers = []
    for table_id in (row.id for row in ACTIONS if row.id in allowed):  # in the table's order
        name = CONSOLE_NAME.get(table_id, table_id)
        if name == "consent":
            offers.append(Offer(name, ("given", "declined", "withdrawn")))
        elif name == "clarify":
            methods = tuple(
                m["method"] for m in view["methods"] if not m["consent_required"] or view["consent"] == "given"
            )
            if methods:
                offers.append(Offer(name, methods))
        elif name == "notify":
            done = {n["recipient"] for n in view["notifications"]["done"]}
            missing = tuple(r for r in view["notifications"]["required"] if r not in done)
            if missing:
                offers.append(Offer(name, missing))
        elif name == "record_revisit":
            offers.append(Offer(name, tuple(view["revisit"]["methods"]), tuple(view["revisit"]["targets"])))
        else:
            offers.append(Offer(name))
    return offers


def allowed_ids(service: Any, case_id: str, user_name: str) -> set[str]:
    """What the service's action table allows the user on the case now."""
    return {action["id"] for action in service.available_actions(case_id, user_name)}


def allowed_on(service: Any, case_ids: Collection[str], user_name: str) -> dict[str, set[str]]:
    """:func:`allowed_ids` of many cases, read together (the cases the user needs to know)."""
    found = service.available_actions_on(list(case_ids), user_name)
    return {case_id: {action["id"] for action in rows} for case_id, rows in found.items()}
