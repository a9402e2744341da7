"""Periods of care from 903 episodes (SSDA903 guidance: RNE S starts, REC X1 continues)."""

from __future__ import annotations

from datetime import date

import pytest

from permanence_tracker.domain.entities import Episode
from permanence_tracker.domain.periods import (
    current_period,
    latest_period,
    periods_of_care,
    review_belongs,
    short_break_series,
)

D = date.fromisoformat


def ep(start, rne, ls, end=None, rec="", child="T1"):
    return Episode(child, D(start), rne, ls, end=D(end) if end else None, rec=rec)


# A C1 -> C2 -> C2 chain joined by X1 (legal status change, then a placement change), then a
# return home, then re-entry under section 20.
CHAIN = (
    ep("2025-01-06", "S", "C1", "2025-07-01", "X1"),
    ep("2025-07-01", "L", "C2", "2025-09-15", "X1"),
    ep("2025-09-15", "P", "C2", "2025-12-01", "E4A"),
    ep("2026-02-02", "S", "V2"),
)


def test_x1_chain_is_one_period_and_re_entry_starts_another():
    periods = periods_of_care(reversed(CHAIN))  # input order does not matter
    assert [(p.start, p.end) for p in periods] == [
        (D("2025-01-06"), D("2025-12-01")),
        (D("2026-02-02"), None),
    ]
    assert len(periods[0].episodes) == 3
    assert periods[0].reason_ceased == "E4A"
    assert periods[1].reason_ceased == ""


@pytest.mark.parametrize(
    ("second", "why"),
    [
        (ep("2025-03-04", "P", "C1"), "starts a day after the X1 end: a gap"),
        (ep("2025-03-03", "S", "C1"), "RNE S always starts a new period"),
    ],
)
def test_no_continuation_without_same_day_x1_and_non_s_rne(second, why):
    first = ep("2025-01-06", "S", "C1", "2025-03-03", "X1")
    assert len(periods_of_care([first, second])) == 2, why


def test_episode_after_a_ceased_episode_starts_a_new_period_even_the_same_day():
    first = ep("2025-01-06", "S", "V2", "2025-03-03", "E4B")
    assert len(periods_of_care([first, ep("2025-03-03", "L", "C1")])) == 2


def test_open_on_excludes_the_end_day_and_contains_includes_it():
    period = periods_of_care(CHAIN)[0]
    assert period.open_on(D("2025-11-30"))
    assert not period.open_on(D("2025-12-01"))  # left care that day
    assert period.contains(D("2025-12-01"))  # a review on the last day belongs to it
    assert not period.contains(D("2025-12-02"))
    assert not period.open_on(D("2025-01-05"))


@pytest.mark.parametrize(
    ("day", "status"),
    [("2025-01-06", "C1"), ("2025-06-30", "C1"), ("2025-07-01", "C2"), ("2025-11-30", "C2")],
)
def test_episode_on_a_change_day_is_the_new_episode(day, status):
    assert periods_of_care(CHAIN)[0].episode_on(D(day)).legal_status == status


def test_as_of_drops_later_episodes_and_undoes_a_later_end():
    period = periods_of_care(CHAIN)[0]
    seen = period.as_of(D("2025-08-01"))
    # On 1 Aug 2025 the C2 episode from 1 Jul was open; the 15 Sep change is unseen.
    assert [e.start for e in seen.episodes] == [D("2025-01-06"), D("2025-07-01")]
    assert seen.end is None and seen.episodes[-1].rec == ""
    assert seen.open_on(D("2025-08-01"))
    assert period.as_of(D("2025-01-05")) is None
    assert period.as_of(D("2026-01-01")) == period  # already ended: unchanged


def test_current_and_latest_period():
    periods = periods_of_care(CHAIN)
    assert current_period(periods, D("2026-01-15")) is None  # between periods
    assert latest_period(periods, D("2026-01-15")) == periods[0]
    assert current_period(periods, D("2026-02-02")) == periods[1]
    assert latest_period(periods, D("2024-12-31")) is None


def test_short_break_periods_are_flagged_and_mixed_ones_are_not():
    breaks = periods_of_care([ep("2026-01-05", "S", "V3", "2026-01-07", "E8")])
    assert breaks[0].short_breaks_only
    mixed = periods_of_care([ep("2026-01-05", "S", "V4", "2026-02-01", "X1"),
                             ep("2026-02-01", "L", "C2")])
    assert not mixed[0].short_breaks_only


def test_short_break_series_runs_from_the_first_break_of_an_unbroken_run():
    periods = periods_of_care([
        ep("2025-06-02", "S", "V2", "2025-07-01", "E4A"),  # ends any earlier series
        ep("2026-01-05", "S", "V3", "2026-01-07", "E8"),
        ep("2026-02-09", "S", "V3", "2026-02-11", "E8"),
        ep("2026-03-02", "S", "V3"),
    ])
    series = short_break_series(periods, periods[-1].as_of(D("2026-03-03")))
    assert series.start == D("2026-01-05")
    assert series.end is None
    assert series.contains(D("2026-02-20"))  # between breaks
    # A non-short-break period is returned unchanged.
    assert short_break_series(periods, periods[0]) == periods[0]
    # The first break of the run is its own series.
    assert short_break_series(periods, periods[1]).start == D("2026-01-05")


@pytest.mark.parametrize(("held", "belongs"), [
    ("2025-03-31", False),  # before the first break
    ("2025-04-03", True),  # the first break's last day
    ("2025-04-20", True),  # between the two breaks of the series
    ("2025-05-20", False),  # after the series ended, before full-time care (a new period)
    ("2025-06-02", True),  # the day full-time care began
])
def test_a_review_between_two_breaks_of_a_series_belongs_to_it(held, belongs):
    """Issue 8 §2.5: "A review held between two short breaks of a series belongs to that
    series" (Care Planning Regs 2010 reg 48); otherwise a review belongs to a period of care
    (reg 33). V3 breaks 01-03/04/2025 and 01-03/05/2025 (E4A), then V2 from 02/06/2025 (S)."""
    periods = periods_of_care([
        ep("2025-04-01", "S", "V3", "2025-04-03", "E4A"),
        ep("2025-05-01", "S", "V3", "2025-05-03", "E4A"),
        ep("2025-06-02", "S", "V2"),
    ])
    assert review_belongs(periods, D(held)) is belongs
