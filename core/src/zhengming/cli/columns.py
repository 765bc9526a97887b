"""Padding for terminal columns that hold Chinese: a CJK character takes two cells."""

from __future__ import annotations

import unicodedata


def cells(text: str) -> int:
    """How many terminal cells ``text`` occupies."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def pad(text: str, width: int) -> str:
    """``text`` left-aligned in ``width`` cells (never cut)."""
    return text + " " * max(0, width - cells(text))
