"""Exceptions zhengming raises, each naming the field, plugin or hook it is about."""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from .model import Text


class ZhengmingError(Exception):
    """Base class of zhengming's own errors."""


@attrs.frozen
class Problem:
    """One problem in an input document: the JSON pointer of the field and what is wrong."""

    pointer: str
    message: Text

    def render(self, lang: str = "zh") -> str:
        return f"{self.pointer or '/'}: {self.message.render(lang)}"


class InvalidDocument(ZhengmingError):
    """The input document does not follow the interchange contract; nothing was evaluated."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = tuple(problems)
        super().__init__("\n".join(p.render("en") for p in self.problems))


class UnknownJurisdiction(ZhengmingError):
    """The case names a jurisdiction that is not installed (or failed to load)."""

    def __init__(self, jurisdiction: str, installed: Sequence[str], broken: str | None = None):
        self.jurisdiction = jurisdiction
        self.installed = tuple(installed)
        self.broken = broken
        detail = f" (it failed to load: {broken})" if broken else ""
        super().__init__(
            f"jurisdiction {jurisdiction!r} is not installed{detail}; installed: {', '.join(self.installed)}"
        )


class BeyondKnownData(ZhengmingError):
    """A rule needs data the installed packages do not have yet (e.g. a year's holiday calendar).

    Raised by a rule helper inside a hook, it reaches the user as itself (``message``, zh-CN and
    English), not as the plugin's failure: the rule is right, the data is missing.
    """

    message: Text


class PluginError(ZhengmingError):
    """A plugin raised or answered against the contract while a hook was called."""

    def __init__(self, plugin: str, hook: str, message: str):
        self.plugin = plugin
        self.hook = hook
        super().__init__(f"plugin {plugin!r}, hook {hook}: {message}")


class RegistryError(ZhengmingError):
    """Raised in strict mode when any jurisdiction plugin failed to load."""

    def __init__(self, problems: Sequence[object]):
        self.problems = tuple(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


class SchemaNotFound(ZhengmingError):
    """The packaged JSON Schemas are missing (a broken installation)."""
