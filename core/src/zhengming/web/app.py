"""The application factory: one store and one engine per process, the routers, the problem handlers
and the OpenAPI document whose case and decision schemas are the contract's files."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI

from ..plugin.registry import JurisdictionRegistry, load_registry
from ..store import Store, open_store
from . import problems
from .routes import admin, cases, custody, reports, rules, session
from .schemas import add_components
from .services import DEFAULT_TIMEZONE, Services

log = logging.getLogger("zhengming.web")

DESCRIPTION = """\
The 澄清正名 office service: cases of the jurisdictions installed, their lifecycle, reporter custody
and the audit chain. Authenticate with `Authorization: Bearer <token>` (tokens are scoped: intake,
read, act, custody, admin) or a browser session (`POST /api/session`; unsafe requests then repeat
the session's CSRF token in `X-CSRF-Token`). Errors are `application/problem+json` (RFC 9457).
Lifecycle actions need `If-Match` with the case's `ETag`. Timestamps carry their offset and are
shown in the office's time zone (Asia/Shanghai unless configured).
"""


def create_app(
    db: str | None = None,
    *,
    store: Store | None = None,
    registry: JurisdictionRegistry | None = None,
    timezone: str = DEFAULT_TIMEZONE,
) -> FastAPI:
    """The HTTP application over the database ``db`` (URL or SQLite path; ``None``: ``ZHENGMING_DB`` or
    the embedded default), or over an open ``store``."""
    from ..store.audit import check_key

    store = store or open_store(db)
    check_key(store)  # a database bound to another key refuses to start, not at the first write
    registry = registry or load_registry()
    app = FastAPI(
        title="zhengming 正名",
        version=_version(),
        description=DESCRIPTION,
        docs_url=None,  # served below from local assets: an office network may have no internet
        redoc_url=None,
    )
    app.state.services = Services.build(store, registry, timezone=timezone)
    problems.install(app)
    for module in (session, rules, cases, custody, admin, reports):
        app.include_router(module.router)
    _include_console(app)
    _contract_openapi(app)
    _offline_docs(app)
    return app


def _offline_docs(app: FastAPI) -> None:
    """Swagger UI at ``/docs`` from the assets fastapi-offline ships (Swagger UI 5: OpenAPI 3.1), never
    from a CDN."""
    from pathlib import Path

    import fastapi_offline
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles

    assets = Path(fastapi_offline.__file__).parent / "static"
    app.mount("/docs-assets", StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(
            openapi_url=app.openapi_url,
            title=app.title,
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon.png",
        )


def _include_console(app: FastAPI) -> None:
    """The web console (HTML), when its package is present."""
    from importlib import import_module
    from importlib.util import find_spec

    if find_spec(f"{__package__}.console") is not None:
        import_module(f"{__package__}.console.routes").install(app)


def _contract_openapi(app: FastAPI) -> None:
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = add_components(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("zhengming")
    except PackageNotFoundError:
        return "0"
