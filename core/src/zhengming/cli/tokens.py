"""``zhengming token issue|list|revoke`` and ``zhengming login``: API tokens, shown once, stored hashed."""

from __future__ import annotations

import click

from .app import App, pass_app
from .auth import principal
from .storage import emit, json_option, open_cli_store, store_errors

SCOPE_HELP = "intake, read, act, custody, admin (repeatable; default: intake read act custody)."


def _shown_once(app: App, secret: str, view: dict, as_json: bool) -> None:
    from ..clock import localize

    view = localize(view)
    if as_json:
        emit(app, view | {"token": secret}, True, None)
        return
    click.echo(secret)
    click.echo(
        app._(
            "the token above is shown this once (user {user}, scopes {scopes}, expires {expires_at}). Put it in ZHENGMING_TOKEN.",
            user=view["user"],
            scopes=" ".join(view["scopes"]),
            expires_at=view["expires_at"][:16].replace("T", " "),
        ),
        err=True,
    )


@click.group()
def token() -> None:
    """API tokens (令牌): scoped, expiring, revocable."""


@token.command("issue")
@click.argument("user")
@click.option("--scope", "scopes", multiple=True, help=SCOPE_HELP)
@click.option("--days", type=int, default=90, show_default=True, help="Valid for this many days (≤ 366).")
@click.option("--label", default="", help="What the token is for (e.g. report platform).")
@json_option
@pass_app
def issue(app: App, user: str, scopes, days: int, label: str, as_json: bool) -> None:
    """Issue a token for USER (administrators; or yourself, within your own token's scopes)."""
    from ..security import issue_token
    from ..security.tokens import DEFAULT_SCOPES

    with store_errors(app):
        store = open_cli_store()
        who = principal(app, store, "read", admin_allowed=True)
        secret, view = issue_token(store, user, actor=who, scopes=scopes or DEFAULT_SCOPES, days=days, label=label)
    _shown_once(app, secret, view, as_json)


@token.command("list")
@json_option
@pass_app
def list_(app: App, as_json: bool) -> None:
    """Tokens (never their secret): all as an administrator, else your own."""
    from ..security import list_tokens

    with store_errors(app):
        store = open_cli_store()
        who = principal(app, store, "read", admin_allowed=True)
        rows = list_tokens(store, actor=who)

    def text(rows, _lang):
        return "\n".join(
            f"{r['id']:>4} {r['user']:<16} {' '.join(r['scopes']):<30} {r['expires_at'][:10]}"
            + (app._(" revoked") if r["revoked"] else "")
            for r in rows
        )

    emit(app, rows, as_json, text)


@token.command("revoke")
@click.argument("token_id", type=int)
@json_option
@pass_app
def revoke(app: App, token_id: int, as_json: bool) -> None:
    """Revoke a token by its number (your own, or any as an administrator)."""
    from ..security import revoke_token

    with store_errors(app):
        store = open_cli_store()
        who = principal(app, store, "read", admin_allowed=True)
        view = revoke_token(store, token_id, actor=who)
    emit(app, view, as_json, lambda v, _l: app._("token {id} revoked", id=v["id"]))


@click.command("login")
@click.argument("user")
@click.option("--days", type=int, default=1, show_default=True, help="Valid for this many days.")
@json_option
@pass_app
def login(app: App, user: str, days: int, as_json: bool) -> None:
    """Exchange your password for a token of your own (printed once)."""
    from ..security.admin import login as run

    with store_errors(app):
        store = open_cli_store()
        password = click.prompt(app._("password"), hide_input=True, err=True)
        secret, view = run(store, user, password, days=days)
    _shown_once(app, secret, view, as_json)
