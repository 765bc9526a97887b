"""``zhengming explain CASE|-``: which plugin answered each hook, what it said, and why."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import click

from .app import App, exit_codes, pass_app, read_case
from .days import DAY


@click.command()
@click.argument("case_file", type=click.File("rb"))
@click.option("--json", "as_json", is_flag=True, help="Print the trace as JSON.")
@click.option("--as-of", type=DAY, help="Apply the rules in force on this date.")
@pass_app
def explain(app: App, case_file, as_json: bool, as_of: datetime | None) -> None:
    """Trace a case through the jurisdiction chain (exit codes as for evaluate)."""
    from ..explain import explain as trace_case
    from ..explain import step_document
    from ..safetext import neutral

    with exit_codes(app):
        found = trace_case(app.registry, read_case(case_file), as_of=as_of.date() if as_of else None)
    if as_json:
        documents = [step_document(step, app.lang) for step in found.steps]
        click.echo(json.dumps({"chain": list(found.chain), "hooks": documents}, ensure_ascii=False, indent=2))
        return
    click.echo(app._("chain: ") + " → ".join(found.chain))
    for step in found.steps:
        by = ", ".join(step.answered_by) or "—"
        adjusted = ", ".join(step.adjusted_by)
        click.secho(f"\n{step.hook}", bold=True)
        line = app._("answered by: {by}", by=by)
        if adjusted:
            line += app._("; adjusted by {adjusted}", adjusted=adjusted)
        click.echo("  " + line)
        for text in _summary(step.answer, app.lang):
            click.echo(f"  {neutral(text)}")


def _summary(answer: Any, lang: str) -> list[str]:
    """Each answer item without its citations, then each citation on its own line."""
    from ..model import to_document
    from .render import citation

    lines = []
    for item in answer if isinstance(answer, tuple) else (answer,):
        body = to_document(item, lang)
        body = {k: v for k, v in body.items() if k != "citations"} if isinstance(body, dict) else body
        lines.append(json.dumps(body, ensure_ascii=False))
        lines += [f"    ← {citation(c, lang)}" for c in getattr(item, "citations", ())]
    return lines
