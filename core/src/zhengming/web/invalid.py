"""A request the validator refuses (a body or a parameter of the wrong shape), as problem ``errors``: each
names the field as the API's other problems do and says what is wrong in the request's language.

A field of the body is its JSON pointer (``/dates/0``); a query or path parameter is named like a top-level
field (``/from``, as the domain's own refusals name it), a header under ``/headers/``; a body that is not
JSON at all is the body's root (``""``). The validator's English never reaches the reader: each kind of
error it reports has a catalog message here, and an unexpected kind is named by its code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..boundary.dates import NOT_A_DAY
from ..i18n import Message

_QUOTED = re.compile(r"'([^']*)'")
_SHOWN = 40  # characters of a refused value quoted back


class _Shown:
    """A refused value as ``{value!r}`` quotes it, cut short (a body may send a long list where a day goes)."""

    def __init__(self, value: Any):
        text = repr(value)
        self.text = text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"

    def __repr__(self) -> str:
        return self.text

    __str__ = __repr__


def _input(item: Mapping[str, Any]) -> _Shown:
    return _Shown(item.get("input"))


def _allowed(ctx: Mapping[str, Any]) -> str:
    """``'quarter' or 'jurisdiction'`` (the validator's English) → ``quarter, jurisdiction``."""
    expected = str(ctx.get("expected", ""))
    return ", ".join(_QUOTED.findall(expected)) or expected


def _limit(ctx: Mapping[str, Any]) -> Any:
    return next((ctx[name] for name in ("ge", "gt", "le", "lt", "max_length", "min_length") if name in ctx), "")


_NOT_A_NUMBER = Message("{value!r} is not a whole number")
_NOT_A_BOOLEAN = Message("{value!r} is neither true nor false")
_NOT_AN_OBJECT = Message("must be a JSON object")
_NOT_ALLOWED = Message("{value!r} is not one of {allowed}")

# The validator's kind of error -> what the reader is told; placeholders: value (what was sent, cut short),
# limit (the bound that was crossed), allowed (the values that are), kind (the validator's code).
MESSAGES: dict[str, Message] = {
    "json_invalid": Message("the request body is not valid JSON"),
    "missing": Message("required, but not given"),
    "extra_forbidden": Message("not a field of this request"),
    "date_parsing": NOT_A_DAY,
    "date_from_datetime_parsing": NOT_A_DAY,
    "date_from_datetime_inexact": NOT_A_DAY,
    "date_type": NOT_A_DAY,
    "int_parsing": _NOT_A_NUMBER,
    "int_type": _NOT_A_NUMBER,
    "int_from_float": _NOT_A_NUMBER,
    "bool_parsing": _NOT_A_BOOLEAN,
    "bool_type": _NOT_A_BOOLEAN,
    "string_type": Message("must be text"),
    "list_type": Message("must be a list"),
    "dict_type": _NOT_AN_OBJECT,
    "model_type": _NOT_AN_OBJECT,
    "model_attributes_type": _NOT_AN_OBJECT,
    "greater_than_equal": Message("must be at least {limit}"),
    "greater_than": Message("must be more than {limit}"),
    "less_than_equal": Message("must be at most {limit}"),
    "less_than": Message("must be less than {limit}"),
    "string_too_long": Message("at most {limit} characters"),
    "string_too_short": Message("at least {limit} characters"),
    "too_long": Message("at most {limit} items"),
    "too_short": Message("at least {limit} items"),
    "literal_error": _NOT_ALLOWED,
    "enum": _NOT_ALLOWED,
}
UNEXPECTED = Message("not a valid value ({kind})")


def pointer(location: Sequence[Any], kind: str) -> str:
    """Where the error is, as the API's problems name fields (see the module docstring)."""
    where = [str(part) for part in location]
    if kind == "json_invalid":
        return ""  # the validator's location is a character offset, not a field
    if where and where[0] == "header":
        return "/headers/" + "/".join(where[1:])
    if where and where[0] in ("body", "query", "path", "cookie"):
        where = where[1:]
    return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in where)


def message(item: Mapping[str, Any]) -> Message:
    """What is wrong, as a catalog message (the validator's kind of error decides which)."""
    kind = str(item.get("type", ""))
    ctx = item.get("ctx") or {}
    return MESSAGES.get(kind, UNEXPECTED).format(
        value=_input(item), limit=_limit(ctx), allowed=_allowed(ctx), kind=kind
    )


def problems(items: Sequence[Mapping[str, Any]], lang: str) -> list[dict[str, str]]:
    """The ``errors`` member of the problem: one ``{"pointer", "detail"}`` a refusal."""
    return [
        {"pointer": pointer(item.get("loc", ()), str(item.get("type", ""))), "detail": message(item).render(lang)}
        for item in items
    ]
