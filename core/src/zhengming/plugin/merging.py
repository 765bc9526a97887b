"""Merge functions that merge hook specs declare: how one level's answer joins what the levels above
it answered (``merge(inherited, own) -> merged``)."""

from __future__ import annotations

from ..model import Citation, Deadline, DeadlineAction, Notification, Recipient


def merge_notifications(inherited: tuple[Notification, ...], own: tuple[Notification, ...]) -> tuple[Notification, ...]:
    """One entry per recipient, in the contract's recipient order, citing the more specific level first."""
    cited: dict[Recipient, list[Citation]] = {}
    for item in (*own, *inherited):
        bucket = cited.setdefault(item.recipient, [])
        bucket += [c for c in item.citations if c not in bucket]
    return tuple(Notification(recipient=r, citations=tuple(cited[r])) for r in Recipient if r in cited)


def merge_deadlines(inherited: tuple[Deadline, ...], own: tuple[Deadline, ...]) -> tuple[Deadline, ...]:
    """One deadline per action, in the contract's action order: a level's deadline for an action
    replaces the inherited one for that action (a date is not merged like a list of recipients), and a
    deadline with ``due_on=None`` takes that action's inherited deadline away (the level sets none)."""
    by_action: dict[DeadlineAction, Deadline] = {d.action: d for d in inherited}
    for item in own:
        by_action[item.action] = item
    return tuple(by_action[a] for a in DeadlineAction if a in by_action and by_action[a].due_on is not None)
