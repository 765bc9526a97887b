"""What every request handler works with: one store, one engine, the services built on them."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

import attrs

from ..clock import DEFAULT_TIMEZONE, office_zone
from ..engine import Engine
from ..lifecycle import CaseService
from ..lifecycle.custody import Custody
from ..plugin.registry import JurisdictionRegistry
from ..store import Store

__all__ = ["DEFAULT_TIMEZONE", "Services"]


@attrs.define
class Services:
    store: Store
    registry: JurisdictionRegistry
    engine: Engine
    cases: CaseService
    custody: Custody
    timezone: ZoneInfo

    @classmethod
    def build(cls, store: Store, registry: JurisdictionRegistry, *, timezone: str = DEFAULT_TIMEZONE) -> Services:
        zone = office_zone(timezone)
        engine = Engine(registry)
        cases = CaseService(store, engine, zone=zone)  # its days are the office's (zhengming.clock)
        return cls(store, registry, engine, cases, Custody(store), zone)

    def today(self) -> date:
        return self.cases.today()
