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
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.services = Services.build(store, registry, timezone=timezone)
    problems.install(app)
    for module in (session, rules, cases, custody, admin, reports):
        app.include_router(module.router)
    _include_console(app)
    _contract_openapi(app)
    return app


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
