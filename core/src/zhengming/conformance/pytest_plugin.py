"""pytest plugin shipped with zhengming (entry point ``pytest11``): fixtures for plugin authors and
the conformance suite.

Run the suite in any plugin's repository::

    pytest --zhengming-jurisdiction pingdingshan.lushan

Fixtures: ``zhengming_registry`` (a fresh registry of the installed plugins), ``zhengming_engine``,
and ``zhengming_temp_plugin`` (register plugin objects for one test; they are gone afterwards).
"""

from __future__ import annotations

from typing import Any

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("zhengming", "zhengming conformance")
    group.addoption(
        "--zhengming-jurisdiction",
        action="append",
        default=[],
        metavar="ID",
        help="run the zhengming conformance suite against this installed jurisdiction (repeatable)",
    )
    group.addoption(
        "--zhengming-max-examples",
        type=int,
        default=40,
        metavar="N",
        help="generated cases per case kind for the invariants (default 40)",
    )


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    jurisdictions = config.getoption("zhengming_jurisdiction")
    if not jurisdictions:
        return
    from ..plugin.registry import load_registry

    registry = load_registry()
    missing = [j for j in jurisdictions if j not in registry.records]
    if missing:
        raise pytest.UsageError(not_installed(registry, missing))
    suite = ConformanceSuite.from_parent(session, name="zhengming-conformance")
    suite.registry = registry
    suite.jurisdictions = tuple(jurisdictions)
    items.extend(suite.collect())


def not_installed(registry: Any, missing: list[str]) -> str:
    """Which jurisdictions are missing, each with the reason it failed to load if it did."""
    named = []
    for jid in missing:
        problem = registry.problem_for(jid)
        named.append(f"{jid} (failed to load: {problem})" if problem else jid)
    return f"not installed: {', '.join(named)}; installed: {', '.join(registry.ids())}"


class ConformanceFailure(Exception):
    """Raised by a conformance item; its message is the whole report."""


class ConformanceSuite(pytest.Collector):
    registry: Any = None
    jurisdictions: tuple[str, ...] = ()

    def collect(self):
        from ..casefiles import read_examples
        from ..model import CaseKind

        for jid in self.jurisdictions:
            found = read_examples(self.registry.records[jid].plugin, jid)
            for problem in found.problems:
                name = f"{jid}::casefile::{problem.path.name}"
                yield CaseFileItem.from_parent(self, name=name, jurisdiction=jid, problem=problem)
            for example in found.examples:
                yield CaseItem.from_parent(self, name=f"{jid}::case::{example.id}", jurisdiction=jid, example=example)
            for kind in CaseKind:
                yield InvariantItem.from_parent(
                    self, name=f"{jid}::invariants::{kind.value}", jurisdiction=jid, kind=kind
                )


class _Item(pytest.Item):
    def __init__(self, *, jurisdiction: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.jurisdiction = jurisdiction

    def checker(self):
        from .runner import JurisdictionChecker

        return JurisdictionChecker(self.parent.registry, self.jurisdiction)

    def report(self, results) -> None:
        import json

        failed = [r for r in results if r.status == "fail"]
        must = [r for r in failed if r.level == "must"]
        lines = []
        for r in failed:
            lines.append(f"{r.family} · {r.check} ({r.level}): {r.detail}")
            if r.case is not None:
                lines.append("  case: " + json.dumps(r.case, ensure_ascii=False, sort_keys=True))
        if must:
            raise ConformanceFailure("\n".join(lines))
        if failed:
            pytest.xfail("\n".join(lines))

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, ConformanceFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, None, self.name


class CaseItem(_Item):
    def __init__(self, *, example: Any, **kwargs: Any):
        super().__init__(**kwargs)
        self.example = example

    def runtest(self) -> None:
        self.report(self.checker().check_example(self.example))


class CaseFileItem(_Item):
    """A case file that could not be read: a failing item naming the file and each problem."""

    def __init__(self, *, problem: Any, **kwargs: Any):
        super().__init__(**kwargs)
        self.problem = problem

    def runtest(self) -> None:
        self.report([self.checker().case_file_problem(self.problem)])


class InvariantItem(_Item):
    def __init__(self, *, kind: Any, **kwargs: Any):
        super().__init__(**kwargs)
        self.kind = kind

    def runtest(self) -> None:
        examples = self.config.getoption("zhengming_max_examples")
        self.report(self.checker().invariants(self.kind, examples))


# --- fixtures for plugin authors -------------------------------------------------------------


@pytest.fixture
def zhengming_registry():
    """A registry of the installed jurisdiction plugins, loaded fresh for this test."""
    from ..plugin.registry import load_registry

    return load_registry()


@pytest.fixture
def zhengming_engine(zhengming_registry):
    """An :class:`zhengming.Engine` over ``zhengming_registry``."""
    from ..engine import Engine

    return Engine(zhengming_registry)


class _ObjectEntryPoint:
    """Stands in for an installed entry point whose target is an object already in hand."""

    dist = None

    def __init__(self, plugin: Any):
        self.plugin = plugin
        self.name = plugin.zhengming_jurisdiction().id
        self.value = f"<temporary {self.name}>"

    def load(self) -> Any:
        return self.plugin


@pytest.fixture
def zhengming_temp_plugin():
    """Register temporary plugin objects (modules or instances) beside the installed ones.

    ``registry = zhengming_temp_plugin(my_module, other)`` returns a fresh registry that includes
    them; nothing is left registered after the test.
    """
    from importlib import metadata

    from ..plugin.registry import ENTRY_POINT_GROUP, load_registry

    def register(*plugins: Any):
        installed = list(metadata.entry_points(group=ENTRY_POINT_GROUP))
        return load_registry(entry_points=[*installed, *(_ObjectEntryPoint(p) for p in plugins)])

    return register
