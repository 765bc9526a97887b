"""The resolution plan of one chain: every hook resolved level by level, core first, leaf last.

This is zhengming's one call loop (pluggy registers and checks the implementations; it does not
decide who wins — pluggy #281). For each level of the chain, in order:

1. the level's plain implementation answers: for a *most specific* hook an answer other than ``None``
   replaces the one resolved so far; for a *merge* hook it is merged into it with the spec's merge
   function; ``None`` inherits;
2. the level's wrapper (``@hookimpl(wrapper=True)``) receives the answer resolved up to and including
   its own level at its ``yield`` and returns the adjusted answer (``None`` keeps it as it is).

So a wrapper can never touch what a more specific level answers, and a child's answer always stands.
Every answer is checked against the spec's type as it is given, and every error names the plugin
whose code raised or answered.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import pluggy

from ..errors import BeyondKnownData, PluginError
from .markers import PROJECT, Combine
from .specs import SPECS, HookSpec


@attrs.frozen
class Implementation:
    """One plugin's implementation of a hook (static: who could answer)."""

    plugin: str
    wrapper: bool


@attrs.frozen
class Resolved:
    """A hook's answer for one set of arguments, and who stands behind it.

    :ivar answered_by: the plugin whose answer stands (most specific hooks), or every plugin that
        contributed, most specific first (merge hooks).
    :ivar adjusted_by: wrappers that changed the standing answer, in the order they ran.
    :ivar steps: ``(plugin, "answer" | "adjust", value)`` for each step that changed the answer.
    """

    hook: str
    answer: Any
    answered_by: tuple[str, ...]
    adjusted_by: tuple[str, ...]
    steps: tuple[tuple[str, str, Any], ...] = ()

    def blame(self, item: Any = None) -> str | None:
        """The plugin whose answer or adjustment stands (for ``item`` of a merged answer, who added it)."""
        if item is not None and SPECS[self.hook].combine is Combine.MERGE:
            for plugin, _, value in reversed(self.steps):
                if item in value:
                    return plugin
        if self.adjusted_by:
            return self.adjusted_by[-1]
        return self.answered_by[0] if self.answered_by else None


def new_plugin_manager() -> pluggy.PluginManager:
    """A manager with zhengming's hook specs and no plugins (a factory: never a shared global)."""
    from . import hookspecs

    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    return pm


@attrs.frozen
class _Level:
    plugin: str
    answer: Any  # pluggy HookImpl or None
    wrapper: Any  # pluggy HookImpl or None


class ResolutionPlan:
    """For each hook, the chain's implementations level by level (built once per chain).

    :param plugins: ``(id, plugin object)`` pairs, most general first (core first).
    """

    def __init__(self, plugins: Sequence[tuple[str, object]]):
        pm = new_plugin_manager()
        for name, plugin in plugins:
            pm.register(plugin, name=name)
        pm.check_pending()
        self.chain = tuple(name for name, _ in plugins)
        self._levels: dict[str, tuple[_Level, ...]] = {}
        for hook in SPECS:
            impls = getattr(pm.hook, hook).get_hookimpls()
            levels = []
            for name in self.chain:
                mine = [i for i in impls if i.plugin_name == name]
                answer = next((i for i in mine if not i.wrapper), None)
                wrapper = next((i for i in mine if i.wrapper), None)
                if answer or wrapper:
                    levels.append(_Level(name, answer, wrapper))
            self._levels[hook] = tuple(levels)

    def implementations(self, hook: str) -> tuple[Implementation, ...]:
        """Who implements ``hook`` in this chain, most specific first (answers before wrappers)."""
        found = []
        for level in reversed(self._levels[hook]):
            found += [Implementation(level.plugin, False)] if level.answer else []
            found += [Implementation(level.plugin, True)] if level.wrapper else []
        return tuple(found)

    def resolve(self, hook: str, arguments: Mapping[str, Any]) -> Resolved:
        """Resolve ``hook`` for these arguments along the chain (see the module's docstring)."""
        spec = SPECS[hook]
        merge = spec.merge
        answer: Any = () if merge else None
        answered_by: list[str] = []
        adjusted_by: list[str] = []
        steps: list[tuple[str, str, Any]] = []
        for level in self._levels[hook]:
            if level.answer is not None:
                own = _call(level.plugin, hook, level.answer, arguments)
                if own is not None:
                    own = _checked(spec, level.plugin, own)
                    if merge:
                        answer = merge(answer, own)
                        if own:
                            answered_by.insert(0, level.plugin)
                    else:
                        answer, answered_by, adjusted_by = own, [level.plugin], []
                    steps.append((level.plugin, "answer", own))
            if level.wrapper is not None:
                adjusted = _wrap(level.plugin, hook, level.wrapper, arguments, answer)
                if adjusted is not None:
                    adjusted = _checked(spec, level.plugin, adjusted)
                    if adjusted != answer:
                        answer = adjusted
                        adjusted_by.append(level.plugin)
                        steps.append((level.plugin, "adjust", adjusted))
        if answer is None:
            raise PluginError(" or ".join(self.chain), hook, "no plugin of the chain answered")
        return Resolved(hook, answer, tuple(answered_by), tuple(adjusted_by), tuple(steps))


def _call(plugin: str, hook: str, impl: Any, arguments: Mapping[str, Any]) -> Any:
    try:
        return impl.function(*[arguments[name] for name in impl.argnames])
    except BeyondKnownData:  # missing data (a year's holiday calendar), not the plugin's fault: say so as it is
        raise
    except Exception as exc:  # the plugin's own error, named with the plugin and the hook
        raise PluginError(plugin, hook, f"{type(exc).__name__}: {exc}") from exc


def _wrap(plugin: str, hook: str, impl: Any, arguments: Mapping[str, Any], inherited: Any) -> Any:
    """Run a new-style wrapper: start it, send the inherited answer into its ``yield``, take its return."""
    generator = _call(plugin, hook, impl, arguments)
    if not inspect.isgenerator(generator):
        raise PluginError(plugin, hook, "a wrapper=True implementation must yield once to receive the inherited answer")
    try:
        next(generator)
    except StopIteration:
        raise PluginError(plugin, hook, "the wrapper returned without yielding") from None
    except BeyondKnownData:
        raise
    except Exception as exc:
        raise PluginError(plugin, hook, f"{type(exc).__name__}: {exc}") from exc
    try:
        generator.send(inherited)
    except StopIteration as stop:
        return stop.value
    except BeyondKnownData:
        raise
    except Exception as exc:
        raise PluginError(plugin, hook, f"{type(exc).__name__}: {exc}") from exc
    generator.close()
    raise PluginError(plugin, hook, "the wrapper yielded more than once")


def _checked(spec: HookSpec, plugin: str, value: Any) -> Any:
    if not spec.accepts(value):
        raise PluginError(plugin, spec.name, f"answered {_describe(value)}, expected {spec.expected()}")
    return tuple(value) if spec.sequence else value


def _describe(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        kinds = sorted({type(v).__name__ for v in value})
        return f"a {type(value).__name__} of {', '.join(kinds) or 'nothing'}"
    return type(value).__name__
