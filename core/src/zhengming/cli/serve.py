"""``zhengming serve``: the HTTP API (and the console, where installed) on the store named by ``--db``."""

from __future__ import annotations

import click

from .app import App, pass_app
from .storage import announce_key, db_location, store_errors


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port (0: any free one).")
@click.option("--timezone", default="Asia/Shanghai", show_default=True, help="Time zone timestamps are shown in.")
@click.option(
    "--behind-proxy",
    is_flag=True,
    help="A TLS proxy on this machine forwards to us: trust its X-Forwarded-Proto/For (cookies become Secure).",
)
@pass_app
def serve(app: App, host: str, port: int, timezone: str, behind_proxy: bool) -> None:
    """Serve the API at http://HOST:PORT/api (OpenAPI at /docs) on the embedded default or --db.

    Runs in the foreground until interrupted; every request is its own transaction, so stopping (even
    killing) the server loses nothing that was answered.
    """
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    import uvicorn

    from ..store import open_store
    from ..web import create_app

    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise click.BadParameter(
            app.say(f"未知时区 {timezone!r}", f"unknown time zone {timezone!r}"), param_hint="--timezone"
        ) from None
    with store_errors(app):
        store = open_store(db_location())
        announce_key(store.keyring)
        application = create_app(store=store, registry=app.registry, timezone=timezone)
    click.echo(
        app.say(
            f"正名服务：http://{host}:{port}/（接口文档 /docs）；按 Ctrl+C 停止",
            f"zhengming serving at http://{host}:{port}/ (API docs at /docs); Ctrl+C stops",
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
