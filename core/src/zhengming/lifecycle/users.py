"""Users: a name, the organ, level and jurisdiction they sit in, the roles they hold there, and system
duties (``admin``, ``custodian``). Who may call these is the caller's business (:mod:`zhengming.security`
lets only an administrator); every change is audited in the same transaction."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from enum import Enum

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..i18n import Message
from ..labels import typed
from ..model import Level, Organ, Role
from ..store import Store, audit
from ..store.models import User
from .errors import ConfusableUser, DuplicateUser, InvalidValue, UserNotFound
from .usernames import confusable_with, control_characters, normalise

GRANTS = ("admin", "custodian")


def user_view(user: User) -> dict:
    return {
        "name": user.name,
        "organ": user.organ,
        "level": user.level,
        "jurisdiction": user.jurisdiction,
        "roles": list(user.roles),
        "grants": list(user.grants or ()),
        "active": user.active,
        "password": user.password_hash is not None,
    }


def add_user(
    store: Store,
    name: str,
    organ: str,
    level: str,
    roles: Sequence[str],
    *,
    actor: str = "admin",
    jurisdiction: str | None = None,
    grants: Sequence[str] = (),
) -> dict:
    """Register a user; the organ, level and every role must be values of the contract."""
    _check("/organ", organ, Organ)
    _check("/level", level, Level)
    if not roles and not grants:
        raise InvalidValue("/roles", Message("at least one role"))
    for role in roles:
        _check("/roles", role, Role)
    for grant in grants:
        _check("/grants", grant, GRANTS)
    name = normalise(name)  # NFKC: one spelling per name (:mod:`.usernames`)
    if not name:
        raise InvalidValue("/name", Message("must not be empty"))
    if control_characters(name):
        raise InvalidValue("/name", Message("must not contain control characters or line breaks"))
    try:
        with store.transaction() as session:
            existing = confusable_with(name, session.scalars(select(User.name)))
            if existing is not None:
                raise ConfusableUser(name, existing)
            user = User(
                name=name,
                organ=organ,
                level=level,
                roles=list(dict.fromkeys(roles)),
                created_at=datetime.now(UTC),
                jurisdiction=jurisdiction,
                grants=list(dict.fromkeys(grants)),
                active=True,
            )
            session.add(user)
            session.flush()
            audit.append(session, actor=actor, action="add_user", case_id=None, after=user_view(user), rows=[user])
    except IntegrityError:
        raise DuplicateUser(name) from None
    return user_view(user)


def change_user(
    store: Store,
    name: str,
    *,
    actor: str,
    add_roles: Sequence[str] = (),
    remove_roles: Sequence[str] = (),
    add_grants: Sequence[str] = (),
    remove_grants: Sequence[str] = (),
    jurisdiction: str | None = None,
    active: bool | None = None,
    password_hash: str | None = None,
) -> dict:
    """Grant or withdraw roles and duties, set the jurisdiction, (de)activate, or set the password hash."""
    for role in (*add_roles, *remove_roles):
        _check("/roles", role, Role)
    for grant in (*add_grants, *remove_grants):
        _check("/grants", grant, GRANTS)
    with store.transaction() as session:
        user = session.scalars(select(User).where(User.name == name)).one_or_none()
        if user is None:
            raise UserNotFound(name)
        before = user_view(user)
        user.roles = [r for r in dict.fromkeys([*user.roles, *add_roles]) if r not in remove_roles]
        user.grants = [g for g in dict.fromkeys([*(user.grants or ()), *add_grants]) if g not in remove_grants]
        if jurisdiction is not None:
            user.jurisdiction = jurisdiction or None
        if active is not None:
            user.active = active
        if password_hash is not None:
            user.password_hash = password_hash
        session.flush()
        audit.append(
            session, actor=actor, action="change_user", case_id=None, before=before, after=user_view(user), rows=[user]
        )
        return user_view(user)


def list_users(store: Store) -> list[dict]:
    with store.transaction() as session:
        return [user_view(u) for u in session.scalars(select(User).order_by(User.name))]


def _check(field: str, value: str, allowed: type[Enum] | Sequence[str]) -> None:
    """``value`` must be one of ``allowed`` (an enumeration's codes, named in Chinese beside them)."""
    codes = [m.value for m in allowed] if isinstance(allowed, type) else list(allowed)
    if value not in codes:
        named = typed(allowed, codes) if isinstance(allowed, type) else ", ".join(codes)
        raise InvalidValue(field, Message("{value!r} is not one of {allowed}", value=value, allowed=named))
