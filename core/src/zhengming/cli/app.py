"""State shared by the commands of one ``zhengming`` invocation."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property

import click

from ..errors import BeyondKnownData, InvalidDocument, PluginError, RegistryError, UnknownJurisdiction
from ..i18n import gettext, ngettext
from ..plugin.registry import JurisdictionRegistry, load_registry

# Exit codes of the interchange contract, and ours beyond it.
EXIT_INVALID = 2
EXIT_UNKNOWN_JURISDICTION = 3
EXIT_FAILURE = 1


class App:
    def __init__(self, lang: str, strict: bool):
        self.lang = lang
        self.strict = strict

    def _(self, msgid: str, /, **params: object) -> str:
        """``msgid`` (English, ``{name}`` placeholders) in this invocation's language (zhengming.i18n)."""
        return gettext(msgid, self.lang, **params)

    def ngettext(self, singular: str, plural: str, n: int, /, **params: object) -> str:
        """A counted message (``"{count} event"``, ``"{count} events"``) in the form for ``n``, in this
        invocation's language (English has two forms, Chinese one)."""
        return ngettext(singular, plural, n, self.lang, **params)

    @cached_property
    def registry(self) -> JurisdictionRegistry:
        try:
            registry = load_registry(strict=self.strict)
        except RegistryError as exc:
            for problem in exc.problems:
                click.echo(self._("plugin failed to load: ") + str(problem), err=True)
            raise SystemExit(EXIT_FAILURE) from None
        return registry

    def warn_problems(self) -> None:
        """One line on stderr when some plugins are broken (``zhengming jurisdictions`` shows them)."""
        count = len(self.registry.problems)
        if count:
            click.echo(
                self._(
                    "warning: {count} jurisdiction plugin(s) failed to load (see zhengming jurisdictions)",
                    count=count,
                ),
                err=True,
            )


pass_app = click.make_pass_decorator(App)


def read_case(stream) -> object:
    """The case document behind a ``click.File`` argument ("-" is stdin)."""
    from ..boundary import read_document, read_stream

    name = getattr(stream, "name", "-")
    return read_document(read_stream(stream), "-" if name == "<stdin>" else name)


@contextmanager
def exit_codes(app: App) -> Iterator[None]:
    """Turn the contract's errors into its exit codes, with the messages on stderr."""
    try:
        yield
    except InvalidDocument as exc:
        from ..safetext import neutral

        for problem in exc.problems:
            click.echo(neutral(problem.render(app.lang)), err=True)
        raise SystemExit(EXIT_INVALID) from None
    except UnknownJurisdiction as exc:
        broken = app._(" (failed to load: {broken})", broken=exc.broken) if exc.broken else ""
        installed = ", ".join(exc.installed)
        click.echo(
            app._(
                "jurisdiction {jurisdiction!r} is not installed{broken}; installed: {installed}",
                jurisdiction=exc.jurisdiction,
                broken=broken,
                installed=installed,
            ),
            err=True,
        )
        raise SystemExit(EXIT_UNKNOWN_JURISDICTION) from None
    except PluginError as exc:
        click.echo(app._("plugin error: ") + str(exc), err=True)
        raise SystemExit(EXIT_FAILURE) from None
    except BeyondKnownData as exc:
        click.echo(exc.message.render(app.lang), err=True)
        raise SystemExit(EXIT_FAILURE) from None
    app.warn_problems()
