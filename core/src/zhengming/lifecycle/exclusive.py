"""One import at a time per database: a second import of the same file (or any file) into the same
database waits for the first instead of racing it to the same ``case_id``s.

PostgreSQL: a session-level advisory lock. SQLite: an advisory ``flock`` on a lock file beside the
database (``<database>-import.lock``; SQLite's own locks are untouched). An in-memory database needs none.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import text

from ..store import Store
from ..store.location import sqlite_path

# A fixed 63-bit key naming "zhengming import" among the database's advisory locks.
LOCK_KEY = int.from_bytes(hashlib.sha256(b"zhengming import").digest()[:8], "big") >> 1


@contextmanager
def exclusive_import(store: Store, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the database's import lock while the block runs; ``on_wait`` is called once if it must wait."""
    if store.dialect == "postgresql":
        with _advisory_lock(store, on_wait):
            yield
        return
    path = sqlite_path(store.url)
    if path is None:
        yield
        return
    with _file_lock(path.with_name(path.name + "-import.lock"), on_wait):
        yield


@contextmanager
def _advisory_lock(store: Store, on_wait: Callable[[], None] | None) -> Iterator[None]:
    with store.engine.connect() as conn:
        if not conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": LOCK_KEY}).scalar():
            if on_wait:
                on_wait()
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": LOCK_KEY})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": LOCK_KEY})
            conn.commit()


@contextmanager
def _file_lock(path, on_wait: Callable[[], None] | None) -> Iterator[None]:
    import fcntl

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait()
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
