"""Date arithmetic the policy texts use: deadlines in calendar months (一个月内)."""

from datetime import date

from dateutil.relativedelta import relativedelta


def add_months(start: date, months: int) -> date:
    """``start`` plus ``months`` calendar months, clamped to the month's last day.

    >>> add_months(date(2023, 3, 10), 1)
    datetime.date(2023, 4, 10)
    >>> add_months(date(2023, 1, 31), 1)
    datetime.date(2023, 2, 28)
    """
    return start + relativedelta(months=months)
