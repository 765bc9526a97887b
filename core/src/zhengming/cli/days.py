"""A day typed on the command line (``--as-of``, ``--on``, ``--date``, ``--plan``…): ``YYYY-MM-DD`` naming a
real day, refused in the user's language. click's own DateTime says a real-looking ``2024-02-30`` "does
not match the format", in English."""

from __future__ import annotations

from datetime import datetime

import click

from ..boundary.dates import NOT_A_DAY
from .app import App


class Day(click.ParamType):
    """``YYYY-MM-DD`` → :class:`datetime` at midnight (what the commands read ``.date()`` from)."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, datetime):
            return value
        try:
            return datetime.strptime(value, "%Y-%m-%d")
        except (TypeError, ValueError):
            app = ctx.find_object(App) if ctx is not None else None
            message = NOT_A_DAY.format(value=value).render(app.lang) if app else f"{value!r}"
            self.fail(message, param, ctx)


DAY = Day()
