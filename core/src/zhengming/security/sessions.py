"""Browser sessions for the console: password login with throttling, a CSRF token per session, logout.

A session is a random cookie value whose SHA-256 only is stored (``web_sessions``), like API tokens. It
ends at logout, after :data:`IDLE` without a request, or at :data:`LIFETIME` after login, whichever
comes first. Logins are throttled: after :data:`MAX_FAILURES_PER_NAME` failed attempts for one user
name, or :data:`MAX_FAILURES_PER_CLIENT` from one client address, within :data:`WINDOW`, further
attempts are refused (:class:`LoginThrottled`, with the seconds to wait) without checking the
password. Logins, logouts and lock-outs are audited. Nothing here knows HTTP: the web layer passes the
client address and sets the cookie.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

import attrs
from sqlalchemy import func, select

from ..i18n import Message
from ..lifecycle.errors import EXIT_REFUSED, LifecycleError
from ..lifecycle.usernames import normalise
from ..store import Store, audit
from ..store.models import LoginAttempt, User, WebSession
from .errors import NotAuthenticated
from .passwords import hash_password, verify_password
from .principal import ADMIN, Principal
from .tokens import DEFAULT_SCOPES, _aware, _digest, _now

WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_NAME = 5
MAX_FAILURES_PER_CLIENT = 20
IDLE = timedelta(hours=1)
LIFETIME = timedelta(hours=12)
TOUCH_EVERY = timedelta(minutes=1)  # last_seen_at is written at most this often (not on every request)


class LoginThrottled(LifecycleError):
    """Too many failed logins: wait ``retry_after`` seconds (HTTP 429)."""

    code = "throttled"
    exit_code = EXIT_REFUSED

    def __init__(self, retry_after: int):
        self.retry_after = retry_after
        minutes = max(1, -(-retry_after // 60))
        super().__init__(Message("too many failed logins: try again in {minutes} minute(s)", minutes=minutes))


WRONG_LOGIN = Message("wrong user name or password")


@attrs.frozen
class OpenedSession:
    """A session just opened: the cookie value (given to the browser once), its CSRF token, its user."""

    cookie: str
    csrf_token: str
    principal: Principal
    expires_at: datetime


@attrs.frozen
class ActiveSession:
    """The session a request carries: who, and the CSRF token its unsafe requests must repeat."""

    id: int
    principal: Principal
    csrf_token: str


def _principal(user: User) -> Principal:
    grants = frozenset(user.grants or ())
    scopes = frozenset(DEFAULT_SCOPES) | ({ADMIN} if ADMIN in grants else set())
    return Principal(user.name, scopes, grants)


_DUMMY_HASH: list[str] = []


def _check_password(stored: str | None, password: str) -> bool:
    """Verify; for an unknown user, spend the same time on a dummy hash (no user-name oracle)."""
    if stored:
        return verify_password(stored, password)
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(hash_password(secrets.token_hex(16)))
    verify_password(_DUMMY_HASH[0], password)
    return False


def _retry_after(session, name: str, client: str, now: datetime) -> int | None:
    """Seconds until a login for ``name`` from ``client`` may be tried again (``None``: now)."""
    since = now - WINDOW
    waits = []
    for column, value, limit in (
        (LoginAttempt.name, name, MAX_FAILURES_PER_NAME),
        (LoginAttempt.client, client, MAX_FAILURES_PER_CLIENT),
    ):
        failures = select(LoginAttempt.at).where(
            column == value, LoginAttempt.at > since, LoginAttempt.succeeded.is_(False)
        )
        count = session.scalar(select(func.count()).select_from(failures.subquery()))
        if count >= limit:
            # the lock lifts when the oldest failure that still counts leaves the window
            oldest = session.scalars(failures.order_by(LoginAttempt.at.desc()).offset(limit - 1).limit(1)).one()
            waits.append(int((_aware(oldest) + WINDOW - now).total_seconds()) + 1)
    return max(waits) if waits else None


def open_session(
    store: Store, name: str, password: str, *, client: str = "", now: datetime | None = None
) -> OpenedSession:
    """Log ``name`` in with ``password``: a new session, or :class:`NotAuthenticated` (one message for an
    unknown user, a deactivated one and a wrong password), or :class:`LoginThrottled`."""
    now = now or _now()
    name = normalise(name or "")[:100]
    client = (client or "")[:64]
    with store.transaction() as session:
        wait = _retry_after(session, name, client, now)
        if wait is not None:
            raise LoginThrottled(wait)
        user = session.scalars(select(User).where(User.name == name)).one_or_none()
        stored = user.password_hash if user is not None and user.active else None
    ok = _check_password(stored, password or "")
    with store.transaction() as session:
        session.add(LoginAttempt(name=name, client=client, at=now, succeeded=ok))
        session.flush()
        if not ok:
            if _retry_after(session, name, client, now) is not None:
                audit.append(
                    session, actor="system", action="login_locked", case_id=None, after={"user": name, "client": client}
                )
        else:
            cookie, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
            row = WebSession(
                token_hash=_digest(cookie),
                user_id=user.id,
                csrf_token=csrf,
                created_at=now,
                last_seen_at=now,
                expires_at=now + LIFETIME,
                client=client,
            )
            session.add(row)
            session.flush()
            audit.append(
                session, actor=user.name, action="login", case_id=None, after={"session": row.id, "client": client}
            )
    if not ok:
        raise NotAuthenticated(WRONG_LOGIN)
    return OpenedSession(cookie, csrf, _principal(user), now + LIFETIME)


def session_of(store: Store, cookie: str, *, now: datetime | None = None) -> ActiveSession:
    """The live session behind a cookie value, or :class:`NotAuthenticated` (unknown, ended, idle too
    long, expired, or its user deactivated)."""
    now = now or _now()
    expired = NotAuthenticated(Message("the session has ended: log in again"))
    if not cookie or len(cookie) > 200:
        raise expired
    with store.transaction() as session:
        row = session.scalars(select(WebSession).where(WebSession.token_hash == _digest(cookie))).one_or_none()
        if row is None or row.ended_at is not None or _aware(row.expires_at) <= now:
            raise expired
        if _aware(row.last_seen_at) + IDLE <= now:
            raise expired
        user = session.get(User, row.user_id)
        if user is None or not user.active:
            raise expired
        if now - _aware(row.last_seen_at) >= TOUCH_EVERY:
            row.last_seen_at = now
        return ActiveSession(row.id, _principal(user), row.csrf_token)


def end_session(store: Store, cookie: str, *, now: datetime | None = None) -> bool:
    """Log out: the session ends now (``False`` when there was no live session)."""
    now = now or _now()
    with store.transaction() as session:
        row = session.scalars(select(WebSession).where(WebSession.token_hash == _digest(cookie or ""))).one_or_none()
        if row is None or row.ended_at is not None:
            return False
        row.ended_at = now
        user = session.get(User, row.user_id)
        session.flush()
        audit.append(
            session, actor=user.name if user else "system", action="logout", case_id=None, after={"session": row.id}
        )
        return True
