"""Working days by the State Council calendar, and due dates on public holidays shown as such."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from zhengming.cli.main import cli
from zhengming.rules.workdays import CalendarUnknown, add_working_days, is_working_day, public_holiday


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (date(2025, 9, 30), 1, date(2025, 10, 9)),  # 国庆、中秋 10-01…10-08 skipped
        (date(2025, 9, 26), 2, date(2025, 9, 29)),  # Sunday 09-28 is a make-up working day
        (date(2024, 2, 9), 1, date(2024, 2, 18)),  # 春节 02-10…02-17; Sunday 02-18 works
        (date(2023, 5, 5), 3, date(2023, 5, 9)),  # Saturday 05-06 works, Sunday 05-07 does not
        (date(2023, 5, 5), 0, date(2023, 5, 5)),
    ],
)
def test_working_days_skip_holidays_and_count_make_up_days(start, days, due):
    assert add_working_days(start, days) == due


def test_a_make_up_saturday_is_a_working_day_and_a_holiday_monday_is_not():
    assert is_working_day(date(2025, 9, 28)) and not is_working_day(date(2025, 10, 6))


def test_past_the_calendar_it_knows_it_says_so_instead_of_guessing():
    with pytest.raises(CalendarUnknown) as raised:
        add_working_days(date(2099, 12, 20), 5)
    assert "2100" in str(raised.value) or "2099" in str(raised.value)
    assert "chinesecalendar" in raised.value.message.render("en")


def test_public_holidays_are_named():
    assert public_holiday(date(2025, 10, 3)).zh == "国庆节"
    assert public_holiday(date(2025, 10, 11)) is None
    assert public_holiday(date(2099, 1, 1)) is None  # unknown year: no claim either way


def test_a_due_date_on_a_public_holiday_is_shown_as_such(tmp_path, case_doc):
    # 许昌: one month from the end of verification; 2025-09-01 + 1 month = 2025-10-01, 国庆节
    case_doc.update(jurisdiction="xuchang", as_of="2025-09-15")
    case_doc["handling"]["verification_concluded_on"] = "2025-09-01"
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_doc), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(path)])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stdout.splitlines() if "2025-10-01" in x)
    assert "法定节假日：国庆节" in line
    english = CliRunner().invoke(cli, ["--lang", "en", "evaluate", str(path)])
    assert english.exit_code == 0 and "a public holiday: National Day" in english.stdout
