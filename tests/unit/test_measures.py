"""Caseload bands, drift, participation, month ends and leaving-care groups, worked by hand."""

from __future__ import annotations

from datetime import date

import pytest

from permanence_tracker.domain.codes import leaving_care_group
from permanence_tracker.domain.entities import AdoptionMilestones, Episode
from permanence_tracker.domain.measures import (
    adoption_drift,
    age_in_years,
    caseload_band,
    financial_year_start,
    ico_drift,
    month_ends,
    participation_rates,
    per_fte,
)
from permanence_tracker.domain.periods import periods_of_care

D = date.fromisoformat


def ep(start, ls, rne="S", end=None, rec=""):
    return Episode("T1", D(start), rne, ls, end=D(end) if end else None, rec=rec)


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


@pytest.mark.parametrize(("as_of", "days"), [("2025-07-07", None), ("2025-07-08", 183)])
def test_ico_beyond_26_weeks_across_a_chain(as_of, days):
    flag = ico_drift(periods_of_care(ICO_CHAIN)[0], D(as_of))
    if days is None:
        assert flag is None  # exactly 182 days = 26 weeks: not beyond
    else:
        assert (flag.code, flag.days, flag.threshold, flag.since) == (
            "ICO", days, 182, D("2025-01-06"))
        assert "26 weeks" in flag.explanation


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


# Entered care Mon 2024-01-01. 2024 is a leap year: 366 days to 1 Jan 2025, + 31 (Jan) + 28
# (Feb) = 425 on 1 Mar 2025, so 2 Mar is day 426 and 3 Mar day 427.
ADOPTION_CARE = periods_of_care([ep("2024-01-01", "E1")])[0]


@pytest.mark.parametrize(("placed", "a1"), [("2025-03-02", None), ("2025-03-03", 427)])
def test_a1_beyond_426_days(placed, a1):
    record = AdoptionMilestones("T1", placement_order=D("2024-06-01"), placed=D(placed),
                                matched=D("2024-08-01"))
    flags = {f.code: f for f in adoption_drift(ADOPTION_CARE, record, D("2025-04-01"))}
    assert (flags["A1"].days if "A1" in flags else None) == a1


def test_a1_needs_adoption_to_be_the_plan_and_ignores_later_decisions():
    # Not placed; as of 2025-04-01 that is 366 + 90 = 456 days in care.
    no_plan = AdoptionMilestones("T1")
    assert adoption_drift(ADOPTION_CARE, no_plan, D("2025-04-01")) == ()
    later = AdoptionMilestones("T1", should_be_placed=D("2025-06-01"))
    assert adoption_drift(ADOPTION_CARE, later, D("2025-04-01")) == ()  # unseen on as_of
    decided = AdoptionMilestones("T1", should_be_placed=D("2024-05-01"))
    assert [(f.code, f.days) for f in adoption_drift(ADOPTION_CARE, decided,
                                                     D("2025-04-01"))] == [("A1", 456)]
    assert adoption_drift(ADOPTION_CARE, decided, D("2025-04-01"), a1_days=500) == ()


# Placement order 2025-01-01: to 31 Jan 30, Feb 58, Mar 89, Apr 119, 2 May = 121.
@pytest.mark.parametrize(
    ("matched", "as_of", "a2"),
    [("2025-05-02", "2025-06-01", None), ("2025-05-03", "2025-06-01", 122),
     (None, "2025-05-02", None), (None, "2025-05-03", 122),
     ("2025-05-20", "2025-05-03", 122)],  # matched after as_of: not yet matched then
)
def test_a2_beyond_121_days(matched, as_of, a2):
    record = AdoptionMilestones("T1", placement_order=D("2025-01-01"),
                                matched=D(matched) if matched else None)
    period = periods_of_care([ep("2024-10-01", "E1")])[0]
    flags = {f.code: f for f in adoption_drift(period, record, D(as_of))}
    assert (flags["A2"].days if "A2" in flags else None) == a2


def test_a2_threshold_is_configurable_and_reversal_ends_drift():
    record = AdoptionMilestones("T1", placement_order=D("2025-01-01"))
    period = periods_of_care([ep("2024-10-01", "E1")])[0]
    # 2025-04-15 is 30 + 28 + 31 + 15 = 104 days after the order.
    assert [f.days for f in adoption_drift(period, record, D("2025-04-15"), a2_days=100)] == [104]
    reversed_ = AdoptionMilestones("T1", placement_order=D("2025-01-01"),
                                   reversed=D("2025-04-01"), reversed_reason="RD3")
    assert adoption_drift(period, reversed_, D("2025-06-01")) == ()


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
    assert financial_year_start(D(day)) == D(start)


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
