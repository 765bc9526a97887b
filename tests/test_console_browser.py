"""The web console in a real browser: headless Chromium (Debian's ``chromium``, installed by ``make setup``)
driven by Playwright, against the real server on a free loopback port.

A whole case by three officers of 龙游县: intake (with a refused first try, errors at the fields), the
proposal, a send-back, the proposal again, the approval, consent, clarification, notifications, archive,
revisit and close; an officer of 缙云县 sees nothing of it; two browser sessions of one officer collide
and the second is told, its input kept. Each page is photographed to ``build/screenshots/<page>.png``.
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from .console_support import Server, console_app

CHROMIUM = os.environ.get("ZHENGMING_CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[1] / "build" / "screenshots"
PASSWORD = "zhengming-demo"
CASE_ID = "LY-2026-001"
VIEWPORT = {"width": 1366, "height": 768}

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
    pytest.skip(
        f"no Chromium at {CHROMIUM}: `make setup` installs Debian's chromium when run as root",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def console(tmp_path_factory):
    from zhengming.web.console.demo import seed

    app, service = console_app(tmp_path_factory.mktemp("console") / "console.sqlite")
    seed(service)
    server = Server(app).start()
    yield server.url, service
    server.stop()
    service.store.dispose()


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def people(console, browser):
    """A logged-in page per officer (each its own browser context: its own cookies)."""
    url, _ = console
    opened = {}

    def page_of(name: str, key: str | None = None):
        key = key or name
        if key not in opened:
            context = browser.new_context(base_url=url, viewport=VIEWPORT, locale="zh-CN")
            page = context.new_page()
            page.goto("/login")
            page.fill("#name", name)
            page.fill("#password", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(re.compile(r"/inbox$"))
            opened[key] = page
        return opened[key]

    yield page_of
    for page in opened.values():
        page.context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def open_case(page) -> None:
    page.goto(f"/cases/{CASE_ID}")
    assert page.inner_text("h1").startswith(f"案件 {CASE_ID}")


def cli_message(pointer: str, service) -> str:
    """The line ``zhengming case open`` prints for the problem at ``pointer`` of a case missing the subject's name."""
    from zhengming.errors import InvalidDocument

    from .conftest import BASE_CASE

    document = {**BASE_CASE, "subject": {"kind": "person", "management_level": "county"}}
    with pytest.raises(InvalidDocument) as refused:
        service.engine.evaluate_document(document)
    return next(p.render("zh") for p in refused.value.problems if p.pointer == pointer)


def state_of(page) -> str:
    return page.inner_text("#state")


def test_login_by_keyboard_shows_seat_and_roles(console, browser):
    url, _ = console
    context = browser.new_context(base_url=url, viewport=VIEWPORT, locale="zh-CN")
    page = context.new_page()
    page.goto("/cases")  # not logged in: to the login page, and back afterwards
    assert "/login" in page.url
    shot(page, "login")
    page.keyboard.type("王书记")  # the name field has the focus
    page.keyboard.press("Tab")
    page.keyboard.type("wrong password")
    page.keyboard.press("Enter")
    assert "用户名或密码错误" in page.inner_text("[role=alert]")
    page.fill("#password", PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/cases"))
    who = page.inner_text("#who")
    assert "王书记" in who and "县级纪委监委" in who and "纪检监察机关主要负责人" in who
    page.click("text=退出登录")
    page.wait_for_url(re.compile(r"/login$"))
    page.goto("/inbox")
    assert "/login" in page.url  # the session is gone
    context.close()


def test_whole_case_by_three_officers(console, people):
    _, service = console
    today = service.today()
    intake, handler, head = people("赵受理"), people("李承办"), people("王书记")

    # intake: a first try without the subject's name is refused at the field, with the CLI's message
    intake.click("nav >> text=受理登记")
    assert intake.input_value("#f-jurisdiction") == "zhejiang.quzhou.longyou"
    intake.fill("#f-case_id", CASE_ID)
    intake.select_option("#f-subject-kind", "person")
    intake.select_option("#f-subject-management_level", "county")
    intake.fill("#f-report-received_on", (today - timedelta(days=40)).isoformat())
    intake.check("#f-report-real_name")
    intake.select_option("#f-report-channel", "letter")
    intake.fill("#f-handling-verification_concluded_on", (today - timedelta(days=5)).isoformat())
    intake.fill("#f-allegations-0-id", "a1")
    intake.fill("#f-allegations-0-summary", "收受礼金")
    intake.select_option("#f-allegations-0-finding", "untrue")
    intake.select_option("#f-impact-scope", "unit")
    intake.check("#f-impact-on_selection")
    intake.fill("#f-reporter-name", "欧阳举报人")
    intake.fill("#f-reporter-phone", "13900000000")
    intake.click("text=受理并评估")
    assert intake.inner_text("#f-subject-name-err") == cli_message("/subject/name", service)  # as `case open` says
    assert intake.input_value("#f-reporter-name") == "欧阳举报人"  # nothing typed is lost
    shot(intake, "intake-errors")
    intake.fill("#f-subject-name", "钱某")
    intake.click("text=受理并评估")
    intake.wait_for_url(re.compile(f"/cases/{CASE_ID}"))
    assert state_of(intake) == "待提出建议"
    assert "欧阳举报人" not in intake.content()  # the reporter is sealed, never shown
    assert "已加密保存" in intake.content()

    # the handling department corrects a mistyped summary (修改受理信息), then proposes (step 1)
    open_case(handler)
    handler.click("#btn-amend")
    assert handler.input_value("#f-subject-name") == "钱某"  # the stored document, ready to correct
    assert handler.input_value("#f-reporter-name") == ""  # the sealed identity is never put back in a page
    handler.fill("#f-allegations-0-summary", "收受礼金、购物卡")
    shot(handler, "amend")
    handler.click("text=保存修改并重新评估")
    assert "收受礼金 → 收受礼金、购物卡" in handler.inner_text("#done")
    assert "已加密保存" in handler.content()  # still sealed
    handler.goto("/inbox")
    assert CASE_ID in handler.inner_text("table")
    shot(handler, "inbox")
    handler.click(f"text={CASE_ID}")
    handler.fill("#step-comment", "核查结论不属实，建议澄清")
    handler.click("#btn-approve")
    assert state_of(handler) == "审批中"

    # the commission head sends it back once, then approves the proposal made again
    head.goto("/inbox")
    assert CASE_ID in head.inner_text("table")
    head.click(f"text={CASE_ID}")
    head.fill("#step-comment", "请补充谈话笔录")
    head.click("#btn-send-back")
    assert state_of(head) == "待提出建议"
    assert head.locator("#act-step").count() == 0  # nothing for the head to do until it is proposed again
    open_case(handler)
    handler.fill("#step-comment", "已补充谈话笔录")
    handler.click("#btn-approve")
    open_case(head)
    head.fill("#step-comment", "同意澄清")
    head.click("#btn-approve")
    assert state_of(head) == "待征求本人意见"
    approvals = head.inner_text("#approvals")
    assert "退回" in approvals and "请补充谈话笔录" in approvals and "同意澄清" in approvals

    # consent, with a second browser session of the handler colliding with the first
    first, second = handler, people("李承办", key="second window")
    open_case(first)
    open_case(second)
    first.select_option("#consent-status", "given")
    first.fill("#consent-comment", "本人同意在单位会议上澄清")
    first.click("#btn-consent")
    assert state_of(first) == "待实施澄清"
    second.select_option("#consent-status", "declined")
    second.fill("#consent-comment", "第二个窗口填写的意见")
    second.click("#btn-consent")
    notice = second.inner_text("#action-error")
    assert "冲突" in notice and "已被他人同时修改" in notice
    assert second.input_value("#consent-comment") == "第二个窗口填写的意见"  # kept, not lost
    assert state_of(second) == "待实施澄清"  # the page shows the case as it is now
    shot(second, "conflict")

    # clarification, notifications, archive, revisit, close
    open_case(first)
    first.select_option("#clarify-method", "meeting")
    first.fill("#clarify-scope", "本单位干部大会")
    first.click("#btn-clarify")
    assert state_of(first) == "已澄清，待告知"
    first.click("#btn-notify")
    assert "待告知" not in first.inner_text("#notifications")
    first.click("#btn-archive")
    assert state_of(first) == "已归档"
    first.fill("#plan-dates", (today + timedelta(days=90)).isoformat())
    first.click("#btn-plan")
    assert state_of(first) == "回访中"
    first.fill("#revisit-note", "工作生活正常")
    first.click("#btn-revisit")
    first.click("#btn-close")
    assert state_of(first) == "已办结"
    timeline = first.inner_text("#timeline")
    for step in (
        "受理立案",
        "修改受理信息",
        "退回",
        "审批通过",
        "记录本人意见",
        "实施澄清",
        "记录告知",
        "归档",
        "记录回访",
        "办结",
    ):
        assert step in timeline
    assert first.locator("form[id^=act-]:not(#act-feedback)").count() == 0  # closed: only feedback remains
    shot(first, "case")

    # the letters of the case are there to download
    response = first.context.request.get(f"/cases/{CASE_ID}/letters/approval_form.docx")
    assert response.status == 200 and response.body()[:2] == b"PK"


def test_case_list_search_and_paging(console, people):
    expect = playwright_api.expect
    page = people("李承办")
    page.goto("/cases")
    page.fill("#q", "钱某")
    page.click("form.search button[type=submit]")
    expect(page.locator("#count")).to_contain_text("共 1 件")
    expect(page.locator("#case-table")).to_contain_text(CASE_ID)
    page.fill("#q", "")
    page.fill("#state", "审批中")  # a Chinese state label is understood
    page.click("form.search button[type=submit]")
    expect(page.locator("#case-table")).to_contain_text("longyou-sent-back")
    expect(page.locator("#case-table")).not_to_contain_text(CASE_ID)
    assert "state=" in page.url  # the search is in the address: it can be bookmarked and reloaded
    page.reload()
    expect(page.locator("#case-table")).to_contain_text("longyou-sent-back")
    shot(page, "cases")
    page.fill("#state", "审批完")
    page.click("form.search button[type=submit]")
    expect(page.locator("[role=alert]")).to_contain_text("没有名为「审批完」的状态")  # not a silent empty list


def test_another_county_sees_nothing(console, people):
    page = people("周承办")
    page.goto("/cases")
    assert "共 0 件" in page.inner_text("#count")
    page.goto(f"/cases?q={CASE_ID}")
    assert "共 0 件" in page.inner_text("#count")
    response = page.goto(f"/cases/{CASE_ID}")
    assert response.status == 404
    assert f"案件 {CASE_ID} 不存在" in page.inner_text("[role=alert]")
    shot(page, "not-found")
    assert page.context.request.get(f"/cases/{CASE_ID}/letters/approval_form.docx").status == 404
    page.goto("/inbox")
    assert CASE_ID not in page.content()


def test_other_kinds_on_the_same_pages(console, people):
    page = people("李承办")
    for scenario, kind in (
        ("accountability", "问责"),
        ("revisit-education", "受处分干部回访教育"),
        ("false-accusation", "诬告陷害认定"),
        ("fault-tolerance", "容错免责备案"),
    ):
        response = page.goto(f"/cases/zhejiang.quzhou.longyou-{scenario}")
        assert response.status == 200
        assert kind in page.inner_text("main > p")
        assert page.locator("#timeline li").count() >= 2
        assert page.locator("#h-facts").count() == 1  # the intake facts, named in Chinese
        shot(page, f"case-{scenario}")


def test_statistics_and_english(console, people):
    page = people("王书记")
    page.goto("/stats?start=2024-01-01&end=2026-12-31")
    assert page.locator("#report tbody tr").count() >= 1
    chart = page.locator("img").first
    assert chart.evaluate("img => img.complete && img.naturalWidth > 0")
    shot(page, "stats")
    page.click("text=English")
    page.goto("/inbox")
    assert page.inner_text("h1").startswith("My tasks")
    shot(page, "inbox-en")
    page.click("text=中文")


def test_no_request_leaves_the_machine(console, browser):
    url, _ = console
    context = browser.new_context(base_url=url, viewport=VIEWPORT, locale="zh-CN")
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(url) else None)
    page.goto("/login")
    page.fill("#name", "李承办")
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    for path in ("/inbox", "/cases", "/intake", "/stats", "/cases/zhejiang.quzhou.longyou-full"):
        page.goto(path)
        unlabelled = page.evaluate(
            """() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                 .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map(e => e.name)"""
        )
        assert unlabelled == [], (path, unlabelled)
    assert outside == []
    context.close()


def test_false_accusation_intake_and_reporter_custody(console, people):
    """A false-accusation case taken in through the form; the handler asks to see the reporter, the
    custodian approves, the handler sees the identity once and only once."""
    intake, handler, custodian = people("赵受理"), people("李承办"), people("王书记")
    intake.goto("/intake?kind=false_accusation")
    intake.fill("#f-case_id", "LY-FA-001")
    intake.select_option("#f-accuser-kind", "party_member")
    intake.select_option("#f-accuser-intent", "true")
    for box in ("fabricated", "adverse_impact", "reaches_accountability_threshold"):
        intake.check(f"#f-accuser-{box}")
    intake.select_option("#f-investigating_organ-organ", "discipline_commission")
    intake.select_option("#f-investigating_organ-level", "county")
    intake.fill("#f-reporter-name", "欧阳举报人")
    intake.click("text=受理并评估")
    intake.wait_for_url(re.compile("/cases/LY-FA-001"))
    assert "诬告陷害" in intake.inner_text("#h-decision + p")

    handler.goto("/cases/LY-FA-001")
    handler.fill("#reveal-reason", "追查诬告陷害者，须核实举报人身份")
    handler.click("#btn-reveal-request")
    assert "待审批" in handler.inner_text("#reveals")
    assert handler.locator("form[id^=act-reveal-decide]").count() == 0  # not for the requester

    custodian.goto("/inbox")
    assert "LY-FA-001" in custodian.inner_text("#reveal-inbox")
    custodian.goto("/cases/LY-FA-001")
    custodian.fill("input[id^=reveal-comment]", "同意，限24小时内查阅")
    custodian.click("form[id^=act-reveal-decide] >> text=批准")
    assert "已批准" in custodian.inner_text("#reveals")
    assert "欧阳举报人" not in custodian.content()  # the custodian decides, never sees

    handler.goto("/cases/LY-FA-001")
    shot(handler, "custody")
    handler.click("form[id^=act-reveal-show] button")
    assert "欧阳举报人" in handler.inner_text("#identity")
    shot(handler, "identity")
    handler.goto("/cases/LY-FA-001")
    assert "已查阅" in handler.inner_text("#reveals")
    assert handler.locator("form[id^=act-reveal-show]").count() == 0  # once only
    assert "查阅举报人身份" in handler.inner_text("#timeline")
