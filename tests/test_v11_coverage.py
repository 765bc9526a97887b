"""Every value contract v1.1 adds is reached by some example case of some installed jurisdiction, except
the ones no source text gives a rule for — listed here with the reason, so a new rule that reaches one
must remove it from the list."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any

import pytest

from zhengming import load_registry, to_document
from zhengming.casefiles import example_cases
from zhengming.model import enums as e

REGISTRY = load_registry()
CASES = [c.case for jid in REGISTRY.ids() for c in example_cases(REGISTRY.records[jid].plugin, jid)]


@pytest.fixture(scope="module")
def decisions(engine):
    return [to_document(engine.evaluate_document(case)) for case in CASES]


def of_kind(kind: str, documents: Iterable[dict]) -> list[dict]:
    return [d for d in documents if d.get("kind", "clarification") == kind]


def steps(decision: dict) -> list[dict]:
    found = list(decision.get("approval", {}).get("steps", ())) + list(decision.get("procedure", ()))
    found += list(decision.get("consultation", ())) + list(decision.get("revisit", {}).get("consult", ()))
    return found + [s for s in decision.get("consult", ()) if isinstance(s, dict)]


# (enumeration, where its values show: (cases, decisions) -> values)
Reach = Callable[[list[dict], list[dict]], Iterable[Any]]
REACHED: list[tuple[type[Enum], Reach]] = [
    (e.AccountabilityOutcome, lambda c, d: (x["outcome"] for x in of_kind("accountability", d))),
    (e.AccountabilityMeasure, lambda c, d: (m for x in of_kind("accountability", d) for m in x["measures"])),
    (e.SubjectPosition, lambda c, d: (x["subject"].get("position", "staff") for x in of_kind("accountability", c))),
    (e.UnitKind, lambda c, d: (x.get("unit", {}).get("kind", "other") for x in of_kind("accountability", c))),
    (e.ShortfallKind, lambda c, d: (x["shortfall"]["kind"] for x in of_kind("accountability", c))),
    (e.CriticizedBy, lambda c, d: (x["shortfall"].get("criticized_by") for x in of_kind("accountability", c))),
    (e.Ranking, lambda c, d: (x["shortfall"].get("ranking") for x in of_kind("accountability", c))),
    (e.DisciplineKind, lambda c, d: (x["discipline"]["kind"] for x in of_kind("disciplined_revisit", c))),
    (e.RevisitTopic, lambda c, d: (t for x in of_kind("disciplined_revisit", d) for t in x["topics"])),
    (e.Relief, lambda c, d: (x["relief"] for x in of_kind("fault_tolerance", d))),
    (e.Measure, lambda c, d: (m for x in of_kind("false_accusation", d) for m in x["measures"])),
    (e.DeadlineAction, lambda c, d: (x["action"] for y in of_kind("clarification", d) for x in y["deadlines"])),
    (
        e.Role,
        lambda c, d: (
            [s["role"] for y in d for s in steps(y)]
            + [x["talk"]["by"] for x in of_kind("accountability", d) if x["talk"]]
        ),
    ),
]
V1_1_ONLY = {  # the enumerations above also hold v1 values: only the v1.1 ones are required here
    e.Measure: {e.Measure.GOVERNMENT_SANCTION, e.Measure.CRITICISM_EDUCATION},
    e.DeadlineAction: set(e.DeadlineAction) - {e.DeadlineAction.DECIDE_WHETHER_TO_START},
    e.Role: {
        e.Role.APPLICANT,
        e.Role.COMMISSION_SECRETARY,
        e.Role.COMMISSION_STANDING_MEMBER,
        e.Role.STYLE_SUPERVISION_OFFICE,
        e.Role.CASE_TRIAL_OFFICE,
        e.Role.UNIT_PARTY_ORGANIZATION,
    },
}
# (enumeration, value): why no rule reaches it. StrEnum members of different classes with one value
# compare equal, so the key names the class.
UNSOURCED = {
    (e.DeadlineAction, "complete_clarification"): "no seed text sets a time limit for carrying out a clarification",
    (e.DeadlineAction, "give_feedback"): "no seed text sets a time limit for feedback to the reporter or the subject",
    (e.DeadlineAction, "revisit"): "no seed text sets when a revisit is due (浙江's counties say 适时, 定期)",
    (
        e.Measure,
        "criticism_education",
    ): "批评教育 is named for accountability (许昌), not for false accusers, in the seeds",
}


@pytest.mark.parametrize(("enum", "reach"), REACHED, ids=[enum.__name__ for enum, _ in REACHED])
def test_every_v1_1_value_is_reached_by_an_example_case(decisions, enum, reach):
    wanted = V1_1_ONLY.get(enum, set(enum))
    seen = {v for v in reach(CASES, decisions) if v is not None}
    unsourced = {m.value for m in wanted if (enum, m.value) in UNSOURCED}
    missing = {m.value for m in wanted} - unsourced - seen
    assert not missing, f"{enum.__name__}: no example case reaches {sorted(missing)}"
    still_unsourced = unsourced & seen
    assert not still_unsourced, f"{sorted(still_unsourced)} are reached now: take them off UNSOURCED"


@pytest.mark.parametrize(
    "pointer",
    [
        "/allegations/main",
        "/allegations/minor",
        "/impact/on_rotation",
        "/impact/on_integrity_opinion",
        "/circumstances/suspected_false_accusation",
        "/circumstances/organ_deems_necessary",
        "/accuser/typical_case",
        "/accuser/party_member",
        "/accuser/count",
        "/filing/subject",
        "/filing/facts/obstruction_or_extortion",
        "/filing/facts/inaction",
        "/local",
        "/probation/started_on",
        "/probation/rectified",
        "/facts/within_authority",
        "/facts/followed_instruction",
        "/facts/complex_or_high_profile",
        "/shortfall/consecutive_last",
    ],
)
def test_every_v1_1_input_field_is_used_by_an_example_case(pointer):
    def present(node: Any, parts: list[str]) -> bool:
        if not parts:
            return True
        if isinstance(node, list):
            return any(present(item, parts) for item in node)
        return isinstance(node, dict) and parts[0] in node and present(node[parts[0]], parts[1:])

    assert any(present(case, pointer.strip("/").split("/")) for case in CASES), pointer
