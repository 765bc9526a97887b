"""Text from user data, made safe to print on a terminal: control characters, line and paragraph
separators, bidirectional overrides and lone surrogates are shown as escapes (``\\n``, ``\\x1b``,
``\\u202e``), so a name or comment can neither draw on the screen nor forge a line of output.

Apply :func:`neutral_data` to the data a text view renders (JSON output needs nothing: the JSON
writer escapes what matters and the reader gets the exact value).
"""

from __future__ import annotations

import re
from typing import Any

# C0 and C1 controls, DEL, line/paragraph separators, bidi embeddings/overrides/isolates and marks,
# the byte order mark, and lone surrogates.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def neutral(text: str) -> str:
    """``text`` with every unsafe character shown as an escape (a plain text comes back unchanged)."""
    return _UNSAFE.sub(_escape, text)


def neutral_lines(text: str) -> str:
    """A rendered text whose own line breaks are kept: every other unsafe character is escaped."""
    return "\n".join(neutral(line) for line in text.split("\n"))


def neutral_data(value: Any) -> Any:
    """A copy of JSON-like ``value`` whose texts (keys too) are :func:`neutral`."""
    if isinstance(value, str):
        return neutral(value)
    if isinstance(value, dict):
        return {neutral(k) if isinstance(k, str) else k: neutral_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [neutral_data(v) for v in value]
    return value
