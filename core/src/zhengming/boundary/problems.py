"""Problems found at the boundary, and the cap on how many are listed for one document."""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import Problem
from ..i18n import Message, Renderable
from .limits import LIMITS


def at_position(line: int | None, column: int, message: Renderable) -> Problem:
    """A problem located by line and column (before a document is parsed there is no JSON pointer);
    ``line`` is ``None`` inside one line of an import file, whose number the importer gives."""
    if line is None:
        return Problem("", Message("column {column}: {problem}", column=column, problem=message))
    return Problem("", Message("line {line} column {column}: {problem}", line=line, column=column, problem=message))


def at_root(message: Renderable) -> Problem:
    return Problem("", message)


def capped(problems: Iterable[Problem], limit: int = LIMITS.max_problems) -> list[Problem]:
    """At most ``limit`` problems, distinct, in the order found, then one line counting the rest.

    Linear in the number of problems: duplicates are dropped through a set, not a list scan.
    """
    seen: set[Problem] = set()
    kept: list[Problem] = []
    rest = 0
    for problem in problems:
        if problem in seen:
            continue
        seen.add(problem)
        if len(kept) < limit:
            kept.append(problem)
        else:
            rest += 1
    if rest:
        kept.append(at_root(Message("{rest} more problem(s) not listed", rest=rest)))
    return kept
