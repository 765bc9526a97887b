"""The web console for case officers (澄清正名工作台): server-rendered pages under ``/``.

``mount(app)`` adds the pages and their static files (CSS, the vendored htmx) to a FastAPI app whose
``app.state.services`` holds the store and the case service.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .routes import STATIC_DIR, router


def mount(app: FastAPI) -> None:
    """Serve the console's pages and ``/static`` on ``app``."""
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="console-static")


__all__ = ["mount", "router"]
