"""Where the database is: ``--db`` (a URL or a file path), ``ZHENGMING_DB``, or a per-user SQLite file.

Understood: a SQLite file path, ``sqlite:///PATH`` (``sqlite://`` alone: in memory), and
``postgresql://`` / ``postgres://`` / ``postgresql+psycopg://`` URLs. Anything else that looks like an
attempt at a URL (a misspelled scheme, ``postgresql:/x``) or a libpq keyword string
(``host=… dbname=…``) is refused with a message saying what to write, instead of becoming a stray
SQLite file of that name; so is a PostgreSQL URL that names no database or a port that is no number.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import ZhengmingError
from ..i18n import Message
from ..model import Text

DB_ENV = "ZHENGMING_DB"
POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
SQLITE_SCHEMES = ("sqlite", "sqlite+pysqlite")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_KEYWORDS = re.compile(r"^\s*[A-Za-z_]+\s*=\s*\S")
EXAMPLE = "postgresql://USER@HOST:5432/DBNAME"


class DatabaseLocationError(ZhengmingError):
    """``--db`` (or ``ZHENGMING_DB``) is neither a path nor a URL zhengming understands."""

    def __init__(self, message: Text):
        self.message = message
        super().__init__(message.en)


def default_database_path() -> Path:
    """``$XDG_DATA_HOME/zhengming/zhengming.sqlite`` (``~/.local/share/...`` when the variable is unset)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "zhengming" / "zhengming.sqlite"


def database_url(location: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL for ``location``: a URL is used as given (``postgresql://`` gets the psycopg 3
    driver), anything else is a SQLite file path; ``None`` reads ``ZHENGMING_DB``, then the default.

    :raises DatabaseLocationError: a value that is neither (see the module's docstring).
    """
    text = os.fspath(location) if location is not None else os.environ.get(DB_ENV) or None
    if not text:
        return "sqlite:///" + str(default_database_path())
    _refuse_unknown(text)
    if "://" not in text:
        return "sqlite:///" + str(Path(text).expanduser().absolute())
    scheme, rest = text.split("://", 1)
    if scheme.lower() in POSTGRES_SCHEMES:
        _check_postgres(text)
    if scheme.lower() in ("postgresql", "postgres"):
        return "postgresql+psycopg://" + rest
    return text


def _check_postgres(text: str) -> None:
    """A PostgreSQL URL names its database, and its port (if any) is a number: without a name the
    server would pick its default database (the user's, often ``postgres``) and zhengming would put
    its tables there."""
    parts = urlsplit(text)
    try:
        parts.port  # noqa: B018 -- parsing it is the check
    except ValueError:
        port = parts.netloc.rsplit(":", 1)[-1]
        raise DatabaseLocationError(
            Message(
                "--db port {port!r} is not a number from 1 to 65535; for example {EXAMPLE}",
                port=port,
                EXAMPLE=EXAMPLE,
            )
        ) from None
    if not parts.path.strip("/") and "dbname=" not in parts.query:
        raise DatabaseLocationError(
            Message("--db names no database (the URL must end in /DBNAME); for example {EXAMPLE}", EXAMPLE=EXAMPLE)
        )


def _refuse_unknown(text: str) -> None:
    if "\x00" in text:
        raise DatabaseLocationError(Message("--db holds a NUL character"))
    if _KEYWORDS.match(text):
        raise DatabaseLocationError(
            Message(
                "--db looks like a libpq keyword string (host=… dbname=…); give a URL instead: {EXAMPLE}",
                EXAMPLE=EXAMPLE,
            )
        )
    match = _SCHEME.match(text)
    if match is None or len(match.group(1)) == 1:  # no scheme, or a Windows drive letter (C:\...)
        return
    scheme = match.group(1).lower()
    if scheme not in POSTGRES_SCHEMES + SQLITE_SCHEMES:
        raise DatabaseLocationError(
            Message(
                "--db scheme {scheme!r} is not understood; give a SQLite file path or {EXAMPLE}",
                scheme=scheme,
                EXAMPLE=EXAMPLE,
            )
        )
    if not text[match.end() :].startswith("//"):
        raise DatabaseLocationError(
            Message(
                "--db is not a complete URL (the scheme must be followed by ://); for example {EXAMPLE}",
                EXAMPLE=EXAMPLE,
            )
        )


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (``None`` for other databases and in-memory SQLite)."""
    if not url.startswith("sqlite"):
        return None
    path = url.split(":///", 1)[1] if ":///" in url else ""
    return Path(path) if path and path != ":memory:" else None
