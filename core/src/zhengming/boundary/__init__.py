"""The input boundary: every document that enters zhengming (a file, stdin, a line of an import file, a
request body) is read here, within :data:`LIMITS`, before anything else looks at it.

- size: at most ``max_bytes`` (a stream is never read past that);
- encoding: strict UTF-8, a leading byte order mark tolerated;
- JSON: nesting, integer literals and collection sizes bounded; NaN/Infinity noted;
- YAML: a safe loader, no aliases, no tags, dates kept as text;
- every refusal is an :class:`~zhengming.errors.InvalidDocument` whose problems carry a JSON pointer or
  a line and column, never a snippet of the document.

Checks that need the contract (``kind`` before any lookup, the schema, dates as real calendar days)
follow in :mod:`zhengming.validation`, with :mod:`zhengming.boundary.dates`.
"""

from __future__ import annotations

from typing import IO, Any

from ..errors import InvalidDocument
from ..i18n import Message
from .dates import FORMATS, is_contract_date
from .jsondoc import NotJSON, Parsed, parse_json
from .limits import LIMITS, Limits
from .problems import at_position, at_root, capped
from .text import decode
from .yamldoc import parse_yaml

YAML_SUFFIXES = (".yaml", ".yml")


def too_large(size: int | None, limits: Limits = LIMITS) -> InvalidDocument:
    what = Message("{count} bytes", count=size) if size is not None else Message("document size: too large")
    # en.po drops {size}: "the document is larger than {max_bytes} bytes"
    message = Message("the document ({size}) is larger than {max_bytes} bytes", size=what, max_bytes=limits.max_bytes)
    return InvalidDocument([at_root(message)])


def read_stream(stream: IO[bytes], limits: Limits = LIMITS) -> bytes:
    """At most ``max_bytes`` from ``stream``; refuses a longer one without reading the rest."""
    raw = stream.read(limits.max_bytes + 1)
    if len(raw) > limits.max_bytes:
        raise too_large(None, limits)
    return raw


def read_document(raw: bytes, name: str, limits: Limits = LIMITS) -> Any:
    """Parse ``raw``: YAML when ``name`` ends in .yaml/.yml, else JSON (``-``, stdin: JSON, then YAML)."""
    if len(raw) > limits.max_bytes:
        raise too_large(len(raw), limits)
    text = decode(raw)
    if name.endswith(YAML_SUFFIXES):
        return parse_yaml(text, limits)
    try:
        return parse_json(text, limits).value
    except NotJSON:
        if name != "-":
            raise
    return parse_yaml(text, limits)


def read_line(raw: bytes, limits: Limits = LIMITS) -> Parsed:
    """One line of a JSON Lines file (its size is checked by the reader)."""
    return parse_json(decode(raw, one_line=True), limits, one_line=True)


__all__ = [
    "FORMATS",
    "LIMITS",
    "Limits",
    "Parsed",
    "at_position",
    "capped",
    "is_contract_date",
    "read_document",
    "read_line",
    "read_stream",
    "too_large",
]
