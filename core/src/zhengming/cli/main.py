"""The ``zhengming`` command. Heavy imports stay inside commands to keep start-up fast."""

from __future__ import annotations

import sys

import click

from .app import App, pass_app
from .conformance import conformance
from .demo import demo
from .evaluate import evaluate
from .explain import explain
from .jurisdictions import jurisdictions
from .plugin import plugin


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    envvar="ZHENGMING_LANG",
    show_default=True,
    help="Language of human-facing output (界面语言).",
)
@click.option(
    "--strict", is_flag=True, envvar="ZHENGMING_STRICT", help="Fail when any jurisdiction plugin has a load problem."
)
@click.version_option(package_name="zhengming")
@click.pass_context
def cli(ctx: click.Context, lang: str, strict: bool) -> None:
    """正名 zhengming — 澄清正名、诬告陷害认定与容错免责备案。"""
    ctx.obj = App(lang=lang, strict=strict)


cli.add_command(evaluate)
cli.add_command(jurisdictions)
cli.add_command(demo)
cli.add_command(conformance)
cli.add_command(explain)
cli.add_command(plugin)


def main() -> None:
    sys.exit(cli.main(prog_name="zhengming", standalone_mode=True))


__all__ = ["cli", "main", "pass_app"]
