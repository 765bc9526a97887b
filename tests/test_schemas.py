"""The JSON Schemas speak the interchange contract, agree with the model, and the fast validator
agrees with the full one."""

from __future__ import annotations

import copy
import subprocess
import sys
from enum import StrEnum
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zhengming.errors import InvalidDocument
from zhengming.model import enums
from zhengming.validation import check_case
from zhengming.validation.full import problems
from zhengming.validation.generate import TARGETS, generated_source, target
from zhengming.validation.schemas import load_schema

from .conftest import BASE_CASE

ROOT = Path(__file__).resolve().parents[1]
SPEC_CHECK = ROOT.parent / "shared" / "tools" / "spec_check.py"


@pytest.mark.skipif(not SPEC_CHECK.exists(), reason="shared/tools/spec_check.py is not beside the checkout")
def test_schemas_cover_every_field_and_value_of_the_spec():
    result = subprocess.run([sys.executable, str(SPEC_CHECK), "schemas"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def enum_values_in(node, found):
    if isinstance(node, dict):
        if "enum" in node:
            found.add(frozenset(v for v in node["enum"] if v is not None))
        for value in node.values():
            enum_values_in(value, found)
    elif isinstance(node, list):
        for value in node:
            enum_values_in(value, found)
    return found


SCHEMA_ENUMS = set()
for _name in ("interchange.schema.json", "case.schema.json", "decision.schema.json"):
    enum_values_in(load_schema(_name), SCHEMA_ENUMS)
MODEL_ENUMS = [c for c in vars(enums).values() if isinstance(c, type) and issubclass(c, StrEnum) and c is not StrEnum]


@pytest.mark.parametrize("enum", [e for e in MODEL_ENUMS if e is not enums.JurisdictionLevel], ids=lambda e: e.__name__)
def test_each_model_enumeration_is_a_schema_enumeration(enum):
    assert frozenset(m.value for m in enum) in SCHEMA_ENUMS


@pytest.mark.parametrize("name", TARGETS)
def test_generated_fast_validators_are_up_to_date(name):
    assert target(name).read_text(encoding="utf-8") == generated_source(name), (
        "run: python -m zhengming.validation.generate"
    )


# --- fast and full validation agree on mutated documents -----------------------------------------

FIELD_PATHS = [
    ("kind",),
    ("jurisdiction",),
    ("as_of",),
    ("subject", "kind"),
    ("subject", "management_level"),
    ("subject", "is_unit_principal"),
    ("report", "channel"),
    ("report", "received_on"),
    ("handling", "organ"),
    ("handling", "level"),
    ("allegations", 0, "finding"),
    ("allegations", 0, "disposition_form"),
    ("allegations", 0, "id"),
    ("impact", "scope"),
    ("impact", "on_selection"),
    ("circumstances", "key_juncture"),
]
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 6),
    st.sampled_from(
        ["untrue", "true", "maybe", "county", "online", "2023-02-30", "2023-02-28", "", "clarification", "x.y"]
    ),
)


def put(document, path, value):
    target = document
    for key in path[:-1]:
        target = target.setdefault(key, {}) if isinstance(target, dict) else target[key]
    target[path[-1]] = value


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(mutations=st.lists(st.tuples(st.sampled_from(FIELD_PATHS), VALUES), max_size=3), extra=st.booleans())
def test_fast_and_full_validation_agree(mutations, extra):
    document = copy.deepcopy(BASE_CASE)
    for path, value in mutations:
        put(document, path, value)
    if extra:
        document["subject"]["nickname"] = "x"
    full = problems(document)
    try:
        check_case(document)
        fast_ok = True
    except Exception:
        fast_ok = False
    assert fast_ok == (not full), full


def test_every_problem_is_reported_with_its_pointer():
    document = copy.deepcopy(BASE_CASE)
    document["allegations"][0]["finding"] = "maybe"
    document["subject"]["nmae"] = "x"
    del document["handling"]["level"]
    document["as_of"] = "2023-13-01"
    rendered = [p.render("en") for p in problems(document)]
    assert rendered == [
        "/allegations/0/finding: 'maybe' is not one of ['untrue', 'partially_true', 'true', 'unverifiable']",
        "/as_of: '2023-13-01' is not a valid date (YYYY-MM-DD)",
        "/handling/level: required field 'level' is missing",
        "/subject/nmae: unknown field 'nmae'",
    ]


def test_pointers_escape_slash_and_tilde_in_field_names():
    """RFC 6901: a member named ``a/b`` is ``/a~1b``, one named ``a~b`` is ``/a~0b``."""
    document = copy.deepcopy(BASE_CASE)
    document["subject"]["a/b"] = 1
    document["a~b"] = 1
    assert [p.pointer for p in problems(document)] == ["/a~0b", "/subject/a~1b"]


@pytest.mark.parametrize("value", [None, "2023-02-30", ""])
def test_the_date_a_report_was_received_is_a_date_never_null(value):
    """The contract types ``report.received_on`` as a date (its nullable dates say "date or null")."""
    document = copy.deepcopy(BASE_CASE)
    document["report"]["received_on"] = value
    assert [p.pointer for p in problems(document)] == ["/report/received_on"]
    with pytest.raises(InvalidDocument):
        check_case(document)
