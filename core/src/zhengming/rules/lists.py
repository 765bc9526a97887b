"""Positive and negative lists whose items carry their own condition, with one shared assessment.

Each item is written once: its id, its text as the source numbers it, its citation and the test of
the filing's facts that decides whether it is met. Nothing keeps two tables aligned by id::

    LISTS = FilingLists(
        positive=numbered("P", [(P1_TEXT, lambda f: f.corrected_promptly), (P2_TEXT, claimed)], cite_p),
        negative=numbered("N", [(N1_TEXT, lambda f: f.violates_explicit_prohibition)], cite_n),
    )
    Jurisdiction(..., list_items=LISTS.list_items)
    found = LISTS.match(case.filing)  # ListMatch(outcome, positive ids, negative ids)

The outcome follows the contract's rule (:func:`zhengming.rules.filing.match_lists`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import attrs

from ..model import Citation, Filing, ListItem
from .filing import FactTest, ListMatch, match_lists
from .tables import always as claimed  # no condition the facts describe beyond the filing's claim of the item
from .tables import never  # a catch-all (其他……) needs a case-by-case finding: never met by the facts alone

__all__ = ["FilingLists", "Item", "claimed", "never", "numbered"]


@attrs.frozen
class Item:
    """A list item with the condition that meets it."""

    id: str
    text: str
    citation: Citation
    when: FactTest = attrs.field(eq=False)

    @property
    def list_item(self) -> ListItem:
        return ListItem(id=self.id, text=self.text, citation=self.citation)


def numbered(prefix: str, rows: Iterable[tuple[str, FactTest]], cite: Callable[[int], Citation]) -> tuple[Item, ...]:
    """Items ``P1``, ``P2``… (or ``N1``…) from ``(text, condition)`` rows in source order;
    ``cite(n)`` is the citation of item ``n``."""
    return tuple(Item(f"{prefix}{n}", text, cite(n), when) for n, (text, when) in enumerate(rows, 1))


@attrs.frozen
class FilingLists:
    """A jurisdiction's positive and negative lists."""

    positive: tuple[Item, ...]
    negative: tuple[Item, ...]
    _by_id: dict[str, Item] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {i.id: i for i in (*self.positive, *self.negative)})

    @property
    def list_items(self) -> tuple[ListItem, ...]:
        """The published items (``Jurisdiction.list_items``), positive first, in source order."""
        return tuple(i.list_item for i in (*self.positive, *self.negative))

    def match(self, filing: Filing) -> ListMatch:
        """Which claimed positive items the facts meet, which negative items they hit, and the outcome."""
        return match_lists(filing, {i.id: i.when for i in self.positive}, {i.id: i.when for i in self.negative})

    def citations(self, ids: Sequence[str]) -> tuple[Citation, ...]:
        """The citations of the items ``ids``."""
        return tuple(self._by_id[i].citation for i in ids)
