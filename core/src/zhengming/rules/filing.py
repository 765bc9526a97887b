"""Matching a fault-tolerance filing against a jurisdiction's positive and negative lists.

Plugins keep their lists as data (item id → a test of the filing's facts) and call
:func:`match_lists`, which applies the contract's rule: ``ineligible`` whenever a negative item is
hit, whatever the positive items say; ``eligible`` when a claimed positive item is met; otherwise
``needs_review``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import attrs

from ..model import FaultToleranceOutcome, Filing, FilingFacts

FactTest = Callable[[FilingFacts], bool]


@attrs.frozen
class ListMatch:
    outcome: FaultToleranceOutcome
    positive: tuple[str, ...]  # claimed positive items whose test the facts pass, in list order
    negative: tuple[str, ...]  # negative items the facts hit, in list order


def match_lists(filing: Filing, positive: Mapping[str, FactTest], negative: Mapping[str, FactTest]) -> ListMatch:
    """Which items a filing meets and hits, and the outcome the contract gives for that."""
    claims = set(filing.claimed_items)
    met = tuple(i for i, test in positive.items() if i in claims and test(filing.facts))
    hit = tuple(i for i, test in negative.items() if test(filing.facts))
    if hit:
        outcome = FaultToleranceOutcome.INELIGIBLE
    elif met:
        outcome = FaultToleranceOutcome.ELIGIBLE
    else:
        outcome = FaultToleranceOutcome.NEEDS_REVIEW
    return ListMatch(outcome, met, hit)
