"""Core statements of the lifecycle's hot path, compiled once per dialect and run on the driver's cursor.

A :class:`Prepared` statement is an ordinary SQLAlchemy Core statement. The first time it runs on a
dialect it is compiled, and its SQL text, the order of its parameters and SQLAlchemy's own bind and
result processors for its column types are kept; from then on it runs directly on the DBAPI cursor of
the SQLAlchemy connection, inside that connection's transaction, with the same SQL and the same
parameter values SQLAlchemy would send. What is saved is SQLAlchemy's per-execution bookkeeping (about
as much time per statement as SQLite takes to run it).

On a session, or when the engine has event listeners (tracing, the benchmark's statement recorder, a test's spy) a
statement runs through ``Connection.execute`` instead, so that they see it.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import JSON, TypeDecorator
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError


class JSONText(TypeDecorator):
    """A JSON column's value bound as its JSON text, serialized already (so it is serialized once, and
    the caller knows the text stored; PostgreSQL still receives it as ``json``)."""

    impl = JSON
    cache_ok = True

    def bind_processor(self, dialect: Any) -> None:
        return None


class Prepared:
    """A Core statement run on the driver's cursor once compiled (see the module docstring)."""

    def __init__(self, statement: Any):
        self.statement = statement
        self._by_dialect: dict[tuple[Any, ...], Any] = {}

    def execute(self, conn: Any, params: Mapping[str, Any]) -> Any:
        """Run with ``params``; the DBAPI cursor (``rowcount``, ``fetchone``), or with listeners the
        SQLAlchemy result, which offers the same."""
        return self._run(conn, params)[0]

    def _run(self, conn: Any, params: Mapping[str, Any]) -> tuple[Any, _Compiled | None]:
        if not isinstance(conn, Connection) or conn._has_events or conn.engine._has_events:
            return conn.execute(self.statement, params), None  # a session, or someone listening
        compiled = self._compiled(conn.dialect, params)
        if compiled is None:  # values SQLAlchemy computes at execution (Python-side column defaults)
            return conn.execute(self.statement, params), None
        cursor = conn.connection.dbapi_connection.cursor()
        parameters = compiled.parameters(params)
        try:
            cursor.execute(compiled.sql, parameters)
        except conn.dialect.loaded_dbapi.Error as exc:  # as SQLAlchemy raises it: IntegrityError, OperationalError…
            raise DBAPIError.instance(
                compiled.sql,
                parameters,
                exc,
                conn.dialect.loaded_dbapi.Error,
                hide_parameters=True,
                dialect=conn.dialect,
            ) from exc
        return cursor, compiled

    def _compiled(self, dialect: Any, params: Mapping[str, Any]) -> _Compiled | None:
        kind = getattr(dialect, _KIND, None)
        if kind is None:  # what the SQL depends on, kept on the dialect (one per engine)
            kind = (dialect.name, dialect.driver, dialect.paramstyle, dialect.server_version_info)
            setattr(dialect, _KIND, kind)
        key = (kind, *params)
        found = self._by_dialect.get(key, _MISSING)
        if found is _MISSING:
            found = self._by_dialect[key] = _Compiled.of(self.statement, dialect, list(params))
        return found

    def first(self, conn: Any, params: Mapping[str, Any]) -> dict[str, Any] | None:
        """The first row as a dict of processed values (``None``: no row)."""
        result, compiled = self._run(conn, params)
        if compiled is None:
            row = result.mappings().first()
            return dict(row) if row is not None else None
        row = result.fetchone()
        return compiled.row(row) if row is not None else None

    def values(self, conn: Any, params: Mapping[str, Any]) -> tuple[Any, ...] | None:
        """The first row's processed values, in the order of the statement's columns (``None``: no row)."""
        result, compiled = self._run(conn, params)
        row = result.fetchone()
        if row is None:
            return None
        if compiled is None:
            return tuple(row)
        return compiled.values(row)

    def scalar(self, conn: Any, params: Mapping[str, Any]) -> Any:
        """The first column of the first row (``RETURNING id``)."""
        result, compiled = self._run(conn, params)
        row = result.fetchone()
        if row is None:
            return None
        if compiled is None:
            return row[0]
        return compiled.row(row, first_only=True)


_KIND = "_zhengming_prepared_kind"
_MISSING = object()


class _Compiled:
    """One statement compiled for one dialect and one set of parameter names: SQL text, parameter
    order, processors."""

    @classmethod
    def of(cls, statement: Any, dialect: Any, keys: list[str]) -> _Compiled | None:
        compiled = statement.compile(dialect=dialect, column_keys=keys)
        if getattr(compiled, "insert_prefetch", None) or getattr(compiled, "update_prefetch", None):
            return None
        return cls(compiled, dialect, keys)

    def __init__(self, compiled: Any, dialect: Any, keys: Sequence[str] = ()):
        self.compiled = compiled
        self.sql = compiled.string
        self.positional = compiled.positional
        self.order: Sequence[str] = tuple(compiled.positiontup or ()) if compiled.positional else ()
        self.bind = dict(compiled._bind_processors)
        self.columns = []
        for entry in compiled._result_columns or ():
            keyname, type_ = entry[0], entry[3]
            self.columns.append((keyname, type_._cached_result_processor(dialect, None)))
        self.names_out = tuple(name for name, _processor in self.columns)
        self.processors = tuple(processor for _name, processor in self.columns)
        self.sources = self._sources(compiled, set(keys))
        self.picked = None
        self.names = [source[0] for source in self.sources or ()]
        if self.sources and all(key is not None for _name, key, _bindparam, _processor in self.sources):
            self.picked = operator.itemgetter(*(key for _name, key, _bindparam, _processor in self.sources))
            self.processed = [(i, source[3]) for i, source in enumerate(self.sources) if source[3] is not None]

    def _sources(self, compiled: Any, keys: set[str]) -> list[tuple[str, str | None, Any, Any]] | None:
        """Where each bound value comes from, decided once for this set of parameter names, as
        ``construct_params`` decides it on every execution: ``(name, key in params or None, the
        parameter when its value is fixed in the statement, bind processor)``. ``None``: a required value
        is missing or a name is escaped (``construct_params`` then runs, and raises or escapes)."""
        if compiled.escaped_bind_names:
            return None
        by_name = {}
        for bindparam, name in compiled.bind_names.items():
            by_name.setdefault(name, bindparam)
        names = self.order if self.positional else list(by_name)
        sources = []
        for name in names:
            bindparam = by_name[name]
            key = bindparam.key if bindparam.key in keys else name if name in keys else None
            if key is None and bindparam.required:
                return None
            sources.append((name, key, bindparam, self.bind.get(name)))
        return sources

    def parameters(self, params: Mapping[str, Any]) -> Any:
        if self.sources is None:
            return self._constructed(params)
        if self.picked is not None:  # every value from params: picked at once, then the few processed
            values = self.picked(params)
            values = [values] if len(self.sources) == 1 else list(values)
            for index, processor in self.processed:
                values[index] = processor(values[index])
        else:  # some values fixed in the statement
            values = []
            for _name, key, bindparam, processor in self.sources:
                if key is not None:
                    value = params[key]
                else:
                    value = bindparam.effective_value if bindparam.callable else bindparam.value
                values.append(processor(value) if processor is not None else value)
        return tuple(values) if self.positional else dict(zip(self.names, values, strict=True))

    def _constructed(self, params: Mapping[str, Any]) -> Any:
        values = self.compiled.construct_params(params)
        bind = self.bind
        for name, processor in bind.items():
            if name in values:
                values[name] = processor(values[name])
        if self.positional:
            return tuple(values[name] for name in self.order)
        return values

    def values(self, row: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(
            processor(value) if processor is not None else value
            for processor, value in zip(self.processors, row, strict=True)
        )

    def row(self, row: Sequence[Any], *, first_only: bool = False) -> Any:
        if first_only:
            processor = self.columns[0][1] if self.columns else None
            return processor(row[0]) if processor is not None else row[0]
        return dict(zip(self.names_out, self.values(row), strict=True))
