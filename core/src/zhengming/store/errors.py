"""Why a database could not be opened, in words that say what to do (never a driver traceback)."""

from __future__ import annotations

import re

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, NoSuchModuleError

from ..errors import ZhengmingError
from ..i18n import Message, Renderable
from .location import sqlite_path

_MISSING = re.compile(r'database "([^"]*)" does not exist')


class DatabaseUnavailable(ZhengmingError):
    """The database named by ``--db`` cannot be opened: missing, unreachable, or not a database."""

    def __init__(self, message: Renderable):
        self.message = message
        super().__init__(message.en)


def opening_error(url: str, exc: BaseException) -> DatabaseUnavailable:
    """A :class:`DatabaseUnavailable` explaining ``exc``, raised while opening ``url``."""
    if isinstance(exc, NoSuchModuleError):
        return DatabaseUnavailable(Message("--db names a kind of database zhengming does not support"))
    path = sqlite_path(url)
    if isinstance(exc, OSError):
        detail = exc.strerror or type(exc).__name__
        return DatabaseUnavailable(
            Message("cannot create the database file {path}: {detail}", path=path, detail=detail)
        )
    if isinstance(exc, DBAPIError):
        return _driver_error(url, path, exc)
    return DatabaseUnavailable(Message("--db is not a valid database URL: {exc}", exc=exc))


def _driver_error(url: str, path, exc: DBAPIError) -> DatabaseUnavailable:
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
    if url.startswith("sqlite") and path is not None and path.is_dir():
        return DatabaseUnavailable(
            Message(
                "{path} is not a usable SQLite database: it is a directory; name a file in it, for example {example}",
                path=path,
                example=path / "zhengming.sqlite",
            )
        )
    if url.startswith("sqlite"):
        return DatabaseUnavailable(
            Message("{value} is not a usable SQLite database: {reason}", value=path or url, reason=reason)
        )
    parts = make_url(url)
    where = f"{parts.host or 'localhost'}:{parts.port or 5432}"
    missing = _MISSING.search(str(exc.orig))
    if missing:
        name = missing.group(1)
        user = f" -U {parts.username}" if parts.username else ""
        create = f"createdb -h {parts.host or 'localhost'} -p {parts.port or 5432}{user} {name}"
        return DatabaseUnavailable(
            Message(
                "PostgreSQL database {name} does not exist on {where}; create it first: zhengming db create (with the same --db), or {create} (or in psql: CREATE DATABASE {name};)",
                name=name,
                where=where,
                create=create,
            )
        )
    detail = reason.rsplit("failed: ", 1)[-1]
    return DatabaseUnavailable(Message("cannot connect to PostgreSQL at {where}: {detail}", where=where, detail=detail))
