"""Working days in England and month arithmetic (Care Planning Regs 2010 reg 2(1), reg 33).

Every expected date below was counted by hand on a printed calendar; the working is in the
comment beside each case.
"""

from __future__ import annotations

import calendar as _cal
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from permanence_tracker.domain.calendar import WorkingCalendar, add_months

D = date.fromisoformat
ENGLAND = WorkingCalendar()


@pytest.mark.parametrize(
    ("start", "closures", "expected"),
    [
        # Mon 2025-12-15. Working days: 16,17,18,19 (4), 22,23,24 (7); 25 Christmas and 26
        # Boxing Day skipped; 29,30,31 (10); 1 Jan New Year skipped; Fri 2 (11); 5-9 Jan (16);
        # 12,13,14,15 (20) -> Thu 2026-01-15.
        ("2025-12-15", (), "2026-01-15"),
        # Same start with closure days 29, 30, 31 Dec 2025: 16-24 Dec (7); Fri 2 Jan (8);
        # 5-9 Jan (13); 12-16 Jan (18); 19, 20 (20) -> Tue 2026-01-20.
        ("2025-12-15", ("2025-12-29", "2025-12-30", "2025-12-31"), "2026-01-20"),
        # Mon 2027-12-20. Christmas Sat 25 / Boxing Day Sun 26 are substituted by Mon 27 and
        # Tue 28; New Year Sat 1 Jan 2028 by Mon 3 Jan. 21-24 (4); 29,30,31 (7); 4-7 Jan (11);
        # 10-14 (16); 17,18,19,20 (20) -> Thu 2028-01-20.
        ("2027-12-20", (), "2028-01-20"),
        # Fri 2022-12-16. Christmas Sun 25: Boxing Day Mon 26, substitute Tue 27; New Year
        # Sun 1 Jan 2023: substitute Mon 2 Jan. 19-23 Dec (5); 28,29,30 (8); 3-6 Jan (12);
        # 9-13 (17); 16,17,18 (20) -> Wed 2023-01-18.
        ("2022-12-16", (), "2023-01-18"),
        # Mon 2026-03-16. 17-20 (4); 23-27 (9); 30,31, 1,2 Apr (13); Good Friday 3 Apr and
        # Easter Monday 6 Apr skipped; 7-10 (17); 13,14,15 (20) -> Wed 2026-04-15.
        ("2026-03-16", (), "2026-04-15"),
        # Tue 2025-04-01. 2-4 (3); 7-11 (8); 14-17 (12); Good Friday 18 and Easter Monday 21
        # skipped; 22-25 (16); 28,29,30 Apr, 1 May (20) -> Thu 2025-05-01.
        ("2025-04-01", (), "2025-05-01"),
        # Sat 2026-01-03 (day 0 is not a working day): 5-9 (5); 12-16 (10); 19-23 (15);
        # 26-30 (20) -> Fri 2026-01-30.
        ("2026-01-03", (), "2026-01-30"),
    ],
)
def test_twentieth_working_day(start, closures, expected):
    calendar = WorkingCalendar(D(c) for c in closures)
    assert calendar.add_working_days(D(start), 20) == D(expected)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        ("2025-12-25", False),  # Christmas Day (Thursday)
        ("2025-12-26", False),  # Boxing Day (Friday)
        ("2025-12-24", True),  # Christmas Eve is an ordinary working day
        ("2027-12-27", False),  # substitute for Christmas Day on Saturday
        ("2027-12-28", False),  # substitute for Boxing Day on Sunday
        ("2028-01-03", False),  # substitute for New Year's Day on Saturday
        ("2026-04-03", False),  # Good Friday 2026
        ("2026-04-06", False),  # Easter Monday 2026
        ("2026-04-07", True),
        ("2026-05-04", False),  # Early May bank holiday
        ("2026-08-31", False),  # Summer bank holiday (England; Scotland's differs)
        ("2026-01-10", False),  # Saturday
        ("2026-01-11", False),  # Sunday
    ],
)
def test_england_working_days(day, working):
    assert ENGLAND.is_working_day(D(day)) is working


def test_closure_day_is_not_a_working_day_but_only_for_that_calendar():
    closed = WorkingCalendar([D("2026-01-02")])
    assert not closed.is_working_day(D("2026-01-02"))
    assert ENGLAND.is_working_day(D("2026-01-02"))


def test_working_days_before_skips_christmas():
    # Back from Fri 2026-01-02: Wed 31 (1), Tue 30 (2), Mon 29 (3); 26, 25 skipped; Wed 24 (4).
    assert ENGLAND.add_working_days_before(D("2026-01-02"), 4) == D("2025-12-24")


def test_zero_days_is_the_start_and_negative_is_refused():
    assert ENGLAND.add_working_days(D("2025-12-25"), 0) == D("2025-12-25")
    with pytest.raises(ValueError, match="0 or more"):
        ENGLAND.add_working_days(D("2025-12-01"), -1)
    with pytest.raises(ValueError, match="0 or more"):
        ENGLAND.add_working_days_before(D("2025-12-01"), -3)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ("2025-08-31", 6, "2026-02-28"),  # no 31 Feb: clamp to the month end
        ("2025-11-30", 3, "2026-02-28"),  # 2026 is not a leap year
        ("2027-11-30", 3, "2028-02-29"),  # 2028 is a leap year
        ("2028-02-29", 6, "2028-08-29"),  # from a leap day: same day number, no clamp
        ("2028-02-29", 12, "2029-02-28"),  # leap day a year on: clamp
        ("2027-12-31", 2, "2028-02-29"),
        ("2027-12-31", 3, "2028-03-31"),
        ("2027-12-31", 6, "2028-06-30"),  # June has 30 days
        ("2026-05-31", 6, "2026-11-30"),
        ("2025-09-20", 3, "2025-12-20"),  # an ordinary day keeps its number
    ],
)
def test_add_months_clamps_to_month_end(start, months, expected):
    assert add_months(D(start), months) == D(expected)


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))


@given(start=days, n=st.integers(min_value=1, max_value=60))
def test_nth_working_day_is_a_working_day_with_exactly_n_between(start, n):
    result = ENGLAND.add_working_days(start, n)
    assert ENGLAND.is_working_day(result)
    between = [start + timedelta(days=i) for i in range(1, (result - start).days + 1)]
    assert sum(ENGLAND.is_working_day(d) for d in between) == n


@given(start=days, n=st.integers(min_value=0, max_value=60))
def test_working_days_before_undoes_after_from_a_working_day(start, n):
    while not ENGLAND.is_working_day(start):
        start += timedelta(days=1)
    assert ENGLAND.add_working_days_before(ENGLAND.add_working_days(start, n), n) == start


@given(start=days, months=st.integers(min_value=0, max_value=240))
def test_add_months_lands_in_the_right_month_and_never_overflows(start, months):
    result = add_months(start, months)
    index = start.year * 12 + start.month - 1 + months
    assert (result.year, result.month) == (index // 12, index % 12 + 1)
    last = _cal.monthrange(result.year, result.month)[1]
    assert result.day == min(start.day, last)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
       st.integers(min_value=0, max_value=240))
def test_add_months_agrees_with_dateutil(day, months):
    from dateutil.relativedelta import relativedelta

    assert add_months(day, months) == day + relativedelta(months=months)
