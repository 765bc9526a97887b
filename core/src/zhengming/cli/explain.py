"""``zhengming explain CASE|-``: which plugin answered each hook, what it said, and why."""

from __future__ import annotations

import json
from datetime import datetime

import click

from .app import App, exit_codes, pass_app, read_case


@click.command()
@click.argument("case_file", type=click.File("rb"))
@click.option("--json", "as_json", is_flag=True, help="Print the trace as JSON.")
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), help="Apply the rules in force on this date.")
@pass_app
def explain(app: App, case_file, as_json: bool, as_of: datetime | None) -> None:
    """Trace a case through the jurisdiction chain (exit codes as for evaluate)."""
    from ..explain import explain as trace_case
    from ..explain import trace_document
    from ..safetext import neutral

    with exit_codes(app):
        chain, traces = trace_case(app.registry, read_case(case_file), as_of=as_of.date() if as_of else None)
    documents = [trace_document(t, app.lang) for t in traces]
    if as_json:
        click.echo(json.dumps({"chain": list(chain), "hooks": documents}, ensure_ascii=False, indent=2))
        return
    click.echo(app.say("规则链：", "chain: ") + " → ".join(chain))
    for doc in documents:
        by = ", ".join(doc["answered_by"]) or "—"
        adjusted = app.say(f"；{', '.join(doc['adjusted_by'])} 调整", f"; adjusted by {', '.join(doc['adjusted_by'])}")
        click.secho(f"\n{doc['hook']}", bold=True)
        click.echo("  " + app.say(f"回答者：{by}", f"answered by: {by}") + (adjusted if doc["adjusted_by"] else ""))
        for line in _summary(doc["answer"], app.lang):
            click.echo(f"  {neutral(line)}")


def _summary(answer, lang: str) -> list[str]:
    """The answer without its citations, then each citation on its own line."""
    from ..model import Citation
    from .render import citation

    items = answer if isinstance(answer, list) else [answer]
    lines = []
    for item in items:
        body = {k: v for k, v in item.items() if k != "citations"}
        lines.append(json.dumps(body, ensure_ascii=False))
        lines += [f"    ← {citation(Citation(**c), lang)}" for c in item.get("citations", ())]
    return lines
