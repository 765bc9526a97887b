"""Request bodies that are documents of the contract (a case to take in or to resume, a case to
evaluate): read through :mod:`zhengming.boundary` like any file, never past its size limit."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from ..boundary import LIMITS, read_document, too_large


async def json_body(request: Request) -> Any:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > LIMITS.max_bytes:
        raise too_large(int(declared))
    raw = bytearray()
    async for chunk in request.stream():
        raw.extend(chunk)
        if len(raw) > LIMITS.max_bytes:
            raise too_large(None)
    return read_document(bytes(raw), "request.json")
