"""Checking a fault-tolerance filing's ``claimed_items`` against the positive list its jurisdiction publishes.

The contract's ``filing.claimed_items`` is a "list of positive-list item ids of that jurisdiction": where the
jurisdiction publishes a positive list, an id not on it (``P16`` of a fifteen-item list, ``P01``) is invalid
input, as an unknown field is — a typo must not quietly turn a filing into ``needs_review``. Where its lineage
publishes no list (the core, 济南, 浙江), there is nothing to check an id against: the filing is taken as
before, and the rules, with no list to match, leave it for review. The jurisdiction's items are those of its
whole lineage, whatever ``as_of``: they are its ids even on a day its rules are not yet in force.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..errors import Problem
from ..i18n import Message
from ..model import ListItem, ListKind


def claimed_item_problems(claimed: Iterable[str], items: Mapping[str, ListItem], jurisdiction: str) -> list[Problem]:
    """One problem per claimed id that is not a positive-list item of ``jurisdiction`` (``items``: its
    lineage's); none where the lineage publishes no positive list."""
    positive = [i for i in items.values() if i.kind is ListKind.POSITIVE]
    if not positive:
        return []
    known = ", ".join(i.id for i in positive)
    return [
        Problem(
            f"/filing/claimed_items/{index}",
            Message(
                "{item!r} is not an item of the positive list of {jurisdiction} (items: {known})",
                item=item,
                jurisdiction=jurisdiction,
                known=known,
            ),
        )
        for index, item in enumerate(claimed)
        if item not in items or items[item].kind is not ListKind.POSITIVE
    ]
