"""Which actions the console offers a user on a case: the one place that decides the buttons.

Each action is tried on a copy of the case with the lifecycle's own state machine
(:mod:`zhengming.lifecycle.machine`): an action is offered when the machine would accept it from this
user in this state, so the buttons can never disagree with what the service enforces. Where the service has the
lifecycle's declarative action table (``CaseService.available_actions``), the table decides instead, and
the case supplies the choices each form needs (methods, recipients…).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Collection
from types import SimpleNamespace
from typing import Any

import attrs

from ...lifecycle import machine
from ...lifecycle.errors import LifecycleError
from ...lifecycle.states import State

JUDGEMENTS = frozenset({"deliberate", "review", "approve", "decide"})


@attrs.frozen
class Offer:
    """An action offered: its name (``approve``…) and the choices its form needs (methods, recipients…)."""

    name: str
    choices: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()


def _case(view: dict[str, Any]) -> SimpleNamespace:
    """The attributes the state machine reads, from a case view."""
    return SimpleNamespace(
        case_id=view["case_id"],
        kind=view["kind"],
        state=view["state"],
        close_reason=view.get("close_reason"),
        steps=[{k: v for k, v in s.items() if k not in ("index", "status")} for s in view["steps"]],
        current_step=view.get("current_step") or _current(view),
        consent=view["consent"],
        document=view["document"],
        decision=view["decision"],
        notifications=[SimpleNamespace(recipient=n["recipient"]) for n in view["notifications"]["done"]],
        revisits=[SimpleNamespace(planned_on=r["planned_on"], done_on=r["done_on"]) for r in view["revisit"]["visits"]],
    )


def _current(view: dict[str, Any]) -> int:
    done = [s["index"] for s in view["steps"] if s["status"] == "done"]
    return (max(done) + 1) if done else 0


def _user(user: Any) -> SimpleNamespace:
    get = user.get if isinstance(user, dict) else lambda key: getattr(user, key)
    return SimpleNamespace(name=get("name"), organ=get("organ"), level=get("level"), roles=list(get("roles") or ()))


def _accepts(view: dict[str, Any], try_it: Callable[[SimpleNamespace], Any]) -> bool:
    try:
        try_it(copy.deepcopy(_case(view)))
    except LifecycleError:
        return False
    return True


def _took_earlier_step(view: dict[str, Any], user: SimpleNamespace) -> bool:
    """Separation of duties, as the service checks it: a judging step is not for who took an earlier one."""
    case = _case(view)
    if not case.steps or case.current_step >= len(case.steps):
        return False
    if case.steps[case.current_step]["action"] not in JUDGEMENTS:
        return False
    return any(a["actor"] == user.name and a["step"] < case.current_step for a in view["approvals"])


# The lifecycle table's id of an action where the console's name differs.
TABLE_ID = {"record_revisit": "revisit"}


def offered(view: dict[str, Any], user: Any, allowed: Collection[str] | None = None) -> list[Offer]:
    """The actions ``user`` may take on the case ``view`` (as :meth:`CaseService.show` returns it) now.

    :param allowed: the ids the lifecycle's action table allows this user now
        (``CaseService.available_actions``, where the service has it): only those are offered.
    """
    if allowed is not None:
        return _from_table(view, allowed)
    offers = _derived(view, user)
    if _may_amend(view, user):
        offers.append(Offer("amend"))
    return offers


def _may_amend(view: dict[str, Any], user: Any) -> bool:
    """修改受理信息: the state allows it and the user establishes the facts in the handling organ."""
    from ...lifecycle import corrections

    require, check = (getattr(corrections, f, None) for f in ("require_amendable", "check_amender"))
    if require is None or check is None:  # the service checks amendments elsewhere (its action table)
        return False
    return _accepts(view, lambda c: (require(c), check(c, _user(user))))


# The console's name of a table action where it differs.
CONSOLE_NAME = {table_id: name for name, table_id in TABLE_ID.items()}
TABLE_ORDER = (
    "approve",
    "reject",
    "send_back",
    "consent",
    "clarify",
    "notify",
    "archive",
    "plan_revisits",
    "revisit",
    "talk",
    "rectification",
    "resume",
    "amend",
    "close",
)


def _from_table(view: dict[str, Any], allowed: Collection[str]) -> list[Offer]:
    """The table's verdict, with the choices each form needs taken from the case (the methods it may use
    now, the recipients still due, the revisit methods and targets)."""
    offers = []
    for table_id in sorted(allowed, key=lambda a: TABLE_ORDER.index(a) if a in TABLE_ORDER else len(TABLE_ORDER)):
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
        elif table_id in TABLE_ORDER:
            offers.append(Offer(name))
    return offers


def allowed_ids(service: Any, case_id: str, user_name: str) -> set[str] | None:
    """What the service's action table allows (``None`` where the service has no such table)."""
    available = getattr(service, "available_actions", None)
    if available is None:
        return None
    return {action["id"] for action in available(case_id, user_name)}


def _derived(view: dict[str, Any], user: Any) -> list[Offer]:
    who = _user(user)
    offers: list[Offer] = []
    state = view["state"]
    if state in (State.PROPOSAL, State.APPROVAL) and not _took_earlier_step(view, who):
        if _accepts(view, lambda c: machine.approve(c, who)):
            offers.append(Offer("approve"))
            offers.append(Offer("reject"))
            if _accepts(view, lambda c: machine.send_back(c, who)):
                offers.append(Offer("send_back"))
    if state in (State.CONSENT, State.CLARIFICATION, State.CLARIFIED, State.REVISIT) and _accepts(
        view, lambda c: machine.record_consent(c, who, "given")
    ):
        needs = machine.needs_consent(view["decision"]) if view["kind"] != "fault_tolerance" else False
        if needs or view["consent"] or state == State.CONSENT:
            offers.append(Offer("consent", ("given", "declined", "withdrawn")))
    methods = tuple(
        m["method"] for m in view["methods"] if _accepts(view, lambda c, m=m: machine.clarify(c, who, m["method"]))
    )
    if methods:
        offers.append(Offer("clarify", methods))
    if state == State.CLARIFIED:
        missing = tuple(
            r
            for r in machine.missing_notifications(_case(view))
            if _accepts(view, lambda c, r=r: machine.notify(c, who, r))
        )
        if missing:
            offers.append(Offer("notify", missing))
    if _accepts(view, lambda c: machine.archive(c, who)):
        offers.append(Offer("archive"))
    if state in (State.ARCHIVED, State.REVISIT) and _accepts(view, lambda c: machine.plan_revisits(c, who)):
        offers.append(Offer("plan_revisits"))
    if state == State.REVISIT and _accepts(view, lambda c: machine.check_revisit(c, who, None, None)):
        offers.append(Offer("record_revisit", tuple(view["revisit"]["methods"]), tuple(view["revisit"]["targets"])))
    if state == State.REMINDER and _accepts(view, lambda c: machine.hold_talk(c, who)):
        offers.append(Offer("talk"))
    if state == State.PROBATION and _accepts(view, lambda c: machine.record_rectification(c, who)):
        offers.append(Offer("rectification"))
    if state == State.DEFERRED and _accepts(view, lambda c: machine.check_implementer(c, who)):
        offers.append(Offer("resume"))
    if _accepts(view, lambda c: machine.close(c, who, "—" if state == State.DEFERRED else None)):
        offers.append(Offer("close"))
    return offers
