"""宁波市 (``zhejiang.ningbo``): no text of its own; it exists so that its counties' chains pass through it, and
inherits every rule of the province."""

from __future__ import annotations

from zhengming import Jurisdiction, JurisdictionLevel, Text, hookimpl


@hookimpl
def zhengming_jurisdiction() -> Jurisdiction:
    return Jurisdiction(
        id="zhejiang.ningbo",
        parent="zhejiang",
        names=Text("宁波市", "Ningbo"),
        level=JurisdictionLevel.CITY,
    )
