"""Corrections: amending a stored case's intake (修改受理信息) and approvals given on paper (纸质审批补录).

**Amending.** A handling officer corrects the intake document of a case — a mistyped name, an
allegation's finding, a date. The amended document is evaluated again through the jurisdiction's chain
and replaces the stored one; the audit event records every field changed (before and after; the
reporter's identity only as "re-sealed") and what became of the approvals.

*When.* Only while nothing has been carried out on the facts: a deferred case, a case in its approval
steps, a clarification approved but not yet carried out (awaiting consent or clarification), an
accountability case awaiting its reminder talk, and a case the evaluation itself closed as not
applicable or decided (a filing with no procedure step), nobody having acted on it since: an amendment
may reopen it. The texts tie every later act to the
verified facts as they then stood: the clarification is carried out on the conclusion of the
verification (济南办法第四条), by the methods and within the scope approved (第六条、第七条), and its
materials then go into the cadre's integrity archive (第八条); 浙江 clarifies only the specific issues
found untrue. Once a clarification is carried out, a decision taken or a case closed by people, an
amendment would silently rewrite what was done and filed, so it is refused (:class:`NotAmendable`);
correcting such a case is a review (复审复核, 济南办法第四条（三）), a new case of its own.

*The approvals.* Approvals were given on a decision. If the amended facts change the decision in
anything but its timing (deadlines, fast track, the date the rules apply), the approvals so far are
superseded (kept, marked with the time) and the case starts again at the decision's entry state, its
first step; a subject's consent recorded under the old decision is cleared too. If the decision stays
the same (a typo in a name), the approvals stand.

*Who.* A user of the handling organ at its level holding a role that establishes the facts
(:data:`AMENDING_ROLES`); need-to-know applies as for any action, and an amendment that would move the
case out of the amender's own organ is refused.

**On paper.** An approval, rejection or send-back signed on paper is recorded by the approver
themselves, authenticated as for any step, with the date on the paper (``given_on``) kept beside the
time it was recorded. Role, seat and separation of duties apply as for any step: nothing is recorded
in the name of someone who did not authenticate. The date may not be in the future, nor before the case
was opened or its previous step was taken (dates of stored times are their UTC dates, which never
refuses a true date in China's time zone).
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from ..errors import InvalidDocument, Problem
from ..field_labels import field_label
from ..i18n import Message, gettext
from ..model import Role, Text
from .errors import FieldNotAmendable, InvalidPaperDate, NotAmendable
from .parties import ROLES as PARTY_ROLES
from .roles import handling_seat, seat_misfit
from .states import State

AMEND = Message("amend the intake")

# States in which nothing has yet been carried out on the facts (see the module's docstring).
AMENDABLE = frozenset(
    {State.DEFERRED, State.PROPOSAL, State.APPROVAL, State.CONSENT, State.CLARIFICATION, State.REMINDER}
)
# The roles that establish the facts of a case (核查组、承办部门 propose on them: 济南办法第七条).
AMENDING_ROLES = frozenset({Role.HANDLING_DEPARTMENT.value, Role.VERIFICATION_TEAM.value})
# What names the case itself: an error here is a different case, never an amendment.
FIXED = ("/case_id", "/kind", "/jurisdiction")
# Parts of a decision that say when, not what: a change in them leaves the approvals standing.
TIMING = frozenset({"as_of", "deadline", "deadlines", "fast_track"})
# Audit events that evaluate the intake: a state entered by one of them was entered by no one's act.
EVALUATIONS = frozenset({"open", "resume", "amend"})
REPORTER = "/reporter"
SEALED_PARTIES = "/concerns"


# --- amending: who, when, what -------------------------------------------------------------------


def require_amendable(case: Any, *, untouched: bool = False) -> None:
    """Refuse, saying why, unless the case's state allows an amendment. ``untouched``: nobody acted on
    the case since it was last evaluated (its last audit event is one of :data:`EVALUATIONS`), so a case the evaluation itself closed as
    not applicable, or decided with no step to take, may be amended (and so reopened)."""
    if case.state in {s.value for s in AMENDABLE}:
        return
    if untouched and (
        (case.state == State.CLOSED and case.close_reason == "not_applicable") or case.state == State.DECIDED
    ):
        return
    if case.state in (State.CLARIFIED, State.ARCHIVED, State.REVISIT):
        detail = Message(
            "the clarification was carried out on the stored facts; a wrong finding is corrected by a review, not by amending the intake",
        )
    elif case.state == State.PROBATION:
        detail = Message("the probation has started: record its result instead")
    else:
        detail = Message("a decision was taken or the case closed")
    raise NotAmendable(case.case_id, case.state, AMEND, detail)


def amender_misfit(case: Any, user: Any) -> Text | None:
    """Why ``user`` may not amend ``case`` (``None``: they may; see :func:`check_amender`)."""
    if not AMENDING_ROLES & set(user.roles or ()):
        return Message("only the handling department or verification team amends")
    return seat_misfit(user, handling_seat(case.kind, case.document))


def amended_document(case: Any, document: Any) -> dict[str, Any]:
    """The amended intake document, checked to name the same case; ``case_id`` filled in and ``as_of``
    kept from the stored document when the amendment omits it (it fixes which rules apply).

    :raises InvalidDocument: not an object.
    :raises FieldNotAmendable: it names another case id, kind or jurisdiction.
    """
    if not isinstance(document, dict):
        raise InvalidDocument([Problem("", Message("must be an object"))])
    stored = case.document
    given = {
        "/case_id": document.get("case_id", case.case_id),
        "/kind": document.get("kind", "clarification"),
        "/jurisdiction": document.get("jurisdiction"),
    }
    held = {"/case_id": case.case_id, "/kind": case.kind, "/jurisdiction": case.jurisdiction}
    for pointer in FIXED:
        if given[pointer] != held[pointer]:
            raise FieldNotAmendable(case.case_id, pointer)
    amended = copy.deepcopy(document) | {"case_id": case.case_id}
    if not amended.get("as_of") and stored.get("as_of"):
        amended["as_of"] = stored["as_of"]
    return amended


def with_settings(
    document: Mapping[str, Any], settings: Iterable[tuple[str, str]], *, as_text: bool = False
) -> dict[str, Any]:
    """``document`` with each ``path=value`` applied (``case amend --set``). A path is a JSON pointer
    (``/subject/name``) or dotted (``subject.name``); an allegation may be named by its id
    (``allegations.a1.finding``). A coded field takes its code or its Chinese or English name
    (``finding=属实``); a value replacing text stays text (a name ``123``); any other is read
    as JSON when it parses (``true``, ``3``, ``null``), else taken as text; ``as_text``: always text
    (the reporter's identity holds only strings).

    :raises InvalidDocument: a path that does not lead into the document, naming it.
    """
    result = copy.deepcopy(dict(document))
    problems = []
    for path, raw in settings:
        parts = _parts(path)
        if not parts:
            problems.append(Problem(path or "/", Message("name a field")))
            continue
        node: Any = result
        at = ""
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            if isinstance(node, list):
                position = _position(node, part)
                if position is None:
                    problems.append(Problem(f"{at}/{part}", Message("no such item")))
                    break
                at += f"/{position}"
                if last:
                    node[position] = _value(raw, node[position], as_text, at)
                else:
                    node = node[position]
            elif isinstance(node, dict):
                at += f"/{part}"
                if last:
                    node[part] = _value(raw, node.get(part), as_text, at)
                else:
                    node = node.setdefault(part, {})
            else:
                problems.append(Problem(at, Message("is not an object or a list")))
                break
    if problems:
        raise InvalidDocument(problems)
    return result


def _value(raw: str, current: Any, as_text: bool, pointer: str) -> Any:
    from ..field_labels import VALUES, pattern_of
    from ..labels import parse

    enum = VALUES.get(pattern_of(pointer))
    member = parse(enum, raw) if enum is not None and not as_text else None
    if member is not None:  # a coded field typed by its Chinese or English name (属实 → true)
        return member.value
    if as_text or isinstance(current, str):
        return raw
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _parts(path: str) -> list[str]:
    path = path.strip()
    if path.startswith("/"):
        return [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")]
    return [p for p in path.split(".") if p]


def _position(items: list[Any], part: str) -> int | None:
    if part.isdigit():
        return int(part) if int(part) < len(items) else None
    return next((n for n, item in enumerate(items) if isinstance(item, dict) and item.get("id") == part), None)


def changes_of(stored: Mapping[str, Any], amended: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every field the amendment changes, as ``{pointer, field: {zh, en}, before, after}``."""
    from .reevaluate import differences

    return [
        {**change, "field": _label(field_label(change["pointer"], amended, stored))}
        for change in differences(dict(stored), dict(amended))
    ]


def sealed_change(pointer: str) -> dict[str, Any]:
    """A sealed field given anew: re-sealed; its values are never compared, shown or recorded."""
    return {"pointer": pointer, "field": _label(field_label(pointer)), "before": None, "after": None, "sealed": True}


def _label(text: Text) -> dict[str, str]:
    return {"zh": text.zh, "en": text.en}


def kept_parties(kind: str, stored: list[dict[str, Any]], document: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The parties of an amended case that gives no ``concerns``: those read from the document (a
    filing's applicant) read again, the others kept as stored."""
    from .parties import parties_of

    roles = PARTY_ROLES.get(kind, {})
    derived = [p for p in parties_of(kind, None, document).listed]
    return derived + [p for p in stored if not (p.get("role") in roles and roles[p["role"]].derived_from)]


def decision_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Where the new decision differs from the one the approvals were given on, timing aside; compared in
    Chinese, as a decision stored before decisions were kept in both languages holds only that."""
    from ..model import localized
    from .reevaluate import differences

    strip = lambda d: {k: v for k, v in localized(d, "zh").items() if k not in TIMING}  # noqa: E731
    return [d["pointer"] for d in differences(strip(old), strip(new))]


def change_lines(changes: Iterable[Mapping[str, Any]], lang: str, *documents: Any) -> list[str]:
    """``被反映人姓名：张三 → 张山`` per change (a sealed field: ``举报人身份：已重新加密保存``); a change
    without its ``field`` label (as the audit event records it) is named from ``documents``."""
    from ..field_labels import value_text

    lines = []
    for change in changes:
        field = change.get("field") or _label(field_label(change["pointer"], *documents))
        name = field["en" if lang == "en" else "zh"]
        if change.get("sealed"):
            lines.append(gettext("{name}: re-sealed (not shown)", lang, name=name))
            continue
        before = value_text(change["pointer"], change["before"], lang)
        after = value_text(change["pointer"], change["after"], lang)
        lines.append(gettext("{name}: {before} → {after}", lang, name=name, before=before, after=after))
    return lines


# --- on paper ------------------------------------------------------------------------------------


def check_paper_date(case_id: str, given_on: date, *, today: date, opened: date, previous: date | None) -> None:
    """The date on a paper approval is not in the future, nor before the case was opened or its previous
    step was taken (:class:`InvalidPaperDate` naming ``/given_on``). All three are the office's days."""
    if given_on > today:
        raise InvalidPaperDate(
            Message("the date on paper, {given_on}, is after today ({today})", given_on=given_on, today=today)
        )
    if given_on < opened:
        raise InvalidPaperDate(
            Message(
                "the date on paper, {given_on}, is before case {case_id} was opened ({opened})",
                given_on=given_on,
                case_id=case_id,
                opened=opened,
            )
        )
    if previous is not None and given_on < previous:
        raise InvalidPaperDate(
            Message(
                "the date on paper, {given_on}, is before the previous step ({previous})",
                given_on=given_on,
                previous=previous,
            )
        )


# --- amending: the action is the row ``amend`` of the lifecycle table (.table) -----------------------


def party_changes(old: list[dict[str, Any]], new: list[dict[str, Any]], sealed: bool) -> list[dict[str, Any]]:
    """The parties in clear, compared; sealed names only as re-sealed."""
    clear = lambda parties: [p for p in parties if not p.get("sealed")]  # noqa: E731
    found = []
    if clear(old) != clear(new):
        found.append(
            {
                "pointer": SEALED_PARTIES,
                "field": _label(field_label(SEALED_PARTIES)),
                "before": [p["name"] for p in clear(old)],
                "after": [p["name"] for p in clear(new)],
            }
        )
    if sealed:
        found.append(sealed_change(SEALED_PARTIES + "/sealed"))
    return found
