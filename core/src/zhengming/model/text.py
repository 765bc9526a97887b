"""Provenance and bilingual text: what every rule's answer carries."""

from __future__ import annotations

import attrs

LANGUAGES = ("zh", "en")
DEFAULT_LANGUAGE = "zh"


@attrs.frozen
class Citation:
    """Where an answer comes from: a policy text's title and the article or paragraph.

    ``document`` is the title without book-title marks, or ``"core default"`` for the national
    baseline that the core ships (see :mod:`zhengming.baseline`).
    """

    document: str = attrs.field(validator=attrs.validators.min_len(1))
    article: str = attrs.field(validator=attrs.validators.min_len(1))


@attrs.frozen
class Text:
    """A human-facing sentence in Chinese (the default) and English."""

    zh: str
    en: str

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.en if lang == "en" else self.zh

    def format(self, **values: object) -> Text:
        return Text(self.zh.format(**values), self.en.format(**values))
