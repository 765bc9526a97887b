"""Cases: intake, lists with paging and search, one case (with its ``ETag``), and every lifecycle action.

Each action is ``POST /api/cases/{id}/{action}`` with ``If-Match`` carrying the version the caller saw
(the ``ETag`` of ``GET /api/cases/{id}``): a case changed since is refused with 412, not overwritten.
The action table below maps each action to its request body and the service call; the service checks
state, role, organ, level and separation of duties, and writes the change, its record and its audit
event in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from urllib.parse import quote

import attrs
from fastapi import APIRouter, Body, Depends, Query, Request, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from ...clock import localize
from ...lifecycle import CaseService
from ...model.enums import Method, Recipient, RevisitMethod, RevisitTarget
from ...security.principal import Principal
from ..auth import ACT, INTAKE, READ, etag, if_match, services
from ..bodies import json_body
from ..coded import ConsentCode, coded
from ..language import language
from ..paging import Page, page_params, paged
from ..schemas import INTAKE_BODY

router = APIRouter(prefix="/api/cases", tags=["cases"])


def _cases(request: Request) -> CaseService:
    """The case service, its actions answering in the request's language."""
    return services(request).cases.reading(language(request))


def _case_response(request: Request, response: Response, view: dict[str, Any]) -> dict[str, Any]:
    """The case view (read in the request's language) with its ETag, timestamps in the office's zone."""
    response.headers["ETag"] = etag(view["version"])
    return localize(view, services(request).timezone)


@router.post(
    "",
    status_code=201,
    summary="Take a case in (受理)",
    openapi_extra=INTAKE_BODY,
    responses={201: {"description": "The case was taken in: its id, state and version"}},
)
async def open_case(request: Request, response: Response, principal: Principal = Depends(INTAKE)) -> dict[str, Any]:
    """The intake document: a case document of the interchange contract plus an optional ``reporter``
    (sealed at once, never shown). A token with the ``intake`` scope alone may do this and nothing else,
    as a report platform needs; the answer is a receipt, not the case."""
    document = await json_body(request)
    view = await run_in_threadpool(services(request).cases.open, document, actor=principal.name)
    response.headers["Location"] = f"/api/cases/{view['case_id']}"
    response.headers["ETag"] = etag(view["version"])
    return {"case_id": view["case_id"], "state": view["state"], "outcome": view["outcome"], "version": view["version"]}


@router.get("", summary="Cases this user needs to know, fast-track and overdue first")
def list_cases(
    request: Request,
    response: Response,
    principal: Principal = Depends(READ),
    state: str | None = Query(None, description="A state's code or name (e.g. approval, 审批中)"),
    overdue: bool = Query(False, description="Only cases past a deadline or a planned revisit"),
    q: str | None = Query(None, max_length=100, description="Part of a case id or of the subject's name"),
    jurisdiction: str | None = Query(None, max_length=100, description="That jurisdiction and those below it"),
    page: Page = Depends(page_params),
) -> dict[str, Any]:
    rows, total = services(request).cases.list(
        overdue=overdue,
        state=state,
        search=q,
        jurisdiction=jurisdiction,
        limit=page.per_page,
        offset=page.offset,
        viewer=principal.name,
    )
    return paged(request, response, rows, total, page)


@router.get("/{case_id}", summary="One case, with its history (ETag: its version)")
def show_case(
    request: Request, response: Response, case_id: str, principal: Principal = Depends(READ)
) -> dict[str, Any]:
    """The case as ``zhengming case show`` gives it; 404 for a case that does not exist *or* that this
    user does not need to know (the two are not told apart)."""
    view = services(request).cases.show(case_id, viewer=principal.name, lang=language(request))
    return _case_response(request, response, view)


# --- lifecycle actions -------------------------------------------------------------------------------


@router.get("/{case_id}/actions", summary="The actions this user may take on the case now (from the lifecycle table)")
def available(request: Request, case_id: str, principal: Principal = Depends(ACT)) -> dict[str, Any]:
    """Each with its id (the path segment is the id with ``_`` as ``-``), its label and its parameters;
    what the state, the user's role, organ and level and separation of duties allow."""
    return {"items": services(request).cases.available_actions(case_id, principal.name)}


class Comment(BaseModel):
    comment: str = Field("", max_length=2000, description="Why (意见)")


class StepBody(Comment):
    given_on: date | None = Field(
        None,
        description="Signed on paper on this day (纸质审批补录), recorded now by the approver themselves; not in "
        "the future, nor before the case was opened or its previous step",
    )


class ConsentBody(Comment):
    status: ConsentCode = Field(
        ..., description="The subject's answer (本人意见): given (同意), declined (不同意), withdrawn (撤回同意)"
    )


class ClarifyBody(BaseModel):
    method: coded(Method) = Field(
        ..., description="How the clarification was carried out (澄清方式): a method of the decision, code or name"
    )
    on: date | None = Field(None, description="The day it was carried out (default: today)")
    scope: str = Field("", max_length=500, description="Where, to whom (范围)")


class NotifyBody(BaseModel):
    recipients: list[coded(Recipient)] = Field(
        default_factory=list, description="Who was told, codes or names (default: every one still due)"
    )
    on: date | None = None


class PlanRevisitsBody(BaseModel):
    dates: list[date] = Field(..., min_length=1, description="Planned revisit days (回访)")


class RecordRevisitBody(BaseModel):
    on: date | None = None
    method: coded(RevisitMethod) | None = Field(None, description="How (回访方式), code or name")
    target: coded(RevisitTarget) | None = Field(None, description="Whom (回访对象), code or name")
    note: str = Field("", max_length=2000)


class TalkBody(BaseModel):
    on: date = Field(..., description="The day of the reminder talk (谈话提醒)")


class RectificationBody(BaseModel):
    rectified: bool = Field(..., description="Rectified within the probation (限期整改)")


class CloseBody(BaseModel):
    reason: str | None = Field(None, max_length=500)


class Empty(BaseModel):
    pass


@attrs.frozen
class Action:
    """One lifecycle action over HTTP: its path segment, what it is called, its body, the service call."""

    path: str
    summary: str
    body: type[BaseModel]
    call: Callable[[CaseService, str, str, Any, int | None], dict[str, Any]]


ACTIONS = (
    Action(
        "approve",
        "Approve the current step (审批通过)",
        StepBody,
        lambda s, c, a, b, v: s.approve(c, a, b.comment, expected_version=v, given_on=b.given_on),
    ),
    Action(
        "reject",
        "Reject at the current step (审批不通过)",
        StepBody,
        lambda s, c, a, b, v: s.reject(c, a, b.comment, expected_version=v, given_on=b.given_on),
    ),
    Action(
        "send-back",
        "Send the proposal back with a comment (退回)",
        StepBody,
        lambda s, c, a, b, v: s.send_back(c, a, b.comment, expected_version=v, given_on=b.given_on),
    ),
    Action(
        "consent",
        "Record the subject's answer (征求本人意见)",
        ConsentBody,
        lambda s, c, a, b, v: s.consent(c, a, b.status, b.comment, expected_version=v),
    ),
    Action(
        "clarify",
        "Record the clarification carried out (实施澄清)",
        ClarifyBody,
        lambda s, c, a, b, v: s.clarify(c, a, b.method, on=b.on, scope=b.scope, expected_version=v),
    ),
    Action(
        "notify",
        "Record who was told (告知)",
        NotifyBody,
        lambda s, c, a, b, v: s.notify(c, a, b.recipients, on=b.on, expected_version=v),
    ),
    Action("archive", "Archive the case (归档)", Empty, lambda s, c, a, b, v: s.archive(c, a, expected_version=v)),
    Action(
        "revisits",
        "Plan revisits (回访计划)",
        PlanRevisitsBody,
        lambda s, c, a, b, v: s.plan_revisits(c, a, b.dates, expected_version=v),
    ),
    Action(
        "revisit",
        "Record a revisit done (回访记录)",
        RecordRevisitBody,
        lambda s, c, a, b, v: s.record_revisit(
            c, a, on=b.on, method=b.method, target=b.target, note=b.note, expected_version=v
        ),
    ),
    Action(
        "talk",
        "Record the reminder talk (谈话提醒)",
        TalkBody,
        lambda s, c, a, b, v: s.hold_talk(c, a, b.on, expected_version=v),
    ),
    Action(
        "rectification",
        "Record the probation's result (整改结果)",
        RectificationBody,
        lambda s, c, a, b, v: s.record_rectification(c, a, b.rectified, expected_version=v),
    ),
    Action(
        "close",
        "Close the case (办结)",
        CloseBody,
        lambda s, c, a, b, v: s.close(c, a, reason=b.reason, expected_version=v),
    ),
)


def _route(action: Action) -> None:
    body_type = action.body

    def act(
        request: Request,
        response: Response,
        case_id: str,
        body: body_type = Body(default_factory=body_type),  # type: ignore[valid-type]
        principal: Principal = Depends(ACT),
    ) -> dict[str, Any]:
        version = if_match(request)
        view = action.call(_cases(request), case_id, principal.name, body, version)
        return _case_response(request, response, view)

    act.__annotations__["body"] = body_type  # this module's annotations are strings; FastAPI needs the class
    act.__name__ = "case_" + action.path.replace("-", "_")
    router.add_api_route(
        "/{case_id}/" + action.path,
        act,
        methods=["POST"],
        summary=action.summary,
        description="Needs `If-Match` with the case's ETag (428 without it, 412 when the case changed since).",
    )


for _action in ACTIONS:
    _route(_action)


async def _document_action(
    request: Request, case_id: str, principal: Principal, call: Callable[..., dict[str, Any]], extra: tuple[str, ...]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """An action whose body is a whole case document (resume, amend): ``If-Match`` first, the body read
    through the boundary, the service called; returns its view and the ``extra`` keys of its answer (what
    changed), which a view read again in another language would not carry."""
    version = if_match(request)
    document = await json_body(request)
    view = await run_in_threadpool(call, case_id, document, actor=principal.name, expected_version=version)
    return view, {key: view[key] for key in extra}


@router.post(
    "/{case_id}/resume",
    summary="Resume a deferred case with its updated document (恢复办理)",
    openapi_extra=INTAKE_BODY,
)
async def resume(
    request: Request, response: Response, case_id: str, principal: Principal = Depends(ACT)
) -> dict[str, Any]:
    """``changes`` lists what the updated document changed (JSON pointers, before and after)."""
    view, done = await _document_action(request, case_id, principal, _cases(request).resume, ("changes",))
    return _case_response(request, response, view) | done


@router.post(
    "/{case_id}/amend",
    summary="Amend the case's intake (修改受理信息): the corrected document; what changed comes back labelled",
    openapi_extra=INTAKE_BODY,
)
async def amend(
    request: Request, response: Response, case_id: str, principal: Principal = Depends(ACT)
) -> dict[str, Any]:
    """The whole corrected intake document (a ``reporter`` given is re-sealed); the case is evaluated
    again. ``changes`` lists each field changed with its Chinese and English name; ``approvals_reset``
    says how many approvals a changed decision superseded. Refused (409) once the clarification is
    carried out, a decision taken or the case closed; 422 naming the field for an id, kind or
    jurisdiction changed or an invalid document."""
    view, done = await _document_action(
        request, case_id, principal, _cases(request).amend, ("changes", "decision_changes", "approvals_reset")
    )
    return _case_response(request, response, view) | done


@router.get(
    "/{case_id}/letters/{kind}",
    summary="An official letter of the case as .docx (GB/T 9704)",
    response_class=Response,
    responses={200: {"content": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document": {}}}},
)
def letter(request: Request, case_id: str, kind: str, principal: Principal = Depends(READ)) -> Response:
    """Generated from the stored case and recorded in the audit log (kinds: see ``zhengming case letter``)."""
    from ...letters import generate

    made = generate(services(request).cases, case_id, kind, actor=principal.name)
    name = f"{case_id}-{kind}.docx"
    fallback = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return Response(
        made.docx,
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        headers={
            # RFC 6266: an ASCII name for old clients, the real (perhaps Chinese) one for the rest
            "Content-Disposition": f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}",
            "X-Content-SHA256": made.sha256,
        },
    )
