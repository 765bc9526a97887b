"""Shared fixtures: one registry and engine for the installed jurisdictions."""

from __future__ import annotations

import copy

import pytest

from zhengming import Engine, load_registry


@pytest.fixture(scope="session")
def registry():
    return load_registry()


@pytest.fixture(scope="session")
def engine(registry):
    return Engine(registry)


BASE_CASE = {
    "jurisdiction": "jinan",
    "as_of": "2023-05-01",
    "case_id": "T-1",
    "subject": {"kind": "person", "name": "张某", "management_level": "county"},
    "report": {"received_on": "2023-01-05", "real_name": False, "channel": "letter"},
    "handling": {"organ": "discipline_commission", "level": "county", "verification_concluded_on": "2023-03-10"},
    "allegations": [{"id": "a1", "summary": "收受礼金", "finding": "untrue"}],
    "impact": {"scope": "unit"},
}


@pytest.fixture
def case_doc():
    """A valid 济南 clarification case to vary per test (a fresh deep copy each time)."""
    return copy.deepcopy(BASE_CASE)


@pytest.fixture
def plugins(tmp_path, monkeypatch):
    """A factory of temporary plugin modules importable for the duration of one test."""
    from .plugins import PluginFactory

    monkeypatch.syspath_prepend(str(tmp_path))
    return PluginFactory(tmp_path)
