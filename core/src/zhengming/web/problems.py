"""Errors as ``application/problem+json`` (RFC 9457).

A domain error's ``code`` names the problem type (``urn:zhengming:problem:<code>``) and decides the
status; its message, in the request's language, is the ``title``; the fields it names are listed under
``errors`` as JSON pointers into the request body (RFC 9457 §3's extension member). The reporter's
identity never reaches a problem: domain errors never carry it.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import BeyondKnownData, InvalidDocument, PluginError, UnknownJurisdiction
from ..i18n import Message, Renderable
from ..lifecycle.errors import EXIT_CONFLICT, EXIT_INVALID, EXIT_NOT_FOUND, CaseConflict, LifecycleError
from ..safetext import neutral
from ..store.errors import DatabaseUnavailable
from ..store.limits import FieldTooLong
from . import invalid
from .language import language

MEDIA_TYPE = "application/problem+json"

STATUS_OF_CODE = {
    "unauthenticated": 401,
    "forbidden": 403,
    "not_permitted": 403,
    "throttled": 429,
    "case_not_found": 404,
    "user_not_found": 404,
    "not_found": 404,
    "conflict": 409,
    "duplicate_case": 409,
    "duplicate_user": 409,
    "invalid_transition": 409,
    "not_amendable": 409,
    "consent_required": 409,
    "request_closed": 409,
    "integrity": 409,
    "invalid_value": 422,
    "not_same_case": 422,
    "field_not_amendable": 422,
    "invalid_date": 422,
    "precondition_failed": 412,
    "precondition_required": 428,
}
STATUS_OF_EXIT = {EXIT_NOT_FOUND: 404, EXIT_CONFLICT: 409, EXIT_INVALID: 422}


class HttpProblem(Exception):
    """A problem the HTTP layer itself finds (a missing ``If-Match``, a stale one, a bad upload)."""

    def __init__(self, code: str, message: Renderable, *, status: int | None = None, errors: list[dict] | None = None):
        self.code, self.message, self.errors = code, message, errors or []
        self.status = status or STATUS_OF_CODE.get(code, 400)
        super().__init__(message.en)


def problem(
    request: Request, status: int, code: str, title: Renderable | str, *, errors=(), headers=None, **extra: Any
) -> JSONResponse:
    lang = language(request)
    body = {
        "type": f"urn:zhengming:problem:{code}",
        "title": neutral(title if isinstance(title, str) else title.render(lang)),
        "status": status,
        "code": code,
        "instance": request.url.path,
        **({"errors": list(errors)} if errors else {}),
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)


def _lifecycle(request: Request, exc: LifecycleError) -> JSONResponse:
    status = STATUS_OF_CODE.get(exc.code) or STATUS_OF_EXIT.get(exc.exit_code, 403)
    if isinstance(exc, CaseConflict) and getattr(request.state, "if_match", None) is not None:
        status = 412  # the version the client said it saw is not the case's version
    headers = {}
    if status == 401:
        headers["WWW-Authenticate"] = 'Bearer realm="zhengming"'
    if getattr(exc, "retry_after", None):
        headers["Retry-After"] = str(exc.retry_after)
    errors = []
    field = getattr(exc, "field", None)
    if field:
        errors.append({"pointer": field, "detail": neutral(exc.message.render(language(request)))})
    for pointer in getattr(exc, "fields", None) or ():
        errors.append({"pointer": pointer, "detail": neutral(exc.message.render(language(request)))})
    return problem(request, status, exc.code, exc.message, errors=errors, headers=headers)


def _invalid_document(request: Request, exc: InvalidDocument) -> JSONResponse:
    lang = language(request)
    errors = [{"pointer": p.pointer or "", "detail": neutral(p.message.render(lang))} for p in exc.problems]
    return problem(
        request,
        422,
        "invalid_document",
        Message("the document does not follow the contract"),
        errors=errors,
    )


def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [
        {"pointer": neutral(error["pointer"]), "detail": neutral(error["detail"])}
        for error in invalid.problems(exc.errors(), language(request))
    ]
    return problem(request, 422, "invalid_value", Message("the request is not valid"), errors=errors)


def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = {404: "not_found", 405: "method_not_allowed", 401: "unauthenticated", 403: "forbidden"}.get(
        exc.status_code, "http_error"
    )
    title = Message("not found") if exc.status_code == 404 else str(exc.detail)
    return problem(request, exc.status_code, code, title, headers=getattr(exc, "headers", None))


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(HttpProblem)
    def http_problem(request: Request, exc: HttpProblem):
        return problem(request, exc.status, exc.code, exc.message, errors=exc.errors)

    app.add_exception_handler(LifecycleError, _lifecycle)
    app.add_exception_handler(InvalidDocument, _invalid_document)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)

    @app.exception_handler(UnknownJurisdiction)
    def unknown(request: Request, exc: UnknownJurisdiction):
        message = Message("jurisdiction {jurisdiction!r} is not installed", jurisdiction=exc.jurisdiction)
        return problem(
            request,
            422,
            "unknown_jurisdiction",
            message,
            errors=[{"pointer": "/jurisdiction", "detail": neutral(message.render(language(request)))}],
            installed=list(exc.installed),
        )

    @app.exception_handler(FieldTooLong)
    def too_long(request: Request, exc: FieldTooLong):
        return problem(
            request,
            422,
            "invalid_value",
            exc.message,
            errors=[{"pointer": "/" + str(exc.field).lstrip("/-"), "detail": exc.message.render(language(request))}],
        )

    @app.exception_handler(PluginError)
    def plugin(request: Request, exc: PluginError):
        return problem(
            request,
            500,
            "plugin_error",
            Message("plugin {plugin} failed", plugin=exc.plugin),
            plugin=exc.plugin,
            hook=exc.hook,
        )

    @app.exception_handler(BeyondKnownData)
    def beyond(request: Request, exc: BeyondKnownData):
        return problem(request, 422, "beyond_known_data", exc.message)

    @app.exception_handler(DatabaseUnavailable)
    def unavailable(request: Request, exc: DatabaseUnavailable):
        return problem(request, 503, "database_unavailable", exc.message)
