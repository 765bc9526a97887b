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
    return _unstructurer(type(value))(value, lang)


Unstructurer = Callable[[Any, str], Any]
PLAIN = (str, bool, int, float, type(None))


def _keep(value: Any, _lang: str) -> Any:
    return value


BOTH = "*"  # to_document(value, BOTH): every text as {"zh": …, "en": …}, as stored decisions keep it


def _text(value: Text, lang: str) -> Any:
    return {"zh": value.zh, "en": value.en} if lang == BOTH else value.render(lang)


def localized(data: Any, lang: str = DEFAULT_LANGUAGE) -> Any:
    """``data`` (from :func:`to_document` with :data:`BOTH`) with each text in ``lang``; texts already in
    one language (decisions stored before texts were kept in both) are left as they are."""
    if isinstance(data, dict):
        if data.keys() == {"zh", "en"}:
            return data["en"] if lang == "en" else data["zh"]
        return {key: localized(value, lang) for key, value in data.items()}
    if isinstance(data, list):
        return [localized(value, lang) for value in data]
    return data


@cache
def _unstructurer(cls: type) -> Unstructurer:
    """How to turn instances of ``cls`` into JSON data, decided once per type (the output hot path)."""
    if issubclass(cls, PLAIN) and not issubclass(cls, Enum):
        return _keep
    if attrs.has(cls) and cls is not Text:
        return _typed_unstructurer(cls)
    if issubclass(cls, (tuple, list)):
        return lambda v, lang: [to_document(x, lang) for x in v]
    if issubclass(cls, Mapping):
        return lambda v, lang: {k: to_document(x, lang) for k, x in v.items()}
    return _typed_unstructurer(cls)


@cache
def _typed_unstructurer(tp: Any) -> Unstructurer:
    """An unstructurer for values declared as ``tp`` (from attrs annotations): no per-value type dispatch."""
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if all(o in PLAIN for o in options):
            return _keep
        inner = _typed_unstructurer(options[0]) if len(options) == 1 else to_document
        return lambda v, lang: None if v is None else inner(v, lang)
    if origin is tuple:
        item = _typed_unstructurer(typing.get_args(tp)[0])
        if item is _keep:
            return lambda v, _lang: list(v)
        return lambda v, lang: [item(x, lang) for x in v]
    if tp is Text:
        return _text
    if tp is date:
        return lambda v, _lang: v.isoformat()
    if isinstance(tp, type) and issubclass(tp, Enum):
        return lambda v, _lang: v.value
    if tp in PLAIN:
        return _keep
    if isinstance(tp, type) and attrs.has(tp):
        hints = typing.get_type_hints(tp)
        plan = tuple((f.name, _document_name(f), _typed_unstructurer(hints[f.name])) for f in attrs.fields(tp))
        return lambda v, lang: {key: convert(getattr(v, name), lang) for name, key, convert in plan}
    return to_document


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
        return tp._value2member_map_.__getitem__  # validated already: a plain lookup is enough
    if isinstance(tp, type) and attrs.has(tp):
        return _class_structurer(tp)
    return _identity


def _class_structurer(cls: type) -> Structurer:
    hints = typing.get_type_hints(cls)
    plan = tuple((f.name, _document_name(f), _structurer(hints[f.name])) for f in attrs.fields(cls))

    def structure(data: Mapping[str, Any]) -> Any:
        return cls(**{name: convert(data[key]) for name, key, convert in plan if key in data})

    return structure


def _document_name(field: attrs.Attribute) -> str:
    """The field's name in documents: its attribute name, unless that is a Python keyword (``with``)."""
    return field.metadata.get("name", field.name)
