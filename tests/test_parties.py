"""Whom a false-accusation or fault-tolerance case concerns (``concerns``), on SQLite and PostgreSQL:
the accuser (a person who reported) is sealed like the reporter, the falsely accused and a filing's
applicant are kept by name; bad ``concerns`` are refused naming the field, never the name."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from zhengming.errors import InvalidDocument
from zhengming.lifecycle import InvalidTransition, add_user
from zhengming.store.models import AuditEvent, CaseRecord

from .test_store_support import BACKENDS

pytest_plugins = ("tests.test_store_support",)
pytestmark = pytest.mark.usefixtures("private_env")
SQLITE = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # validation only: one backend is enough

ACCUSER = "欧阳诬告人"
ACCUSED = "钱被诬"
FALSE_ACCUSATION = {
    "kind": "false_accusation",
    "jurisdiction": "jinan",
    "as_of": "2023-05-01",
    "case_id": "FA-P",
    "accuser": {"kind": "party_member", "intent": True, "fabricated": True, "adverse_impact": True},
    "investigating_organ": {"organ": "discipline_commission", "level": "county"},
    "concerns": [{"role": "accuser", "name": ACCUSER}, {"role": "accused", "name": ACCUSED}],
}
FAULT_TOLERANCE = {
    "kind": "fault_tolerance",
    "jurisdiction": "pingdingshan",
    "as_of": "2023-06-01",
    "case_id": "FT-P",
    "filing": {
        "timing": "after",
        "subject": {"kind": "organization", "name": "某镇人民政府"},
        "claimed_items": ["P1"],
        "facts": {"public_interest_motive": True},
    },
    "concerns": [{"role": "cadre", "name": "孙某"}],
}


@BACKENDS
def test_the_accuser_is_sealed_and_the_accused_kept_by_name(service, people, store):
    view = service.open(FALSE_ACCUSATION)
    assert view["parties"] == [
        {"role": "accuser", "sealed": True},
        {"role": "accused", "kind": "person", "name": ACCUSED},
    ]
    assert ACCUSER not in json.dumps(view, ensure_ascii=False)
    with store.transaction() as session:
        row = session.scalars(select(CaseRecord).where(CaseRecord.case_id == "FA-P")).one()
        assert row.parties_sealed is not None and ACCUSER.encode() not in row.parties_sealed
        assert ACCUSER not in json.dumps([row.document, row.decision, row.parties], ensure_ascii=False)
        events = session.scalars(select(AuditEvent)).all()
        assert ACCUSER not in json.dumps([[e.before, e.after] for e in events], ensure_ascii=False)


@BACKENDS
def test_the_accuser_is_opened_only_through_custody_where_the_rules_allow_tracing(service, people, store):
    from zhengming.lifecycle.custody import Custody

    add_user(store, "chen", "discipline_commission", "county", [], grants=["custodian"])
    service.open(FALSE_ACCUSATION)  # no reporter recorded: the accuser alone is under custody
    custody = Custody(store)
    filed = custody.request("FA-P", "li", "查处诬告陷害需确认诬告者")
    custody.decide(filed["id"], "chen", approve=True)
    assert custody.show(filed["id"], "li") == {"concerns": [{"role": "accuser", "kind": "person", "name": ACCUSER}]}
    township = FALSE_ACCUSATION | {"case_id": "FA-T"}
    township["investigating_organ"] = {"organ": "township_discipline", "level": "township"}
    service.open(township)
    add_user(store, "xiang", "township_discipline", "township", ["handling_department"])
    with pytest.raises(InvalidTransition, match="do not allow"):
        custody.request("FA-T", "xiang", "查处需要")


@BACKENDS
def test_a_filing_records_its_applicant_from_filing_subject_and_the_cadre_concerned(service, people):
    view = service.open(FAULT_TOLERANCE)
    assert view["parties"] == [
        {"role": "applicant", "kind": "organization", "name": "某镇人民政府"},
        {"role": "cadre", "kind": "person", "name": "孙某"},
    ]


@SQLITE
def test_a_case_without_concerns_concerns_nobody_on_record(service, people):
    document = {k: v for k, v in FALSE_ACCUSATION.items() if k != "concerns"}
    assert service.open(document)["parties"] == []


@pytest.mark.parametrize(
    ("change", "pointer"),
    [
        ({"concerns": [{"role": "subject", "name": ACCUSER}]}, "/concerns/0/role"),
        ({"concerns": [{"role": "accuser", "name": ""}]}, "/concerns/0/name"),
        ({"concerns": [{"role": "accuser", "name": ACCUSER, "phone": "1"}]}, "/concerns/0/phone"),
        ({"concerns": [{"role": "accuser", "name": ACCUSER, "kind": "group"}]}, "/concerns/0/kind"),
        ({"concerns": {"role": "accuser"}}, "/concerns"),
        ({"concerns": [{"role": "accuser", "name": ACCUSER}, {"role": "accuser", "name": "另一人"}]}, "/accuser/count"),
    ],
)
@SQLITE
def test_bad_concerns_are_refused_naming_the_field_never_the_name(service, change, pointer):
    with pytest.raises(InvalidDocument) as caught:
        service.open(FALSE_ACCUSATION | change)
    assert [p.pointer for p in caught.value.problems] == [pointer]
    assert ACCUSER not in str(caught.value)


@SQLITE
def test_concerns_problems_come_with_the_case_documents_own(service):
    bad = FALSE_ACCUSATION | {"accuser": {"kind": "nobody"}, "concerns": [{"role": "x", "name": "y"}]}
    with pytest.raises(InvalidDocument) as caught:
        service.open(bad)
    assert {"/accuser/kind", "/concerns/0/role"} <= {p.pointer for p in caught.value.problems}


@SQLITE
def test_a_clarification_case_takes_no_concerns(service):
    from .test_store_support import case_document

    with pytest.raises(InvalidDocument) as caught:
        service.open(case_document(reporter=False) | {"concerns": [{"role": "accused", "name": ACCUSED}]})
    assert [p.pointer for p in caught.value.problems] == ["/concerns"]


@SQLITE
def test_case_open_prints_the_parties_without_the_sealed_name_and_refuses_bad_ones(zm, tmp_path):
    zm.add_user("li", roles=["handling_department"])
    zm.login("li")
    good, bad = tmp_path / "fa.json", tmp_path / "bad.json"
    good.write_text(json.dumps(FALSE_ACCUSATION, ensure_ascii=False), encoding="utf-8")
    bad.write_text(json.dumps(FALSE_ACCUSATION | {"case_id": "FA-Q", "concerns": [{"role": "boss", "name": ACCUSER}]}))
    shown = zm("case", "open", str(good), "--as", "li")
    assert f"涉及人员: 诬告者（举报人） 已加密保存；被诬告陷害人 {ACCUSED}" in shown.output
    assert ACCUSER not in shown.output
    english = zm("--lang", "en", "case", "show", "FA-P")
    assert f"concerns: accuser (a reporter) sealed; falsely accused {ACCUSED}" in english.output
    refused = zm("case", "open", str(bad), "--as", "li", code=2)
    assert "/concerns/0/role" in refused.output and ACCUSER not in refused.output
    assert json.loads(zm("case", "list", "--json").stdout)["total"] == 1


@BACKENDS
def test_imported_cases_seal_the_accuser_too(store, engine, people):
    import io

    from zhengming.lifecycle import CaseService
    from zhengming.lifecycle.custody import opened_identity
    from zhengming.lifecycle.importer import import_jsonl

    service = CaseService(store, engine)
    line = json.dumps(FALSE_ACCUSATION | {"case_id": "FA-I"}, ensure_ascii=False).encode() + b"\n"
    report = import_jsonl(store, engine, io.BytesIO(line), sealer=service.sealer, workers=0)
    assert report.imported == 1
    assert service.show("FA-I")["parties"][0] == {"role": "accuser", "sealed": True}
    with store.transaction() as session:
        row = session.scalars(select(CaseRecord).where(CaseRecord.case_id == "FA-I")).one()
        assert opened_identity(service.sealer, row)["concerns"][0]["name"] == ACCUSER
