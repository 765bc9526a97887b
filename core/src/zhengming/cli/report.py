"""``zhengming report``: the figures offices publish, over a period (统计报表).

Exit codes: 0 done; 2 invalid input (a bad date, --from after --to, an unknown format); 3 --jurisdiction
names one that is not installed; 1 anything else.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..clock import office_today
from .app import App, pass_app
from .storage import DATE, emit, open_cli_store, store_errors

OUTPUTS = {".xlsx": "xlsx", ".png": "chart", ".svg": "chart", ".json": "json"}


@click.command("report")
@click.option("--from", "start", type=DATE, required=True, help="First day (YYYY-MM-DD).")
@click.option("--to", "end", type=DATE, required=True, help="Last day (YYYY-MM-DD), included.")
@click.option("--jurisdiction", help="Only this jurisdiction and those under it (e.g. zhejiang).")
@click.option("--by", type=click.Choice(["quarter", "jurisdiction"]), help="One column per quarter or jurisdiction.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Also write a file: .xlsx (workbook), .png or .svg (chart), .json (repeatable).",
)
@pass_app
def report(app: App, start, end, jurisdiction: str | None, by: str | None, as_json: bool, outputs) -> None:
    """Persons and organizations clarified (by method), 诬告陷害 cases and people, fault-tolerance filings
    and cadres, accountability outcomes, overdue cases."""
    import json

    from ..reports import output
    from ..reports.query import report as build

    if start > end:
        raise click.BadParameter(app._("--from must not be after --to"), param_hint="--from")
    for path in outputs:
        if Path(path).suffix.lower() not in OUTPUTS:
            raise click.BadParameter(
                app._("unsupported file type: {path}", path=path) + " (.xlsx .png .svg .json)",
                param_hint="--output",
            )
    with store_errors(app):
        from .auth import principal

        app.registry.require_installed(jurisdiction)  # exit 3
        store = open_cli_store()
        viewer = principal(app, store, "read")
        with store.transaction() as session:
            from ..lifecycle.actions import load_user

            data = build(
                session,
                start.date(),
                end.date(),
                jurisdiction=jurisdiction,
                by=by,
                today=office_today(),
                viewer=load_user(session, viewer.name),
            )
        for path in outputs:
            kind = OUTPUTS[Path(path).suffix.lower()]
            if kind == "xlsx":
                output.write_xlsx(data, Path(path), app.lang)
            elif kind == "chart":
                try:
                    output.write_chart(data, Path(path), app.lang)
                except output.NoCJKFont as exc:
                    click.echo(str(exc), err=True)
                    raise SystemExit(1) from None
            else:
                Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        emit(app, data, as_json, output.table_text)
