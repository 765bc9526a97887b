"""Reporter custody (举报人身份保护): reveal requests with a reason, decided by a different custodian,
shown once before they expire; feedback to a real-name reporter without revealing who they are."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from ...clock import localize
from ...security.principal import Principal
from ..auth import ACT, CUSTODY, services

router = APIRouter(prefix="/api", tags=["custody"])


class RevealRequestBody(BaseModel):
    reason: str = Field(..., min_length=1, max_length=2000, description="Why the identity is needed (事由)")


class RevealDecision(BaseModel):
    approve: bool
    comment: str = Field("", max_length=2000)
    valid_hours: int = Field(24, ge=1, le=168, description="How long an approved reveal may be used")


class Feedback(BaseModel):
    channel: str = Field(..., max_length=100, description="How (反馈方式)")
    summary: str = Field(..., max_length=2000, description="What was fed back (反馈内容)")
    on: date


def _out(request: Request, data: Any) -> Any:
    return localize(data, services(request).timezone)


@router.post("/cases/{case_id}/reveal-requests", status_code=201, summary="Ask to see the reporter's identity")
def request_reveal(
    request: Request, case_id: str, body: RevealRequestBody, principal: Principal = Depends(CUSTODY)
) -> dict[str, Any]:
    return _out(request, services(request).custody.request(case_id, principal.name, body.reason))


@router.get("/reveal-requests", summary="Reveal requests of the cases this user needs to know (never identities)")
def list_requests(
    request: Request,
    principal: Principal = Depends(CUSTODY),
    status: str | None = Query(None, description="pending, approved, refused, shown, expired"),
    case_id: str | None = None,
) -> dict[str, Any]:
    items = services(request).custody.requests(case_id=case_id, status=status, viewer=principal.name)
    return _out(request, {"items": items})


@router.post("/reveal-requests/{request_id}/decision", summary="A custodian approves or refuses")
def decide(
    request: Request, request_id: int, body: RevealDecision, principal: Principal = Depends(CUSTODY)
) -> dict[str, Any]:
    view = services(request).custody.decide(
        request_id,
        principal.name,
        approve=body.approve,
        comment=body.comment,
        valid_for=timedelta(hours=body.valid_hours),
    )
    return _out(request, view)


@router.post("/reveal-requests/{request_id}/identity", summary="The requester sees the identity, once")
def show_identity(request: Request, request_id: int, principal: Principal = Depends(CUSTODY)) -> dict[str, Any]:
    return services(request).custody.show(request_id, principal.name)


@router.post("/cases/{case_id}/reporter-feedback", status_code=201, summary="Record feedback to the reporter")
def feedback(request: Request, case_id: str, body: Feedback, principal: Principal = Depends(ACT)) -> dict[str, Any]:
    return services(request).custody.feedback(
        case_id, principal.name, channel=body.channel, summary=body.summary, on=body.on
    )
