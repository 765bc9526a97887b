"""Working days (工作日) by the State Council's holiday calendar, for limits a text counts in working days.

A limit of N working days skips weekends and public holidays and counts the official make-up working
days (调休上班的周末). The calendar is the maintained ``chinesecalendar`` package; the State Council
publishes each year's arrangement late in the year before, so dates past the last year the installed
package knows raise :class:`CalendarUnknown` instead of guessing.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..errors import BeyondKnownData
from ..model import Text


class CalendarUnknown(BeyondKnownData):
    """The holiday calendar has no data for the year of ``day`` (update the ``chinesecalendar`` package)."""

    def __init__(self, day: date, known: str):
        self.day = day
        self.message = Text(
            f"节假日安排未知：{day.year} 年不在已知年份（{known}）内，请升级 chinesecalendar 后重试",
            f"holiday calendar unknown for {day.year} (known: {known}); upgrade the chinesecalendar package",
        )
        super().__init__(self.message.render("en"))


def _calendar():
    import chinese_calendar

    return chinese_calendar


def _known_years() -> str:
    from chinese_calendar.constants import holidays

    years = sorted({d.year for d in holidays})
    return f"{years[0]}–{years[-1]}"


def is_working_day(day: date) -> bool:
    """Whether ``day`` is a working day (make-up working weekends included)."""
    try:
        return _calendar().is_workday(day)
    except NotImplementedError:
        raise CalendarUnknown(day, _known_years()) from None


def add_working_days(start: date, days: int) -> date:
    """The ``days``-th working day after ``start`` (``start`` itself not counted).

    >>> add_working_days(date(2025, 9, 30), 1)  # 国庆中秋假期 10-01…10-08
    datetime.date(2025, 10, 9)
    """
    if days < 0:
        raise ValueError("days must not be negative")
    day, counted = start, 0
    while counted < days:
        day += timedelta(days=1)
        counted += is_working_day(day)
    return day


def public_holiday(day: date) -> Text | None:
    """The public holiday ``day`` falls in (e.g. 国庆节), or None — also None where the year is unknown."""
    try:
        on_holiday, name = _calendar().get_holiday_detail(day)
    except NotImplementedError:
        return None
    if not on_holiday or name is None:
        return None
    return HOLIDAY_NAMES.get(name, Text(name, name))


HOLIDAY_NAMES = {
    "New Year's Day": Text("元旦", "New Year's Day"),
    "Spring Festival": Text("春节", "Spring Festival"),
    "Tomb-sweeping Day": Text("清明节", "Tomb-sweeping Day"),
    "Labour Day": Text("劳动节", "Labour Day"),
    "Dragon Boat Festival": Text("端午节", "Dragon Boat Festival"),
    "National Day": Text("国庆节", "National Day"),
    "Mid-autumn Festival": Text("中秋节", "Mid-autumn Festival"),
    "Anti-Fascist 70th Day": Text("抗战胜利70周年纪念日", "Victory Day (70th anniversary)"),
}
