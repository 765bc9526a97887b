"""Where the database is: ``--db`` (a URL or a file path), ``ZHENGMING_DB``, or a per-user SQLite file."""

from __future__ import annotations

import os
from pathlib import Path

DB_ENV = "ZHENGMING_DB"


def default_database_path() -> Path:
    """``$XDG_DATA_HOME/zhengming/zhengming.sqlite`` (``~/.local/share/...`` when the variable is unset)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "zhengming" / "zhengming.sqlite"


def database_url(location: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL for ``location``: a URL is used as given (``postgresql://`` gets the psycopg 3
    driver), anything else is a SQLite file path; ``None`` reads ``ZHENGMING_DB``, then the default."""
    text = os.fspath(location) if location is not None else os.environ.get(DB_ENV) or None
    if not text:
        return "sqlite:///" + str(default_database_path())
    if "://" not in text:
        return "sqlite:///" + str(Path(text).expanduser().absolute())
    for prefix in ("postgresql://", "postgres://"):
        if text.startswith(prefix):
            return "postgresql+psycopg://" + text[len(prefix) :]
    return text


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (``None`` for other databases and in-memory SQLite)."""
    if not url.startswith("sqlite"):
        return None
    path = url.split(":///", 1)[1] if ":///" in url else ""
    return Path(path) if path and path != ":memory:" else None
