"""``zhengming import FILE.jsonl``: bulk intake with a progress bar, idempotent by ``case_id``."""

from __future__ import annotations

import os

import click

from .app import EXIT_INVALID, App, pass_app
from .auth import principal
from .storage import emit, json_option, open_cli_store, store_errors


@click.command("import")
@click.argument("jsonl", type=click.Path(exists=True, dir_okay=False))
@click.option("--as", "actor", metavar="USER", help="Who you are: must be the user of your token (scope intake).")
@click.option(
    "--batch", "batch_size", type=click.IntRange(min=1), default=1000, show_default=True, help="Cases per transaction."
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Processes preparing the lines (parse, check, evaluate, seal); 0: none. Default: up to 2, one per core.",
)
@click.option("--no-progress", is_flag=True, help="No progress bar.")
@json_option
@pass_app
def import_cases(
    app: App, jsonl: str, actor: str | None, batch_size: int, workers: int | None, no_progress: bool, as_json: bool
) -> None:
    """Import intake documents, one JSON object per line. A bad line is reported with its line number
    and JSON pointer and skipped; cases already stored are skipped, so a re-run finishes an interrupted
    import. Recorded as the token's user (scope intake), or as the local administrator
    (``--local-admin``). Exit 0 when every line was imported or already stored, 2 when some line was invalid."""
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    from ..engine import Engine
    from ..lifecycle.importer import import_jsonl
    from ..safetext import neutral

    def show_problem(problem) -> None:
        for p in problem.problems:
            where = app._("line {line}", line=problem.line)
            # one problem a line, never wrapped at the terminal's width (lines are grepped and counted)
            console.print(f"{where} {neutral(p.render(app.lang))}", markup=False, highlight=False, soft_wrap=True)

    console = Console(stderr=True)
    with store_errors(app):
        store = open_cli_store()
        actor = principal(app, store, "intake", expected=actor, admin_allowed=True).name
        engine = Engine(app.registry)
        sealer = store.keyring.sealer()
        with (
            open(jsonl, "rb") as stream,
            Progress(
                TextColumn(app._("import")),
                BarColumn(),
                DownloadColumn(),
                TimeRemainingColumn(),
                console=console,
                disable=no_progress,
            ) as bar,
        ):
            task = bar.add_task("import", total=os.path.getsize(jsonl))
            report = import_jsonl(
                store,
                engine,
                stream,
                sealer=sealer,
                actor=actor,
                batch_size=batch_size,
                workers=workers,
                progress=lambda n: bar.advance(task, n),
                on_problem=show_problem,
                on_wait=lambda: console.print(
                    app._("another import into this database is running; waiting for it to finish…"),
                    markup=False,
                    highlight=False,
                ),
            )
    data = report.as_json(app.lang)

    def text(d: dict, _lang: str) -> str:
        from .case_text import state_name

        states = "，".join(f"{state_name(s, app.lang)} {n}" for s, n in sorted(d["by_state"].items()))
        summary = app._(
            "{lines} lines: {imported} imported, {already_stored} already stored, "
            "{duplicate_in_file} duplicated in the file, {invalid} invalid.",
            lines=d["lines"],
            imported=d["imported"],
            already_stored=d["already_stored"],
            duplicate_in_file=d["duplicate_in_file"],
            invalid=len(d["invalid"]),
        )
        return summary + ("\n" + app._("by state: {states}", states=states) if states else "")

    emit(app, data, as_json, text)
    if report.invalid:
        raise SystemExit(EXIT_INVALID)
