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

from .app import App

TOKEN_ENV = "ZHENGMING_TOKEN"
LOCAL_ADMIN_META = "zhengming.local_admin"


def local_mode() -> bool:
    return bool(click.get_current_context().find_root().meta.get(LOCAL_ADMIN_META))


def _token(app: App) -> str:
    from ..model import Text
    from ..security.errors import NotAuthenticated

    token = os.environ.get(TOKEN_ENV, "").strip()
    if token:
        return token
    if sys.stdin.isatty():
        return click.prompt(app._("token"), hide_input=True, err=True).strip()
    raise NotAuthenticated(
        Text(
            f"需要身份验证：请在 {TOKEN_ENV} 中提供本人的令牌（zhengming login 或管理员签发）",
            f"authentication needed: put your own token in {TOKEN_ENV} (zhengming login, or ask an administrator)",
        )
    )


def principal(app: App, store, scope: str, *, expected: str | None = None, admin_allowed: bool = False):
    """The authenticated principal, allowed ``scope``; ``expected`` (``--as``) must be that user."""
    from ..model import Text
    from ..security import authenticate, local_admin
    from ..security.errors import Forbidden

    if local_mode():
        if not admin_allowed:
            raise Forbidden(
                Text(
                    "本地管理员模式只能管理用户、令牌与密钥，不能以任何人的名义办理或查看案件；请使用本人令牌",
                    "the local administrator mode administers users, tokens and keys only, and never acts on "
                    "or reads cases in anyone's name: use your own token",
                )
            )
        return local_admin()
    who = authenticate(store, _token(app))
    if expected is not None and expected != who.name:
        raise Forbidden(
            Text(f"令牌属于 {who.name}，不是 {expected}", f"the token belongs to {who.name}, not {expected}")
        )
    if not who.allows(scope):
        raise Forbidden(
            Text(f"令牌的范围不含「{scope}」", f"the token's scopes ({', '.join(sorted(who.scopes))}) lack {scope!r}")
        )
    return who


def require_admin(app: App, store) -> str:
    """The administrator's name for the audit log (local mode, or a token of a user granted ``admin``)."""
    from ..security.admin import require_admin as check

    who = principal(app, store, "admin", admin_allowed=True)
    check(who)
    return who.name
