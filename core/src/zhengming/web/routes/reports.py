"""Statistics over the cases this user needs to know (the figures the sources publish)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from ...i18n import Message
from ...lifecycle.actions import load_user
from ...security.principal import Principal
from ..auth import READ, services

router = APIRouter(prefix="/api", tags=["statistics"])


@router.get(
    "/reports", summary="Persons and organizations clarified by method, 诬告陷害, 容错免责, accountability, overdue"
)
def report(
    request: Request,
    principal: Principal = Depends(READ),
    start: date = Query(..., alias="from"),
    end: date = Query(..., alias="to"),
    jurisdiction: str | None = Query(None, max_length=100),
    by: Literal["quarter", "jurisdiction"] | None = None,
) -> dict[str, Any]:
    from ...lifecycle.errors import InvalidValue
    from ...reports.query import report as build

    if start > end:
        raise InvalidValue("/from", Message("must not be after to"))
    svc = services(request)
    svc.registry.require_installed(jurisdiction)  # not installed: 422, not a report of zeros
    with svc.store.transaction() as session:
        return build(
            session,
            start,
            end,
            jurisdiction=jurisdiction,
            by=by,
            today=svc.today(),
            viewer=load_user(session, principal.name),
        )
