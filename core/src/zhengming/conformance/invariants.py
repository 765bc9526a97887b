"""Invariants every jurisdiction must satisfy on every valid case, as data: id, family, text, check.

A check receives the input case document and the decision document and returns a list of
failures (empty when the invariant holds). ``family`` names the hook family a failure is charged to
(``None``: the family of the failing block, found from the failure's pointer).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ..errors import InvalidDocument
from ..i18n import Message
from ..validation import check_decision

Document = Mapping[str, Any]
Check = Callable[[Document, Document], list[str]]

# Decision blocks and the hook family that answers them.
BLOCK_FAMILY = {
    "trigger": "trigger",
    "deadline": "deadline",
    "deadlines": "deadline",
    "fast_track": "fast_track",
    "approval": "approval",
    "methods": "methods",
    "notifications": "notifications",
    "revisit": "revisit",
}
KIND_FAMILY = {
    "false_accusation": "false_accusation",
    "fault_tolerance": "fault_tolerance",
    "accountability": "accountability",
    "disciplined_revisit": "disciplined_revisit",
}
# Each family once, in order: two blocks (deadline, deadlines) share one family.
FAMILIES = tuple(dict.fromkeys((*BLOCK_FAMILY.values(), *KIND_FAMILY.values())))
HOOK_FAMILY = {
    "zhengming_clarification_trigger": "trigger",
    "zhengming_clarification_deadline": "deadline",
    "zhengming_clarification_deadlines": "deadline",
    "zhengming_fast_track": "fast_track",
    "zhengming_approval_route": "approval",
    "zhengming_clarification_methods": "methods",
    "zhengming_notifications": "notifications",
    "zhengming_revisit_policy": "revisit",
    "zhengming_false_accusation": "false_accusation",
    "zhengming_reporter_tracing": "false_accusation",
    "zhengming_fault_tolerance": "fault_tolerance",
    "zhengming_accountability": "accountability",
    "zhengming_disciplined_revisit": "disciplined_revisit",
}


def family_at(decision: Document, pointer: str) -> str:
    """The hook family responsible for the decision field at ``pointer``."""
    kind = decision.get("kind", "clarification")
    if kind in KIND_FAMILY:
        return KIND_FAMILY[kind]
    block = pointer.strip("/").split("/")[0]
    return BLOCK_FAMILY.get(block, "trigger")


@attrs.frozen
class Invariant:
    id: str
    text: Message  # what it asserts, for people (the catalog's English msgid, Chinese in zh_CN)
    check: Check


def _valid_decision(case: Document, decision: Document) -> list[str]:
    try:
        check_decision(decision)
    except InvalidDocument as exc:
        return [p.render("en") for p in exc.problems]
    return []


def _cited_blocks(decision: Document) -> list[tuple[str, Any]]:
    if decision["kind"] != "clarification":
        return [("", decision)]
    blocks = [("/trigger", decision["trigger"]), ("/approval", decision["approval"]), ("/revisit", decision["revisit"])]
    if decision["deadline"] is not None:
        blocks.append(("/deadline", decision["deadline"]))
    blocks += [(f"/deadlines/{n}", d) for n, d in enumerate(decision.get("deadlines", ()))]
    blocks += [(f"/methods/{n}", m) for n, m in enumerate(decision["methods"])]
    blocks += [(f"/notifications/{n}", m) for n, m in enumerate(decision["notifications"])]
    return blocks


def _deadline_leads_deadlines(case: Document, decision: Document) -> list[str]:
    """``deadline`` is ``deadlines[0]`` when set (absent from it when null), one deadline per action."""
    if decision["kind"] != "clarification":
        return []
    listed, single = decision.get("deadlines", []), decision["deadline"]
    failures = []
    if single is not None and (not listed or listed[0] != single):
        failures.append("/deadlines: does not start with the decision's deadline")
    if single is None and any(d["action"] == "decide_whether_to_start" for d in listed):
        failures.append("/deadlines: lists decide_whether_to_start while deadline is null")
    actions = [d["action"] for d in listed]
    failures += [f"/deadlines: {a!r} listed twice" for a in sorted({a for a in actions if actions.count(a) > 1})]
    return failures


def _every_block_cited(case: Document, decision: Document) -> list[str]:
    return [f"{at or '/'}: no citation" for at, block in _cited_blocks(decision) if not block.get("citations")]


def _only_untrue_clarified(case: Document, decision: Document) -> list[str]:
    if decision["kind"] != "clarification":
        return []
    untrue = {a["id"] for a in case["allegations"] if a["finding"] == "untrue"}
    return [
        f"/trigger/allegations: clarifies {a!r}, which was not found untrue"
        for a in decision["trigger"]["allegations"]
        if a not in untrue
    ]


def _nothing_clarified_unless_outcome_clarifies(case: Document, decision: Document) -> list[str]:
    if decision["kind"] != "clarification":
        return []
    trigger = decision["trigger"]
    if trigger["outcome"] in ("must_clarify", "may_clarify"):
        return []
    found = []
    if trigger["allegations"]:
        found.append(f"/trigger/allegations: {trigger['outcome']} lists allegations {trigger['allegations']}")
    if decision["methods"]:
        found.append(f"/methods: {trigger['outcome']} offers clarification methods")
    return found


def _ineligible_on_any_negative_item(case: Document, decision: Document) -> list[str]:
    if decision["kind"] == "fault_tolerance" and decision["matched_negative"] and decision["outcome"] != "ineligible":
        return [f"/outcome: {decision['outcome']} although negative items {decision['matched_negative']} were hit"]
    return []


# Once the probation's result is known, the contract fixes which outcomes may follow.
AFTER_PROBATION = {True: ("exempt", "lighter", "reduced"), False: ("proceed",)}


def _accountability_follows_probation(case: Document, decision: Document) -> list[str]:
    if decision["kind"] != "accountability":
        return []
    rectified = case.get("probation", {}).get("rectified")
    allowed = AFTER_PROBATION.get(rectified) if rectified is not None else None
    if allowed and decision["outcome"] not in allowed:
        return [f"/outcome: {decision['outcome']} after probation.rectified={rectified}; expected one of {allowed}"]
    return []


INVARIANTS: tuple[Invariant, ...] = (
    Invariant(
        "decision-schema",
        Message("the decision validates against the decision schema"),
        _valid_decision,
    ),
    Invariant(
        "every-block-cited",
        Message("every block cites at least one source"),
        _every_block_cited,
    ),
    Invariant(
        "deadline-leads-deadlines",
        Message("deadlines starts with deadline, one per action"),
        _deadline_leads_deadlines,
    ),
    Invariant(
        "only-untrue-clarified",
        Message("only untrue allegations are clarified"),
        _only_untrue_clarified,
    ),
    Invariant(
        "deferred-clarifies-nothing",
        Message("deferred or not applicable clarifies nothing"),
        _nothing_clarified_unless_outcome_clarifies,
    ),
    Invariant(
        "negative-item-ineligible",
        Message("a negative-list hit is ineligible"),
        _ineligible_on_any_negative_item,
    ),
    Invariant(
        "accountability-follows-probation",
        Message(
            "after a known probation result, rectified leads to exempt/lighter/reduced and not rectified to proceed",
        ),
        _accountability_follows_probation,
    ),
)
# Checked by the runner, which needs more than one decision: see runner.py.
RUNNER_INVARIANTS = {
    "no-exception": Message("evaluation raises no exception"),
    "chain-shape": Message("the chain starts at core and ends at the jurisdiction"),
    "deterministic": Message("the same case gets the same decision"),
    "inherits-when-silent": Message("a child that overrides nothing answers as its parent"),
    "list-items-exist": Message("list items named by an answer exist in the metadata"),
}
