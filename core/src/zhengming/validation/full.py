"""The complete check with jsonschema: every problem, each with its JSON pointer (the slow path)."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..boundary.dates import FORMATS
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
    return cls(load_schema(name), registry=registry, format_checker=format_checker())


def format_checker():
    """jsonschema's format checks, with zhengming's own for the formats it defines (dates)."""
    import jsonschema

    checker = jsonschema.FormatChecker(formats=())
    checker.checkers = dict(jsonschema.Draft202012Validator.FORMAT_CHECKER.checkers)
    for name, check in FORMATS.items():
        checker.checkers[name] = (check, ())
    return checker


def problems(document: Any, schema: str = CASE_SCHEMA) -> list[Problem]:
    """All schema problems of ``document``, sorted by pointer; linear in their number (a bad date breaks
    pattern and format: the same problem twice is kept once)."""
    found: dict[Problem, None] = {}
    for error in validator(schema).iter_errors(document):
        found.update(dict.fromkeys(_explain(error)))
    return sorted(found, key=lambda p: p.pointer)


def shown(value: Any) -> tuple[str, str]:
    """How a message shows a value (zh, en): a short scalar as itself, never a whole object or array
    (an intake's reporter could be inside), a long text cut."""
    if isinstance(value, dict):
        return "对象", "an object"
    if isinstance(value, list):
        return "数组", "an array"
    if isinstance(value, str) and len(value) > SHOWN_CHARS:
        text = repr(value[:SHOWN_CHARS]) + "…"
        return text, text
    text = repr(value)
    return text, text


SHOWN_CHARS = 40


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
    value_zh, value_en = shown(error.instance)
    if keyword in ("enum", "const"):
        allowed = error.validator_value if keyword == "enum" else [error.validator_value]
        listed = ", ".join(repr(v) for v in allowed)
        zh, en = f"{value_zh} 不是允许的取值之一：[{listed}]", f"{value_en} is not one of [{listed}]"
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
                    f"{value_zh} 不是有效日期（应为 YYYY-MM-DD）",
                    f"{value_en} is not a valid date (YYYY-MM-DD)",
                ),
            )
        ]
    if keyword == "type":
        expected = error.validator_value
        return [
            Problem(
                at,
                Text(f"{value_zh} 的类型不对，应为 {expected}", f"{value_en} is not of type {expected}"),
            )
        ]
    return [Problem(at, constraint_text(error))]


def constraint_text(error) -> Text:
    """jsonschema's own words for a scalar; for an object or array, the constraint alone (its message
    would print the whole value)."""
    if not isinstance(error.instance, dict | list) and not (
        isinstance(error.instance, str) and len(error.instance) > SHOWN_CHARS
    ):
        return Text(error.message, error.message)
    value_zh, value_en = shown(error.instance)
    limit = error.validator_value if isinstance(error.validator_value, int | str) else ""
    return Text(
        f"{value_zh} 不满足 {error.validator} {limit}".rstrip(),
        f"{value_en} fails {error.validator} {limit}".rstrip(),
    )
