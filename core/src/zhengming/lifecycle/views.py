"""What ``case show`` and ``case list`` print: plain JSON data built from a stored case.

Views never include the reporter's identity, only whether one is sealed with the case; of the parties a
case concerns they give the names kept in clear and, for the sealed ones, the role only.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ..model import localized
from ..store.models import AuditEvent, CaseRecord
from .machine import revisit_policy
from .states import DUE_WATCHED, TERMINAL, State


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def is_overdue(case: CaseRecord, today: date, revisits: list | None = None) -> bool:
    """Past the deadline with the decision to start still pending, or a planned revisit not done in time."""
    if case.state in TERMINAL:
        return False
    if case.due_on is not None and case.due_on < today and case.state in DUE_WATCHED:
        return True
    if case.state == State.REVISIT:
        return any(
            r.done_on is None and r.planned_on < today for r in (revisits if revisits is not None else case.revisits)
        )
    return False


def list_row(case: CaseRecord, today: date, overdue: bool | None = None) -> dict[str, Any]:
    return {
        "case_id": case.case_id,
        "kind": case.kind,
        "jurisdiction": case.jurisdiction,
        "state": case.state,
        "outcome": case.outcome,
        "fast_track": case.fast_track,
        "due_on": _iso(case.due_on),
        "overdue": is_overdue(case, today) if overdue is None else overdue,
        "current_step": case.current_step if case.state in (State.PROPOSAL, State.APPROVAL) else None,
        "close_reason": case.close_reason,
        "version": case.version,
    }


def case_view(
    case: CaseRecord, today: date, history: list[AuditEvent] | None = None, lang: str = "zh"
) -> dict[str, Any]:
    """The case, its decision's texts in ``lang``."""
    decision = localized(case.decision, lang)
    steps = []
    for index, step in enumerate(case.steps):
        if case.state == State.REJECTED and index == case.current_step:
            status = "rejected"
        elif index < case.current_step:
            status = "done"
        elif case.state in (State.PROPOSAL, State.APPROVAL) and index == case.current_step:
            status = "current"
        else:
            status = "pending"
        steps.append({"index": index, **step, "status": status})
    revisit = revisit_policy(case)
    view = list_row(case, today) | {
        "as_of": _iso(case.as_of),
        "steps": steps,
        "approvals": [
            {
                "step": a.step_index,
                "role": a.role,
                "level": a.level,
                "action": a.action,
                "decision": a.decision,
                "actor": a.actor,
                "at": _iso(a.at),
                "given_on": _iso(a.given_on),  # signed on paper that day (``at``: when it was recorded)
                "superseded_at": _iso(a.superseded_at),  # an amended intake changed the decision
                "comment": a.comment,
            }
            for a in case.approvals
        ],
        "methods": [
            {"method": m["method"], "consent_required": m["consent_required"]}
            for m in decision.get("methods", ())
            if isinstance(m, dict)  # a revisit-education plan's methods are revisit methods (under "revisit")
        ],
        "consent": case.consent,
        "consents": [
            {"status": c.status, "actor": c.actor, "at": _iso(c.at), "comment": c.comment} for c in case.consents
        ],
        "clarifications": [
            {"method": c.method, "on": _iso(c.carried_out_on), "scope": c.scope, "actor": c.actor}
            for c in case.clarifications
        ],
        "notifications": {
            "required": [n["recipient"] for n in decision.get("notifications", ())],
            "done": [
                {"recipient": n.recipient, "on": _iso(n.notified_on), "actor": n.actor} for n in case.notifications
            ],
        },
        "revisit": {
            "required": revisit["required"],
            "targets": revisit.get("targets", []),
            "methods": revisit.get("methods", []),
            "visits": [
                {
                    "planned_on": _iso(r.planned_on),
                    "done_on": _iso(r.done_on),
                    "method": r.method,
                    "target": r.target,
                    "note": r.note,
                    "actor": r.actor,
                }
                for r in sorted(case.revisits, key=lambda r: r.planned_on)
            ],
        },
        "close_reason": case.close_reason,
        "pinned": {
            "chain": case.chain,
            "plugin_versions": case.plugin_versions,
            "rules_fingerprint": case.rules_fingerprint,
        },
        "reporter": {"sealed": case.reporter_sealed is not None},
        "parties": [dict(p) for p in case.parties or ()],
        "opened_by": case.opened_by,
        "opened_at": _iso(case.opened_at),
        "updated_at": _iso(case.updated_at),
        "document": case.document,
        "decision": decision,
    }
    if history is not None:
        view["history"] = [_history_entry(e) for e in history]
    return view


def _history_entry(event: AuditEvent) -> dict[str, Any]:
    after = event.after or {}
    entry = {
        "seq": event.seq,
        "at": event.at,
        "actor": event.actor,
        "action": event.action,
        "from": (event.before or {}).get("state"),
        "to": after.get("state"),
    }
    if after.get("given_on"):  # a step signed on paper
        entry["given_on"] = after["given_on"]
    if event.action == "amend":  # what the amendment changed (sealed fields: only that they were re-sealed)
        entry["changed"] = after.get("changed", [])
        entry["approvals_reset"] = after.get("approvals_reset", 0)
    return entry
