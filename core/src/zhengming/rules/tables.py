"""Rule tables: rows of (value, condition, citations, reason) read with a first-hit or a collect policy.

Policy texts are lists: "the methods are (一)…(五), each where …", "the first of these situations that
holds decides". Write such a list as a :class:`RuleTable` instead of an if-chain::

    METHODS = RuleTable.collect(
        Row(Method.WRITTEN, always, DOC.cite("（一）")),
        Row(Method.MEETING, lambda c: c.impact.scope in IN_A_RANGE, DOC.cite("（三）")),
    )
    options = [MethodOption(method=r.value, citations=r.citations) for r in METHODS(case)]

``RuleTable.first(...)`` answers with at most one row (the first whose condition holds); ``collect``
answers with every row whose condition holds, in table order. The helpers :meth:`RuleTable.values`,
:meth:`RuleTable.citations` and :meth:`RuleTable.reasons` read the rows that hold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any, Generic, TypeVar

import attrs

from ..model import Citation, Text

V = TypeVar("V")
A = TypeVar("A")
Condition = Callable[[Any], bool]


def always(_case: object) -> bool:
    """A condition that always holds (the row applies to every case)."""
    return True


def never(_case: object) -> bool:
    """A condition that never holds: the row needs a finding no fact carries (a catch-all 其他……)."""
    return False


class Policy(StrEnum):
    FIRST = "first"  # the first row whose condition holds decides
    COLLECT = "collect"  # every row whose condition holds counts, in table order


@attrs.frozen
class Row(Generic[V]):
    """One rule: its ``value`` applies when ``when(case)`` holds, citing ``citations``.

    :ivar reason: the sentence the decision gives when the row applies (optional).
    :ivar key: a name for the row (an item number such as ``"（三）"``) when the value is not enough.
    """

    value: V
    when: Condition
    citations: tuple[Citation, ...] = ()
    reason: Text | None = None
    key: str | None = None


@attrs.frozen
class RuleTable(Generic[V]):
    """Rows and the policy that reads them; call the table with a case for the rows that apply."""

    policy: Policy
    rows: tuple[Row[V], ...]

    @classmethod
    def first(cls, *rows: Row[V]) -> RuleTable[V]:
        return cls(Policy.FIRST, rows)

    @classmethod
    def collect(cls, *rows: Row[V]) -> RuleTable[V]:
        return cls(Policy.COLLECT, rows)

    def __call__(self, case: Any) -> tuple[Row[V], ...]:
        """The rows that apply to ``case``: at most one under ``first``, every one under ``collect``."""
        if self.policy is Policy.FIRST:
            return next(((row,) for row in self.rows if row.when(case)), ())
        return tuple(row for row in self.rows if row.when(case))

    def hit(self, case: Any) -> Row[V] | None:
        """The first row that applies, or ``None``."""
        return next(iter(self(case)), None)

    def values(self, case: Any) -> tuple[V, ...]:
        return tuple(row.value for row in self(case))

    def citations(self, case: Any) -> tuple[Citation, ...]:
        return unique(c for row in self(case) for c in row.citations)

    def reasons(self, case: Any) -> tuple[Text, ...]:
        return tuple(row.reason for row in self(case) if row.reason is not None)


def unique(values: Iterable[V]) -> tuple[V, ...]:
    """``values`` in order, each once (citations named by several rows are cited once)."""
    return tuple(dict.fromkeys(values))


def amend(answer: A, *, reasons: Iterable[Text] = (), citations: Iterable[Citation] = (), **changes: Any) -> A:
    """``answer`` (a frozen model object an adjusting wrapper received) with ``reasons`` and ``citations``
    appended (each citation once) and the other fields in ``changes`` replaced::

        return amend(inherited, reasons=(CONSENT,), citations=MEASURES.cite("（三）"))
    """
    if reasons:
        changes["reasons"] = (*answer.reasons, *reasons)  # type: ignore[attr-defined]
    if citations:
        changes["citations"] = unique((*answer.citations, *citations))  # type: ignore[attr-defined]
    return attrs.evolve(answer, **changes) if changes else answer
