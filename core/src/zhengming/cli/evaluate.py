"""``zhengming evaluate CASE|-``: one case document in, its decision out."""

from __future__ import annotations

import json
from datetime import datetime

import click

from .app import App, exit_codes, pass_app, read_case
from .days import DAY


@click.command()
@click.argument("case_file", type=click.File("rb"))
@click.option("--json", "as_json", is_flag=True, help="Print the decision document (JSON) instead of text.")
@click.option("--as-of", type=DAY, help="Apply the rules in force on this date.")
@pass_app
def evaluate(app: App, case_file, as_json: bool, as_of: datetime | None) -> None:
    """Evaluate a case document (.json or .yaml; - reads stdin).

    Exit codes: 0 decided; 2 invalid input (one line per problem with its JSON pointer);
    3 jurisdiction not installed; 1 a plugin failed.
    """
    from ..engine import Engine
    from ..model import to_document

    with exit_codes(app):
        decision = Engine(app.registry).evaluate_document(read_case(case_file), as_of=as_of.date() if as_of else None)
    if as_json:
        click.echo(json.dumps(to_document(decision, app.lang), ensure_ascii=False, indent=2))
    else:
        from ..safetext import neutral_lines
        from .render import decision_text

        click.echo(neutral_lines(decision_text(decision, app.lang)))
