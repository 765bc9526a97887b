"""The lifecycle half of ``zhengming demo``: a fresh SQLite database, every jurisdiction's scenarios,
and a summary of the cases by state."""

from __future__ import annotations

import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

import click

from .app import App
from .columns import pad

# The jurisdictions whose accountability and revisit-education cases the demo shows step by step.
WALKED_THROUGH = ("pingdingshan", "xuchang")
ACTION_NAMES = {
    "approve": ("会商/审批", "consulted/approved"),
    "talk": ("谈话提醒", "reminder talk"),
    "rectification": ("考验期整改到位", "rectified on probation"),
    "consent": ("征求本人意见", "own view sought"),
    "revisit": ("回访", "revisited"),
    "archive": ("归档", "archived"),
    "close": ("办结", "closed"),
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
            raise click.UsageError(
                app.say(f"{path} 已存在：演示需要新数据库", f"{path} exists: the demo needs a new database")
            )
        # a throwaway key: the demo never touches the user's own key file
        store = open_store(str(path), keyring=Keyring.generate())
        service = CaseService(store, Engine(app.registry), today=lambda: DEMO_DATE)
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

    say = app.say
    click.echo()
    where = str(path) if db_path else say("临时文件，演示后删除", "a temporary file, removed afterwards")
    click.echo(
        click.style(say(f"━━ 案件办理演示（SQLite：{where}）", f"━━ Case lifecycle demo (SQLite: {where})"), bold=True)
    )
    per_jurisdiction: dict[str, Counter] = {}
    for row in cases:
        per_jurisdiction.setdefault(row["jurisdiction"], Counter())[row["state"]] += 1
    for jid in sorted(per_jurisdiction):
        counts = per_jurisdiction[jid]
        parts = " · ".join(f"{state_name(s, app.lang)} {counts[s]}" for s in ORDER if counts[s])
        click.echo(f"  {jid:<28} {sum(counts.values()):>3}  {parts}")
    click.echo(click.style(say("━━ 问责与受处分干部回访教育", "━━ Accountability and revisit education"), bold=True))
    sep = say("：", ": ")
    for view in walked:
        steps = " → ".join(
            [state_name(view["history"][0]["to"], app.lang)]
            + [
                f"{say(*ACTION_NAMES.get(h['action'], (h['action'], h['action'])))}{sep}{state_name(h['to'], app.lang)}"
                for h in view["history"][1:]
            ]
        )
        outcome = (
            f" [{label(AccountabilityOutcome(view['outcome'])).render(app.lang)}]"
            if view["kind"] == "accountability"
            else ""
        )
        click.echo(f"  {view['case_id']:<34} {steps}{outcome}")
    click.echo(click.style(say("━━ 按状态汇总", "━━ Cases by state"), bold=True))
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
        say(
            f"  共 {len(cases)} 件，{len(per_jurisdiction)} 个辖区；快查快办 {sum(r['fast_track'] for r in cases)} 件。",
            f"  {len(cases)} cases in {len(per_jurisdiction)} jurisdictions; {sum(r['fast_track'] for r in cases)} fast-tracked.",
        )
    )
    if run.refusals:
        click.echo(say("按规则拒绝的操作（示例）：", "Actions refused by the rules (examples):"))
        shown = {}
        for case_id, message in run.refusals:
            shown.setdefault(message.render(app.lang).split("：")[0][:12], (case_id, message))
        for _case_id, message in list(shown.values())[:3]:
            click.echo(f"  · {message.render(app.lang)}")
    if run.surprises:
        click.echo(say(f"意外拒绝 {len(run.surprises)} 次：", f"{len(run.surprises)} unexpected refusals:"))
        for case_id, message in run.surprises[:5]:
            click.echo(f"  · {case_id}: {message.render(app.lang)}")
    status = (
        say(
            f"审计日志：{verified.events} 条记录，密钥哈希链完整，各表与之一致。",
            f"audit log: {verified.events} events, keyed hash chain intact, every table consistent with it.",
        )
        if verified.ok
        else say("审计日志校验失败！", "audit log verification FAILED!")
    )
    click.echo("  " + status)
    click.echo(click.style(say("━━ 文书与统计", "━━ Letters and statistics"), bold=True))
    kept = (
        str(paper_folder)
        if papers_dir
        else say(
            "临时目录，演示后删除；--papers DIR 可保留", "a temporary folder, removed; keep them with --papers DIR"
        )
    )
    click.echo(f"  {', '.join(written)}  ({kept})")


def _close_reasons(service, cases) -> dict[str, Counter]:
    reasons: dict[str, Counter] = {}
    for row in cases:
        if row["state"] == "closed":
            view = row.get("close_reason")
            reasons.setdefault(row["state"], Counter())[view or "-"] += 1
    return reasons
