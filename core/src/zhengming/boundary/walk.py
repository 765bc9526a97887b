"""One pass over a parsed document for what a parser lets through: depth, sizes, long integers,
keys that are not text, lone surrogates. Iterative (no recursion, whatever the depth) and linear.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import Problem
from ..model import Text
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
                    Text(
                        "含有无法以 UTF-8 保存的孤立代理字符", "holds a lone surrogate that cannot be stored as UTF-8"
                    ),
                )
            continue
        if isinstance(value, LongInteger):
            yield Problem(
                at,
                Text(
                    f"整数有 {value.digits} 位，超过上限 {limits.max_int_digits} 位",
                    f"an integer of {value.digits} digits (at most {limits.max_int_digits})",
                ),
            )
            continue
        if not isinstance(value, dict | list):
            continue
        if depth >= limits.max_depth:
            yield Problem(at, Text(f"嵌套超过 {limits.max_depth} 层", f"nested deeper than {limits.max_depth} levels"))
            continue
        if len(value) > limits.max_items:
            yield Problem(
                at,
                Text(
                    f"有 {len(value)} 项，超过上限 {limits.max_items}",
                    f"has {len(value)} members (at most {limits.max_items})",
                ),
            )
            continue
        children = []
        if isinstance(value, dict):
            for key, item in value.items():
                if not isinstance(key, str):
                    yield Problem(f"{at}/{escape(key)}", Text("字段名须为文本", "a field name must be text"))
                    continue
                where = f"{at}/{escape(key)}"
                if not _encodable(key):
                    yield Problem(where, Text("字段名含有孤立代理字符", "the field name holds a lone surrogate"))
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
