"""YAML documents, read safely: no aliases (an alias bomb is refused at its first ``*``), no tags, nesting
and sizes bounded while the events stream by, dates kept as text, integer literals held to a length.

The events are vetted first (libyaml's parser when present: linear, no recursion), so nothing is
built from a hostile document. Messages give the line and column and the parser's words, never a
snippet of the document (it could be a reporter's name).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..errors import InvalidDocument
from ..i18n import Message, Renderable
from .limits import LIMITS, Limits
from .problems import at_position, at_root, capped
from .walk import LongInteger, structural_problems

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_INT_TAG = "tag:yaml.org,2002:int"
_NOT_DIGITS = re.compile(r"[-+_]|0[xob]", re.IGNORECASE)


class _Loader(_BASE):  # type: ignore[misc,valid-type]
    """A safe loader that keeps dates as text (the contract validates them as strings)."""

    max_int_digits = LIMITS.max_int_digits

    def construct_long_safe_int(self, node: yaml.ScalarNode) -> Any:
        digits = len(_NOT_DIGITS.sub("", node.value))
        if digits > self.max_int_digits:
            return LongInteger(digits)
        return self.construct_yaml_int(node)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}
_Loader.add_constructor(_INT_TAG, _Loader.construct_long_safe_int)


def loader(limits: Limits = LIMITS) -> type:
    if limits.max_int_digits == _Loader.max_int_digits:
        return _Loader
    return type("_LimitedLoader", (_Loader,), {"max_int_digits": limits.max_int_digits})


def parse_yaml(text: str, limits: Limits = LIMITS) -> Any:
    """One YAML document as JSON data within ``limits``; raises :class:`InvalidDocument`."""
    cls = loader(limits)
    try:
        _vet(text, cls, limits)
        value = yaml.load(text, Loader=cls)  # a SafeLoader subclass, vetted above
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "syntax error"
        if mark is None:
            raise InvalidDocument([at_root(Message("YAML cannot be parsed: {problem}", problem=problem))]) from None
        raise InvalidDocument(
            [at_position(mark.line + 1, mark.column + 1, Message("YAML cannot be parsed: {problem}", problem=problem))]
        ) from None
    except yaml.YAMLError:
        raise InvalidDocument([at_root(Message("YAML cannot be parsed"))]) from None
    found = capped(structural_problems(value, limits), limits.max_problems)
    if found:
        raise InvalidDocument(found)
    return value


def _refuse(mark: Any, message: Renderable) -> InvalidDocument:
    return InvalidDocument([at_position(mark.line + 1, mark.column + 1, message)])


def _vet(text: str, cls: type, limits: Limits) -> None:
    """Refuse aliases, explicit tags, too deep nesting and too large collections from the event stream."""
    counts: list[int] = [0]
    for event in yaml.parse(text, Loader=cls):
        if isinstance(event, yaml.AliasEvent):
            raise _refuse(event.start_mark, Message("YAML aliases (*) are not allowed"))
        if isinstance(event, yaml.NodeEvent) and _explicit_tag(event):
            raise _refuse(event.start_mark, Message("YAML tags (!) are not allowed"))
        if isinstance(event, yaml.ScalarEvent | yaml.CollectionStartEvent):
            counts[-1] += 1
            if counts[-1] > 2 * limits.max_items:  # a mapping's keys and values both count
                raise _refuse(event.start_mark, Message("more than {max_items} members", max_items=limits.max_items))
        if isinstance(event, yaml.CollectionStartEvent):
            counts.append(0)
            if len(counts) - 1 > limits.max_depth:
                raise _refuse(
                    event.start_mark, Message("nested deeper than {max_depth} levels", max_depth=limits.max_depth)
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            counts.pop()


def _explicit_tag(event: Any) -> bool:
    if event.tag is None:
        return False
    if isinstance(event, yaml.ScalarEvent):
        return not any(event.implicit)
    return not event.implicit
