"""Creating the database ``--db`` names (``zhengming db create``): on PostgreSQL, ``CREATE DATABASE`` on
its server, through the server's maintenance database ``postgres`` with the same credentials; a SQLite
file is created by opening it."""

from __future__ import annotations

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from ..i18n import Message
from .errors import DatabaseUnavailable, opening_error
from .location import sqlite_path

MAINTENANCE_DATABASE = "postgres"


def create_database(url: str) -> bool:
    """Create the database of ``url`` (a URL from :func:`~.location.database_url`) unless it exists;
    returns whether it was created. The schema is not made here (``Store.upgrade`` does it).

    :raises DatabaseUnavailable: the server cannot be reached, or refuses (no right to create databases).
    """
    if url.startswith("sqlite"):
        path = sqlite_path(url)
        return path is not None and not path.exists()
    parts = make_url(url)
    name = parts.database
    server = parts.set(database=MAINTENANCE_DATABASE)
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            if conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}).first():
                return False
            quoted = engine.dialect.identifier_preparer.quote_identifier(name)
            try:
                conn.execute(text(f"CREATE DATABASE {quoted}"))
            except DBAPIError as exc:
                reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
                where = f"{parts.host or 'localhost'}:{parts.port or 5432}"
                raise DatabaseUnavailable(
                    Message(
                        "cannot create database {name} on {where}: {reason} (ask an administrator who may)",
                        name=name,
                        where=where,
                        reason=reason,
                    )
                ) from None
            return True
    except DBAPIError as exc:
        raise opening_error(server.render_as_string(hide_password=False), exc) from None
    finally:
        engine.dispose()
