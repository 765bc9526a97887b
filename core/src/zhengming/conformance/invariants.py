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
from ..model import Text
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
FAMILIES = (*BLOCK_FAMILY.values(), *KIND_FAMILY.values())
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
    text: Text
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
        Text("决定文档符合决定模式", "the decision validates against the decision schema"),
        _valid_decision,
    ),
    Invariant(
        "every-block-cited",
        Text("每个决定块至少引用一处依据", "every block cites at least one source"),
        _every_block_cited,
    ),
    Invariant(
        "deadline-leads-deadlines",
        Text("deadlines 以 deadline 开头，每种期限只有一个", "deadlines starts with deadline, one per action"),
        _deadline_leads_deadlines,
    ),
    Invariant(
        "only-untrue-clarified",
        Text("只澄清不属实的问题", "only untrue allegations are clarified"),
        _only_untrue_clarified,
    ),
    Invariant(
        "deferred-clarifies-nothing",
        Text("待定或不适用时不澄清任何问题", "deferred or not applicable clarifies nothing"),
        _nothing_clarified_unless_outcome_clarifies,
    ),
    Invariant(
        "negative-item-ineligible",
        Text("触及负面清单即不予容错", "a negative-list hit is ineligible"),
        _ineligible_on_any_negative_item,
    ),
    Invariant(
        "accountability-follows-probation",
        Text(
            "考验期结果已知时，整改到位则免予、从轻或减轻，未整改则问责",
            "after a known probation result, rectified leads to exempt/lighter/reduced and not rectified to proceed",
        ),
        _accountability_follows_probation,
    ),
)
# Checked by the runner, which needs more than one decision: see runner.py.
RUNNER_INVARIANTS = {
    "no-exception": Text("评估不抛出异常", "evaluation raises no exception"),
    "chain-shape": Text(
        "规则链始于 core、止于本辖区（或其已施行的上级）", "the chain starts at core and ends at the jurisdiction"
    ),
    "deterministic": Text("同一案件两次评估结果相同", "the same case gets the same decision"),
    "inherits-when-silent": Text(
        "未覆盖任何钩子的下级与上级答复相同", "a child that overrides nothing answers as its parent"
    ),
    "list-items-exist": Text(
        "容错答复所列清单事项在本辖区元数据中存在", "list items named by an answer exist in the metadata"
    ),
}
