"""Who a false-accusation or fault-tolerance case concerns (涉及人员), and which of them stay sealed.

The interchange contract names no person in a false-accusation case (only facts about the accuser),
and a fault-tolerance filing names only who files (``filing.subject``). A stored case must still say
whom it is about, so the intake document (like ``reporter``) may carry one more field, ``concerns``:
a list of ``{role, name, kind}`` (``kind`` ``person`` by default, or ``organization``). It is taken off
before the case part is validated against the schema.

Which roles a kind takes, and which are sealed, is the table :data:`ROLES`. A name that identifies a
person who reported (诬告者: the accuser of a false-accusation case *is* a reporter) is sealed with the
store's key exactly like the reporter's identity and never appears in a view, an error or the audit
log; the others are kept in clear, as a clarification case keeps ``subject.name``. A fault-tolerance
filing's ``filing.subject`` is recorded as its ``applicant`` without being repeated in ``concerns``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from ..errors import Problem
from ..labels import named
from ..model import Text

CONCERNS_FIELD = "concerns"
PARTY_KINDS = ("person", "organization")
MAX_NAME = 200


@attrs.frozen
class Role:
    """A role a party plays in a case: its label and whether the name is sealed."""

    label: Text
    sealed: bool
    derived_from: str | None = None  # the case document's field the party is read from, if any


ROLES: Mapping[str, Mapping[str, Role]] = {
    "false_accusation": {
        "accuser": Role(Text("诬告者（举报人）", "accuser (a reporter)"), sealed=True),
        "accused": Role(Text("被诬告陷害人", "falsely accused"), sealed=False),
    },
    "fault_tolerance": {
        "applicant": Role(Text("申请人", "applicant"), sealed=False, derived_from="/filing/subject"),
        "cadre": Role(Text("当事干部", "cadre concerned"), sealed=False),
    },
}


@attrs.frozen
class Parties:
    """The parties of one case: ``listed`` (what views show: names in clear, sealed ones as
    ``{"role", "sealed": true}``) and ``secret`` (the sealed ones' names, to seal; empty when none)."""

    listed: tuple[dict[str, Any], ...] = ()
    secret: tuple[dict[str, Any], ...] = ()


def split_concerns(intake: Any) -> tuple[Any, Any]:
    """The intake document without ``concerns``, and the ``concerns`` value (``None`` when absent)."""
    if not isinstance(intake, dict) or CONCERNS_FIELD not in intake:
        return intake, None
    return {k: v for k, v in intake.items() if k != CONCERNS_FIELD}, intake[CONCERNS_FIELD]


def concern_problems(kind: str, concerns: Any, case: Mapping[str, Any]) -> list[Problem]:
    """Shape problems of ``concerns`` for a case of ``kind``. Messages never quote a name."""
    if concerns is None:
        return []
    roles = ROLES.get(kind, {})
    explicit = sorted(r for r, role in roles.items() if role.derived_from is None)
    if not explicit:
        return [Problem("/concerns", Text(f"{kind} 类案件不登记涉及人员", f"a {kind} case records no concerns"))]
    if not isinstance(concerns, list):
        return [Problem("/concerns", Text("须为列表", "must be a list"))]
    problems = []
    for index, item in enumerate(concerns):
        at = f"/concerns/{index}"
        if not isinstance(item, dict):
            problems.append(Problem(at, Text("须为对象（role、name）", "must be an object (role, name)")))
            continue
        for key in sorted(set(item) - {"role", "name", "kind"}):
            problems.append(Problem(f"{at}/{key}", Text("未知字段", "unknown field")))
        if item.get("role") not in explicit:
            allowed = named(explicit, lambda role: roles[role].label.zh)  # as a person types a choice
            problems.append(Problem(f"{at}/role", Text(f"须为 {allowed.zh} 之一", f"must be one of {allowed.en}")))
        name = item.get("name")
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
            problems.append(
                Problem(
                    f"{at}/name",
                    Text(f"须为 1–{MAX_NAME} 字的字符串", f"must be a string of 1–{MAX_NAME} characters"),
                )
            )
        if item.get("kind", "person") not in PARTY_KINDS:
            problems.append(
                Problem(f"{at}/kind", Text("须为 person 或 organization", "must be person or organization"))
            )
    if kind == "false_accusation" and not problems:
        accusers = sum(1 for item in concerns if item["role"] == "accuser")
        count = (case.get("accuser") or {}).get("count", 1)
        if isinstance(count, int) and accusers > count:
            problems.append(
                Problem(
                    "/accuser/count",
                    Text(
                        f"登记了 {accusers} 名诬告者，多于 accuser.count（{count}）",
                        f"{accusers} accusers are named in concerns, more than accuser.count ({count})",
                    ),
                )
            )
    return problems


def parties_of(kind: str, concerns: Any, case: Mapping[str, Any]) -> Parties:
    """The parties of a valid case: those read from the case document first, then ``concerns`` in order."""
    roles = ROLES.get(kind, {})
    found = []
    for role_id, role in roles.items():
        if role.derived_from is not None:
            value = _at(case, role.derived_from)
            if isinstance(value, dict) and value.get("name"):
                found.append({"role": role_id, "kind": value.get("kind", "person"), "name": value["name"]})
    for item in concerns or ():
        found.append({"role": item["role"], "kind": item.get("kind", "person"), "name": item["name"]})
    listed, secret = [], []
    for party in found:
        if roles[party["role"]].sealed:
            listed.append({"role": party["role"], "sealed": True})
            secret.append(party)
        else:
            listed.append(party)
    return Parties(tuple(listed), tuple(secret))


def _at(document: Mapping[str, Any], pointer: str) -> Any:
    node: Any = document
    for part in pointer.strip("/").split("/"):
        node = node.get(part) if isinstance(node, dict) else None
    return node
