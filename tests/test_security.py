"""Authentication and separation of duties: argon2id passwords, hashed scoped expiring revocable tokens,
only administrators manage users (audited), the local administrator recorded as such, nobody takes a
later judging step of a case they already took a step of, and resume accepts only the same case."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text

from zhengming.lifecycle import NotPermitted, NotSameCase, add_user
from zhengming.security import authenticate, issue_token, list_tokens, local_admin, revoke_token
from zhengming.security.admin import change_user, create_user, login, set_password
from zhengming.security.errors import Forbidden, NotAuthenticated
from zhengming.security.passwords import hash_password, verify_password
from zhengming.store import audit
from zhengming.store.models import ApiToken, AuditEvent

from .test_store_support import BACKENDS, case_document, land_document, make_service

pytest_plugins = ("tests.test_store_support",)
pytestmark = pytest.mark.usefixtures("private_env")

ADMIN = local_admin("root")


def test_passwords_are_argon2id_hashes():
    stored = hash_password("correct horse battery")
    assert stored.startswith("$argon2id$") and "correct horse" not in stored
    assert verify_password(stored, "correct horse battery")
    assert not verify_password(stored, "correct horse batterY")
    assert not verify_password(None, "anything") and not verify_password("not-a-hash", "x")


@BACKENDS
def test_tokens_are_stored_hashed_scoped_expiring_and_revocable(store, people):
    secret, view = issue_token(store, "li", actor=ADMIN, scopes=["intake"], days=30, label="report platform")
    with store.transaction() as session:
        stored = session.scalars(select(ApiToken)).one()
        raw = repr(session.execute(text("SELECT * FROM api_tokens")).all())
    assert secret not in raw and secret.split("_", 2)[2] not in raw and stored.token_hash != secret
    who = authenticate(store, secret)
    assert who.name == "li" and who.allows("intake") and not who.allows("act")
    for wrong in ("", "zm_1_nope", "zm_x_y", secret + "x", "garbage"):
        with pytest.raises(NotAuthenticated):
            authenticate(store, wrong)
    with pytest.raises(NotAuthenticated):
        authenticate(store, secret, now=datetime.now(UTC) + timedelta(days=31))  # expired
    revoke_token(store, view["id"], actor=ADMIN)
    with pytest.raises(NotAuthenticated):
        authenticate(store, secret)
    assert list_tokens(store, actor=ADMIN)[0]["revoked"]
    other, _ = issue_token(store, "wang", actor=ADMIN)
    change_user(store, ADMIN, "wang", active=False)
    with pytest.raises(NotAuthenticated):
        authenticate(store, other)  # a deactivated user's tokens stop working
    with store.transaction() as session:
        actions = [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.seq))]
        assert audit.verify(session).ok
    assert actions[-4:] == ["issue_token", "revoke_token", "issue_token", "change_user"]


@BACKENDS
def test_only_an_administrator_manages_users_and_the_local_mode_is_recorded(store, people):
    li = authenticate(store, issue_token(store, "li", actor=ADMIN)[0])
    with pytest.raises(Forbidden):
        create_user(store, li, "mallory", "discipline_commission", "county", ["commission_head"])
    with pytest.raises(Forbidden):
        change_user(store, li, "li", add_roles=["commission_head"])  # no granting oneself a role
    with pytest.raises(Forbidden):
        issue_token(store, "wang", actor=li)  # nor a token in someone else's name
    with pytest.raises(Forbidden):
        issue_token(store, "li", actor=li, scopes=["admin"])  # nor more than one holds
    create_user(store, ADMIN, "chen", "discipline_commission", "city", [], jurisdiction="jinan", grants=["admin"])
    chen = authenticate(store, issue_token(store, "chen", actor=ADMIN, scopes=["read", "admin"])[0])
    assert chen.is_admin and not chen.local
    granted = change_user(store, chen, "li", add_roles=["commission_head"])
    assert granted["roles"] == ["handling_department", "verification_team", "commission_head"]
    with store.transaction() as session:
        events = {e.action: e.actor for e in session.scalars(select(AuditEvent))}
    assert events["add_user"] == "local-admin:root" and events["change_user"] == "chen"


@BACKENDS
def test_a_password_buys_a_token_of_ones_own(store, people):
    with pytest.raises(NotAuthenticated):
        login(store, "li", "no password set yet")
    li = authenticate(store, issue_token(store, "li", actor=ADMIN)[0])
    with pytest.raises(Forbidden):
        set_password(store, li, "wang", "a long enough password")  # only one's own
    set_password(store, li, "li", "a long enough password")
    with pytest.raises(NotAuthenticated):
        login(store, "li", "a long enough passworD")
    with pytest.raises(NotAuthenticated):
        login(store, "nobody", "a long enough password")
    secret, view = login(store, "li", "a long enough password")
    assert authenticate(store, secret).name == "li" and view["label"] == "login"


@BACKENDS
def test_nobody_approves_a_step_of_a_case_they_already_took_a_step_of(service, store, people):
    add_user(store, "both", "discipline_commission", "county", ["handling_department", "commission_head"])
    service.open(case_document())
    service.approve("T-1", "both", "建议澄清")
    with pytest.raises(NotPermitted, match="separation of duties"):
        service.approve("T-1", "both", "同意")
    with pytest.raises(NotPermitted, match="separation of duties"):
        service.reject("T-1", "both", "不同意")
    assert service.approve("T-1", "wang", "同意")["state"] == "clarification"


@BACKENDS
def test_resume_accepts_only_an_update_of_the_same_case(store, land, people):
    service = make_service(store, land)
    service.open(land_document("D-1", pending_other_clues=True))
    other = land_document("D-1")
    other["subject"] = dict(other["subject"], name="王某")
    other["jurisdiction"] = "core"
    with pytest.raises(NotSameCase) as caught:
        service.resume("D-1", other, actor="li")
    assert caught.value.fields == ["/jurisdiction", "/subject"] and caught.value.code == "not_same_case"
    assert service.show("D-1")["state"] == "deferred"
    updated = land_document("D-1")
    updated["allegations"] = [dict(a, finding="untrue") for a in updated["allegations"]]
    view = service.resume("D-1", updated, actor="li")
    assert view["state"] == "proposal"
    assert [c["pointer"] for c in view["changes"]] == ["/circumstances"]
