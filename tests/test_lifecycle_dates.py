"""Dates an officer gives for what was done (a clarification, a notification, a revisit) are the office's
days, neither after today nor before the case was opened; a revisit may be planned ahead but not before
the opening. A date out of bounds is refused naming its field, and nothing is written; on SQLite and
PostgreSQL, from the service, the command line and HTTP."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from zhengming.lifecycle import InvalidDate, InvalidValue
from zhengming.lifecycle.table import BY_ID, DONE, PLANNED

from .test_http_api import act, api, bearer, token_of  # noqa: F401 — the API client fixture
from .test_store_support import BACKENDS, case_document, pingdingshan_document

pytest_plugins = ("tests.test_store_support",)
pytestmark = pytest.mark.usefixtures("private_env")

# the calendar fixture: 23:30 on 1 March in UTC, 07:30 on 2 March in Beijing, the office's opening day
OPENING_DAY = date(2024, 3, 2)


def clarifiable(service, case_id="T-1", document=None):
    service.open(document or case_document(case_id))
    service.approve(case_id, "li")
    return service.approve(case_id, "wang")


def test_every_date_parameter_of_the_table_has_its_bounds():
    """A date someone gives an action is checked: the done ones against today and the opening, a plan
    against the opening (a paper approval has its own check, against the previous step too)."""
    bounded = {(row.id, p.name): p.bounds for row in BY_ID.values() for p in row.params if p.type in ("date", "dates")}
    paper = {key for key in bounded if key[1] == "given_on"}
    assert {key: bounds for key, bounds in bounded.items() if key not in paper} == {
        ("clarify", "on"): DONE,
        ("notify", "on"): DONE,
        ("plan_revisits", "dates"): PLANNED,
        ("revisit", "on"): DONE,
        ("talk", "on"): DONE,
    }


@BACKENDS
def test_a_clarification_is_dated_between_the_opening_and_today(calendar, service, people):
    view = clarifiable(service)
    today = calendar.advance(10)
    for day, fragment in ((today + timedelta(days=1), "after today"), (OPENING_DAY - timedelta(days=1), "before case")):
        with pytest.raises(InvalidDate, match=fragment) as refused:
            service.clarify("T-1", "li", "written", on=day)
        assert refused.value.field == "/on" and refused.value.code == "invalid_date"
        assert isinstance(refused.value, InvalidValue) and day.isoformat() in refused.value.message.en
    unchanged = service.show("T-1")
    assert (unchanged["version"], unchanged["state"], unchanged["clarifications"]) == (
        view["version"],
        "clarification",
        [],
    )
    # the office's day, not UTC's: opened at 23:30 UTC on 1 March is 2 March in Beijing
    assert "2024-03-02" in str(refused.value.message.render("zh"))
    view = service.clarify("T-1", "li", "written", on=OPENING_DAY)
    assert view["state"] == "clarified" and view["clarifications"][0]["on"] == "2024-03-02"


@BACKENDS
def test_a_clarification_today_on_the_opening_day(calendar, service, people):
    clarifiable(service)
    assert service.clarify("T-1", "li", "written", on=OPENING_DAY)["state"] == "clarified"


@BACKENDS
def test_a_notification_dated_in_the_future_writes_nothing(calendar, service, people):
    clarifiable(service)
    service.clarify("T-1", "li", "written")
    before = service.show("T-1")
    with pytest.raises(InvalidDate, match="after today") as refused:
        service.notify("T-1", "li", [], on=OPENING_DAY + timedelta(days=1))
    assert refused.value.field == "/on"
    with pytest.raises(InvalidDate, match="before case"):
        service.notify("T-1", "li", ["subject"], on=OPENING_DAY - timedelta(days=1))
    after = service.show("T-1")
    assert after["version"] == before["version"] and after["notifications"]["done"] == []
    assert service.notify("T-1", "li", [], on=OPENING_DAY)["notifications"]["done"]


@BACKENDS
def test_revisits_are_planned_ahead_and_recorded_when_done(calendar, service, people):
    document = pingdingshan_document("PDS-R", subject_applied=False) | {
        "allegations": [
            {"id": "a1", "summary": "违规经商", "finding": "untrue"},
            {"id": "a2", "summary": "违规收礼", "finding": "true", "disposition_form": 2},
        ]
    }
    clarifiable(service, "PDS-R", document)
    service.consent("PDS-R", "li", "given")
    service.clarify("PDS-R", "li", "written")
    service.notify("PDS-R", "li", [])
    archived = service.archive("PDS-R", "li")
    with pytest.raises(InvalidDate, match="before case") as refused:
        service.plan_revisits("PDS-R", "li", [OPENING_DAY + timedelta(days=90), OPENING_DAY - timedelta(days=1)])
    assert refused.value.field == "/dates"
    assert service.show("PDS-R")["version"] == archived["version"]
    view = service.plan_revisits("PDS-R", "li", [OPENING_DAY + timedelta(days=90)])  # the future is fine for a plan
    assert view["state"] == "revisit"
    method = view["revisit"]["methods"][0]
    with pytest.raises(InvalidDate, match="after today") as refused:
        service.record_revisit("PDS-R", "li", on=OPENING_DAY + timedelta(days=90), method=method)
    assert refused.value.field == "/on"
    assert [v["done_on"] for v in service.show("PDS-R")["revisit"]["visits"]] == [None]
    day = calendar.advance(91)
    view = service.record_revisit("PDS-R", "li", on=day, method=method)
    assert view["revisit"]["visits"][0]["done_on"] == day.isoformat()


@BACKENDS
def test_the_command_line_refuses_such_dates_naming_the_option(calendar, zm, tmp_path):
    zm(
        "--local-admin", "users", "add", "li", "--organ", "discipline_commission", "--level", "county",
        "--role", "handling_department",
    )  # fmt: skip
    zm("--local-admin", "users", "add", "wang", "--organ", "discipline_commission", "--level", "county",
       "--role", "commission_head")  # fmt: skip
    zm.login("li", "wang")
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_document("CLI-D"), ensure_ascii=False), encoding="utf-8")
    zm("case", "open", str(path))
    zm("case", "approve", "CLI-D", "--as", "li")
    version = json.loads(zm("case", "approve", "CLI-D", "--as", "wang", "--json").stdout)["version"]
    for day in ("2099-01-01", "2020-01-01"):
        refused = zm("case", "clarify", "CLI-D", "--as", "li", "--method", "书面澄清", "--date", day, code=2)
        assert "--date" in refused.output and day in refused.output, refused.output
    shown = json.loads(zm("case", "show", "CLI-D", "--json").stdout)
    assert shown["version"] == version and shown["clarifications"] == []
    zm("case", "clarify", "CLI-D", "--as", "li", "--method", "书面澄清", "--date", "2024-03-02")
    refused = zm("case", "notify", "CLI-D", "--as", "li", "--date", "2099-01-01", code=2)
    assert "--date" in refused.output


@BACKENDS
def test_http_answers_422_with_the_pointer(calendar, api, store):  # noqa: F811
    li = bearer(token_of(store, "li", scopes=("intake", "read", "act")))
    wang = bearer(token_of(store, "wang"))
    assert api.post("/api/cases", json=case_document("WEB-D"), headers=li).status_code == 201
    act(api, "WEB-D", "approve", li, {})
    act(api, "WEB-D", "approve", wang, {})
    future = act(api, "WEB-D", "clarify", li, {"method": "written", "on": "2099-01-01"})
    assert future.status_code == 422 and future.json()["code"] == "invalid_date"
    assert future.json()["errors"][0]["pointer"] == "/on"
    assert act(api, "WEB-D", "clarify", li, {"method": "written", "on": "2024-03-02"}).status_code == 200
