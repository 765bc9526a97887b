"""Looking a message up and filling in its placeholders, now (``gettext``, ``pgettext``, ``ngettext``,
``npgettext``) or later (``Message``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from .catalogs import DEFAULT_LANGUAGE, locale_of, translations


def _fill(template: str, lang: str, params: Mapping[str, Any]) -> str:
    values = {key: value.render(lang) if hasattr(value, "render") else value for key, value in params.items()}
    return template.format_map(values)


def _filled(translated: str, msgid: str, lang: str, params: Mapping[str, Any]) -> str:
    try:
        return _fill(translated, lang, params)
    except (KeyError, IndexError, ValueError):
        if translated == msgid:
            raise
        return _fill(msgid, lang, params)


def gettext(msgid: str, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    """``msgid`` translated into ``lang`` with ``params`` filled in (``{name}`` placeholders).

    A translation that names a placeholder the call does not give falls back to the msgid, so a broken
    catalog entry shows English rather than failing (the catalog test catches it first).
    """
    return _filled(translations(locale_of(lang)).gettext(msgid), msgid, lang, params)


def pgettext(context: str, msgid: str, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    """``msgid`` in ``context`` translated into ``lang``: for an English word that stands for several
    Chinese ones (``pgettext("case details", "Due")`` is 办理期限, ``gettext("Due")`` is 期限).

    The catalogs hold it as ``msgctxt`` + ``msgid`` (Babel extracts it with ``pgettext:1c,2``); without a
    translation in that context it is the msgid, as with :func:`gettext`.
    """
    return _filled(translations(locale_of(lang)).pgettext(context, msgid), msgid, lang, params)


def _plural(translated: str, singular: str, plural: str, n: int) -> tuple[str, str]:
    """The catalog's form for ``n`` and the English one it falls back to (an empty form counts as missing)."""
    english = singular if n == 1 else plural
    return translated or english, english


def ngettext(singular: str, plural: str, n: int, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    """The form of a counted message for ``n`` in ``lang``: ``ngettext("{count} case", "{count} cases", n,
    lang, count=n)`` is "1 case", "2 cases" in English and "共 2 件" in Chinese (one form).

    The catalogs hold it as ``msgid`` + ``msgid_plural`` (Babel extracts it with ``ngettext:1,2``); ``n``
    picks the form by the catalog's ``Plural-Forms``, and is not a placeholder itself: pass ``count=n``.
    """
    translated, english = _plural(translations(locale_of(lang)).ngettext(singular, plural, n), singular, plural, n)
    return _filled(translated, english, lang, params)


def npgettext(context: str, singular: str, plural: str, n: int, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    """:func:`ngettext` in a ``context`` (as :func:`pgettext`; Babel: ``npgettext:1c,2,3``)."""
    found = translations(locale_of(lang)).npgettext(context, singular, plural, n)
    translated, english = _plural(found, singular, plural, n)
    return _filled(translated, english, lang, params)


def translator(lang: str) -> Callable[..., str]:
    """``_(msgid, **params)`` bound to ``lang``: for a command's output or a page's template."""

    def _(msgid: str, /, **params: Any) -> str:
        return gettext(msgid, lang, **params)

    return _


class Renderable(Protocol):
    """What a message shown to people offers: a :class:`Message` or a :class:`~zhengming.model.Text`."""

    @property
    def zh(self) -> str: ...

    @property
    def en(self) -> str: ...

    def render(self, lang: str = ...) -> str: ...


class Message:
    """A message whose language is chosen when it is shown: ``Message("case {case_id} …", case_id=…)``.

    It stands wherever a :class:`~zhengming.model.Text` is read: ``.render(lang)``, ``.zh``, ``.en``.
    """

    __slots__ = ("msgid", "params")

    def __init__(self, msgid: str, /, **params: Any):
        self.msgid = msgid
        self.params = params

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return gettext(self.msgid, lang, **self.params)

    @property
    def zh(self) -> str:
        return self.render("zh")

    @property
    def en(self) -> str:
        return self.render("en")

    def format(self, **values: Any) -> Message:
        """The same message with more (or other) placeholder values."""
        return Message(self.msgid, **{**self.params, **values})

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        params = "".join(f", {key}={value!r}" for key, value in self.params.items())
        return f"Message({self.msgid!r}{params})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Message):
            return NotImplemented
        return self.msgid == other.msgid and self.params == other.params

    def __hash__(self) -> int:
        try:
            return hash((self.msgid, tuple(sorted(self.params.items()))))
        except TypeError:  # an unhashable value: hash what can be
            return hash((self.msgid, tuple(sorted(self.params))))
