"""Browser sessions: log in with a password (throttled), see who you are, log out."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from ...clock import localize
from ...lifecycle.actions import load_user
from ...lifecycle.users import user_view
from ...security.principal import Principal
from ...security.sessions import end_session, open_session
from ..auth import SESSION_COOKIE, authenticated, client_address, services

router = APIRouter(prefix="/api/session", tags=["session"])


class Login(BaseModel):
    name: str = Field(..., max_length=100)
    password: str = Field(..., max_length=1000)


def me(request: Request, principal: Principal) -> dict[str, Any]:
    with services(request).store.transaction() as session:
        view = user_view(load_user(session, principal.name))
    view.pop("password", None)
    view["scopes"] = sorted(principal.scopes)
    active = getattr(request.state, "session", None)
    if active is not None:
        view["csrf_token"] = active.csrf_token
    return view


def set_session_cookie(request: Request, response: Response, cookie: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        cookie,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )


@router.post("", summary="Log in (登录): a session cookie and its CSRF token")
async def login(request: Request, response: Response, body: Login) -> dict[str, Any]:
    """JSON only (a cross-site form cannot send it). Wrong name or password: 401, one message for both;
    too many failures: 429 with ``Retry-After``."""
    opened = await run_in_threadpool(
        open_session, services(request).store, body.name, body.password, client=client_address(request)
    )
    set_session_cookie(request, response, opened.cookie)
    request.state.principal = opened.principal
    view = await run_in_threadpool(me, request, opened.principal)
    answer = view | {"csrf_token": opened.csrf_token, "expires_at": opened.expires_at}
    return localize(answer, services(request).timezone)  # stored in UTC, answered in the office's zone


@router.get("", summary="Who am I (当前用户)")
def whoami(request: Request, principal: Principal = Depends(authenticated)) -> dict[str, Any]:
    return localize(me(request, principal), services(request).timezone)


@router.delete("", status_code=204, summary="Log out (退出)")
def logout(request: Request, response: Response, principal: Principal = Depends(authenticated)) -> Response:
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        end_session(services(request).store, cookie)
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
