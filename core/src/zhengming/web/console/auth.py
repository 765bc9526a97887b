"""Who is looking at the console: the browser session behind the ``zm_session`` cookie.

The console asks only these functions: :func:`session_user`, :func:`log_in`, :func:`log_out`,
:func:`csrf_token` and :func:`check_csrf`. Sessions live on the server (a random id in an HttpOnly,
SameSite=Lax cookie, Secure over https), each with its own CSRF token that every form carries.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from typing import Any

from fastapi import Request, Response
from sqlalchemy import select

from ...model import Text
from ...security.passwords import verify_password
from ...store.models import User

COOKIE = "zm_session"
SESSION_SECONDS = 8 * 3600
FAILURES_BEFORE_WAIT = 5
WAIT_SECONDS = 60


class Sessions:
    """Server-side sessions and failed-login counts, kept in the process (one per app)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sessions: dict[str, dict[str, Any]] = {}
        self._failures: dict[str, tuple[int, float]] = {}

    def create(self, name: str) -> str:
        sid = secrets.token_urlsafe(32)
        with self._lock:
            self._sessions[sid] = {"user": name, "csrf": secrets.token_urlsafe(32), "at": time.time()}
        return sid

    def get(self, sid: str | None) -> dict[str, Any] | None:
        if not sid:
            return None
        with self._lock:
            found = self._sessions.get(sid)
            if found and time.time() - found["at"] > SESSION_SECONDS:
                del self._sessions[sid]
                return None
            return found

    def drop(self, sid: str | None) -> None:
        with self._lock:
            self._sessions.pop(sid or "", None)

    def throttled(self, name: str) -> bool:
        count, since = self._failures.get(name, (0, 0.0))
        return count >= FAILURES_BEFORE_WAIT and time.time() - since < WAIT_SECONDS

    def failed(self, name: str) -> None:
        with self._lock:
            count, _ = self._failures.get(name, (0, 0.0))
            self._failures[name] = (count + 1, time.time())

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(name, None)


def _sessions(request: Request) -> Sessions:
    state = request.app.state
    if not hasattr(state, "console_sessions"):
        state.console_sessions = Sessions()
    return state.console_sessions


def _store(request: Request):
    return request.app.state.services.store


def session_user(request: Request) -> dict[str, Any] | None:
    """The logged-in user (name, organ, level, jurisdiction, roles, grants), or ``None``."""
    found = _sessions(request).get(request.cookies.get(COOKIE))
    if found is None:
        return None
    with _store(request).transaction() as session:
        user = session.scalars(select(User).where(User.name == found["user"])).one_or_none()
        if user is None or not user.active:
            return None
        return {
            "name": user.name,
            "organ": user.organ,
            "level": user.level,
            "jurisdiction": user.jurisdiction,
            "roles": list(user.roles),
            "grants": list(user.grants or ()),
        }


def log_in(request: Request, response: Response, name: str, password: str) -> Text | None:
    """Check the password (argon2id) and open a session; the reason as text when refused."""
    sessions = _sessions(request)
    if sessions.throttled(name):
        return Text("登录失败次数过多，请一分钟后再试", "too many failed logins; try again in a minute")
    with _store(request).transaction() as session:
        user = session.scalars(select(User).where(User.name == name)).one_or_none()
        stored = user.password_hash if user is not None and user.active else None
    if not verify_password(stored, password):
        sessions.failed(name)
        return Text("用户名或密码不正确", "wrong user name or password")
    sessions.succeeded(name)
    sid = sessions.create(name)
    response.set_cookie(
        COOKIE, sid, httponly=True, samesite="lax", secure=request.url.scheme == "https", max_age=SESSION_SECONDS
    )
    return None


def log_out(request: Request, response: Response) -> None:
    _sessions(request).drop(request.cookies.get(COOKIE))
    response.delete_cookie(COOKIE)


def csrf_token(request: Request) -> str:
    found = _sessions(request).get(request.cookies.get(COOKIE))
    return found["csrf"] if found else ""


def check_csrf(request: Request, token: str | None) -> bool:
    """Whether ``token`` (form field ``csrf_token`` or header ``X-CSRF-Token``) is the session's."""
    expected = csrf_token(request)
    given = token or request.headers.get("x-csrf-token") or ""
    return bool(expected) and hmac.compare_digest(expected, given)
