"""Example cases with expected decisions, kept beside each plugin (``<package>/cases/*.yaml``).

A case file holds ``cases:``, each with an ``id``, a ``description``, its ``basis`` (the citations it
tests), a ``level`` (must/should/may), the input ``case`` document and the ``expect``-ed decision as a
partial match: mappings match the keys they name; a list matches the same elements in any order,
``{"$contains": [...]}`` matches a list holding at least those elements.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from .documents import load_yaml
from .model import Citation


@attrs.frozen(kw_only=True)
class ExampleCase:
    id: str
    description: str
    basis: tuple[Citation, ...]
    level: str
    case: dict[str, Any]
    expect: dict[str, Any]
    demo: bool = False
    source: str = ""

    @property
    def jurisdiction(self) -> str:
        return self.case["jurisdiction"]


def load_case_file(path: Path) -> list[ExampleCase]:
    data = load_yaml(path.read_text(encoding="utf-8"), str(path))
    return [
        ExampleCase(
            id=c["id"],
            description=c["description"],
            basis=tuple(Citation(**b) for b in c["basis"]),
            level=c.get("level", "must"),
            case=c["case"],
            expect=c["expect"],
            demo=c.get("demo", False),
            source=str(path),
        )
        for c in data["cases"]
    ]


def case_dir(plugin: object) -> Path | None:
    """``cases/`` beside the plugin's module, if its package ships one."""
    package = getattr(plugin, "__package__", None) or type(plugin).__module__.rpartition(".")[0]
    if not package or package not in sys.modules:
        return None
    folder = Path(str(resources.files(package) / "cases"))
    return folder if folder.is_dir() else None


def example_cases(plugin: object, jurisdiction: str) -> list[ExampleCase]:
    """The example cases of ``jurisdiction`` shipped beside its plugin module."""
    folder = case_dir(plugin)
    if folder is None:
        return []
    found = [c for path in sorted(folder.glob("*.yaml")) for c in load_case_file(path)]
    return [c for c in found if c.jurisdiction == jurisdiction]


def mismatches(expected: Any, actual: Any, at: str = "") -> list[str]:
    """How ``actual`` fails the partial ``expected``: one line per difference, with its pointer."""
    if isinstance(expected, dict) and set(expected) == {"$contains"}:
        return _list_mismatches(expected["$contains"], actual, at, exact=False)
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{at or '/'}: expected an object, got {actual!r}"]
        found = []
        for key, value in expected.items():
            if key not in actual:
                found.append(f"{at}/{key}: missing")
            else:
                found += mismatches(value, actual[key], f"{at}/{key}")
        return found
    if isinstance(expected, list):
        return _list_mismatches(expected, actual, at, exact=True)
    return [] if expected == actual else [f"{at or '/'}: expected {expected!r}, got {actual!r}"]


def _list_mismatches(expected: Iterable[Any], actual: Any, at: str, *, exact: bool) -> list[str]:
    if not isinstance(actual, list):
        return [f"{at or '/'}: expected a list, got {actual!r}"]
    unused = list(actual)
    found = []
    for item in expected:
        match = next((a for a in unused if not mismatches(item, a)), _MISSING)
        if match is _MISSING:
            found.append(f"{at}: no element matches {item!r}")
        else:
            unused.remove(match)
    if exact and unused and not found:
        found.append(f"{at}: unexpected elements {unused!r}")
    return found


_MISSING = object()
