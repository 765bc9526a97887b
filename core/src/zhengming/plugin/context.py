"""What a hook knows besides the case: which jurisdiction, as of when, through which chain."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import attrs

from ..model import ListItem


@attrs.frozen(kw_only=True)
class EvaluationContext:
    """Passed to hooks as ``ctx``.

    :ivar jurisdiction: the id the case names (the leaf of the chain).
    :ivar as_of: the date whose rules apply.
    :ivar chain: the plugins consulted, most general first (``("core", "jinan")``); a plugin whose
        rules are not yet in force on ``as_of`` is left out.
    :ivar list_items: the positive/negative list items of the chain by id, the most specific
        plugin's item where two plugins use the same id.
    """

    jurisdiction: str
    as_of: date
    chain: tuple[str, ...]
    list_items: Mapping[str, ListItem] = attrs.field(factory=dict)
