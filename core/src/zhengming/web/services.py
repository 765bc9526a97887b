"""What every request handler works with: one store, one engine, the services built on them."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import attrs

from ..engine import Engine
from ..lifecycle import CaseService
from ..lifecycle.custody import Custody
from ..plugin.registry import JurisdictionRegistry
from ..store import Store

DEFAULT_TIMEZONE = "Asia/Shanghai"


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
        zone = ZoneInfo(timezone)
        engine = Engine(registry)
        # "today" is the office's date, not UTC's: a case taken in at 07:00 Beijing time is dated that day
        cases = CaseService(store, engine, today=lambda: datetime.now(zone).date())
        return cls(store, registry, engine, cases, Custody(store), zone)

    def today(self) -> date:
        return self.cases.today()
