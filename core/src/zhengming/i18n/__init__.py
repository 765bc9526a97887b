"""One i18n mechanism for what zhengming itself says: gettext catalogs (zh-CN by default, English).

Every message the code writes is an English *msgid* with named placeholders, marked for extraction by
Babel (``make messages``): ``gettext("case {case_id} does not exist", lang, case_id=...)``, a
translator bound to a language (``_ = translator(lang)``; the command line's ``app._``), or
``Message("…", case_id=...)`` where the language is chosen later (an error raised in the
domain and rendered by the command line or the HTTP layer). Where one English word stands for several
Chinese ones, a *context* tells them apart: ``pgettext("case details", "Due", lang)`` (办理期限) beside
``gettext("Due", lang)`` (期限); the console's templates call it as ``pgettext('…', '…')``. A count picks its form with
``ngettext("{count} case", "{count} cases", n, lang, count=n)`` (``npgettext`` with a context): English
has two forms, Chinese one. The Chinese lives in
``locale/zh_CN/LC_MESSAGES/zhengming.po``; ``en`` falls back to the msgid unless ``en.po`` says
otherwise. Catalogs are the compiled ``.mo`` files beside the ``.po`` files, read with the standard
library's :mod:`gettext` (no Babel import at run time).

click's own messages (``Error: Missing option …``, ``Usage:``, ``Aborted!``, its confirmation prompt) are
click's msgids, not ours: a second domain, ``locale/zh_CN/LC_MESSAGES/click.po``, kept by hand (``make
messages`` only compiles it; extraction never sees it, so the check that ``zhengming.po`` holds exactly the
code's messages is not concerned), holds the common ones in Chinese; the others stay English. The command
line makes click read it in the invocation's language (:mod:`zhengming.cli.click_messages`); a test checks
each of its msgids is still one the installed click uses.

Placeholders use :meth:`str.format` syntax (``{name}``, ``{name!r}``); a literal brace is doubled.
A parameter that can render itself (``Message``, :class:`~zhengming.model.Text`) is rendered in the
same language. Texts that travel with a decision — a jurisdiction's reasons, labels of contract
values — stay :class:`~zhengming.model.Text` pairs: they are stored in both languages, and a plugin
is an outside distribution that must not depend on this catalog.
"""

from __future__ import annotations

from .catalogs import CLICK_DOMAIN, DEFAULT_LANGUAGE, DOMAIN, LANGUAGES, LOCALE_DIR, locale_of, translations
from .messages import Message, Renderable, gettext, ngettext, npgettext, pgettext, translator

# What extraction looks for, in GNU gettext's keyword syntax (`make messages` passes the same -k):
# pgettext's first argument is the context, its second the msgid; ngettext's first two are the singular and
# plural msgids; npgettext's are the context, then those two.
KEYWORDS = ("_", "gettext", "Message", "pgettext:1c,2", "ngettext:1,2", "npgettext:1c,2,3")

__all__ = [
    "CLICK_DOMAIN",
    "DEFAULT_LANGUAGE",
    "DOMAIN",
    "KEYWORDS",
    "LANGUAGES",
    "LOCALE_DIR",
    "Message",
    "Renderable",
    "gettext",
    "locale_of",
    "ngettext",
    "npgettext",
    "pgettext",
    "translations",
    "translator",
]
