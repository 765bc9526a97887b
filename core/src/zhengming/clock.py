"""The office's clock (办公时区): the time zone the office keeps and the day it is there.

A case is dated by the office's day, not the server's: on a server kept on UTC, a case taken in at 07:00
Beijing time would otherwise be dated the day before, a paper approval signed that morning would be "in
the future", and every deadline would fall a day out. The zone is Asia/Shanghai unless the environment
variable ``ZHENGMING_TIMEZONE`` names another IANA zone (``zhengming serve --timezone`` overrides it for
the server). Instants are stored in UTC; only days are the office's.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIMEZONE = "Asia/Shanghai"
ENVIRONMENT = "ZHENGMING_TIMEZONE"


class UnknownTimezone(ValueError):
    """A time zone name that is not an IANA zone (``Asia/Shanghai``, ``Asia/Urumqi``…)."""

    def __init__(self, name: str, source: str):
        super().__init__(f"{source}: {name!r} is not a time zone (an IANA name such as {DEFAULT_TIMEZONE})")
        self.name, self.source = name, source


def office_zone(name: str | None = None) -> ZoneInfo:
    """The zone ``name`` (default: ``ZHENGMING_TIMEZONE``, else Asia/Shanghai).

    :raises UnknownTimezone: not an IANA zone name; the message says where the name came from."""
    source = "--timezone" if name is not None else ENVIRONMENT
    name = name if name is not None else os.environ.get(ENVIRONMENT) or DEFAULT_TIMEZONE
    return _zone(name, source)


@lru_cache(maxsize=8)
def _zone(name: str, source: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise UnknownTimezone(name, source) from None


def now() -> datetime:
    """The current instant, in UTC (a seam for tests that set the clock)."""
    return datetime.now(UTC)


def office_today(zone: ZoneInfo | None = None) -> date:
    """The date it is now in the office's zone."""
    return now().astimezone(zone or office_zone()).date()


def office_time(instant: datetime, zone: ZoneInfo | None = None) -> datetime:
    """A stored instant in the office's zone (a naive one is UTC: SQLite gives back no offset)."""
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(zone or office_zone())


def office_date(instant: datetime, zone: ZoneInfo | None = None) -> date:
    """The office's date of a stored instant."""
    return office_time(instant, zone).date()


def _is_timestamp_key(key: str) -> bool:
    return key == "at" or key.endswith("_at")


def _local(value: Any, zone: ZoneInfo) -> Any:
    if isinstance(value, str) and "T" in value:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
    elif isinstance(value, datetime):
        moment = value
    else:
        return value
    return office_time(moment, zone).isoformat()


def localize(data: Any, zone: ZoneInfo | None = None) -> Any:
    """``data`` with every timestamp (keys ``at`` and ``*_at``) shown in ``zone`` (default: the office's);
    dates are left alone. What the command line prints and the API answers, never what is stored."""
    zone = zone or office_zone()
    if isinstance(data, dict):
        return {k: _local(v, zone) if _is_timestamp_key(k) else localize(v, zone) for k, v in data.items()}
    if isinstance(data, list):
        return [localize(v, zone) for v in data]
    return data
