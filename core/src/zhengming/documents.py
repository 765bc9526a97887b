"""Reading case documents from JSON or YAML files (or stdin) into plain JSON data."""

from __future__ import annotations

import json
import re
from typing import Any

from .errors import InvalidDocument, Problem
from .model import Text


def parse_document(raw: bytes, name: str) -> Any:
    """Parse ``raw`` as YAML when ``name`` ends in .yaml/.yml, else as JSON (stdin: JSON, then YAML)."""
    text = raw.decode("utf-8-sig")
    is_yaml = name.endswith((".yaml", ".yml"))
    if not is_yaml:
        try:
            return check_encodable(json.loads(text), raw)
        except json.JSONDecodeError as exc:
            if name != "-":
                raise _unreadable(name, f"JSON line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    return check_encodable(load_yaml(text, name), raw)


# A JSON or YAML escape of a UTF-16 surrogate: the only way a parsed text can hold one.
_SURROGATE_ESCAPE = re.compile(rb"\\[uU]0{0,4}[dD][89a-fA-F]")


def check_encodable(value: Any, raw: bytes) -> Any:
    """Refuse a lone surrogate (``"\\ud800"``): it cannot be stored or printed as UTF-8.

    Only documents whose bytes contain a surrogate escape are walked, so the common case costs a scan.
    """
    if _SURROGATE_ESCAPE.search(raw):
        pointer = _unencodable(value, "")
        if pointer is not None:
            text = Text("含有无法以 UTF-8 保存的孤立代理字符", "holds a lone surrogate that cannot be stored as UTF-8")
            raise InvalidDocument([Problem(pointer, text)])
    return value


def _unencodable(value: Any, at: str) -> str | None:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return at or "/"
        return None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        where = f"{at}/{str(key).replace('~', '~0').replace('/', '~1')}"
        found = _unencodable(key, where) if isinstance(key, str) else None
        found = found or _unencodable(item, where)
        if found:
            return found
    return None


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
