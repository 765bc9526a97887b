"""Options whose values are codes of the contract: a person may type the code or its Chinese (or
English) name — ``--method 会议澄清`` is ``--method meeting`` — and an unknown value lists the choices."""

from __future__ import annotations

from enum import Enum

import click

from ..labels import choices, consent_choices, parse, parse_consent
from .app import App


class Coded(click.ParamType):
    """A code of ``enum`` (its value is passed on), typed as code or name."""

    def __init__(self, enum: type[Enum]):
        self.enum = enum
        self.name = enum.__name__.lower()

    def convert(self, value, param, ctx):
        if isinstance(value, Enum):
            return value.value
        member = parse(self.enum, str(value))
        if member is None:
            app = ctx.find_object(App) if ctx else None
            lang = app.lang if app else "zh"
            head = "可选" if lang == "zh" else "one of"
            self.fail(f"{value!r}: {head} {choices(self.enum, lang)}", param, ctx)
        return member.value

    def get_metavar(self, param, ctx=None) -> str:
        return self.enum.__name__.upper()


class ConsentStatus(click.ParamType):
    """The subject's answer: given (同意), declined (不同意), withdrawn (撤回同意)."""

    name = "status"

    def convert(self, value, param, ctx):
        code = parse_consent(str(value))
        if code is not None:
            return code
        self.fail(f"{value!r}: " + consent_choices().zh, param, ctx)
