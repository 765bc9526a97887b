"""The contract's dates: ASCII ``YYYY-MM-DD`` naming a real calendar day (year 0001 to 9999)."""

from __future__ import annotations

import re
from datetime import date

from ..i18n import Message

# What a person is told of a day that is malformed or does not exist, wherever one is typed (the command
# line, the console's forms, the API's parameters): ``NOT_A_DAY.format(value=...)``.
NOT_A_DAY = Message("{value!r} is not a day (YYYY-MM-DD)")

_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def is_contract_date(value: object) -> bool:
    """True for ``"2024-02-29"``; false for ``"2023-02-29"``, ``"0000-01-01"``, full-width digits,
    a trailing newline, or ``"20240101"`` (which :meth:`date.fromisoformat` would take). Non-strings
    are left to the ``type`` keyword (JSON Schema formats apply to strings only)."""
    if not isinstance(value, str):
        return True
    if not _SHAPE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


# The formats zhengming checks itself, for the generated validators and jsonschema alike.
FORMATS = {"date": is_contract_date}
