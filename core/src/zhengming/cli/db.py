"""``zhengming db upgrade`` and ``zhengming audit verify``: the schema and the audit chain."""

from __future__ import annotations

import click

from .app import EXIT_FAILURE, App, pass_app
from .storage import emit, json_option, open_cli_store, store_errors


@click.group()
def db() -> None:
    """The database (数据库)."""


@db.command("upgrade")
@json_option
@pass_app
def upgrade(app: App, as_json: bool) -> None:
    """Create the database or migrate it to the current schema (any command does this on first use)."""
    with store_errors(app):
        store = open_cli_store(migrate=False)
        before, after = store.upgrade()
        url = store.engine.url.render_as_string(hide_password=True)
        data = {"database": url, "before": before, "after": after}
    emit(
        app,
        data,
        as_json,
        lambda d, _lang: app.say(
            f"{d['database']}: {d['before'] or '空'} → {d['after']}",
            f"{d['database']}: {d['before'] or 'empty'} → {d['after']}",
        ),
    )


@click.group()
def audit() -> None:
    """The append-only, hash-chained audit log (审计日志)."""


@audit.command("verify")
@json_option
@pass_app
def verify(app: App, as_json: bool) -> None:
    """Recompute the hash chain; exit 1 and name the events when anything was changed or removed."""
    from ..store import audit as chain

    with store_errors(app):
        store = open_cli_store()
        with store.transaction() as session:
            result = chain.verify(session)
    data = {
        "ok": result.ok,
        "events": result.events,
        "problems": [{"seq": p.seq, "problem": p.problem} for p in result.problems],
    }

    def text(d: dict, _lang: str) -> str:
        if d["ok"]:
            return app.say(
                f"审计日志完整：{d['events']} 条记录，哈希链校验通过。",
                f"audit log intact: {d['events']} events, hash chain verified.",
            )
        lines = [
            app.say(
                f"审计日志被篡改：{d['events']} 条记录中发现问题：",
                f"audit log tampered with: problems in {d['events']} events:",
            )
        ]
        for p in d["problems"]:
            where = app.say(f"第 {p['seq']} 条", f"event {p['seq']}") if p["seq"] else app.say("链头", "chain head")
            lines.append(f"  {where}: {WHAT[p['problem']][app.lang == 'en']}")
        return "\n".join(lines)

    emit(app, data, as_json, text)
    if not result.ok:
        raise SystemExit(EXIT_FAILURE)


WHAT = {
    "hash": ("内容与哈希不符（被修改）", "content does not match its hash (modified)"),
    "prev_hash": ("与前一条记录的链接断开（删除或插入）", "link to the previous event broken (removed or inserted)"),
    "gap": ("序号不连续（有记录被删除）", "sequence gap (an event was removed)"),
    "head": (
        "链头与最后一条记录不符（末尾被删除或追加）",
        "chain head does not match the last event (truncated or appended)",
    ),
}
