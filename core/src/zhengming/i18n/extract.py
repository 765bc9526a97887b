"""Babel's extraction method for zhengming's Python sources (babel.cfg: ``zhengming.i18n.extract:python``).

Babel's own Python extractor reads tokens, and before Python 3.12 an f-string is a single token: a
``_("…")`` inside an f-string's braces would go unseen. This one walks the syntax tree, so it finds a
marked call wherever it stands: ``_("…")``, ``app._("…")``, ``gettext("…", lang)``, ``Message("…")``,
``pgettext("context", "…", lang)``. Each call's positional arguments are handed to Babel, a literal string
as itself and anything else as ``None``; Babel picks the msgid (and context) by the keyword's spec
(``pgettext:1c,2``) and drops a call whose msgid is not a literal.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator
from typing import Any, BinaryIO


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def python(
    fileobj: BinaryIO, keywords: Collection[str], comment_tags: Collection[str], options: dict[str, Any]
) -> Iterator[tuple[int, str, tuple[str | None, ...], list[str]]]:
    """``(line, function, arguments, comments)`` for each marked call in the file, in source order."""
    tree = ast.parse(fileobj.read())
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        arguments = tuple(_literal(a) for a in node.args)
        if name in keywords and any(arguments):
            found.append((node.lineno, node.col_offset, name, arguments))
    for lineno, _column, name, arguments in sorted(found, key=lambda call: call[:2]):
        yield lineno, name, arguments, []
