"""``zhengming db create|upgrade`` and ``zhengming audit verify``: the database, its schema and the audit chain."""

from __future__ import annotations

import click

from .app import EXIT_FAILURE, App, pass_app
from .storage import db_location, emit, json_option, open_cli_store, store_errors


@click.group()
def db() -> None:
    """The database (数据库)."""


@db.command("upgrade")
@json_option
@pass_app
def upgrade(app: App, as_json: bool) -> None:
    """Create the database or migrate it to the current schema (any command does this on first use)."""
    with store_errors(app):
        store = open_cli_store(migrate=False, key=False)
        before, after = store.upgrade()
        url = store.engine.url.render_as_string(hide_password=True)
        data = {"database": url, "before": before, "after": after}
    emit(
        app,
        data,
        as_json,
        lambda d, _lang: app._(
            "{database}: {before} → {after}",
            database=d["database"],
            before=d["before"] or app._("empty"),
            after=d["after"],
        ),
    )


@db.command("create")
@json_option
@pass_app
def create(app: App, as_json: bool) -> None:
    """Create the database --db names (PostgreSQL: CREATE DATABASE on its server) and its schema; a
    database that exists already is only migrated."""
    from ..store import open_store
    from ..store.location import database_url
    from ..store.provision import create_database

    with store_errors(app):
        url = database_url(db_location())
        created = create_database(url)
        store = open_store(url, migrate=False)
        before, after = store.upgrade()
        data = {
            "database": store.engine.url.render_as_string(hide_password=True),
            "created": created,
            "before": before,
            "after": after,
        }
        store.dispose()

    def text(d: dict, _lang: str) -> str:
        done = app._("created") if d["created"] else app._("exists already")
        return app._(
            "{database}: {done}; {before} → {after}",
            database=d["database"],
            done=done,
            before=d["before"] or app._("empty"),
            after=d["after"],
        )

    emit(app, data, as_json, text)


@click.group()
def audit() -> None:
    """The append-only, hash-chained audit log (审计日志)."""


@audit.command("verify")
@json_option
@pass_app
def verify(app: App, as_json: bool) -> None:
    """Recompute the keyed chain and check every case, record and user against it; exit 1 naming each
    event or row that was changed, removed, inserted or forged."""
    from ..store import audit as chain

    with store_errors(app):
        data = chain.verify_store(open_cli_store())

    def text(d: dict, _lang: str) -> str:
        if d["ok"]:
            legacy = app._(" ({legacy_events} from before keying, SHA-256 only)", legacy_events=d["legacy_events"])
            return app.ngettext(
                "audit log intact: {events} event, keyed chain and tables verified (key {key})",
                "audit log intact: {events} events, keyed chain and tables verified (key {key})",
                d["events"],
                events=d["events"],
                key=d["key"],
            ) + (legacy if d["legacy_events"] else "")
        lines = [
            app.ngettext(
                "audit log or data tampered with: problems in {events} event:",
                "audit log or data tampered with: problems in {events} events:",
                d["events"],
                events=d["events"],
            )
        ]
        for p in d["problems"]:
            if p["row"]:
                where = p["row"]
            elif p["seq"]:
                where = app._("event {seq}", seq=p["seq"])
            else:
                where = app._("chain head")
            columns = f" [{', '.join(p['columns'])}]" if p["columns"] else ""
            lines.append(f"  {where}: {WHAT[p['problem']][app.lang == 'en']}{columns}")
        return "\n".join(lines)

    emit(app, data, as_json, text)
    if not data["ok"]:
        raise SystemExit(EXIT_FAILURE)


WHAT = {
    "hash": ("内容与密钥哈希不符（被修改或伪造）", "content does not match its keyed hash (modified or forged)"),
    "prev_hash": ("与前一条记录的链接断开（删除或插入）", "link to the previous event broken (removed or inserted)"),
    "gap": ("序号不连续（有记录被删除）", "sequence gap (an event was removed)"),
    "head": (
        "链头与最后一条记录不符（末尾被删除或追加）",
        "chain head does not match the last event (truncated or appended)",
    ),
    "unkeyed": ("记录没有密钥哈希（链被重新计算）", "event without a keyed hash (the chain was recomputed)"),
    "unknown_key": ("记录由未知密钥链接", "event chained with a key that is not held"),
    "binding": ("数据库的密钥绑定缺失或被改动", "the database's key binding is missing or altered"),
    "row_changed": ("当前数据与审计链记录不符（被直接改动）", "row differs from what the audit chain recorded"),
    "row_deleted": ("审计链记录的数据已不存在（被删除）", "row recorded by the audit chain is gone (deleted)"),
    "row_unrecorded": ("数据没有对应的审计记录（被插入）", "row has no audit event (inserted directly)"),
}
