"""Jurisdictions and evaluation: no case is stored; any authenticated caller may ask."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request

from ...model import to_document
from ...security.principal import Principal
from ..auth import authenticated, services
from ..bodies import json_body
from ..language import language
from ..schemas import EVALUATE_BODY

router = APIRouter(prefix="/api", tags=["rules"])


@router.get("/jurisdictions", summary="Installed jurisdictions (辖区), and plugins that failed to load")
def jurisdictions(request: Request, principal: Principal = Depends(authenticated)) -> dict[str, Any]:
    from ...introspect import installed

    return installed(services(request).registry, language(request))


@router.post("/evaluate", summary="Decide a case document without storing it (评估)", openapi_extra=EVALUATE_BODY)
async def evaluate(request: Request, principal: Principal = Depends(authenticated)) -> dict[str, Any]:
    from starlette.concurrency import run_in_threadpool

    document = await json_body(request)
    decision = await run_in_threadpool(services(request).engine.evaluate_document, document)
    return to_document(decision, language(request))
