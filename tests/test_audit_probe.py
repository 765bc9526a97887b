"""A tampering probe, as a database administrator who does not hold the key: 25 ways of rewriting the
audit log or the tables behind the application's back, on SQLite and on PostgreSQL. Each one is either
refused by the database or found by ``audit verify``, which names what it found; and no action is taken
on a case whose stored row the chain does not explain."""

from __future__ import annotations

import hashlib
import hmac
import secrets

import pytest
from sqlalchemy import delete, insert, select, text, update

from zhengming.lifecycle import Unexplained
from zhengming.store import audit
from zhengming.store.models import (
    Approval,
    AuditEvent,
    AuditHead,
    CaseRecord,
    Clarification,
    Consent,
    NotificationRecord,
    RevisitRecord,
    User,
)

from .dba import drop_guards
from .test_store_support import BACKENDS, case_document

pytest_plugins = ("tests.test_store_support",)
pytestmark = pytest.mark.usefixtures("private_env")

EVENTS = AuditEvent.__table__
CASES = CaseRecord.__table__


@pytest.fixture
def history(service, people, store):
    """Five users, then case T-1 opened, proposed, approved, consented and clarified (events 6–10)."""
    service.open(case_document())
    service.approve("T-1", "li", "建议澄清")
    service.approve("T-1", "wang", "同意")
    service.consent("T-1", "li", "given")
    service.clarify("T-1", "li", "meeting", scope="本单位干部大会")
    with store.transaction() as session:
        result = audit.verify(session)
    assert result.ok and result.events == 10
    return service


def _events(session) -> list[dict]:
    return [dict(r) for r in session.execute(select(EVENTS).order_by(EVENTS.c.seq)).mappings()]


def _rechain(session, *, key: bytes | None, key_id: str | None) -> None:
    """Recompute every hash and the head, keyed with ``key`` (a guess) or plain SHA-256."""
    prev = audit.GENESIS
    rows = _events(session)
    session.execute(delete(AuditEvent))
    for row in rows:
        row["prev_hash"], row["key_id"] = prev, key_id
        data = prev.encode() + audit.event_payload(row)
        row["hash"] = prev = (
            hmac.new(key, data, hashlib.sha256).hexdigest() if key else hashlib.sha256(data).hexdigest()
        )
        session.execute(insert(AuditEvent), row)
    session.execute(update(AuditHead).values(last_seq=rows[-1]["seq"], last_hash=prev))


# --- the audit log -------------------------------------------------------------------------------


def edit_event(session):
    drop_guards(session)
    session.execute(update(AuditEvent).where(AuditEvent.seq == 8).values(actor="mallory"))


def delete_event(session):
    drop_guards(session)
    session.execute(delete(AuditEvent).where(AuditEvent.seq == 7))


def reorder_events(session):
    drop_guards(session)
    rows = {r["seq"]: r for r in _events(session)}
    for seq, other in ((7, 8), (8, 7)):
        values = {k: v for k, v in rows[other].items() if k != "seq"}
        session.execute(update(AuditEvent).where(AuditEvent.seq == seq).values(**values))


def insert_event(session):
    drop_guards(session)
    rows = _events(session)
    session.execute(delete(AuditEvent).where(AuditEvent.seq > 7))
    forged = dict(rows[6], seq=8, actor="wang", action="approve", prev_hash=rows[6]["hash"])
    forged["hash"] = hashlib.sha256(forged["prev_hash"].encode() + audit.event_payload(forged)).hexdigest()
    session.execute(insert(AuditEvent), [forged] + [dict(r, seq=r["seq"] + 1) for r in rows[7:]])
    session.execute(update(AuditHead).values(last_seq=AuditHead.last_seq + 1))


def forge_tail(session):
    last = _events(session)[-1]
    event = dict(last, seq=last["seq"] + 1, actor="mallory", action="close", prev_hash=last["hash"])
    event["hash"] = hmac.new(secrets.token_bytes(32), b"guess", hashlib.sha256).hexdigest()
    session.execute(insert(AuditEvent), event)
    session.execute(update(AuditHead).values(last_seq=event["seq"], last_hash=event["hash"]))


def truncate_tail(session):
    drop_guards(session)
    rows = _events(session)
    session.execute(delete(AuditEvent).where(AuditEvent.seq > 8))
    session.execute(update(AuditHead).values(last_seq=8, last_hash=rows[7]["hash"]))


def truncate_all(session):
    drop_guards(session)
    session.execute(delete(AuditEvent))
    session.execute(update(AuditHead).values(last_seq=0, last_hash=audit.GENESIS))


def rehash_plain(session):
    """Drop the triggers, change an event, re-chain the whole log with SHA-256 as before keying."""
    drop_guards(session)
    session.execute(update(AuditEvent).where(AuditEvent.seq == 8).values(actor="mallory"))
    _rechain(session, key=None, key_id=None)


def rehash_guessed_key(session):
    drop_guards(session)
    session.execute(update(AuditEvent).where(AuditEvent.seq == 8).values(actor="mallory"))
    key_id = _events(session)[0]["key_id"]
    _rechain(session, key=secrets.token_bytes(32), key_id=key_id)


def replace_past_triggers(session):
    """SQLite: INSERT OR REPLACE deletes without DELETE triggers; PostgreSQL: INSERT … ON CONFLICT."""
    columns = "seq, at, actor, action, case_id, before, after, prev_hash, hash, key_id"
    chosen = columns.replace("actor", "'mallory'")
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text(f"INSERT OR REPLACE INTO audit_events ({columns}) SELECT {chosen} FROM audit_events"))
    else:
        session.execute(
            text(
                f"INSERT INTO audit_events ({columns}) SELECT {chosen} FROM audit_events "
                "ON CONFLICT (seq) DO UPDATE SET actor = EXCLUDED.actor"
            )
        )


def truncate_past_triggers(session):
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("TRUNCATE audit_events"))
    else:
        session.execute(text("DELETE FROM audit_events"))  # SQLite's truncate optimization


def edit_head(session):
    session.execute(update(AuditHead).values(last_seq=AuditHead.last_seq - 1))


# --- the tables ------------------------------------------------------------------------------------


def _case(column, value):
    def tamper(session):
        session.execute(update(CaseRecord).where(CaseRecord.case_id == "T-1").values(**{column: value}))

    tamper.__name__ = f"case_{column}"
    return tamper


def _case_json(column, change):
    def tamper(session):
        current = session.scalar(select(getattr(CaseRecord, column)).where(CaseRecord.case_id == "T-1"))
        session.execute(update(CaseRecord).where(CaseRecord.case_id == "T-1").values(**{column: change(current)}))

    return tamper


def edit_approval(session):
    session.execute(update(Approval).where(Approval.step_index == 1).values(actor="zhou"))


def delete_approval(session):
    session.execute(delete(Approval).where(Approval.step_index == 1))


def insert_approval(session):
    row = dict(session.execute(select(Approval.__table__).where(Approval.step_index == 1)).mappings().one())
    session.execute(insert(Approval), dict(row, id=None, actor="zhou", comment="补签"))


def edit_record(session):
    session.execute(update(Clarification).values(scope="全县通报"))


def delete_case(session):
    pk = session.scalar(select(CaseRecord.id).where(CaseRecord.case_id == "T-1"))
    for model in (Approval, Consent, Clarification, NotificationRecord, RevisitRecord):
        session.execute(delete(model).where(model.case_pk == pk))
    session.execute(delete(CaseRecord).where(CaseRecord.id == pk))


def insert_case(session):
    row = dict(session.execute(select(CASES).where(CASES.c.case_id == "T-1")).mappings().one())
    session.execute(insert(CaseRecord), dict(row, id=None, case_id="T-FORGED"))


def grant_role(session):
    session.execute(update(User).where(User.name == "li").values(roles=["handling_department", "commission_head"]))


BLOCKED = "refused by the database"
SCENARIOS = {
    "edit an event": (edit_event, {"hash"}),
    "delete an event": (delete_event, {"gap", "prev_hash"}),
    "reorder events": (reorder_events, {"prev_hash", "hash"}),
    "insert an event": (insert_event, {"hash", "prev_hash"}),
    "append a forged event and move the head": (forge_tail, {"hash"}),
    "truncate the tail and move the head": (truncate_tail, {"row_changed", "row_unrecorded"}),
    "truncate the whole log and reset the head": (truncate_all, {"row_unrecorded"}),
    "rehash with SHA-256 after dropping the triggers": (rehash_plain, {"unkeyed"}),
    "rehash with a guessed key after dropping the triggers": (rehash_guessed_key, {"hash"}),
    "INSERT OR REPLACE / ON CONFLICT past the triggers": (replace_past_triggers, BLOCKED),
    "TRUNCATE past the triggers": (truncate_past_triggers, BLOCKED),
    "edit the chain head": (edit_head, {"head"}),
    "case state": (_case("state", "closed"), {"row_changed"}),
    "case step": (_case("current_step", 0), {"row_changed"}),
    "case version": (_case("version", 1), {"row_changed"}),
    "case document": (
        _case_json("document", lambda d: d | {"subject": d["subject"] | {"name": "李某"}}),
        {"row_changed"},
    ),
    "case decision": (_case_json("decision", lambda d: d | {"outcome": "not_applicable"}), {"row_changed"}),
    "case steps (approval path)": (_case_json("steps", lambda s: s[:1]), {"row_changed"}),
    "edit an approval": (edit_approval, {"row_changed"}),
    "delete an approval": (delete_approval, {"row_deleted"}),
    "insert an approval": (insert_approval, {"row_unrecorded"}),
    "edit a clarification record": (edit_record, {"row_changed"}),
    "delete a case": (delete_case, {"row_deleted"}),
    "insert a case": (insert_case, {"row_unrecorded"}),
    "grant oneself a role": (grant_role, {"row_changed"}),
}
EXPECTED_COLUMNS = {
    "case state": ("cases/T-1", "state"),
    "case step": ("cases/T-1", "current_step"),
    "case version": ("cases/T-1", "version"),
    "case document": ("cases/T-1", "document"),
    "case decision": ("cases/T-1", "decision"),
    "case steps (approval path)": ("cases/T-1", "steps"),
    "edit an approval": ("approvals/", "actor"),
    "edit a clarification record": ("clarifications/", "scope"),
    "grant oneself a role": ("users/", "roles"),
}


def test_there_are_twenty_five_scenarios():
    assert len(SCENARIOS) == 25


@BACKENDS
@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_every_tampering_is_refused_or_detected_and_named(history, store, scenario):
    tamper, expected = SCENARIOS[scenario]
    if expected == BLOCKED:
        with pytest.raises(Exception, match="append-only"), store.transaction() as session:
            tamper(session)
        with store.transaction() as session:
            assert audit.verify(session).ok
        return
    with store.transaction() as session:
        tamper(session)
    with store.transaction() as session:
        result = audit.verify(session)
    found = {p.problem for p in result.problems}
    assert not result.ok and found & expected, (scenario, result.problems)
    if scenario in EXPECTED_COLUMNS:
        row, column = EXPECTED_COLUMNS[scenario]
        named = [p for p in result.problems if p.row and p.row.startswith(row)]
        assert named and all(p.columns == (column,) for p in named), result.problems


@BACKENDS
@pytest.mark.parametrize("column", ["state", "current_step", "version", "document", "decision", "steps"])
def test_no_action_on_a_case_the_chain_does_not_explain(service, people, store, column):
    service.open(case_document())
    service.approve("T-1", "li", "建议澄清")
    tamper = {
        "state": _case("state", "clarification"),
        "current_step": _case("current_step", 0),
        "version": _case("version", 9),
        "document": _case_json("document", lambda d: d | {"as_of": "2020-01-01"}),
        "decision": _case_json("decision", lambda d: d | {"fast_track": True}),
        "steps": _case_json("steps", lambda s: [*s[:1], dict(s[1], role="handling_department")]),
    }[column]
    with store.transaction() as session:
        tamper(session)
    version = 9 if column == "version" else None
    with pytest.raises(Unexplained) as caught:
        service.approve("T-1", "wang", "同意", expected_version=version)
    assert caught.value.columns == (column,) and caught.value.case_id == "T-1"
    assert "audit verify" in caught.value.message.en


@BACKENDS
def test_an_update_records_only_the_columns_it_changed_and_the_chain_still_holds_them_all(history, store):
    """A case's open event records every column of its row; each later action records the whole row's
    digest and the columns it changed. Laid over one another they are the digests of the row as stored."""
    from zhengming.store import integrity

    with store.transaction() as session:
        events = [e for e in _events(session) if e["case_id"] == "T-1"]
        case = session.scalars(select(CaseRecord).where(CaseRecord.case_id == "T-1")).one()
        key = store.keyring.audit_key(events[-1]["key_id"])
        _name, now = integrity.object_digests(key, case)
    maps = [(e["key_id"], e["after"]["rows"]["cases/T-1"]) for e in events]
    assert integrity.complete("cases", maps[0][1])
    for _key_id, digests in maps[1:]:
        assert not integrity.complete("cases", digests)
        assert {"_", "version", "updated_at"} <= digests.keys()
    clarified = maps[-1][1]  # the clarification set the state; it did not touch the document
    assert "state" in clarified and "document" not in clarified
    assert integrity.recorded_digests("cases", maps) == now
