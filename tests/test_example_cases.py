"""Every installed jurisdiction's example cases give their expected decisions, cite their basis,
and produce decision documents that satisfy the decision schema."""

from __future__ import annotations

import pytest

from zhengming import load_registry, to_document
from zhengming.casefiles import example_cases
from zhengming.conformance.runner import JurisdictionChecker, own_hooks
from zhengming.validation import check_decision

REGISTRY = load_registry()
EXAMPLES = [c for jid in REGISTRY.ids() for c in example_cases(REGISTRY.records[jid].plugin, jid)]


def test_every_jurisdiction_with_rules_of_its_own_ships_examples():
    with_rules = {j for j in REGISTRY.ids() if j != "core" and own_hooks(REGISTRY, j)}
    assert with_rules >= {"jinan", "zhejiang", "zhejiang.hangzhou", "pingdingshan", "xuchang"}
    assert with_rules <= {c.jurisdiction for c in EXAMPLES}


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{c.jurisdiction}:{c.id}" for c in EXAMPLES])
def test_example_case(engine, example):
    results = JurisdictionChecker(REGISTRY, example.jurisdiction).check_example(example)
    assert results and all(r.status == "pass" for r in results), [r.detail for r in results]
    check_decision(to_document(engine.evaluate_document(example.case)))


def test_example_ids_are_unique():
    ids = [(c.jurisdiction, c.id) for c in EXAMPLES]
    assert len(ids) == len(set(ids))
