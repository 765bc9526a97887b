"""The complete check with jsonschema: every problem, each with its JSON pointer (the slow path)."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..errors import Problem
from ..model import Text
from .schemas import CASE_SCHEMA, SCHEMA_FILES, load_schema


@cache
def validator(name: str):
    import jsonschema
    from referencing import Registry, Resource

    registry = Registry().with_resources(
        (load_schema(f)["$id"], Resource.from_contents(load_schema(f))) for f in SCHEMA_FILES
    )
    cls = jsonschema.Draft202012Validator
    return cls(load_schema(name), registry=registry, format_checker=cls.FORMAT_CHECKER)


def problems(document: Any, schema: str = CASE_SCHEMA) -> list[Problem]:
    """All schema problems of ``document``, sorted by pointer."""
    found: list[Problem] = []
    for error in validator(schema).iter_errors(document):
        found.extend(p for p in _explain(error) if p not in found)  # a bad date breaks pattern and format
    found.sort(key=lambda p: p.pointer)
    return found


def pointer(path) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def _explain(error) -> list[Problem]:
    """One problem per bad field, in words that name the field (unknown and missing fields by name)."""
    at = pointer(error.absolute_path)
    keyword = error.validator
    if keyword == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        return [
            Problem(f"{at}/{key}", Text(f"未知字段 {key!r}（接口规范中没有此字段）", f"unknown field {key!r}"))
            for key in error.instance
            if key not in allowed
        ]
    if keyword == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        return [Problem(f"{at}/{k}", Text(f"缺少必填字段 {k!r}", f"required field {k!r} is missing")) for k in missing]
    if keyword in ("enum", "const"):
        allowed = error.validator_value if keyword == "enum" else [error.validator_value]
        shown = ", ".join(repr(v) for v in allowed)
        zh, en = f"{error.instance!r} 不是允许的取值之一：[{shown}]", f"{error.instance!r} is not one of [{shown}]"
        if isinstance(error.instance, bool) and str(error.instance).lower() in allowed:
            word = str(error.instance).lower()
            zh += f"（YAML 会把 {word} 读成布尔值，请加引号）"
            en += f" (YAML reads {word} as a boolean: quote it)"
        return [Problem(at, Text(zh, en))]
    if keyword in ("format", "pattern") and "date" in str(error.schema.get("format", "")):
        return [
            Problem(
                at,
                Text(
                    f"{error.instance!r} 不是有效日期（应为 YYYY-MM-DD）",
                    f"{error.instance!r} is not a valid date (YYYY-MM-DD)",
                ),
            )
        ]
    if keyword == "type":
        expected = error.validator_value
        return [
            Problem(
                at,
                Text(
                    f"{error.instance!r} 的类型不对，应为 {expected}", f"{error.instance!r} is not of type {expected}"
                ),
            )
        ]
    return [Problem(at, Text(error.message, error.message))]
