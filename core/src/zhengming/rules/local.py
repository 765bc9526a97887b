"""Local facts (contract v1.1): a jurisdiction's own concepts, declared once as a JSON Schema and read by its hooks.

A case carries them under ``local.<jurisdiction id>``; the engine checks them against the schema the
jurisdiction publishes (``Jurisdiction.local_facts``) before any hook runs, and refuses a bad value
with its JSON pointer (exit 2). Declare the facts and read them with defaults::

    ROTATION = LocalFacts("hubei", on_rotation={"type": "boolean", "description": "交流任职"})
    Jurisdiction(id="hubei", ..., local_facts=ROTATION.schema)

    @hookimpl
    def zhengming_fast_track(case, ctx):
        if ROTATION.get(case, "on_rotation", False): ...
"""

from __future__ import annotations

from typing import Any

import attrs


@attrs.frozen(init=False)
class LocalFacts:
    """The local facts of jurisdiction ``owner``: their names and JSON Schemas."""

    owner: str
    properties: dict[str, Any] = attrs.field(eq=False)
    required: tuple[str, ...] = ()

    def __init__(self, owner: str, *, required: tuple[str, ...] = (), **properties: dict[str, Any]):
        unknown = set(required) - set(properties)
        if unknown:
            raise ValueError(f"required local facts {sorted(unknown)} are not declared")
        self.__attrs_init__(owner, properties, tuple(required))

    @property
    def schema(self) -> dict[str, Any]:
        """The object schema to publish as ``Jurisdiction.local_facts`` (no undeclared fact is accepted)."""
        schema: dict[str, Any] = {"type": "object", "additionalProperties": False, "properties": self.properties}
        if self.required:
            schema["required"] = list(self.required)
        return schema

    def of(self, case: Any) -> dict[str, Any]:
        """The facts ``case`` states for this jurisdiction (empty when it states none)."""
        return dict((getattr(case, "local", None) or {}).get(self.owner) or {})

    def get(self, case: Any, name: str, default: Any = None) -> Any:
        """One fact of ``case``, or ``default`` when the case does not state it."""
        if name not in self.properties:
            raise KeyError(f"{self.owner} declares no local fact {name!r}")
        return self.of(case).get(name, default)
