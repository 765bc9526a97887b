"""Who runs a command: the user whose token is in ``ZHENGMING_TOKEN`` (or typed at the prompt), or the
administrator's explicit local mode (``zhengming --local-admin``), recorded as ``local-admin:<login>``.

Nothing is recorded in the name of someone who did not authenticate: ``--as`` only states who the
caller expects to be and must match the token's user. The local mode administers (users, tokens,
keys, import) and never acts on cases.
"""

from __future__ import annotations

import os
import sys

import click

from ..i18n import Message
from .app import App

TOKEN_ENV = "ZHENGMING_TOKEN"
LOCAL_ADMIN_META = "zhengming.local_admin"


def local_mode() -> bool:
    return bool(click.get_current_context().find_root().meta.get(LOCAL_ADMIN_META))


def _token(app: App) -> str:
    from ..security.errors import NotAuthenticated

    token = os.environ.get(TOKEN_ENV, "").strip()
    if token:
        return token
    if sys.stdin.isatty():
        return click.prompt(app._("token"), hide_input=True, err=True).strip()
    raise NotAuthenticated(
        Message(
            "authentication needed: put your own token in {TOKEN_ENV} (zhengming login, or ask an administrator)",
            TOKEN_ENV=TOKEN_ENV,
        )
    )


def principal(app: App, store, scope: str, *, expected: str | None = None, admin_allowed: bool = False):
    """The authenticated principal, allowed ``scope``; ``expected`` (``--as``) must be that user."""
    from ..security import authenticate, local_admin
    from ..security.errors import Forbidden

    if local_mode():
        if not admin_allowed:
            raise Forbidden(
                Message(
                    "the local administrator mode administers users, tokens and keys only, and never acts on or reads cases in anyone's name: use your own token",
                )
            )
        return local_admin()
    who = authenticate(store, _token(app))
    if expected is not None and expected != who.name:
        raise Forbidden(Message("the token belongs to {name}, not {expected}", name=who.name, expected=expected))
    if not who.allows(scope):
        raise Forbidden(
            Message("the token's scopes ({scopes}) lack {scope!r}", scopes=", ".join(sorted(who.scopes)), scope=scope)
        )
    return who


def require_admin(app: App, store) -> str:
    """The administrator's name for the audit log (local mode, or a token of a user granted ``admin``)."""
    from ..security.admin import require_admin as check

    who = principal(app, store, "admin", admin_allowed=True)
    check(who)
    return who.name
