"""Why a database could not be opened, in words that say what to do (never a driver traceback)."""

from __future__ import annotations

import re

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, NoSuchModuleError

from ..errors import ZhengmingError
from ..model import Text
from .location import sqlite_path

_MISSING = re.compile(r'database "([^"]*)" does not exist')


class DatabaseUnavailable(ZhengmingError):
    """The database named by ``--db`` cannot be opened: missing, unreachable, or not a database."""

    def __init__(self, message: Text):
        self.message = message
        super().__init__(message.en)


def opening_error(url: str, exc: BaseException) -> DatabaseUnavailable:
    """A :class:`DatabaseUnavailable` explaining ``exc``, raised while opening ``url``."""
    if isinstance(exc, NoSuchModuleError):
        return DatabaseUnavailable(
            Text("--db 指定的数据库类型不受支持", "--db names a kind of database zhengming does not support")
        )
    path = sqlite_path(url)
    if isinstance(exc, OSError):
        detail = exc.strerror or type(exc).__name__
        return DatabaseUnavailable(
            Text(f"无法创建数据库文件 {path}：{detail}", f"cannot create the database file {path}: {detail}")
        )
    if isinstance(exc, DBAPIError):
        return _driver_error(url, path, exc)
    return DatabaseUnavailable(Text(f"--db 不是有效的数据库 URL：{exc}", f"--db is not a valid database URL: {exc}"))


def _driver_error(url: str, path, exc: DBAPIError) -> DatabaseUnavailable:
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else type(exc).__name__
    if url.startswith("sqlite") and path is not None and path.is_dir():
        return DatabaseUnavailable(
            Text(
                f"{path} 不是可用的 SQLite 数据库：这是一个目录；请给出其中的文件，例如 {path / 'zhengming.sqlite'}",
                f"{path} is not a usable SQLite database: it is a directory; name a file in it, "
                f"for example {path / 'zhengming.sqlite'}",
            )
        )
    if url.startswith("sqlite"):
        return DatabaseUnavailable(
            Text(
                f"{path or url} 不是可用的 SQLite 数据库：{reason}",
                f"{path or url} is not a usable SQLite database: {reason}",
            )
        )
    parts = make_url(url)
    where = f"{parts.host or 'localhost'}:{parts.port or 5432}"
    missing = _MISSING.search(str(exc.orig))
    if missing:
        name = missing.group(1)
        user = f" -U {parts.username}" if parts.username else ""
        create = f"createdb -h {parts.host or 'localhost'} -p {parts.port or 5432}{user} {name}"
        return DatabaseUnavailable(
            Text(
                f"PostgreSQL 数据库 {name} 在 {where} 上不存在；请先创建：zhengming db create（--db 不变），"
                f"或 {create}（或在 psql 中 CREATE DATABASE {name};）",
                f"PostgreSQL database {name} does not exist on {where}; create it first: zhengming db create "
                f"(with the same --db), or {create} (or in psql: CREATE DATABASE {name};)",
            )
        )
    detail = reason.rsplit("failed: ", 1)[-1]
    return DatabaseUnavailable(
        Text(f"无法连接 {where} 上的 PostgreSQL：{detail}", f"cannot connect to PostgreSQL at {where}: {detail}")
    )
