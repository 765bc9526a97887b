"""``zhengming custody request|decide|show|requests|feedback``: the reporter's identity under custody.

A handling officer asks with a reason; a different custodian (county-level or higher discipline
commission) approves or refuses; the requester sees the identity once before the approval expires.
Feedback to a real-name reporter is recorded without the identity.
"""

from __future__ import annotations

from datetime import timedelta

import click

from ..clock import office_today
from ..i18n import Message
from .app import App, pass_app
from .auth import principal
from .case_text import party_list
from .storage import DATE, emit, json_option, open_cli_store, store_errors


def _custody(app: App, scope: str):
    from ..lifecycle.custody import Custody

    store = open_cli_store()
    return Custody(store), principal(app, store, scope).name


def _request_text(app: App):
    def text(r: dict, _lang: str) -> str:
        status = {
            "pending": Message("reveal request: pending"),
            "approved": Message("reveal request: approved"),
            "refused": Message("reveal request: refused"),
            "shown": Message("reveal request: shown"),
            "expired": Message("reveal request: expired"),
        }[r["status"]].render(app.lang)
        until = app._(", valid until {expires_at}", expires_at=r["expires_at"]) if r["expires_at"] else ""
        return app._(
            "request {id} (case {case_id}, by {requester}): {status}{until}; reason: {reason}",
            id=r["id"],
            case_id=r["case_id"],
            requester=r["requester"],
            status=status,
            until=until,
            reason=r["reason"],
        )

    return text


@click.group()
def custody() -> None:
    """The reporter's identity under custody (举报人身份保管)."""


@custody.command("request")
@click.argument("case_id")
@click.option("--reason", required=True, help="Why the identity is needed (recorded).")
@json_option
@pass_app
def request(app: App, case_id: str, reason: str, as_json: bool) -> None:
    """Ask to see the reporter's identity (a handling officer of the case)."""
    with store_errors(app):
        service, who = _custody(app, "custody")
        emit(app, service.request(case_id, who, reason), as_json, _request_text(app))


@custody.command("decide")
@click.argument("request_id", type=int)
@click.option("--approve/--refuse", required=True, help="Approve or refuse the request.")
@click.option("--comment", default="", help="Recorded with the decision.")
@click.option("--hours", type=click.IntRange(1, 168), default=24, show_default=True, help="How long an approval lasts.")
@json_option
@pass_app
def decide(app: App, request_id: int, approve: bool, comment: str, hours: int, as_json: bool) -> None:
    """Approve or refuse a request (a custodian who is not the requester)."""
    with store_errors(app):
        service, who = _custody(app, "custody")
        view = service.decide(request_id, who, approve=approve, comment=comment, valid_for=timedelta(hours=hours))
        emit(app, view, as_json, _request_text(app))


@custody.command("show")
@click.argument("request_id", type=int)
@json_option
@pass_app
def show(app: App, request_id: int, as_json: bool) -> None:
    """See the identity of an approved request: the requester only, once."""
    with store_errors(app):
        service, who = _custody(app, "custody")
        identity = service.show(request_id, who)
    emit(
        app,
        identity,
        as_json,
        lambda d, _l: (
            "\n".join(f"{k}: {v}" for k, v in d.items() if k != "concerns")
            + ("\n" + f"{app._('concerns')}: {party_list(d['concerns'], app.lang)}" if d.get("concerns") else "")
            + app._("\n(shown this once; recorded in the audit log)")
        ),
    )


@custody.command("requests")
@click.option("--case", "case_id", help="Only this case's requests.")
@click.option("--status", type=click.Choice(["pending", "approved", "refused", "shown", "expired"]))
@json_option
@pass_app
def requests(app: App, case_id: str | None, status: str | None, as_json: bool) -> None:
    """Reveal requests (never identities)."""
    with store_errors(app):
        service, who = _custody(app, "custody")
        rows = service.requests(case_id=case_id, status=status, viewer=who)
    text = _request_text(app)
    emit(app, rows, as_json, lambda rs, lang: "\n".join(text(r, lang) for r in rs))


@custody.command("feedback")
@click.argument("case_id")
@click.option("--channel", required=True, help="How the reporter was told (letter, phone, platform, …).")
@click.option("--summary", required=True, help="What they were told.")
@click.option("--date", "on", type=DATE, help="When (default today).")
@json_option
@pass_app
def feedback(app: App, case_id: str, channel: str, summary: str, on, as_json: bool) -> None:
    """Record feedback given to a real-name reporter (反馈), without their identity."""

    with store_errors(app):
        service, who = _custody(app, "act")
        view = service.feedback(case_id, who, channel=channel, summary=summary, on=on.date() if on else office_today())
    emit(app, view, as_json, lambda v, _l: app._("feedback recorded ({channel})", channel=v["channel"]))
