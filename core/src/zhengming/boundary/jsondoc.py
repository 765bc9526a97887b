"""JSON documents: parsed with integer literals held to a length, nesting bounded, NaN noted."""

from __future__ import annotations

import json
import re
from typing import Any

import attrs

from ..errors import InvalidDocument
from ..i18n import Message
from .limits import LIMITS, Limits
from .problems import at_position, at_root, capped
from .walk import LongInteger, structural_problems

# A JSON escape of a UTF-16 surrogate: the only way a parsed JSON text can hold a lone one.
_SURROGATE_ESCAPE = re.compile(r"\\[uU][dD][89a-fA-F]")


class NotJSON(InvalidDocument):
    """The text is not JSON syntax (stdin then tries YAML)."""


@attrs.frozen
class Parsed:
    value: Any
    plain: bool  # no NaN, no infinite number: every number survives a strict JSON writer


def parse_json(text: str, limits: Limits = LIMITS, *, one_line: bool = False) -> Parsed:
    """Parse ``text`` as one JSON value within ``limits``; raises :class:`InvalidDocument`."""
    state = {"long": False, "plain": True}

    def parse_int(literal: str) -> Any:
        digits = len(literal) - literal.startswith("-")
        if digits > limits.max_int_digits:
            state["long"] = True
            return LongInteger(digits)
        return int(literal)

    def parse_float(literal: str) -> float:
        value = float(literal)
        if value - value != 0.0:  # 1e999 reads as infinity
            state["plain"] = False
        return value

    def parse_constant(name: str) -> float:
        state["plain"] = False
        return float(name)

    try:
        value = json.loads(text, parse_int=parse_int, parse_float=parse_float, parse_constant=parse_constant)
    except RecursionError:
        raise InvalidDocument(
            [at_root(Message("nested deeper than {max_depth} levels", max_depth=limits.max_depth))]
        ) from None
    except json.JSONDecodeError as exc:
        line = None if one_line else exc.lineno
        raise NotJSON([at_position(line, exc.colno, Message("JSON cannot be parsed: {msg}", msg=exc.msg))]) from None
    if (
        state["long"]
        or text.count("[") + text.count("{") > limits.max_depth
        or text.count(",") >= limits.max_items
        or _SURROGATE_ESCAPE.search(text)
    ):
        found = capped(structural_problems(value, limits), limits.max_problems)
        if found:
            raise InvalidDocument(found)
    return Parsed(value, state["plain"])
