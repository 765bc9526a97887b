"""``zhengming users add|grant|passwd|list``: who may act on cases, with their organ, level, jurisdiction,
roles and duties. Only an administrator (``--local-admin``, or a token of a user granted ``admin``)
adds users or grants; every change is audited."""

from __future__ import annotations

import click

from ..model.enums import Level, Organ, Role
from .app import App, pass_app
from .auth import principal, require_admin
from .coded import Coded
from .storage import emit, json_option, open_cli_store, store_errors


def _user_line(user: dict, lang: str) -> str:
    from ..model import Level, Organ, Role
    from .case_text import name

    roles = "、".join([name(Role, r, lang) for r in user["roles"]] + list(user.get("grants") or ()))
    where = f" [{user['jurisdiction']}]" if user.get("jurisdiction") else ""
    return f"{user['name']:<16} {name(Level, user['level'], lang)}{name(Organ, user['organ'], lang)}{where}  {roles}"


@click.group()
def users() -> None:
    """Users and their seats (用户)."""


@users.command("add")
@click.argument("name")
@click.option("--organ", type=Coded(Organ), required=True, help="Code or name: discipline_commission (纪委监委), …")
@click.option(
    "--level", type=Coded(Level), required=True, help="province, city, county, township (省级, 市级, 县级, …)"
)
@click.option("--jurisdiction", help="The jurisdiction (subtree) the user works in, e.g. pingdingshan.lushan.")
@click.option(
    "--role", "roles", type=Coded(Role), multiple=True, help="A role of approval steps, code or name (repeatable)."
)
@click.option("--grant", "grants", multiple=True, type=click.Choice(["admin", "custodian"]), help="A system duty.")
@json_option
@pass_app
def add(app: App, name: str, organ, level, jurisdiction, roles, grants, as_json: bool) -> None:
    """Register a user (administrators only)."""
    from ..security.admin import create_user

    with store_errors(app):
        app.registry.require_installed(jurisdiction)  # exit 3
        store = open_cli_store()
        who = principal(app, store, "admin", admin_allowed=True)
        user = create_user(store, who, name, organ, level, list(roles), jurisdiction=jurisdiction, grants=list(grants))
        emit(app, user, as_json, lambda u, lang: app._("added: ") + _user_line(u, lang))


@users.command("grant")
@click.argument("name")
@click.option("--role", "roles", type=Coded(Role), multiple=True, help="Grant this role, code or name (repeatable).")
@click.option("--grant", "grants", multiple=True, type=click.Choice(["admin", "custodian"]), help="Grant a duty.")
@click.option("--revoke", is_flag=True, help="Withdraw the roles and duties named instead.")
@click.option("--jurisdiction", help="Set the jurisdiction.")
@click.option("--deactivate/--activate", "deactivate", default=None, help="Stop (or restore) the user's access.")
@json_option
@pass_app
def grant(app: App, name: str, roles, grants, revoke: bool, jurisdiction, deactivate, as_json: bool) -> None:
    """Grant or withdraw roles and duties (administrators only; audited)."""
    from ..security.admin import change_user

    changes = (
        {"remove_roles": list(roles), "remove_grants": list(grants)}
        if revoke
        else {"add_roles": list(roles), "add_grants": list(grants)}
    )
    if deactivate is not None:
        changes["active"] = not deactivate
    with store_errors(app):
        app.registry.require_installed(jurisdiction)  # exit 3
        store = open_cli_store()
        who = principal(app, store, "admin", admin_allowed=True)
        user = change_user(store, who, name, jurisdiction=jurisdiction, **changes)
        emit(app, user, as_json, lambda u, lang: app._("updated: ") + _user_line(u, lang))


@users.command("passwd")
@click.argument("name")
@pass_app
def passwd(app: App, name: str) -> None:
    """Set a user's password (argon2id): your own, or anyone's as an administrator."""
    from ..security.admin import set_password

    with store_errors(app):
        store = open_cli_store()
        who = principal(app, store, "read", admin_allowed=True)
        password = click.prompt(app._("new password"), hide_input=True, confirmation_prompt=True, err=True)
        set_password(store, who, name, password)
    click.echo(app._("password set for {name}", name=name))


@users.command("list")
@json_option
@pass_app
def list_(app: App, as_json: bool) -> None:
    """Every user (administrators only)."""
    from ..lifecycle import list_users

    with store_errors(app):
        store = open_cli_store()
        require_admin(app, store)
        emit(app, list_users(store), as_json, lambda us, lang: "\n".join(_user_line(u, lang) for u in us))
