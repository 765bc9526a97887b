"""``zhengming serve``: the HTTP API (and the console, where installed) on the store named by ``--db``."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import click

from ..clock import DEFAULT_TIMEZONE, ENVIRONMENT, UnknownTimezone, office_zone
from .app import App, pass_app
from .storage import announce_key, db_location, store_errors


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: any free one).")
@click.option(
    "--timezone",
    default=DEFAULT_TIMEZONE,
    envvar=ENVIRONMENT,
    show_default=True,
    show_envvar=True,
    help="The office's time zone: timestamps are shown in it, and its days date cases and deadlines.",
)
@click.option(
    "--behind-proxy",
    is_flag=True,
    help="A TLS proxy on this machine forwards to us: trust its X-Forwarded-Proto/For (cookies become Secure).",
)
@click.option(
    "--demo",
    is_flag=True,
    help="Demo officers (password printed) and cases, in a throwaway database (or in the --db given, if it has no users).",
)
@pass_app
def serve(app: App, host: str, port: int, timezone: str, behind_proxy: bool, demo: bool) -> None:
    """Serve the API at http://HOST:PORT/api (OpenAPI at /docs) on the embedded default or --db.

    Runs in the foreground until interrupted; every request is its own transaction, so stopping (even
    killing) the server loses nothing that was answered.
    """
    from ..store import open_store
    from ..web import create_app

    try:
        office_zone(timezone)
        os.environ[ENVIRONMENT] = timezone  # the server's office zone, wherever a day or a wall time is shown
    except UnknownTimezone:
        raise click.BadParameter(
            app._("unknown time zone {timezone!r}", timezone=timezone), param_hint="--timezone"
        ) from None
    with store_errors(app), contextlib.ExitStack() as stack:
        if demo and not _db_given():  # never into the user's own default database (nor ZHENGMING_DB's)
            from ..store.crypto import Keyring

            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="zhengming-console-demo-"))
            store = open_store(str(Path(folder) / "demo.sqlite"), keyring=Keyring.generate())
        else:
            store = open_store(db_location())
            announce_key(store.keyring)
        application = create_app(store=store, registry=app.registry, timezone=timezone)
        if demo:
            seed_demo(app, application.state.services.cases)
        _run(app, application, host, port, behind_proxy)


def _db_given() -> bool:
    """Whether ``--db`` was typed on this command line (not taken from ``ZHENGMING_DB`` or the default)."""
    root = click.get_current_context().find_root()
    return root.get_parameter_source("db_location") == click.core.ParameterSource.COMMANDLINE


def _run(app: App, application, host: str, port: int, behind_proxy: bool) -> None:
    import uvicorn

    click.echo(
        app._(
            "zhengming serving: console at http://{host}:{port}/, API at /api (docs at /docs); Ctrl+C stops",
            host=host,
            port=port,
        ),
        err=True,
    )
    uvicorn.run(
        application,
        host=host,
        port=port,
        log_level="info",
        proxy_headers=behind_proxy,
        forwarded_allow_ips="127.0.0.1" if behind_proxy else None,
    )


def seed_demo(app: App, service) -> None:
    """The console's demo officers (two counties) and 龙游's demo cases, and how to log in."""
    from sqlalchemy import func, select

    from ..store.models import User
    from ..web.console.demo import DEMO_PASSWORD, seed

    with service.store.transaction() as session:
        if session.scalar(select(func.count()).select_from(User)):
            click.echo(app._("the database has users: no demo data added"), err=True)
            return
    users = seed(service)
    click.echo(app._("demo users (password {DEMO_PASSWORD} for all):", DEMO_PASSWORD=DEMO_PASSWORD), err=True)
    for user in users[:4]:
        click.echo(f"  {user.name:<6} {user.jurisdiction:<26} {user.describe()}", err=True)
