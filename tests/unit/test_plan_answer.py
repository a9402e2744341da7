"""A review's "plan in place" answer against the plan records, worked by hand (issue 8 item 7).

Source: issue 8, statutory corrections item 7: when they disagree, say so as a warning with
both dates and do not silently use one. The permanence measure (IRO Handbook; Care Planning
Regs 2010 reg 5: a plan for permanence by the 2nd review) keeps counting the plan records,
with a plan agreed on the review's own day counting as in place.

Child T1: C2 from Mon 02/06/2025 (reg 33: 1st review due 30/06/2025); reviews 25/06/2025 and
24/09/2025 (the 2nd, due 25/09/2025).
"""

from __future__ import annotations

from datetime import date

import pytest

from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import (
    Child,
    ChildHistory,
    Episode,
    PlanChange,
    Review,
    Settings,
)
from permanence_tracker.domain.permanence import PlanStatus
from permanence_tracker.domain.standing import assess_child
from permanence_tracker.services.permanence.rows import child_row

D = date.fromisoformat
ENGLAND = WorkingCalendar()
CARE = (Episode("T1", D("2025-06-02"), "S", "C2"),)


def standing(answers, plans, episodes=CARE, as_of="2025-11-01"):
    reviews = tuple(Review("T1", D(day), plan_in_place=says) for day, says in answers)
    hist = ChildHistory(Child("T1", D("2015-01-01")), episodes=episodes, reviews=reviews,
                        plans=tuple(PlanChange("T1", D(a), "Adoption") for a in plans))
    return assess_child(hist, D(as_of), ENGLAND, Settings())


def test_review_says_yes_but_the_first_plan_was_agreed_later():
    s = standing([("2025-06-25", False), ("2025-09-24", True)], ["2025-10-10"])
    [conflict] = s.plan_conflicts
    assert (conflict.number, conflict.held, conflict.says, conflict.plan_agreed) == (
        2, D("2025-09-24"), True, D("2025-10-10"))
    assert conflict.explanation == ("2nd review on 24/09/2025 says a plan was in place, but "
                                    "the first plan recorded was agreed on 10/10/2025")
    # Not silently settled either way: the measure counts the plan records and says so.
    assert s.permanence.status is PlanStatus.NO_PLAN_BY_SECOND_REVIEW
    [warning] = child_row(s).warnings
    assert warning.code == "PLAN_ANSWER"
    assert "24/09/2025" in warning.explanation and "10/10/2025" in warning.explanation
    assert "count the plan records" in warning.explanation


def test_review_says_yes_and_no_plan_is_recorded_at_all():
    [conflict] = standing([("2025-09-24", True)], []).plan_conflicts
    assert conflict.explanation == ("1st review on 24/09/2025 says a plan was in place, but "
                                    "no plan for permanence is recorded")


def test_review_says_no_but_a_plan_was_agreed_before_it():
    s = standing([("2025-06-25", False), ("2025-09-24", True)], ["2025-06-20"])
    [conflict] = s.plan_conflicts
    assert conflict.explanation == ("1st review on 25/06/2025 says no plan was in place, but "
                                    "a plan was agreed on 20/06/2025")
    assert s.permanence.status is PlanStatus.PLAN_BY_SECOND_REVIEW


@pytest.mark.parametrize(("says", "conflicts"), [(True, 0), (False, 1), (None, 0)])
def test_a_plan_agreed_on_the_review_day_counts_as_in_place(says, conflicts):
    """As the permanence measure counts it: the same day counts; unanswered is not checked."""
    s = standing([("2025-06-25", says)], ["2025-06-25"])
    assert len(s.plan_conflicts) == conflicts


def test_answers_agreeing_with_the_records_and_plans_after_as_of_are_not_conflicts():
    assert standing([("2025-06-25", False), ("2025-09-24", True)], ["2025-09-01"]
                    ).plan_conflicts == ()
    # The plan of 10/10/2025 is unseen on 01/10/2025: "yes" then has no plan behind it.
    [conflict] = standing([("2025-09-24", True)], ["2025-10-10"], as_of="2025-10-01"
                          ).plan_conflicts
    assert conflict.plan_agreed is None


def test_a_plan_from_an_earlier_period_of_care_does_not_count():
    """Plans count from the day after the previous period ended (re-entry is a new plan)."""
    episodes = (Episode("T1", D("2024-01-08"), "S", "C2", end=D("2024-12-01"), rec="E4A"),
                *CARE)
    s = standing([("2025-06-25", True)], ["2024-05-01"], episodes)
    [conflict] = s.plan_conflicts
    assert conflict.says and conflict.plan_agreed is None
