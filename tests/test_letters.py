"""Letters (issue 14): six kinds of GB/T 9704-2012 .docx printed from stored cases of the demo's
平顶山 and 许昌 scenarios; checked for page, margins, fonts and text, recorded in the audit log, and
rendered with LibreOffice to PDF and PNG (kept in build/letters/ for a developer to look at)."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from zhengming import LetterTemplate
from zhengming.cli.main import cli
from zhengming.letters import LETTER_KINDS, LetterNotApplicable, build, generate, layout
from zhengming.lifecycle.demo import DEMO_DATE, REPORTER, Demo
from zhengming.store import audit

pytest_plugins = ("tests.test_store_support",)

BUILD = Path(__file__).parents[1] / "build" / "letters"
TODAY = date(2024, 6, 3)
SAMPLES = {  # kind -> (demo case, the name the letter must carry)
    "clarification_notice": ("pingdingshan-disciplined", "张某"),
    "clarification_letter": ("xuchang-full", "张某"),
    "approval_form": ("pingdingshan-full", "张某"),
    "revisit_record": ("pingdingshan-full", "张某"),
    "fault_tolerance_filing": ("pingdingshan-fault-tolerance", "pingdingshan-fault-tolerance"),
    "accountability_notice": ("pingdingshan-accountability", "刘某"),
}


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory, registry):
    import secrets

    from zhengming import Engine
    from zhengming.clock import office_zone
    from zhengming.lifecycle import CaseService
    from zhengming.store import open_store
    from zhengming.store.crypto import Sealer, create_key_file

    home = tmp_path_factory.mktemp("letters")
    key = secrets.token_bytes(32)
    create_key_file(home / "key", key)  # the store is bound to it; the command-line test uses it too
    with pytest.MonkeyPatch.context() as patch:  # never the user's own key
        patch.setenv("ZHENGMING_KEY_FILE", str(home / "key"))
        patch.delenv("ZHENGMING_KEY", raising=False)
        store = open_store(str(home / "cases.db"))
        day = [DEMO_DATE]  # the demo works its cases on its day; the letters are written later, TODAY
        service = CaseService(
            store,
            Engine(registry),
            sealer=Sealer(key),
            today=lambda: day[0],
            now=lambda: datetime.combine(day[0], time(10), office_zone()).astimezone(UTC),
        )
        demo = Demo(service)
        demo.jurisdiction("pingdingshan")
        demo.jurisdiction("xuchang")
        day[0] = TODAY
        yield service, home
        store.dispose()


@pytest.fixture(scope="module")
def letters(demo_store):
    service, _db = demo_store
    return {kind: generate(service, case_id, kind) for kind, (case_id, _name) in SAMPLES.items()}


def mm(length) -> float:
    return round(length / 36000, 1)  # EMU to mm; Word stores twentieths of a point


def all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.mark.parametrize("kind", LETTER_KINDS)
def test_each_letter_is_laid_out_per_gbt_9704(letters, kind):
    document = Document(io.BytesIO(letters[kind].docx))
    section = document.sections[0]
    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)  # A4
    assert (mm(section.top_margin), mm(section.left_margin)) == (37, 28)  # 天头, 订口
    assert mm(section.page_width - section.left_margin - section.right_margin) == 156  # 版心
    assert mm(section.page_height - section.top_margin - section.bottom_margin) == 225
    normal = document.styles["Normal"]
    assert normal.font.size == Pt(16)  # 3号
    assert normal.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert round(225 / 25.4 * 72 / normal.paragraph_format.line_spacing.pt) == 22  # 22 lines in 225 mm
    title = next(p for p in document.paragraphs if p.text == letters[kind].letter.title)
    run = title.runs[0]
    assert run.font.size == Pt(22)  # 2号
    assert run._r.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "方正小标宋简体"
    issuer = document.paragraphs[0]
    assert issuer.text == letters[kind].letter.issuer and issuer.runs[0].font.color.rgb == layout.RED
    assert any(b.get(qn("w:name")) == "seal" for b in document.element.body.iter(qn("w:bookmarkStart")))
    assert document.paragraphs[-1].text.endswith("日")  # 成文日期 last, in full


@pytest.mark.parametrize("kind", LETTER_KINDS)
def test_each_letter_says_what_the_case_says_and_never_the_reporter(letters, kind):
    text = all_text(Document(io.BytesIO(letters[kind].docx)))
    assert SAMPLES[kind][1] in text
    for secret in REPORTER.values():
        assert secret not in text


def test_the_notice_names_only_the_clarified_allegations(letters):
    text = all_text(Document(io.BytesIO(letters["clarification_notice"].docx)))
    assert "收受礼金" in text  # found untrue
    assert "违规发放津贴" not in text  # found true: never named in a clarification


def test_the_written_clarification_states_matter_organ_and_time(letters):
    text = all_text(Document(io.BytesIO(letters["clarification_letter"].docx)))
    assert "澄清事项：收受礼金" in text
    assert "澄清机关：县纪委监委" in text
    assert "澄清时间：2024年3月1日" in text


def test_the_approval_form_has_a_row_per_step(demo_store, letters):
    service, _ = demo_store
    view = service.show("pingdingshan-full")
    rows = letters["approval_form"].letter.rows
    assert len(rows) == 3 + len(view["steps"])
    assert all("同意" in value for _label, value in rows[3:])


def test_every_letter_is_in_the_audit_log(demo_store, letters):
    service, _ = demo_store
    with service.store.transaction() as session:
        events = [e for e in audit.case_history(session, "pingdingshan-full") if e.action == "letter"]
        assert audit.verify(session).ok
    assert {e.after["letter"] for e in events} >= {"approval_form", "revisit_record"}
    assert letters["approval_form"].sha256 in {e.after["sha256"] for e in events}


def test_a_letter_the_case_kind_has_not_is_refused(demo_store):
    service, _ = demo_store
    with pytest.raises(LetterNotApplicable):
        generate(service, "pingdingshan-full", "accountability_notice")


def test_cli_writes_the_letter_or_refuses_writing_nothing(demo_store, tmp_path, monkeypatch):
    service, home = demo_store
    db = home / "cases.db"
    monkeypatch.setenv("ZHENGMING_KEY_FILE", str(home / "key"))
    runner = CliRunner()
    with service.store.transaction() as session:
        from sqlalchemy import select

        from zhengming.store.models import User

        names = list(session.scalars(select(User.name)))
    officer = next(n for n in names if "承办" in n)
    issued = runner.invoke(cli, ["--db", str(db), "--local-admin", "token", "issue", officer, "--json"])
    assert issued.exit_code == 0, issued.output
    env = {"ZHENGMING_TOKEN": json.loads(issued.stdout)["token"]}

    def letter(case_id, kind, out):
        return runner.invoke(cli, ["--db", str(db), "case", "letter", case_id, kind, "-o", str(out)], env=env)

    out = tmp_path / "notice.docx"
    ok = letter("xuchang-full", "clarification_letter", out)
    assert ok.exit_code == 0, ok.output
    assert "张某" in all_text(Document(str(out)))
    wrong = tmp_path / "wrong.docx"
    unknown = letter("xuchang-full", "no_such_kind", wrong)  # invalid input, the kinds listed
    assert unknown.exit_code == 2 and "no_such_kind" in unknown.stderr and not wrong.exists()
    assert "未知的文书种类" in unknown.stderr and all(kind in unknown.stderr for kind in LETTER_KINDS)
    refused = letter("xuchang-full", "accountability_notice", wrong)  # a letter this kind of case has not
    assert refused.exit_code == 5 and "accountability_notice" in refused.stderr and not wrong.exists()
    missing = letter("NOPE", "approval_form", wrong)
    assert missing.exit_code == 6 and not wrong.exists()
    anonymous = runner.invoke(
        cli,
        ["--db", str(db), "case", "letter", "xuchang-full", "approval_form", "-o", str(wrong)],
        env={"ZHENGMING_TOKEN": ""},
    )
    assert anonymous.exit_code != 0 and not wrong.exists()


def test_a_jurisdiction_template_sets_issuer_number_and_its_own_docx(demo_store, tmp_path):
    from docxtpl import DocxTemplate  # noqa: F401 — the library the hook's template is filled with

    service, _ = demo_store
    view = service.show("xuchang-full")
    source = Document()
    source.add_paragraph("{{ issuer }} {{ number }}")
    source.add_paragraph("{{ title }}：{{ subject }}")
    path = tmp_path / "mine.docx"
    source.save(str(path))
    template = LetterTemplate(
        kind="clarification_notice",
        issuer="中共许昌市纪律检查委员会",
        number_prefix="许纪澄",
        title="澄清正名通知书",
        docx=str(path),
    )
    letter = build(view, "clarification_notice", template, today=TODAY)
    assert letter.number == f"许纪澄〔2024〕{view['version']}号"
    from zhengming.letters.render import to_docx

    text = all_text(Document(io.BytesIO(to_docx(letter, template.docx))))
    assert "中共许昌市纪律检查委员会 许纪澄〔2024〕" in text and "澄清正名通知书：张某" in text


def _tools_missing() -> str | None:
    missing = [t for t in ("soffice", "pdftoppm", "pdftotext", "pdfinfo") if shutil.which(t) is None]
    return f"not installed: {', '.join(missing)} (make setup installs them as root)" if missing else None


def test_letters_render_on_one_page_with_chinese(letters):
    """One LibreOffice run for all six; the PNGs stay in build/letters/ for a developer to look at."""
    reason = _tools_missing()
    if reason:
        pytest.skip(reason)
    BUILD.mkdir(parents=True, exist_ok=True)
    for kind, made in letters.items():
        (BUILD / f"{kind}.docx").write_bytes(made.docx)
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(BUILD),
            *(str(BUILD / f"{k}.docx") for k in letters),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for kind in letters:
        pdf = BUILD / f"{kind}.pdf"
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1) == "1", kind  # fits on one page
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        text = "".join(text.split())  # Chinese came out as text, not boxes
        assert SAMPLES[kind][1] in text and letters[kind].letter.title in text, kind
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(BUILD / kind)], check=True)
        assert (BUILD / f"{kind}-1.png").stat().st_size > 0
