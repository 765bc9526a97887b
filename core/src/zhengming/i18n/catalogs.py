"""Where the catalogs are and how a language code maps to one (``zh`` → ``zh_CN``, ``en`` → ``en``)."""

from __future__ import annotations

import gettext as _gettext
from functools import cache
from pathlib import Path

DOMAIN = "zhengming"
CLICK_DOMAIN = "click"  # click's own messages (usage errors, prompts), hand-kept: see zhengming.cli.click_messages
LOCALE_DIR = Path(__file__).with_name("locale")
LANGUAGES = ("zh", "en")  # the codes the command line (--lang) and the HTTP layer (?lang=) use
DEFAULT_LANGUAGE = "zh"
_LOCALES = {"zh": "zh_CN", "en": "en"}


def locale_of(lang: str | None) -> str:
    """The catalog's locale for a language code: English for ``en`` (``en-GB``…), else zh_CN."""
    code = (lang or DEFAULT_LANGUAGE).replace("-", "_").split("_")[0].lower()
    return _LOCALES.get(code, _LOCALES[DEFAULT_LANGUAGE])


@cache
def translations(locale: str, domain: str = DOMAIN) -> _gettext.NullTranslations:
    """The compiled catalog of ``locale`` (read once per process); a missing one gives the msgids."""
    return _gettext.translation(domain, localedir=LOCALE_DIR, languages=[locale], fallback=True)
