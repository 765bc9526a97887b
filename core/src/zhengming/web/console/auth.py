"""Who is looking at the console: the browser session behind the ``zm_session`` cookie.

The sessions are the service's own (:mod:`zhengming.security.sessions`: kept in the database, argon2id
passwords, login throttling, idle and absolute expiry, each with a CSRF token); the console only asks
:func:`session_user`, :func:`log_in`, :func:`log_out`, :func:`csrf_token` and :func:`check_csrf`.
"""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import Request, Response

from ...i18n import Message
from ...lifecycle.actions import load_user
from ...lifecycle.errors import LifecycleError
from ...lifecycle.users import user_view
from ...model import Text
from ...security.sessions import end_session, open_session, session_of
from ..auth import SESSION_COOKIE, client_address
from ..routes.session import set_session_cookie


def _store(request: Request):
    return request.app.state.services.store


def _active(request: Request):
    """The live session of the request (looked up once per request), or ``None``."""
    if not hasattr(request.state, "console_session"):
        cookie = request.cookies.get(SESSION_COOKIE)
        try:
            request.state.console_session = session_of(_store(request), cookie) if cookie else None
        except LifecycleError:  # ended, idle too long, expired, or its user deactivated
            request.state.console_session = None
    return request.state.console_session


def session_user(request: Request) -> dict[str, Any] | None:
    """The logged-in user (name, organ, level, jurisdiction, roles, grants), or ``None``."""
    active = _active(request)
    if active is None:
        return None
    with _store(request).transaction() as session:
        view = user_view(load_user(session, active.principal.name))
    return {key: view[key] for key in ("name", "organ", "level", "jurisdiction", "roles", "grants")}


def log_in(request: Request, response: Response, name: str, password: str) -> Text | None:
    """Check the password and open a session (cookie set on ``response``); the reason when refused
    (one message for an unknown user and a wrong password; a wait after too many failures)."""
    try:
        opened = open_session(_store(request), name, password, client=client_address(request))
    except LifecycleError as exc:
        return exc.message
    set_session_cookie(request, response, opened.cookie)
    return None


def log_out(request: Request, response: Response) -> None:
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        end_session(_store(request), cookie)
    response.delete_cookie(SESSION_COOKIE, path="/")


CROSS_SITE = Message("log in from this site's own login page")


def same_site(request: Request) -> bool:
    """The request comes from this site, or the browser did not say where from (no ``Origin``)."""
    origin = request.headers.get("origin")
    return origin is None or origin == f"{request.url.scheme}://{request.url.netloc}"


def csrf_token(request: Request) -> str:
    active = _active(request)
    return active.csrf_token if active else ""


def check_csrf(request: Request, token: str | None) -> bool:
    """Whether the form field ``csrf_token`` (or header ``X-CSRF-Token``) is the session's, and the request
    comes from this site when the browser names an origin."""
    expected = csrf_token(request)
    given = token or request.headers.get("x-csrf-token") or ""
    return bool(expected) and same_site(request) and hmac.compare_digest(expected.encode(), given.encode())
