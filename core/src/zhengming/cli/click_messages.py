"""click's own messages (``Error: Missing option …``, ``Usage:``, ``Aborted!``, its confirmation prompt) in the
language of the running ``zhengming`` invocation.

click marks its messages for gettext and looks each up, when it says it, with the standard library's
``gettext.gettext``/``ngettext`` (global domain, language from the environment). :func:`install` gives click's
modules instead two functions that read zhengming's ``click`` catalog (zhengming.i18n, ``CLICK_DOMAIN``) in
the language set by :func:`speaking` — per invocation, in a context variable, so CliRunner tests in several
languages share a process; outside an invocation (the web server, someone else's click program) they call the
standard library's functions, as click would. Neither the environment nor gettext's global state changes.
"""

from __future__ import annotations

import gettext as _stdlib
import importlib
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from ..i18n import CLICK_DOMAIN, DEFAULT_LANGUAGE, LANGUAGES, locale_of, translations

LANGUAGE_ENVIRONMENT = "ZHENGMING_LANG"  # --lang's envvar (cli.main)

# The modules of click that say something to a user (click 8.x); _winconsole is Windows-only and says one error.
CLICK_MODULES = (
    "click.core",
    "click.exceptions",
    "click.types",
    "click.termui",
    "click.parser",
    "click.formatting",
    "click.decorators",
    "click.utils",
    "click.shell_completion",
    "click._termui_impl",
)

_language: ContextVar[str | None] = ContextVar("zhengming_click_language", default=None)


def _gettext(message: str) -> str:
    lang = _language.get()
    if lang is None:
        return _stdlib.gettext(message)
    return translations(locale_of(lang), CLICK_DOMAIN).gettext(message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    lang = _language.get()
    if lang is None:
        return _stdlib.ngettext(singular, plural, n)
    return translations(locale_of(lang), CLICK_DOMAIN).ngettext(singular, plural, n)


def install() -> None:
    """Point click's ``_`` and ``ngettext`` at :func:`_gettext`/:func:`_ngettext` (idempotent). Only names still
    bound to the standard library's functions are replaced: a click that translates otherwise is left alone."""
    for name in CLICK_MODULES:
        module = importlib.import_module(name)
        if getattr(module, "_", None) is _stdlib.gettext:
            module._ = _gettext
        if getattr(module, "ngettext", None) is _stdlib.ngettext:
            module.ngettext = _ngettext


def set_language(lang: str) -> None:
    """The language chosen by ``--lang`` (its callback), for the rest of the current invocation."""
    _language.set(lang)


def language_before_parsing(args: Sequence[str], commands: Sequence[str]) -> str:
    """The language of errors click finds before ``--lang`` is processed (``zhengming --lang en --nope``):
    the group's ``--lang X``/``--lang=X`` before the first subcommand, else ZHENGMING_LANG, else Chinese."""
    for index, arg in enumerate(args):
        if arg == "--" or arg in commands:
            break
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(args):
            value = args[index + 1]
        if value in LANGUAGES:
            return value
    value = os.environ.get(LANGUAGE_ENVIRONMENT)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """click speaks ``lang`` inside (until ``--lang`` says otherwise); the language outside is restored."""
    token = _language.set(lang)
    try:
        yield
    finally:
        _language.reset(token)
