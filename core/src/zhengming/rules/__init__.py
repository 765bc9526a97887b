"""The rule toolkit for plugin authors: what every jurisdiction plugin needs, written once.

* :mod:`.tables` — rule tables: rows of (value, condition, citations, reason), first-hit or collect;
  ``amend`` for a wrapper that adds reasons and citations to the answer it inherited;
* :mod:`.lists` — positive/negative list items carrying their own condition, one shared assessment;
* :mod:`.versions` — dated rule versions, the one in force picked by the case's ``as_of``;
* :mod:`.declare` — jurisdictions declared as data (metadata plus a few hook functions, no module);
* :mod:`.local` — local facts (v1.1): a jurisdiction's own concepts as a JSON Schema;
* :mod:`.filing`, :mod:`.dates`, :mod:`.workdays`, :mod:`.reasons` — list matching, calendar months,
  working days (工作日), shared reason sentences.

Source documents cite themselves: ``SourceDocument.cite(*articles)``. Test builders are in
:mod:`zhengming.testing`. The guide is ``docs/rules.md``.
"""

from .dates import add_months
from .declare import declare
from .filing import ListMatch, match_lists
from .lists import FilingLists, Item, numbered
from .local import LocalFacts
from .tables import Policy, Row, RuleTable, always, amend, never, unique
from .versions import Dated, Version

__all__ = [
    "Dated",
    "FilingLists",
    "Item",
    "ListMatch",
    "LocalFacts",
    "Policy",
    "Row",
    "RuleTable",
    "Version",
    "add_months",
    "always",
    "amend",
    "declare",
    "match_lists",
    "never",
    "numbered",
    "unique",
]
