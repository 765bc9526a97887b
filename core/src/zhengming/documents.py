"""Reading case documents from JSON or YAML files (or stdin) into plain JSON data."""

from __future__ import annotations

import json
from typing import Any

from .errors import InvalidDocument, Problem
from .model import Text


def parse_document(raw: bytes, name: str) -> Any:
    """Parse ``raw`` as YAML when ``name`` ends in .yaml/.yml, else as JSON (stdin: JSON, then YAML)."""
    text = raw.decode("utf-8-sig")
    is_yaml = name.endswith((".yaml", ".yml"))
    if not is_yaml:
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            if name != "-":
                raise _unreadable(name, f"JSON line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    return load_yaml(text, name)


def load_yaml(text: str, name: str) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=_loader())
    except yaml.YAMLError as exc:
        raise _unreadable(name, str(exc).replace("\n", " ")) from None


def _loader():
    """A safe loader that keeps dates as strings: the contract's dates are ISO strings, validated as such."""
    import yaml

    class StringDateLoader(yaml.SafeLoader):
        pass

    StringDateLoader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return StringDateLoader


def _unreadable(name: str, detail: str) -> InvalidDocument:
    return InvalidDocument([Problem("", Text(f"{name} 无法解析：{detail}", f"{name} cannot be parsed: {detail}"))])
