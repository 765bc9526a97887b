"""Merge functions that merge hook specs declare: how one level's answer joins what the levels above
it answered (``merge(inherited, own) -> merged``)."""

from __future__ import annotations

from ..model import Citation, Notification, Recipient


def merge_notifications(inherited: tuple[Notification, ...], own: tuple[Notification, ...]) -> tuple[Notification, ...]:
    """One entry per recipient, in the contract's recipient order, citing the more specific level first."""
    cited: dict[Recipient, list[Citation]] = {}
    for item in (*own, *inherited):
        bucket = cited.setdefault(item.recipient, [])
        bucket += [c for c in item.citations if c not in bucket]
    return tuple(Notification(recipient=r, citations=tuple(cited[r])) for r in Recipient if r in cited)
