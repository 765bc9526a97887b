"""Positive and negative lists whose items carry their own condition, with one shared assessment.

Each item is written once: its id, its text as the source numbers it, its citation and the test of
the filing's facts that decides whether it is met. Nothing keeps two tables aligned by id::

    LISTS = FilingLists(
        positive=numbered("P", [(P1_TEXT, lambda f: f.corrected_promptly), (P2_TEXT, claimed)], cite_p),
        negative=numbered("N", [(N1_TEXT, lambda f: f.violates_explicit_prohibition)], cite_n),
    )
    Jurisdiction(..., list_items=LISTS.list_items)
    found = LISTS.match(case.filing)  # ListMatch(outcome, positive ids, negative ids)

The outcome follows the contract's rule (:func:`zhengming.rules.filing.match_lists`). Long lists read
best as a data file (:func:`load_lists`): each item's text and its condition as an expression over the
filing's facts (:func:`condition`), checked when the plugin loads.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import attrs

from ..model import Citation, Filing, FilingFacts, ListItem
from .filing import FactTest, ListMatch, match_lists
from .tables import always as claimed  # no condition the facts describe beyond the filing's claim of the item
from .tables import never  # a catch-all (其他……) needs a case-by-case finding: never met by the facts alone

__all__ = ["FilingLists", "Item", "claimed", "condition", "load_lists", "never", "numbered"]


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


# --- lists as data files ---------------------------------------------------------------------

_ALLOWED = (
    ast.Expression, ast.BoolOp, ast.And, ast.Or, ast.UnaryOp, ast.Not, ast.Compare, ast.Eq, ast.NotEq,
    ast.In, ast.NotIn, ast.Name, ast.Load, ast.Constant, ast.Tuple,
)  # fmt: skip
KEYWORDS = {"claimed": "True", "never": "False"}


def condition(expression: str, where: str = "condition") -> FactTest:
    """A test of ``filing.facts`` from an expression over its field names, e.g.
    ``public_interest_motive and not private_gain and adverse_impact != "major"``.

    ``claimed`` alone means no condition beyond the filing's claim; ``never`` a catch-all no fact meets.
    Only fact names, ``and``/``or``/``not``, ``==``/``!=``/``in`` and constants are allowed; an unknown
    name or any other construct is refused here, when the plugin loads, naming ``where``.
    """
    source = KEYWORDS.get(expression.strip(), expression)
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"{where}: {expression!r} is not a condition ({exc.msg})") from None
    fields = {f.name for f in attrs.fields(FilingFacts)}
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED):
            raise ValueError(f"{where}: {type(node).__name__} is not allowed in a condition: {expression!r}")
        if isinstance(node, ast.Name) and node.id not in fields:
            raise ValueError(f"{where}: {node.id!r} is not a filing fact (known: {', '.join(sorted(fields))})")
    body = ast.unparse(_Facts().visit(tree).body)
    return eval(
        compile(f"lambda f: bool({body})", where, "eval"), {"__builtins__": {}, "bool": bool}
    )  # only names checked above


class _Facts(ast.NodeTransformer):
    """``private_gain`` → ``f.private_gain``."""

    def visit_Name(self, node: ast.Name) -> ast.AST:
        return ast.copy_location(ast.Attribute(ast.Name("f", ast.Load()), node.id, ast.Load()), node)


def load_lists(path: str | Path, cite: Callable[[str, int], Citation]) -> FilingLists:
    """Lists from a YAML file: ``positive:`` and ``negative:``, each a list of ``{text, when}`` in source
    order (ids ``P1``…, ``N1``… by position); ``cite(kind, n)`` is the citation of item ``n`` of ``kind``
    (``"positive"`` or ``"negative"``). See docs/rules.md."""
    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    found = {}
    for kind, prefix in (("positive", "P"), ("negative", "N")):
        rows = [
            (row["text"], condition(str(row["when"]), f"{Path(path).name}: {prefix}{n}"))
            for n, row in enumerate(data.get(kind) or (), 1)
        ]
        found[kind] = numbered(prefix, rows, lambda n, kind=kind: cite(kind, n))
    return FilingLists(**found)
