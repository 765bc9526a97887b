"""Corrections: amending a stored case's intake (修改受理信息) and approvals given on paper (纸质审批补录),
on SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from zhengming.clock import office_today
from zhengming.errors import InvalidDocument
from zhengming.lifecycle import (
    CaseNotFound,
    FieldNotAmendable,
    InvalidPaperDate,
    NotAmendable,
    NotPermitted,
    add_user,
)
from zhengming.lifecycle.corrections import change_lines
from zhengming.store import audit
from zhengming.store.models import Approval, AuditEvent

from .test_store_support import BACKENDS, REPORTER_NAME, case_document

pytest_plugins = ("tests.test_store_support",)
pytestmark = [BACKENDS, pytest.mark.usefixtures("private_env")]


def verified(store) -> None:
    with store.transaction() as session:
        result = audit.verify(session)
    assert result.ok, result.problems


def intake(**changes) -> dict:
    """The stored intake of T-1 (济南: the handling department proposes, the commission head approves)."""
    return case_document(**changes)


def events(store, case_id: str = "T-1") -> list[AuditEvent]:
    with store.transaction() as session:
        found = list(audit.case_history(session, case_id))
        session.expunge_all()
        return found


# --- amending -------------------------------------------------------------------------------------


def test_a_typo_is_amended_audited_and_shown_in_chinese_labels(service, people, store):
    service.open(intake())
    service.approve("T-1", "li", "建议澄清")  # proposed: the case awaits the commission head
    amended = intake(subject={"kind": "person", "name": "张山", "management_level": "county"})
    view = service.amend("T-1", amended, actor="li")

    assert [(c["pointer"], c["before"], c["after"]) for c in view["changes"] if not c.get("sealed")] == [
        ("/subject/name", "张某", "张山")
    ]
    assert change_lines([c for c in view["changes"] if not c.get("sealed")], "zh") == ["被反映人姓名：张某 → 张山"]
    assert change_lines([c for c in view["changes"] if not c.get("sealed")], "en") == ["subject's name: 张某 → 张山"]
    # the decision does not change with a name: the proposal stands, the case still awaits approval
    assert (view["decision_changes"], view["approvals_reset"]) == ([], 0)
    assert (view["state"], view["current_step"], view["version"]) == ("approval", 1, 3)
    assert view["document"]["subject"]["name"] == "张山"
    assert [a["superseded_at"] for a in view["approvals"]] == [None]
    last = events(store)[-1]
    assert (last.action, last.actor) == ("amend", "li")
    assert {"pointer": "/subject/name", "before": "张某", "after": "张山"} in last.after["changed"]
    assert service.approve("T-1", "wang", "同意")["state"] == "clarification"
    verified(store)


def test_a_changed_finding_supersedes_the_approvals_and_can_reopen_a_case(service, people, store):
    service.open(intake())
    service.approve("T-1", "li", "建议澄清")
    untrue_to_true = intake(allegations=[{"id": "a1", "summary": "收受礼金", "finding": "true"}])
    view = service.amend("T-1", untrue_to_true, actor="li")

    assert change_lines([c for c in view["changes"] if not c.get("sealed")], "zh") == [
        "问题 a1 查核结论：不属实 → 属实"
    ]
    assert "/trigger/outcome" in view["decision_changes"]
    assert view["approvals_reset"] == 1
    # found true: not applicable, so the evaluation closes the case; the proposal is void, kept and marked
    assert (view["state"], view["close_reason"], view["outcome"]) == ("closed", "not_applicable", "not_applicable")
    assert view["approvals"][0]["superseded_at"] is not None
    assert (events(store)[-1].after["approvals_reset"], events(store)[-1].after["why"]) == (1, "decision_changed")

    # closed by the evaluation, not by anyone's act: amending the finding back reopens it at its first step
    view = service.amend("T-1", intake(), actor="li")
    assert (view["state"], view["current_step"], view["close_reason"]) == ("proposal", 0, None)
    assert view["approvals_reset"] == 0  # the only approval was already superseded
    assert [s["status"] for s in view["steps"]] == ["current", "pending"]
    service.approve("T-1", "li", "再次建议澄清")
    assert service.approve("T-1", "wang", "同意")["state"] == "clarification"
    assert [h["action"] for h in service.show("T-1")["history"]] == [
        "open",
        "approve",
        "amend",
        "amend",
        "approve",
        "approve",
    ]
    verified(store)


def test_consent_recorded_under_the_old_decision_is_cleared_when_the_decision_changes(service, people, store):
    two = [
        {"id": "a1", "summary": "收受礼金", "finding": "untrue"},
        {"id": "a2", "summary": "违规用车", "finding": "untrue"},
    ]
    service.open(intake(allegations=two))
    service.approve("T-1", "li")
    service.approve("T-1", "wang")
    assert service.consent("T-1", "li", "given")["consent"] == "given"
    changed = copy.deepcopy(two)
    changed[1]["finding"] = "unverifiable"
    view = service.amend("T-1", intake(allegations=changed), actor="li")
    assert view["decision_changes"] and view["approvals_reset"] == 2
    assert (view["state"], view["consent"], view["current_step"]) == ("proposal", None, 0)
    verified(store)


def test_after_the_clarification_an_amendment_is_refused_and_nothing_changes(service, people, store):
    service.open(intake())
    service.approve("T-1", "li")
    service.approve("T-1", "wang")
    service.clarify("T-1", "li", "written")
    version = service.show("T-1")["version"]
    with pytest.raises(NotAmendable) as refused:
        service.amend(
            "T-1", intake(subject={"kind": "person", "name": "张山", "management_level": "county"}), actor="li"
        )
    assert refused.value.code == "not_amendable" and refused.value.exit_code == 5
    assert "复审复核" in refused.value.message.zh
    view = service.show("T-1")
    assert view["version"] == version and view["document"]["subject"]["name"] == "张某"


def test_only_a_handling_officer_of_the_case_may_amend(service, people, store):
    service.open(intake())
    amended = intake(subject={"kind": "person", "name": "张山", "management_level": "county"})
    with pytest.raises(NotPermitted, match="handling department"):
        service.amend("T-1", amended, actor="wang")  # the approver, not a fact-finder
    with pytest.raises(NotPermitted, match="county"):
        service.amend("T-1", amended, actor="sun")  # the city commission oversees, it does not handle
    with pytest.raises(CaseNotFound):
        service.amend("T-1", amended, actor="zhao")  # another organ: no need to know
    # moving the case to another organ would take it out of the amender's reach
    moved = intake(handling={"organ": "discipline_commission", "level": "city"})
    with pytest.raises(NotPermitted, match="organ"):
        service.amend("T-1", moved, actor="li")
    assert service.show("T-1")["version"] == 1
    assert [e.action for e in events(store)] == ["open"]


def test_an_invalid_amendment_names_the_field_and_writes_nothing(service, people, store):
    service.open(intake())
    with pytest.raises(FieldNotAmendable) as caught:
        service.amend("T-1", intake(jurisdiction="pingdingshan"), actor="li")
    assert (caught.value.field, caught.value.code, caught.value.exit_code) == (
        "/jurisdiction",
        "field_not_amendable",
        2,
    )
    with pytest.raises(FieldNotAmendable) as caught:
        service.amend("T-1", intake(case_id="T-2"), actor="li")
    assert caught.value.field == "/case_id"
    with pytest.raises(InvalidDocument) as invalid:
        service.amend("T-1", intake(allegations=[{"id": "a1", "finding": "maybe"}]), actor="li")
    assert [p.pointer for p in invalid.value.problems] == ["/allegations/0/finding"]
    with pytest.raises(InvalidDocument) as invalid:
        service.amend("T-1", intake(reporter=False) | {"reporter": {"phone": 13912345678}}, actor="li")
    assert [p.pointer for p in invalid.value.problems] == ["/reporter/phone"]
    assert "13912345678" not in str(invalid.value)
    assert service.show("T-1")["version"] == 1
    assert len(events(store)) == 1


def test_the_same_document_amends_nothing(service, people, store):
    service.open(intake(reporter=False))
    view = service.amend("T-1", intake(reporter=False), actor="li")
    assert view["changes"] == [] and view["version"] == 1
    assert len(events(store)) == 1


def test_a_reporter_field_is_resealed_and_never_shown(service, people, store):
    service.open(intake())
    view = service.amend(
        "T-1", intake(reporter=False) | {"reporter": {"phone": "13800000000"}}, actor="li", merge_reporter=True
    )
    assert view["changes"] == [
        {
            "pointer": "/reporter",
            "field": {"zh": "举报人身份", "en": "reporter's identity"},
            "before": None,
            "after": None,
            "sealed": True,
        }
    ]
    assert change_lines(view["changes"], "zh") == ["举报人身份：已重新加密保存（不显示）"]
    assert view["state"] == "proposal" and view["version"] == 2
    shown = json.dumps(view, ensure_ascii=False) + json.dumps([e.after for e in events(store)], ensure_ascii=False)
    assert "13800000000" not in shown and REPORTER_NAME not in shown
    with store.transaction() as session:
        from zhengming.store.models import CaseRecord

        sealed = session.scalars(select(CaseRecord.reporter_sealed)).one()
    identity = service.sealer.open(sealed, "T-1")
    assert identity["phone"] == "13800000000" and identity["name"] == REPORTER_NAME  # merged, the name kept
    verified(store)


def test_amending_is_refused_once_a_decision_is_taken(service, people, store):
    service.open(intake())
    service.approve("T-1", "li")
    service.reject("T-1", "wang", "不同意")
    with pytest.raises(NotAmendable):
        service.amend("T-1", intake(reporter=False), actor="li")


# --- approvals given on paper ---------------------------------------------------------------------


def clock(service, opened: datetime, today: date):
    """Fix the service's clock: cases opened at ``opened``, and the date today."""
    service.now = lambda: opened
    service.today = lambda: today


def test_an_approval_given_on_paper_keeps_its_own_date(service, people, store):
    clock(service, datetime(2026, 11, 10, 2, 0, tzinfo=UTC), date(2026, 11, 23))
    service.open(intake())
    service.now = lambda: datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
    view = service.approve("T-1", "li", "建议澄清", given_on=date(2026, 11, 12))
    assert view["approvals"][0]["given_on"] == "2026-11-12"
    assert view["approvals"][0]["at"].startswith("2026-11-23")

    too_early = date(2026, 11, 11)  # before the proposal it approves
    for given_on, fragment in ((date(2026, 11, 24), "after today"), (too_early, "previous step")):
        with pytest.raises(InvalidPaperDate, match=fragment) as refused:
            service.approve("T-1", "wang", "同意", given_on=given_on)
        assert refused.value.field == "/given_on" and refused.value.exit_code == 2
    view = service.approve("T-1", "wang", "同意", given_on=date(2026, 11, 15))
    assert view["state"] == "clarification"
    assert [(a["actor"], a["given_on"]) for a in view["approvals"]] == [("li", "2026-11-12"), ("wang", "2026-11-15")]
    last = events(store)[-1]
    assert (last.action, last.actor, last.after["on_paper"], last.after["given_on"]) == (
        "approve",
        "wang",
        True,
        "2026-11-15",
    )
    assert last.at.startswith("2026-11-23")
    assert service.show("T-1")["history"][-1]["given_on"] == "2026-11-15"
    verified(store)


def test_a_paper_date_before_the_case_was_opened_is_refused(service, people, store):
    clock(service, datetime(2026, 11, 10, 2, 0, tzinfo=UTC), date(2026, 11, 23))
    service.open(intake())
    with pytest.raises(InvalidPaperDate, match="before case T-1 was opened"):
        service.approve("T-1", "li", given_on=date(2026, 11, 9))
    assert service.show("T-1")["version"] == 1


def test_a_rejection_on_paper_and_separation_of_duties(service, people, store):
    clock(service, datetime(2026, 11, 10, 2, 0, tzinfo=UTC), date(2026, 11, 23))
    add_user(store, "both", "discipline_commission", "county", ["handling_department", "commission_head"])
    service.open(intake())
    service.approve("T-1", "both", "建议澄清")
    with pytest.raises(NotPermitted, match="separation of duties"):
        service.approve("T-1", "both", "同意", given_on=date(2026, 11, 20))  # paper changes nobody's duties
    with pytest.raises(NotPermitted, match="lacks that role"):
        service.reject("T-1", "li", "不同意", given_on=date(2026, 11, 20))
    view = service.reject("T-1", "wang", "不同意", given_on=date(2026, 11, 20))
    assert (view["state"], view["approvals"][-1]["decision"], view["approvals"][-1]["given_on"]) == (
        "rejected",
        "rejected",
        "2026-11-20",
    )
    verified(store)


def test_paper_dates_and_supersession_are_guarded_by_the_audit_chain(service, people, store):
    clock(service, datetime(2026, 11, 10, 2, 0, tzinfo=UTC), date(2026, 11, 23))
    service.open(intake())
    service.approve("T-1", "li", given_on=date(2026, 11, 12))
    service.now = lambda: datetime(2026, 11, 23, 3, 0, tzinfo=UTC) + timedelta(minutes=1)
    service.approve("T-1", "wang")  # recorded in the system: no paper date
    verified(store)
    with store.transaction() as session:
        session.execute(update(Approval).where(Approval.actor == "li").values(given_on=date(2026, 11, 11)))
        session.execute(update(Approval).where(Approval.actor == "wang").values(given_on=date(2026, 11, 13)))
    with store.transaction() as session:
        result = audit.verify(session)
    changed = sorted((p.problem, p.columns) for p in result.problems)
    assert changed == [("row_changed", ("given_on",)), ("row_changed", ("given_on",))]


# --- the command line -------------------------------------------------------------------------------


@pytest.fixture
def zm(zm):
    """The shared ``zhengming`` runner, with li (handling department) and wang (commission head) and
    their tokens."""
    for name, roles in (("li", ["handling_department"]), ("wang", ["commission_head"])):
        organ = ["--organ", "discipline_commission", "--level", "county"]
        zm("--local-admin", "users", "add", name, *organ, *[x for r in roles for x in ("--role", r)])
    zm.login("li", "wang")
    return zm


def test_case_amend_on_the_command_line(zm, tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(intake(), ensure_ascii=False), encoding="utf-8")
    zm("case", "open", str(path))

    done = zm("case", "amend", "T-1", "--set", "subject.name=张山", "--set", "allegations.a1.summary=收受红包")
    assert "已修改受理信息" in done.stdout
    assert "被反映人姓名：张某 → 张山" in done.stdout
    assert "问题 a1 内容摘要：收受礼金 → 收受红包" in done.stdout
    assert "/subject/name" not in done.stdout
    english = zm("--lang", "en", "case", "amend", "T-1", "--set", "/handling/verification_concluded_on=2023-03-12")
    assert "verification concluded on: 2023-03-10 → 2023-03-12" in english.stdout
    shown = zm("case", "show", "T-1").stdout
    assert (
        "被反映人姓名：张某 → 张山" in shown and "li 修改受理信息" in shown
    )  # the history names each amendment and what it changed

    # the whole corrected document from a file; the reporter re-sealed, never printed
    corrected = intake(subject={"kind": "person", "name": "张山", "management_level": "county"})
    corrected["reporter"]["phone"] = "13800000000"
    path.write_text(json.dumps(corrected, ensure_ascii=False), encoding="utf-8")
    data = json.loads(zm("case", "amend", "T-1", str(path), "--json").stdout)
    assert [c["pointer"] for c in data["changes"]] == [
        "/handling/verification_concluded_on",
        "/allegations/0/summary",
        "/reporter",
    ]
    text = zm("case", "amend", "T-1", "--set", "reporter.phone=13900000000").stdout
    assert "举报人身份：已重新加密保存（不显示）" in text and "13900000000" not in text
    assert "未作修改" in zm("case", "amend", "T-1", "--set", "subject.name=张山").stdout
    named = zm(
        "case", "amend", "T-1", "--set", "report.channel=来访", "--set", "impact.scope=在本部门本单位造成不良影响"
    )
    assert "举报渠道：来信 → 来访" in named.stdout  # a coded field typed by its Chinese name
    assert "不良影响范围" not in named.stdout  # the stored unit scope, typed by name: nothing changed there

    bad = zm("case", "amend", "T-1", "--set", "allegations.a1.finding=maybe", code=2)
    assert "/allegations/0/finding" in bad.output
    assert "/allegations/a9" in zm("case", "amend", "T-1", "--set", "allegations.a9.finding=true", code=2).output
    assert "/jurisdiction" in zm("case", "amend", "T-1", "--set", "jurisdiction=pingdingshan", code=2).output
    zm("case", "amend", "T-1", "--set", "subject.name", code=2)  # no value
    zm("case", "amend", "T-1", code=2)  # neither a file nor --set
    zm("case", "amend", "T-1", "--as", "wang", "--set", "subject.name=张三", code=5)  # not a handling officer
    zm("case", "amend", "NOPE", "--set", "subject.name=张三", code=6)
    zm("case", "amend", "T-1", "--set", "subject.name=张三", "--expect-version", "1", code=4)

    zm("case", "approve", "T-1")
    zm("case", "approve", "T-1", "--as", "wang")
    zm("case", "clarify", "T-1", "--method", "written")
    refused = zm("case", "amend", "T-1", "--set", "subject.name=张三", code=5)
    assert "不能修改受理信息" in refused.output
    assert json.loads(zm("audit", "verify", "--json").stdout)["ok"]


def test_case_approve_on_paper_on_the_command_line(zm, tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(intake(), ensure_ascii=False), encoding="utf-8")
    zm("case", "open", str(path))
    today = office_today()  # the office's day, as the command dates papers
    zm("case", "approve", "T-1", "--on-paper", code=2)  # the date on paper is required
    zm("case", "approve", "T-1", "--on", today.isoformat(), code=2)  # and only with --on-paper
    future = zm("case", "approve", "T-1", "--on-paper", "--on", (today + timedelta(days=1)).isoformat(), code=2)
    assert "--on" in future.output
    before = zm("case", "approve", "T-1", "--on-paper", "--on", (today - timedelta(days=1)).isoformat(), code=2)
    assert "早于案件 T-1 受理日期" in before.output
    zm("case", "approve", "T-1", "--comment", "建议澄清", "--on-paper", "--on", today.isoformat())
    shown = zm("case", "show", "T-1").stdout
    assert f"纸质审批，签批日期 {today.isoformat()}，补录于" in shown
    assert f"纸质签批 {today.isoformat()}" in shown
    view = json.loads(
        zm("case", "reject", "T-1", "--as", "wang", "--on-paper", "--on", today.isoformat(), "--json").stdout
    )
    assert view["state"] == "rejected" and view["approvals"][-1]["given_on"] == today.isoformat()
    assert "signed on paper" in zm("--lang", "en", "case", "show", "T-1").stdout


# --- parties: names in clear compared, sealed ones only re-sealed -----------------------------------------


def test_the_parties_of_a_false_accusation_case_are_amended_the_accusers_name_resealed(service, people, store):
    from .test_parties import ACCUSED, ACCUSER, FALSE_ACCUSATION

    opened = service.open(FALSE_ACCUSATION)
    amended = copy.deepcopy(FALSE_ACCUSATION)
    amended["concerns"] = [{"role": "accuser", "name": "另一诬告人"}, {"role": "accused", "name": "钱被巫"}]
    view = service.amend("FA-P", amended, actor="li")
    assert opened["state"] == view["state"]
    lines = change_lines(view["changes"], "zh")
    assert lines == [f"涉及人员：{ACCUSED} → 钱被巫", "涉及人员中加密保存的姓名：已重新加密保存（不显示）"]
    assert view["parties"] == [
        {"role": "accuser", "sealed": True},
        {"role": "accused", "kind": "person", "name": "钱被巫"},
    ]
    shown = json.dumps(view, ensure_ascii=False) + json.dumps(
        [e.after for e in events(store, "FA-P")], ensure_ascii=False
    )
    assert ACCUSER not in shown and "另一诬告人" not in shown
    with store.transaction() as session:
        from zhengming.store.models import CaseRecord

        sealed = session.scalars(select(CaseRecord.parties_sealed)).one()
    assert service.sealer.open(sealed, "FA-P")["parties"][0]["name"] == "另一诬告人"
    # without concerns, an amendment keeps the parties as they are
    amended.pop("concerns")
    amended["accuser"] = dict(amended["accuser"], severe_means=True)
    view = service.amend("FA-P", amended, actor="li")
    assert change_lines(view["changes"], "zh") == ["手段恶劣：否 → 是"]
    assert view["parties"][1]["name"] == "钱被巫"
    # decided by the evaluation with no step to take: amendable until someone acts on it
    assert view["state"] == "decided"
    service.archive("FA-P", "li")
    with pytest.raises(NotAmendable):
        service.amend("FA-P", FALSE_ACCUSATION, actor="li")
    verified(store)


def test_the_migration_adds_the_columns_and_earlier_approvals_still_verify(service, people, store):
    """Approvals written before migration 0006 hold NULL in its columns and keep verifying."""
    from alembic import command

    from zhengming.store.migrate import alembic_config

    service.open(intake())
    service.approve("T-1", "li", "建议澄清")
    config = alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    verified(store)
    view = service.approve("T-1", "wang", "同意", given_on=office_today())
    assert [a["given_on"] for a in view["approvals"]] == [None, office_today().isoformat()]
    verified(store)
