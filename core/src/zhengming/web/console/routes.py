"""The console's pages: server-rendered HTML (Jinja2), htmx for the search that updates in place.

Every page needs a logged-in user (a browser session); every form carries the session's CSRF token, and
every action form the case version it was shown, so a change made meanwhile by someone else is reported
as a conflict with the user's input kept, never silently overwritten. Cases come through
:class:`~zhengming.lifecycle.CaseService` with the user as viewer: what the user may not know does not
exist here (404).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context

from ...boundary.dates import NOT_A_DAY, is_contract_date
from ...errors import InvalidDocument, Problem, UnknownJurisdiction
from ...i18n import Message, gettext, ngettext, npgettext, pgettext
from ...lifecycle.errors import CaseConflict, CaseNotFound, InvalidValue, LifecycleError
from ...lifecycle.states import TERMINAL
from . import auth, intake_form
from .offers import allowed_ids, allowed_on, offered
from .present import (
    LANGS,
    Say,
    lateness,
    local_time,
    part_name,
    state_choices,
    state_from_input,
    subject_of,
    todo,
)

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
PAGE_SIZE = 20
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.globals.update(local_time=local_time, part_name=part_name, todo=todo)


def _page_lang(context) -> str:
    """The page's language (its ``say``)."""
    say = context.get("say")
    return say.lang if say is not None else "zh"


@pass_context
def _translate(context, msgid: str, /, **params: Any) -> str:
    """``_('English msgid', name=…)`` in a template: the catalog's text in the page's language."""
    return gettext(msgid, _page_lang(context), **params)


@pass_context
def _translate_in(context, msgctxt: str, msgid: str, /, **params: Any) -> str:
    """``pgettext('context', 'English msgid', name=…)`` in a template: for an English word that stands for
    several Chinese ones (``pgettext('case details', 'Due')`` is 办理期限, ``_('Due')`` is 期限)."""
    return pgettext(msgctxt, msgid, _page_lang(context), **params)


@pass_context
def _translate_count(context, singular: str, plural: str, n: int, /, **params: Any) -> str:
    """``ngettext('{count} case', '{count} cases', n, count=n)`` in a template: the form for ``n``."""
    return ngettext(singular, plural, n, _page_lang(context), **params)


@pass_context
def _translate_count_in(context, msgctxt: str, singular: str, plural: str, n: int, /, **params: Any) -> str:
    """``npgettext('context', '{count} …', '{count} …s', n, count=n)`` in a template."""
    return npgettext(msgctxt, singular, plural, n, _page_lang(context), **params)


templates.env.globals.update(
    _=_translate, pgettext=_translate_in, ngettext=_translate_count, npgettext=_translate_count_in
)

router = APIRouter(include_in_schema=False)


# --- plumbing --------------------------------------------------------------------------------------


def _services(request: Request) -> Any:
    return request.app.state.services


def _cases(request: Request):
    return _services(request).cases


def _lang(request: Request) -> str:
    from ..language import language

    return language(request)


def install(app: FastAPI) -> None:
    """Serve the console's pages and its static files (CSS, the vendored htmx) on ``app``."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="console-static")


def _page(request: Request, template: str, user: dict | None, status: int = 200, **context: Any) -> HTMLResponse:
    say = Say(_lang(request))
    response = templates.TemplateResponse(
        request,
        template,
        {
            "say": say,
            "user": user,
            "csrf": auth.csrf_token(request) if user else "",
            "path": request.url.path,
            "today": _cases(request).today(),
            **context,
        },
        status_code=status,
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def _login_redirect(request: Request) -> RedirectResponse:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target)}", status_code=303)


def _safe_next(target: str | None) -> str:
    return target if target and target.startswith("/") and not target.startswith("//") else "/inbox"


async def _form(request: Request) -> dict[str, str]:
    data = await request.form()
    return {key: str(value) for key, value in data.items()}


async def _signed_post(request: Request) -> tuple[dict, dict[str, str], Any] | Response:
    """The signed-in user, the posted form's fields and the form itself (for repeated fields), its CSRF
    token checked: what every form that writes starts with. Otherwise the response to send instead
    (to the login page, or 403)."""
    user = auth.session_user(request)
    if user is None:
        return _login_redirect(request)
    data = await request.form()
    form = {key: str(value) for key, value in data.items()}
    if not auth.check_csrf(request, form.get("csrf_token")):
        return _csrf_refused(request, user)
    return user, form, data


def _csrf_refused(request: Request, user: dict) -> HTMLResponse:
    return _page(
        request,
        "message.html",
        user,
        403,
        title=Message("request expired"),
        message=Message("The page expired (CSRF check failed); reload and retry."),
    )


def _not_found(request: Request, user: dict, case_id: str) -> HTMLResponse:
    return _page(
        request, "message.html", user, 404, title=Message("page: not found"), message=CaseNotFound(case_id).message
    )


# --- login, language ---------------------------------------------------------------------------


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request, next: str | None = None):
    return _page(request, "login.html", None, next=_safe_next(next), error=None, name="")


@router.post("/login")
async def login(request: Request):
    form = await _form(request)
    if not auth.same_site(request):  # a form on another site logging this browser in (login CSRF)
        return _page(request, "login.html", None, 403, next="/inbox", error=auth.CROSS_SITE, name="")
    target = _safe_next(form.get("next"))
    response = RedirectResponse(target, status_code=303)
    error = auth.log_in(request, response, form.get("name", "").strip(), form.get("password", ""))
    if error is not None:
        return _page(request, "login.html", None, 401, next=target, error=error, name=form.get("name", ""))
    return response


@router.post("/logout")
async def logout(request: Request):
    user = auth.session_user(request)
    form = await _form(request)
    if user is not None and not auth.check_csrf(request, form.get("csrf_token")):
        return _csrf_refused(request, user)
    response = RedirectResponse("/login", status_code=303)
    auth.log_out(request, response)
    return response


@router.get("/lang/{lang}")
def switch_language(lang: str, next: str | None = None):
    """A display preference only (no state of the application changes)."""
    response = RedirectResponse(_safe_next(next), status_code=303)
    response.set_cookie("zm_lang", lang if lang in LANGS else "zh", samesite="lax", max_age=365 * 86400)
    return response


# --- inbox and case list ---------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    return RedirectResponse("/inbox", status_code=303)


@router.get("/inbox", response_class=HTMLResponse)
def inbox(request: Request):
    """我的待办: open cases this user needs to know on which the user can act now (fast-track and overdue
    first, then by due date, as the service orders them)."""
    user = auth.session_user(request)
    if user is None:
        return _login_redirect(request)
    service = _cases(request)
    rows, _ = service.list(viewer=user["name"], still_open=True)
    state_of = {row["case_id"]: row["state"] for row in rows}
    waiting_on: dict[str, set[str]] = {}
    for case_id, allowed in allowed_on(service, state_of, user["name"]).items():
        if state_of[case_id] != "consent":
            allowed -= {"consent"}  # a consent recorded may still be changed, but nothing waits on it
        if allowed:  # else nothing waits for this user: the case is not read in full
            waiting_on[case_id] = allowed
    waiting = []
    ordered = [case_id for case_id in state_of if case_id in waiting_on]  # in the list's order
    for view in service.views(ordered, viewer=user["name"]):  # the cases waiting, read together
        offers = offered(view, user, waiting_on[view["case_id"]])
        if offers:
            late, since = lateness(view, service.today())
            waiting.append({"view": view, "offers": offers, "late": late, "since": since})
    return _page(request, "inbox.html", user, items=waiting, reveals=_reveals_waiting(request, user))


def _reveals_waiting(request: Request, user: dict) -> list[dict[str, Any]]:
    """Reveal requests waiting for this user: to decide (a custodian, not the requester), or to see (the
    requester, once approved)."""
    from ...lifecycle.custody import custodian_misfit

    custody = _services(request).custody
    waiting = []
    if custodian_misfit(SimpleNamespace(**user)) is None:
        waiting += [
            r for r in custody.requests(status="pending", viewer=user["name"]) if r["requester"] != user["name"]
        ]
    waiting += [r for r in custody.requests(status="approved", viewer=user["name"]) if r["requester"] == user["name"]]
    return waiting


@router.get("/cases", response_class=HTMLResponse)
def case_list(
    request: Request,
    q: str = "",
    state: str = "",
    jurisdiction: str = "",
    overdue: str = "",
    page: int = 1,
):
    user = auth.session_user(request)
    if user is None:
        return _login_redirect(request)
    service = _cases(request)
    page = max(page, 1)
    state_code = state_from_input(state) if state else None
    unknown_state = bool(state.strip()) and state_code is None
    rows, total = (
        ([], 0)
        if unknown_state
        else service.list(
            viewer=user["name"],
            search=q.strip() or None,
            state=state_code,
            jurisdiction=jurisdiction.strip() or None,
            overdue=bool(overdue),
            limit=PAGE_SIZE,
            offset=(page - 1) * PAGE_SIZE,
        )
    )
    views = service.views([row["case_id"] for row in rows], viewer=user["name"])  # the page's cases, read together
    subjects = {view["case_id"]: subject_of(view["document"]).get("name", "") for view in views}
    context = {
        "rows": rows,
        "subjects": subjects,
        "total": total,
        "page": page,
        "pages": max(1, -(-total // PAGE_SIZE)),
        "q": q,
        "state": state,
        "unknown_state": unknown_state,
        "jurisdiction": jurisdiction,
        "overdue": bool(overdue),
        "states": state_choices(Say(_lang(request))),
        "jurisdictions": _jurisdictions(request),
        "query": lambda p: _query(q, state, jurisdiction, overdue, p),
    }
    name = "cases_results.html" if request.headers.get("hx-request") else "cases.html"
    return _page(request, name, user, **context)


def _query(q: str, state: str, jurisdiction: str, overdue: str, page: int) -> str:
    from urllib.parse import urlencode

    return "/cases?" + urlencode(
        {"q": q, "state": state, "jurisdiction": jurisdiction, "overdue": overdue, "page": page}
    )


def _jurisdictions(request: Request) -> list[tuple[str, str]]:
    registry = _cases(request).engine.registry
    say = Say(_lang(request))
    return [(jid, say.text(registry.records[jid].info.names)) for jid in registry.ids() if jid != "core"]


# --- intake ----------------------------------------------------------------------------------------


@router.get("/intake", response_class=HTMLResponse)
def intake_page(request: Request, kind: str = "clarification"):
    user = auth.session_user(request)
    if user is None:
        return _login_redirect(request)
    kind = kind if kind in intake_form.KINDS else "clarification"
    values = {"/jurisdiction": user.get("jurisdiction") or ""}
    if user.get("organ"):
        values |= {"/handling/organ": user["organ"], "/handling/level": user["level"]}
    return _intake(request, user, kind, values, {})


def _intake(
    request: Request, user: dict, kind: str, values: dict, problems: dict, status: int = 200, revise: dict | None = None
):
    """The intake form: a new case, or (``revise``: ``{"mode": "resume"|"amend", "view": …}``) an update of one."""
    return _page(
        request,
        "intake.html",
        user,
        status,
        revise=revise,
        kind=kind,
        kinds=intake_form.KINDS,
        sections=intake_form.sections(kind),
        values=values,
        problems=problems,
        reporter_fields=intake_form.REPORTER_FIELDS,
        jurisdictions=_jurisdictions(request),
    )


@router.post("/intake")
async def intake_submit(request: Request):
    posted = await _signed_post(request)
    if isinstance(posted, Response):
        return posted
    user, form, _data = posted
    kind = form.get("kind", "clarification")
    kind = kind if kind in intake_form.KINDS else "clarification"
    document = intake_form.document_from_form(kind, form)
    try:
        view = _cases(request).open(document, actor=user["name"])
    except InvalidDocument as exc:
        return _intake_refused(request, user, kind, document, exc.problems)
    except UnknownJurisdiction as exc:
        message = Message("jurisdiction {jurisdiction} is not installed", jurisdiction=exc.jurisdiction)
        return _intake_refused(request, user, kind, document, [Problem("/jurisdiction", message)])
    except LifecycleError as exc:
        return _intake_refused(request, user, kind, document, [Problem("", exc.message)])
    return RedirectResponse(f"/cases/{quote(view['case_id'], safe='')}?done=open", status_code=303)


def _intake_refused(request, user, kind, document, problems, revise: dict | None = None):
    form = intake_form.sections(kind)
    values = intake_form.form_values(document)
    return _intake(request, user, kind, values, intake_form.problems_by_field(form, problems), 422, revise)


# --- updating a case through the intake form: resume a deferred case, amend an intake ---------------

REVISIONS = {"resume", "amend"}


@router.get("/cases/{case_id}/{mode}", response_class=HTMLResponse)
def revise_page(request: Request, case_id: str, mode: str):
    """The intake form filled with the stored document (the reporter's identity stays sealed: left empty,
    it is kept)."""
    user = auth.session_user(request)
    if user is None:
        return _login_redirect(request)
    try:
        view = _cases(request).show(case_id, history=False, viewer=user["name"])
    except CaseNotFound:
        return _not_found(request, user, case_id)
    if mode not in REVISIONS:
        return _not_found(request, user, case_id)
    values = intake_form.form_values(view["document"])
    return _intake(request, user, view["kind"], values, {}, revise={"mode": mode, "view": view})


@router.post("/cases/{case_id}/{mode}")
async def revise_submit(request: Request, case_id: str, mode: str):
    posted = await _signed_post(request)
    if isinstance(posted, Response):
        return posted
    user, form, _data = posted
    service = _cases(request)
    try:
        view = service.show(case_id, history=False, viewer=user["name"])
    except CaseNotFound:
        return _not_found(request, user, case_id)
    if mode not in REVISIONS:
        return _not_found(request, user, case_id)
    revise = {"mode": mode, "view": view}
    document = intake_form.document_from_form(view["kind"], form)
    lang = _lang(request)
    service = service.reading(lang)  # the case as updated comes back in the reader's language
    try:
        if mode == "resume":
            done = service.resume(case_id, document, actor=user["name"])
        else:
            version = int(form["version"]) if form.get("version", "").isdigit() else None
            has_reporter = "reporter" in document
            done = service.amend(
                case_id, document, actor=user["name"], expected_version=version, merge_reporter=has_reporter
            )
    except InvalidDocument as exc:
        return _intake_refused(request, user, view["kind"], document, exc.problems, revise)
    except CaseNotFound:
        return _not_found(request, user, case_id)
    except LifecycleError as exc:
        fields = list(getattr(exc, "fields", ()) or ([exc.field] if getattr(exc, "field", None) else []))
        problems = [Problem(f, exc.message) for f in fields] or [Problem("", exc.message)]
        return _intake_refused(request, user, view["kind"], document, problems, revise)
    return _page(
        request,
        "case.html",
        user,
        done=mode,
        changed=_changed(view["kind"], done, lang),
        reset=bool(done.get("approvals_reset")),
        error=None,
        conflict=False,
        kept={},
        **_case_context(request, user, done),
    )


def _changed(kind: str, done: dict, lang: str) -> list[str]:
    """What an update changed, by the fields' Chinese (or English) names and their values."""
    changes = done.get("changes") or ()
    try:
        from ...lifecycle.corrections import change_lines

        return change_lines(changes, lang, done.get("document") or {})
    except ImportError:  # a service without corrections: the field names only
        say = Say(lang)
        return [say.text(intake_form.field_label(kind, c["pointer"])) for c in changes]


# --- the case page and its actions -------------------------------------------------------------


def _case_context(request: Request, user: dict, view: dict) -> dict[str, Any]:
    from ...letters import CASE_KINDS

    service = _cases(request)
    letters = [kind for kind, kinds in CASE_KINDS.items() if view["kind"] in kinds]
    return _custody_context(request, user, view) | {
        "view": view,
        "subject": subject_of(view["document"]),
        "facts": intake_form.facts(view["kind"], view["document"]),
        "offers": {o.name: o for o in offered(view, user, allowed_ids(service, view["case_id"], user["name"]))},
        "explained": _explain(service, view),
        "citations": _citations(view["decision"]),
        "letters": letters,
        "late": lateness(view, service.today())[0],
        "terminal": view["state"] in TERMINAL,
    }


def _custody_context(request: Request, user: dict, view: dict) -> dict[str, Any]:
    """Reporter custody on the case page: its reveal requests (never identities) and what this user may do."""
    from ...lifecycle.custody import HANDLING_ROLES, custodian_misfit
    from ...lifecycle.tracing import tracing_allowed

    custody = _services(request).custody
    reveals = custody.requests(case_id=view["case_id"], viewer=user["name"])
    tracing = tracing_allowed(view["kind"], view["decision"])
    sealed = view["reporter"]["sealed"] or any(p.get("sealed") for p in view.get("parties") or ())
    handling = bool(HANDLING_ROLES & set(user["roles"]))
    return {
        "reveals": reveals,
        "tracing": tracing,
        "can_request": sealed and handling and tracing.allowed,
        "can_decide": custodian_misfit(SimpleNamespace(**user)) is None,
        "can_feedback": handling and bool((view["document"].get("report") or {}).get("real_name")),
    }


def _explain(service, view: dict) -> list[dict[str, Any]]:
    """Which plugin answered each part of the decision (the engine's own resolution, as ``explain``)."""
    from ...errors import ZhengmingError
    from ...explain import explain

    try:
        found = explain(service.engine.registry, view["document"], today=service.today())
    except (ZhengmingError, ValueError, KeyError):
        return []
    return [
        {"hook": step.hook, "answered_by": list(step.answered_by), "adjusted_by": list(step.adjusted_by)}
        for step in found.steps
    ]


def _citations(decision: Any, path: str = "") -> list[tuple[str, list[dict]]]:
    """Every part of the decision that cites its source: (part, citations)."""
    found: list[tuple[str, list[dict]]] = []
    if isinstance(decision, dict):
        if decision.get("citations"):
            found.append((path or "/", decision["citations"]))
        for key, value in decision.items():
            if key != "citations":
                found += _citations(value, f"{path}/{key}")
    elif isinstance(decision, list):
        for index, value in enumerate(decision):
            found += _citations(value, f"{path}/{index}")
    return found


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(request: Request, case_id: str, done: str | None = None):
    user = auth.session_user(request)
    if user is None:
        return _login_redirect(request)
    try:
        view = _cases(request).show(case_id, viewer=user["name"], lang=_lang(request))
    except CaseNotFound:
        return _not_found(request, user, case_id)
    return _page(
        request, "case.html", user, done=done, error=None, conflict=False, kept={}, **_case_context(request, user, view)
    )


def _day(value: str | None, field: str = "/date") -> date | None:
    """The form's ``field`` (``YYYY-MM-DD``, a real day) as a date; refused with the command line's words."""
    if not value:
        return None
    if not is_contract_date(value):
        raise InvalidValue(field, NOT_A_DAY.format(value=value))
    return date.fromisoformat(value)


def _comment(form: dict[str, str]) -> dict[str, Any]:
    """A step's comment, and the date it was signed on paper when given (纸质审批补录)."""
    paper = {"given_on": _day(form["given_on"].strip(), "/given_on")} if form.get("given_on") else {}
    return {"comment": form.get("comment", "").strip(), **paper}


def _revisit_dates(form: dict[str, str]) -> list[date]:
    days = form.get("dates", "").replace("，", ",").split(",")
    return [d for d in (_day(x.strip(), "/dates") for x in days) if d]


# The case page's lifecycle forms: the form's name, the lifecycle table's action (.table.ACTIONS) and its
# parameters read from the form (with the recipients ticked and the office's today).
FormReader = Callable[[dict[str, str], list[str], date], dict[str, Any]]
FORMS: dict[str, tuple[str, FormReader]] = {
    "approve": ("approve", lambda form, _recipients, _today: _comment(form)),
    "reject": ("reject", lambda form, _recipients, _today: _comment(form)),
    "send_back": ("send_back", lambda form, _recipients, _today: _comment(form)),
    "consent": (
        "consent",
        lambda form, _recipients, _today: {
            "status": form.get("status", ""),
            "comment": form.get("comment", "").strip(),
        },
    ),
    "clarify": (
        "clarify",
        lambda form, _recipients, _today: {
            "method": form.get("method", ""),
            "on": _day(form.get("date")),
            "scope": form.get("scope", "").strip(),
        },
    ),
    "notify": ("notify", lambda form, recipients, _today: {"recipients": recipients, "on": _day(form.get("date"))}),
    "archive": ("archive", lambda _form, _recipients, _today: {}),
    "plan_revisits": ("plan_revisits", lambda form, _recipients, _today: {"dates": _revisit_dates(form)}),
    "record_revisit": (
        "revisit",
        lambda form, _recipients, _today: {
            "on": _day(form.get("date")),
            "method": form.get("method") or None,
            "target": form.get("target") or None,
            "note": form.get("note", "").strip(),
        },
    ),
    "talk": ("talk", lambda form, _recipients, today: {"on": _day(form.get("date")) or today}),
    "rectification": ("rectification", lambda form, _recipients, _today: {"rectified": form.get("rectified") == "yes"}),
    "close": ("close", lambda form, _recipients, _today: {"reason": form.get("reason", "").strip() or None}),
}
CUSTODY_FORMS = frozenset({"reveal_request", "reveal_decide", "reveal_show", "feedback"})
ACTIONS = FORMS.keys() | CUSTODY_FORMS


def take_form_action(
    service, custody, name, case_id: str, actor: str, form: dict[str, str], version: int | None, recipients
):
    """Take the action of the form ``name`` (a lifecycle action of :data:`FORMS`, else a custody one)."""
    if name in FORMS:
        action_id, read = FORMS[name]
        params = read(form, recipients, service.today())
        return service.act(case_id, action_id, actor, expected_version=version, **params)
    return _custody_action(custody, name, case_id, actor, form, service.today())


def _custody_action(custody, name: str, case_id: str, actor: str, form: dict[str, str], today: date):
    from datetime import timedelta

    if name == "reveal_request":
        return custody.request(case_id, actor, form.get("reason", ""))
    if name == "feedback":
        return custody.feedback(
            case_id,
            actor,
            channel=form.get("channel", "").strip(),
            summary=form.get("summary", "").strip(),
            on=_day(form.get("date")) or today,
        )
    try:
        request_id = int(form.get("request", ""))
    except ValueError:
        raise InvalidValue("/request", Message("must be a request number")) from None
    if request_id not in {r["id"] for r in custody.requests(case_id=case_id, viewer=actor)}:
        from ...lifecycle.custody import RequestNotFound

        raise RequestNotFound(request_id)
    if name == "reveal_decide":
        hours = form.get("hours", "24")
        return custody.decide(
            request_id,
            actor,
            approve=form.get("approve") == "yes",
            comment=form.get("comment", "").strip(),
            valid_for=timedelta(hours=int(hours) if hours.isdigit() else 0),
        )
    return custody.show(request_id, actor)


@router.post("/cases/{case_id}/actions/{name}")
async def case_action(request: Request, case_id: str, name: str):
    posted = await _signed_post(request)
    if isinstance(posted, Response):
        return posted
    user, form, data = posted
    recipients = [str(r) for r in data.getlist("recipients")]
    service = _cases(request)
    try:
        service.show(case_id, history=False, viewer=user["name"])
    except CaseNotFound:
        return _not_found(request, user, case_id)
    if name not in ACTIONS:
        return _not_found(request, user, case_id)
    try:
        version = int(form["version"]) if form.get("version") else None
    except ValueError:
        version = None
    try:
        result = take_form_action(
            service, _services(request).custody, name, case_id, user["name"], form, version, recipients
        )
    except CaseNotFound:
        return _not_found(request, user, case_id)
    except LifecycleError as exc:
        conflict = isinstance(exc, CaseConflict)
        view = service.show(case_id, viewer=user["name"], lang=_lang(request))
        since = [h for h in view.get("history", ()) if version is not None and conflict][-5:]
        return _page(
            request,
            "case.html",
            user,
            409 if conflict else 422,
            done=None,
            error=exc.message,
            conflict=conflict,
            since=since,
            kept={"action": name, **form, "recipients": recipients},
            **_case_context(request, user, view),
        )
    if name == "reveal_show":  # shown once, to the requester, never kept in a cache
        return _page(request, "identity.html", user, case_id=case_id, identity=result)
    return RedirectResponse(f"/cases/{quote(case_id, safe='')}?done={name}", status_code=303)


# --- letters and statistics ------------------------------------------------------------------------


@router.get("/cases/{case_id}/letters/{kind}.docx")
def letter(request: Request, case_id: str, kind: str):
    from ...letters import LetterNotApplicable, generate

    user = auth.session_user(request)
    if user is None:
        return _login_redirect(request)
    try:
        made = generate(_cases(request), case_id, kind, actor=user["name"])
    except CaseNotFound:
        return _not_found(request, user, case_id)
    except LetterNotApplicable as exc:
        return _page(request, "message.html", user, 404, title=Message("no such letter"), message=exc.message)
    filename = quote(f"{case_id}-{kind}.docx")
    return Response(
        made.docx,
        media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{filename}", "Cache-Control": "no-store"},
    )


def _report(request: Request, user: dict, start: date, end: date, by: str | None, jurisdiction: str | None):
    from sqlalchemy import select

    from ...reports.query import report
    from ...store.models import User

    service = _cases(request)
    with service.store.transaction() as session:
        viewer = session.scalars(select(User).where(User.name == user["name"])).one()
        return report(session, start, end, jurisdiction=jurisdiction, by=by, today=service.today(), viewer=viewer)


def _period(start: str, end: str, today: date) -> tuple[date, date]:
    try:
        first = date.fromisoformat(start) if start else date(today.year, 1, 1)
        last = date.fromisoformat(end) if end else date(today.year, 12, 31)
    except ValueError:
        first, last = date(today.year, 1, 1), date(today.year, 12, 31)
    return first, last


@router.get("/stats", response_class=HTMLResponse)
def stats(request: Request, start: str = "", end: str = "", by: str = "quarter", jurisdiction: str = ""):
    from ...reports.output import header, rows, title

    user = auth.session_user(request)
    if user is None:
        return _login_redirect(request)
    first, last = _period(start, end, _cases(request).today())
    by = by if by in ("quarter", "jurisdiction") else None
    data = _report(request, user, first, last, by, jurisdiction.strip() or None)
    lang = _lang(request)
    from urllib.parse import urlencode

    chart = "/stats/chart.svg?" + urlencode(
        {"start": first.isoformat(), "end": last.isoformat(), "by": by or "", "jurisdiction": jurisdiction}
    )
    return _page(
        request,
        "stats.html",
        user,
        title=title(data, lang),
        header=header(data, lang),
        rows=list(rows(data, lang)),
        start=first.isoformat(),
        end=last.isoformat(),
        by=by or "",
        jurisdiction=jurisdiction,
        jurisdictions=_jurisdictions(request),
        chart=chart,
    )


@router.get("/stats/chart.svg")
def stats_chart(request: Request, start: str = "", end: str = "", by: str = "quarter", jurisdiction: str = ""):
    import tempfile

    from ...reports.output import write_chart

    user = auth.session_user(request)
    if user is None:
        return Response(status_code=401)
    first, last = _period(start, end, _cases(request).today())
    data = _report(request, user, first, last, by if by in ("quarter", "jurisdiction") else None, jurisdiction or None)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "chart.svg"
        try:
            write_chart(data, path, _lang(request))
        except Exception:  # no CJK font on this machine: the table still stands
            return Response(status_code=204)
        body = io.BytesIO(path.read_bytes()).getvalue()
    return Response(body, media_type="image/svg+xml", headers={"Cache-Control": "no-store"})
