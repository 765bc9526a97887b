"""Conversion between interchange documents (plain JSON data) and the model — the only place it happens.

``case_from_document`` expects a document that already passed schema validation
(:mod:`zhengming.validation`); it fills the contract's defaults and builds frozen attrs objects.
``to_document`` turns any model object (a decision, a case, metadata) back into JSON data.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from datetime import date
from enum import Enum
from functools import cache
from typing import Any

import attrs

from .case import CASE_CLASSES, Case
from .enums import CaseKind
from .text import DEFAULT_LANGUAGE, Text


def case_from_document(document: Mapping[str, Any], *, today: date) -> Case:
    """Build a case from a validated document; ``as_of`` defaults to ``today``."""
    kind = CaseKind(document.get("kind", CaseKind.CLARIFICATION))
    data = dict(document)
    data.setdefault("as_of", today.isoformat())
    return _structurer(CASE_CLASSES[kind])(data)


def to_document(value: Any, lang: str = DEFAULT_LANGUAGE) -> Any:
    """JSON data for a model object: enums by value, dates ISO, tuples as lists, Text in ``lang``."""
    if isinstance(value, Text):
        return value.render(lang)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [to_document(v, lang) for v in value]
    if isinstance(value, Mapping):
        return {k: to_document(v, lang) for k, v in value.items()}
    names = _field_names(type(value))
    if names is not None:
        return {name: to_document(getattr(value, name), lang) for name in names}
    return value


@cache
def _field_names(cls: type) -> tuple[str, ...] | None:
    return tuple(f.name for f in attrs.fields(cls)) if attrs.has(cls) else None


Structurer = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


@cache
def _structurer(tp: Any) -> Structurer:
    """A function turning JSON data into an instance of type ``tp`` (built once per type)."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = _structurer(options[0]) if len(options) == 1 else _identity
        return lambda v: None if v is None else inner(v)
    if origin is tuple:
        item = _structurer(typing.get_args(tp)[0])
        return lambda v: tuple(item(x) for x in v)
    if tp is date:
        return date.fromisoformat
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp
    if isinstance(tp, type) and attrs.has(tp):
        return _class_structurer(tp)
    return _identity


def _class_structurer(cls: type) -> Structurer:
    hints = typing.get_type_hints(cls)
    plan = tuple((f.name, _structurer(hints[f.name])) for f in attrs.fields(cls))

    def structure(data: Mapping[str, Any]) -> Any:
        return cls(**{name: convert(data[name]) for name, convert in plan if name in data})

    return structure
