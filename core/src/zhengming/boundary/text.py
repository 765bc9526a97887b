"""Bytes to text: strict UTF-8 (the contract's encoding), a leading byte order mark tolerated."""

from __future__ import annotations

from ..errors import InvalidDocument
from ..i18n import Message
from .problems import at_position

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(raw: bytes, *, one_line: bool = False) -> str:
    """``raw`` as text; a byte that is not UTF-8 is refused with its line and column (never its neighbours).
    ``one_line``: ``raw`` is a line of an import file (the column alone is given)."""
    if raw.startswith(UTF8_BOM):
        raw = raw[len(UTF8_BOM) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if raw.startswith(_UTF16_BOMS):
            detail = Message("is UTF-16; the contract requires UTF-8")
            raise InvalidDocument([at_position(None if one_line else 1, 1, detail)]) from None
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        detail = Message("is not valid UTF-8 (column counted in bytes)")
        raise InvalidDocument([at_position(None if one_line else line, column, detail)]) from None
