"""API tokens: random, shown once, stored only as SHA-256; scoped, expiring, revocable; each issue and
revocation audited.

A token reads ``zm_<id>_<secret>``; the id finds the row, the secret's SHA-256 must match. Scopes:
``intake`` (take cases in), ``read`` (see cases), ``act`` (lifecycle actions), ``custody`` (reporter
identity requests and decisions), ``admin`` (users and tokens; only for users granted ``admin``).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from ..i18n import Message
from ..lifecycle.errors import InvalidValue
from ..store import Store, audit
from ..store.models import ApiToken, User
from .errors import Forbidden, NotAuthenticated
from .principal import ADMIN, Principal

SCOPES = ("intake", "read", "act", "custody", "admin")
DEFAULT_SCOPES = ("intake", "read", "act", "custody")
DEFAULT_DAYS = 90
PREFIX = "zm_"


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def token_view(token: ApiToken, user: str) -> dict:
    return {
        "id": token.id,
        "user": user,
        "label": token.label,
        "scopes": list(token.scopes),
        "created_at": token.created_at.isoformat(),
        "expires_at": token.expires_at.isoformat(),
        "revoked": token.revoked_at is not None,
    }


def issue_token(
    store: Store,
    user_name: str,
    *,
    actor: Principal,
    scopes: Iterable[str] = DEFAULT_SCOPES,
    days: int = DEFAULT_DAYS,
    label: str = "",
) -> tuple[str, dict]:
    """A new token for ``user_name`` (the plaintext, shown once, and its view). Administrators issue
    tokens for anyone; a user only for themselves, with no scope they do not hold."""
    scopes = list(dict.fromkeys(scopes))
    for scope in scopes:
        if scope not in SCOPES:
            raise InvalidValue(
                "/scopes", Message("unknown scope {scope!r} (one of: {scopes})", scope=scope, scopes=", ".join(SCOPES))
            )
    if not scopes:
        raise InvalidValue("/scopes", Message("at least one scope"))
    if not 0 < days <= 366:
        raise InvalidValue("/days", Message("must be 1 to 366 days"))
    if not actor.is_admin and actor.name != user_name:
        raise Forbidden(Message("only an administrator issues tokens for others"))
    secret = secrets.token_urlsafe(32)
    now = _now()
    with store.transaction() as session:
        user = _user(session, user_name)
        if ADMIN in scopes and ADMIN not in user.grants:
            raise Forbidden(Message("the user is no administrator: no admin scope"))
        if not actor.is_admin and not set(scopes) <= set(actor.scopes):
            raise Forbidden(Message("a token cannot exceed the scopes of your own"))
        token = ApiToken(
            user_id=user.id,
            token_hash="",
            label=label,
            scopes=scopes,
            created_at=now,
            created_by=actor.name,
            expires_at=now + timedelta(days=days),
        )
        session.add(token)
        session.flush()
        plaintext = f"{PREFIX}{token.id}_{secret}"
        token.token_hash = _digest(plaintext)
        session.flush()
        view = token_view(token, user.name)
        audit.append(session, actor=actor.name, action="issue_token", case_id=None, after=view, rows=[token])
    return plaintext, view


def authenticate(store: Store, plaintext: str, *, now: datetime | None = None) -> Principal:
    """The user a token belongs to, with its scopes; :class:`NotAuthenticated` for anything else
    (unknown, malformed, expired, revoked, or the user deactivated) — one message for all."""
    now = now or _now()
    refused = NotAuthenticated()
    parts = plaintext.strip().split("_") if plaintext else []
    if len(parts) < 3 or parts[0] + "_" != PREFIX or not parts[1].isdigit():
        raise refused
    with store.transaction() as session:
        token = session.get(ApiToken, int(parts[1]))
        if token is None or not hmac.compare_digest(token.token_hash, _digest(plaintext.strip())):
            raise refused
        if token.revoked_at is not None or _aware(token.expires_at) <= now:
            raise refused
        user = session.get(User, token.user_id)
        if user is None or not user.active:
            raise refused
        return Principal(user.name, frozenset(token.scopes), frozenset(user.grants or ()))


def revoke_token(store: Store, token_id: int, *, actor: Principal) -> dict:
    with store.transaction() as session:
        token = session.get(ApiToken, token_id)
        if token is None:
            raise InvalidValue("/token", Message("no token {token_id}", token_id=token_id))
        user = session.get(User, token.user_id)
        if not actor.is_admin and actor.name != user.name:
            raise Forbidden(Message("you may revoke only your own tokens"))
        if token.revoked_at is None:
            token.revoked_at = _now()
            session.flush()
            audit.append(
                session, actor=actor.name, action="revoke_token", case_id=None, after={"id": token.id}, rows=[token]
            )
        return token_view(token, user.name)


def list_tokens(store: Store, *, actor: Principal) -> list[dict]:
    with store.transaction() as session:
        query = select(ApiToken, User.name).join(User, User.id == ApiToken.user_id).order_by(ApiToken.id)
        if not actor.is_admin:
            query = query.where(User.name == actor.name)
        return [token_view(token, name) for token, name in session.execute(query)]


def _user(session, name: str) -> User:
    user = session.scalars(select(User).where(User.name == name)).one_or_none()
    if user is None:
        from ..lifecycle.errors import UserNotFound

        raise UserNotFound(name)
    return user
