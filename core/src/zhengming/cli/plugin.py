"""``zhengming plugin new``: scaffold a jurisdiction plugin distribution."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from ..model import JurisdictionLevel
from .app import EXIT_INVALID, App, pass_app
from .days import DAY


@click.group()
def plugin() -> None:
    """Tools for plugin authors."""


@plugin.command("new")
@click.argument("jurisdiction_id")
@click.option("--parent", required=True, help="The installed jurisdiction whose rules the new one refines.")
@click.option("--name-zh", help="Chinese name (default: the id).")
@click.option("--name-en", help="English name (default: the id).")
@click.option("--level", type=click.Choice([lv.value for lv in JurisdictionLevel]), default="county", show_default=True)
@click.option(
    "--in-force-from",
    type=DAY,
    help="Date the local rules apply from (default today).",
)
@click.option("--dir", "target", type=click.Path(file_okay=False, path_type=Path), help="Where to write it.")
@pass_app
def new(
    app: App,
    jurisdiction_id: str,
    parent: str,
    name_zh: str | None,
    name_en: str | None,
    level: str,
    in_force_from: datetime | None,
    target: Path | None,
) -> None:
    """Scaffold an installable plugin for JURISDICTION_ID (e.g. pingdingshan.jiaxian) that defers to PARENT."""
    from ..scaffold import PluginSpec, ScaffoldError, scaffold

    spec = PluginSpec(
        id=jurisdiction_id,
        parent=parent,
        name_zh=name_zh or jurisdiction_id,
        name_en=name_en or jurisdiction_id,
        level=JurisdictionLevel(level),
        in_force_from=in_force_from.date() if in_force_from else date.today(),
    )
    target = target or Path(spec.distribution)
    try:
        written = scaffold(app.registry, spec, target)
    except ScaffoldError as exc:
        click.echo(app._("cannot scaffold: ") + str(exc), err=True)
        raise SystemExit(EXIT_INVALID) from None
    for path in written:
        click.echo(f"  {path}")
    click.echo(
        app._(
            "created {distribution}. Next: pip install -e {target}, then zhengming conformance {id}",
            distribution=spec.distribution,
            target=target,
            id=spec.id,
        )
    )
