"""The lifecycle half of ``zhengming demo``: a fresh SQLite database, every jurisdiction's scenarios,
and a summary of the cases by state."""

from __future__ import annotations

import tempfile
from collections import Counter
from datetime import UTC, date, datetime, time
from pathlib import Path

import click

from ..i18n import Message
from .app import App
from .columns import pad

# The jurisdictions whose accountability and revisit-education cases the demo shows step by step.
WALKED_THROUGH = ("pingdingshan", "xuchang")
ACTION_NAMES = {
    "approve": Message("consulted/approved"),
    "talk": Message("reminder talk"),
    "rectification": Message("rectified on probation"),
    "consent": Message("own view sought"),
    "revisit": Message("revisited"),
    "archive": Message("archived"),
    "close": Message("closed"),
}


# one case of the demo per kind of letter (平顶山's scenarios; the 书面澄清函 is 许昌's)
LETTER_SAMPLES = (
    ("clarification_notice", "pingdingshan-full"),
    ("clarification_letter", "xuchang-full"),
    ("approval_form", "pingdingshan-full"),
    ("revisit_record", "pingdingshan-full"),
    ("fault_tolerance_filing", "pingdingshan-fault-tolerance"),
    ("accountability_notice", "pingdingshan-accountability"),
)


def papers(app: App, service, folder: Path) -> list[str]:
    """One letter of each kind and the report (table, .xlsx, chart) of the demo's own cases, in ``folder``."""
    from ..letters import generate
    from ..lifecycle.errors import LifecycleError
    from ..reports import output
    from ..reports.query import report

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind, case_id in LETTER_SAMPLES:
        try:
            made = generate(service, case_id, kind)
        except LifecycleError:  # that jurisdiction is not installed
            continue
        (folder / f"{kind}.docx").write_bytes(made.docx)
        written.append(f"{kind}.docx")
    with service.store.transaction() as session:
        data = report(session, date(2024, 1, 1), date(2026, 12, 31), by="quarter", today=service.today())
    output.write_xlsx(data, folder / "report.xlsx", app.lang)
    written.append("report.xlsx")
    try:
        output.write_chart(data, folder / "report.png", app.lang)
        written.append("report.png")
    except output.NoCJKFont as exc:
        click.echo(str(exc), err=True)
    return written


def lifecycle_demo(app: App, db_path: str | None, papers_dir: str | None = None) -> None:
    from ..clock import office_zone
    from ..engine import Engine
    from ..labels import label
    from ..lifecycle import CaseService
    from ..lifecycle.demo import DEMO_DATE, Demo
    from ..lifecycle.states import ORDER
    from ..model import AccountabilityOutcome
    from ..store import audit, open_store
    from ..store.crypto import Keyring
    from .case_text import reason_name, state_name

    with tempfile.TemporaryDirectory(prefix="zhengming-demo-") as folder:
        path = Path(db_path) if db_path else Path(folder) / "demo.sqlite"
        if path.exists():
            raise click.UsageError(app._("{path} exists: the demo needs a new database", path=path))
        # a throwaway key: the demo never touches the user's own key file
        store = open_store(str(path), keyring=Keyring.generate())
        # the demo's day, 1 March 2024: its cases are opened and worked that day
        opened = datetime.combine(DEMO_DATE, time(10), office_zone()).astimezone(UTC)
        service = CaseService(store, Engine(app.registry), today=lambda: DEMO_DATE, now=lambda: opened)
        run = Demo(service).everything()
        cases, _total = service.list(limit=None)
        walked = [
            service.show(case_id)
            for jurisdiction, case_id, scenario in run.cases
            if jurisdiction in WALKED_THROUGH and scenario in ("accountability", "revisit-education")
        ]
        paper_folder = Path(papers_dir) if papers_dir else Path(folder) / "papers"
        written = papers(app, service, paper_folder)
        with store.transaction() as session:
            verified = audit.verify(session)
        store.dispose()

    _ = app._
    click.echo()
    where = str(path) if db_path else _("a temporary file, removed afterwards")
    click.echo(click.style(_("━━ Case lifecycle demo (SQLite: {where})", where=where), bold=True))
    per_jurisdiction: dict[str, Counter] = {}
    for row in cases:
        per_jurisdiction.setdefault(row["jurisdiction"], Counter())[row["state"]] += 1
    for jid in sorted(per_jurisdiction):
        counts = per_jurisdiction[jid]
        parts = " · ".join(f"{state_name(s, app.lang)} {counts[s]}" for s in ORDER if counts[s])
        click.echo(f"  {jid:<28} {sum(counts.values()):>3}  {parts}")
    click.echo(click.style(_("━━ Accountability and revisit education"), bold=True))
    sep = _(": ")
    for view in walked:
        steps = " → ".join(
            [state_name(view["history"][0]["to"], app.lang)]
            + [
                f"{ACTION_NAMES[h['action']].render(app.lang) if h['action'] in ACTION_NAMES else h['action']}{sep}{state_name(h['to'], app.lang)}"
                for h in view["history"][1:]
            ]
        )
        outcome = (
            f" [{label(AccountabilityOutcome(view['outcome'])).render(app.lang)}]"
            if view["kind"] == "accountability"
            else ""
        )
        click.echo(f"  {view['case_id']:<34} {steps}{outcome}")
    click.echo(click.style(_("━━ Cases by state"), bold=True))
    by_state = Counter(row["state"] for row in cases)
    reasons = _close_reasons(service, cases)
    for state in ORDER:
        if by_state[state]:
            detail = ""
            if reasons.get(state):
                detail = (
                    "（" + "，".join(f"{reason_name(r, app.lang)} {n}" for r, n in reasons[state].most_common()) + "）"
                )
            click.echo(f"  {pad(state_name(state, app.lang), 22)} {by_state[state]:>4}{detail}")
    click.echo(
        app.ngettext(
            "  {cases} case in {jurisdictions} jurisdictions; {fast_tracked} fast-tracked.",
            "  {cases} cases in {jurisdictions} jurisdictions; {fast_tracked} fast-tracked.",
            len(cases),
            cases=len(cases),
            jurisdictions=len(per_jurisdiction),
            fast_tracked=sum(r["fast_track"] for r in cases),
        )
    )
    if run.refusals:
        click.echo(_("Actions refused by the rules (examples):"))
        shown = {}
        for case_id, message in run.refusals:
            # one example of each kind, told apart by the start of the Chinese text whatever the language
            shown.setdefault(message.render("zh").split("：")[0][:12], (case_id, message))
        for _case_id, message in list(shown.values())[:3]:
            click.echo(f"  · {message.render(app.lang)}")
    if run.surprises:
        click.echo(_("{count} unexpected refusals:", count=len(run.surprises)))
        for case_id, message in run.surprises[:5]:
            click.echo(f"  · {case_id}: {message.render(app.lang)}")
    status = (
        _(
            "audit log: {events} events, keyed hash chain intact, every table consistent with it.",
            events=verified.events,
        )
        if verified.ok
        else _("audit log verification FAILED!")
    )
    click.echo("  " + status)
    click.echo(click.style(_("━━ Letters and statistics"), bold=True))
    kept = str(paper_folder) if papers_dir else _("a temporary folder, removed; keep them with --papers DIR")
    click.echo(f"  {', '.join(written)}  ({kept})")


def _close_reasons(service, cases) -> dict[str, Counter]:
    reasons: dict[str, Counter] = {}
    for row in cases:
        if row["state"] == "closed":
            view = row.get("close_reason")
            reasons.setdefault(row["state"], Counter())[view or "-"] += 1
    return reasons
