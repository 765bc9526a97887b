"""Checking a case's ``local`` facts (contract v1.1) against the schemas the chain's plugins publish.

``local`` is keyed by jurisdiction ids of the case's chain; each value must satisfy the JSON Schema that
jurisdiction publishes as ``Jurisdiction.local_facts``. An unknown key, a key outside the chain (``core``
publishes none), or a value its schema rejects is an invalid input, reported with JSON pointers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import Problem
from ..i18n import Message
from .full import explain, format_checker, pointer


def local_problems(
    local: Mapping[str, Any], published: Iterable[tuple[str, Mapping[str, Any] | None]]
) -> list[Problem]:
    """Problems of ``local`` given ``(jurisdiction id, published schema or None)`` for each plugin of the chain."""
    import jsonschema

    schemas = dict(published)
    found: list[Problem] = []
    for key, value in local.items():
        at = f"/local/{pointer([key])[1:]}"
        schema = schemas.get(key)
        if key not in schemas:
            found.append(Problem(at, Message("{key!r} is not a jurisdiction of the case's chain", key=key)))
        elif schema is None:
            found.append(Problem(at, Message("{key} publishes no local facts", key=key)))
        else:
            cls = jsonschema.validators.validator_for(schema)
            for error in cls(schema, format_checker=format_checker()).iter_errors(value):
                found.extend(explain(error, base=at))
    return sorted(found, key=lambda p: p.pointer)
