"""Timestamps in responses: ISO 8601 with the offset, in the office's time zone (Asia/Shanghai unless
configured). The application layer keeps UTC; the conversion happens here, at the edge."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo


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
    if moment.tzinfo is None:  # stored naive means stored UTC (SQLite drops the offset)
        from datetime import UTC

        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone).isoformat()


def localize(data: Any, zone: ZoneInfo) -> Any:
    """``data`` with every timestamp (keys ``at`` and ``*_at``) shown in ``zone``; dates are left alone."""
    if isinstance(data, dict):
        return {k: _local(v, zone) if _is_timestamp_key(k) else localize(v, zone) for k, v in data.items()}
    if isinstance(data, list):
        return [localize(v, zone) for v in data]
    return data
