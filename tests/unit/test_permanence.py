"""Permanence by the second review: the four states and the reason groups, worked by hand.

Base child: looked after from Mon 2025-06-02. 1st review due Mon 30 Jun (3-6 Jun = 4, 9-13 = 9,
16-20 = 14, 23-27 = 19, 30 Jun = 20); held 20 Jun, so the 2nd is due 20 Jun + 3 months =
Sat 2025-09-20.
"""

from __future__ import annotations

from datetime import date

import pytest
from episode_builders import ep

from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import PlanChange
from permanence_tracker.domain.periods import periods_of_care
from permanence_tracker.domain.permanence import (
    PlanStatus,
    ReasonGroup,
    assess_permanence,
)
from permanence_tracker.domain.timetable import review_timetable

D = date.fromisoformat
START = "2025-06-02"
BOTH = ("2025-06-20", "2025-09-20")


def plan(agreed, primary="Long-term fostering"):
    return PlanChange("T1", D(agreed), primary)


def assess(reviews, plans, as_of, episodes=None, not_before=None):
    episodes = episodes or [ep(START, "C2")]
    period = periods_of_care(episodes)[-1].as_of(D(as_of))
    timetable = review_timetable(period, [D(r) for r in reviews], WorkingCalendar(), D(as_of))
    return assess_permanence(
        period, timetable, plans, D(as_of), D(not_before) if not_before else None
    )


def test_plan_agreed_on_the_second_review_date_counts():
    got = assess(BOTH, [plan("2025-09-20")], "2025-10-01")
    assert got.status is PlanStatus.PLAN_BY_SECOND_REVIEW
    assert (got.second_review, got.plan_agreed, got.reason) == (D("2025-09-20"),
                                                                D("2025-09-20"), None)
    assert not got.flagged and not got.warning


def test_earliest_plan_before_the_second_review_is_reported():
    plans = [plan("2025-08-01", "Adoption"), plan("2025-07-01"), plan("2025-06-25", "")]
    got = assess(BOTH, plans, "2025-10-01")
    # The blank-primary entry of 25 Jun is no plan; the earliest real one is 1 Jul.
    assert (got.status, got.plan_agreed) == (PlanStatus.PLAN_BY_SECOND_REVIEW, D("2025-07-01"))


@pytest.mark.parametrize(
    ("episodes", "as_of", "reason"),
    [
        ([ep(START, "C2")], "2025-10-01", ReasonGroup.OTHER),
        ([ep(START, "V2")], "2025-10-01", ReasonGroup.SECTION_20),
        ([ep(START, "C1")], "2025-10-01", ReasonGroup.INTERIM_CARE_ORDER),
        # C1 at the 2nd review, full care order from 1 Nov: the group is the status now.
        ([ep(START, "C1", end="2025-11-01", rec="X1"), ep("2025-11-01", "C2", "L")],
         "2025-12-01", ReasonGroup.OTHER),
        ([ep(START, "C1", end="2025-11-01", rec="X1"), ep("2025-11-01", "C2", "L")],
         "2025-10-31", ReasonGroup.INTERIM_CARE_ORDER),
        # Returned home 1 Nov 2025.
        ([ep(START, "V2", end="2025-11-01", rec="E4A")], "2025-12-01",
         ReasonGroup.NO_LONGER_LOOKED_AFTER),
        # Seen on 31 Oct, before the return home: still section 20.
        ([ep(START, "V2", end="2025-11-01", rec="E4A")], "2025-10-31", ReasonGroup.SECTION_20),
    ],
)
def test_no_plan_by_the_second_review_is_flagged_with_its_reason(episodes, as_of, reason):
    # The plan agreed a day after the 2nd review (21 Sep) is too late.
    got = assess(BOTH, [plan("2025-09-21")], as_of, episodes)
    assert got.status is PlanStatus.NO_PLAN_BY_SECOND_REVIEW
    assert got.flagged and got.reason is reason
    assert got.second_review == D("2025-09-20")


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        # 23 Aug to 20 Sep: 8 days to 31 Aug + 20 = 28 days: within 28, a warning.
        ("2025-08-23", PlanStatus.DUE_SOON_NO_PLAN),
        # 22 Aug: 29 days away, not yet due.
        ("2025-08-22", PlanStatus.NOT_YET_DUE),
        ("2025-09-20", PlanStatus.DUE_SOON_NO_PLAN),  # due today
        ("2025-10-01", PlanStatus.DUE_SOON_NO_PLAN),  # overdue, still to be held
    ],
)
def test_second_review_not_held_warning_boundary(as_of, status):
    got = assess(BOTH[:1], [], as_of)
    assert got.status is status
    assert got.second_review is None and got.second_review_due == D("2025-09-20")
    assert got.warning is (status is PlanStatus.DUE_SOON_NO_PLAN)


def test_before_the_first_review_the_second_is_not_yet_due():
    got = assess((), [], "2025-06-25")
    assert (got.status, got.second_review_due) == (PlanStatus.NOT_YET_DUE, None)


def test_plan_agreed_before_an_unheld_second_review_counts():
    got = assess(BOTH[:1], [plan("2025-07-15")], "2025-09-10")
    assert got.status is PlanStatus.PLAN_BY_SECOND_REVIEW
    assert (got.second_review, got.second_review_due) == (None, D("2025-09-20"))


def test_as_of_in_the_past_ignores_the_later_review_and_plan():
    # On 10 Sep the 20 Sep review and plan have not happened: 10 days to go, no plan.
    got = assess(BOTH, [plan("2025-09-20")], "2025-09-10")
    assert got.status is PlanStatus.DUE_SOON_NO_PLAN


def test_plan_before_not_before_belongs_to_an_earlier_period():
    plans = [plan("2024-05-01", "Return to family")]
    assert assess(BOTH, plans, "2025-10-01").status is PlanStatus.PLAN_BY_SECOND_REVIEW
    got = assess(BOTH, plans, "2025-10-01", not_before="2024-09-02")
    assert got.status is PlanStatus.NO_PLAN_BY_SECOND_REVIEW
