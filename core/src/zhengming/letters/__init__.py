"""Letters (公文) printed from a stored case as GB/T 9704-2012 Word documents.

:func:`generate` is the one entry point: ``zhengming case letter ID KIND -o FILE`` calls it, and so
will the HTTP API (``POST /cases/{id}/letters/{kind}``) once it exists. It reads the case, asks the
case's pinned chain for the kind's :class:`~zhengming.LetterTemplate` (hook
``zhengming_letter_template``), builds the text from the case and its decision, and records the
letter in the audit log in the same transaction (action ``letter``: kind, file digest, bytes).
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

import attrs

from ..i18n import Message
from ..lifecycle import actions
from ..lifecycle.errors import EXIT_INVALID, LifecycleError
from ..lifecycle.views import case_view
from ..model import LETTER_KINDS, LetterTemplate, Text
from ..model.enums import CaseKind
from ..plugin.context import EvaluationContext
from ..store import audit
from .content import BUILDERS, CASE_KINDS, Letter, handling_organ, subject_of, zh
from .render import to_docx

__all__ = ["LETTER_KINDS", "GeneratedLetter", "LetterNotApplicable", "UnknownLetterKind", "build", "generate"]


class LetterNotApplicable(LifecycleError):
    """This kind of letter is not printed for this kind of case (refused: exit 5)."""

    def __init__(self, kind: str, case_kind: str | None = None):
        super().__init__(
            Message(
                "a {case_kind} case has no {kind} letter",
                case_kind=Text(zh(CaseKind, case_kind), str(case_kind)),
                kind=kind,
            )
        )


class UnknownLetterKind(LetterNotApplicable):
    """No letter is of this kind at all: invalid input (exit 2, HTTP 422), the kinds listed."""

    exit_code = EXIT_INVALID
    code = "invalid_value"
    field = "/kind"

    def __init__(self, kind: str):
        self.kind = kind
        LifecycleError.__init__(
            self, Message("unknown letter kind {kind} (one of: {kinds})", kind=kind, kinds=", ".join(LETTER_KINDS))
        )


@attrs.frozen
class GeneratedLetter:
    kind: str
    case_id: str
    docx: bytes
    sha256: str
    letter: Letter


def template_for(registry: Any, view: dict[str, Any], kind: str) -> LetterTemplate:
    """The kind's template from the case's pinned chain (the chain now installed if one is missing)."""
    chain = tuple(view["pinned"]["chain"])
    as_of = date.fromisoformat(view["as_of"])
    if not all(j in registry.records for j in chain):
        chain = registry.resolve(view["jurisdiction"], as_of).chain
    ctx = EvaluationContext(jurisdiction=view["jurisdiction"], as_of=as_of, chain=chain)
    return registry.hooks(chain).letter_template(kind, ctx)


def build(view: dict[str, Any], kind: str, template: LetterTemplate, *, today: date) -> Letter:
    """The letter's parts from a case view (what ``case show --json`` prints)."""
    if kind not in LETTER_KINDS:
        raise UnknownLetterKind(kind)
    if view["kind"] not in CASE_KINDS[kind]:
        raise LetterNotApplicable(kind, view["kind"])
    addressee, paragraphs, rows = BUILDERS[kind](view)
    issuer = template.issuer or handling_organ(view)
    number = f"{template.number_prefix}〔{today.year}〕{view['version']}号" if template.number_prefix else ""
    fields = {
        "case_id": view["case_id"],
        "issuer": issuer,
        "number": number,
        "title": template.title,
        "addressee": addressee,
        "paragraphs": list(paragraphs),
        "rows": [list(r) for r in rows],
        "subject": subject_of(view).get("name", ""),
        "date": today.isoformat(),
    }
    return Letter(kind, issuer, number, template.title, addressee, paragraphs, rows, today, fields)


def generate(service: Any, case_id: str, kind: str, *, actor: str | None = None) -> GeneratedLetter:
    """Print ``kind`` for the stored case ``case_id``; recorded in the audit log in the same transaction.

    :param service: a :class:`~zhengming.lifecycle.CaseService` (its store, engine and clock).
    :param actor: the user printing it (must exist, and need to know the case); ``None``: ``system``
        (the caller has checked who may print: the CLI and the HTTP API authenticate first).
    :raises UnknownLetterKind, CaseNotFound, UserNotFound, LetterNotApplicable: as their names say (CLI
        exits 2, 6, 6, 5).
    """
    if kind not in LETTER_KINDS:
        raise UnknownLetterKind(kind)
    today = service.today()
    with service.store.transaction() as session:
        user = actions.load_user(session, actor) if actor else None
        name = user.name if user else "system"
        case = actions.load_case(session, case_id)
        if user is not None:  # need-to-know: a case the user may not see is, to them, no case at all
            actions.require_visible(session, case, user)
        view = case_view(case, today)
        template = template_for(service.engine.registry, view, kind)
        letter = build(view, kind, template, today=today)
        data = to_docx(letter, template.docx)
        digest = hashlib.sha256(data).hexdigest()
        audit.append(
            session,
            actor=name,
            action="letter",
            case_id=case_id,
            before=None,
            after={"state": case.state, "letter": kind, "sha256": digest, "bytes": len(data)},
        )
    return GeneratedLetter(kind, case_id, data, digest, letter)
