"""Users, tokens, the audit chain and bulk import: administration over HTTP, with the same checks as
the command line (only an administrator creates users and grants roles; a user issues and revokes
tokens of their own, within their own scopes)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from ...clock import localize
from ...model.enums import Level, Organ, Role
from ...security import admin, issue_token, list_tokens, revoke_token
from ...security.principal import Principal
from ...security.tokens import DEFAULT_DAYS, DEFAULT_SCOPES
from ..auth import ADMIN, INTAKE, authenticated, services
from ..coded import coded

router = APIRouter(prefix="/api", tags=["administration"])


class NewUser(BaseModel):
    name: str = Field(..., max_length=100)
    organ: coded(Organ) = Field(
        ..., description="The organ the user sits in: code or name (discipline_commission, 纪委监委)"
    )
    level: coded(Level) = Field(..., description="township, county, city, province (or 县级, …)")
    roles: list[coded(Role)] = Field(default_factory=list)
    jurisdiction: str | None = Field(None, description="The subtree the user works in (e.g. pingdingshan.lushan)")
    grants: list[str] = Field(default_factory=list, description="System duties: admin, custodian")
    password: str | None = Field(None, max_length=1000, description="At least 12 characters")


class UserChange(BaseModel):
    add_roles: list[coded(Role)] = Field(default_factory=list)
    remove_roles: list[coded(Role)] = Field(default_factory=list)
    add_grants: list[str] = Field(default_factory=list)
    remove_grants: list[str] = Field(default_factory=list)
    jurisdiction: str | None = None
    active: bool | None = None


class Password(BaseModel):
    password: str = Field(..., max_length=1000)


class NewToken(BaseModel):
    user: str | None = Field(None, description="Whose token (default: your own; others' only as administrator)")
    scopes: list[str] = Field(
        default_factory=lambda: list(DEFAULT_SCOPES), description="intake, read, act, custody, admin"
    )
    days: int = Field(DEFAULT_DAYS, description="Valid for this many days (1 to 366)")
    label: str = Field("", max_length=100)


@router.get("/users", summary="Users (用户)")
def users(request: Request, principal: Principal = Depends(ADMIN)) -> dict[str, Any]:
    from ...lifecycle.users import list_users

    admin.require_admin(principal)
    return {"items": list_users(services(request).store)}


@router.post("/users", status_code=201, summary="Register a user (administrators)")
def create_user(request: Request, body: NewUser, principal: Principal = Depends(ADMIN)) -> dict[str, Any]:
    store = services(request).store
    services(request).registry.require_installed(body.jurisdiction)  # 422 if not
    view = admin.create_user(
        store,
        principal,
        body.name,
        body.organ,
        body.level,
        body.roles,
        jurisdiction=body.jurisdiction,
        grants=body.grants,
    )
    if body.password is not None:
        view = admin.set_password(store, principal, view["name"], body.password)
    return view


@router.patch("/users/{name}", summary="Grant or withdraw roles and duties, (de)activate (administrators)")
def change_user(request: Request, name: str, body: UserChange, principal: Principal = Depends(ADMIN)) -> dict[str, Any]:
    services(request).registry.require_installed(body.jurisdiction)  # 422 if not
    return admin.change_user(services(request).store, principal, name, **body.model_dump())


@router.put("/users/{name}/password", status_code=204, summary="Set a password (your own, or as administrator)")
def set_password(
    request: Request, name: str, body: Password, principal: Principal = Depends(authenticated)
) -> Response:
    admin.set_password(services(request).store, principal, name, body.password)
    return Response(status_code=204)


@router.get("/tokens", summary="API tokens (yours; all, for administrators)")
def tokens(request: Request, principal: Principal = Depends(authenticated)) -> dict[str, Any]:
    return localize({"items": list_tokens(services(request).store, actor=principal)}, services(request).timezone)


@router.post("/tokens", status_code=201, summary="Issue a token: its secret is shown here once")
def new_token(request: Request, body: NewToken, principal: Principal = Depends(authenticated)) -> dict[str, Any]:
    plaintext, view = issue_token(
        services(request).store,
        body.user or principal.name,
        actor=principal,
        scopes=body.scopes,
        days=body.days,
        label=body.label,
    )
    return localize(view, services(request).timezone) | {"token": plaintext}


@router.delete("/tokens/{token_id}", summary="Revoke a token")
def revoke(request: Request, token_id: int, principal: Principal = Depends(authenticated)) -> dict[str, Any]:
    return localize(revoke_token(services(request).store, token_id, actor=principal), services(request).timezone)


@router.get("/audit/verify", summary="Verify the keyed audit chain and every table against it (administrators)")
def audit_verify(request: Request, principal: Principal = Depends(ADMIN)) -> dict[str, Any]:
    from ...store.audit import verify_store

    admin.require_admin(principal)
    return verify_store(services(request).store)


@router.post(
    "/imports",
    summary="Import intake documents, one JSON object per line (application/x-ndjson)",
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/x-ndjson": {"schema": {"type": "string"}}}}
    },
)
async def import_lines(request: Request, principal: Principal = Depends(INTAKE)) -> dict[str, Any]:
    """Bad lines are reported with their line number and JSON pointer and skipped; cases already stored
    are skipped (a re-run finishes an interrupted import)."""
    import tempfile

    from ...lifecycle.importer import import_jsonl

    svc = services(request)
    with tempfile.SpooledTemporaryFile(max_size=8 << 20) as spool:
        async for chunk in request.stream():
            spool.write(chunk)
        spool.seek(0)
        report = await run_in_threadpool(
            import_jsonl,
            svc.store,
            svc.engine,
            spool,
            sealer=svc.store.keyring.sealer(),
            actor=principal.name,
            workers=0,
        )
    from ..language import language

    return report.as_json(language(request))
