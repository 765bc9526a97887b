"""Opening a store: the engine, sessions, and the schema brought to the current migration on first use."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from .crypto import Keyring, load_keyring
from .errors import opening_error
from .limits import guard
from .location import database_url, sqlite_path

HEAD_REVISION = "0007"  # the newest file in migrations/versions; a test keeps the two in step
SQLITE_BUSY_TIMEOUT_S = 30
IDLE_CONNECTIONS = 8  # SQLite connections Store.begin keeps between transactions, at most


class Store:
    """A database holding cases: build one per process and reuse its sessions."""

    def __init__(self, url: str, *, migrate: bool = True, echo: bool = False, keyring: Keyring | None = None):
        """:param keyring: the key kept outside the database (default: :func:`~.crypto.load_keyring` on
        first need: the audit chain and sealing need it, reading cases does not)."""
        self.url = url
        self._keyring = keyring
        self.bound = False  # the key binding was checked in this process
        self._idle: deque[Connection] = deque()  # SQLite: connections kept between transactions (begin)
        try:
            self.engine: Engine = _create_engine(url, echo)
            self.sessions = sessionmaker(self.engine, expire_on_commit=False, info={"store": self})
            guard(self.sessions)  # field lengths and NUL: the same contract on every database
            if migrate:
                self.ensure_schema()
        except (ArgumentError, NoSuchModuleError, ValueError, OSError, DBAPIError) as exc:
            raise opening_error(url, exc) from None

    @property
    def keyring(self) -> Keyring:
        if self._keyring is None:
            self._keyring = load_keyring()
        return self._keyring

    @keyring.setter
    def keyring(self, value: Keyring) -> None:
        self._keyring, self.bound = value, False

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A connection in a transaction, committed when the block ends and rolled back on any error
        (as ``engine.begin()``). On SQLite the connection is kept for the next transaction instead of
        going back to the pool: checking one out and in costs as much as a short transaction's
        statements. Other databases check one out of the pool each time (which pings the server), as does
        an in-memory SQLite database (its pool holds one connection per thread, which must stay there)."""
        if self.engine.dialect.name != "sqlite" or not isinstance(self.engine.pool, QueuePool):
            with self.engine.begin() as conn:
                yield conn
            return
        try:
            conn = self._idle.pop()  # deque.pop and append are atomic: no two threads get one connection
        except IndexError:
            conn = self.engine.connect()
        try:
            with conn.begin():
                yield conn
        finally:
            self._keep(conn)

    def _keep(self, conn: Connection) -> None:
        if conn.invalidated or conn.closed or len(self._idle) >= IDLE_CONNECTIONS:
            conn.close()
        else:
            self._idle.append(conn)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed on success and rolled back on any error."""
        with self.sessions.begin() as session:
            yield session

    def current_revision(self) -> str | None:
        """The migration the database is at (``None``: empty database)."""
        with self.engine.connect() as conn:
            if not self.engine.dialect.has_table(conn, "alembic_version"):
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    def ensure_schema(self) -> None:
        """Create or migrate the schema unless it is current (one cheap query when it is)."""
        if self.current_revision() != HEAD_REVISION:
            self.upgrade()

    def upgrade(self) -> tuple[str | None, str | None]:
        """Run every pending migration; returns the revisions before and after."""
        from .migrate import upgrade

        try:
            before = self.current_revision()
        except DBAPIError as exc:  # not even a connection (a missing database, a server down)
            raise opening_error(self.url, exc) from None
        upgrade(self.engine)
        return before, self.current_revision()

    def dispose(self) -> None:
        while self._idle:
            self._idle.pop().close()
        self.engine.dispose()


def open_store(
    location: str | None = None, *, migrate: bool = True, echo: bool = False, keyring: Keyring | None = None
) -> Store:
    """A :class:`Store` for ``location`` (URL or SQLite path; ``None``: ``ZHENGMING_DB`` or the default)."""
    return Store(database_url(location), migrate=migrate, echo=echo, keyring=keyring)


def _create_engine(url: str, echo: bool) -> Engine:
    path = sqlite_path(url)
    if url.startswith("sqlite"):
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    options: dict[str, Any] = {"pool_pre_ping": True}
    return create_engine(url, echo=echo, **options)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")  # readers never block the writer
    cursor.execute(
        "PRAGMA synchronous = NORMAL"
    )  # a killed process loses nothing; a power cut may lose the last commits
    cursor.close()
