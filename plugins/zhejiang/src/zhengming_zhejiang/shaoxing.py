"""绍兴市 (``zhejiang.shaoxing``): no text of its own; it exists so that its counties' chains pass through it, and
inherits every rule of the province."""

from __future__ import annotations

from zhengming import Jurisdiction, JurisdictionLevel, Text, hookimpl


@hookimpl
def zhengming_jurisdiction() -> Jurisdiction:
    return Jurisdiction(
        id="zhejiang.shaoxing",
        parent="zhejiang",
        names=Text("绍兴市", "Shaoxing"),
        level=JurisdictionLevel.CITY,
    )
