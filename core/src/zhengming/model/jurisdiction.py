"""Jurisdiction metadata: what a plugin says about itself (id, parent, names, documents, list items)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from functools import cache
from typing import Any

import attrs

from .enums import JurisdictionLevel
from .text import Citation, Text

frozen = attrs.frozen(kw_only=True)

JURISDICTION_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")
CORE_ID = "core"


class ListKind(StrEnum):
    POSITIVE = "positive"  # 正面清单
    NEGATIVE = "negative"  # 负面清单


@frozen
class SourceDocument:
    """A policy text a jurisdiction encodes. ``in_force_from`` is the date its rules apply from.

    A document cites itself: ``MEASURES.cite("（三）", "（五）")`` is the tuple of citations of those
    articles (built once and cached, since rules cite the same articles for every case).

    Dated versions: a jurisdiction may list several versions of one document (same ``title``,
    different ``in_force_from``, each with its ``version`` label such as ``"试行"`` or ``"2024年修订"``);
    on a date, the version in force is the latest one already in force
    (:meth:`Jurisdiction.documents_in_force`).
    """

    title: str
    issuer: str
    in_force_from: date
    number: str | None = None  # 文号, e.g. 平纪发〔2022〕3号
    version: str | None = None  # the version's label where a jurisdiction carries several

    def cite(self, *articles: str) -> tuple[Citation, ...]:
        """Citations of ``articles`` of this document, in the order given."""
        return _citations(self.title, articles)


@cache
def _citations(title: str, articles: tuple[str, ...]) -> tuple[Citation, ...]:
    return tuple(Citation(document=title, article=a) for a in articles)


@frozen
class ListItem:
    """One item of a positive (``P1``…) or negative (``N1``…) list, numbered as the source numbers it."""

    id: str = attrs.field(validator=attrs.validators.matches_re(r"^[PN][0-9]+$"))
    text: str
    citation: Citation

    @property
    def kind(self) -> ListKind:
        return ListKind.POSITIVE if self.id.startswith("P") else ListKind.NEGATIVE


@frozen
class PublishedFigure:
    """A figure the jurisdiction published (for reports), e.g. officials clarified to end-2022."""

    key: str
    value: int
    description: Text
    period: str
    citation: Citation


def _valid_id(_instance: object, attribute: attrs.Attribute, value: str) -> None:
    if not JURISDICTION_ID.match(value):
        raise ValueError(f"{attribute.name} {value!r} is not a jurisdiction id like 'zhejiang.hangzhou'")


@frozen
class Jurisdiction:
    """What ``zhengming_jurisdiction()`` returns.

    ``parent`` is the id of the jurisdiction whose rules this one refines (``"core"`` for a
    province or a city without a province plugin). ``effective_from`` is the earliest date any of
    its documents applies from; before it, cases fall back to the parent's rules.
    """

    id: str = attrs.field(validator=_valid_id)
    parent: str | None = attrs.field(default=CORE_ID, validator=attrs.validators.optional(_valid_id))
    names: Text
    level: JurisdictionLevel
    documents: tuple[SourceDocument, ...] = ()
    list_items: tuple[ListItem, ...] = ()
    figures: tuple[PublishedFigure, ...] = ()
    # v1.1 local facts: a JSON Schema (an object schema) for the facts this jurisdiction adds under
    # ``local.<id>`` of a case; ``None`` when it adds none.
    local_facts: Mapping[str, Any] | None = attrs.field(default=None, eq=False, hash=False)

    @property
    def effective_from(self) -> date | None:
        return min((d.in_force_from for d in self.documents), default=None)

    def in_force(self, on: date) -> bool:
        start = self.effective_from
        return start is None or start <= on

    def documents_in_force(self, on: date) -> tuple[SourceDocument, ...]:
        """Per title, the version of each document in force on ``on`` (the latest already in force)."""
        current: dict[str, SourceDocument] = {}
        for doc in sorted(self.documents, key=lambda d: d.in_force_from):
            if doc.in_force_from <= on:
                current[doc.title] = doc
        return tuple(current.values())
