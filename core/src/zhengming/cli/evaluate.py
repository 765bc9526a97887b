"""``zhengming evaluate CASE|-``: one case document in, its decision out."""

from __future__ import annotations

import json
from datetime import date, datetime

import click

from ..errors import InvalidDocument, PluginError, UnknownJurisdiction
from .app import EXIT_FAILURE, EXIT_INVALID, EXIT_UNKNOWN_JURISDICTION, App, pass_app


@click.command()
@click.argument("case_file", type=click.File("rb"))
@click.option("--json", "as_json", is_flag=True, help="Print the decision document (JSON) instead of text.")
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), help="Apply the rules in force on this date.")
@pass_app
def evaluate(app: App, case_file, as_json: bool, as_of: datetime | None) -> None:
    """Evaluate a case document (.json or .yaml; - reads stdin).

    Exit codes: 0 decided; 2 invalid input (one line per problem with its JSON pointer);
    3 jurisdiction not installed; 1 a plugin failed.
    """
    from ..documents import parse_document
    from ..engine import Engine
    from ..model import to_document

    day: date | None = as_of.date() if as_of else None
    try:
        name = getattr(case_file, "name", "-")
        document = parse_document(case_file.read(), "-" if name == "<stdin>" else name)
        decision = Engine(app.registry).evaluate_document(document, as_of=day)
    except InvalidDocument as exc:
        for problem in exc.problems:
            click.echo(problem.render(app.lang), err=True)
        raise SystemExit(EXIT_INVALID) from None
    except UnknownJurisdiction as exc:
        broken = app.say(f"（加载失败：{exc.broken}）", f" (failed to load: {exc.broken})") if exc.broken else ""
        click.echo(
            app.say(
                f"辖区 {exc.jurisdiction!r} 未安装{broken}；已安装：{', '.join(exc.installed)}",
                f"jurisdiction {exc.jurisdiction!r} is not installed{broken}; installed: {', '.join(exc.installed)}",
            ),
            err=True,
        )
        raise SystemExit(EXIT_UNKNOWN_JURISDICTION) from None
    except PluginError as exc:
        click.echo(app.say("插件出错：", "plugin error: ") + str(exc), err=True)
        raise SystemExit(EXIT_FAILURE) from None
    app.warn_problems()
    if as_json:
        click.echo(json.dumps(to_document(decision, app.lang), ensure_ascii=False, indent=2))
    else:
        from .render import decision_text

        click.echo(decision_text(decision, app.lang))
