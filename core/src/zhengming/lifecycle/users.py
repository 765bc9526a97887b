"""Users: a name, the organ and level they sit in, and the roles they hold there."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..model import Level, Organ, Role, Text
from ..store import Store, audit
from ..store.models import User
from .errors import ConfusableUser, DuplicateUser, InvalidValue
from .usernames import confusable_with, control_characters, normalise


def user_view(user: User) -> dict:
    return {"name": user.name, "organ": user.organ, "level": user.level, "roles": list(user.roles)}


def add_user(store: Store, name: str, organ: str, level: str, roles: Sequence[str], *, actor: str = "admin") -> dict:
    """Register a user; the organ, level and every role must be values of the contract. The name is
    stored NFKC-normalised and refused when it looks like an existing user's (:mod:`.usernames`)."""
    _check("--organ", organ, Organ)
    _check("--level", level, Level)
    if not roles:
        raise InvalidValue("--role", Text("至少一个角色", "at least one role"))
    for role in roles:
        _check("--role", role, Role)
    name = normalise(name)
    if not name:
        raise InvalidValue("NAME", Text("不能为空", "must not be empty"))
    if control_characters(name):
        raise InvalidValue("NAME", Text("不能含控制字符或换行", "must not contain control characters or line breaks"))
    try:
        with store.transaction() as session:
            existing = confusable_with(name, session.scalars(select(User.name)))
            if existing is not None:
                raise ConfusableUser(name, existing)
            user = User(
                name=name, organ=organ, level=level, roles=list(dict.fromkeys(roles)), created_at=datetime.now(UTC)
            )
            session.add(user)
            session.flush()
            audit.append(session, actor=actor, action="add_user", case_id=None, after=user_view(user))
    except IntegrityError:
        raise DuplicateUser(name) from None
    return user_view(user)


def list_users(store: Store) -> list[dict]:
    with store.transaction() as session:
        return [user_view(u) for u in session.scalars(select(User).order_by(User.name))]


def _check(option: str, value: str, enum: type) -> None:
    allowed = [m.value for m in enum]
    if value not in allowed:
        raise InvalidValue(
            option,
            Text(f"{value!r} 不是允许的取值：{', '.join(allowed)}", f"{value!r} is not one of {', '.join(allowed)}"),
        )
