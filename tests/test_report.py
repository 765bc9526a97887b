"""Statistics (issue 14): the report reproduces the figures 杭州 published (since 2020: 116
clarifications involving 112 people and 9 units; 1 false accuser punished; 37 fault-tolerance filings
covering 57 cadres) from generated cases that encode them, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest
from click.testing import CliRunner
from sqlalchemy import delete, select

from zhengming.cli.main import cli
from zhengming.reports.figures import figures_of, split_concerns, with_clarification
from zhengming.store.database import HEAD_REVISION
from zhengming.store.models import CaseFigure, CaseRecord, Clarification

from .test_store_support import BACKENDS, case_document

pytest_plugins = ("tests.test_store_support",)

HANGZHOU = "zhejiang.hangzhou"
NOW = datetime(2022, 12, 31, tzinfo=UTC)


def person(name):
    return {"kind": "person", "name": name, "management_level": "county"}


def unit(name):
    return {"kind": "organization", "name": name, "management_level": "county"}


def hangzhou_cases():
    """(case_id, kind, jurisdiction, as_of, outcome, intake document, decision, clarified on) — what 杭州 published,
    plus cases that must not count: another city, a clarification outside the period, a 错告, a case not clarified."""
    cases = []
    for n in range(107):  # 107 cadres clarified
        cases.append(
            (
                f"HZ-P{n}",
                "clarification",
                HANGZHOU,
                "2021-03-01",
                "must_clarify",
                {"subject": person(f"干部{n}")},
                {},
                date(2021, 1 + n % 12, 1 + n % 28),
            )
        )
    for n in range(9):  # 9 units, 5 of them together with their head
        document = {"subject": unit(f"单位{n}")}
        if n < 5:
            document["concerns"] = [{"kind": "person", "name": f"单位{n}负责人"}]
        cases.append(
            (f"HZ-U{n}", "clarification", HANGZHOU, "2022-05-01", "must_clarify", document, {}, date(2022, 6, 1))
        )
    cases.append(
        (
            "HZ-late",
            "clarification",
            HANGZHOU,
            "2023-01-05",
            "must_clarify",
            {"subject": person("后来者")},
            {},
            date(2023, 2, 1),
        )
    )
    cases.append(
        ("HZ-open", "clarification", HANGZHOU, "2022-01-05", "must_clarify", {"subject": person("未澄清")}, {}, None)
    )
    cases.append(
        (
            "NB-1",
            "clarification",
            "zhejiang.ningbo",
            "2021-01-05",
            "must_clarify",
            {"subject": person("宁波干部")},
            {},
            date(2021, 2, 1),
        )
    )
    cases.append(
        (
            "HZ-FA",
            "false_accusation",
            HANGZHOU,
            "2021-07-01",
            "decided",
            {"accuser": {"kind": "party_member", "count": 1}},
            {"classification": "malicious"},
            None,
        )
    )
    cases.append(
        (
            "HZ-MISTAKE",
            "false_accusation",
            HANGZHOU,
            "2021-08-01",
            "decided",
            {"accuser": {"kind": "citizen", "count": 3}},
            {"classification": "mistaken"},
            None,
        )
    )
    for n in range(37):  # 37 filings: 20 by two cadres, 17 by one → 57 cadres
        document = {"filing": {"subject": person(f"备案人{n}")}}
        if n < 20:
            document["concerns"] = [{"kind": "person", "name": f"共同备案人{n}"}]
        cases.append((f"HZ-FT{n}", "fault_tolerance", HANGZHOU, "2020-09-01", "eligible", document, {}, None))
    return cases


def seed(url: str) -> None:
    """Write the cases and their figures with bulk inserts (the lifecycle is not what is under test here)."""
    from zhengming.store import open_store

    store = open_store(url)
    with store.transaction() as session:
        for case_id, kind, jid, as_of, outcome, intake, decision, clarified_on in hangzhou_cases():
            document, concerns = split_concerns(intake)
            record = CaseRecord(
                case_id=case_id,
                kind=kind,
                jurisdiction=jid,
                as_of=date.fromisoformat(as_of),
                state="closed" if clarified_on else "decided",
                outcome=outcome,
                fast_track=False,
                due_on=None,
                steps=[],
                current_step=0,
                document=document,
                decision=decision,
                chain=["core"],
                plugin_versions={},
                rules_fingerprint="0" * 64,
                reporter_sealed=None,
                consent=None,
                close_reason=None,
                opened_by="test",
                opened_at=NOW,
                updated_at=NOW,
                version=1,
            )
            session.add(record)
            session.flush()
            figures = figures_of(kind, jid, as_of, outcome, document, decision, concerns)
            if clarified_on:  # what the clarification action writes
                figures["counted_on"], figures["methods"] = with_clarification(None, None, "meeting", clarified_on)
            session.add(CaseFigure(case_pk=record.id, **figures))
            if clarified_on:
                session.add(
                    Clarification(
                        case_pk=record.id, actor="test", at=NOW, method="meeting", carried_out_on=clarified_on, scope=""
                    )
                )
    store.dispose()


def token(url: str, name: str, *where: str) -> str:
    """A user of the provincial commission (sees every case under ``--jurisdiction``, if given) and their token."""
    runner = CliRunner()
    added = runner.invoke(
        cli,
        [
            "--db",
            url,
            "--local-admin",
            "users",
            "add",
            name,
            "--organ",
            "discipline_commission",
            "--level",
            "province",
            "--role",
            "commission_head",
            *where,
        ],
    )
    assert added.exit_code == 0, added.output
    issued = runner.invoke(cli, ["--db", url, "--local-admin", "token", "issue", name, "--json"])
    assert issued.exit_code == 0, issued.output
    return json.loads(issued.stdout)["token"]


def run_report(url, *args, as_token=None):
    as_token = as_token or TOKENS.get(url) or TOKENS.setdefault(url, token(url, "省纪委"))
    result = CliRunner().invoke(cli, ["--db", url, "report", *args], env={"ZHENGMING_TOKEN": as_token})
    assert result.exit_code == 0, result.output
    return result


TOKENS: dict[str, str] = {}


@BACKENDS
def test_the_report_says_exactly_what_hangzhou_published(db_url):
    seed(db_url)
    data = json.loads(
        run_report(db_url, "--from", "2020-01-01", "--to", "2022-12-31", "--jurisdiction", HANGZHOU, "--json").stdout
    )
    total = data["total"]
    assert total["clarified"] | {"by_method": None} == {"cases": 116, "persons": 112, "units": 9, "by_method": None}
    assert total["clarified"]["by_method"] == {"meeting": 116}
    assert total["false_accusation"] == {"cases": 1, "people": 1}
    assert (total["fault_tolerance"]["filings"], total["fault_tolerance"]["cadres"]) == (37, 57)
    table = run_report(db_url, "--from", "2020-01-01", "--to", "2022-12-31", "--jurisdiction", HANGZHOU).stdout
    assert "116" in table and "112" in table and "57" in table


@BACKENDS
def test_by_quarter_and_by_jurisdiction_split_the_same_figures(db_url, tmp_path):
    seed(db_url)
    quarters = json.loads(
        run_report(
            db_url,
            "--from",
            "2020-01-01",
            "--to",
            "2022-12-31",
            "--by",
            "quarter",
            "--jurisdiction",
            "zhejiang",
            "--json",
        ).stdout
    )
    by_quarter = {g["group"]: g for g in quarters["groups"]}
    assert by_quarter["2022Q2"]["clarified"]["units"] == 9
    assert by_quarter["2020Q3"]["fault_tolerance"]["filings"] == 37
    assert quarters["total"]["clarified"]["cases"] == 117  # 宁波 counts under 浙江
    places = json.loads(
        run_report(
            db_url,
            "--from",
            "2020-01-01",
            "--to",
            "2022-12-31",
            "--by",
            "jurisdiction",
            "--json",
            "-o",
            str(tmp_path / "r.xlsx"),
            "-o",
            str(tmp_path / "r.svg"),
        ).stdout
    )
    assert {g["group"]: g["clarified"]["cases"] for g in places["groups"]} == {HANGZHOU: 116, "zhejiang.ningbo": 1}
    from openpyxl import load_workbook

    sheet = load_workbook(tmp_path / "r.xlsx").active
    assert [c.value for c in sheet[3]][:5] == ["澄清正名", "件数", 116, 1, 117]
    assert "澄清人数" in (tmp_path / "r.svg").read_text(encoding="utf-8")  # Chinese kept as text in the chart


@BACKENDS
def test_need_to_know_a_city_officer_counts_only_the_cases_of_the_city(db_url):
    seed(db_url)
    ningbo = token(db_url, "宁波市纪委", "--jurisdiction", "zhejiang.ningbo")
    data = json.loads(
        run_report(db_url, "--from", "2020-01-01", "--to", "2022-12-31", "--json", as_token=ningbo).stdout
    )
    assert data["total"]["clarified"]["cases"] == 1 and data["total"]["fault_tolerance"]["filings"] == 0
    nobody = CliRunner().invoke(
        cli, ["--db", db_url, "report", "--from", "2020-01-01", "--to", "2022-12-31"], env={"ZHENGMING_TOKEN": ""}
    )
    assert nobody.exit_code != 0 and "116" not in nobody.output


def test_bad_input_exits_2_naming_the_option(tmp_path):
    url = str(tmp_path / "x.sqlite")
    for args, name in (
        (["--from", "2022-13-01", "--to", "2022-12-31"], "--from"),
        (["--from", "2023-01-01", "--to", "2022-12-31"], "--from"),
        (["--from", "2022-01-01", "--to", "2022-12-31", "-o", str(tmp_path / "r.doc")], "--output"),
    ):
        result = CliRunner().invoke(cli, ["--db", url, "report", *args])
        assert result.exit_code == 2 and name in result.output
    assert not (tmp_path / "r.doc").exists()


def test_concerns_are_checked_and_counted():
    document, concerns = split_concerns({"subject": unit("某局"), "concerns": [{"kind": "person", "name": "局长"}]})
    assert "concerns" not in document
    figures = figures_of("clarification", "x", "2024-01-01", "must_clarify", document, {}, concerns)
    assert (figures["persons"], figures["units"]) == (1, 1)
    from zhengming.errors import InvalidDocument

    with pytest.raises(InvalidDocument) as err:
        split_concerns({"concerns": [{"kind": "alien"}]})
    assert err.value.problems[0].pointer == "/concerns/0/kind"


@BACKENDS
def test_a_case_clarified_through_the_lifecycle_counts_once_from_case_figures(service, people, store, calendar):
    """The clarification action keeps the case's statistics row in step: counted on its first
    clarification, under every method it was clarified by; the report never reads ``clarifications``."""
    from zhengming.reports.query import report

    calendar.to(date(2023, 5, 20))
    service.open(case_document("LC-1"))
    service.approve("LC-1", "li")
    methods = [m["method"] for m in service.approve("LC-1", "wang")["methods"]]
    assert len(methods) >= 2, methods  # the 济南 decision offers several methods
    year = (date(2023, 1, 1), date(2023, 12, 31))
    with store.transaction() as session:
        assert report(session, *year)["total"]["clarified"]["cases"] == 0  # approved, not yet clarified

    calendar.to(date(2023, 9, 2))
    service.clarify("LC-1", "li", methods[1], on=date(2023, 8, 20), scope="本单位")
    service.clarify("LC-1", "li", methods[0], on=date(2023, 6, 1), scope="本单位干部大会")
    with store.transaction() as session:
        session.execute(delete(Clarification))  # the report must not need them
        quarters = report(session, *year, by="quarter")
        third = report(session, date(2023, 7, 1), date(2023, 9, 30))
    by_quarter = {g["group"]: g["clarified"] for g in quarters["groups"]}
    assert by_quarter["2023Q2"] == {
        "cases": 1,
        "persons": 1,
        "units": 0,
        "by_method": {methods[0]: 1, methods[1]: 1},
    }
    assert "2023Q3" not in by_quarter and quarters["total"]["clarified"]["cases"] == 1
    assert third["total"]["clarified"]["cases"] == 0  # counted once, in the quarter of its first clarification


@BACKENDS
def test_migration_0007_fills_the_counting_day_and_methods_from_stored_clarifications(service, people, store, calendar):
    """Down to 0006 (no counting day, no methods) and up again: the figures come back from
    ``clarifications`` and the decision days, and the report says the same."""
    from alembic import command

    from zhengming.reports.query import report
    from zhengming.store.migrate import alembic_config, upgrade

    calendar.to(date(2023, 5, 20))
    service.open(case_document("MG-1"))
    service.approve("MG-1", "li")
    methods = [m["method"] for m in service.approve("MG-1", "wang")["methods"]]
    calendar.to(date(2023, 9, 2))
    service.clarify("MG-1", "li", methods[1], on=date(2023, 9, 1))
    service.clarify("MG-1", "li", methods[0], on=date(2023, 6, 1))
    service.open(case_document("MG-2"))  # not clarified: not counted
    period = (date(2023, 1, 1), date(2023, 12, 31))

    def figures():
        with store.transaction() as session:
            rows = session.execute(
                select(CaseRecord.case_id, CaseFigure.counted_on, CaseFigure.methods, CaseFigure.seats)
                .join(CaseFigure, CaseFigure.case_pk == CaseRecord.id)
                .order_by(CaseRecord.case_id)
            ).all()
            return [tuple(r) for r in rows], report(session, *period, by="quarter")

    before = figures()
    seats = [row[3] for row in before[0]]
    assert [row[:3] for row in before[0]] == [
        ("MG-1", date(2023, 6, 1), ",".join(sorted(methods[:2]))),
        ("MG-2", None, None),
    ]
    assert all(seats), seats  # copied from the cases: need-to-know filters case_figures alone
    config = alembic_config()
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")  # the revision before 0007_report_counted
    upgrade(store.engine)
    assert store.current_revision() == HEAD_REVISION
    assert figures() == before
