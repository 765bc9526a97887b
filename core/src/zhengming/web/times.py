"""Timestamps in responses: ISO 8601 with the offset, in the office's time zone (Asia/Shanghai unless
configured). The application layer keeps UTC; the conversion happens here, at the edge, as the command
line's does (:func:`zhengming.clock.localize`)."""

from __future__ import annotations

from ..clock import localize

__all__ = ["localize"]
