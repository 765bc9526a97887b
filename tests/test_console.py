"""The console's pieces without a browser: the offered actions agree with what the service accepts, the
intake form maps to the contract's documents and back, the search filters in SQL (SQLite and PostgreSQL),
and the names people read."""

from __future__ import annotations

import functools
import re
from datetime import timedelta
from html import escape

import pytest

from zhengming.errors import InvalidDocument
from zhengming.lifecycle.errors import LifecycleError
from zhengming.web.console import intake_form
from zhengming.web.console.demo import LONGYOU, OFFICERS, seed
from zhengming.web.console.offers import allowed_ids, offered
from zhengming.web.console.present import Say, cjk_term, part_name, state_from_input
from zhengming.web.console.routes import take_form_action

from .test_store_support import BACKENDS

pytest_plugins = ("tests.test_store_support",)

HEAD, HANDLER, INTAKE, OTHER = "王书记", "李承办", "赵受理", "周承办"


def officer(name: str) -> dict:
    found = next(o for o in OFFICERS if o.name == name)
    return {"name": found.name, "organ": found.organ, "level": found.level, "roles": list(found.roles)}


def offers(service, view: dict, name: str):
    """What the case page offers ``name`` (the service's action table where it has one)."""
    return offered(view, officer(name), allowed_ids(service, view["case_id"], name))


@pytest.fixture
def demo(service):
    seed(service)
    return service


@BACKENDS
def test_offered_actions_are_what_the_service_accepts(demo):
    """Each officer, each open demo case: an offered approval goes through, one not offered is refused."""
    rows, _ = demo.list(viewer=HANDLER)
    stepping = [r["case_id"] for r in rows if r["state"] in ("proposal", "approval")]
    assert stepping, "the demo leaves cases at an approval step"
    for case_id in stepping:
        view = demo.show(case_id)
        takers = [n for n in (HEAD, HANDLER, INTAKE) if "approve" in {o.name for o in offers(demo, view, n)}]
        others = [n for n in (HEAD, HANDLER, INTAKE) if n not in takers]
        assert len(takers) == 1, (case_id, takers)
        for name in others:
            with pytest.raises(LifecycleError):
                demo.approve(case_id, name, "越权")
        demo.approve(case_id, takers[0], "同意")


def perform(service, view: dict, offer, actor: str):
    """Take an offered action through the console's form reading (FORMS), its form filled as an officer
    leaves it: the first of its choices (what the form preselects), today's date where one is asked."""
    first = offer.choices[0] if offer.choices else None
    today = service.today().isoformat()
    form = {
        "consent": {"status": first},
        "clarify": {"method": first},
        "plan_revisits": {"dates": (service.today() + timedelta(days=30)).isoformat()},
        "record_revisit": {"method": first, "date": today},
        "talk": {"date": today},
        "rectification": {"rectified": "yes"},
        "close": {"reason": "演示"},
    }.get(offer.name, {})
    recipients = list(offer.choices) if offer.name == "notify" else []
    return take_form_action(service, None, offer.name, view["case_id"], actor, form, view["version"], recipients)


@BACKENDS
def test_every_offer_on_the_open_demo_cases_is_accepted(demo):
    """Whatever the page offers an officer, the service does: each offer of each open case, one at a time."""
    names, done = set(), set()
    for actor in (HANDLER, HEAD):
        for _ in range(40):  # work every open case as far as this officer can take it
            rows = [r for r in demo.list(viewer=actor)[0] if r["state"] not in ("closed", "rejected", "deferred")]
            views = [demo.show(r["case_id"]) for r in rows]
            pending = [
                (v, o) for v in views for o in offers(demo, v, actor) if o.name not in ("reject", "resume", "amend")
            ]
            pending = [(v, o) for v, o in pending if (v["case_id"], v["state"], o.name) not in done]
            if not pending:
                break
            view, offer = pending[0]
            perform(demo, view, offer, actor)
            names.add(offer.name)
            done.add((view["case_id"], view["state"], offer.name))
    assert {"approve", "consent", "clarify", "notify", "archive", "plan_revisits", "record_revisit", "close"} <= names


@BACKENDS
def test_search_filters_in_sql(demo):
    everything, total = demo.list(viewer=HANDLER)
    assert total == len(everything) > 5
    assert demo.list(viewer=OTHER) == ([], 0)  # another county: nothing, counted in SQL
    found, count = demo.list(viewer=HANDLER, search="刘某")  # the accountability case's subject
    assert count == 1 and found[0]["kind"] == "accountability"
    found, _ = demo.list(viewer=HANDLER, search="fault-tol")
    assert [r["kind"] for r in found] == ["fault_tolerance"]
    closed, count = demo.list(viewer=HANDLER, state="已办结")
    assert count == len(closed) > 0 and {r["state"] for r in closed} == {"closed"}
    still_open, count = demo.list(viewer=HANDLER, still_open=True)  # the worklist leaves closed ones out
    assert count == len(still_open) == total - len(closed) - demo.list(viewer=HANDLER, state="rejected")[1] > 0
    assert [r["case_id"] for r in still_open] == [
        r["case_id"] for r in everything if r["state"] not in ("closed", "rejected")
    ]
    assert demo.list(viewer=HANDLER, state="审批中")[1] == demo.list(viewer=HANDLER, state="approval")[1]
    assert demo.list(viewer=HANDLER, jurisdiction="zhejiang.lishui")[1] == 0
    assert demo.list(viewer=HANDLER, jurisdiction="zhejiang.quzhou")[1] == total
    first, _ = demo.list(viewer=HANDLER, limit=3)
    second, _ = demo.list(viewer=HANDLER, limit=3, offset=3)
    assert [r["case_id"] for r in first + second] == [r["case_id"] for r in everything[:6]]


FORM = {
    "/jurisdiction": LONGYOU,
    "/case_id": "LY-F-1",
    "/subject/kind": "person",
    "/subject/name": "钱某",
    "/subject/management_level": "county",
    "/report/received_on": "2026-01-05",
    "/report/real_name": "true",
    "/report/channel": "letter",
    "/handling/organ": "discipline_commission",
    "/handling/level": "county",
    "/handling/verification_concluded_on": "2026-03-10",
    "/allegations/0/id": "a1",
    "/allegations/0/summary": "收受礼金",
    "/allegations/0/finding": "untrue",
    "/allegations/2/id": "a2",
    "/allegations/2/finding": "unverifiable",
    "/impact/scope": "unit",
    "/reporter/name": "欧阳举报人",
}


def test_the_form_makes_the_contract_document():
    document = intake_form.document_from_form("clarification", FORM)
    assert document["subject"] == {
        "kind": "person",
        "name": "钱某",
        "management_level": "county",
        "is_unit_principal": False,
    }
    assert document["report"]["real_name"] is True and document["report"]["received_on"] == "2026-01-05"
    assert [a["id"] for a in document["allegations"]] == ["a1", "a2"]  # the empty row in between is dropped
    assert not any(document["circumstances"].values())  # unticked boxes say false
    assert "investigating_organ" not in intake_form.document_from_form("false_accusation", {"/case_id": "x"})
    assert document["reporter"] == {"name": "欧阳举报人"}
    values = intake_form.form_values(document)
    assert values["/allegations/1/finding"] == "unverifiable" and values["/reporter/name"] == "欧阳举报人"


@BACKENDS
def test_refusals_land_at_their_field(service):
    form = dict(FORM, **{"/allegations/0/finding": "maybe", "/subject/name": ""})
    document = intake_form.document_from_form("clarification", form)
    with pytest.raises(InvalidDocument) as refused:
        service.open(document)
    placed = intake_form.problems_by_field(intake_form.sections("clarification"), refused.value.problems)
    assert set(placed) == {"/allegations/0/finding", "/subject/name"}
    assert placed["/allegations/0/finding"][0].render("zh").startswith("/allegations/0/finding: 'maybe'")
    assert service.list()[1] == 0  # nothing written
    opened = service.open(intake_form.document_from_form("clarification", FORM))
    assert opened["reporter"] == {"sealed": True} and opened["state"] == "proposal"


@pytest.mark.parametrize("kind", intake_form.KINDS)
def test_every_kind_has_a_form_with_labels(kind):
    form = intake_form.sections(kind)
    fields = intake_form.all_fields(form)
    assert any(f.pointer == "/jurisdiction" for f in fields)
    assert all(f.label.zh for f in fields)
    assert len({f.pointer for f in fields}) == len(fields)


def test_names_people_read():
    assert state_from_input("审批中") == "approval"
    assert state_from_input("in approval") == "approval"
    assert state_from_input("closed") == "closed"
    assert state_from_input("审批完") is None
    assert cjk_term("v1.1 主要问题: the principal issue of the report") == "主要问题"
    assert cjk_term("ISO date YYYY-MM-DD, or null") == ""
    decision = {"methods": [{"method": "written"}, {"method": "meeting"}], "trigger": {}}
    assert part_name(Say("zh"), "/methods/1", decision) == "澄清方式 · 会议澄清"
    assert part_name(Say("en"), "/trigger", decision) == "trigger"


def test_forms_need_the_session_csrf_token(tmp_path):
    """A cross-site form post (no token, or another origin) changes nothing; the page says why."""
    from fastapi.testclient import TestClient

    from .console_support import console_app

    app, service = console_app(tmp_path / "csrf.sqlite")
    seed(service, cases=False)
    opened = service.open(intake_form.document_from_form("clarification", FORM), actor=INTAKE)
    client = TestClient(app, base_url="http://console.test")
    credentials = {"name": HANDLER, "password": "zhengming-demo"}
    foreign = client.post("/login", data=credentials, headers={"Origin": "http://evil.example"}, follow_redirects=False)
    assert foreign.status_code == 403 and "zm_session" not in foreign.cookies  # login CSRF refused
    login = client.post("/login", data=credentials, follow_redirects=False)
    assert login.status_code == 303 and "zm_session" in login.cookies
    page = client.get(f"/cases/{opened['case_id']}")
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    action = f"/cases/{opened['case_id']}/actions/approve"
    version = str(opened["version"])
    refused = client.post(action, data={"version": version, "comment": "无令牌"}, follow_redirects=False)
    assert refused.status_code == 403 and "CSRF" in refused.text
    elsewhere = client.post(
        action,
        data={"version": version, "csrf_token": token},
        headers={"Origin": "http://evil.example"},
        follow_redirects=False,
    )
    assert elsewhere.status_code == 403
    assert service.show(opened["case_id"])["version"] == opened["version"]  # nothing happened
    done = client.post(action, data={"version": version, "csrf_token": token}, follow_redirects=False)
    assert done.status_code == 303 and service.show(opened["case_id"])["state"] == "approval"
    stale = client.post(action, data={"version": version, "csrf_token": token, "comment": "我的意见"})
    assert stale.status_code in (409, 422) and "我的意见" in stale.text  # what was typed is kept


def test_resuming_a_deferred_case_through_the_form(tmp_path):
    """许昌 defers a case while other clues are pending; once verified, the officer resumes it from the
    form filled with the stored document; what changed is named in Chinese; another subject is refused."""
    from fastapi.testclient import TestClient

    from zhengming.web.console.demo import COMMISSION, COUNTY, DemoUser, add_officers

    from .console_support import console_app

    app, service = console_app(tmp_path / "resume.sqlite")
    add_officers(
        service, "pw-xuchang-1", (DemoUser("许承办", "xuchang", COMMISSION, COUNTY, ("handling_department",)),)
    )
    form = dict(FORM, **{"/jurisdiction": "xuchang", "/case_id": "XC-1", "/circumstances/pending_other_clues": "true"})
    opened = service.open(intake_form.document_from_form("clarification", form), actor="许承办")
    assert opened["state"] == "deferred"
    client = TestClient(app, base_url="http://console.test")
    client.post("/login", data={"name": "许承办", "password": "pw-xuchang-1"})
    assert 'id="btn-resume"' in client.get("/cases/XC-1").text
    page = client.get("/cases/XC-1/resume")
    assert 'value="钱某"' in page.text and "恢复办理" in page.text  # the stored document, ready to update
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    other = {k: v for k, v in form.items() if not k.startswith("/reporter")} | {"csrf_token": token}
    refused = client.post("/cases/XC-1/resume", data=other | {"/subject/name": "孙某"})
    assert refused.status_code == 422 and "不是案件 XC-1 的更新" in refused.text
    assert service.show("XC-1")["state"] == "deferred"
    verified = {k: v for k, v in other.items() if k != "/circumstances/pending_other_clues"}
    resumed = client.post("/cases/XC-1/resume", data=verified)
    assert resumed.status_code == 200 and "尚有其他问题线索待核查：是 → 否" in resumed.text  # named in Chinese
    view = service.show("XC-1")
    assert view["state"] == "proposal" and view["reporter"]["sealed"]  # the sealed reporter kept


def test_amend_and_paper_approval_through_the_pages(tmp_path):
    """修改受理信息 from the form filled with the stored document (the change named in Chinese), then an
    approval signed on paper recorded with its own date."""
    from fastapi.testclient import TestClient

    from .console_support import console_app

    app, service = console_app(tmp_path / "amend.sqlite")
    seed(service, cases=False)
    opened = service.open(intake_form.document_from_form("clarification", FORM), actor=INTAKE)
    handler = TestClient(app, base_url="http://console.test")
    handler.post("/login", data={"name": HANDLER, "password": "zhengming-demo"})
    assert 'id="btn-amend"' in handler.get("/cases/LY-F-1").text
    page = handler.get("/cases/LY-F-1/amend")
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    values = {k: v for k, v in FORM.items() if not k.startswith("/reporter")}
    amended = handler.post(
        "/cases/LY-F-1/amend",
        data=values | {"/subject/name": "钱某某", "csrf_token": token, "version": str(opened["version"])},
    )
    assert amended.status_code == 200 and "钱某 → 钱某某" in amended.text
    view = service.show("LY-F-1")
    assert view["document"]["subject"]["name"] == "钱某某" and view["reporter"]["sealed"]
    stale = handler.post(
        "/cases/LY-F-1/amend",
        data=values | {"/subject/name": "钱某", "csrf_token": token, "version": str(opened["version"])},
    )
    assert stale.status_code == 422 and "冲突" in stale.text  # amended meanwhile: said, and nothing written
    assert service.show("LY-F-1")["document"]["subject"]["name"] == "钱某某"

    handler.post("/cases/LY-F-1/actions/approve", data={"csrf_token": token, "version": str(view["version"])})
    head = TestClient(app, base_url="http://console.test")
    head.post("/login", data={"name": HEAD, "password": "zhengming-demo"})
    page = head.get("/cases/LY-F-1")
    head_token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    signed = service.today().isoformat()  # not before the previous step (taken today), nor in the future
    version = str(service.show("LY-F-1")["version"])
    early = head.post(
        "/cases/LY-F-1/actions/approve",
        data={"csrf_token": head_token, "version": version, "given_on": "2020-01-01"},
    )
    assert early.status_code == 422 and "2020-01-01" in early.text  # before the case was opened: refused, said
    no_day = head.post(
        "/cases/LY-F-1/actions/approve",
        data={"csrf_token": head_token, "version": version, "given_on": "2026-02-30"},
    )
    # the form's field, and the command line's words for a day that does not exist
    assert no_day.status_code == 422 and "/given_on：&#39;2026-02-30&#39; 不是有效日期（应为 YYYY-MM-DD）" in no_day.text
    assert str(service.show("LY-F-1")["version"]) == version  # nothing written
    head.post(
        "/cases/LY-F-1/actions/approve",
        data={"csrf_token": head_token, "version": version, "comment": "已在纸质审批表签批", "given_on": signed},
    )
    approvals = service.show("LY-F-1")["approvals"]
    assert approvals[-1]["given_on"] == signed and approvals[-1]["actor"] == HEAD
    assert f"{signed}（纸质）" in head.get("/cases/LY-F-1").text


# --- the pages in English ----------------------------------------------------------------------------

FULL_WIDTH = re.compile(r"[（）：。、，；]")


def full_width_in(html: str) -> list[str]:
    """Each full-width Chinese punctuation mark in a page's text, with what stands around it: not in its markup,
    nor in a ``<span lang="zh">`` (a citation: a Chinese document's own words, quoted as they are)."""
    text = re.sub(
        r"<(script|style)\b.*?</\1>|<span\b[^>]*\blang=\"zh[^\"]*\"[^>]*>.*?</span>|<[^>]*>", " ", html, flags=re.S
    )
    return [text[max(0, m.start() - 30) : m.end() + 30].strip() for m in FULL_WIDTH.finditer(text)]


TYPED = ("comment", "note", "summary", "scope", "reason")


def typed_texts(value) -> set[str]:
    """What officers typed into a case (comments, notes, summaries…): their own words, in their language."""
    if isinstance(value, dict):
        own = {v for k, v in value.items() if k in TYPED and isinstance(v, str) and v}
        return own.union(*(typed_texts(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(typed_texts(v) for v in value))
    return set()


def english_pages(tmp_path) -> tuple[dict[str, str], set[str]]:
    """Every console page, in English, over the demo data (``"who path" -> html``), and what the demo's
    officers typed into its cases."""
    from fastapi.testclient import TestClient

    from .console_support import console_app

    app, service = console_app(tmp_path / "english.sqlite")
    seed(service)
    case_ids = [row["case_id"] for row in service.list(viewer=HEAD, limit=100)[0]]
    typed = set().union(*(typed_texts(service.show(case_id)) for case_id in case_ids))
    pages = {}
    anonymous = TestClient(app, base_url="http://console.test", cookies={"zm_lang": "en"})
    pages["- /login"] = anonymous.get("/login").text
    for name in (HEAD, HANDLER, INTAKE):
        client = TestClient(app, base_url="http://console.test", cookies={"zm_lang": "en"})
        assert client.post("/login", data={"name": name, "password": "zhengming-demo"}).status_code == 200
        paths = ["/inbox", "/cases", "/cases?q=nothing-matches", "/stats?start=2024-01-01&end=2026-12-31"]
        paths += [f"/intake?kind={kind}" for kind in intake_form.KINDS]
        paths += [f"/cases/{case_id}" for case_id in case_ids] + [f"/cases/{case_ids[0]}/amend"]
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, (name, path)
            pages[f"{name} {path}"] = response.text
        token = pages[f"{name} /intake?kind=clarification"].split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        refused = client.post("/intake", data={"kind": "clarification", "csrf_token": token})
        assert refused.status_code == 422
        pages[f"{name} POST /intake"] = refused.text
    return pages, typed


def test_the_pages_in_english_carry_no_chinese_punctuation(tmp_path):
    """Punctuation belongs to a language: the English pages use their own (the catalog's), none of the
    Chinese marks a template once wrote around a message (``（…）``, ``：``, ``、``…)."""
    pages, typed = english_pages(tmp_path)
    assert len(pages) > 30 and all('<html lang="en">' in html for html in pages.values())
    assert len(typed) > 3 and any(FULL_WIDTH.search(text) for text in typed)  # the officers' own words: theirs
    html_of = {
        page: functools.reduce(lambda h, t: h.replace(escape(t), ""), typed, html) for page, html in pages.items()
    }
    found = {page: marks for page, html in html_of.items() if (marks := full_width_in(html))}
    assert found == {}, found


def test_the_punctuation_check_finds_a_chinese_mark():
    assert full_width_in('<p title="（）">sealed (accuser)</p><script>"、"</script>') == []
    assert len(full_width_in("<dd>sealed（accuser）</dd>")) == 2
    assert full_width_in('<td><span lang="zh">《条例》第五条（一）</span>（x）</td>') == ["（x）", "（x）"]
    assert full_width_in("<p>Identity：sealed。</p>") == ["Identity：sealed。", "Identity：sealed。"]


def test_the_inbox_lists_exactly_the_open_cases_waiting_for_the_user(tmp_path):
    """我的待办 skips a case once the action table allows the user nothing on it (or only a consent already
    recorded): what it lists is what the case page would offer, case by case."""
    from fastapi.testclient import TestClient

    from .console_support import console_app

    app, service = console_app(tmp_path / "inbox.sqlite")
    seed(service)
    skipped = 0
    for name in (HEAD, HANDLER):
        expected, still_open = [], service.list(viewer=name, still_open=True)[0]
        for row in still_open:
            view = service.show(row["case_id"], history=False)
            on_page = offers(service, view, name)
            if [o for o in on_page if o.name != "consent" or view["state"] == "consent"]:
                expected.append(row["case_id"])
        client = TestClient(app, base_url="http://console.test")
        client.post("/login", data={"name": name, "password": "zhengming-demo"})
        page = client.get("/inbox")
        assert page.status_code == 200
        listed = re.findall(r'href="/cases/([^"/?]+)"', page.text)
        assert list(dict.fromkeys(listed)) == expected, name
        assert expected, name
        skipped += len(still_open) - len(expected)
    assert skipped  # open cases the head may see but nothing waits for him on


@BACKENDS
def test_views_read_together_are_the_cases_as_shown_one_by_one(demo):
    case_ids = [row["case_id"] for row in demo.list()[0]]
    for name in (HEAD, HANDLER, OTHER):
        visible = [row["case_id"] for row in demo.list(viewer=name)[0]]
        together = demo.views(list(reversed(case_ids)), viewer=name, lang="en")
        assert [view["case_id"] for view in together] == [c for c in reversed(case_ids) if c in visible]
        assert together == [demo.show(case_id, history=False, lang="en") for case_id in reversed(visible)], name
