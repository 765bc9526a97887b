"""One pass over a parsed document for what a parser lets through: depth, sizes, long integers,
keys that are not text, lone surrogates. Iterative (no recursion, whatever the depth) and linear.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import Problem
from ..i18n import Message
from .limits import LIMITS, Limits


class LongInteger:
    """Stands in for an integer literal with too many digits (never converted: that is quadratic)."""

    __slots__ = ("digits",)

    def __init__(self, digits: int):
        self.digits = digits


def escape(key: object) -> str:
    """A member name as a JSON pointer segment (a lone surrogate shown as an escape: it cannot be printed)."""
    text = str(key).replace("~", "~0").replace("/", "~1")
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def structural_problems(document: Any, limits: Limits = LIMITS) -> Iterator[Problem]:
    """Problems of ``document``'s shape, each with its JSON pointer, in document order."""
    stack: list[tuple[Any, str, int]] = [(document, "", 0)]
    while stack:
        value, at, depth = stack.pop()
        if isinstance(value, str):
            if not _encodable(value):
                yield Problem(
                    at,
                    Message("holds a lone surrogate that cannot be stored as UTF-8"),
                )
            continue
        if isinstance(value, LongInteger):
            yield Problem(
                at,
                Message(
                    "an integer of {digits} digits (at most {max_int_digits})",
                    digits=value.digits,
                    max_int_digits=limits.max_int_digits,
                ),
            )
            continue
        if not isinstance(value, dict | list):
            continue
        if depth >= limits.max_depth:
            yield Problem(at, Message("nested deeper than {max_depth} levels", max_depth=limits.max_depth))
            continue
        if len(value) > limits.max_items:
            yield Problem(
                at,
                Message(
                    "has {value_count} members (at most {max_items})",
                    value_count=len(value),
                    max_items=limits.max_items,
                ),
            )
            continue
        children = []
        if isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str):
                    yield Problem(f"{at}/{escape(key)}", Message("a field name must be text"))
                    continue
                where = f"{at}/{escape(key)}"
                if not _encodable(key):
                    yield Problem(where, Message("the field name holds a lone surrogate"))
                    continue
                children.append((item, where, depth + 1))
        else:
            children = [(item, f"{at}/{index}", depth + 1) for index, item in enumerate(value)]
        stack.extend(reversed(children))


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
