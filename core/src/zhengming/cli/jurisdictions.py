"""``zhengming jurisdictions``: the installed tree, and ``show ID`` for one jurisdiction."""

from __future__ import annotations

import json

import click

from ..errors import UnknownJurisdiction
from ..i18n import Message
from ..model import CORE_ID
from .app import EXIT_FAILURE, EXIT_UNKNOWN_JURISDICTION, App, pass_app
from .days import DAY


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def jurisdictions(ctx: click.Context, as_json: bool) -> None:
    """List installed jurisdictions as a tree, with versions and load problems."""
    if ctx.invoked_subcommand:
        return
    app: App = ctx.obj
    registry = app.registry
    if as_json:
        from ..introspect import installed

        click.echo(json.dumps(installed(registry, app.lang), ensure_ascii=False, indent=2))
    else:
        for line in _tree(registry, CORE_ID, app.lang):
            click.echo(line)
        if registry.problems:
            click.echo(app._("\nPlugins that failed to load:"))
            for p in registry.problems:
                click.secho(f"  ✗ {p.name} — {p.source}\n      {p.error}", fg="red")
    if registry.problems and app.strict:
        raise SystemExit(EXIT_FAILURE)


def _tree(registry, jid: str, lang: str, prefix: str = "", last: bool = True, root: bool = True) -> list[str]:
    record = registry.records[jid]
    info = record.info
    since = f" · {'施行' if lang == 'zh' else 'from'} {info.effective_from}" if info.effective_from and not root else ""
    version = f"{record.distribution} {record.version}" if record.distribution else "?"
    branch = "" if root else ("└─ " if last else "├─ ")
    lines = [f"{prefix}{branch}{jid}  {info.names.render(lang)}  [{version}]{since}"]
    children = registry.children(jid)
    inner = prefix + ("" if root else ("   " if last else "│  "))
    for n, child in enumerate(children):
        lines += _tree(registry, child, lang, inner, n == len(children) - 1, root=False)
    return lines


DOCUMENT_STATUS = {
    "in_force": Message("in force"),
    "superseded": Message("superseded by a later version"),
    "not_yet": Message("not yet in force"),
}


@jurisdictions.command("show")
@click.argument("jurisdiction_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "--as-of",
    type=DAY,
    default=None,
    help="Date whose document versions are shown as in force (default: today).",
)
@pass_app
def show(app: App, jurisdiction_id: str, as_json: bool, as_of) -> None:
    """Metadata, documents (which version is in force), list items, local facts, and who answers each hook."""
    from ..introspect import describe

    try:
        info = describe(app.registry, jurisdiction_id, as_of.date() if as_of else None)
    except UnknownJurisdiction as exc:
        click.echo(
            app._("jurisdiction {jurisdiction_id!r} is not installed; installed: ", jurisdiction_id=jurisdiction_id)
            + ", ".join(exc.installed)
            + (f" ({exc.broken})" if exc.broken else ""),
            err=True,
        )
        raise SystemExit(EXIT_UNKNOWN_JURISDICTION) from None
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    lang = app.lang
    _ = app._
    click.echo(f"{info['id']}  {info['names'][lang]}  ({info['level']})  [{info['distribution']} {info['version']}]")
    click.echo(_("chain: ") + " → ".join(info["chain"]))
    if info["effective_from"]:
        click.echo(_("in force from: ") + info["effective_from"])
    click.echo(_("documents (as of {as_of}):", as_of=info["as_of"]))
    for d in info["documents"]:
        number = f" {d['number']}" if d["number"] else ""
        version = f" [{d['version']}]" if d["version"] else ""
        status = DOCUMENT_STATUS[d["status"]].render(lang)
        inferred = "" if d["in_force_stated"] else _(" (inferred)")
        click.echo(f"  - 《{d['title']}》{version} {d['issuer']}{number} · {d['in_force_from']}{inferred} · {status}")
        if d["in_force_basis"]:
            click.echo("      " + _("date from: ") + d["in_force_basis"])
    if info["list_items"]:
        click.echo(_("list items:"))
        for item in info["list_items"]:
            click.echo(f"  {item['id']:>4} [{item['defined_by']}] {item['text']}")
    if info["figures"]:
        click.echo(_("published figures:"))
        for f in info["figures"]:
            click.echo(f"  - {f['description'][lang]}: {f['value']} ({f['period']})")
    for owner, schema in info["local_facts"].items():
        click.echo(_("local facts (local.{owner}):", owner=owner))
        for name, field in schema.get("properties", {}).items():
            click.echo(f"  - {name}: {field.get('description', field.get('type', ''))}")
    click.echo(_("who answers each hook (most specific first):"))
    for row in info["hooks"]:
        answered = ", ".join(row["answered_by"])
        extra = f"; {_('adjusted by')}: {', '.join(row['adjusted_by'])}" if row["adjusted_by"] else ""
        fallback = f"  ({_('then')}: {', '.join(row['falls_back_to'])})" if row["falls_back_to"] else ""
        click.echo(f"  {row['hook']:<36} {row['combine']:<14} {answered}{fallback}{extra}")
