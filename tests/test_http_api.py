"""The office service over HTTP, on SQLite and PostgreSQL: a report platform takes a case in with an
intake-only token and three officers work it to ``closed``; need-to-know (IDOR) on every case endpoint,
CSRF, token scopes, login throttling, reporter custody, the audit chain, ETag/If-Match, problem details.
"""

from __future__ import annotations

import copy
import json
import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from zhengming.security import issue_token, local_admin
from zhengming.security.admin import create_user

from .test_store_support import BACKENDS, REPORTER_NAME, case_document

pytest_plugins = ("tests.test_store_support",)
pytestmark = [BACKENDS, pytest.mark.usefixtures("private_env")]

PASSWORD = "correct horse battery"
# name -> organ, level, roles, jurisdiction, grants
STAFF = {
    "li": ("纪委监委", "县级", ["承办部门（单位）"], "jinan", []),  # typed by their Chinese names
    "wang": ("discipline_commission", "county", ["commission_head"], "jinan", []),
    "zhao": ("party_committee", "county", ["party_committee_head"], "jinan", []),
    "chen": ("discipline_commission", "county", ["agency_head"], "jinan", ["custodian"]),
    "platform": ("discipline_commission", "county", ["handling_department"], "jinan", []),
    # another county's commission, another organ, another (lower) level: none may see a 济南 county case
    "lushan": ("discipline_commission", "county", ["handling_department", "commission_head"], "pingdingshan", []),
    "organ": ("soe_discipline", "county", ["handling_department", "commission_head"], "jinan", []),
    "town": ("discipline_commission", "township", ["handling_department", "commission_head"], "jinan", []),
}
OUTSIDERS = ("lushan", "organ", "town")
FALSE_ACCUSATION = {  # 诬告陷害: where the rules allow tracing the reporter, under approval
    "kind": "false_accusation",
    "case_id": "FA-1",
    "jurisdiction": "jinan",
    "as_of": "2023-06-01",
    "accuser": {"kind": "party_member", "intent": True, "fabricated": True, "adverse_impact": True},
    "investigating_organ": {"organ": "discipline_commission", "level": "county"},
    "reporter": {"name": REPORTER_NAME, "phone": "13912345678"},
}


@pytest.fixture
def api(store, registry):
    from zhengming.web import create_app

    admin = local_admin("test")
    create_user(store, admin, "root", "discipline_commission", "county", [], grants=["admin"])
    root_token, _ = issue_token(store, "root", actor=admin, scopes=["admin", "read"])
    client = TestClient(create_app(store=store, registry=registry))
    for name, (organ, level, roles, jurisdiction, grants) in STAFF.items():
        answer = client.post(
            "/api/users",
            json={
                "name": name,
                "organ": organ,
                "level": level,
                "roles": roles,
                "jurisdiction": jurisdiction,
                "grants": grants,
                "password": PASSWORD,
            },
            headers=bearer(root_token),
        )
        assert answer.status_code == 201, answer.text
    client.root_token = root_token
    return client


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def token_of(store, name: str, scopes=("read", "act", "custody")) -> str:
    plaintext, _ = issue_token(store, name, actor=local_admin("test"), scopes=scopes)
    return plaintext


def online_case(case_id: str = "WEB-1") -> dict:
    document = case_document(case_id)
    document["impact"] = {"scope": "online"}  # 济南 art. 7(2): the party committee head approves too
    return document


def act(client, case_id, action, headers, body=None, version=None):
    if version is None:
        version = client.get(f"/api/cases/{case_id}", headers=headers).json()["version"]
    return client.post(
        f"/api/cases/{case_id}/{action}", json=body or {}, headers=headers | {"If-Match": f'"{version}"'}
    )


def test_a_platform_takes_a_case_in_and_three_officers_work_it_to_closed(api, store):
    platform = bearer(token_of(store, "platform", scopes=["intake"]))
    answer = api.post("/api/cases", json=online_case(), headers=platform)
    assert answer.status_code == 201, answer.text
    assert answer.json() == {"case_id": "WEB-1", "state": "proposal", "outcome": "must_clarify", "version": 1}
    assert answer.headers["Location"] == "/api/cases/WEB-1" and answer.headers["ETag"] == '"1"'
    assert REPORTER_NAME not in answer.text
    # the intake-only token can do nothing else
    for response in (
        api.get("/api/cases/WEB-1", headers=platform),
        act(api, "WEB-1", "approve", platform, version=1),
        api.get("/api/cases", headers=platform),
    ):
        assert response.status_code == 403 and response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] == "forbidden"

    li, wang, zhao = (bearer(token_of(store, name)) for name in ("li", "wang", "zhao"))
    offered = api.get("/api/cases/WEB-1/actions", headers=li)
    assert offered.status_code == 200 and "approve" in {a["id"] for a in offered.json()["items"]}
    assert "approve" not in {a["id"] for a in api.get("/api/cases/WEB-1/actions", headers=wang).json()["items"]}
    assert act(api, "WEB-1", "approve", li, {"comment": "建议澄清"}).json()["state"] == "approval"
    assert act(api, "WEB-1", "send-back", wang, {"comment": "请补充材料"}).json()["state"] == "proposal"
    act(api, "WEB-1", "approve", li, {"comment": "已补充"})
    # wang may not approve the step after it too: a step he took, li's proposal, stays li's
    assert act(api, "WEB-1", "approve", wang, {"comment": "同意"}).json()["current_step"] == 2
    shown = act(api, "WEB-1", "approve", zhao, {"comment": "同意"})
    assert shown.status_code == 200 and shown.json()["state"] == "clarification"
    clarified = act(api, "WEB-1", "clarify", li, {"method": "会议澄清", "scope": "干部大会"})
    assert clarified.json()["state"] == "clarified"  # the method typed by its Chinese name
    assert clarified.json()["clarifications"][0]["method"] == "meeting"
    act(api, "WEB-1", "notify", li, {"recipients": []})
    assert act(api, "WEB-1", "archive", li).json()["state"] == "archived"
    closed = act(api, "WEB-1", "close", li)
    assert closed.status_code == 200
    view = closed.json()
    assert (view["state"], view["close_reason"]) == ("closed", "completed")
    assert closed.headers["ETag"] == f'"{view["version"]}"'
    assert [a["actor"] for a in view["approvals"]] == ["li", "wang", "li", "wang", "zhao"]
    assert view["history"][0]["actor"] == "platform" and view["history"][-1]["action"] == "close"
    assert all(h["at"].endswith("+08:00") for h in view["history"])  # Asia/Shanghai, with the offset
    assert REPORTER_NAME not in closed.text

    verified = api.get("/api/audit/verify", headers=bearer(api.root_token))
    assert verified.status_code == 200 and verified.json()["ok"] is True, verified.text


def test_every_case_endpoint_hides_the_case_from_other_counties_organs_and_levels(api, store):
    platform = bearer(token_of(store, "platform", ["intake"]))
    api.post("/api/cases", json=online_case(), headers=platform)
    api.post("/api/cases", json=FALSE_ACCUSATION, headers=platform)
    li = bearer(token_of(store, "li"))
    request_id = api.post("/api/cases/FA-1/reveal-requests", json={"reason": "核实"}, headers=li).json()["id"]
    for name in OUTSIDERS:
        who = bearer(token_of(store, name, ["read", "act", "custody"]))
        listed = api.get("/api/cases", headers=who)
        assert listed.status_code == 200 and listed.json()["total"] == 0, name
        assert api.get("/api/cases?q=WEB", headers=who).json()["items"] == []
        answers = [
            api.get("/api/cases/WEB-1", headers=who),
            api.get("/api/cases/WEB-1/actions", headers=who),
            api.get("/api/cases/WEB-1/letters/approval_form", headers=who),
            api.post("/api/cases/WEB-1/reveal-requests", json={"reason": "核实"}, headers=who),
            *(
                act(api, "WEB-1", action, who, body, version=1)
                for action, body in (
                    ("approve", {}),
                    ("reject", {}),
                    ("send-back", {}),
                    ("consent", {"status": "agreed"}),
                    ("clarify", {"method": "meeting"}),
                    ("notify", {}),
                    ("archive", {}),
                    ("revisits", {"dates": ["2024-01-01"]}),
                    ("revisit", {}),
                    ("close", {}),
                )
            ),
        ]
        for answer in answers:
            assert answer.status_code == 404, (name, answer.request.url, answer.text)
            assert answer.json()["code"] == "case_not_found"
        # the same 404 as a case that does not exist: nothing confirms it is there
        missing = api.get("/api/cases/NO-SUCH", headers=who).json()
        assert missing["title"].replace("NO-SUCH", "WEB-1") == answers[0].json()["title"]
        custody = [
            api.post(f"/api/reveal-requests/{request_id}/decision", json={"approve": True}, headers=who),
            api.post(f"/api/reveal-requests/{request_id}/identity", headers=who),
            api.post(
                "/api/cases/FA-1/reporter-feedback",
                json={"channel": "电话", "summary": "已办结", "on": "2023-07-01"},
                headers=who,
            ),
            api.post("/api/cases/WEB-1/resume", json=online_case(), headers=who | {"If-Match": '"1"'}),
        ]
        for answer in custody:
            assert answer.status_code == 404, (name, answer.request.url, answer.text)
        assert api.get("/api/reveal-requests", headers=who).json()["items"] == []
        report = api.get("/api/reports?from=2023-01-01&to=2023-12-31", headers=who)
        assert report.status_code == 200 and report.json()["total"]["false_accusation"]["cases"] == 0
    insider = api.get("/api/cases", headers=li)
    assert sorted(c["case_id"] for c in insider.json()["items"]) == ["FA-1", "WEB-1"]
    seen = api.get("/api/reports?from=2023-01-01&to=2023-12-31", headers=li).json()
    assert seen["total"]["false_accusation"]["cases"] == 1
    assert [r["id"] for r in api.get("/api/reveal-requests", headers=li).json()["items"]] == [request_id]


def test_browser_sessions_need_the_csrf_token_and_a_same_site_origin(api):
    api.post("/api/cases", json=online_case(), headers=bearer(token_of_store(api, "platform", ["intake"])))
    login = api.post("/api/session", json={"name": "li", "password": PASSWORD})
    assert login.status_code == 200, login.text
    csrf = login.json()["csrf_token"]
    cookie = login.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax") and "zm_session=" in cookie
    assert login.json()["organ"] == "discipline_commission" and login.json()["roles"] == ["handling_department"]
    assert login.json()["expires_at"].endswith("+08:00")  # the office's zone, like every timestamp answered

    assert api.get("/api/cases/WEB-1").status_code == 200  # reading needs no CSRF token
    refused = act(api, "WEB-1", "approve", {}, {"comment": "x"})
    assert refused.status_code == 403 and "CSRF" in refused.json()["title"]
    wrong = act(api, "WEB-1", "approve", {"X-CSRF-Token": "forged"}, {"comment": "x"})
    assert wrong.status_code == 403
    cross_site = act(api, "WEB-1", "approve", {"X-CSRF-Token": csrf, "Origin": "https://evil.example"})
    assert cross_site.status_code == 403
    assert api.get("/api/cases/WEB-1").json()["version"] == 1  # none of them wrote anything
    done = act(api, "WEB-1", "approve", {"X-CSRF-Token": csrf}, {"comment": "建议澄清"})
    assert done.status_code == 200 and done.json()["approvals"][0]["actor"] == "li"

    assert api.delete("/api/session", headers={"X-CSRF-Token": csrf}).status_code == 204
    api.cookies.set("zm_session", cookie.split("zm_session=")[1].split(";")[0])
    assert api.get("/api/cases/WEB-1").status_code == 401  # the session ended at logout, server-side


def token_of_store(api, name, scopes):
    return token_of(api.app.state.services.store, name, scopes)


def test_logins_are_throttled_after_five_failures(api, store):
    for _ in range(5):
        answer = api.post("/api/session", json={"name": "wang", "password": "wrong password!"})
        assert answer.status_code == 401 and answer.json()["code"] == "unauthenticated"
    locked = api.post("/api/session", json={"name": "wang", "password": PASSWORD})
    assert locked.status_code == 429 and int(locked.headers["Retry-After"]) > 0
    assert locked.json()["code"] == "throttled" and "zm_session" not in locked.headers.get("set-cookie", "")
    # another user is not locked out by wang's failures
    assert api.post("/api/session", json={"name": "li", "password": PASSWORD}).status_code == 200
    unknown = api.post("/api/session", json={"name": "nobody", "password": PASSWORD})
    assert (
        unknown.status_code == 401
        and unknown.json()["title"]
        == api.post("/api/session", json={"name": "li", "password": "wrong password!"}).json()["title"]
    )
    with store.transaction() as session:
        actions = [row[0] for row in session.execute(text("SELECT action FROM audit_events ORDER BY seq"))]
    assert "login_locked" in actions and "login" in actions


def test_tokens_are_scoped_and_revocable(api, store):
    li = bearer(token_of(store, "li", ["read"]))
    api.post("/api/cases", json=online_case(), headers=bearer(token_of(store, "platform", ["intake"])))
    assert api.get("/api/cases/WEB-1", headers=li).status_code == 200
    assert act(api, "WEB-1", "approve", li).status_code == 403
    assert api.get("/api/users", headers=li).status_code == 403
    assert (
        api.post(
            "/api/users",
            json={"name": "x", "organ": "discipline_commission", "level": "county", "roles": ["commission_head"]},
            headers=li,
        ).status_code
        == 403
    )
    own = api.post("/api/tokens", json={"scopes": ["read", "admin"]}, headers=li)
    assert own.status_code == 403  # no scope beyond one's own, no admin for a non-administrator
    issued = api.post("/api/tokens", json={"scopes": ["read"], "label": "phone"}, headers=li)
    assert issued.status_code == 201 and issued.json()["token"].startswith("zm_")
    second = bearer(issued.json()["token"])
    assert api.get("/api/cases", headers=second).status_code == 200
    assert api.delete(f"/api/tokens/{issued.json()['id']}", headers=li).status_code == 200
    assert api.get("/api/cases", headers=second).status_code == 401
    assert api.get("/api/cases", headers={"Authorization": "Bearer zm_1_guess"}).status_code == 401
    assert api.get("/api/cases").status_code == 401


def test_if_match_is_required_and_a_stale_version_is_refused(api, store):
    api.post("/api/cases", json=online_case(), headers=bearer(token_of(store, "platform", ["intake"])))
    li = bearer(token_of(store, "li"))
    missing = api.post("/api/cases/WEB-1/approve", json={}, headers=li)
    assert missing.status_code == 428 and missing.json()["code"] == "precondition_required"
    assert act(api, "WEB-1", "approve", li, version=1).status_code == 200
    stale = act(api, "WEB-1", "send-back", bearer(token_of(store, "wang")), version=1)
    assert stale.status_code == 412 and stale.json()["code"] == "conflict"
    assert "1" in stale.json()["title"] and "2" in stale.json()["title"]
    assert api.get("/api/cases/WEB-1", headers=li).json()["version"] == 2


def test_bad_input_is_a_problem_naming_the_field_and_nothing_is_written(api, store):
    platform = bearer(token_of(store, "platform", ["intake"]))
    document = online_case()
    document["allegations"][0]["finding"] = "perhaps"
    bad = api.post("/api/cases", json=document, headers=platform)
    assert bad.status_code == 422 and bad.headers["content-type"] == "application/problem+json"
    assert any(e["pointer"] == "/allegations/0/finding" for e in bad.json()["errors"])
    broken = api.post("/api/cases", content=b'{"case_id": ', headers=platform | {"content-type": "application/json"})
    assert broken.status_code == 422 and broken.json()["code"] == "invalid_document"
    api.post("/api/cases", json=online_case(), headers=platform)
    li = bearer(token_of(store, "li"))
    wrong_date = act(api, "WEB-1", "revisits", li, {"dates": ["2023-02-30"]})
    assert wrong_date.status_code == 422 and wrong_date.json()["errors"][0]["pointer"].startswith("/dates")
    assert api.get("/api/cases?state=审批中", headers=li).json()["total"] == 0
    assert api.get("/api/cases?state=待提出建议", headers=li).json()["total"] == 1
    unknown_state = api.get("/api/cases?state=whatever", headers=li)
    assert unknown_state.status_code == 422 and unknown_state.json()["errors"][0]["pointer"] == "/state"
    english = api.get("/api/cases/NONE", headers=li | {"Accept-Language": "en"})
    assert english.json()["title"] == "case NONE does not exist"
    assert api.get("/api/cases/WEB-1", headers=li).json()["version"] == 1


def test_lists_are_paged_and_searchable(api, store):
    platform = bearer(token_of(store, "platform", ["intake"]))
    for number in range(5):
        document = online_case(f"WEB-{number}")
        document["subject"]["name"] = "李四" if number == 3 else "张某"
        assert api.post("/api/cases", json=document, headers=platform).status_code == 201
    li = bearer(token_of(store, "li"))
    first = api.get("/api/cases?per_page=2", headers=li)
    assert first.json()["total"] == 5 and len(first.json()["items"]) == 2 and 'rel="next"' in first.headers["Link"]
    last = api.get("/api/cases?per_page=2&page=3", headers=li)
    assert len(last.json()["items"]) == 1 and 'rel="next"' not in last.headers.get("Link", "")
    seen = {
        c["case_id"]
        for page in (1, 2, 3)
        for c in api.get(f"/api/cases?per_page=2&page={page}", headers=li).json()["items"]
    }
    assert len(seen) == 5
    assert [c["case_id"] for c in api.get("/api/cases?q=李四", headers=li).json()["items"]] == ["WEB-3"]
    assert api.get("/api/cases?q=WEB-4", headers=li).json()["total"] == 1
    assert api.get("/api/cases?jurisdiction=pingdingshan", headers=li).json()["total"] == 0


def test_custody_a_different_custodian_approves_and_the_identity_is_shown_once(api, store):
    platform = bearer(token_of(store, "platform", ["intake"]))
    assert api.post("/api/cases", json=FALSE_ACCUSATION, headers=platform).status_code == 201
    api.post("/api/cases", json=online_case(), headers=platform)
    li, chen = bearer(token_of(store, "li")), bearer(token_of(store, "chen"))
    not_traceable = api.post("/api/cases/WEB-1/reveal-requests", json={"reason": "核实"}, headers=li)
    assert not_traceable.status_code == 409 and "诬告陷害" in not_traceable.json()["title"]
    filed = api.post("/api/cases/FA-1/reveal-requests", json={"reason": "核实是否诬告"}, headers=li)
    assert filed.status_code == 201, filed.text
    request_id = filed.json()["id"]
    assert REPORTER_NAME not in api.get("/api/reveal-requests", headers=chen).text
    own = api.post(f"/api/reveal-requests/{request_id}/decision", json={"approve": True}, headers=li)
    assert own.status_code == 403  # the requester never decides
    too_early = api.post(f"/api/reveal-requests/{request_id}/identity", headers=li)
    assert too_early.status_code == 409
    decided = api.post(
        f"/api/reveal-requests/{request_id}/decision", json={"approve": True, "valid_hours": 2}, headers=chen
    )
    assert decided.status_code == 200 and decided.json()["status"] == "approved"
    assert api.post(f"/api/reveal-requests/{request_id}/identity", headers=chen).status_code in (403, 404)
    shown = api.post(f"/api/reveal-requests/{request_id}/identity", headers=li)
    assert shown.status_code == 200 and REPORTER_NAME in shown.text
    again = api.post(f"/api/reveal-requests/{request_id}/identity", headers=li)
    assert again.status_code == 409 and REPORTER_NAME not in again.text
    with store.transaction() as session:
        actions = [r[0] for r in session.execute(text("SELECT action FROM audit_events WHERE case_id = 'FA-1'"))]
    assert actions[-3:] == ["reveal_request", "reveal_approve", "reveal_shown"]


def test_a_case_edited_behind_the_service_is_refused_and_verify_names_it(api, store):
    api.post("/api/cases", json=online_case(), headers=bearer(token_of(store, "platform", ["intake"])))
    li = bearer(token_of(store, "li"))
    with store.engine.begin() as connection:  # a DBA moves the case on by hand
        connection.execute(text("UPDATE cases SET state = 'clarification' WHERE case_id = 'WEB-1'"))
    refused = act(api, "WEB-1", "clarify", li, {"method": "meeting"})
    assert refused.status_code == 409 and refused.json()["code"] == "integrity"
    verified = api.get("/api/audit/verify", headers=bearer(api.root_token)).json()
    assert verified["ok"] is False and any(p["row"] and p["row"].startswith("cases/") for p in verified["problems"])


def test_openapi_embeds_the_contract_schemas_verbatim(api):
    from zhengming.web.schemas import schema_file

    document = api.get("/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    assert document["components"]["schemas"]["Case"] == schema_file("case.schema.json")
    assert document["components"]["schemas"]["Decision"] == schema_file("decision.schema.json")
    intake = document["paths"]["/api/cases"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert intake == {"$ref": "#/components/schemas/Case"}
    docs = api.get("/docs")
    assert docs.status_code == 200 and "/docs-assets/swagger-ui-bundle.js" in docs.text
    assert not re.search(r"(src|href)=\"https?://", docs.text)  # no asset from a CDN
    assert api.get("/docs-assets/swagger-ui-bundle.js").status_code == 200


def test_evaluate_and_jurisdictions_need_a_caller(api, store):
    document = copy.deepcopy(online_case())
    document.pop("reporter")
    assert api.post("/api/evaluate", json=document).status_code == 401
    li = bearer(token_of(store, "li", ["read"]))
    decision = api.post("/api/evaluate", json=document, headers=li)
    assert decision.status_code == 200 and decision.json()["trigger"]["outcome"] == "must_clarify"
    assert "jinan" in {j["id"] for j in api.get("/api/jurisdictions", headers=li).json()["jurisdictions"]}


def test_decisions_are_stored_in_both_languages_and_rendered_in_the_readers(api, store):
    api.post("/api/cases", json=online_case(), headers=bearer(token_of(store, "platform", ["intake"])))
    li = bearer(token_of(store, "li"))
    with store.transaction() as session:
        stored = session.execute(text("SELECT decision FROM cases WHERE case_id = 'WEB-1'")).scalar()
    stored = stored if isinstance(stored, dict) else json.loads(stored)
    reason = stored["trigger"]["reasons"][0]
    assert set(reason) == {"zh", "en"} and reason["zh"] != reason["en"]  # unlocalized: both kept
    chinese = api.get("/api/cases/WEB-1", headers=li).json()["decision"]["trigger"]["reasons"][0]
    english = api.get("/api/cases/WEB-1", headers=li | {"Accept-Language": "en"}).json()
    assert chinese == reason["zh"] and english["decision"]["trigger"]["reasons"][0] == reason["en"]
    approved = act(api, "WEB-1", "approve", li | {"Accept-Language": "en"}, {"comment": "ok"})
    assert approved.json()["decision"]["trigger"]["reasons"][0] == reason["en"]


def test_imports_letters_and_reports_over_http(api, store):
    platform = bearer(token_of(store, "platform", ["intake"]))
    lines = [json.dumps(online_case(f"IMP-{n}"), ensure_ascii=False) for n in range(3)]
    lines.insert(1, '{"case_id": "BAD-1", "jurisdiction": "jinan"}')
    body = ("\n".join(lines) + "\n").encode()
    imported = api.post("/api/imports", content=body, headers=platform | {"content-type": "application/x-ndjson"})
    assert imported.status_code == 200, imported.text
    report = imported.json()
    assert (report["lines"], report["imported"], len(report["invalid"])) == (4, 3, 1)
    assert report["invalid"][0]["line"] == 2
    again = api.post("/api/imports", content=body, headers=platform | {"content-type": "application/x-ndjson"})
    assert again.json()["already_stored"] == 3 and again.json()["imported"] == 0

    li = bearer(token_of(store, "li"))
    letter = api.get("/api/cases/IMP-0/letters/approval_form", headers=li)
    assert letter.status_code == 200 and letter.content[:2] == b"PK"  # a .docx (zip)
    assert letter.headers["content-disposition"].startswith('attachment; filename="IMP-0-approval_form.docx"')
    unknown = api.get("/api/cases/IMP-0/letters/love_letter", headers=li)
    assert unknown.status_code == 422 and unknown.headers["content-type"] == "application/problem+json"
    assert unknown.json()["code"] == "invalid_value" and unknown.json()["errors"][0]["pointer"] == "/kind"
    history = api.get("/api/cases/IMP-0", headers=li).json()["history"]
    assert history[-1]["action"] == "letter" and history[-1]["actor"] == "li"

    figures = api.get("/api/reports?from=2023-01-01&to=2023-12-31", headers=li)
    assert figures.status_code == 200, figures.text
    backwards = api.get("/api/reports?from=2023-12-31&to=2023-01-01", headers=li)
    assert backwards.status_code == 422 and backwards.json()["errors"][0]["pointer"] == "/from"


def test_a_deferred_case_is_resumed_and_the_answer_says_what_changed_in_either_language(api, store):
    api.post(
        "/api/users",
        json={
            "name": "xu",
            "organ": "discipline_commission",
            "level": "county",
            "roles": ["handling_department"],
            "jurisdiction": "xuchang",
        },
        headers=bearer(api.root_token),
    )
    xu = bearer(token_of(store, "xu", ["intake", "read", "act"]))
    document = online_case("XC-1") | {"jurisdiction": "xuchang", "circumstances": {"pending_other_clues": True}}
    assert api.post("/api/cases", json=document, headers=xu).json()["state"] == "deferred"
    verified = document | {"circumstances": {"pending_other_clues": False}}
    other = act(api, "XC-1", "resume", xu, verified | {"subject": {**document["subject"], "name": "孙某"}})
    assert other.status_code == 422 and other.json()["code"] == "not_same_case"
    resumed = act(api, "XC-1", "resume", xu | {"Accept-Language": "en"}, verified)
    assert resumed.status_code == 200, resumed.text
    assert resumed.json()["state"] == "proposal"
    assert [c["pointer"] for c in resumed.json()["changes"]] == ["/circumstances/pending_other_clues"]


def test_a_request_the_validator_refuses_names_the_field_in_the_readers_language(api, store):
    platform = bearer(token_of(store, "platform", ["intake"]))
    api.post("/api/cases", json=online_case(), headers=platform)
    li = bearer(token_of(store, "li"))
    version = api.get("/api/cases/WEB-1", headers=li).json()["version"]
    sent = li | {"If-Match": f'"{version}"', "content-type": "application/json"}

    broken = api.post("/api/cases/WEB-1/revisits", content=b'{"dates": [', headers=sent)
    assert broken.status_code == 422 and broken.headers["content-type"] == "application/problem+json"
    assert broken.json()["code"] == "invalid_value" and broken.json()["title"] == "请求内容有误"
    assert broken.json()["errors"] == [{"pointer": "", "detail": "请求正文不是有效的 JSON"}]

    no_day = api.get("/api/reports?from=2024-13-01&to=2024-12-31", headers=li)
    assert no_day.status_code == 422 and no_day.headers["content-type"] == "application/problem+json"
    assert no_day.json()["errors"] == [{"pointer": "/from", "detail": "'2024-13-01' 不是有效日期（应为 YYYY-MM-DD）"}]
    english = api.get("/api/reports?from=2024-13-01&to=2024-12-31&lang=en", headers=li)
    assert english.json()["title"] == "the request is not valid"
    assert english.json()["errors"] == [{"pointer": "/from", "detail": "'2024-13-01' is not a day (YYYY-MM-DD)"}]
    missing = api.get("/api/reports", headers=li | {"Accept-Language": "en"})
    assert missing.status_code == 422
    assert [(e["pointer"], e["detail"]) for e in missing.json()["errors"]] == [
        ("/from", "required, but not given"),
        ("/to", "required, but not given"),
    ]

    body = api.post("/api/cases/WEB-1/revisits", json={"dates": ["2023-02-30"]}, headers=sent)
    assert body.status_code == 422
    assert body.json()["errors"] == [{"pointer": "/dates/0", "detail": "'2023-02-30' 不是有效日期（应为 YYYY-MM-DD）"}]
    paging = api.get("/api/cases?page=0&by=x", headers=li)
    assert paging.status_code == 422 and paging.json()["errors"] == [{"pointer": "/page", "detail": "不得小于 1"}]
    assert api.get("/api/cases/WEB-1", headers=li).json()["version"] == version  # nothing was written


def test_a_jurisdiction_that_is_not_installed_is_refused_for_a_user_and_a_report(api, store):
    root = bearer(api.root_token)
    seat = {"name": "zhou", "organ": "discipline_commission", "level": "county", "roles": ["handling_department"]}
    typo = api.post("/api/users", json=seat | {"jurisdiction": "henan.xyz"}, headers=root)
    assert typo.status_code == 422 and typo.headers["content-type"] == "application/problem+json"
    assert typo.json()["code"] == "unknown_jurisdiction" and "jinan" in typo.json()["installed"]
    assert typo.json()["errors"] == [{"pointer": "/jurisdiction", "detail": "辖区 'henan.xyz' 未安装"}]
    assert "zhou" not in {u["name"] for u in api.get("/api/users", headers=root).json()["items"]}
    moved = api.patch("/api/users/li", json={"jurisdiction": "henan"}, headers=root)
    assert moved.status_code == 422 and moved.json()["code"] == "unknown_jurisdiction"
    assert {u["name"]: u["jurisdiction"] for u in api.get("/api/users", headers=root).json()["items"]}["li"] == "jinan"

    li = bearer(token_of(store, "li"))
    zeros = api.get("/api/reports?from=2024-01-01&to=2024-12-31&jurisdiction=henan", headers=li)
    assert zeros.status_code == 422 and zeros.json()["code"] == "unknown_jurisdiction"
    assert api.get("/api/reports?from=2024-01-01&to=2024-12-31&jurisdiction=jinan", headers=li).status_code == 200
