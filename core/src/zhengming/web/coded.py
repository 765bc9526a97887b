"""Request fields holding codes of the contract: a person (a form) may send the code or its Chinese or
English name; names are turned into codes here, anything else goes on to the service, whose refusal
names the field."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import BeforeValidator

from ..labels import parse, parse_consent


def _to_code(enum: type[Enum]):
    def convert(value):
        if isinstance(value, str):
            member = parse(enum, value)
            return member.value if member is not None else value
        return value

    return convert


def coded(enum: type[Enum]):
    """``Annotated[str, …]`` for a field holding a code of ``enum``."""
    return Annotated[str, BeforeValidator(_to_code(enum))]


def _consent(value):
    return (parse_consent(value) or value) if isinstance(value, str) else value


ConsentCode = Annotated[str, BeforeValidator(_consent)]
