"""Dated rule versions: a plugin carries each version of its rules with the document version that set it.

When a policy text is revised, keep the old version: cases are evaluated as of a date, and a case of
last year is decided by last year's rules. List every version of the document in
``Jurisdiction.documents`` (same title, each with its ``in_force_from`` and ``version`` label) and pair
each version of a rule with the document version that set it::

    TRIAL = SourceDocument(title=T, issuer=I, in_force_from=date(2019, 12, 13), version="试行")
    REVISED = SourceDocument(title=T, issuer=I, in_force_from=date(2024, 3, 1), version="2024年修订")
    DEADLINE_MONTHS = Dated((TRIAL, 1), (REVISED, 2))

    @hookimpl
    def zhengming_clarification_deadline(case, trigger, ctx):
        version = DEADLINE_MONTHS.at(ctx.as_of)  # the version in force on the case's as_of
        ...  # cite version.document, use version.value

Before the earliest version is in force, :meth:`Dated.at` answers ``None``: return ``None`` from the
hook so that the parent's rules apply.
"""

from __future__ import annotations

from datetime import date
from typing import Generic, TypeVar

import attrs

from ..model import Citation, SourceDocument

V = TypeVar("V")


@attrs.frozen
class Version(Generic[V]):
    """One version of a rule: the document version that set it, and the rule's value."""

    document: SourceDocument
    value: V

    def cite(self, *articles: str) -> tuple[Citation, ...]:
        return self.document.cite(*articles)


@attrs.frozen(init=False)
class Dated(Generic[V]):
    """Versions of one rule, each in force from its document's ``in_force_from`` until the next one."""

    versions: tuple[Version[V], ...]

    def __init__(self, *versions: tuple[SourceDocument, V]):
        ordered = sorted((Version(doc, value) for doc, value in versions), key=lambda v: v.document.in_force_from)
        starts = [v.document.in_force_from for v in ordered]
        if len(set(starts)) != len(starts):
            raise ValueError("two versions of a rule cannot come into force on the same day")
        self.__attrs_init__(tuple(ordered))

    def at(self, as_of: date) -> Version[V] | None:
        """The version in force on ``as_of`` (the latest already in force), or ``None`` before the first."""
        current = None
        for version in self.versions:
            if version.document.in_force_from > as_of:
                break
            current = version
        return current
