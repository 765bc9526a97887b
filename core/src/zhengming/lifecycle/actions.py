"""Lifecycle actions on stored cases, inside the caller's transaction.

Each action runs the state machine (:mod:`.machine`) on the loaded ``CaseRecord``, adds the record of
what was done (approval, consent, clarification, notification, revisit), flushes — the version
check of optimistic locking happens here: a case changed since it was read raises
:class:`~.errors.CaseConflict` — and appends the audit event with the state before and after. The
caller commits: state change, record and audit event land together or not at all.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..model import StepAction, Text
from ..store import audit, integrity
from ..store.models import (
    Approval,
    CaseFigure,
    CaseRecord,
    Clarification,
    Consent,
    NotificationRecord,
    RevisitRecord,
    User,
)
from . import machine
from .errors import CaseConflict, CaseNotFound, NotPermitted, Unexplained, UserNotFound
from .usernames import normalise


def load_case(session: Session, case_id: str) -> CaseRecord:
    case = session.scalars(select(CaseRecord).where(CaseRecord.case_id == case_id)).one_or_none()
    if case is None:
        raise CaseNotFound(case_id)
    return case


def load_user(session: Session, name: str) -> User:
    user = session.scalars(select(User).where(User.name == normalise(name))).one_or_none()
    if user is None:
        raise UserNotFound(name)
    return user


def require_visible(session: Session, case: CaseRecord, user: User | str) -> None:
    """Need-to-know: a case the user has no business with is, to them, a case that does not exist."""
    from ..security.need_to_know import can_see

    if isinstance(user, str):
        user = load_user(session, user)
    if not can_see(user, case):
        raise CaseNotFound(case.case_id)


def require_explained(session: Session, case: CaseRecord, label: Text) -> None:
    """Refuse to act on a case whose stored row its audit chain does not explain (edited behind the
    application's back): :class:`~.errors.Unexplained` naming the columns."""
    problems = audit.case_unexplained(session, case)
    if problems:
        raise Unexplained(case.case_id, label, problems)


def snapshot(case: CaseRecord) -> dict[str, Any]:
    """The part of a case an audit event records before and after a change."""
    return {
        "state": case.state,
        "current_step": case.current_step,
        "consent": case.consent,
        "close_reason": case.close_reason,
        "version": case.version,
    }


def commit_change(
    session: Session,
    case: CaseRecord,
    *,
    actor: str,
    action: str,
    label: Text,
    before: dict[str, Any],
    detail: dict[str, Any] | None = None,
    now: datetime,
) -> None:
    """Flush the change (version check) and append its audit event."""
    case_id = case.case_id  # read before the flush: a failed flush expires the object
    case.updated_at = now
    written = [case, *(o for o in (*session.new, *session.dirty) if o is not case and integrity.tracked(o))]
    try:
        session.flush()
    except StaleDataError:
        raise CaseConflict(case_id, label) from None
    after = snapshot(case) | (detail or {})
    audit.append(session, actor=actor, action=action, case_id=case.case_id, before=before, after=after, rows=written)


def _add(session: Session, case: CaseRecord, record: Any) -> None:
    """Add a record of something done to the case (without loading the case's collection)."""
    record.case_pk = case.id
    session.add(record)


def _step_record(
    session, case: CaseRecord, user: User, index: int, step: dict[str, Any], decision: str, comment: str, now, given_on
):
    _add(
        session,
        case,
        Approval(
            step_index=index,
            role=step["role"],
            level=step.get("level"),
            action=step["action"],
            decision=decision,
            comment=comment,
            actor=user.name,
            at=now,
            given_on=given_on,
        ),
    )


def _paper_date(session: Session, case: CaseRecord, paper: tuple[date, date] | None) -> date | None:
    """The date on paper of a step being recorded (``paper``: that date and today), checked against today,
    the case's opening and its previous step (:func:`.corrections.check_paper_date`)."""
    if paper is None:
        return None
    from .corrections import check_paper_date, previous_step_date

    given_on, today = paper
    previous = previous_step_date(session, case)
    check_paper_date(case.case_id, given_on, today=today, opened_at=case.opened_at, previous=previous)
    return given_on


JUDGEMENTS = frozenset({StepAction.DELIBERATE, StepAction.REVIEW, StepAction.APPROVE, StepAction.DECIDE})


def check_separation(session: Session, case: CaseRecord, user: User) -> None:
    """Separation of duties (职责分离): whoever took an earlier step of a case (proposed, approved, sent
    back) takes no later step of it, so every step is one more person's judgement, as the rules' distinct
    roles intend. A step taken again after a send-back may be taken by the same person. Steps that
    judge (deliberate, review, approve, decide) are checked; proposing, reporting, notifying and
    consulting are not judgements of an earlier step."""
    if not case.steps or case.current_step >= len(case.steps):
        return
    if case.steps[case.current_step]["action"] not in JUDGEMENTS:
        return
    earlier = session.scalar(
        select(Approval.step_index)
        .where(Approval.case_pk == case.id, Approval.actor == user.name, Approval.step_index < case.current_step)
        .order_by(Approval.step_index)
        .limit(1)
    )
    if earlier is not None:
        raise NotPermitted(
            case.case_id,
            user.name,
            Text(
                f"职责分离：该用户已办理本案第 {earlier + 1} 步，不能再办理其后的第 {case.current_step + 1} 步",
                f"separation of duties: the user took step {earlier + 1} of this case and may not take "
                f"the later step {case.current_step + 1}",
            ),
        )


def _step_detail(index: int, step: dict[str, Any], comment: str, given_on: date | None) -> dict[str, Any]:
    detail = {"step": index, "role": step["role"], "comment": comment}
    if given_on is not None:  # signed on paper on that date, recorded now
        detail |= {"on_paper": True, "given_on": given_on.isoformat()}
    return detail


def _step_action(session, case, user, comment, now, *, run, name, label, decision, paper=None):
    before = snapshot(case)
    check_separation(session, case, user)
    index, step = run(case, user)
    given_on = _paper_date(session, case, paper)
    _step_record(session, case, user, index, step, decision, comment, now, given_on)
    detail = _step_detail(index, step, comment, given_on)
    commit_change(session, case, actor=user.name, action=name, label=label, before=before, detail=detail, now=now)


def approve(session: Session, case: CaseRecord, user: User, comment: str, now: datetime, *, paper=None) -> None:
    _step_action(
        session,
        case,
        user,
        comment,
        now,
        run=machine.approve,
        name="approve",
        label=machine.APPROVE,
        decision="approved",
        paper=paper,
    )


def reject(session: Session, case: CaseRecord, user: User, comment: str, now: datetime, *, paper=None) -> None:
    before = snapshot(case)
    check_separation(session, case, user)
    index, step = machine.reject(case, user)
    given_on = _paper_date(session, case, paper)
    case.close_reason = "rejected"
    _step_record(session, case, user, index, step, "rejected", comment, now, given_on)
    detail = _step_detail(index, step, comment, given_on)
    commit_change(
        session, case, actor=user.name, action="reject", label=machine.REJECT, before=before, detail=detail, now=now
    )


def send_back(session: Session, case: CaseRecord, user: User, comment: str, now: datetime, *, paper=None) -> None:
    _step_action(
        session,
        case,
        user,
        comment,
        now,
        run=machine.send_back,
        name="send_back",
        label=machine.SEND_BACK,
        decision="sent_back",
        paper=paper,
    )


def consent(session: Session, case: CaseRecord, user: User, status: str, comment: str, now: datetime) -> None:
    before = snapshot(case)
    machine.record_consent(case, user, status)
    _add(session, case, Consent(status=status, comment=comment, actor=user.name, at=now))
    commit_change(
        session,
        case,
        actor=user.name,
        action="consent",
        label=machine.CONSENT,
        before=before,
        detail={"status": status},
        now=now,
    )


def clarify(session: Session, case: CaseRecord, user: User, method: str, on: date, scope: str, now: datetime) -> None:
    before = snapshot(case)
    machine.clarify(case, user, method)
    _add(session, case, Clarification(method=method, carried_out_on=on, scope=scope, actor=user.name, at=now))
    _count_clarification(session, case, method, on)
    detail = {"method": method, "on": on.isoformat(), "scope": scope}
    commit_change(
        session, case, actor=user.name, action="clarify", label=machine.CLARIFY, before=before, detail=detail, now=now
    )


def _count_clarification(session: Session, case: CaseRecord, method: str, on: date) -> None:
    """Keep the case's statistics row (``case_figures``) in step: the report counts the case from its
    first clarification, under each method, without reading ``clarifications``."""
    from ..reports.figures import figures_of, with_clarification

    figure = session.get(CaseFigure, case.id)
    if figure is None:  # a case stored without its figures: count it from its stored documents
        columns = figures_of(case.kind, case.jurisdiction, case.as_of, case.outcome, case.document, case.decision)
        seats = {"handling_organ": case.handling_organ, "handling_level": case.handling_level, "seats": case.seats}
        figure = CaseFigure(case_pk=case.id, **columns, **seats)
        session.add(figure)
    figure.counted_on, figure.methods = with_clarification(figure.counted_on, figure.methods, method, on)


def notify(session: Session, case: CaseRecord, user: User, recipient: str, on: date, now: datetime) -> None:
    before = snapshot(case)
    machine.notify(case, user, recipient)
    case.notifications.append(
        NotificationRecord(recipient=recipient, notified_on=on, actor=user.name, at=now)
    )  # read by the next notify
    detail = {"recipient": recipient, "on": on.isoformat()}
    commit_change(
        session, case, actor=user.name, action="notify", label=machine.NOTIFY, before=before, detail=detail, now=now
    )


def archive(session: Session, case: CaseRecord, user: User, now: datetime) -> None:
    before = snapshot(case)
    machine.archive(case, user)
    commit_change(session, case, actor=user.name, action="archive", label=machine.ARCHIVE, before=before, now=now)


def plan_revisits(session: Session, case: CaseRecord, user: User, dates: list[date], now: datetime) -> None:
    before = snapshot(case)
    machine.plan_revisits(case, user)
    for day in sorted(dates):
        case.revisits.append(RevisitRecord(planned_on=day, actor=user.name, at=now))
    detail = {"planned": [d.isoformat() for d in sorted(dates)]}
    commit_change(
        session,
        case,
        actor=user.name,
        action="plan_revisits",
        label=machine.REVISIT,
        before=before,
        detail=detail,
        now=now,
    )


def record_revisit(
    session: Session,
    case: CaseRecord,
    user: User,
    *,
    on: date,
    method: str | None,
    target: str | None,
    note: str,
    now: datetime,
) -> None:
    """A revisit done: it fulfils the earliest planned one still open (or is added unplanned)."""
    before = snapshot(case)
    machine.check_revisit(case, user, method, target)
    record = next((r for r in sorted(case.revisits, key=lambda r: r.planned_on) if r.done_on is None), None)
    if record is None:
        record = RevisitRecord(planned_on=on, actor=user.name, at=now)
        case.revisits.append(record)
    record.done_on, record.method, record.target, record.note = on, method, target, note
    record.actor, record.at = user.name, now
    detail = {
        "planned_on": record.planned_on.isoformat(),
        "done_on": on.isoformat(),
        "method": method,
        "target": target,
    }
    commit_change(
        session, case, actor=user.name, action="revisit", label=machine.REVISIT, before=before, detail=detail, now=now
    )


def close(session: Session, case: CaseRecord, user: User, reason: str | None, now: datetime) -> None:
    before = snapshot(case)
    case.close_reason = machine.close(case, user, reason)
    commit_change(session, case, actor=user.name, action="close", label=machine.CLOSE, before=before, now=now)
