"""Corrections over HTTP, on SQLite and PostgreSQL: ``POST /api/cases/{id}/amend`` and a step's
``given_on`` (an approval given on paper), with their problem details."""

from __future__ import annotations

from datetime import timedelta

import pytest

from zhengming.clock import office_today

from .test_http_api import act, api, bearer, token_of  # noqa: F401 — the API client fixture
from .test_store_support import BACKENDS, REPORTER_NAME, case_document

pytest_plugins = ("tests.test_store_support",)
pytestmark = [BACKENDS, pytest.mark.usefixtures("private_env")]


def test_amend_and_a_paper_approval_over_http(api, store):  # noqa: F811
    li = bearer(token_of(store, "li", scopes=("intake", "read", "act")))
    wang = bearer(token_of(store, "wang"))
    assert api.post("/api/cases", json=case_document("WEB-C"), headers=li).status_code == 201

    corrected = case_document("WEB-C", subject={"kind": "person", "name": "张山", "management_level": "county"})
    answer = act(api, "WEB-C", "amend", li, corrected)
    assert answer.status_code == 200, answer.text
    data = answer.json()
    assert answer.headers["ETag"] == '"2"'
    named = [(c["field"]["zh"], c["before"], c["after"]) for c in data["changes"] if not c.get("sealed")]
    assert named == [("被反映人姓名", "张某", "张山")]
    assert [c["pointer"] for c in data["changes"] if c.get("sealed")] == ["/reporter"]
    assert REPORTER_NAME not in answer.text

    english = act(api, "WEB-C", "amend", li | {"Accept-Language": "en"}, case_document("WEB-C"))
    assert [c["field"]["en"] for c in english.json()["changes"]] == ["subject's name", "reporter's identity"]
    stale = api.post("/api/cases/WEB-C/amend", json=corrected, headers=li | {"If-Match": '"1"'})
    assert stale.status_code == 412
    moved = act(api, "WEB-C", "amend", li, case_document("WEB-C", jurisdiction="pingdingshan"))
    assert moved.status_code == 422 and moved.json()["code"] == "field_not_amendable"
    assert moved.json()["errors"][0]["pointer"] == "/jurisdiction"
    invalid = act(api, "WEB-C", "amend", li, case_document("WEB-C", allegations=[{"id": "a1", "finding": "maybe"}]))
    assert invalid.status_code == 422 and invalid.json()["errors"][0]["pointer"] == "/allegations/0/finding"
    assert act(api, "WEB-C", "amend", wang, corrected).status_code == 403  # not a handling officer

    today = office_today()  # the office's day (Asia/Shanghai), as the API dates papers; not the server's
    future = act(
        api, "WEB-C", "approve", li, {"comment": "建议澄清", "given_on": (today + timedelta(days=1)).isoformat()}
    )
    assert future.status_code == 422 and future.json()["code"] == "invalid_date"
    assert future.json()["errors"][0]["pointer"] == "/given_on"
    done = act(api, "WEB-C", "approve", li, {"comment": "建议澄清", "given_on": today.isoformat()})
    assert done.status_code == 200 and done.json()["approvals"][0]["given_on"] == today.isoformat()
    act(api, "WEB-C", "approve", wang, {"comment": "同意"})
    act(api, "WEB-C", "clarify", li, {"method": "written"})
    refused = act(api, "WEB-C", "amend", li, corrected)
    assert refused.status_code == 409 and refused.json()["code"] == "not_amendable"
