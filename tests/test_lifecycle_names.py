"""Refusals name recipients, methods and consent answers in the reader's language, with the code beside
the Chinese name where a person types it (``举报人（reporter）``, as ``users add`` lists roles), on SQLite and
PostgreSQL."""

from __future__ import annotations

import re

import pytest

from zhengming.labels import label, typed
from zhengming.lifecycle import InvalidTransition, InvalidValue
from zhengming.model import Recipient, RevisitMethod

from .test_store_support import BACKENDS, case_document, pingdingshan_document

pytest_plugins = ("tests.test_store_support",)
pytestmark = pytest.mark.usefixtures("private_env")

# a code (snake_case, ASCII) standing alone in a Chinese message, not inside its name's parentheses
BARE_CODE = re.compile(r"(?<![（a-z_])[a-z]+(?:_[a-z]+)+(?![a-z_]*）)")


def bare_codes(text: str) -> list[str]:
    return BARE_CODE.findall(text)


def test_typed_names_codes_as_choices_do():
    assert typed(Recipient, ["reporter", "subject"]).zh == "举报人（reporter）、澄清对象本人（subject）"
    assert typed(Recipient, ["reporter", "subject"]).en == "reporter, subject"
    assert typed(Recipient, ["carrier_pigeon"]).zh == "carrier_pigeon"  # not a code: as given
    assert bare_codes("须为 个别谈话（individual_meeting）") == [] and bare_codes("须为 individual_meeting") == [
        "individual_meeting"
    ]


def clarified(service, case_id="T-1"):
    service.open(case_document(case_id))
    service.approve(case_id, "li")
    service.approve(case_id, "wang")
    return service.clarify(case_id, "li", "written")


@BACKENDS
def test_a_recipient_the_decision_does_not_name_is_refused_by_name(service, people):
    view = clarified(service)
    required = view["notifications"]["required"]
    assert "reporter" not in required
    with pytest.raises(InvalidValue) as refused:
        service.notify("T-1", "li", ["reporter"])
    zh = refused.value.message.render("zh")
    assert "举报人（reporter）" in zh and bare_codes(zh) == [], zh
    assert all(f"{label(Recipient(r)).zh}（{r}）" in zh for r in required), zh
    assert "reporter" in refused.value.message.render("en")
    service.notify("T-1", "li", ["subject"])
    with pytest.raises(InvalidValue) as again:
        service.notify("T-1", "li", ["subject"])
    assert "澄清对象本人（subject）" in again.value.message.render("zh")


@BACKENDS
def test_archiving_before_every_recipient_is_told_names_them(service, people):
    view = clarified(service)
    with pytest.raises(InvalidTransition, match="still to notify") as refused:
        service.archive("T-1", "li")
    zh = refused.value.message.render("zh")
    assert bare_codes(zh) == [], zh
    assert all(f"{label(Recipient(r)).zh}（{r}）" in zh for r in view["notifications"]["required"]), zh


@BACKENDS
def test_a_method_the_decision_does_not_offer_is_refused_by_name(service, people):
    service.open(case_document())
    service.approve("T-1", "li")
    view = service.approve("T-1", "wang")
    offered = [m["method"] for m in view["methods"]]
    missing = next(m for m in ("media", "letter_feedback", "notice") if m not in offered)
    with pytest.raises(InvalidValue) as refused:
        service.clarify("T-1", "li", missing)
    zh = refused.value.message.render("zh")
    assert bare_codes(zh) == [] and "（written）" in zh, zh


@BACKENDS
def test_a_revisit_method_the_plan_does_not_name_is_refused_by_name(service, people):
    document = pingdingshan_document("PDS-R", subject_applied=False) | {
        "allegations": [
            {"id": "a1", "summary": "违规经商", "finding": "untrue"},
            {"id": "a2", "summary": "违规收礼", "finding": "true", "disposition_form": 2},
        ]
    }
    service.open(document)
    service.approve("PDS-R", "li")
    service.approve("PDS-R", "wang")
    service.consent("PDS-R", "li", "given")
    service.clarify("PDS-R", "li", "written")
    service.notify("PDS-R", "li", [])
    service.archive("PDS-R", "li")
    view = service.plan_revisits("PDS-R", "li", [service.today()])
    methods = view["revisit"]["methods"]
    other = next(m.value for m in RevisitMethod if m.value not in methods)
    with pytest.raises(InvalidValue) as refused:
        service.record_revisit("PDS-R", "li", method=other)
    zh = refused.value.message.render("zh")
    assert bare_codes(zh) == [] and all(f"{label(RevisitMethod(m)).zh}（{m}）" in zh for m in methods), zh
    with pytest.raises(InvalidValue) as target:
        service.record_revisit("PDS-R", "li", target="nobody")
    assert bare_codes(target.value.message.render("zh")) == []


@BACKENDS
def test_an_unknown_consent_answer_lists_the_answers_by_name(service, people):
    service.open(pingdingshan_document("P-1"))
    service.approve("P-1", "li")
    assert service.approve("P-1", "wang")["state"] == "consent"
    with pytest.raises(InvalidValue) as refused:
        service.consent("P-1", "li", "maybe")
    assert "同意（given）" in refused.value.message.render("zh")


@BACKENDS
def test_a_users_organ_level_or_role_not_known_is_named_in_chinese(store):
    from zhengming.lifecycle import add_user

    for field, args in (
        ("/organ", ("army", "county", ["handling_department"])),
        ("/level", ("discipline_commission", "village", ["handling_department"])),
        ("/roles", ("discipline_commission", "county", ["boss"])),
    ):
        with pytest.raises(InvalidValue) as refused:
            add_user(store, "x", *args)
        assert refused.value.field == field
        chinese = refused.value.message.zh
        assert "（" in chinese and bare_codes(chinese) == [], chinese  # each choice named, its code beside
    with pytest.raises(InvalidValue) as refused:
        add_user(store, "x", "army", "county", [])
    assert "纪委监委（discipline_commission）" in refused.value.message.zh
    assert "discipline_commission" in refused.value.message.en and "纪委" not in refused.value.message.en


def test_a_party_role_not_known_is_named_in_chinese():
    from zhengming.lifecycle.parties import concern_problems

    problems = concern_problems("false_accusation", [{"role": "boss", "name": "某某"}], {})
    (problem,) = [p for p in problems if p.pointer.endswith("/role")]
    assert "（" in problem.message.zh and bare_codes(problem.message.zh) == [], problem.message.zh
