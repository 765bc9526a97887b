"""The lifecycle as one table of actions: where each applies, who may take it, what it writes.

Each :class:`Action` row says, as data, what every layer needs to know about one lifecycle verb:

- ``id``: the verb (``CaseService.act(case_id, "approve", actor)``), also the audit event's ``action``;
- ``label``: its zh/en name (errors, buttons, the CLI's help);
- ``states`` (and ``kinds``): where it applies; ``precondition``: what else the case must satisfy before
  anyone may take it (every recipient told before archiving …), without looking at the parameters;
- ``who``: :data:`STEP_HOLDER` (whoever fits the current step's role, organ and level; separation of
  duties applies to judging steps) or :data:`IMPLEMENTER` (the decision's implementers, else the
  handling organ);
- ``writes``: the tables of the records it adds besides the case row; ``params``: what it takes, each
  date parameter with its :class:`DateBounds` (a day something was done is neither after the office's
  today nor before the case was opened; a planned day is not before the opening), checked by
  :meth:`Action.apply` before the change;
- ``change``: the change itself, on a case in memory, returning the :class:`Effect` to store.

The executor (:mod:`.actions`) runs any row the same way — load, check state, who and separation,
apply, write the case with its version check, the records and the audit event in one transaction —
and :func:`available` tells a console which actions the case's state and a user allow.

To add an action: write its ``change`` (and a ``precondition`` if it has one) here, add the row to
:data:`ACTIONS`; ``CaseService.act`` and ``available_actions`` take it from there. A command-line
verb or HTTP endpoint only maps its options to ``params``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

import attrs

from ..i18n import Message
from ..labels import typed
from ..model import Recipient, Text
from . import machine
from .errors import ConsentRequired, InvalidDate, InvalidTransition, InvalidValue, NotPermitted
from .states import State

STEP_HOLDER = "step_holder"
IMPLEMENTER = "implementer"
AMENDER = "amender"  # the handling organ's officers who establish the facts (.corrections)


@attrs.frozen
class DateBounds:
    """Where a date given to an action may fall, in the office's days: not after today (something done
    cannot be dated in the future), not before the case was opened (nothing is done on a case, nor
    planned for it, before it was taken in)."""

    not_after_today: bool
    not_before_opening: bool = True

    def check(self, field: str, name: Text, day: date, *, case_id: str, today: date, opened: date) -> None:
        """:raises InvalidDate: naming ``field``, when ``day`` is out of these bounds."""
        if self.not_after_today and day > today:
            raise InvalidDate(field, Message("{name} {day} is after today ({today})", name=name, day=day, today=today))
        if self.not_before_opening and day < opened:
            raise InvalidDate(
                field,
                Message(
                    "{name} {day} is before case {case_id} was opened ({opened})",
                    name=name,
                    day=day,
                    case_id=case_id,
                    opened=opened,
                ),
            )


DONE = DateBounds(not_after_today=True)  # the day something was done
PLANNED = DateBounds(not_after_today=False)  # a day planned ahead


@attrs.frozen
class Param:
    """One parameter of an action: its keyword, type and label; ``choices`` for a closed set; ``bounds``
    for a date (or dates) checked against the office's today and the case's opening."""

    name: str
    type: str  # text, date, dates, bool, choice, texts, document
    label: Text
    required: bool = False
    choices: tuple[str, ...] = ()
    bounds: DateBounds | None = None

    def days(self, params: Mapping[str, Any]) -> list[date]:
        """The dates given for this parameter in ``params`` (none when it is not a bounded date)."""
        value = params.get(self.name) if self.bounds is not None else None
        if value is None:
            return []
        return [d for d in value if d is not None] if self.type == "dates" else [value]

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "label": {"zh": self.label.zh, "en": self.label.en},
            "required": self.required,
            "choices": list(self.choices),
        }


@attrs.define
class Effect:
    """What an action wrote besides the case's own columns: records to add (``(table, values)``),
    records changed (``(table, values with id)``), the audit event's detail, what changes in the case's
    statistics row (``case_figures``), and anything returned to the caller beside the case (``result``)."""

    records: list[tuple[str, dict[str, Any]]] = attrs.field(factory=list)
    updates: list[tuple[str, dict[str, Any]]] = attrs.field(factory=list)
    detail: dict[str, Any] = attrs.field(factory=dict)
    figure: dict[str, Any] | None = None  # columns of the case's case_figures row to set
    figure_row: dict[str, Any] | None = None  # the whole row, written if the case has none yet
    result: dict[str, Any] = attrs.field(factory=dict)
    noop: bool = False  # nothing to write (an amendment that changes nothing)


@attrs.frozen
class Action:
    """One row of the lifecycle table (see the module's docstring)."""

    id: str
    label: Text
    states: frozenset[State]
    who: str
    change: Callable[[Any, Any, Mapping[str, Any], Any], Effect]
    writes: tuple[str, ...] = ()
    params: tuple[Param, ...] = ()
    kinds: frozenset[str] | None = None  # None: every kind of case
    precondition: Callable[[Any, Mapping[str, Any] | None], None] | None = None
    needs: tuple[str, ...] = ()  # records of the case the action reads: "notifications", "revisits"
    repeat: str | None = None  # a list parameter: one event (and version step) per item
    state_hint: Text | None = None  # said when the state does not allow the action

    def apply(self, case: Any, user: Any, params: Mapping[str, Any], ctx: Any) -> Effect:
        """Check the dates given against their bounds, then make the change on the case in memory."""
        opened = None
        for param in self.params:
            for day in param.days(params):
                opened = opened or ctx.office_date(case.opened_at)
                param.bounds.check(
                    "/" + param.name, param.label, day, case_id=case.case_id, today=ctx.today(), opened=opened
                )
        return self.change(case, user, params, ctx)

    def as_json(self) -> dict[str, Any]:
        """The row as data, for a console or an API description."""
        return {
            "id": self.id,
            "label": {"zh": self.label.zh, "en": self.label.en},
            "states": sorted(s.value for s in self.states),
            "who": self.who,
            "writes": list(self.writes),
            "params": [p.as_json() for p in self.params],
        }


# --- parameters ----------------------------------------------------------------------------------

COMMENT = Param("comment", "text", Message("comment"))
ON = Param("on", "date", Message("date"), bounds=DONE)
GIVEN_ON = Param("given_on", "date", Message("the date signed on paper"))


# --- approval steps ----------------------------------------------------------------------------


def _step_record(case: Any, user: Any, index: int, decision: str, params: Mapping[str, Any], ctx: Any) -> Effect:
    step = case.steps[index]
    comment = params.get("comment") or ""
    given_on = _paper_date(case, params, ctx)
    record = {
        "step_index": index,
        "role": step["role"],
        "level": step.get("level"),
        "action": step["action"],
        "decision": decision,
        "comment": comment,
        "actor": user.name,
        "at": ctx.now(),
        "given_on": given_on,
        "superseded_at": None,
    }
    detail = {"step": index, "role": step["role"], "comment": comment}
    if given_on is not None:  # signed on paper on that date, recorded now
        detail |= {"on_paper": True, "given_on": given_on.isoformat()}
    return Effect(records=[("approvals", record)], detail=detail)


def _paper_date(case: Any, params: Mapping[str, Any], ctx: Any) -> date | None:
    """The date on paper of a step signed on paper (纸质审批补录), checked against today, the case's
    opening and its previous step (:func:`.corrections.check_paper_date`); ``None``: not on paper."""
    given_on = params.get("given_on")
    if given_on is None:
        return None
    from .corrections import check_paper_date

    previous = ctx.previous_step_date(case)
    opened = ctx.office_date(case.opened_at)
    check_paper_date(case.case_id, given_on, today=ctx.today(), opened=opened, previous=previous)
    return given_on


def _approve(case: Any, user: Any, params: Mapping[str, Any], ctx: Any) -> Effect:
    """The user takes the current step; the case moves to the next step or past the last one."""
    index = case.current_step
    effect = _step_record(case, user, index, "approved", params, ctx)
    machine.advance(case)
    return effect


def _reject(case: Any, user: Any, params: Mapping[str, Any], ctx: Any) -> Effect:
    """The step's holder refuses: the case ends as rejected."""
    effect = _step_record(case, user, case.current_step, "rejected", params, ctx)
    case.state, case.close_reason = State.REJECTED.value, "rejected"
    return effect


def _first_step_has_nothing_before(case: Any, _params: Mapping[str, Any] | None) -> None:
    if case.current_step == 0:
        raise InvalidTransition(
            case.case_id, case.state, SEND_BACK.label, Message("the first step has nothing before it")
        )


def _send_back(case: Any, user: Any, params: Mapping[str, Any], ctx: Any) -> Effect:
    """退回: the step's holder returns the case to the previous step."""
    effect = _step_record(case, user, case.current_step, "sent_back", params, ctx)
    machine.step_back(case)
    return effect


# --- consent and clarification -----------------------------------------------------------------


def _consent(case: Any, user: Any, params: Mapping[str, Any], ctx: Any) -> Effect:
    status = params.get("status")
    machine.record_consent(case, status)
    comment = params.get("comment") or ""
    record = {"status": status, "comment": comment, "actor": user.name, "at": ctx.now()}
    return Effect(records=[("consents", record)], detail={"status": status})


def _check_status(_case: Any, params: Mapping[str, Any] | None) -> None:
    if params is not None:
        machine.check_consent_status(params.get("status"))


def _clarify(case: Any, user: Any, params: Mapping[str, Any], ctx: Any) -> Effect:
    """A clarification carried out by ``method``; refused without consent where the method needs it."""
    method = params.get("method")
    option = machine.method_option(case, method)
    if option["consent_required"] and case.consent != "given":
        raise ConsentRequired(case.case_id, method, case.consent)
    case.state = State.CLARIFIED.value
    on, scope = params.get("on") or ctx.today(), params.get("scope") or ""
    record = {"method": method, "carried_out_on": on, "scope": scope, "actor": user.name, "at": ctx.now()}
    detail = {"method": method, "on": on.isoformat(), "scope": scope}
    effect = Effect(records=[("clarifications", record)], detail=detail)
    _count_clarification(case, method, on, effect, ctx)
    return effect


def _count_clarification(case: Any, method: str, on: date, effect: Effect, ctx: Any) -> None:
    """Keep the case's statistics row in step: the report counts the case from its first clarification,
    under each method, without reading ``clarifications``."""
    from ..reports.figures import figures_of, with_clarification

    figure = ctx.figure(case)
    if figure is None:  # a case stored without its figures: count it from its stored documents
        figure = figures_of(case.kind, case.jurisdiction, case.as_of, case.outcome, case.document, case.decision)
        figure |= {"handling_organ": case.handling_organ, "handling_level": case.handling_level, "seats": case.seats}
        effect.figure_row = figure
    counted_on, methods = with_clarification(figure.get("counted_on"), figure.get("methods"), method, on)
    effect.figure = {"counted_on": counted_on, "methods": methods}
    if effect.figure_row is not None:
        effect.figure_row = effect.figure_row | effect.figure


def _check_method(case: Any, params: Mapping[str, Any] | None) -> None:
    if params is not None:
        machine.method_option(case, params.get("method"))


# --- notifications, archive, revisits, close ---------------------------------------------------


def _notify(case: Any, user: Any, params: Mapping[str, Any], ctx: Any) -> Effect:
    recipient = params["recipient"]
    machine.check_recipient(case, recipient)
    on = params.get("on") or ctx.today()
    record = {"recipient": recipient, "notified_on": on, "actor": user.name, "at": ctx.now()}
    case.notifications.append(machine.Done(recipient=recipient))  # read by the next recipient's check
    return Effect(records=[("notifications", record)], detail={"recipient": recipient, "on": on.isoformat()})


def _check_recipients(case: Any, params: Mapping[str, Any] | None) -> None:
    for recipient in (params or {}).get("recipients") or ():
        machine.check_recipient(case, recipient)


def _all_notified(case: Any, _params: Mapping[str, Any] | None) -> None:
    missing = machine.missing_notifications(case) if case.state == State.CLARIFIED else []
    if missing:
        raise InvalidTransition(
            case.case_id,
            case.state,
            ARCHIVE.label,
            Message("still to notify: {missing}", missing=typed(Recipient, missing)),
        )


def _archive(case: Any, _user: Any, _params: Mapping[str, Any], _ctx: Any) -> Effect:
    case.state = State.ARCHIVED.value
    return Effect()


def _revisits_required(case: Any, _params: Mapping[str, Any] | None) -> None:
    if not machine.revisit_required(case):
        raise InvalidTransition(case.case_id, case.state, PLAN_REVISITS.label, Message("the rules require no revisit"))


def _plan_revisits(case: Any, user: Any, params: Mapping[str, Any], ctx: Any) -> Effect:
    dates = sorted(params.get("dates") or ())
    if not dates:
        raise InvalidValue("/dates", Message("give at least one date"))
    case.state = State.REVISIT.value
    now = ctx.now()
    records = [("revisits", _revisit_row(day, user.name, now)) for day in dates]
    return Effect(records=records, detail={"planned": [d.isoformat() for d in dates]})


def _revisit_row(planned_on: date, actor: str, now: Any) -> dict[str, Any]:
    return {
        "planned_on": planned_on,
        "done_on": None,
        "method": None,
        "target": None,
        "note": "",
        "actor": actor,
        "at": now,
    }


def _check_revisit(case: Any, params: Mapping[str, Any] | None) -> None:
    if params is not None:
        machine.check_revisit_values(case, params.get("method"), params.get("target"))


def _record_revisit(case: Any, user: Any, params: Mapping[str, Any], ctx: Any) -> Effect:
    """A revisit done: it fulfils the earliest planned one still open (or is added unplanned)."""
    on, method, target = params.get("on") or ctx.today(), params.get("method"), params.get("target")
    now = ctx.now()
    done = {"done_on": on, "method": method, "target": target, "note": params.get("note") or ""}
    done |= {"actor": user.name, "at": now}
    planned = next((r for r in sorted(case.revisits, key=lambda r: r.planned_on) if r.done_on is None), None)
    effect = Effect()
    if planned is None:
        planned_on = on
        effect.records.append(("revisits", _revisit_row(on, user.name, now) | done))
    else:
        planned_on = planned.planned_on
        effect.updates.append(("revisits", planned.values | done))
    effect.detail = {
        "planned_on": planned_on.isoformat(),
        "done_on": on.isoformat(),
        "method": method,
        "target": target,
    }
    return effect


def _may_close(case: Any, params: Mapping[str, Any] | None) -> None:
    machine.close_reason(case, (params or {}).get("reason"), require_reason=params is not None)


def _close(case: Any, _user: Any, params: Mapping[str, Any], _ctx: Any) -> Effect:
    case.close_reason = machine.close_reason(case, params.get("reason"))
    case.state = State.CLOSED.value
    return Effect()


# --- decided again on new facts: resume, the reminder talk, the probation's result --------------


def _resume(case: Any, user: Any, params: Mapping[str, Any], ctx: Any) -> Effect:
    """A deferred case whose other clues are verified: its updated document is evaluated again; only an
    update of the same case is accepted, and what changed is recorded."""
    from .reevaluate import differences

    evaluated = params.get("evaluated") or ctx.evaluate(params.get("document"), case.case_id)
    machine.require_same_case(case.document, evaluated.document)
    changes = differences(case.document, evaluated.document)
    sealed = ctx.seal(evaluated, case) if evaluated.reporter else case.reporter_sealed
    row = ctx.case_row(evaluated, sealed=sealed, actor=case.opened_by)
    for key in ("opened_by", "opened_at", "case_id", "version", "parties", "parties_sealed", "updated_at"):
        row.pop(key)
    for key, value in row.items():
        setattr(case, key, value)
    detail = {
        "outcome": case.outcome,
        "rules_fingerprint": case.rules_fingerprint,
        "changed": [c["pointer"] for c in changes],
    }
    figure = ctx.figures(evaluated, row | {"as_of": case.as_of})
    return Effect(detail=detail, figure=figure, figure_row=figure, result={"changes": changes})


def _decide_on_facts(probation: dict[str, Any]) -> Callable[..., Effect]:
    def apply(case: Any, _user: Any, _params: Mapping[str, Any], ctx: Any) -> Effect:
        document = dict(case.document)
        document["probation"] = {**document.get("probation", {}), **probation}
        evaluated = ctx.evaluate(document, case.case_id)
        row = ctx.case_row(evaluated, sealed=case.reporter_sealed, actor=case.opened_by)
        case.document, case.decision, case.outcome, case.due_on = (
            document,
            row["decision"],
            row["outcome"],
            row["due_on"],
        )
        case.chain, case.plugin_versions = row["chain"], row["plugin_versions"]
        case.rules_fingerprint = row["rules_fingerprint"]
        case.state = machine.after_facts(case.kind, case.decision, document).value
        due = row["due_on"].isoformat() if row["due_on"] else None
        # the statistics count the outcome decided on the new facts
        return Effect(detail={**probation, "outcome": case.outcome, "due_on": due}, figure={"outcome": case.outcome})

    return apply


def _talk(case: Any, user: Any, params: Mapping[str, Any], ctx: Any) -> Effect:
    """The reminder talk (谈话提醒) held: the probation starts and runs to its end date."""
    on = params.get("on") or ctx.today()
    return _decide_on_facts({"started_on": on.isoformat()})(case, user, params, ctx)


def _rectification(case: Any, user: Any, params: Mapping[str, Any], ctx: Any) -> Effect:
    """The probation's result: rectified in time or not; the rules then decide the outcome."""
    rectified = params.get("rectified")
    if not isinstance(rectified, bool):
        raise InvalidValue("/rectified", Message("must be true or false"))
    return _decide_on_facts({"rectified": rectified})(case, user, params, ctx)


# --- amending the intake (修改受理信息, .corrections) -------------------------------------------------


def _may_amend(case: Any, _params: Mapping[str, Any] | None) -> None:
    from . import corrections

    corrections.require_amendable(case, untouched=case.last_action in corrections.EVALUATIONS)


def _amend(case: Any, user: Any, params: Mapping[str, Any], ctx: Any) -> Effect:
    """Replace the intake document with a corrected one, decide the case again on it and record every
    field changed; approvals given on a decision that changed (timing aside) are superseded and the
    case starts again at its first step (see :mod:`.corrections`)."""
    from ..security.need_to_know import can_see
    from . import corrections
    from .roles import handling_seat, seat_misfit

    amended = corrections.amended_document(case, params.get("document"))
    evaluated = ctx.evaluate(amended, case.case_id)
    changes = corrections.changes_of(case.document, evaluated.document)
    sealer = ctx.service.sealer
    sealed = case.reporter_sealed
    if evaluated.reporter is not None:
        identity = evaluated.reporter
        if params.get("merge_reporter") and case.reporter_sealed is not None:
            identity = sealer.open(case.reporter_sealed, case.case_id) | identity
        sealed = sealer.seal(identity, case.case_id)
        changes.append(corrections.sealed_change(corrections.REPORTER))
    parties, parties_sealed = list(case.parties or ()), case.parties_sealed
    document = params.get("document")
    if isinstance(document, dict) and "concerns" in document:
        parties = list(evaluated.parties.listed)
        secret = evaluated.parties.secret
        parties_sealed = sealer.seal({"parties": list(secret)}, case.case_id) if secret else None
        changes += corrections.party_changes(case.parties or [], parties, bool(secret or case.parties_sealed))
    else:
        parties = corrections.kept_parties(case.kind, parties, evaluated.document)
    if not changes:
        return Effect(noop=True, result={"changes": [], "decision_changes": [], "approvals_reset": 0})

    now = ctx.now()
    row = ctx.case_row(evaluated, sealed=sealed, actor=case.opened_by)
    material = corrections.decision_changes(case.decision, row["decision"])
    for key in ("opened_by", "opened_at", "case_id", "version", "parties", "parties_sealed", "updated_at"):
        row.pop(key)
    if not material:
        for key in ("state", "current_step", "consent", "close_reason"):
            row.pop(key)
    effect = Effect()
    if material:
        effect.updates = [("approvals", a | {"superseded_at": now}) for a in ctx.standing_approvals(case)]
    for key, value in row.items():
        setattr(case, key, value)
    case.parties, case.parties_sealed = parties, parties_sealed
    if not can_see(user, case) or seat_misfit(user, handling_seat(case.kind, case.document)):
        raise NotPermitted(
            case.case_id,
            user.name,
            Message("the amendment would move the case out of the user's organ"),
        )
    effect.figure = effect.figure_row = ctx.figures(
        evaluated, row | {"as_of": case.as_of, "jurisdiction": case.jurisdiction}
    )
    recorded = [
        {"pointer": c["pointer"], "sealed": True}
        if c.get("sealed")
        else {"pointer": c["pointer"], "before": c["before"], "after": c["after"]}
        for c in changes
    ]
    reset = len(effect.updates)
    effect.detail = {
        "changed": recorded,
        "outcome": case.outcome,
        "rules_fingerprint": case.rules_fingerprint,
        "decision_changed": material,
        "approvals_reset": reset,
    }
    if reset:  # why the approvals were superseded: the decision they were given on (decision_changed) changed
        effect.detail["why"] = "decision_changed"
    effect.result = {"changes": changes, "decision_changes": material, "approvals_reset": reset}
    return effect


# --- the table -------------------------------------------------------------------------------------

APPROVE = Action(
    "approve",
    Message("approve"),
    frozenset({State.PROPOSAL, State.APPROVAL}),
    STEP_HOLDER,
    _approve,
    writes=("approvals",),
    params=(COMMENT, GIVEN_ON),
)
REJECT = Action(
    "reject",
    Message("reject"),
    frozenset({State.PROPOSAL, State.APPROVAL}),
    STEP_HOLDER,
    _reject,
    writes=("approvals",),
    params=(COMMENT, GIVEN_ON),
)
SEND_BACK = Action(
    "send_back",
    Message("send back"),
    frozenset({State.PROPOSAL, State.APPROVAL}),
    STEP_HOLDER,
    _send_back,
    writes=("approvals",),
    params=(COMMENT, GIVEN_ON),
    precondition=_first_step_has_nothing_before,
)
CONSENT = Action(
    "consent",
    Message("record consent"),
    frozenset({State.CONSENT, State.CLARIFICATION, State.CLARIFIED, State.REVISIT}),
    IMPLEMENTER,
    _consent,
    writes=("consents",),
    precondition=_check_status,
    params=(
        Param("status", "choice", Message("consent"), True, machine.CONSENT_STATUSES),
        COMMENT,
    ),
)
CLARIFY = Action(
    "clarify",
    Message("carry out a clarification"),
    frozenset({State.CONSENT, State.CLARIFICATION, State.CLARIFIED}),
    IMPLEMENTER,
    _clarify,
    writes=("clarifications",),
    params=(
        Param("method", "choice", Message("method"), True),
        ON,
        Param("scope", "text", Message("scope")),
    ),
    kinds=frozenset({"clarification"}),  # a revisit-education case awaits consent too, never a clarification
    precondition=_check_method,
)
NOTIFY = Action(
    "notify",
    Message("record a notification"),
    frozenset({State.CLARIFIED}),
    IMPLEMENTER,
    _notify,
    writes=("notifications",),
    params=(
        Param("recipients", "texts", Message("recipients (default: all still due)")),
        ON,
    ),
    precondition=_check_recipients,
    needs=("notifications",),
    repeat="recipients",
)
ARCHIVE = Action(
    "archive",
    Message("archive"),
    frozenset({State.CLARIFIED, State.DECIDED}),
    IMPLEMENTER,
    _archive,
    precondition=_all_notified,
    needs=("notifications",),
)
PLAN_REVISITS = Action(
    "plan_revisits",
    Message("plan revisits"),
    frozenset({State.ARCHIVED, State.REVISIT}),
    IMPLEMENTER,
    _plan_revisits,
    writes=("revisits",),
    params=(Param("dates", "dates", Message("dates"), True, bounds=PLANNED),),
    precondition=_revisits_required,
)
REVISIT = Action(
    "revisit",
    Message("record a revisit"),
    frozenset({State.REVISIT}),
    IMPLEMENTER,
    _record_revisit,
    writes=("revisits",),
    params=(
        ON,
        Param("method", "text", Message("method")),
        Param("target", "text", Message("target")),
        Param("note", "text", Message("note")),
    ),
    precondition=_check_revisit,
    needs=("revisits",),
    state_hint=Message("plan the revisits first"),
)
CLOSE = Action(
    "close",
    machine.CLOSE,
    frozenset({State.ARCHIVED, State.REVISIT, State.CONSENT, State.DEFERRED}),
    IMPLEMENTER,
    _close,
    params=(Param("reason", "text", Message("reason")),),
    precondition=_may_close,
    needs=("revisits",),
)
RESUME = Action(
    "resume",
    Message("resume"),
    frozenset({State.DEFERRED}),
    IMPLEMENTER,  # a deferred case has no implementers: its handling organ
    _resume,
    params=(Param("document", "document", Message("the updated case document"), True),),
)
TALK = Action(
    "talk",
    Message("record the reminder talk"),
    frozenset({State.REMINDER}),
    IMPLEMENTER,
    _talk,
    params=(ON,),
)
RECTIFICATION = Action(
    "rectification",
    Message("record the probation's result"),
    frozenset({State.PROBATION}),
    IMPLEMENTER,
    _rectification,
    params=(Param("rectified", "bool", Message("rectified"), True),),
)

AMEND = Action(
    "amend",
    Message("amend the intake"),
    frozenset(State),  # which states allow it, and why not, is the precondition's to say
    AMENDER,
    _amend,
    writes=("approvals",),
    params=(
        Param("document", "document", Message("the corrected intake document"), True),
        Param("merge_reporter", "bool", Message("merge the reporter into the sealed one")),
    ),
    precondition=_may_amend,
)

ACTIONS: tuple[Action, ...] = (
    APPROVE,
    REJECT,
    SEND_BACK,
    CONSENT,
    CLARIFY,
    NOTIFY,
    ARCHIVE,
    PLAN_REVISITS,
    REVISIT,
    TALK,
    RECTIFICATION,
    RESUME,
    AMEND,
    CLOSE,
)
BY_ID: dict[str, Action] = {a.id: a for a in ACTIONS}


def action(action_id: str) -> Action:
    """The row of ``action_id``; an unknown id is an :class:`InvalidValue` at ``/action``."""
    found = BY_ID.get(action_id)
    if found is None:
        raise InvalidValue(
            "/action",
            Message("unknown action {action_id}; use {BY_ID}", action_id=action_id, BY_ID=", ".join(BY_ID)),
        )
    return found


# --- running a row on a case in memory --------------------------------------------------------------


def check(row: Action, case: Any, user: Any, params: Mapping[str, Any] | None = None) -> None:
    """Everything but separation of duties that decides whether ``user`` may take ``row`` on ``case``
    now: the state, the precondition (with ``params``; ``None``: the parts that need none), who."""
    if case.state not in row.states or (row.kinds is not None and case.kind not in row.kinds):
        raise InvalidTransition(case.case_id, case.state, row.label, row.state_hint)
    if row.precondition is not None:
        row.precondition(case, params)
    reason = misfit(row, case, user)
    if reason is not None:
        raise NotPermitted(case.case_id, user.name, reason)


def misfit(row: Action, case: Any, user: Any) -> Text | None:
    """Why ``user`` is not the one to take ``row`` on ``case`` (``None``: they are)."""
    if row.who == STEP_HOLDER:
        return machine.step_misfit(case, user)
    if row.who == AMENDER:
        from .corrections import amender_misfit

        return amender_misfit(case, user)
    return machine.implementer_misfit_of(case, user)


def items(row: Action, case: Any, params: Mapping[str, Any]) -> Sequence[Mapping[str, Any]]:
    """The parameters of each event ``row`` writes: one, or one per item of its ``repeat`` list."""
    if row.repeat is None:
        return [params]
    chosen = list(params.get(row.repeat) or ()) or machine.missing_notifications(case)
    single = row.repeat.removesuffix("s")
    return [dict(params) | {single: item} for item in chosen]


def run(row: Action, case: Any, user: Any, params: Mapping[str, Any], ctx: Any) -> list[Effect]:
    """Check and apply ``row`` to a case in memory (no storage, no separation of duties: that needs the
    case's history): the effects, one per event."""
    check(row, case, user, params)
    return [row.apply(case, user, each, ctx) for each in items(row, case, params)]


def available(case: Any, user: Any, *, separated: Callable[[Action], bool] = lambda _row: True) -> list[Action]:
    """The actions ``user`` may take on ``case`` in its current state (parameters not yet chosen);
    ``separated(row)``: whether separation of duties lets the user take that step."""
    found = []
    for row in ACTIONS:
        try:
            check(row, case, user)
        except (InvalidTransition, NotPermitted, InvalidValue):
            continue
        if row.who == STEP_HOLDER and not separated(row):
            continue
        found.append(row)
    return found
