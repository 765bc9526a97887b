"""Every field of a case document has a Chinese and an English name (what an amendment shows), and
values read as people write them."""

from __future__ import annotations

import json
from pathlib import Path

from zhengming.field_labels import FIELDS, field_label, value_text

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


def _fields() -> set[str]:
    case = json.loads((SCHEMAS / "case.schema.json").read_text(encoding="utf-8"))
    shared = json.loads((SCHEMAS / "interchange.schema.json").read_text(encoding="utf-8"))["$defs"]
    found: set[str] = set()

    def resolve(node):
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            name = ref.rsplit("/", 1)[-1]
            table = case["$defs"] if ref.startswith("#") and name in case["$defs"] else shared
            node = {**table[name], **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    def walk(node, path):
        node = resolve(node)
        if not isinstance(node, dict):
            return
        for alternative in node.get("anyOf", []) + node.get("oneOf", []):
            walk(alternative, path)
        for key, value in (node.get("properties") or {}).items():
            if path + "/" + key != "/local/" + key:
                found.add(path + "/" + key)
                walk(value, path + "/" + key)
        if "items" in node and isinstance(resolve(node["items"]), dict) and resolve(node["items"]).get("properties"):
            walk(node["items"], path + "/*")

    for kind in case["$defs"].values():
        walk(kind, "")
    return found


def test_every_field_of_every_case_kind_has_a_name():
    fields = _fields()
    assert len(fields) > 90  # the walk reached every kind's fields
    missing = sorted(fields - set(FIELDS))
    assert missing == []
    for pointer in fields:
        name = FIELDS[pointer]
        assert name.zh and name.en and name.zh != name.en, pointer


def test_an_allegations_field_is_named_after_its_id():
    document = {"allegations": [{"id": "a1"}, {"id": "b7", "finding": "true"}]}
    assert field_label("/allegations/1/finding", document).zh == "问题 b7 查核结论"
    assert field_label("/allegations/1/finding", document).en == "allegation b7 finding"
    assert field_label("/allegations/1", document).zh == "问题 b7"
    assert field_label("/local/jinan/foo").zh == "地方事实 jinan.foo"


def test_values_read_as_labels():
    assert value_text("/allegations/0/finding", "untrue", "zh") == "不属实"
    assert value_text("/allegations/0/finding", "untrue", "en") == "untrue"
    assert value_text("/impact/scope", "society", "zh") == "在社会上造成不良影响"
    assert value_text("/report/real_name", True, "zh") == "是"
    assert value_text("/report/real_name", False, "en") == "no"
    assert value_text("/handling/verification_concluded_on", None, "zh") == "（空）"
    assert value_text("/allegations/0/disposition_form", 2, "zh") == "第二种形态"
    assert value_text("/report/channel", "letter", "zh") == "来信"
    assert value_text("/allegations", [{"id": "a1"}, {"id": "a2"}], "zh") == "a1、a2"
    assert value_text("/subject/name", "张某", "zh") == "张某"
