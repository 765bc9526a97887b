"""Reporter custody (举报人身份保管): the sealed identity (and the sealed names of the people a case
concerns who reported, such as a false accusation's accuser) is opened only through a request a handling
officer files with a reason, which a *different* user, a custodian in a discipline commission at
county level or higher, approves or refuses — and only where the case's rules allow tracing. An
approved request is good for a limited time and shows the identity once, to the requester. Every
step is audited in the same transaction as the change it records; no event holds the identity.

Feedback to a real-name reporter (向实名举报人反馈) is recorded with its channel and summary only:
nobody needs the identity for it, and nobody is shown it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..clock import office_date
from ..i18n import Message
from ..model import Level, Organ, Role, Text
from ..store import Store, audit
from ..store.crypto import Sealer
from ..store.models import CaseRecord, ReporterFeedback, RevealRequest, User
from . import actions, table
from .errors import InvalidTransition, InvalidValue, LifecycleError, NotPermitted
from .roles import handling_seat, seat_misfit
from .tracing import tracing_allowed

CUSTODIAN = "custodian"
DEFAULT_VALID = timedelta(hours=24)
MAX_VALID = timedelta(days=7)
HANDLING_ROLES = {Role.HANDLING_DEPARTMENT.value, Role.VERIFICATION_TEAM.value}
CUSTODY_LEVELS = {Level.COUNTY.value, Level.CITY.value, Level.PROVINCE.value}
FILE = Message("request the reporter's identity")
DECIDE = Message("decide on a request for the reporter's identity")
SHOW = Message("see the reporter's identity")
FEEDBACK = Message("give the reporter feedback")


class RequestNotFound(LifecycleError):
    code = "not_found"
    exit_code = 6

    def __init__(self, request_id: int):
        self.request_id = request_id
        super().__init__(Message("reveal request {request_id} does not exist", request_id=request_id))


class RequestClosed(LifecycleError):
    """The request cannot do what was asked in its status (decided, shown, expired...)."""

    code = "request_closed"

    def __init__(self, request_id: int, status: str, what: Text):
        self.request_id, self.status = request_id, status
        name = {
            "pending": Message("reveal request: pending"),
            "approved": Message("reveal request: approved"),
            "refused": Message("reveal request: refused"),
            "shown": Message("reveal request: shown already (once only)"),
            "expired": Message("reveal request: expired"),
        }[status]
        super().__init__(
            Message(
                "reveal request {request_id} is {status}: cannot {what}", request_id=request_id, status=name, what=what
            )
        )


def request_view(request: RevealRequest, case_id: str) -> dict[str, Any]:
    def iso(value):
        return value.isoformat() if value else None

    return {
        "id": request.id,
        "case_id": case_id,
        "requester": request.actor,
        "reason": request.reason,
        "status": request.status,
        "filed_at": iso(request.at),
        "decided_by": request.decided_by,
        "decided_at": iso(request.decided_at),
        "comment": request.decision_comment,
        "expires_at": iso(request.expires_at),
        "shown_at": iso(request.shown_at),
    }


def _aware(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


class Custody:
    """Reveal requests and reporter feedback on the cases of one store."""

    def __init__(self, store: Store, *, now: Callable[[], datetime] | None = None, sealer: Sealer | None = None):
        self.store = store
        self.now = now or (lambda: datetime.now(UTC))
        self._sealer = sealer

    @property
    def sealer(self) -> Sealer:
        return self._sealer or self.store.keyring.sealer()

    # --- filing ------------------------------------------------------------------------------------

    def request(self, case_id: str, actor: str, reason: str) -> dict[str, Any]:
        """A handling officer of the case files a request, giving a reason."""
        if not reason.strip():
            raise InvalidValue("/reason", Message("a reason is required"))
        with self.store.transaction() as session:
            case, user = self._load(session, case_id, actor, FILE)
            if not HANDLING_ROLES & set(user.roles):
                raise NotPermitted(case_id, actor, Message("only a handling officer of the case"))
            misfit = seat_misfit(user, handling_seat(case.kind, case.document))
            if misfit:
                raise NotPermitted(case_id, actor, misfit)
            self._traceable(case, FILE)
            if case.reporter_sealed is None and case.parties_sealed is None:
                raise InvalidTransition(case_id, case.state, FILE, Message("no identity was recorded"))
            request = RevealRequest(
                case_pk=case.id,
                actor=actor,
                at=self.now(),
                reason=reason.strip(),
                status="pending",
                decision_comment="",
            )
            session.add(request)
            session.flush()
            view = request_view(request, case_id)
            audit.append(
                session, actor=actor, action="reveal_request", case_id=case_id, after=view, rows=[request, case]
            )
            return view

    # --- deciding ----------------------------------------------------------------------------------

    def decide(
        self,
        request_id: int,
        actor: str,
        *,
        approve: bool,
        comment: str = "",
        valid_for: timedelta = DEFAULT_VALID,
    ) -> dict[str, Any]:
        """A custodian — not the requester — approves (good for ``valid_for``) or refuses."""
        if not timedelta(0) < valid_for <= MAX_VALID:
            raise InvalidValue("/valid_for", Message("must be more than 0 and at most 7 days"))
        with self.store.transaction() as session:
            request, case = self._request(session, request_id)
            _, user = self._load(session, case.case_id, actor, DECIDE)
            if request.status != "pending":
                raise RequestClosed(request_id, request.status, DECIDE)
            if actor == request.actor:
                raise NotPermitted(
                    case.case_id,
                    actor,
                    Message("the requester may not decide their own request"),
                )
            reason = custodian_misfit(user)
            if reason:
                raise NotPermitted(case.case_id, actor, reason)
            if approve:
                self._traceable(case, DECIDE)
            now = self.now()
            request.status = "approved" if approve else "refused"
            request.decided_by, request.decided_at, request.decision_comment = actor, now, comment
            request.expires_at = now + valid_for if approve else None
            session.flush()
            view = request_view(request, case.case_id)
            action = "reveal_approve" if approve else "reveal_refuse"
            audit.append(session, actor=actor, action=action, case_id=case.case_id, after=view, rows=[request, case])
            return view

    # --- seeing, once --------------------------------------------------------------------------------

    def show(self, request_id: int, actor: str) -> dict[str, Any]:
        """The identity, to the requester, once, before the approval expires (the showing is audited)."""
        with self.store.transaction() as session:
            request, case = self._request(session, request_id)
            self._load(session, case.case_id, actor, SHOW)
            if actor != request.actor:
                raise NotPermitted(case.case_id, actor, Message("only the requester may see it"))
            if request.status == "approved" and _aware(request.expires_at) <= self.now():
                self._record(session, request, case, actor, "reveal_expired", status="expired")
            status = request.status
            if status == "approved":
                identity = opened_identity(self.sealer, case)
                request.shown_at = self.now()
                self._record(session, request, case, actor, "reveal_shown", status="shown")
        if status != "approved":  # the expiry, if any, is committed: the refusal comes after
            raise RequestClosed(request_id, status, SHOW)
        return identity

    @staticmethod
    def _record(session: Session, request: RevealRequest, case: CaseRecord, actor: str, action: str, *, status: str):
        request.status = status
        session.flush()
        after = request_view(request, case.case_id)
        audit.append(session, actor=actor, action=action, case_id=case.case_id, after=after, rows=[request, case])

    def requests(
        self, *, case_id: str | None = None, status: str | None = None, viewer: str | None = None
    ) -> list[dict[str, Any]]:
        """Reveal requests (never identities); with ``viewer``, of the cases that user needs to know."""
        from ..security.need_to_know import visible_to

        with self.store.transaction() as session:
            query = select(RevealRequest, CaseRecord.case_id).join(CaseRecord, CaseRecord.id == RevealRequest.case_pk)
            if viewer is not None:
                query = query.where(visible_to(session.scalars(select(User).where(User.name == viewer)).one_or_none()))
            if case_id:
                query = query.where(CaseRecord.case_id == case_id)
            if status:
                query = query.where(RevealRequest.status == status)
            return [request_view(r, c) for r, c in session.execute(query.order_by(RevealRequest.id))]

    # --- feedback to a real-name reporter ----------------------------------------------------------------

    def feedback(self, case_id: str, actor: str, *, channel: str, summary: str, on: date) -> dict[str, Any]:
        """Record feedback given to a real-name reporter (channel and summary; the identity stays sealed)."""
        if not summary.strip():
            raise InvalidValue("/summary", Message("say what was fed back"))
        if not channel.strip():
            raise InvalidValue("/channel", Message("say how it was fed back"))
        with self.store.transaction() as session:
            case, user = self._load(session, case_id, actor, FEEDBACK)
            misfit = seat_misfit(user, handling_seat(case.kind, case.document))
            if misfit:
                raise NotPermitted(case_id, actor, misfit)
            if not ((case.document.get("report") or {}).get("real_name")):
                raise InvalidTransition(
                    case_id, case.state, FEEDBACK, Message("an anonymous report has no one to tell")
                )
            # fed back on a day of the office's: not after today, not before the case was taken in
            today, opened = office_date(self.now()), office_date(case.opened_at)
            table.ON.bounds.check("/on", table.ON.label, on, case_id=case_id, today=today, opened=opened)
            record = ReporterFeedback(
                case_pk=case.id, actor=actor, at=self.now(), channel=channel, given_on=on, summary=summary
            )
            session.add(record)
            session.flush()
            after = {"channel": channel, "on": on.isoformat()}
            audit.append(
                session, actor=actor, action="reporter_feedback", case_id=case_id, after=after, rows=[record, case]
            )
            return {"case_id": case_id, "actor": actor, "channel": channel, "on": on.isoformat(), "summary": summary}

    # --- helpers -------------------------------------------------------------------------------------

    def _load(self, session: Session, case_id: str, actor: str, label: Text) -> tuple[CaseRecord, User]:
        case = actions.load_case(session, case_id)
        user = actions.load_user(session, actor)
        actions.require_visible(session, case, user)
        actions.require_explained(session, case, label)
        return case, user

    def _request(self, session: Session, request_id: int) -> tuple[RevealRequest, CaseRecord]:
        request = session.get(RevealRequest, request_id)
        if request is None:
            raise RequestNotFound(request_id)
        return request, session.get(CaseRecord, request.case_pk)

    @staticmethod
    def _traceable(case: CaseRecord, label: Text) -> None:
        answer = tracing_allowed(case.kind, case.decision)
        if not answer.allowed:
            cited = _citations(answer.citations)
            raise InvalidTransition(
                case.case_id, case.state, label, Message("{reason} ({cited})", reason=answer.reason, cited=cited)
            )


def _citations(citations) -> Text:
    """The citations of a tracing answer in either language (the national default named as such)."""
    from ..baseline.sources import CORE_DEFAULT
    from ..i18n import gettext

    def one(c: dict[str, str], lang: str) -> str:
        if c["document"] == CORE_DEFAULT:
            return gettext("core default: {article}", lang, article=c["article"])
        return f"《{c['document']}》{c['article']}"

    return Text("；".join(one(c, "zh") for c in citations), "; ".join(one(c, "en") for c in citations))


def opened_identity(sealer: Sealer, case: CaseRecord) -> dict[str, Any]:
    """The reporter's identity and, under ``concerns``, the sealed parties who reported (the accuser of a
    false accusation: the very person tracing is about), each ``{role, kind, name}``."""
    identity = sealer.open(case.reporter_sealed, case.case_id) if case.reporter_sealed is not None else {}
    if case.parties_sealed is not None:
        identity["concerns"] = sealer.open(case.parties_sealed, case.case_id)["parties"]
    return identity


def custodian_misfit(user: Any) -> Text | None:
    """Why ``user`` may not decide reveal requests: needs the custodian duty in a discipline commission
    at county level or higher."""
    if CUSTODIAN not in (user.grants or ()):
        return Message("only a custodian decides")
    if user.organ != Organ.DISCIPLINE_COMMISSION.value or user.level not in CUSTODY_LEVELS:
        return Message("the custodian must sit in a discipline commission at county level or higher")
    return None
