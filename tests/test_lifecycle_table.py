"""The lifecycle table: every action a row the service runs generically (``act``) and a console asks
about (``available_actions``), on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from zhengming.lifecycle import CaseNotFound, InvalidValue, NotPermitted, add_user
from zhengming.lifecycle.states import State
from zhengming.lifecycle.table import ACTIONS, STEP_HOLDER, action
from zhengming.store import audit

from .test_lifecycle_cli import as_json
from .test_store_support import BACKENDS, case_document, pingdingshan_document

pytest_plugins = ("tests.test_store_support",)
pytestmark = [pytest.mark.usefixtures("private_env")]


def ids(rows) -> list[str]:
    return [row["id"] for row in rows]


def test_each_row_names_its_states_who_and_labels():
    assert len({row.id for row in ACTIONS}) == len(ACTIONS)
    for row in ACTIONS:
        assert row.states and row.states <= set(State), row.id
        assert row.label.zh and row.label.en and row.label.zh != row.label.en, row.id
        described = row.as_json()
        assert described["id"] == row.id and described["states"] and described["who"] == row.who
    steps = {row.id for row in ACTIONS if row.who == STEP_HOLDER}
    assert steps == {"approve", "reject", "send_back"}
    from zhengming.cli.case import case

    assert {s.replace("_", "-") for s in steps} <= set(case.commands)  # each step row has its command
    assert [p["name"] for p in action("clarify").as_json()["params"] if p["required"]] == ["method"]


def test_an_unknown_action_is_refused_by_field():
    with pytest.raises(InvalidValue) as caught:
        action("approve_everything")
    assert caught.value.field == "/action" and "approve" in caught.value.message.en


@BACKENDS
def test_act_runs_any_row_and_the_wrappers_are_the_same(service, people, store):
    service.open(case_document())
    view = service.act("T-1", "approve", "li", comment="建议澄清")
    assert (view["state"], view["version"], view["approvals"][0]["comment"]) == ("approval", 2, "建议澄清")
    with pytest.raises(InvalidValue):
        service.act("T-1", "no_such_action", "wang")
    view = service.act("T-1", "approve", "wang", expected_version=2)
    assert view["state"] == "clarification"
    assert [h["action"] for h in view["history"]] == ["open", "approve", "approve"]
    with store.transaction() as session:
        assert audit.verify(session).ok


@BACKENDS
def test_available_actions_follow_state_role_seat_and_separation_of_duties(service, people, store):
    service.open(case_document())
    # the first step: no send-back; the handling department may also correct the intake
    assert ids(service.available_actions("T-1", "li")) == ["approve", "reject", "amend"]
    assert service.available_actions("T-1", "wang") == []  # the proposal is not the head's
    assert service.available_actions("T-1", "sun") == []  # the city commission oversees; the step is the county's
    service.approve("T-1", "li")
    assert ids(service.available_actions("T-1", "wang")) == ["approve", "reject", "send_back"]
    assert ids(service.available_actions("T-1", "li")) == ["amend"]
    described = service.available_actions("T-1", "wang")[0]
    assert described["label"] == {"zh": "审批通过", "en": "approve"} and described["who"] == STEP_HOLDER

    add_user(store, "qian", "party_committee", "county", ["commission_head"])
    with pytest.raises(CaseNotFound):
        service.available_actions("T-1", "qian")  # no need to know: as if the case did not exist

    service.approve("T-1", "wang")
    offered = ids(service.available_actions("T-1", "li"))
    assert "clarify" in offered and "consent" in offered and "approve" not in offered
    for action_id in offered:  # each one offered is one the service takes (parameters aside)
        assert action(action_id).who != STEP_HOLDER


@BACKENDS
def test_many_cases_at_once_give_each_case_its_own_verdict(service, people, store):
    """A worklist's batch: each case judged on its own state, records and steps taken (nothing of one
    case leaks into another's), cases not to be known and ids not there left out."""
    for case_id in ("T-1", "T-2", "T-3", "T-4"):
        service.open(case_document(case_id))
    service.approve("T-2", "li")  # waiting for the head
    for case_id in ("T-3", "T-4"):
        service.approve(case_id, "li")
        service.approve(case_id, "wang")
        service.clarify(case_id, "li", "written")
    required = service.show("T-3", history=False)["notifications"]["required"]
    service.notify("T-3", "li", [])  # every recipient recorded: T-3 may be archived, T-4 not yet
    service.notify("T-4", "li", required[:1])

    batch = ["T-4", "NOT-THERE", "T-3", "T-2", "T-1"]
    found = service.available_actions_on(batch, "li")
    assert list(found) == ["T-4", "T-3", "T-2", "T-1"]  # in the order asked
    assert {case_id: ids(rows) for case_id, rows in found.items()} == {
        case_id: ids(service.available_actions(case_id, "li")) for case_id in found
    }
    assert "archive" in ids(found["T-3"]) and "archive" not in ids(found["T-4"])  # by each case's own notices
    assert ids(found["T-1"]) == ["approve", "reject", "amend"] and ids(found["T-2"]) == ["amend"]
    by_head = service.available_actions_on(batch, "wang")
    assert ids(by_head["T-2"]) == ["approve", "reject", "send_back"] and by_head["T-1"] == []

    add_user(store, "qian", "party_committee", "county", ["commission_head"])
    assert service.available_actions_on(batch, "qian") == {}  # no need to know any of them


@BACKENDS
def test_separation_of_duties_hides_the_step_and_refuses_it(service, store):
    add_user(store, "both", "discipline_commission", "county", ["handling_department", "commission_head"])
    service.open(case_document())
    service.approve("T-1", "both")
    assert ids(service.available_actions("T-1", "both")) == ["amend"]  # the approval is not theirs
    with pytest.raises(NotPermitted, match="separation of duties"):
        service.approve("T-1", "both")


@BACKENDS
def test_the_command_line_lists_what_the_user_may_do(zm, tmp_path):
    for name, role in (("li", "handling_department"), ("wang", "commission_head")):
        zm("--local-admin", "users", "add", name, "--organ", "discipline_commission", "--level", "county",
           "--role", role)  # fmt: skip
    zm.login("li", "wang")
    path = tmp_path / "case.json"
    path.write_text(__import__("json").dumps(pingdingshan_document("CLI-2"), ensure_ascii=False), encoding="utf-8")
    zm("case", "open", str(path))
    offered = as_json(zm("case", "actions", "CLI-2", "--json"))
    assert ids(offered["actions"]) == ["approve", "reject", "amend"]
    assert "审批通过" in zm("case", "actions", "CLI-2").stdout
    assert "无可办理" in zm("case", "actions", "CLI-2", "--as", "wang").stdout
    zm("case", "actions", "NOPE", code=6)


@BACKENDS
def test_two_cases_acted_on_at_once_both_land_on_one_chain(service, people, store):
    """Both actors read the audit chain's head before either writes: the second finds it moved and
    chains its event after the first's, instead of forking the chain or failing."""
    import threading

    from zhengming.lifecycle import actions
    from zhengming.lifecycle import table as lifecycle_table
    from zhengming.lifecycle.service import ActionContext

    add_user(store, "li2", "discipline_commission", "county", ["handling_department"])
    service.open(case_document("T-1"))
    service.open(case_document("T-2"))
    both_loaded = threading.Barrier(2, timeout=30)
    outcomes: dict[str, object] = {}

    def approve(case_id: str, name: str) -> None:
        try:
            with store.engine.begin() as conn:
                loaded = actions.load(conn, case_id, name)
                both_loaded.wait()
                context = ActionContext(service, service.now())
                actions.perform(conn, store.keyring, loaded, lifecycle_table.APPROVE, {}, context)
            outcomes[case_id] = "done"
        except Exception as exc:  # any failure fails the test below
            outcomes[case_id] = exc

    threads = [threading.Thread(target=approve, args=pair) for pair in (("T-1", "li"), ("T-2", "li2"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert outcomes == {"T-1": "done", "T-2": "done"}
    with store.transaction() as session:
        result = audit.verify(session)
        events = [e.action for e in session.query(audit.AuditEvent).order_by(audit.AuditEvent.seq)]
    assert result.ok, result.problems
    assert events[-2:] == ["approve", "approve"]
    assert service.show("T-1")["state"] == service.show("T-2")["state"] == "approval"


@BACKENDS
def test_an_event_rewritten_to_an_equal_looking_value_is_refused(service, people, store):
    """The executor remembers the events it chained so as not to hash them again; an event edited in
    the database to a value Python finds equal (``0`` to ``false``) must still be found forged."""
    from sqlalchemy import text

    from zhengming.lifecycle import Unexplained

    from .dba import drop_guards

    service.open(case_document())
    service.approve("T-1", "li", "建议澄清")  # its event: after.step == 0
    with store.transaction() as session:
        drop_guards(session)
        seq, after = session.execute(
            text("SELECT seq, CAST(after AS VARCHAR) FROM audit_events ORDER BY seq DESC LIMIT 1")
        ).one()
        assert '"step":0' in after  # stored as its canonical text, the text its hash was computed over
        forged = after.replace('"step":0', '"step":false')
        cast = "CAST(:after AS JSON)" if store.dialect == "postgresql" else ":after"
        session.execute(text(f"UPDATE audit_events SET after = {cast} WHERE seq = :seq"), {"after": forged, "seq": seq})
    with pytest.raises(Unexplained) as caught:
        service.approve("T-1", "wang", "同意")
    assert caught.value.columns == ("event_forged",)


@BACKENDS
def test_notifying_when_no_one_is_left_writes_nothing(service, people, store):
    service.open(case_document())
    service.approve("T-1", "li")
    service.approve("T-1", "wang")
    service.clarify("T-1", "li", "meeting")
    service.notify("T-1", "li", [])
    version = service.show("T-1")["version"]
    view = service.notify("T-1", "li", [])  # every recipient told already: nothing to record
    assert view["version"] == version and [h["action"] for h in view["history"]].count("notify") >= 1
    with store.transaction() as session:
        assert audit.verify(session).ok
