"""The office's clock: cases, paper approvals and deadlines are dated by the office's day (Asia/Shanghai
unless ZHENGMING_TIMEZONE says otherwise), whatever zone the server keeps."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from click.testing import CliRunner

from zhengming import clock
from zhengming.cli.main import cli
from zhengming.lifecycle import CaseService
from zhengming.lifecycle.errors import LifecycleError

from .test_store_support import BACKENDS, case_document

pytest_plugins = ("tests.test_store_support",)

# 23:30 on 1 March in UTC is 07:30 on 2 March in Beijing
LATE_EVENING_UTC = datetime(2024, 3, 1, 23, 30, tzinfo=UTC)


@pytest.fixture
def evening(monkeypatch):
    monkeypatch.delenv(clock.ENVIRONMENT, raising=False)
    monkeypatch.setattr(clock, "now", lambda: LATE_EVENING_UTC)


def test_the_office_day_is_shanghais_not_the_servers(evening):
    assert clock.office_today() == date(2024, 3, 2)
    assert clock.office_date(LATE_EVENING_UTC.replace(tzinfo=None)) == date(2024, 3, 2)  # naive: UTC, as stored


def test_the_zone_comes_from_the_environment_and_a_wrong_one_is_named(evening, monkeypatch):
    monkeypatch.setenv(clock.ENVIRONMENT, "America/New_York")
    assert clock.office_today() == date(2024, 3, 1)
    monkeypatch.setenv(clock.ENVIRONMENT, "Asia/Shanghia")
    with pytest.raises(clock.UnknownTimezone, match="ZHENGMING_TIMEZONE: 'Asia/Shanghia'"):
        clock.office_zone()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_command_stops_at_a_mistyped_zone(monkeypatch, lang):
    monkeypatch.setenv(clock.ENVIRONMENT, "Asia/Shanghia")
    result = CliRunner().invoke(cli, ["--lang", lang, "jurisdictions", "list"])
    assert result.exit_code == 2, result.output
    assert "ZHENGMING_TIMEZONE" in result.output and "'Asia/Shanghia'" in result.output
    assert ("不是时区" in result.output) == (lang == "zh")


@BACKENDS
def test_a_paper_approval_is_dated_by_the_office_day(evening, store, engine, people):
    """At 07:30 Beijing time (23:30 UTC the day before) the office's today is 2 March: a paper signed that
    day is not in the future, and one dated 1 March predates the case, opened that morning."""
    service = CaseService(store, engine)
    service.open(case_document())
    with pytest.raises(LifecycleError) as early:
        service.approve("T-1", "li", "建议澄清", given_on=date(2024, 3, 1))
    assert early.value.code == "invalid_date" and "2024-03-02" in early.value.message.en
    view = service.approve("T-1", "li", "建议澄清", given_on=date(2024, 3, 2))
    assert view["approvals"][0]["given_on"] == "2024-03-02"
    with pytest.raises(LifecycleError, match="after today"):
        service.approve("T-1", "wang", "同意", given_on=date(2024, 3, 3))


def test_the_console_shows_wall_time_in_the_office_zone(monkeypatch):
    from zhengming.web.console.present import local_time

    monkeypatch.delenv(clock.ENVIRONMENT, raising=False)
    assert local_time("2024-03-01T23:30:00+00:00") == "2024-03-02 07:30"
    assert local_time(LATE_EVENING_UTC.replace(tzinfo=None)) == "2024-03-02 07:30"  # naive: UTC, as stored
    monkeypatch.setenv(clock.ENVIRONMENT, "America/New_York")
    assert local_time("2024-03-01T23:30:00+00:00") == "2024-03-01 18:30"
