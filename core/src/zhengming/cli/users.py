"""``zhengming users add|list``: who may act on cases, with their organ, level and roles."""

from __future__ import annotations

import click

from .app import App, pass_app
from .storage import emit, json_option, open_cli_store, store_errors


def _user_line(user: dict, lang: str) -> str:
    from ..model import Level, Organ, Role
    from .case_text import name

    roles = "、".join(name(Role, r, lang) for r in user["roles"])
    return f"{user['name']:<16} {name(Level, user['level'], lang)}{name(Organ, user['organ'], lang)}  {roles}"


@click.group()
def users() -> None:
    """Users and their seats (用户)."""


@users.command("add")
@click.argument("name")
@click.option("--organ", required=True, help="party_committee, discipline_commission, dispatched_agency, …")
@click.option("--level", required=True, help="province, city, county, township")
@click.option("--role", "roles", multiple=True, required=True, help="A role of approval steps (repeatable).")
@json_option
@pass_app
def add(app: App, name: str, organ: str, level: str, roles: tuple[str, ...], as_json: bool) -> None:
    """Register a user."""
    from ..lifecycle import add_user

    with store_errors(app):
        user = add_user(open_cli_store(), name, organ, level, list(roles))
        emit(app, user, as_json, lambda u, lang: app.say("已添加：", "added: ") + _user_line(u, lang))


@users.command("list")
@json_option
@pass_app
def list_(app: App, as_json: bool) -> None:
    """Every user."""
    from ..lifecycle import list_users

    with store_errors(app):
        emit(app, list_users(open_cli_store()), as_json, lambda us, lang: "\n".join(_user_line(u, lang) for u in us))
