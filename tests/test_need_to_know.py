"""Need-to-know (IDOR): a user of another county, another organ or another level neither lists, counts,
shows, acts on nor asks about a case — on SQLite and PostgreSQL, through the service and the CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from zhengming.cli.main import cli
from zhengming.lifecycle import CaseNotFound, add_user
from zhengming.lifecycle.custody import Custody

from .test_store_support import BACKENDS, pingdingshan_document, token_for

pytest_plugins = ("tests.test_store_support",)
pytestmark = pytest.mark.usefixtures("private_env")

INSIDERS = {
    "li": ("discipline_commission", "county", "pingdingshan", ["handling_department"]),
    "wang": ("discipline_commission", "county", "pingdingshan.lushan", ["commission_head"]),  # below: not this
    "sun": ("discipline_commission", "city", "pingdingshan", ["commission_head"]),  # oversees the county
}
OUTSIDERS = {
    "xu": ("discipline_commission", "county", "xuchang", ["handling_department"]),  # another county
    "zhao": ("party_committee", "county", "pingdingshan", ["party_committee_head"]),  # another organ
    "xiang": ("township_discipline", "township", "pingdingshan", ["handling_department"]),  # another level
}


@pytest.fixture
def office(store, service):
    for name, (organ, level, jurisdiction, roles) in (INSIDERS | OUTSIDERS).items():
        add_user(store, name, organ, level, roles, jurisdiction=jurisdiction, grants=["custodian"])
    service.open(pingdingshan_document("PDS-1") | {"reporter": {"name": "某人"}})
    return service


@BACKENDS
@pytest.mark.parametrize("outsider", list(OUTSIDERS))
def test_an_outsider_sees_and_touches_nothing(office, store, outsider):
    service = office
    assert service.list(viewer=outsider) == ([], 0)
    assert service.counts_by_state(viewer=outsider) == {}
    for attempt in (
        lambda: service.show("PDS-1", viewer=outsider),
        lambda: service.approve("PDS-1", outsider, "同意"),
        lambda: service.close("PDS-1", outsider, reason="x"),
        lambda: Custody(store).request("PDS-1", outsider, "想知道"),
    ):
        with pytest.raises(CaseNotFound):
            attempt()
    assert Custody(store).requests(viewer=outsider) == []
    assert service.show("PDS-1")["version"] == 1  # nothing written


@BACKENDS
def test_insiders_see_the_case(office):
    service = office
    assert [r["case_id"] for r in service.list(viewer="li")[0]] == ["PDS-1"]
    assert service.show("PDS-1", viewer="sun")["case_id"] == "PDS-1"  # the city commission oversees it
    assert service.list(viewer="wang") == ([], 0)  # a county below the case's jurisdiction does not
    service.approve("PDS-1", "li", "建议澄清")


@BACKENDS
def test_the_command_line_filters_too(office, db_url):
    runner = CliRunner()

    def run(user, *args):
        env = {"ZHENGMING_TOKEN": token_for(db_url, user)}
        return runner.invoke(cli, ["--db", db_url, *args], env=env)

    assert json.loads(run("li", "case", "list", "--json").stdout)["total"] == 1
    for outsider in OUTSIDERS:
        assert json.loads(run(outsider, "case", "list", "--json").stdout) == {"total": 0, "cases": []}
        assert run(outsider, "case", "show", "PDS-1").exit_code == 6
        assert run(outsider, "case", "reevaluate", "PDS-1").exit_code == 6
        assert run(outsider, "case", "approve", "PDS-1").exit_code == 6
