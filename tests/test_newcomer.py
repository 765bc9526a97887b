"""A newcomer's first hour: the scaffold writes valid files, broken case files and broken plugins are
reported (named, with the reason) rather than crashing, and conformance checks a plugin's own cases
against the invariants."""

from __future__ import annotations

import itertools
import json
import textwrap
import tomllib
from importlib import metadata
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest
from click.testing import CliRunner

from zhengming import load_registry
from zhengming.casefiles import load_case_file
from zhengming.cli.main import cli
from zhengming.conformance import run
from zhengming.plugin.registry import ENTRY_POINT_GROUP

from .conftest import BASE_CASE

pytest_plugins = ["pytester"]


def scaffold(tmp_path, jid, parent, *extra):
    target = tmp_path / jid
    result = CliRunner().invoke(cli, ["plugin", "new", jid, "--parent", parent, "--dir", str(target), *extra])
    assert result.exit_code == 0, result.output
    return target


def test_a_province_under_core_gets_a_valid_case_file_and_lists_zhengming_once(tmp_path):
    target = scaffold(tmp_path, "hubei", "core", "--level", "province")
    cases = load_case_file(target / "src" / "zhengming_hubei" / "cases" / "inherited.yaml")
    assert len(cases) >= 1 and cases[0].case["jurisdiction"] == "hubei"
    dependencies = tomllib.loads((target / "pyproject.toml").read_text())["project"]["dependencies"]
    assert dependencies == ["zhengming>=0.1"]


def test_a_county_lists_zhengming_and_its_parents_distribution(tmp_path):
    target = scaffold(tmp_path, "pingdingshan.jiaxian", "pingdingshan")
    dependencies = tomllib.loads((target / "pyproject.toml").read_text())["project"]["dependencies"]
    assert dependencies == ["zhengming>=0.1", "zhengming-pingdingshan"]


# --- a plugin package with case files, written on the fly -----------------------------------------

PLUGIN = """
from datetime import date
from zhengming import *

DOC = "测试办法"

@hookimpl
def zhengming_jurisdiction():
    return Jurisdiction(id="{jid}", parent="core", names=Text("{jid}", "{jid}"), level=JurisdictionLevel.PROVINCE,
                        documents=(SourceDocument(title=DOC, issuer="测试", in_force_from=date(2020, 1, 1)),))
"""
UNCITED_METHOD = """
@hookimpl(wrapper=True)
def zhengming_clarification_methods(case):
    inherited = yield
    if case.impact.scope is ImpactScope.ONLINE:  # a path only the plugin's own case file takes
        return inherited + (MethodOption(method=Method.MEDIA, citations=()),)
    return inherited
"""


_packages = itertools.count()


def plugin_package(folder: Path, jid: str, body: str = "", cases: str | None = None) -> EntryPoint:
    package = folder / f"zm_newcomer_{jid}_{next(_packages)}"  # a fresh module name: no stale import
    package.mkdir()
    (package / "__init__.py").write_text(PLUGIN.format(jid=jid) + textwrap.dedent(body), encoding="utf-8")
    if cases is not None:
        (package / "cases").mkdir()
        (package / "cases" / "cases.yaml").write_text(cases, encoding="utf-8")
    return EntryPoint(name=jid, value=package.name, group=ENTRY_POINT_GROUP)


def case_file(jid, **changes):
    from zhengming import Engine, to_document

    case = dict(BASE_CASE, jurisdiction=jid, **changes)
    core_says = to_document(Engine(load_registry(entry_points=[])).evaluate_document(dict(case, jurisdiction="core")))
    entry = {
        "id": "own-1",
        "description": "网络影响",
        "basis": core_says["trigger"]["citations"][:1],
        "case": case,
        "expect": {"trigger": {"outcome": "must_clarify"}},
    }
    return json.dumps({"cases": [entry]}, ensure_ascii=False)


@pytest.fixture
def importable(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


MALFORMED = "cases:\n  - id: broken\n    description: no case, no expect\n"


def test_a_malformed_case_file_is_a_failing_conformance_check_not_a_traceback(importable):
    registry = load_registry(entry_points=[plugin_package(importable, "prov", cases=MALFORMED)])
    failed = [r for r in run(registry, ["prov"], max_examples=5) if r.failed]
    assert [r.check for r in failed] == ["casefile:cases.yaml"]
    assert "/cases/0" in failed[0].detail


def test_a_malformed_case_file_fails_the_demo_with_exit_1(importable, monkeypatch):
    from zhengming.cli import app as cli_app

    entry = plugin_package(importable, "prov", cases=MALFORMED)
    monkeypatch.setattr(cli_app, "load_registry", lambda strict=False: load_registry(entry_points=[entry]))
    result = CliRunner().invoke(cli, ["--lang", "en", "demo", "--db", str(importable / "demo.sqlite")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "cases.yaml" in result.stdout and "✗ /cases/0" in result.stdout


def test_a_malformed_case_file_is_a_failing_pytest_item(pytester, tmp_path):
    entry = plugin_package(tmp_path, "prov", cases=MALFORMED)
    pytester.syspathinsert(tmp_path)
    pytester.makeconftest(
        f"""
        from importlib.metadata import EntryPoint
        import zhengming.plugin.registry as registry

        _load = registry.load_registry

        def load(*, strict=False, entry_points=None):
            return _load(entry_points=[EntryPoint(name="prov", value="{entry.value}", group="{ENTRY_POINT_GROUP}")])

        def pytest_configure(config):
            registry.load_registry = load

        def pytest_unconfigure(config):  # the run is in-process: put the real loader back
            registry.load_registry = _load
        """
    )
    result = pytester.runpytest_inprocess("--zhengming-jurisdiction", "prov", "--zhengming-max-examples", "3")
    result.stdout.fnmatch_lines(["*prov::casefile::cases.yaml*"])
    assert result.parseoutcomes()["failed"] == 1


def test_conformance_checks_the_invariants_on_the_plugins_own_case_files(importable):
    online = case_file("prov", impact={"scope": "online"})
    registry = load_registry(entry_points=[plugin_package(importable, "prov", UNCITED_METHOD, online)])
    failed = [r for r in run(registry, ["prov"], max_examples=5) if r.failed and r.check == "case:own-1"]
    assert failed and failed[0].detail == "invariant every-block-cited: /methods/4: no citation"
    assert {r.family for r in failed} >= {"methods"}


def test_conformance_names_why_a_plugin_is_not_installed(importable, monkeypatch):
    from zhengming.cli import app as cli_app

    broken = plugin_package(importable, "prov", "raise RuntimeError('missing table')")
    monkeypatch.setattr(cli_app, "load_registry", lambda strict=False: load_registry(entry_points=[broken]))
    result = CliRunner().invoke(cli, ["--lang", "en", "conformance", "prov"])
    assert result.exit_code == 3
    assert "prov (failed to load: prov" in result.stderr and "RuntimeError: missing table" in result.stderr


def test_installed_entry_points_are_unchanged_by_these_tests():
    assert "prov" not in {ep.name for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)}


def test_the_pytest_plugin_names_why_a_jurisdiction_is_not_installed(importable):
    from zhengming.conformance.pytest_plugin import not_installed

    broken = plugin_package(importable, "prov", "raise RuntimeError('missing table')")
    message = not_installed(load_registry(entry_points=[broken]), ["prov"])
    assert message.startswith("not installed: prov (failed to load: prov")
    assert "RuntimeError: missing table" in message and message.endswith("installed: core")
