"""The web console for case officers (澄清正名工作台): server-rendered pages under ``/``.

:func:`zhengming.web.create_app` finds this package and calls ``routes.install(app)``, which adds the
pages and their static files (CSS, the vendored htmx) to the application.
"""

from __future__ import annotations

from .routes import install, router

__all__ = ["install", "router"]
