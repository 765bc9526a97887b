"""Case builders for plugin authors' tests: a valid case document of each kind, changed only where a test says.

Every builder returns a fresh interchange document (a dict) that passes the case schema. Keyword
arguments change it: a dict value is merged into the default object of that name, ``None`` removes it
(the model's default applies), any other value replaces it (:func:`changed` does the same to any
document)::

    from zhengming.testing import clarification, decide, fault_tolerance

    def test_key_juncture_is_fast(engine):
        case = clarification("pingdingshan", circumstances={"key_juncture": True})
        assert decide(engine, case)["fast_track"] is True

    def test_private_gain_is_ineligible(engine):
        decision = decide(engine, fault_tolerance("pingdingshan", claimed=["P6"], private_gain=True))
        assert decision["outcome"] == "ineligible"
"""

from __future__ import annotations

import copy
from typing import Any

AS_OF = "2024-05-01"

_CLARIFICATION: dict[str, Any] = {
    "subject": {"kind": "person", "name": "王某", "management_level": "county"},
    "report": {"received_on": "2023-02-01", "real_name": False, "channel": "letter"},
    "handling": {"organ": "discipline_commission", "level": "county", "verification_concluded_on": "2023-03-10"},
    "allegations": [{"id": "a1", "summary": "违规收受礼金", "finding": "untrue"}],
    "impact": {"scope": "unit"},
}
_FALSE_ACCUSATION: dict[str, Any] = {
    "kind": "false_accusation",
    "accuser": {"kind": "party_member"},
    "investigating_organ": {"organ": "discipline_commission", "level": "county"},
}
_ACCOUNTABILITY: dict[str, Any] = {
    "kind": "accountability",
    "subject": {"kind": "person", "name": "张某", "management_level": "county", "position": "principal"},
    "shortfall": {"kind": "ranked_last", "ranking": "city_assessment", "consecutive_last": 1},
}
_DISCIPLINED_REVISIT: dict[str, Any] = {
    "kind": "disciplined_revisit",
    "subject": {"kind": "person", "name": "李某", "management_level": "county"},
    "discipline": {"kind": "party_discipline", "decided_on": "2023-05-01", "organ": "discipline_commission",
                   "level": "county"},
}  # fmt: skip

# Facts of a malicious false accusation (every element of 诬告陷害 made out).
MALICIOUS = {"intent": True, "fabricated": True, "adverse_impact": True, "reaches_accountability_threshold": True}


def build(base: dict[str, Any], jurisdiction: str, as_of: str, changes: dict[str, Any]) -> dict[str, Any]:
    """``base`` for ``jurisdiction`` on ``as_of``, with ``changes`` (see :func:`changed`)."""
    return changed({"jurisdiction": jurisdiction, "as_of": as_of, **copy.deepcopy(base)}, **changes)


def changed(document: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """A copy of ``document`` with ``changes``: a dict is merged into the object of that name (one level),
    ``None`` removes the member (the model's default applies), anything else replaces it."""
    document = copy.deepcopy(document)
    for key, value in changes.items():
        current = document.get(key)
        if value is None:
            document.pop(key, None)
        elif isinstance(value, dict) and isinstance(current, dict):
            document[key] = {**current, **value}
        else:
            document[key] = value
    return document


def clarification(jurisdiction: str = "core", as_of: str = AS_OF, **changes: Any) -> dict[str, Any]:
    """A clarification case: one untrue allegation against a county-managed official, impact in the unit."""
    return build(_CLARIFICATION, jurisdiction, as_of, changes)


def false_accusation(jurisdiction: str = "core", as_of: str = AS_OF, **changes: Any) -> dict[str, Any]:
    """A false-accusation case; ``accuser=MALICIOUS | {"kind": ...}`` for a malicious one."""
    return build(_FALSE_ACCUSATION, jurisdiction, as_of, changes)


def fault_tolerance(
    jurisdiction: str = "core", as_of: str = AS_OF, *, claimed: tuple[str, ...] | list[str] = (),
    timing: str = "after", **facts: Any,
) -> dict[str, Any]:  # fmt: skip
    """A fault-tolerance filing claiming ``claimed`` list items, with ``facts`` as its ``filing.facts``."""
    filing = {"timing": timing, "claimed_items": list(claimed), "facts": facts}
    return {"kind": "fault_tolerance", "jurisdiction": jurisdiction, "as_of": as_of, "filing": filing}


def accountability(jurisdiction: str = "core", as_of: str = AS_OF, **changes: Any) -> dict[str, Any]:
    """An accountability case: a county principal ranked last once in the city's assessment."""
    return build(_ACCOUNTABILITY, jurisdiction, as_of, changes)


def disciplined_revisit(jurisdiction: str = "core", as_of: str = AS_OF, **changes: Any) -> dict[str, Any]:
    """A revisit-education case: a county-managed official given party discipline a year before."""
    return build(_DISCIPLINED_REVISIT, jurisdiction, as_of, changes)


def decide(engine: Any, document: dict[str, Any]) -> dict[str, Any]:
    """The decision ``engine`` gives for ``document``, as its interchange document (checked against the schema)."""
    from .model import to_document
    from .validation import check_decision

    decision = to_document(engine.evaluate_document(document))
    check_decision(decision)
    return decision


def articles(block: dict[str, Any], document: str | None = None) -> list[str]:
    """The articles a decision block cites (of ``document`` only, when given)."""
    return [c["article"] for c in block["citations"] if document is None or c["document"] == document]
