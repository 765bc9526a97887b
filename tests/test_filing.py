"""The contract's rule for fault-tolerance filings, shared by every jurisdiction with lists."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from zhengming import Filing, FilingFacts, FilingTiming, match_lists
from zhengming.cli.main import cli
from zhengming.testing import fault_tolerance

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


# --- claimed items are the jurisdiction's own positive-list ids (contract: filing.claimed_items) ----------


def evaluate(document):
    result = CliRunner().invoke(cli, ["evaluate", "-", "--json"], input=json.dumps(document))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("jurisdiction", "as_of", "claimed", "bad"),
    [
        ("pingdingshan", "2023-06-01", ["P1", "P16"], "/filing/claimed_items/1"),  # 平顶山's list has fifteen
        ("pingdingshan.lushan", "2023-06-01", ["P01"], "/filing/claimed_items/0"),  # ids are P1…, never P01
        ("xuchang", "2023-06-01", ["P9"], "/filing/claimed_items/0"),  # 许昌's has eight
    ],
)
def test_a_claimed_item_the_jurisdiction_does_not_publish_is_invalid_input(jurisdiction, as_of, claimed, bad):
    code, out, err = evaluate(fault_tolerance(jurisdiction, as_of, claimed=claimed, public_interest_motive=True))
    assert code == 2, out
    assert out == ""
    assert [line.split(":")[0] for line in err.splitlines()] == [bad]


@pytest.mark.parametrize("jurisdiction", ["core", "jinan", "zhejiang"])
def test_where_no_list_is_published_a_claimed_item_is_left_for_review(jurisdiction):
    """Nothing to check the id against: the filing is decided as before, for review, not refused."""
    code, out, err = evaluate(fault_tolerance(jurisdiction, "2023-06-01", claimed=["P3"], public_interest_motive=True))
    assert code == 0, err
    decision = json.loads(out)
    assert decision["outcome"] == "needs_review" and decision["matched_positive"] == []


def test_claimed_items_are_the_jurisdictions_own_even_before_its_rules_are_in_force():
    """平顶山's list items are its ids on any day; before 2022-12-30 the core answers, with no list."""
    code, out, err = evaluate(fault_tolerance("pingdingshan", "2022-06-01", claimed=["P3"]))
    assert code == 0, err
    assert json.loads(out)["chain"] == ["core"]
