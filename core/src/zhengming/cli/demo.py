"""``zhengming demo``: run every installed jurisdiction's example cases and show some decisions in full;
then work a realistic set of cases for every jurisdiction through their lifecycle in a fresh database
and print how many ended in each state."""

from __future__ import annotations

import click

from ..i18n import Message
from ..model import Text
from .app import EXIT_FAILURE, App, pass_app
from .columns import pad


@click.command()
@click.option("--all", "show_all", is_flag=True, help="Print every decision in full, not only the featured ones.")
@click.option(
    "--db",
    "demo_db",
    metavar="PATH",
    help="Keep the demo's SQLite database here (default: a temporary file, removed afterwards).",
)
@click.option(
    "--papers",
    "papers_dir",
    metavar="DIR",
    help="Keep the demo's letters (.docx, one of each kind) and its report (.xlsx, .png) here.",
)
@pass_app
def demo(app: App, show_all: bool, demo_db: str | None, papers_dir: str | None) -> None:
    """Example cases, then cases worked through their lifecycle (演示).

    Evaluates the example cases shipped with every installed jurisdiction, then runs cases through
    their whole lifecycle in a fresh database."""
    from ..casefiles import mismatches, read_examples
    from ..engine import Engine
    from ..errors import ZhengmingError
    from ..model import to_document
    from .render import decision_text

    registry = app.registry
    engine = Engine(registry)
    rows, failures = [], 0
    for jid in registry.ids():
        found = read_examples(registry.records[jid].plugin, jid)
        for problem in found.problems:  # a malformed case file is a failure to report, not a crash
            failures += 1
            rows.append((jid, problem.path.name, "—", "✗ " + "; ".join(problem.problems)))
        for example in found.examples:
            try:
                decision = engine.evaluate_document(example.case)
            except ZhengmingError as exc:
                failures += 1
                rows.append((jid, example.id, "—", f"✗ {type(exc).__name__}: {exc}"))
                continue
            wrong = mismatches(example.expect, to_document(decision))
            failures += bool(wrong)
            if example.demo or show_all:
                click.echo(click.style(f"━━ {example.id}: {example.description}", bold=True))
                click.echo(decision_text(decision, app.lang) + "\n")
            rows.append(
                (jid, example.id, verdict(decision).render(app.lang), "✓" if not wrong else "✗ " + "; ".join(wrong))
            )
    click.echo(click.style(app._("━━ All example cases"), bold=True))
    for jid, case_id, result, check in rows:
        click.echo(f"  {jid:<28} {case_id:<44} {pad(result, 16)} {check}")
    click.echo(
        app.ngettext(
            "{cases} case, {as_expected} as expected.",
            "{cases} cases, {as_expected} as expected.",
            len(rows),
            cases=len(rows),
            as_expected=len(rows) - failures,
        )
    )
    from .demo_lifecycle import lifecycle_demo

    lifecycle_demo(app, demo_db, papers_dir)
    if failures:
        raise SystemExit(EXIT_FAILURE)


def verdict(decision) -> Text:
    """The one-word result of a decision of any kind, for the table of example cases."""
    from ..labels import label
    from ..model import (
        ClarificationDecision,
        DisciplinedRevisitDecision,
        FalseAccusationDecision,
    )

    if isinstance(decision, ClarificationDecision):
        return label(decision.trigger.outcome)
    if isinstance(decision, FalseAccusationDecision):
        return label(decision.classification)
    if isinstance(decision, DisciplinedRevisitDecision):
        return Message("revisit required") if decision.required else Message("no revisit")
    return label(decision.outcome)  # fault tolerance and accountability
