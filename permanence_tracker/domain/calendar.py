"""Working days in England and calendar-month arithmetic for the review timetable.

Working days exclude Saturdays, Sundays and England's bank holidays (``holidays`` package, which
includes Christmas Day and Good Friday), plus any closure days the authority configures.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

import holidays
from dateutil.relativedelta import relativedelta


@lru_cache(maxsize=256)
def _england_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


class WorkingCalendar:
    """England working days, optionally with the authority's extra closure days."""

    def __init__(self, closure_days: Iterable[date] = ()) -> None:
        self._closures = frozenset(closure_days)

    def is_working_day(self, day: date) -> bool:
        return (
            day.weekday() < 5
            and day not in _england_holidays(day.year)
            and day not in self._closures
        )

    def add_working_days(self, start: date, days: int) -> date:
        """The ``days``-th working day after ``start`` (``start`` itself is day 0)."""
        current = start
        remaining = days
        while remaining > 0:
            current += timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        return current

    def add_working_days_before(self, end: date, days: int) -> date:
        """The ``days``-th working day before ``end`` (used for reminders and deadlines)."""
        current = end
        remaining = days
        while remaining > 0:
            current -= timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        return current


def add_months(day: date, months: int) -> date:
    """Calendar months later, clamped to month end (30 Nov + 3 months = 28/29 Feb)."""
    return day + relativedelta(months=months)
