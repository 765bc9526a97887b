"""User administration with the principal checked: only an administrator creates users and grants roles
or duties; a user may set their own password. Each change is audited under the principal's name."""

from __future__ import annotations

from collections.abc import Sequence

from ..i18n import Message
from ..lifecycle import users
from ..lifecycle.errors import InvalidValue
from ..store import Store
from .errors import Forbidden, NotAuthenticated
from .passwords import hash_password, verify_password
from .principal import Principal
from .tokens import DEFAULT_DAYS, DEFAULT_SCOPES, issue_token

MIN_PASSWORD = 12


def require_admin(principal: Principal) -> None:
    if not principal.is_admin or not principal.allows("admin"):
        raise Forbidden(Message("only an administrator manages users and grants"))


def create_user(
    store: Store,
    principal: Principal,
    name: str,
    organ: str,
    level: str,
    roles: Sequence[str],
    *,
    jurisdiction: str | None = None,
    grants: Sequence[str] = (),
) -> dict:
    require_admin(principal)
    return users.add_user(
        store, name, organ, level, roles, actor=principal.name, jurisdiction=jurisdiction, grants=grants
    )


def change_user(store: Store, principal: Principal, name: str, **changes) -> dict:
    require_admin(principal)
    return users.change_user(store, name, actor=principal.name, **changes)


def set_password(store: Store, principal: Principal, name: str, password: str) -> dict:
    if principal.name != name:
        require_admin(principal)
    if len(password) < MIN_PASSWORD:
        raise InvalidValue("/password", Message("at least {MIN_PASSWORD} characters", MIN_PASSWORD=MIN_PASSWORD))
    return users.change_user(store, name, actor=principal.name, password_hash=hash_password(password))


def login(store: Store, name: str, password: str, *, days: int = 1) -> tuple[str, dict]:
    """A password (argon2id) exchanged for a short-lived token of the user's own (one message for an
    unknown user and a wrong password)."""
    from sqlalchemy import select

    from ..store.models import User

    with store.transaction() as session:
        user = session.scalars(select(User).where(User.name == name)).one_or_none()
        stored = user.password_hash if user is not None and user.active else None
    if not verify_password(stored, password):
        raise NotAuthenticated(Message("wrong user name or password"))
    scopes = [*DEFAULT_SCOPES, *(["admin"] if "admin" in (user.grants or ()) else [])]
    myself = Principal(name, frozenset(scopes), frozenset(user.grants or ()))
    return issue_token(store, name, actor=myself, scopes=scopes, days=min(days, DEFAULT_DAYS), label="login")
