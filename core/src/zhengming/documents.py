"""Reading case documents from JSON or YAML files (or stdin) into plain JSON data.

Everything goes through :mod:`zhengming.boundary` (limits, strict UTF-8, safe YAML); these names are
kept for the callers that read documents by file name.
"""

from __future__ import annotations

from typing import Any

from .boundary import read_document
from .boundary.yamldoc import parse_yaml


def parse_document(raw: bytes, name: str) -> Any:
    """Parse ``raw`` as YAML when ``name`` ends in .yaml/.yml, else as JSON (stdin: JSON, then YAML)."""
    return read_document(raw, name)


def load_yaml(text: str, name: str = "-") -> Any:
    """A YAML text (already decoded) as JSON data, read safely within the boundary's limits."""
    return parse_yaml(text)
