"""The case service: each lifecycle action in its own transaction, by case id and user name.

Every method loads the case, runs the action (:mod:`.actions`), and commits the state change, the
record of what was done and the audit event together. ``expected_version`` lets a caller say which
version of the case it looked at: if the case changed since, the action is refused as a conflict.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy import case as sql_case
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import selectinload

from .. import clock
from ..clock import office_date, office_today, office_zone
from ..engine import Engine
from ..errors import InvalidDocument, Problem
from ..i18n import Message
from ..store import Store, audit
from ..store.crypto import Sealer
from ..store.models import CaseRecord, RevisitRecord, User
from . import actions, available, intake, machine, table
from .errors import CaseConflict, CaseNotFound, DuplicateCase
from .states import DUE_WATCHED, TERMINAL, State, parse_state
from .views import case_view, list_row

log = logging.getLogger("zhengming.lifecycle")
# The records a case view shows, loaded for many cases at once by CaseService.views.
_RECORDS = (
    CaseRecord.approvals,
    CaseRecord.consents,
    CaseRecord.clarifications,
    CaseRecord.notifications,
    CaseRecord.revisits,
)
SYSTEM_ACTOR = "system"


def utcnow() -> datetime:
    return clock.now()


class CaseService:
    """Cases of one store, evaluated by one engine."""

    def __init__(
        self,
        store: Store,
        engine: Engine,
        *,
        sealer: Sealer | None = None,
        today: Callable[[], date] | None = None,
        now: Callable[[], datetime] = utcnow,
        return_views: bool = True,
        zone: ZoneInfo | None = None,
    ):
        """:param return_views: actions return the case as ``show`` would (one more read); ``False``
        for batch callers that do not look at the result.
        :param zone: the office's time zone (default :func:`~zhengming.clock.office_zone`): its days date
            cases, paper approvals and deadlines.
        :param today: the office's date (default: the date it is now in ``zone``)."""
        self.return_views = return_views
        self.store = store
        self.engine = engine
        self._sealer = sealer
        self.zone = zone or office_zone()
        self.today = today or (lambda: office_today(self.zone))
        self.now = now
        self.view_lang = "zh"  # the language of the case views actions return (:meth:`reading`)

    def reading(self, lang: str) -> CaseService:
        """This service with its actions returning the case in ``lang`` (read once, in the reader's
        language, rather than in Chinese and again)."""
        if lang == self.view_lang:
            return self
        other = copy.copy(self)
        other.view_lang = lang
        return other

    @property
    def sealer(self) -> Sealer:
        """Seals with the store's key (the key the database is bound to)."""
        if self._sealer is None:
            self._sealer = self.store.keyring.sealer()
        return self._sealer

    # --- intake ---------------------------------------------------------------------------------

    def open(self, document: Any, *, actor: str | None = None) -> dict[str, Any]:
        """Take in a case (intake document: case document + ``reporter``), evaluate it, store it.

        :raises InvalidDocument, UnknownJurisdiction, PluginError: as :meth:`Engine.evaluate_document`.
        :raises DuplicateCase: a case with that ``case_id`` is stored already.
        """
        evaluated = intake.evaluate(self.engine, document, today=self.today())
        sealed = self.sealer.seal(evaluated.reporter, evaluated.case_id) if evaluated.reporter else None
        parties_sealed = self._seal_parties(evaluated)
        now = self.now()
        keyring = self.store.keyring
        self._bind()
        try:
            with self.store.begin() as conn:
                opener = actions.load_actor(conn, actor) if actor else None
                name = opener.name if opener else SYSTEM_ACTOR
                row = intake.case_row(
                    self.engine, evaluated, sealed=sealed, actor=name, now=now, parties_sealed=parties_sealed
                )
                if opener is not None and not row["seats"]:  # no organ named: the one that took it in
                    row["seats"] = f"|{opener.organ}:{opener.level}|"
                figures = intake.figures(evaluated, row)
                actions.insert_case(conn, keyring, row, figures, actor=name, summary=intake.summary(row))
        except IntegrityError:
            raise DuplicateCase(evaluated.case_id) from None
        log.info("case %s opened: %s, state %s", row["case_id"], row["outcome"], row["state"])
        return self.show(row["case_id"], lang=self.view_lang) if self.return_views else None

    def _seal_parties(self, evaluated: intake.Evaluated) -> bytes | None:
        """The sealed names of the parties who reported (``None`` when there are none)."""
        secret = evaluated.parties.secret
        return self.sealer.seal({"parties": list(secret)}, evaluated.case_id) if secret else None

    def resume(
        self, case_id: str, document: Any, *, actor: str, expected_version: int | None = None
    ) -> dict[str, Any] | None:
        """A deferred case whose other clues are now verified: evaluate the updated document again.

        Only an update of the same case is accepted: the jurisdiction, the subject and the allegations
        (by id and summary) must be those stored (:class:`~.errors.NotSameCase` names each that is not).
        What changed is recorded in the audit event and returned under ``changes`` (JSON pointers)."""
        if not isinstance(document, dict):
            raise InvalidDocument([Problem("", Message("must be an object"))])
        evaluated = intake.evaluate(self.engine, document | {"case_id": case_id}, today=self.today())
        return self.act(
            case_id, "resume", actor, expected_version=expected_version, document=document, evaluated=evaluated
        )

    def amend(
        self,
        case_id: str,
        document: Any,
        *,
        actor: str,
        expected_version: int | None = None,
        merge_reporter: bool = False,
    ) -> dict[str, Any] | None:
        """修改受理信息: replace a case's intake document with a corrected one, evaluate it again and record
        every field changed (:mod:`.corrections`: which states allow it, who may, what becomes of the
        approvals). Returns the view with ``changes`` (each ``{pointer, field: {zh, en}, before,
        after}``; none: nothing differed and nothing was written), ``decision_changes`` and
        ``approvals_reset``. ``merge_reporter``: the ``reporter`` given is merged into the sealed one.

        :raises NotAmendable, FieldNotAmendable, NotPermitted, InvalidDocument: see :mod:`.corrections`.
        """
        return self.act(
            case_id,
            "amend",
            actor,
            expected_version=expected_version,
            document=document,
            merge_reporter=merge_reporter,
        )

    # --- reading --------------------------------------------------------------------------------

    def show(
        self, case_id: str, *, history: bool = True, viewer: str | None = None, lang: str = "zh"
    ) -> dict[str, Any]:
        """The case as ``show`` prints it; with ``viewer``, only if that user needs to know it (else
        :class:`~.errors.CaseNotFound`, as for a case that does not exist)."""
        with self.store.transaction() as session:
            case = actions.load_case(session, case_id)
            if viewer is not None:
                actions.require_visible(session, case, viewer)
            events = list(audit.case_history(session, case_id)) if history else None
            return case_view(case, self.today(), events, lang)

    def views(self, case_ids: Sequence[str], *, viewer: str, lang: str = "zh") -> list[dict[str, Any]]:
        """The cases ``case_ids`` that ``viewer`` needs to know, as :meth:`show` gives them without their
        history, in that order; read together, one query per kind of record for all of them rather than
        several per case (a worklist's page). A case not there or not to be known is left out."""
        records = [selectinload(relation) for relation in _RECORDS]
        visible = self._visible(viewer)
        found: dict[str, CaseRecord] = {}
        with self.store.transaction() as session:
            for chunk in available.in_chunks(case_ids):
                query = select(CaseRecord).where(CaseRecord.case_id.in_(chunk), visible).options(*records)
                found |= {case.case_id: case for case in session.scalars(query)}
            today = self.today()
            return [case_view(found[case_id], today, None, lang) for case_id in case_ids if case_id in found]

    def list(
        self,
        *,
        overdue: bool = False,
        state: str | None = None,
        limit: int | None = None,
        viewer: str | None = None,
        search: str | None = None,
        jurisdiction: str | None = None,
        offset: int = 0,
        still_open: bool = False,
    ) -> tuple[list[dict[str, Any]], int]:
        """Cases still open before closed ones; among them fast-track first, then overdue, then by due date;
        and how many matched in all. With ``viewer``: only the cases that user needs to know (in SQL).

        :param state: a state's code or its Chinese or English name (:func:`~.states.parse_state`).
        :param search: part of a case id or of the subject's name.
        :param jurisdiction: that jurisdiction and those below it.
        :param offset: skip this many (paging, with ``limit``).
        :param still_open: leave out closed and rejected cases (a worklist: nothing waits on them)."""
        today = self.today()
        late_revisit = exists().where(
            RevisitRecord.case_pk == CaseRecord.id, RevisitRecord.done_on.is_(None), RevisitRecord.planned_on < today
        )
        late = or_(
            and_(CaseRecord.due_on < today, CaseRecord.state.in_([s.value for s in DUE_WATCHED])),
            and_(CaseRecord.state == State.REVISIT.value, late_revisit),
        )
        query = select(CaseRecord, late.label("late"))
        if viewer is not None:
            query = query.where(self._visible(viewer))
        if overdue:
            query = query.where(late)
        if state:
            query = query.where(CaseRecord.state == parse_state(state).value)
        if still_open:
            query = query.where(CaseRecord.state.not_in([s.value for s in TERMINAL]))
        if search and search.strip():
            needle = search.strip()
            subject = CaseRecord.document["subject"]["name"].as_string()
            filed = CaseRecord.document["filing"]["subject"]["name"].as_string()  # a fault-tolerance filing's
            query = query.where(
                or_(
                    CaseRecord.case_id.contains(needle, autoescape=True),
                    subject.contains(needle, autoescape=True),
                    filed.contains(needle, autoescape=True),
                )
            )
        if jurisdiction:
            query = query.where(
                or_(
                    CaseRecord.jurisdiction == jurisdiction,
                    CaseRecord.jurisdiction.startswith(jurisdiction + ".", autoescape=True),
                )
            )
        query = query.order_by(
            sql_case((CaseRecord.state.in_([s.value for s in TERMINAL]), 1), else_=0),
            CaseRecord.fast_track.desc(),
            sql_case((late, 0), else_=1),
            sql_case((CaseRecord.due_on.is_(None), 1), else_=0),
            CaseRecord.due_on,
            CaseRecord.id,
        )
        with self.store.transaction() as session:
            total = session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
            rows = session.execute((query.limit(limit) if limit else query).offset(offset or None)).all()
            return [list_row(case, today, bool(flag)) for case, flag in rows], total

    def counts_by_state(self, *, viewer: str | None = None) -> dict[str, int]:
        query = select(CaseRecord.state, func.count()).group_by(CaseRecord.state)
        if viewer is not None:
            query = query.where(self._visible(viewer))
        with self.store.transaction() as session:
            return dict(session.execute(query).all())

    def _visible(self, viewer: str):
        from ..security.need_to_know import visible_to

        with self.store.transaction() as session:
            user = session.scalars(select(User).where(User.name == viewer)).one_or_none()
        return visible_to(user)

    # --- acting: every action is a row of the lifecycle table (.table) ------------------------------

    def act(
        self, case_id: str, action_id: str, actor: str, *, expected_version: int | None = None, **params: Any
    ) -> dict[str, Any] | None:
        """Take the action ``action_id`` (a row of :data:`.table.ACTIONS`) on the case as ``actor``, with
        its ``params``; in one transaction: the case, the records and the audit event. Returns the case as
        :meth:`show` gives it (plus what the action returns, e.g. ``changes``), or ``None`` when the
        service was built with ``return_views=False``.

        :raises CaseNotFound: no such case, or one the user has no need to know.
        :raises CaseConflict: ``expected_version`` is not the case's version, or someone changed it meanwhile.
        :raises InvalidTransition, NotPermitted, ConsentRequired, InvalidValue, Unexplained: refused.
        """
        row = table.action(action_id)
        context = ActionContext(self, self.now())
        keyring = self.store.keyring
        self._bind()
        try:
            with self.store.begin() as conn:
                context.conn = conn
                loaded = actions.load(conn, case_id, actor)
                if expected_version is not None and loaded.case.version != expected_version:
                    raise CaseConflict(case_id, row.label, expected_version, loaded.case.version)
                actions.require_explained_row(conn, keyring, loaded, row.label)
                actions.require_visible_to(loaded)
                effects = actions.perform(conn, keyring, loaded, row, params, context)
        except OperationalError as exc:  # SQLite: another writer held the database past the timeout
            if "locked" in str(exc.orig):
                raise CaseConflict(case_id, row.label) from None
            raise
        log.info("case %s: %s by %s", case_id, row.id, actor)
        if not self.return_views:
            return None
        result: dict[str, Any] = {}
        for effect in effects:
            result |= effect.result
        return self.show(case_id, lang=self.view_lang) | result

    def available_actions(self, case_id: str, actor: str) -> list[dict[str, Any]]:
        """The actions ``actor`` may take on the case now (state, role, organ, level, separation of
        duties; parameters not yet chosen), each as :meth:`.table.Action.as_json` — what a console offers
        as buttons. A case the user has no need to know is :class:`~.errors.CaseNotFound`."""
        found = self.available_actions_on([case_id], actor)
        if case_id not in found:
            raise CaseNotFound(case_id)
        return found[case_id]

    def available_actions_on(self, case_ids: Sequence[str], actor: str) -> dict[str, list[dict[str, Any]]]:
        """:meth:`available_actions` of each of ``case_ids`` the user needs to know, by case id, read
        together (a worklist); a case not there or not to be known is left out.

        :raises UserNotFound: no such user."""
        with self.store.begin() as conn:
            user = actions.load_actor(conn, actor)
            found = available.available_on(conn, case_ids, user)
        return {case_id: [row.as_json() for row in rows] for case_id, rows in found.items()}

    def _bind(self) -> None:
        """Check once per process that the database is bound to this key (binding it on first use)."""
        if not self.store.bound:
            with self.store.transaction() as session:
                audit.ensure_binding(session)

    def approve(self, case_id: str, actor: str, comment: str = "", *, expected_version=None, given_on=None):
        """``given_on``: the step was signed on paper on that date (纸质审批补录, :mod:`.corrections`)."""
        return self.act(
            case_id, "approve", actor, expected_version=expected_version, comment=comment, given_on=given_on
        )

    def reject(self, case_id: str, actor: str, comment: str = "", *, expected_version=None, given_on=None):
        """``given_on``: the step was signed on paper on that date (纸质审批补录, :mod:`.corrections`)."""
        return self.act(case_id, "reject", actor, expected_version=expected_version, comment=comment, given_on=given_on)

    def send_back(self, case_id: str, actor: str, comment: str = "", *, expected_version=None, given_on=None):
        """``given_on``: the step was signed on paper on that date (纸质审批补录, :mod:`.corrections`)."""
        return self.act(
            case_id, "send_back", actor, expected_version=expected_version, comment=comment, given_on=given_on
        )

    def consent(self, case_id: str, actor: str, status: str, comment: str = "", *, expected_version=None):
        return self.act(case_id, "consent", actor, expected_version=expected_version, status=status, comment=comment)

    def clarify(
        self, case_id: str, actor: str, method: str, *, on: date | None = None, scope: str = "", expected_version=None
    ):
        return self.act(case_id, "clarify", actor, expected_version=expected_version, method=method, on=on, scope=scope)

    def notify(
        self, case_id: str, actor: str, recipients: Sequence[str], *, on: date | None = None, expected_version=None
    ):
        """Record the notifications (default: every recipient still due), one audit event each."""
        return self.act(
            case_id, "notify", actor, expected_version=expected_version, recipients=list(recipients or ()), on=on
        )

    def archive(self, case_id: str, actor: str, *, expected_version: int | None = None):
        return self.act(case_id, "archive", actor, expected_version=expected_version)

    def plan_revisits(self, case_id: str, actor: str, dates: Sequence[date], *, expected_version=None):
        return self.act(case_id, "plan_revisits", actor, expected_version=expected_version, dates=list(dates))

    def record_revisit(
        self,
        case_id: str,
        actor: str,
        *,
        on: date | None = None,
        method: str | None = None,
        target: str | None = None,
        note: str = "",
        expected_version: int | None = None,
    ):
        return self.act(
            case_id,
            "revisit",
            actor,
            expected_version=expected_version,
            on=on,
            method=method,
            target=target,
            note=note,
        )

    # --- accountability: the reminder talk and the probation's result (v1.1) --------------------

    def hold_talk(self, case_id: str, actor: str, on: date, *, expected_version: int | None = None):
        """The reminder talk (谈话提醒) held on ``on``: the probation starts and runs to its end date."""
        return self.act(case_id, "talk", actor, expected_version=expected_version, on=on)

    def record_rectification(self, case_id: str, actor: str, rectified: bool, *, expected_version: int | None = None):
        """The probation's result: rectified in time or not; the rules then decide the outcome."""
        return self.act(case_id, "rectification", actor, expected_version=expected_version, rectified=rectified)

    def close(self, case_id: str, actor: str, *, reason: str | None = None, expected_version: int | None = None):
        return self.act(case_id, "close", actor, expected_version=expected_version, reason=reason)


class ActionContext:
    """What an action's ``apply`` may use besides the case: the time of the action (one for all it
    writes), today's date, and the service's engine and key to decide a case again."""

    def __init__(self, service: CaseService, now: datetime, conn: Any = None):
        self.service, self._now, self.conn = service, now, conn

    def now(self) -> datetime:
        return self._now

    def today(self) -> date:
        return self.service.today()

    def evaluate(self, document: Any, case_id: str) -> intake.Evaluated:
        if not isinstance(document, dict):
            raise InvalidDocument([Problem("", Message("must be an object"))])
        return intake.evaluate(self.service.engine, document | {"case_id": case_id}, today=self.today())

    def case_row(self, evaluated: intake.Evaluated, *, sealed: bytes | None, actor: str) -> dict[str, Any]:
        return intake.case_row(self.service.engine, evaluated, sealed=sealed, actor=actor, now=self._now)

    def seal(self, evaluated: intake.Evaluated, case: Any) -> bytes:
        return self.service.sealer.seal(evaluated.reporter, case.case_id)

    def figures(self, evaluated: intake.Evaluated, row: dict[str, Any]) -> dict[str, Any]:
        return intake.figures(evaluated, row)

    def previous_step_date(self, case: Any) -> date | None:
        """The date of the case's latest step still standing (a paper approval may not predate it)."""
        return actions.previous_step_date(self.conn, case, self.service.zone)

    def office_date(self, instant: datetime) -> date:
        """The office's date of a stored instant."""
        return office_date(instant, self.service.zone)

    def figure(self, case: Any) -> dict[str, Any] | None:
        """The case's statistics row (``case_figures``), ``None`` when it has none."""
        return actions.figure_of(self.conn, case)

    def standing_approvals(self, case: Any) -> list[dict[str, Any]]:
        """The case's approvals an amendment would supersede."""
        return actions.standing_approvals(self.conn, case)


require_same_case = machine.require_same_case  # where it was before the table
