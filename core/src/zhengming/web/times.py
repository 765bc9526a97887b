"""Timestamps in responses: ISO 8601 with the offset, in the office's time zone (Asia/Shanghai unless
configured). The application layer keeps UTC; the conversion happens here, at the edge."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from ..clock import office_time


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


def localize(data: Any, zone: ZoneInfo) -> Any:
    """``data`` with every timestamp (keys ``at`` and ``*_at``) shown in ``zone``; dates are left alone."""
    if isinstance(data, dict):
        return {k: _local(v, zone) if _is_timestamp_key(k) else localize(v, zone) for k, v in data.items()}
    if isinstance(data, list):
        return [localize(v, zone) for v in data]
    return data
