"""Who is calling: an API token (``Authorization: Bearer zm_…``) or a browser session (cookie
``zm_session``); scopes; CSRF for cookie-authenticated unsafe requests; ``If-Match``.

A token in a header is not sent by a browser on its own, so token requests need no CSRF check. A
session cookie is, so every unsafe request (POST, PUT, PATCH, DELETE) that authenticates with it must
repeat the session's CSRF token (header ``X-CSRF-Token`` or form field ``csrf_token``) and, when the
browser names an ``Origin``, come from this site.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from ..i18n import Message
from ..security import authenticate
from ..security.errors import Forbidden, NotAuthenticated
from ..security.principal import Principal
from ..security.sessions import session_of
from .problems import HttpProblem
from .services import Services

SESSION_COOKIE = "zm_session"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def services(request: Request) -> Services:
    return request.app.state.services


def client_address(request: Request) -> str:
    return request.client.host if request.client else ""


async def _csrf_token_sent(request: Request) -> str:
    sent = request.headers.get(CSRF_HEADER, "")
    if not sent and request.headers.get("content-type", "").startswith(FORM_TYPES):
        form = await request.form()  # Starlette keeps the parsed form for the handler
        value = form.get(CSRF_FIELD)
        sent = value if isinstance(value, str) else ""
    return sent


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    return origin is None or origin == f"{request.url.scheme}://{request.url.netloc}"


CSRF_REFUSED = Forbidden(Message("missing or wrong CSRF token: reload the page and retry"))


async def authenticated(request: Request) -> Principal:
    """The principal of the request (cached on ``request.state``), or :class:`NotAuthenticated`."""
    cached = getattr(request.state, "principal", None)
    if cached is not None:
        return cached
    store = services(request).store
    header = request.headers.get("authorization", "")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise NotAuthenticated()
        principal = await run_in_threadpool(authenticate, store, token.strip())
    elif request.cookies.get(SESSION_COOKIE):
        active = await run_in_threadpool(session_of, store, request.cookies[SESSION_COOKIE])
        if request.method in UNSAFE:
            sent = await _csrf_token_sent(request)
            if not _same_origin(request) or not hmac.compare_digest(sent.encode(), active.csrf_token.encode()):
                raise CSRF_REFUSED
        request.state.session = active
        principal = active.principal
    else:
        raise NotAuthenticated(Message("authentication needed: log in, or send Authorization: Bearer <token>"))
    request.state.principal = principal
    return principal


def scope(name: str) -> Callable:
    """A dependency: the caller, whose token (or session) allows ``name``."""

    async def check(principal: Principal = Depends(authenticated)) -> Principal:
        if not principal.allows(name):
            raise Forbidden(Message("the token's scopes lack {name!r}", name=name))
        return principal

    check.__name__ = f"scope_{name}"
    return check


def if_match(request: Request, *, required: bool = True) -> int | None:
    """The case version the client saw (``If-Match: "7"``); ``*`` or none (when not required): any."""
    raw = request.headers.get("if-match")
    if raw is None:
        if required:
            raise HttpProblem(
                "precondition_required",
                Message("send the case version you saw (its ETag) in If-Match"),
            )
        return None
    raw = raw.strip()
    if raw == "*":
        return None
    value = raw.removeprefix("W/").strip('"')
    if not value.isdigit():
        raise HttpProblem(
            "precondition_failed",
            Message("If-Match must be the case's ETag"),
            errors=[{"pointer": "/headers/If-Match", "detail": "not an ETag of this API"}],
        )
    request.state.if_match = int(value)
    return int(value)


def etag(version: int) -> str:
    return f'"{version}"'


# The scope checks, one each (FastAPI caches a dependency per request by identity).
INTAKE, READ, ACT, CUSTODY, ADMIN = (scope(name) for name in ("intake", "read", "act", "custody", "admin"))
