"""Intake: an interchange case document plus the reporter's identity, checked, evaluated and pinned.

The intake document is the case document of the interchange contract with one more field,
``reporter`` (the reporter's identity: an object of strings such as ``name``, ``id_number``,
``phone``). It is taken off before the case part is validated against the schema, sealed with the
store's key, and never echoed in an error: problems with it name the field, never its value.
A false-accusation or fault-tolerance case may also say whom it concerns (``concerns``, see
:mod:`.parties`); the names of those who reported are sealed the same way.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import attrs

from ..engine import Engine
from ..errors import InvalidDocument, Problem
from ..i18n import Message
from ..model import BOTH, to_document
from ..store.limits import document_problems
from .machine import due_of, entry_state, outcome_of, steps_of
from .parties import Parties, concern_problems, parties_of, split_concerns
from .pinning import pin
from .roles import case_seats, handling_seat

REPORTER_FIELD = "reporter"


@attrs.frozen
class Evaluated:
    """A case document ready to store: the document (``case_id`` and ``as_of`` filled in), the reporter
    kept apart, and the decision with what it was decided by."""

    document: dict[str, Any]
    reporter: dict[str, Any] | None
    decision: dict[str, Any]
    parties: Parties = attrs.field(factory=Parties)

    @property
    def case_id(self) -> str:
        return self.document["case_id"]


def split_reporter(intake: Any) -> tuple[Any, dict[str, Any] | None]:
    """The case part and the reporter's identity (``None`` when absent); checks the identity's shape."""
    if not isinstance(intake, dict) or REPORTER_FIELD not in intake:
        return intake, None
    case = {k: v for k, v in intake.items() if k != REPORTER_FIELD}
    reporter = intake[REPORTER_FIELD]
    if reporter is None:
        return case, None
    problems = reporter_problems(reporter)
    if problems:
        raise InvalidDocument(problems)
    return case, reporter


def reporter_problems(reporter: Any) -> list[Problem]:
    """Shape problems of the identity. The messages never quote a value: it is sensitive."""
    if not isinstance(reporter, dict):
        return [Problem("/reporter", Message("must be an object (e.g. name, phone)"))]
    return [
        Problem(f"/reporter/{key}", Message("must be a string"))
        for key, value in reporter.items()
        if not isinstance(value, str)
    ]


def evaluate(engine: Engine, intake: Any, *, today: date) -> Evaluated:
    """Validate and evaluate an intake document.

    :raises InvalidDocument: the case part breaks the contract, or the reporter is malformed.
    :raises UnknownJurisdiction: the jurisdiction is not installed.
    :raises PluginError: a plugin failed.
    """
    intake, concerns = split_concerns(intake)
    case, reporter = split_reporter(intake)
    if isinstance(case, dict):
        case = {**case, "as_of": case.get("as_of") or today.isoformat()}
        case.setdefault("case_id", new_case_id())
        unstorable = document_problems(case)  # the store's field limits, before any lookup
        if unstorable:
            raise InvalidDocument([Problem(pointer, text) for pointer, text in unstorable])
    kind = case.get("kind", "clarification") if isinstance(case, dict) else None
    try:
        decision = to_document(engine.evaluate_document(case, today=today), BOTH)  # rendered when read
    except InvalidDocument as exc:
        more = concern_problems(kind, concerns, case) if isinstance(kind, str) else []
        if more:
            raise InvalidDocument([*exc.problems, *more]) from None
        raise
    problems = concern_problems(decision["kind"], concerns, case)
    if problems:
        raise InvalidDocument(problems)
    return Evaluated(case, reporter, decision, parties_of(decision["kind"], concerns, case))


def new_case_id() -> str:
    return "ZM-" + uuid.uuid4().hex[:12].upper()


def case_row(
    engine: Engine,
    evaluated: Evaluated,
    *,
    sealed: bytes | None,
    actor: str,
    now: datetime,
    parties_sealed: bytes | None = None,
) -> dict[str, Any]:
    """The column values of the ``cases`` row for an evaluated case (ORM and bulk insert alike);
    ``sealed`` is the sealed reporter, ``parties_sealed`` the sealed names of :attr:`Evaluated.parties`."""
    document, decision = evaluated.document, evaluated.decision
    kind = decision["kind"]
    steps = steps_of(kind, decision)
    state, reason = entry_state(kind, decision, steps, document)
    pinned = pin(engine.registry, tuple(decision["chain"]))
    due = due_of(kind, decision)
    handling = handling_seat(kind, document)
    return {
        "case_id": document["case_id"],
        "kind": kind,
        "jurisdiction": decision["jurisdiction"],
        "as_of": date.fromisoformat(decision["as_of"]),
        "state": state.value,
        "outcome": outcome_of(kind, decision),
        "fast_track": bool(decision.get("fast_track", False)),
        "due_on": date.fromisoformat(due) if due else None,
        "steps": steps,
        "current_step": 0,
        "document": document,
        "decision": decision,
        "chain": list(pinned.chain),
        "plugin_versions": pinned.versions,
        "rules_fingerprint": pinned.fingerprint,
        "reporter_sealed": sealed,
        "parties": list(evaluated.parties.listed),
        "parties_sealed": parties_sealed,
        "consent": None,
        "close_reason": reason,
        "opened_by": actor,
        "opened_at": now,
        "updated_at": now,
        "version": 1,
        "handling_organ": handling.organ,
        "handling_level": handling.level,
        "seats": case_seats(kind, document, decision, steps),
    }


def summary(row: Mapping[str, Any]) -> dict[str, Any]:
    """What an audit event says about a case: never the documents, never the reporter."""
    return {
        "state": row["state"],
        "outcome": row["outcome"],
        "jurisdiction": row["jurisdiction"],
        "kind": row["kind"],
        "rules_fingerprint": row["rules_fingerprint"],
        "reporter_sealed": row["reporter_sealed"] is not None,
    }


def figures(evaluated: Evaluated, row: Mapping[str, Any]) -> dict[str, Any]:
    """The ``case_figures`` columns (but ``case_pk``) of an evaluated case and its ``cases`` row: the
    subject, plus the cadres a fault-tolerance filing concerns (``concerns``, role ``cadre``)."""
    from ..reports.figures import figures_of

    others = [p for p in evaluated.parties.listed if p.get("role") == "cadre"]
    columns = figures_of(
        row["kind"], row["jurisdiction"], row["as_of"], row["outcome"], evaluated.document, evaluated.decision, others
    )
    return columns | {name: row[name] for name in NEED_TO_KNOW}


# the cases columns need-to-know reads, copied to case_figures so the statistics filter without a join
NEED_TO_KNOW = ("handling_organ", "handling_level", "seats")
