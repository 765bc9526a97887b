"""The input boundary under fuzzing, a bounded slice for CI (``bench/fuzz.py`` runs ten thousand and more):
schema-valid documents from hypothesis, structural and byte mutations, and the hostile corpus, through
``evaluate``, ``case open``, ``case resume`` and ``import``: no traceback, only the exit codes of a clean
answer (0, 2, 3; 4 for a case stored already, 6 for resuming no case), no canary printed."""

from __future__ import annotations

import json

import pytest

from .fuzzing import CANARY_NAME, Driver, alias_bomb, hostile_files, run_all, serialized_corpus


@pytest.fixture
def driver(tmp_path, monkeypatch):
    monkeypatch.delenv("ZHENGMING_DB", raising=False)
    monkeypatch.delenv("ZHENGMING_KEY", raising=False)
    driver = Driver(tmp_path)
    yield driver
    driver.close()


def test_a_bounded_slice_of_fuzzed_inputs_is_answered_cleanly(driver):
    records = serialized_corpus(160, seed=11)
    tallies = run_all(driver, records, byte_mutations=120, open_every=8, import_batch=120, seed=11)
    failures = [f for t in tallies.values() for f in t.failures]
    assert failures == []
    schema = tallies["schema+structural"]
    assert schema.accepted > 20 and schema.refused > 20  # the slice reaches the engine and the refusals
    assert tallies["import"].accepted > 20 and tallies["hostile files"].tried >= 4 * 45


def test_every_hostile_file_is_refused_with_a_message(driver):
    for name, raw in hostile_files():
        tally = driver.evaluate(name, raw, ".yaml" if name.endswith(".yaml") else ".json")
        assert tally.failures == [], name


def test_the_alias_bomb_is_refused_at_its_first_alias(driver):
    result, _seconds = driver._invoke(["evaluate", "-"], alias_bomb(12, 12))
    assert result.exit_code == 2
    assert result.stderr.strip() == "/: line 2 column 10: YAML aliases (*) are not allowed"


def test_the_reporter_never_appears_in_a_refusal(driver):
    raw = json.dumps([{"reporter": {"name": CANARY_NAME}, "jurisdiction": "jinan"}]).encode()
    result, _ = driver._invoke(["--db", driver.db, "case", "open", "-"], raw)
    assert result.exit_code == 2 and CANARY_NAME not in result.output
    yaml_error = f"jurisdiction: jinan\nreporter: {{name: {CANARY_NAME}, phone: [\n".encode()
    result, _ = driver._invoke(["--db", driver.db, "case", "open", "-"], yaml_error)
    assert result.exit_code == 2 and CANARY_NAME not in result.output and "line 3" in result.stderr
