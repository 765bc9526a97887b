"""``zhengming case …``: open, show, list and work stored cases through their lifecycle.

Exit codes: 0 done; 2 invalid input; 3 jurisdiction not installed; 4 conflict (someone changed the
case at the same time, or ``--expect-version`` is stale); 5 refused (the state, the user's role or
seat, or missing consent does not allow it); 6 no such case or user; 1 anything else.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from ..model.enums import Method, Recipient, RevisitMethod, RevisitTarget
from .app import EXIT_INVALID, App, pass_app, read_case
from .coded import Coded, ConsentStatus
from .storage import DATE, emit, json_option, service, store_errors

as_option = click.option(
    "--as", "actor", metavar="USER", help="Who you are: must be the user of your token (ZHENGMING_TOKEN)."
)
comment_option = click.option("--comment", default="", help="Comment recorded with the step (意见).")
version_option = click.option(
    "--expect-version", type=int, help="Refuse as a conflict unless the case is still at this version."
)


def _who(app: App, svc, scope: str, actor: str | None = None) -> str:
    """The authenticated user's name (the token's user; ``--as`` must match it)."""
    from .auth import principal

    return principal(app, svc.store, scope, expected=actor).name


def _show(app: App, view: dict, as_json: bool) -> None:
    from .case_text import case_text

    emit(app, view, as_json, case_text)


@click.group()
def case() -> None:
    """Stored cases and their lifecycle (案件办理)."""


@case.command("open")
@click.argument("case_file", type=click.File("rb"))
@as_option
@json_option
@pass_app
def open_case(app: App, case_file, actor: str | None, as_json: bool) -> None:
    """Take in a case: the interchange case document plus ``reporter`` (sealed, never shown)."""
    from .auth import principal

    with store_errors(app):
        document = read_case(case_file)
        svc = service(app)
        who = principal(app, svc.store, "intake", expected=actor)
        view = svc.open(document, actor=who.name)
    if who.allows("read"):
        _show(app, view, as_json)
    else:  # an intake-only token (a report platform's) gets a receipt, as over HTTP, not the case
        receipt = {key: view[key] for key in ("case_id", "state", "outcome", "version")}
        emit(app, receipt, as_json, _receipt_text)


def _receipt_text(receipt: dict, lang: str) -> str:
    from ..i18n import gettext
    from .case_text import state_name

    return gettext(
        "taken in: case {case_id}, {state} (version {version})",
        lang,
        case_id=receipt["case_id"],
        state=state_name(receipt["state"], lang),
        version=receipt["version"],
    )


@case.command("show")
@click.argument("case_id")
@json_option
@pass_app
def show(app: App, case_id: str, as_json: bool) -> None:
    """A case: state, steps, records, pinned rules and its audit history."""
    with store_errors(app):
        svc = service(app)
        _show(app, svc.show(case_id, viewer=_who(app, svc, "read"), lang=app.lang), as_json)


@case.command("list")
@click.option("--overdue", is_flag=True, help="Only cases past their deadline or a planned revisit.")
@click.option("--state", help="Only cases in this state.")
@click.option("--limit", type=int, default=200, show_default=True, help="At most this many (0: all).")
@json_option
@pass_app
def list_cases(app: App, overdue: bool, state: str | None, limit: int, as_json: bool) -> None:
    """Cases, fast-track first, then overdue, then by due date."""
    from .case_text import list_text

    with store_errors(app):
        svc = service(app)
        who = _who(app, svc, "read")
        rows, total = svc.list(overdue=overdue, state=state, limit=limit or None, viewer=who)
        emit(app, {"total": total, "cases": rows}, as_json, list_text)


def _act(app: App, case_id: str, action_id: str, actor: str | None, expect_version, as_json: bool, **params):
    """Take a row of the lifecycle table (``zhengming.lifecycle.table``) as the token's user and show the case."""
    with store_errors(app):
        svc = service(app)
        view = svc.act(case_id, action_id, _who(app, svc, "act", actor), expected_version=expect_version, **params)
        _show(app, view, as_json)
    return view


def _step_command(action_id: str, help_text: str):
    """A command for a step action of the table (approve, reject, send back): the case, ``--comment``.
    (Listed here rather than read from the table: ``zhengming evaluate`` must not load the store.)"""

    @case.command(action_id.replace("_", "-"), help=help_text)
    @click.argument("case_id")
    @as_option
    @comment_option
    @click.option(
        "--on-paper", is_flag=True, help="The step was signed on paper (纸质审批补录); give its date with --on."
    )
    @click.option("--on", "given_on", type=DATE, help="With --on-paper: the date on the paper (签批日期).")
    @version_option
    @json_option
    @pass_app
    def command(
        app: App, case_id: str, actor: str, comment: str, on_paper: bool, given_on, expect_version, as_json: bool
    ) -> None:
        if on_paper != (given_on is not None):
            raise click.UsageError(app._("--on-paper and --on DATE go together"))
        _act(app, case_id, action_id, actor, expect_version, as_json, comment=comment, given_on=_day(given_on))

    return command


approve = _step_command("approve", "Take the current approval step (通过).")
reject = _step_command("reject", "Refuse at the current step: the case ends rejected (不予通过).")
send_back = _step_command("send_back", "Return the case to the previous step (退回).")


@case.command("consent")
@click.argument("case_id")
@as_option
@click.option(
    "--status", type=ConsentStatus(), required=True, help="given (同意), declined (不同意), withdrawn (撤回同意)"
)
@comment_option
@version_option
@json_option
@pass_app
def consent(app: App, case_id: str, actor: str, status: str, comment: str, expect_version, as_json: bool) -> None:
    """Record the subject's consent to public clarification (本人意见)."""
    _act(app, case_id, "consent", actor, expect_version, as_json, status=status, comment=comment)


@case.command("clarify")
@click.argument("case_id")
@as_option
@click.option("--method", type=Coded(Method), required=True, help="A method of the decision: code or name (会议澄清).")
@click.option("--date", "on", type=DATE, help="When it was carried out (default today).")
@click.option("--scope", default="", help="In front of whom / how far (范围).")
@version_option
@json_option
@pass_app
def clarify(app: App, case_id: str, actor: str, method: str, on: datetime | None, scope: str, expect_version, as_json):
    """Record a clarification carried out; refused without consent where the method needs it."""
    _act(app, case_id, "clarify", actor, expect_version, as_json, method=method, on=_day(on), scope=scope)


def _day(value: datetime | None):
    return value.date() if value else None


@case.command("notify")
@click.argument("case_id")
@as_option
@click.option(
    "--to",
    "recipients",
    type=Coded(Recipient),
    multiple=True,
    help="Recipient, code or name (repeatable; default: every one still due).",
)
@click.option("--date", "on", type=DATE, help="When (default today).")
@version_option
@json_option
@pass_app
def notify(app: App, case_id: str, actor: str, recipients: tuple[str, ...], on, expect_version, as_json) -> None:
    """Record that the decision's recipients were told or given the records (告知、归档)."""
    _act(app, case_id, "notify", actor, expect_version, as_json, recipients=list(recipients), on=_day(on))


@case.command("archive")
@click.argument("case_id")
@as_option
@version_option
@json_option
@pass_app
def archive(app: App, case_id: str, actor: str, expect_version, as_json: bool) -> None:
    """Archive a clarified (every recipient told) or decided case (归档)."""
    _act(app, case_id, "archive", actor, expect_version, as_json)


@case.command("revisit")
@click.argument("case_id")
@as_option
@click.option("--plan", "plan", type=DATE, multiple=True, help="Plan a revisit on this date (repeatable).")
@click.option("--done", is_flag=True, help="Record a revisit carried out.")
@click.option("--date", "on", type=DATE, help="When it was done (default today).")
@click.option("--method", type=Coded(RevisitMethod), help="How: code or name (个别谈话, 电话回访, …).")
@click.option("--target", type=Coded(RevisitTarget), help="Whom: subject (澄清对象) or unit (所在单位).")
@click.option("--note", default="")
@version_option
@json_option
@pass_app
def revisit(app: App, case_id: str, actor: str, plan, done: bool, on, method, target, note, expect_version, as_json):
    """Plan revisits (--plan DATE…) or record one done (--done) (回访)."""
    if bool(plan) == done:
        raise click.UsageError(app._("give either --plan DATE or --done"))
    if plan:
        _act(app, case_id, "plan_revisits", actor, expect_version, as_json, dates=[d.date() for d in plan])
    else:
        params = {"on": _day(on), "method": method, "target": target, "note": note}
        _act(app, case_id, "revisit", actor, expect_version, as_json, **params)


@case.command("talk")
@click.argument("case_id")
@as_option
@click.option("--date", "on", type=DATE, help="When the reminder talk was held (default today).")
@version_option
@json_option
@pass_app
def talk(app: App, case_id: str, actor: str, on, expect_version, as_json: bool) -> None:
    """Record the reminder talk (谈话提醒) of an accountability case: its probation starts (考验期)."""
    _act(app, case_id, "talk", actor, expect_version, as_json, on=_day(on))


@case.command("rectification")
@click.argument("case_id")
@as_option
@click.option("--rectified", is_flag=True, help="The cadre rectified within the probation (整改到位).")
@click.option("--not-rectified", is_flag=True, help="The cadre did not rectify within the probation (未整改到位).")
@version_option
@json_option
@pass_app
def rectification(
    app: App, case_id: str, actor: str, rectified: bool, not_rectified: bool, expect_version, as_json: bool
) -> None:
    """Record the probation's result; the rules then decide the accountability outcome (考验期结果)."""
    if rectified == not_rectified:  # two flags, not one boolean pair: with both, click would keep the last
        raise click.UsageError(app._("give either --rectified or --not-rectified"))
    _act(app, case_id, "rectification", actor, expect_version, as_json, rectified=rectified)


@case.command("close")
@click.argument("case_id")
@as_option
@click.option("--reason", help="Why (required for a deferred case; default: completed / consent declined).")
@version_option
@json_option
@pass_app
def close(app: App, case_id: str, actor: str, reason: str | None, expect_version, as_json: bool) -> None:
    """Close a case once nothing is left to do (办结)."""
    _act(app, case_id, "close", actor, expect_version, as_json, reason=reason)


@case.command("actions")
@click.argument("case_id")
@as_option
@json_option
@pass_app
def available(app: App, case_id: str, actor: str | None, as_json: bool) -> None:
    """The actions you may take on the case now (its state, your role, organ and level, separation of duties)."""
    with store_errors(app):
        svc = service(app)
        rows = svc.available_actions(case_id, _who(app, svc, "read", actor))
        emit(app, {"case_id": case_id, "actions": rows}, as_json, _actions_text)


def _actions_text(data: dict, lang: str) -> str:
    if not data["actions"]:
        return "（无可办理的操作）" if lang == "zh" else "(nothing you may do now)"
    return "\n".join(f"{row['id']:<15} {row['label'][lang]}" for row in data["actions"])


@case.command("resume")
@click.argument("case_id")
@click.argument("case_file", type=click.File("rb"))
@as_option
@json_option
@pass_app
def resume(app: App, case_id: str, case_file, actor: str, as_json: bool) -> None:
    """Evaluate a deferred case again with its updated document (the other clues are verified)."""
    with store_errors(app):
        svc = service(app)
        view = svc.resume(case_id, read_case(case_file), actor=_who(app, svc, "act", actor))
        _show(app, view, as_json)
        if not as_json and view["changes"]:
            click.echo(app._("changed from the stored document: "), err=True)
            for change in view["changes"]:
                click.echo(f"  {change['pointer']}", err=True)


@case.command("amend")
@click.argument("case_id")
@click.argument("case_file", type=click.File("rb"), required=False)
@click.option(
    "--set",
    "settings",
    multiple=True,
    metavar="PATH=VALUE",
    help="Change one field of the stored document: subject.name=张山, allegations.a1.finding=untrue, "
    "/handling/verification_concluded_on=2023-03-12 (repeatable; reporter.FIELD re-seals the reporter).",
)
@as_option
@version_option
@json_option
@pass_app
def amend(app: App, case_id: str, case_file, settings: tuple[str, ...], actor, expect_version, as_json: bool) -> None:
    """Correct a case's intake (修改受理信息): the whole corrected document (FILE) or single fields (--set).
    The case is evaluated again; what changed is printed with Chinese labels and audited. Refused once the
    clarification is carried out, a decision taken or the case closed."""
    from ..lifecycle.corrections import with_settings

    if case_file is None and not settings:
        raise click.UsageError(app._("give FILE or --set PATH=VALUE"))
    pairs = []
    for setting in settings:
        path, sep, value = setting.partition("=")
        if not sep or not path.strip():
            raise click.UsageError(app._("--set takes PATH=VALUE: {setting}", setting=setting))
        pairs.append((path.strip(), value))
    reporter = [(p, v) for p, v in pairs if p.lstrip("/").replace("/", ".").split(".")[0] == "reporter"]
    fields = [pair for pair in pairs if pair not in reporter]
    with store_errors(app):
        svc = service(app)
        who = _who(app, svc, "act", actor)
        if case_file is not None:
            document = read_case(case_file)
        else:
            stored = svc.show(case_id, history=False, viewer=who)
            document = stored["document"]
            expect_version = expect_version if expect_version is not None else stored["version"]
        document = with_settings(document, fields) if fields else document
        if reporter:  # merged into the identity given in FILE, else into the sealed one
            patch = with_settings({"reporter": {}}, reporter, as_text=True)["reporter"]
            given = document.get("reporter") if isinstance(document.get("reporter"), dict) else {}
            document = document | {"reporter": given | patch}
        view = svc.amend(
            case_id,
            document,
            actor=who,
            expected_version=expect_version,
            merge_reporter=bool(reporter) and case_file is None,
        )
        emit(app, view, as_json, amended_text)


def amended_text(view: dict, lang: str) -> str:
    """What the amendment changed, in labels, then the case as ``show`` prints it."""
    from .case_text import amendment_lines, case_text

    if not view["changes"]:
        return (
            "未作修改：与已存的受理信息相同" if lang == "zh" else "nothing amended: the document is the same as stored"
        )
    lines = ["已修改受理信息：" if lang == "zh" else "amended:"]
    lines += [f"  {line}" for line in amendment_lines(view, view["document"], lang)]
    return "\n".join(lines) + "\n" + case_text(view, lang)


@case.command("reevaluate")
@click.argument("case_id")
@click.option("--as-of", type=DATE, help="Apply the rules in force on this date (default: the case's date).")
@json_option
@pass_app
def reevaluate(app: App, case_id: str, as_of: datetime | None, as_json: bool) -> None:
    """What today's installed rules would decide differently from the decision the case was pinned to."""
    from ..lifecycle.reevaluate import reevaluate as run
    from .case_text import reevaluate_text

    with store_errors(app):
        svc = service(app)
        svc.show(case_id, history=False, viewer=_who(app, svc, "read"))  # need-to-know first
        data = run(svc.store, svc.engine, case_id, as_of=as_of.date() if as_of else None, lang=app.lang)
        emit(app, data, as_json, reevaluate_text)


@case.command("letter")
@click.argument("case_id")
@click.argument("kind", metavar="KIND")
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(dir_okay=False, writable=True),
    required=True,
    help="Where to write the .docx.",
)
@as_option
@pass_app
def letter(app: App, case_id: str, kind: str, output: str, actor: str | None) -> None:
    """Print a letter of the case as a GB/T 9704 .docx (文书): clarification_notice, clarification_letter,
    approval_form, revisit_record, fault_tolerance_filing, accountability_notice. Recorded in the audit log."""
    from ..letters import generate

    target = Path(output)
    _require_writable(app, target)  # before the letter is made: making it is an audit event
    with store_errors(app):
        svc = service(app)
        made = generate(svc, case_id, kind, actor=_who(app, svc, "read", actor))
        target.write_bytes(made.docx)
        click.echo(app._("wrote {title}: {output}", title=made.letter.title, output=output))


def _require_writable(app: App, target) -> None:
    """Refuse (exit 2, naming ``-o``) a file that cannot be written: a missing or read-only directory."""
    import os

    folder = target.parent if str(target.parent) else Path(".")
    if target.exists() and not os.access(target, os.W_OK):
        reason = app._("the file is not writable")
    elif not folder.is_dir():
        reason = app._("no such directory: {folder}", folder=folder)
    elif not target.exists() and not os.access(folder, os.W_OK):
        reason = app._("the directory is not writable: {folder}", folder=folder)
    else:
        return
    click.echo(f"-o {target}: {reason}", err=True)
    raise SystemExit(EXIT_INVALID)
