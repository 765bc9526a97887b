"""Jurisdictions declared as data: a plugin object from metadata and a few hook functions, no module each.

A county that adopts its city's rules, or a city that exists only so its counties' chains pass through
it, needs no module of its own: declare it, and point its entry point at the declaration::

    # zhengming_example/tree.py
    LUSHAN = declare(Jurisdiction(id="example.lushan", parent="example", names=Text("鲁山县", "Lushan"),
                                  level=JurisdictionLevel.COUNTY, documents=(FORWARDING_NOTICE,)))

    # pyproject.toml
    [project.entry-points."zhengming.jurisdictions"]
    "example.lushan" = "zhengming_example.tree:LUSHAN"

A jurisdiction with a rule of its own passes its hook functions too, marked with ``@hookimpl`` as in a
module; a function may have any name when ``specname`` names its hook (then one module can hold several
adjustments of one hook for different jurisdictions). Each hook is implemented at most once per
declaration::

    @hookimpl(wrapper=True, specname="zhengming_revisit_policy")
    def double_revisit():
        inherited = yield
        return attrs.evolve(inherited, targets=(RevisitTarget.SUBJECT, RevisitTarget.UNIT))

    JIANGBEI = declare(Jurisdiction(...), double_revisit)

Every declaration gets its own copy of each hook function, so two jurisdictions sharing a rule
never share a hook implementation.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable

from ..model import Jurisdiction
from ..plugin.markers import PROJECT, hookimpl

MARKER = f"{PROJECT}_impl"


class DeclaredJurisdiction:
    """A plugin object: ``zhengming_jurisdiction`` answers ``info``; each hook function is an attribute."""

    def __init__(self, info: Jurisdiction, hooks: tuple[Callable, ...], module: str, package: str):
        self.info = info
        # Where it was declared: that package's sources are its rules (fingerprint) and its cases/ folder
        # holds its example cases.
        self.__module__ = self.__name__ = module
        self.__package__ = package
        self.zhengming_jurisdiction = hookimpl(lambda: info)
        for function in hooks:
            options = getattr(function, MARKER, None)
            if options is None:
                raise ValueError(f"{function.__name__} is not marked with @hookimpl, so it would be silently ignored")
            hook = options.get("specname") or function.__name__  # the attribute is the hook's name, as in a module
            if hook in vars(self):
                raise ValueError(f"{info.id}: two implementations of {hook} ({function.__name__} and another)")
            setattr(self, hook, _copy(function))

    def __repr__(self) -> str:
        return f"<jurisdiction {self.info.id} declared in {self.__module__}>"


def declare(info: Jurisdiction, *hooks: Callable) -> DeclaredJurisdiction:
    """A jurisdiction plugin made of its metadata and ``hooks`` (functions marked with ``@hookimpl``)."""
    caller = sys._getframe(1).f_globals
    return DeclaredJurisdiction(info, hooks, caller.get("__name__", ""), caller.get("__package__") or "")


def _copy(function: Callable) -> Callable:
    """A new function object with the same code and marker: one per declaration."""
    copy = types.FunctionType(
        function.__code__, function.__globals__, function.__name__, function.__defaults__, function.__closure__
    )
    copy.__kwdefaults__ = function.__kwdefaults__
    copy.__dict__.update(function.__dict__)
    copy.__qualname__ = function.__qualname__
    copy.__module__ = function.__module__
    return copy
