"""Hypothesis strategies for schema-valid case documents, derived from ``schemas/case.schema.json``.

The walker understands the keywords the interchange schemas use (``$ref``, ``const``, ``enum``,
``type``, ``properties``/``required``, ``items``/``minItems``/``uniqueItems``, ``anyOf``, date
formats); a few fields are pinned so the cases are about the jurisdiction under test.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

from ..model import CaseKind
from ..validation.schemas import CASE_SCHEMA, load_schema

DATES = st.dates(min_value=date(2018, 1, 1), max_value=date(2026, 12, 31)).map(date.isoformat)
WORDS = st.text(alphabet="张王李赵刘陈杨黄某甲乙丙丁违规收受礼金", min_size=1, max_size=6)


def case_documents(kind: CaseKind, jurisdiction: str, positive_items: list[str] | None = None) -> st.SearchStrategy:
    """Valid case documents of ``kind`` for ``jurisdiction``."""
    root = load_schema(CASE_SCHEMA)
    pinned = {
        ("kind",): st.just(kind.value),
        ("jurisdiction",): st.just(jurisdiction),
        ("as_of",): DATES,
        # only the jurisdiction's own ids: any other claimed id is invalid input (exit 2)
        ("filing", "claimed_items"): st.lists(st.sampled_from(positive_items), max_size=3, unique=True)
        if positive_items
        else st.just([]),
    }
    strategy = _strategy(root["$defs"][kind.value], root, (), pinned)
    return strategy.map(_unique_allegation_ids)


def _unique_allegation_ids(document: dict[str, Any]) -> dict[str, Any]:
    for n, allegation in enumerate(document.get("allegations", ())):
        allegation["id"] = f"a{n + 1}"
    return document


def _resolve(ref: str, root: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    file, _, pointer = ref.partition("#")
    document = load_schema(file) if file else root
    node: Any = document
    for part in pointer.strip("/").split("/"):
        node = node[part]
    return node, document


def _strategy(schema: dict[str, Any], root: dict[str, Any], path: tuple, pinned: dict) -> st.SearchStrategy:
    if path in pinned:
        return pinned[path]
    if "$ref" in schema:
        target, document = _resolve(schema["$ref"], root)
        return _strategy(target, document, path, pinned)
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "anyOf" in schema:
        return st.one_of([_strategy(s, root, path, pinned) for s in schema["anyOf"]])
    kinds = schema.get("type")
    if isinstance(kinds, list):
        return st.one_of([_strategy({**schema, "type": k}, root, path, pinned) for k in kinds])
    if kinds == "object":
        properties = schema.get("properties", {})
        required = set(schema.get("required", ()))
        return st.fixed_dictionaries(
            {k: _strategy(v, root, (*path, k), pinned) for k, v in properties.items() if k in required},
            optional={k: _strategy(v, root, (*path, k), pinned) for k, v in properties.items() if k not in required},
        )
    if kinds == "array":
        items = _strategy(schema.get("items", {}), root, (*path, 0), pinned)
        return st.lists(items, min_size=schema.get("minItems", 0), max_size=4, unique=schema.get("uniqueItems", False))
    if kinds == "integer":
        low = schema.get("minimum", 0)
        return st.integers(min_value=low, max_value=low + 5)
    if kinds == "boolean":
        return st.booleans()
    if kinds == "null":
        return st.none()
    if kinds == "string":
        return DATES if schema.get("format") == "date" else WORDS
    raise ValueError(f"no strategy for schema at {'/'.join(map(str, path))}: {schema}")
