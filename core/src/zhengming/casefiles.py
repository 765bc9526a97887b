"""Example cases with expected decisions, kept beside each plugin (``<package>/cases/*.yaml``).

A case file (``schemas/casefile.schema.json``) holds ``cases:``, each with an ``id``, a ``description``,
its ``basis`` (the citations it tests), a ``level`` (must/should/may), the input ``case`` document and
the ``expect``-ed decision as a partial match: mappings match the keys they name; a list matches the
same elements in any order; ``{"$contains": [...]}`` a list holding at least those elements;
``{"$ordered": [...]}`` a list holding those elements in that order, others possibly between.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from .documents import load_yaml
from .errors import InvalidDocument, ZhengmingError
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


class InvalidCaseFile(ZhengmingError):
    """A case file breaks the case-file format; names the file and each problem's pointer."""

    def __init__(self, path: Path, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: " + "; ".join(problems))


def load_case_file(path: Path) -> list[ExampleCase]:
    """Read and check a case file (YAML or JSON); raises :class:`InvalidCaseFile`."""
    from .validation.full import problems
    from .validation.schemas import CASEFILE_SCHEMA

    try:
        data = load_yaml(path.read_text(encoding="utf-8"), str(path))
    except InvalidDocument as exc:
        raise InvalidCaseFile(path, [p.render("en") for p in exc.problems]) from None
    found = [p.render("en") for p in problems(data, CASEFILE_SCHEMA)]
    if found:
        raise InvalidCaseFile(path, found)
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
    """The example cases of ``jurisdiction`` shipped beside its plugin module.

    :raises InvalidCaseFile: the first malformed case file (see :func:`read_examples` to go on).
    """
    found = read_examples(plugin, jurisdiction)
    if found.problems:
        raise found.problems[0]
    return found.examples


@attrs.frozen
class Examples:
    """The example cases read from a plugin's case files, and the files that could not be read."""

    examples: list[ExampleCase]
    problems: list[InvalidCaseFile]


def read_examples(plugin: object, jurisdiction: str) -> Examples:
    """Every readable example case of ``jurisdiction``; a malformed file is kept as a problem, never raised
    (conformance, ``demo`` and the pytest plugin report it as a failure and go on)."""
    folder = case_dir(plugin)
    examples, problems = [], []
    for path in sorted(folder.glob("*.yaml")) if folder else ():
        try:
            examples += [c for c in load_case_file(path) if c.jurisdiction == jurisdiction]
        except InvalidCaseFile as exc:
            problems.append(exc)
    return Examples(examples, problems)


def mismatches(expected: Any, actual: Any, at: str = "") -> list[str]:
    """How ``actual`` fails the partial ``expected``: one line per difference, with its pointer."""
    if isinstance(expected, dict) and set(expected) == {"$contains"}:
        return _list_mismatches(expected["$contains"], actual, at, exact=False)
    if isinstance(expected, dict) and set(expected) == {"$ordered"}:
        return _ordered_mismatches(expected["$ordered"], actual, at)
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


def _ordered_mismatches(expected: list[Any], actual: Any, at: str) -> list[str]:
    if not isinstance(actual, list):
        return [f"{at or '/'}: expected a list, got {actual!r}"]
    position = 0
    for item in expected:
        while position < len(actual) and mismatches(item, actual[position]):
            position += 1
        if position == len(actual):
            return [f"{at}: {item!r} not found in order after the elements before it"]
        position += 1
    return []


_MISSING = object()
