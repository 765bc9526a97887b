"""What the store commands share: opening the store named by ``--db``, error exit codes, JSON output.

SQLAlchemy and the lifecycle are imported inside the functions, so that ``zhengming evaluate`` never
loads them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

import click

from ..i18n import translator
from .app import EXIT_FAILURE, EXIT_INVALID, App, exit_codes
from .days import DAY

DB_META = "zhengming.db"
# The command-line option behind a field a domain error names (domain errors never name options).
OPTION_OF = {
    "/status": "--status",
    "/state": "--state",
    "/method": "--method",
    "/recipients": "--to",
    "/target": "--target",
    "/reason": "--reason",
    "/organ": "--organ",
    "/level": "--level",
    "/roles": "--role",
    "/grants": "--grant",
    "/scopes": "--scope",
    "/days": "--days",
    "/valid_for": "--hours",
    "/summary": "--summary",
    "/channel": "--channel",
    "/dates": "--plan",
    "/rectified": "--rectified",
    "/actor": "--as",
    "/given_on": "--on",
    "/on": "--date",
}
DATE = DAY


def db_location() -> str | None:
    """The ``--db`` given to the ``zhengming`` group (``None``: ``ZHENGMING_DB`` or the default)."""
    ctx = click.get_current_context()
    return ctx.find_root().meta.get(DB_META)


def open_cli_store(*, migrate: bool = True, key: bool = True):
    """The store named by ``--db``; with ``key``, the key is loaded now (a new default key file is announced
    once on stderr, with backup advice)."""
    from ..store import open_store
    from ..store.audit import check_key

    store = open_store(db_location(), migrate=migrate)
    if key:
        announce_key(store.keyring)
        check_key(store)
    return store


def announce_key(keyring) -> None:
    if not keyring.created:
        return
    app = click.get_current_context().find_object(App)
    _ = app._ if app else translator("zh")
    click.echo(
        _(
            "created a new key at {source} (fingerprint {fingerprint}). Back it up together with the database: without it reporter identities cannot be opened and the audit log cannot be verified, and the database refuses writes under any other key.",
            source=keyring.source,
            fingerprint=keyring.fingerprint,
        ),
        err=True,
    )


def service(app: App):
    """A :class:`~zhengming.lifecycle.CaseService` on the store and the installed jurisdictions."""
    from ..engine import Engine
    from ..lifecycle import CaseService

    return CaseService(open_cli_store(), Engine(app.registry))


@contextmanager
def store_errors(app: App) -> Iterator[None]:
    """Lifecycle refusals, conflicts and key problems as messages on stderr and their exit codes."""
    from sqlalchemy.exc import DataError

    from ..lifecycle import LifecycleError
    from ..safetext import neutral
    from ..store.crypto import SealingKeyError
    from ..store.errors import DatabaseUnavailable
    from ..store.limits import FieldTooLong
    from ..store.location import DatabaseLocationError

    with exit_codes(app):
        try:
            yield
        except DatabaseLocationError as exc:
            click.echo(exc.message.render(app.lang), err=True)
            raise SystemExit(EXIT_INVALID) from None
        except DatabaseUnavailable as exc:
            click.echo(exc.message.render(app.lang), err=True)
            raise SystemExit(EXIT_FAILURE) from None
        except FieldTooLong as exc:
            click.echo(f"{OPTION_OF.get(exc.field, exc.field)}: {exc.message.render(app.lang)}", err=True)
            raise SystemExit(EXIT_INVALID) from None
        except DataError as exc:  # a value the database cannot even look up (PostgreSQL: a NUL in an argument)
            reason = type(exc.orig).__name__ if exc.orig is not None else type(exc).__name__
            click.echo(
                app._("the database cannot take a value given ({reason})", reason=reason),
                err=True,
            )
            raise SystemExit(EXIT_INVALID) from None
        except LifecycleError as exc:
            option = OPTION_OF.get(getattr(exc, "field", None))
            hint = f" ({option})" if option else ""
            click.echo(neutral(exc.message.render(app.lang)) + hint, err=True)  # it may quote an argument (a case id)
            raise SystemExit(exc.exit_code) from None
        except SealingKeyError as exc:
            click.echo(app._("key error: ") + exc.message.render(app.lang), err=True)
            if _rotation_pending():
                click.echo(
                    app._("a key rotation was interrupted: run zhengming --local-admin key rotate again"),
                    err=True,
                )
            raise SystemExit(EXIT_FAILURE) from None


def _rotation_pending() -> bool:
    from ..store.crypto import key_path
    from ..store.rotation import pending_path

    path = key_path()
    return path is not None and pending_path(path).exists()


def _default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def emit(app: App, data: Any, as_json: bool, text: Callable[[Any, str], str]) -> None:
    """Print ``data`` as JSON or as text rendered in the app's language (user texts neutralised: a name
    or comment cannot draw on the terminal or forge a line)."""
    from ..clock import localize

    data = localize(data)  # stored in UTC; shown, like the API's, in the office's zone
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=_default))
    else:
        from ..safetext import neutral_data, neutral_lines

        click.echo(neutral_lines(text(neutral_data(data), app.lang)))


json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON.")
