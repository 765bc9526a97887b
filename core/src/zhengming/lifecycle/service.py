"""The case service: each lifecycle action in its own transaction, by case id and user name.

Every method loads the case, runs the action (:mod:`.actions`), and commits the state change, the
record of what was done and the audit event together. ``expected_version`` lets a caller say which
version of the case it looked at: if the case changed since, the action is refused as a conflict.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy import case as sql_case
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from ..engine import Engine
from ..errors import InvalidDocument, Problem
from ..i18n import Message
from ..model import Text
from ..store import Store, audit
from ..store.crypto import Sealer
from ..store.models import CaseFigure, CaseRecord, RevisitRecord, User
from . import actions, intake, machine
from .errors import CaseConflict, DuplicateCase, NotSameCase
from .reevaluate import differences
from .states import DUE_WATCHED, TERMINAL, State, parse_state
from .views import case_view, list_row

log = logging.getLogger("zhengming.lifecycle")
SYSTEM_ACTOR = "system"


def utcnow() -> datetime:
    return datetime.now(UTC)


class CaseService:
    """Cases of one store, evaluated by one engine."""

    def __init__(
        self,
        store: Store,
        engine: Engine,
        *,
        sealer: Sealer | None = None,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = utcnow,
        return_views: bool = True,
    ):
        """:param return_views: actions return the case as ``show`` would (one more read); ``False``
        for batch callers that do not look at the result."""
        self.return_views = return_views
        self.store = store
        self.engine = engine
        self._sealer = sealer
        self.today = today
        self.now = now

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
        try:
            with self.store.transaction() as session:
                opener = actions.load_user(session, actor) if actor else None
                name = opener.name if opener else SYSTEM_ACTOR
                if session.scalar(select(CaseRecord.id).where(CaseRecord.case_id == evaluated.case_id)) is not None:
                    raise DuplicateCase(evaluated.case_id)
                row = intake.case_row(
                    self.engine, evaluated, sealed=sealed, actor=name, now=now, parties_sealed=parties_sealed
                )
                if opener is not None and not row["seats"]:  # no organ named: the one that took it in
                    row["seats"] = f"|{opener.organ}:{opener.level}|"
                case = CaseRecord(**row)
                session.add(case)
                session.flush()
                session.add(CaseFigure(case_pk=case.id, **intake.figures(evaluated, row)))
                audit.append(
                    session,
                    actor=name,
                    action="open",
                    case_id=case.case_id,
                    before=None,
                    after=intake.summary(row),
                    rows=[case],
                )
        except IntegrityError:
            raise DuplicateCase(evaluated.case_id) from None
        log.info("case %s opened: %s, state %s", case.case_id, case.outcome, case.state)
        return self.show(case.case_id) if self.return_views else None

    def _seal_parties(self, evaluated: intake.Evaluated) -> bytes | None:
        """The sealed names of the parties who reported (``None`` when there are none)."""
        secret = evaluated.parties.secret
        return self.sealer.seal({"parties": list(secret)}, evaluated.case_id) if secret else None

    def resume(self, case_id: str, document: Any, *, actor: str, expected_version: int | None = None) -> dict[str, Any]:
        """A deferred case whose other clues are now verified: evaluate the updated document again.

        Only an update of the same case is accepted: the jurisdiction, the subject and the allegations
        (by id and summary) must be those stored (:class:`~.errors.NotSameCase` names each that is not).
        What changed is recorded in the audit event and returned under ``changes`` (JSON pointers)."""
        if not isinstance(document, dict):
            raise InvalidDocument([Problem("", Message("must be an object"))])
        evaluated = intake.evaluate(self.engine, document | {"case_id": case_id}, today=self.today())
        changes: list[dict[str, Any]] = []

        def run(session: Session, case: CaseRecord, user: Any) -> None:
            label = Message("resume")
            machine.require_state(case, (State.DEFERRED,), label)
            machine.check_implementer(case, user)  # a deferred case has no implementers: its handling organ
            require_same_case(case.document, evaluated.document)
            changes.extend(differences(case.document, evaluated.document))
            before = actions.snapshot(case)
            sealed = self.sealer.seal(evaluated.reporter, case_id) if evaluated.reporter else case.reporter_sealed
            row = intake.case_row(self.engine, evaluated, sealed=sealed, actor=case.opened_by, now=self.now())
            for key in ("opened_by", "opened_at", "case_id", "version", "parties", "parties_sealed"):
                row.pop(key)
            for key, value in row.items():
                setattr(case, key, value)
            session.merge(CaseFigure(case_pk=case.id, **intake.figures(evaluated, row | {"as_of": case.as_of})))
            actions.commit_change(
                session,
                case,
                actor=user.name,
                action="resume",
                label=label,
                before=before,
                detail={
                    "outcome": case.outcome,
                    "rules_fingerprint": case.rules_fingerprint,
                    "changed": [c["pointer"] for c in changes],
                },
                now=self.now(),
            )

        view = self._act(case_id, actor, expected_version, Message("resume"), run)
        return view | {"changes": changes} if view is not None else None

    def amend(
        self,
        case_id: str,
        document: Any,
        *,
        actor: str,
        expected_version: int | None = None,
        merge_reporter: bool = False,
    ) -> dict[str, Any]:
        """修改受理信息: replace a case's intake document with a corrected one, evaluate it again and record
        every field changed (:mod:`.corrections`: which states allow it, who may, what becomes of the
        approvals). Returns the view with ``changes`` (each ``{pointer, field: {zh, en}, before,
        after}``; none: nothing differed and nothing was written), ``decision_changes`` and
        ``approvals_reset``. ``merge_reporter``: the ``reporter`` given is merged into the sealed one.

        :raises NotAmendable, FieldNotAmendable, NotPermitted, InvalidDocument: see :mod:`.corrections`.
        """
        from . import corrections

        done: dict[str, Any] = {}

        def run(session: Session, case: CaseRecord, user: Any) -> None:
            done.update(
                corrections.amend(
                    session,
                    case,
                    user,
                    document,
                    engine=self.engine,
                    sealer=self.sealer,
                    today=self.today(),
                    now=self.now(),
                    merge_reporter=merge_reporter,
                )
            )

        view = self._act(case_id, actor, expected_version, corrections.AMEND, run)
        return view | done if view is not None else None

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
    ) -> tuple[list[dict[str, Any]], int]:
        """Cases still open before closed ones; among them fast-track first, then overdue, then by due date;
        and how many matched in all. With ``viewer``: only the cases that user needs to know (in SQL).

        :param state: a state's code or its Chinese or English name (:func:`~.states.parse_state`).
        :param search: part of a case id or of the subject's name.
        :param jurisdiction: that jurisdiction and those below it.
        :param offset: skip this many (paging, with ``limit``)."""
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

    # --- acting ---------------------------------------------------------------------------------

    def _act(
        self,
        case_id: str,
        actor: str,
        expected_version: int | None,
        label: Text,
        run: Callable[[Session, CaseRecord, Any], None],
    ) -> dict[str, Any]:
        try:
            with self.store.transaction() as session:
                case = actions.load_case(session, case_id)
                if expected_version is not None and case.version != expected_version:
                    raise CaseConflict(case_id, label, expected_version, case.version)
                actions.require_explained(session, case, label)
                user = actions.load_user(session, actor)
                actions.require_visible(session, case, user)
                with session.no_autoflush:  # one flush per action: one version step, checked once
                    run(session, case, user)
        except OperationalError as exc:  # SQLite: another writer held the database past the timeout
            if "locked" in str(exc.orig):
                raise CaseConflict(case_id, label) from None
            raise
        log.info("case %s: %s by %s", case_id, label.en, actor)
        return self.show(case_id) if self.return_views else None

    # ``given_on``: the step was signed on paper on that date (纸质审批补录, :mod:`.corrections`).

    def approve(self, case_id: str, actor: str, comment: str = "", *, expected_version=None, given_on=None):
        now, paper = self.now(), self._paper(given_on)
        return self._act(
            case_id,
            actor,
            expected_version,
            machine.APPROVE,
            lambda s, c, u: actions.approve(s, c, u, comment, now, paper=paper),
        )

    def reject(self, case_id: str, actor: str, comment: str = "", *, expected_version=None, given_on=None):
        now, paper = self.now(), self._paper(given_on)
        return self._act(
            case_id,
            actor,
            expected_version,
            machine.REJECT,
            lambda s, c, u: actions.reject(s, c, u, comment, now, paper=paper),
        )

    def send_back(self, case_id: str, actor: str, comment: str = "", *, expected_version=None, given_on=None):
        now, paper = self.now(), self._paper(given_on)
        return self._act(
            case_id,
            actor,
            expected_version,
            machine.SEND_BACK,
            lambda s, c, u: actions.send_back(s, c, u, comment, now, paper=paper),
        )

    def _paper(self, given_on: date | None):
        """The date on paper with today's date to check it against (``None``: not on paper)."""
        return (given_on, self.today()) if given_on is not None else None

    def consent(self, case_id: str, actor: str, status: str, comment: str = "", *, expected_version=None):
        now = self.now()
        return self._act(
            case_id,
            actor,
            expected_version,
            machine.CONSENT,
            lambda s, c, u: actions.consent(s, c, u, status, comment, now),
        )

    def clarify(
        self, case_id: str, actor: str, method: str, *, on: date | None = None, scope: str = "", expected_version=None
    ):
        now, day = self.now(), on or self.today()
        return self._act(
            case_id,
            actor,
            expected_version,
            machine.CLARIFY,
            lambda s, c, u: actions.clarify(s, c, u, method, day, scope, now),
        )

    def notify(
        self, case_id: str, actor: str, recipients: Sequence[str], *, on: date | None = None, expected_version=None
    ):
        now, day = self.now(), on or self.today()

        def run(session: Session, case: CaseRecord, user: Any) -> None:
            for recipient in recipients or machine.missing_notifications(case):
                actions.notify(session, case, user, recipient, day, now)

        return self._act(case_id, actor, expected_version, machine.NOTIFY, run)

    def archive(self, case_id: str, actor: str, *, expected_version: int | None = None):
        now = self.now()
        return self._act(
            case_id, actor, expected_version, machine.ARCHIVE, lambda s, c, u: actions.archive(s, c, u, now)
        )

    def plan_revisits(self, case_id: str, actor: str, dates: Sequence[date], *, expected_version=None):
        now = self.now()
        return self._act(
            case_id,
            actor,
            expected_version,
            machine.REVISIT,
            lambda s, c, u: actions.plan_revisits(s, c, u, list(dates), now),
        )

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
        now, day = self.now(), on or self.today()
        return self._act(
            case_id,
            actor,
            expected_version,
            machine.REVISIT,
            lambda s, c, u: actions.record_revisit(s, c, u, on=day, method=method, target=target, note=note, now=now),
        )

    # --- accountability: the reminder talk and the probation's result (v1.1) --------------------

    def hold_talk(self, case_id: str, actor: str, on: date, *, expected_version: int | None = None):
        """The reminder talk (谈话提醒) held on ``on``: the probation starts and runs to its end date."""
        return self._update_facts(
            case_id, actor, expected_version, machine.TALK, machine.hold_talk, "talk", {"started_on": on.isoformat()}
        )

    def record_rectification(self, case_id: str, actor: str, rectified: bool, *, expected_version: int | None = None):
        """The probation's result: rectified in time or not; the rules then decide the outcome."""
        return self._update_facts(
            case_id,
            actor,
            expected_version,
            machine.RECTIFICATION,
            machine.record_rectification,
            "rectification",
            {"rectified": rectified},
        )

    def _update_facts(self, case_id, actor, expected_version, label, check, action, probation):
        """Record new probation facts in the case document and decide the case again on them."""

        def run(session: Session, case: CaseRecord, user: Any) -> None:
            check(case, user)
            before = actions.snapshot(case)
            document = dict(case.document)
            document["probation"] = {**document.get("probation", {}), **probation}
            evaluated = intake.evaluate(self.engine, document, today=self.today())
            row = intake.case_row(
                self.engine, evaluated, sealed=case.reporter_sealed, actor=case.opened_by, now=self.now()
            )
            case.document, case.decision, case.outcome, case.due_on = (
                document,
                row["decision"],
                row["outcome"],
                row["due_on"],
            )
            case.chain, case.plugin_versions, case.rules_fingerprint = (
                row["chain"],
                row["plugin_versions"],
                row["rules_fingerprint"],
            )
            case.state = machine.after_facts(case.kind, case.decision, document).value
            figure = session.get(CaseFigure, case.id)
            if figure is not None:  # the statistics count the outcome decided on the new facts
                figure.outcome = case.outcome
            detail = {
                **probation,
                "outcome": case.outcome,
                "due_on": row["due_on"].isoformat() if row["due_on"] else None,
            }
            actions.commit_change(
                session, case, actor=user.name, action=action, label=label, before=before, detail=detail, now=self.now()
            )

        return self._act(case_id, actor, expected_version, label, run)

    def close(self, case_id: str, actor: str, *, reason: str | None = None, expected_version: int | None = None):
        now = self.now()
        return self._act(
            case_id, actor, expected_version, machine.CLOSE, lambda s, c, u: actions.close(s, c, u, reason, now)
        )


SAME_CASE = ("/jurisdiction", "/subject", "/allegations")


def require_same_case(stored: dict[str, Any], updated: dict[str, Any]) -> None:
    """The updated document describes the same case: same jurisdiction, subject and allegations (ids and
    summaries; their findings may change, which is what a resumed case is about)."""

    def allegations(document):
        return sorted((a.get("id"), a.get("summary")) for a in document.get("allegations") or ())

    different = [
        pointer
        for pointer, old, new in (
            ("/jurisdiction", stored.get("jurisdiction"), updated.get("jurisdiction")),
            ("/subject", stored.get("subject"), updated.get("subject")),
            ("/allegations", allegations(stored), allegations(updated)),
        )
        if old != new
    ]
    if different:
        raise NotSameCase(stored.get("case_id", ""), different)
