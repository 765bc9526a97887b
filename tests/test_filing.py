"""The contract's rule for fault-tolerance filings, shared by every jurisdiction with lists."""

from __future__ import annotations

from zhengming import Filing, FilingFacts, FilingTiming, match_lists

POSITIVE = {"P1": lambda f: f.public_interest_motive, "P2": lambda f: f.corrected_promptly}
NEGATIVE = {"N1": lambda f: f.private_gain, "N2": lambda f: f.fraud}


def filing(claimed, **facts):
    return Filing(timing=FilingTiming.BEFORE, claimed_items=tuple(claimed), facts=FilingFacts(**facts))


def test_a_negative_hit_is_ineligible_whatever_the_positive_items_say():
    found = match_lists(filing(["P1"], public_interest_motive=True, fraud=True), POSITIVE, NEGATIVE)
    assert (found.outcome, found.positive, found.negative) == ("ineligible", ("P1",), ("N2",))


def test_a_claimed_positive_item_the_facts_meet_is_eligible():
    assert match_lists(filing(["P2"], corrected_promptly=True), POSITIVE, NEGATIVE).outcome == "eligible"


def test_unclaimed_or_unmet_items_need_review():
    assert match_lists(filing([], public_interest_motive=True), POSITIVE, NEGATIVE).outcome == "needs_review"
    assert match_lists(filing(["P1", "P9"]), POSITIVE, NEGATIVE).positive == ()
