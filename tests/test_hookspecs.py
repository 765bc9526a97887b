"""Every hook spec is a documented part of the plugin authors' manual."""

from __future__ import annotations

import inspect

import pytest

from zhengming.plugin.hooks import CHAIN_HOOKS, HOOK_SPECS, combine_mode
from zhengming.plugin.markers import Combine


@pytest.mark.parametrize("name", sorted(HOOK_SPECS))
def test_hook_spec_is_documented_with_an_example(name):
    doc = inspect.getdoc(HOOK_SPECS[name])
    assert doc, f"{name} has no docstring"
    assert "Example" in doc and "@hookimpl" in doc, f"{name}'s docstring has no example implementation"
    assert ":return:" in doc, f"{name}'s docstring does not say what the answer means"


@pytest.mark.parametrize("name", sorted(HOOK_SPECS))
def test_hook_spec_declares_how_answers_combine(name):
    mode = combine_mode(name)
    doc = inspect.getdoc(HOOK_SPECS[name])
    assert isinstance(mode, Combine)
    words = {Combine.MOST_SPECIFIC: "most specific wins", Combine.MERGE: "merge", Combine.OWN: "not combined"}
    assert words[mode] in doc.lower(), f"{name}'s docstring does not state its combination ({mode})"


def test_hook_specs_are_prefixed_and_typed():
    for name, spec in HOOK_SPECS.items():
        assert name.startswith("zhengming_")
        signature = inspect.signature(spec)
        assert signature.return_annotation is not inspect.Signature.empty, name
        for parameter in signature.parameters.values():
            assert parameter.annotation is not inspect.Parameter.empty, f"{name}({parameter.name}) is untyped"


def test_chain_hooks_exclude_metadata():
    assert "zhengming_jurisdiction" not in CHAIN_HOOKS
    assert len(CHAIN_HOOKS) == len(HOOK_SPECS) - 1


@pytest.mark.parametrize("name", sorted(HOOK_SPECS))
def test_every_hook_parameter_is_documented(name):
    doc = inspect.getdoc(HOOK_SPECS[name])
    missing = [p for p in inspect.signature(HOOK_SPECS[name]).parameters if f":param {p}:" not in doc]
    assert not missing, f"{name} does not document {missing}"


def test_the_manual_names_only_modules_that_exist_and_says_what_none_from_a_wrapper_means():
    import importlib.util
    import re

    from zhengming.plugin import hookspecs

    doc = inspect.getdoc(hookspecs)
    for module in re.findall(r'= "([\w.]+)"', doc):
        assert importlib.util.find_spec(module) is not None, f"the manual names {module}, which does not exist"
    assert "A wrapper that returns ``None`` keeps the inherited answer" in doc
