"""Adoption scorecard A1 and A2 from episodes and decisions, worked by hand.

Sources: DfE adoption scorecard (A1 entering care to moving in, 426 days; A2 placement order
to match, 121 days); SSDA903 guidance and DfE validation rules 523/552 (domain.md):
PlacedAdoption DATE_PLACED is the decision (= AD1 DATE_INT), the placement order is the start
of E1, moving in is the start of the A3-A6 placement, DATE_PLACED_CEASED reverses a decision;
issue 8, 2.3 and the summary contract's ``drift`` definitions.
"""

from __future__ import annotations

from datetime import date

import pytest

from permanence_tracker.domain.adoption import adoption_drift, adoption_path
from permanence_tracker.domain.entities import AdoptionMilestones, Episode
from permanence_tracker.domain.periods import periods_of_care

D = date.fromisoformat


def ep(start, ls, rne="S", end=None, rec="", place="U4"):
    return Episode("T1", D(start), rne, ls, placement=place, end=D(end) if end else None,
                   rec=rec)


def decision(day, **more):
    return AdoptionMilestones("T1", should_be_placed=D(day), **{
        k: D(v) if isinstance(v, str) and k != "reversed_reason" else v
        for k, v in more.items()})


def flags(period, records, as_of, **thresholds):
    return [(f.code, f.days) for f in adoption_drift(period, records, D(as_of), **thresholds)]


# Mon 2024-01-01 C1; placement order (E1) 1 Jun 2024; a move under E1 on 2 Sep 2024 (not a new
# order); placed for adoption (A4) on 10 Mar 2025. 2024 is a leap year: 366 days to 1 Jan 2025,
# + 31 + 28 = 425 on 1 Mar, so 9 Mar is 433 days after entering care. From 1 Jun 2024 to 1 Jun
# 2025 is 365 days; 9 Mar to 1 Jun 2025 is 22 + 30 + 31 + 1 = 84, so 9 Mar is 281 days after
# the order.
ADOPTION = periods_of_care([
    ep("2024-01-01", "C1", end="2024-06-01", rec="X1"),
    ep("2024-06-01", "E1", "L", end="2024-09-02", rec="X1"),
    ep("2024-09-02", "E1", "P", end="2025-03-10", rec="X1", place="U5"),
    ep("2025-03-10", "E1", "P", place="A4"),
])[0]


def test_order_and_move_come_from_the_episodes_and_the_move_ends_both_measures():
    # The record's own placement order (1 Jul) loses to the E1 start the episodes show.
    record = decision("2024-04-15", placement_order="2024-07-01")
    assert flags(ADOPTION, [record], "2025-03-09") == [("A1", 433), ("A2", 281)]
    path = adoption_path(ADOPTION, [record], D("2025-03-10"))
    assert (path.decided, path.placement_order, path.placed) == (
        D("2024-04-15"), D("2024-06-01"), D("2025-03-10"))
    assert flags(ADOPTION, [record], "2025-03-10") == []  # moved in with adopters (A4)


def test_a_placement_order_alone_makes_adoption_the_plan():
    # No decision recorded (no PlacedAdoption row): the E1 legal status is enough for A1.
    assert flags(ADOPTION, [], "2025-03-09") == [("A1", 433), ("A2", 281)]


def test_the_match_ends_a2_but_not_a1():
    record = decision("2024-04-15", matched="2024-09-20")
    assert flags(ADOPTION, [record], "2025-03-09") == [("A1", 433)]
    later = decision("2024-04-15", matched="2025-04-01")  # after as_of: not yet matched
    assert flags(ADOPTION, [later], "2025-03-09") == [("A1", 433), ("A2", 281)]


# Care order (no E1) from Mon 2024-01-01: 2 Mar 2025 is day 426 after it, 3 Mar day 427.
CARE_ORDER = periods_of_care([ep("2024-01-01", "C2")])[0]


@pytest.mark.parametrize(("as_of", "expected"),
                         [("2025-03-02", []), ("2025-03-03", [("A1", 427)])])
def test_a1_is_flagged_only_when_more_than_426_days(as_of, expected):
    assert flags(CARE_ORDER, [decision("2024-04-15")], as_of) == expected


def test_a1_needs_a_decision_seen_by_as_of_and_the_threshold_is_a_setting():
    assert flags(CARE_ORDER, [], "2025-03-09") == []  # adoption not the plan
    assert flags(CARE_ORDER, [decision("2025-04-01")], "2025-03-09") == []  # decided later
    assert flags(CARE_ORDER, [decision("2024-04-15")], "2025-03-09", a1_days=433) == []
    assert flags(CARE_ORDER, [decision("2024-04-15")], "2025-03-09", a1_days=432) == [
        ("A1", 433)]


def test_recorded_dates_are_used_when_the_episodes_do_not_show_them():
    # No E1 or A3-A6 episode: the record's own placement order and move are used.
    record = AdoptionMilestones("T1", placement_order=D("2024-06-01"))
    assert flags(CARE_ORDER, [record], "2025-03-09") == [("A1", 433), ("A2", 281)]
    moved = AdoptionMilestones("T1", placement_order=D("2024-06-01"), placed=D("2025-01-15"))
    assert flags(CARE_ORDER, [moved], "2025-03-09") == []


def test_a_reversed_decision_ends_the_measures_and_a_new_decision_starts_them_again():
    # Decision 15 Apr 2024 reversed 1 Oct 2024 (RD1); a new decision on 1 Dec 2024.
    first = decision("2024-04-15", reversed="2024-10-01", reversed_reason="RD1",
                     matched="2024-08-01")
    assert flags(CARE_ORDER, [first], "2025-03-09") == []
    second = decision("2024-12-01")
    assert flags(CARE_ORDER, [first, second], "2024-11-30") == []  # second not yet made
    assert flags(CARE_ORDER, [first, second], "2025-03-09") == [("A1", 433)]


def test_after_a_reversal_only_a_new_placement_order_counts_for_a2():
    # C2 from 2024-01-01, decision reversed 1 Oct 2024, new decision 1 Dec 2024 and placement
    # order (E1) on Wed 1 Jan 2025: A2 from 1 Jan; 3 May 2025 is 30 + 28 + 31 + 30 + 3 = 122
    # days after it. The first decision's match (1 Aug 2024) was before the reversal.
    period = periods_of_care([ep("2024-01-01", "C2", end="2025-01-01", rec="X1"),
                              ep("2025-01-01", "E1", "L")])[0]
    first = decision("2024-04-15", reversed="2024-10-01", reversed_reason="RD1",
                     matched="2024-08-01")
    second = decision("2024-12-01")
    assert flags(period, [first, second], "2025-05-02") == [("A1", 487)]
    assert flags(period, [first, second], "2025-05-03") == [("A1", 488), ("A2", 122)]


# Issue 8 §3 drift, read literally: "a placement order was made" (the start of the first E1
# episode of the period, §2.3) whatever became of the decision; a reversal (DATE_PLACED_CEASED)
# ends the decision, not the order. C2 from Sat 1 Jun 2024, E1 from Wed 1 Jan 2025 still open;
# decision 1 Oct 2024 reversed 1 Jun 2025 (RD1), no new decision. To 31 Mar 2026: 1 Jun 2024 to
# 1 Jun 2025 is 365 days (no 29 Feb in between), then Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31
# + Nov 30 + Dec 31 + Jan 31 + Feb 28 + 30 = 303: A1 668. 1 Jan 2025 to 1 Jan 2026 is 365, + 31
# + 28 + 30 = 454: A2 454.
ORDER_THEN_REVERSAL = periods_of_care([ep("2024-06-01", "C2", end="2025-01-01", rec="X1"),
                                       ep("2025-01-01", "E1", "L")])[0]


def test_a_placement_order_made_before_a_reversal_still_counts_for_a1_and_a2():
    reversed_decision = decision("2024-10-01", reversed="2025-06-01", reversed_reason="RD1")
    path = adoption_path(ORDER_THEN_REVERSAL, [reversed_decision], D("2026-03-31"))
    assert (path.decided, path.placement_order) == (None, D("2025-01-01"))
    assert flags(ORDER_THEN_REVERSAL, [reversed_decision], "2026-03-31") == [
        ("A1", 668), ("A2", 454)]


def test_a_match_of_a_decision_later_reversed_no_longer_stops_a2():
    # Matched 1 Mar 2025 under the decision of 1 Oct 2024; that decision reversed 1 Jun 2025.
    # Before the reversal the match stands (no A2); after it the child is "neither matched nor
    # placed" (issue 8 §3) and A2 runs from the order, which still stands. 31 May 2025 is
    # 364 days after 1 Jun 2024: A1 not yet beyond 426.
    matched = decision("2024-10-01", matched="2025-03-01", reversed="2025-06-01",
                       reversed_reason="RD1")
    assert flags(ORDER_THEN_REVERSAL, [matched], "2025-05-31") == []
    assert adoption_path(ORDER_THEN_REVERSAL, [matched], D("2025-05-31")).matched == D(
        "2025-03-01")
    assert flags(ORDER_THEN_REVERSAL, [matched], "2026-03-31") == [("A1", 668), ("A2", 454)]
    # A new decision with its own match stops A2 again (§2.3: it starts the measures again).
    again = decision("2025-09-01", matched="2025-12-01")
    assert flags(ORDER_THEN_REVERSAL, [matched, again], "2026-03-31") == [("A1", 668)]


def test_a_decision_of_an_earlier_period_of_care_does_not_count():
    # Left care 2023-01-01 (E4A); re-entered 2024-01-01: a new period and a new plan.
    first, second = periods_of_care([ep("2022-01-03", "C2", end="2023-01-01", rec="E4A"),
                                     ep("2024-01-01", "C2")])
    assert flags(second, [decision("2022-06-01")], "2025-03-09") == []
    assert flags(first, [decision("2022-06-01")], "2022-12-31") == []  # 362 days


@pytest.mark.parametrize(("as_of", "a2"), [("2025-05-02", None), ("2025-05-03", 122)])
def test_a2_is_flagged_only_when_more_than_121_days(as_of, a2):
    # C1 from 2024-10-01, placement order (E1) on 1 Jan 2025: to 31 Jan 30, Feb 58, Mar 89,
    # Apr 119, 2 May = 121, 3 May = 122. A1 is 214 days at most: under 426.
    period = periods_of_care([ep("2024-10-01", "C1", end="2025-01-01", rec="X1"),
                              ep("2025-01-01", "E1", "L")])[0]
    assert flags(period, [], as_of) == ([("A2", a2)] if a2 else [])
    assert flags(period, [], "2025-04-15", a2_days=100) == [("A2", 104)]
