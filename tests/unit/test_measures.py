"""Caseload bands, drift, participation, month ends and leaving-care groups, worked by hand."""

from __future__ import annotations

from datetime import date

import pytest
from episode_builders import ep

from permanence_tracker.domain.codes import leaving_care_group
from permanence_tracker.domain.measures import (
    age_in_years,
    caseload_band,
    financial_year,
    financial_year_start,
    ico_drift,
    month_ends,
    participation_rates,
    per_fte,
)
from permanence_tracker.domain.periods import periods_of_care

D = date.fromisoformat


@pytest.mark.parametrize(
    ("load", "band"),
    [(49.99, "below"), (50, "within"), (60, "within"), (70, "within"), (70.01, "above"),
     (74, "above")],  # 74: the seed authority's caseload
)
def test_caseload_band_boundaries(load, band):
    assert caseload_band(load, 50, 70) == band


@pytest.mark.parametrize(
    ("children", "fte", "expected"),
    [(37, 0.5, 74.0), (35, 0.5, 70.0), (20, 0.3, 66.67), (0, 1.0, 0.0), (10, 0, 10.0)],
)
def test_per_fte(children, fte, expected):
    assert per_fte(children, fte) == expected


# C1 from Mon 2025-01-06, X1 placement changes on 3 Mar and 5 May, still C1: one unbroken run.
# Days from 6 Jan: to 31 Jan 25, Feb 53, Mar 84, Apr 114, May 145, Jun 175, 7 Jul = 182.
ICO_CHAIN = [ep("2025-01-06", "C1", end="2025-03-03", rec="X1"),
             ep("2025-03-03", "C1", "P", end="2025-05-05", rec="X1"),
             ep("2025-05-05", "C1", "T")]


@pytest.mark.parametrize(("as_of", "days"),
                         [("2025-07-06", None), ("2025-07-07", 182), ("2025-07-08", 183)])
def test_ico_beyond_26_weeks_across_a_chain(as_of, days):
    """Children Act 1989 s32(1)(a) as amended by CFA 2014 s14: "twenty-six weeks beginning with
    the day". 6 Jan is day 1, so the 26 weeks are 6 Jan to Sun 6 Jul (day 182); on 7 Jul
    (as_of - first day = 182) they have passed (issue 8, 2.2; before, 7 Jul was not flagged)."""
    flag = ico_drift(periods_of_care(ICO_CHAIN)[0], D(as_of))
    if days is None:
        assert flag is None  # 181 days after the first day: still inside the 26 weeks
    else:
        assert (flag.code, flag.days, flag.threshold, flag.since) == (
            "ICO", days, 182, D("2025-01-06"))
        assert "beyond 26 weeks" in flag.explanation
        assert "ended on 06/07/2025" in flag.explanation


def test_ico_run_broken_by_another_status_restarts():
    episodes = [ep("2025-01-06", "C1", end="2025-03-03", rec="X1"),
                ep("2025-03-03", "C2", "L", end="2025-05-05", rec="X1"),
                ep("2025-05-05", "C1", "L")]
    period = periods_of_care(episodes)[0]
    # Since 5 May: 64 days on 8 Jul (26 + 30 + 8). Under 26 weeks.
    assert ico_drift(period, D("2025-07-08")) is None
    # Configurable: 4 weeks = 28 days; 64 > 28.
    assert ico_drift(period, D("2025-07-08"), weeks=4).days == 64
    assert ico_drift(period, D("2025-04-01"), weeks=4) is None  # on C2 that day


# Adoption scorecard A1/A2: tests/unit/test_adoption.py.


def test_participation_excludes_pn0_and_unknown_codes():
    rates = participation_rates(["PN0", "PN1", "PN2", "PN4", "PN5", "PN6", "PN7", "", "XX"])
    # Counted: PN1 PN2 PN4 PN5 PN6 PN7 = 6; attended PN1 PN2 PN4 = 3; participated also PN5
    # PN6 = 5.
    assert (rates.reviews, rates.attended, rates.participated) == (6, 3, 5)
    assert rates.attendance_rate == 0.5 and rates.participation_rate == 5 / 6
    assert participation_rates(["PN3"]).attendance_rate == 1.0
    none = participation_rates(["PN0", "PN0"])
    assert (none.reviews, none.attendance_rate, none.participation_rate) == (0, None, None)


@pytest.mark.parametrize(
    ("as_of", "first", "last"),
    [("2026-03-31", "2025-04-30", "2026-03-31"),  # as_of on a month end includes it
     ("2026-03-30", "2025-03-31", "2026-02-28"),
     ("2028-03-01", "2027-03-31", "2028-02-29")],
)
def test_month_ends(as_of, first, last):
    ends = month_ends(D(as_of))
    assert len(ends) == 12 and ends == sorted(ends)
    assert (ends[0], ends[-1]) == (D(first), D(last))


def test_month_ends_through_february_and_counts():
    assert month_ends(D("2026-04-15"), 3) == [D("2026-01-31"), D("2026-02-28"), D("2026-03-31")]
    assert month_ends(D("2026-04-15"), 0) == []


@pytest.mark.parametrize(
    ("day", "start"),
    [("2026-03-31", "2025-04-01"), ("2026-04-01", "2026-04-01"), ("2026-01-01", "2025-04-01"),
     ("2025-12-31", "2025-04-01")],
)
def test_financial_year_start(day, start):
    """Issue 8, 2.9: from January to March the financial year began on 1 April of the
    previous calendar year (the year runs 1 April to 31 March)."""
    assert financial_year_start(D(day)) == D(start)


@pytest.mark.parametrize(
    ("day", "year"),
    [("2026-02-15", ("2025-04-01", "2026-03-31")), ("2026-04-01", ("2026-04-01", "2027-03-31")),
     ("2024-02-29", ("2023-04-01", "2024-03-31"))],
)
def test_financial_year_pair(day, year):
    """1 April to 31 March of the financial year holding the day (issue 8, 2.9)."""
    assert financial_year(D(day)) == (D(year[0]), D(year[1]))


@pytest.mark.parametrize(
    ("on", "age"),
    [("2016-02-28", 3), ("2016-02-29", 4), ("2017-02-28", 4), ("2017-03-01", 5)],
)
def test_age_of_a_leap_day_child(on, age):
    assert age_in_years(D("2012-02-29"), D(on)) == age


@pytest.mark.parametrize(
    ("rec", "group"),
    [("E11", "adoption"), ("E12", "adoption"), ("E43", "sgo"), ("E44", "sgo"), ("E45", "sgo"),
     ("E48", "sgo"), ("E41", "cao"), ("E4A", "home"), ("E4B", "home"), ("E8", "other"),
     ("E2", "other"), ("E13", "other"), ("", "other")],
)
def test_leaving_care_group(rec, group):
    assert leaving_care_group(rec) == group
