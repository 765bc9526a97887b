"""The ``zhengming`` command. Heavy imports stay inside commands to keep start-up fast."""

from __future__ import annotations

import sys

import click

from ..clock import ENVIRONMENT, UnknownTimezone, office_zone
from .app import App, pass_app
from .auth import LOCAL_ADMIN_META
from .case import case
from .click_messages import install, language_before_parsing, set_language, speaking
from .conformance import conformance
from .custody import custody
from .db import audit, db
from .demo import demo
from .evaluate import evaluate
from .explain import explain
from .importer import import_cases
from .jurisdictions import jurisdictions
from .key import key
from .plugin import plugin
from .report import report
from .serve import serve
from .storage import DB_META
from .tokens import login, token
from .users import users

install()


class SpeakingGroup(click.Group):
    """The ``zhengming`` group: click's own messages in the invocation's language (click_messages)."""

    def main(self, args=None, *rest, **options):
        given = sys.argv[1:] if args is None else list(args)
        with speaking(language_before_parsing(given, list(self.commands))):
            return super().main(args, *rest, **options)


def _speak(ctx: click.Context, param: click.Parameter, lang: str) -> str:
    set_language(lang)
    return lang


@click.group(cls=SpeakingGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default="zh",
    envvar="ZHENGMING_LANG",
    show_default=True,
    is_eager=True,  # set before the other options are checked: their errors are said in it
    callback=_speak,
    help="Language of human-facing output (界面语言).",
)
@click.option(
    "--strict", is_flag=True, envvar="ZHENGMING_STRICT", help="Fail when any jurisdiction plugin has a load problem."
)
@click.option(
    "--db",
    "db_location",
    metavar="URL_OR_PATH",
    envvar="ZHENGMING_DB",
    help="Case database: a SQLite file or a postgresql:// URL (default: a per-user SQLite file).",
)
@click.option(
    "--local-admin",
    is_flag=True,
    help="Administrator's local mode: manage users, tokens and keys, recorded as local-admin:<login>.",
)
@click.version_option(package_name="zhengming")
@click.pass_context
def cli(ctx: click.Context, lang: str, strict: bool, db_location: str | None, local_admin: bool) -> None:
    """正名 zhengming — 澄清正名、诬告陷害认定与容错免责备案。"""
    ctx.obj = App(lang=lang, strict=strict)
    try:  # the office's zone dates cases: a mistyped one stops every command here, not halfway through one
        office_zone()
    except UnknownTimezone as exc:
        raise click.UsageError(
            ctx.obj._(
                "{name}: {value!r} is not a time zone (an IANA name such as Asia/Shanghai)",
                name=ENVIRONMENT,
                value=exc.name,
            )
        ) from None
    ctx.meta[DB_META] = db_location
    ctx.meta[LOCAL_ADMIN_META] = local_admin


cli.add_command(evaluate)
cli.add_command(jurisdictions)
cli.add_command(demo)
cli.add_command(case)
cli.add_command(users)
cli.add_command(db)
cli.add_command(audit)
cli.add_command(key)
cli.add_command(custody)
cli.add_command(token)
cli.add_command(login)
cli.add_command(import_cases)
cli.add_command(conformance)
cli.add_command(explain)
cli.add_command(plugin)
cli.add_command(report)
cli.add_command(serve)


def main() -> None:
    sys.exit(cli.main(prog_name="zhengming", standalone_mode=True))


__all__ = ["cli", "main", "pass_app"]
