"""Facts a case states that the applicable rules give no effect to, said in the decision's reasons.

A user who sets ``pending_other_clues`` expects the clarification to wait; where the jurisdiction's
rules do not defer, the decision must say that the fact was seen and why it changed nothing, never
drop it silently. One row per fact: when it applies, what the user would expect, and the sentence.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from ..model import ClarificationCase, Text, TriggerOutcome


@attrs.frozen
class UnusedFact:
    field: str  # JSON pointer of the fact in the case document
    stated: Callable[[ClarificationCase], bool]
    had_effect: Callable[[TriggerOutcome, bool], bool]  # (trigger outcome, fast track active)
    reason: Text


UNUSED_FACTS = (
    UnusedFact(
        "/circumstances/pending_other_clues",
        lambda case: case.circumstances.pending_other_clues,
        lambda outcome, _fast: outcome is TriggerOutcome.DEFERRED,
        Text(
            "本案尚有其他问题线索拟进行核查，但适用的规则未规定待其查结后再定，故未暂缓澄清",
            "other clues are still to be verified, but the applicable rules do not defer clarification for them",
        ),
    ),
    UnusedFact(
        "/circumstances/suspected_false_accusation",
        lambda case: case.circumstances.suspected_false_accusation,
        lambda _outcome, fast: fast,
        Text(
            "线索疑似诬告陷害，但适用的规则未规定对此从快处置，故未启用快查快办",
            "the clue is suspected to be a false accusation, but the applicable rules set no fast track for it",
        ),
    ),
    UnusedFact(
        "/circumstances/key_juncture",
        lambda case: case.circumstances.key_juncture,
        lambda _outcome, fast: fast,
        Text(
            "本案处于关键节点，但适用的规则未规定关键节点的快查快办",
            "the case is at a key juncture, but the applicable rules set no fast track for it",
        ),
    ),
    UnusedFact(
        "/circumstances/organ_deems_necessary",
        lambda case: case.circumstances.organ_deems_necessary,
        lambda outcome, _fast: outcome in (TriggerOutcome.MUST_CLARIFY, TriggerOutcome.MAY_CLARIFY),
        Text(
            "承办机关认为有必要澄清，但适用的规则未规定“其他需要澄清的情形”，须报请审批时另行说明",
            "the handling organ deems clarification necessary, but the applicable rules name no such catch-all",
        ),
    ),
)


def unused_fact_reasons(case: ClarificationCase, outcome: TriggerOutcome, fast_track: bool) -> tuple[Text, ...]:
    """The reasons for every fact the case states that had none of the effect a user would expect."""
    return tuple(row.reason for row in UNUSED_FACTS if row.stated(case) and not row.had_effect(outcome, fast_track))
