"""``zhengming key fingerprint|rotate``: the key kept outside the database."""

from __future__ import annotations

import click

from .app import App, pass_app
from .storage import emit, json_option, open_cli_store, store_errors


@click.group()
def key() -> None:
    """The key that seals reporter identities and keys the audit log (密钥)."""


@key.command("fingerprint")
@json_option
@pass_app
def fingerprint(app: App, as_json: bool) -> None:
    """The key's fingerprint, and the one the database is bound to (they must match)."""
    from ..store.audit import BINDING_ID
    from ..store.models import KeyBinding

    with store_errors(app):
        store = open_cli_store()
        with store.transaction() as session:
            binding = session.get(KeyBinding, BINDING_ID)
        keyring = store.keyring
        data = {
            "source": keyring.source,
            "fingerprint": keyring.fingerprint,
            "retired": len(keyring.retired),
            "database": binding.fingerprint if binding else None,
        }

    def text(d: dict, _lang: str) -> str:
        bound = d["database"] or app._("(not bound yet)")
        match = d["database"] in (None, d["fingerprint"])
        verdict = app._("match") if match else app._("DIFFER!")
        return app._(
            "key {source}: fingerprint {fingerprint}\ndatabase bound to: {bound} ({verdict})",
            source=d["source"],
            fingerprint=d["fingerprint"],
            bound=bound,
            verdict=verdict,
        )

    emit(app, data, as_json, text)
    if data["database"] not in (None, data["fingerprint"]):
        raise SystemExit(1)


@key.command("rotate")
@json_option
@pass_app
def rotate(app: App, as_json: bool) -> None:
    """Make a new key and re-seal every identity under it in one transaction (run again to resume)."""
    from ..store.rotation import rotate as run
    from .auth import require_admin

    with store_errors(app):
        store = open_cli_store()
        actor = require_admin(app, store)
        result = run(store, actor=actor)
    emit(
        app,
        {"old": result.old, "new": result.new, "resealed": result.resealed, "resumed": result.resumed},
        as_json,
        lambda d, _lang: app._(
            "key rotated: {old} → {new}, {resealed} reporter identities re-sealed. Back up the new key file now.",
            old=d["old"],
            new=d["new"],
            resealed=d["resealed"],
        ),
    )
