"""Working days in England and calendar-month arithmetic for the review timetable.

Working days exclude Saturdays, Sundays and England's bank holidays (``holidays`` package, which
includes Christmas Day and Good Friday), plus any closure days the authority configures.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=256)
def _england_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


class WorkingCalendar:
    """England working days, optionally with the authority's extra closure days.

    Care Planning, Placement and Case Review (England) Regs 2010 reg 2(1): a "working day" is
    any day other than a Saturday, a Sunday, Christmas Day, Good Friday or a bank holiday
    (Banking and Financial Dealings Act 1971, which in England includes the substitute days
    when Christmas, Boxing Day or New Year's Day fall at a weekend). Closure days are the
    authority's own, configured in settings.
    """

    def __init__(self, closure_days: Iterable[date] = ()) -> None:
        self._closures = frozenset(closure_days)
        # Every child's 1st review needs one count; a tracker of 100,000 children repeats the
        # same few thousand start dates, so remember the answers.
        self._after: dict[tuple[date, int], date] = {}

    def is_working_day(self, day: date) -> bool:
        """Not a weekend, an England bank holiday or a configured closure day."""
        return (
            day.weekday() < 5
            and day not in _england_holidays(day.year)
            and day not in self._closures
        )

    def add_working_days(self, start: date, days: int) -> date:
        """The ``days``-th working day after ``start`` (``start`` itself is day 0).

        Reg 33(a): the 1st review is due within 20 working days of the date the child became
        looked after, counted from the day after that date.
        """
        if days < 0:
            raise ValueError(f"days must be 0 or more, not {days}: use add_working_days_before")
        known = self._after.get((start, days))
        if known is not None:
            return known
        current = start
        remaining = days
        while remaining > 0:
            current += timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        self._after[(start, days)] = current
        return current

    def add_working_days_before(self, end: date, days: int) -> date:
        """The ``days``-th working day before ``end`` (used for reminders and deadlines)."""
        if days < 0:
            raise ValueError(f"days must be 0 or more, not {days}: use add_working_days")
        current = end
        remaining = days
        while remaining > 0:
            current -= timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        return current


def add_months(day: date, months: int) -> date:
    """Calendar months later, clamped to month end (30 Nov + 3 months = 28/29 Feb).

    Reg 33(b)/(c) time the 2nd and later reviews in months; a day that does not exist in the
    target month becomes that month's last day (Interpretation Act 1978 Sch 1: "month" means
    calendar month).
    """
    # The same result as dateutil's ``day + relativedelta(months=months)``, computed directly
    # because the timetable does this hundreds of thousands of times for a large tracker.
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def uk_date(day: date | None) -> str:
    """A date as people in England write it, ``31/03/2026``; blank when unknown.

    The one formatter for every screen, message, file and report (903 files use the same
    ``dd/mm/YYYY`` layout). A ``datetime`` (an audit entry's moment) keeps its time of day.
    """
    if day is None:
        return ""
    if isinstance(day, datetime):
        return f"{day:%d/%m/%Y %H:%M}"
    return f"{day:%d/%m/%Y}"
