"""``zhengming conformance``: case files and invariants against installed jurisdictions, one matrix."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .app import EXIT_FAILURE, EXIT_UNKNOWN_JURISDICTION, App, pass_app


@click.command()
@click.argument("jurisdictions", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("conformance-report.jsonl"),
    show_default=True,
    help="Where to write the JSON-lines report.",
)
@click.option(
    "--max-examples",
    type=click.IntRange(1, 10_000),
    default=40,
    show_default=True,
    help="Generated cases per jurisdiction, case kind and invariant round.",
)
@pass_app
def conformance(app: App, jurisdictions: tuple[str, ...], fmt: str, report: Path, max_examples: int) -> None:
    """Check jurisdictions (default: all installed) against their case files and the invariants.

    Prints the matrix jurisdiction × hook family (pass / fail / not declared), writes the report,
    and exits 1 when any must-level check fails.
    """
    from ..conformance import as_json, markdown, matrix, run, write_jsonl

    registry = app.registry
    unknown = [j for j in jurisdictions if j not in registry.records]
    if unknown:
        named = []
        for jid in unknown:
            problem = registry.problem_for(jid)
            named.append(app._("{jid} (failed to load: {problem})", jid=jid, problem=problem) if problem else jid)
        click.echo(
            app._("not installed: {named}; installed: ", named=app._(", ").join(named)) + ", ".join(registry.ids()),
            err=True,
        )
        raise SystemExit(EXIT_UNKNOWN_JURISDICTION)
    targets = list(jurisdictions) or [j for j in registry.ids() if j != "core"]
    results = run(registry, targets, max_examples=max_examples)
    table = matrix(registry, results)
    with report.open("w", encoding="utf-8") as out:
        write_jsonl(results, out)
    if fmt == "json":
        click.echo(json.dumps(as_json(table, results), ensure_ascii=False, indent=2))
    else:
        click.echo(markdown(table, results, app.lang))
        click.echo(app._("report written to {report}", report=report))
    if any(r.failed for r in results):
        raise SystemExit(EXIT_FAILURE)
