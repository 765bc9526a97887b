"""The complete check with jsonschema: every problem, each with its JSON pointer (the slow path)."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..boundary.dates import FORMATS
from ..errors import Problem
from ..i18n import Message
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
        found.update(dict.fromkeys(explain(error)))
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


def explain(error, base: str = "") -> list[Problem]:
    """One problem per bad field, in words that name the field (unknown and missing fields by name).

    Pointers are RFC 6901 (a ``/`` or ``~`` in a name is escaped); ``base`` is the pointer of the
    document ``error`` was found in (``/local/hubei`` for a plugin's local facts)."""
    at = base + pointer(error.absolute_path)
    keyword = error.validator
    if keyword == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        return [
            Problem(at + pointer([key]), Message("unknown field {key!r}", key=key))
            for key in error.instance
            if key not in allowed
        ]
    if keyword == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        return [Problem(at + pointer([k]), Message("required field {field!r} is missing", field=k)) for k in missing]
    if "propertyNames" in error.relative_schema_path:  # a bad name: the member it names is the bad field
        return [Problem(at + pointer([error.instance]), Message("unknown field {key!r}", key=error.instance))]
    value = Text(*shown(error.instance))
    if keyword in ("enum", "const"):
        allowed = error.validator_value if keyword == "enum" else [error.validator_value]
        listed = ", ".join(repr(v) for v in allowed)
        message = Message("{value} is not one of [{allowed}]", value=value, allowed=listed)
        if isinstance(error.instance, bool) and str(error.instance).lower() in allowed:
            word = str(error.instance).lower()
            message = Message("{problem} (YAML reads {word} as a boolean: quote it)", problem=message, word=word)
        return [Problem(at, message)]
    if keyword in ("format", "pattern") and "date" in str(error.schema.get("format", "")):
        return [
            Problem(
                at,
                Message("{value} is not a valid date (YYYY-MM-DD)", value=value),
            )
        ]
    if keyword == "type":
        expected = error.validator_value
        return [
            Problem(
                at,
                Message("{value} is not of type {expected}", value=value, expected=expected),
            )
        ]
    return [Problem(at, constraint_text(error))]


def constraint_text(error) -> Text | Message:
    """jsonschema's own words for a scalar; for an object or array, the constraint alone (its message
    would print the whole value)."""
    if not isinstance(error.instance, dict | list) and not (
        isinstance(error.instance, str) and len(error.instance) > SHOWN_CHARS
    ):
        return Text(error.message, error.message)
    value = Text(*shown(error.instance))
    limit = error.validator_value if isinstance(error.validator_value, int | str) else ""
    if limit == "":
        return Message("{value} fails {validator}", value=value, validator=error.validator)
    return Message("{value} fails {validator} {limit}", value=value, validator=error.validator, limit=limit)
