"""User names: normalised (NFKC), free of control characters, and never confusable with another user's.

Two names are confusable when their Unicode skeletons (UTS #39, section 4) are equal: ``li`` and
``lі`` (Cyrillic і), ``admin`` and ``аdmin``, ``wang`` and ``ｗａｎｇ`` (NFKC already folds that one).
The skeleton maps each character to the prototype of its confusables class; the classes come from
Unicode's ``confusables.txt`` as shipped by the ``confusable_homoglyphs`` package (its data lists each
source with its prototype, and each prototype with its sources).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache

_MARKS = "\u200e\u200f"  # the data wraps some right-to-left sources in direction marks


def normalise(name: str) -> str:
    """The stored form of a user name: NFKC, surrounding spaces removed."""
    return unicodedata.normalize("NFKC", name).strip()


def control_characters(name: str) -> bool:
    return any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in name)


def skeleton(name: str) -> str:
    """The UTS #39 skeleton of ``name``: equal skeletons look alike."""
    prototypes, expansions = _tables()
    out = []
    for char in unicodedata.normalize("NFD", name):
        expansion = expansions.get(char)
        if expansion is not None:
            out.extend(prototypes.get(c, c) for c in expansion)
        else:
            out.append(prototypes.get(char, char))
    return unicodedata.normalize("NFD", "".join(out))


def confusable_with(name: str, existing: Iterable[str]) -> str | None:
    """The first of ``existing`` that ``name`` can be mistaken for (itself excluded), else ``None``."""
    mine = skeleton(name)
    for other in existing:
        if other != name and skeleton(other) == mine:
            return other
    return None


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(character -> representative of its class, character -> its multi-character prototype)."""
    from confusable_homoglyphs.confusables import confusables_data

    parent: dict[str, str] = {}

    def find(char: str) -> str:
        root = char
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(char, char) != root:  # path compression
            parent[char], char = root, parent[char]
        return root

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    expansions: dict[str, str] = {}
    for char, entries in confusables_data.items():
        glyphs = [entry["c"].strip(_MARKS) for entry in entries]
        for glyph in glyphs:
            if len(glyph) == 1:
                union(char, glyph)
        if len(glyphs) == 1 and len(glyphs[0]) > 1:  # a source whose prototype is a sequence (m -> rn)
            expansions[char] = glyphs[0]
    return {char: find(char) for char in parent}, expansions
