"""Short breaks that become full-time care, worked by hand (issue 8 item 5).

Sources: Care Planning, Placement and Case Review (England) Regs 2010 reg 48 (short breaks:
1st review within 3 months of the first break, then 6-monthly) and reg 33 (1st review within
20 working days of becoming looked after, 2nd within 3 months, then 6-monthly); domain.md: "A
child on short breaks who then becomes looked after full time starts the reg 33 timetable on
that day". Reviews held under reg 48 keep their reg 48 due dates and are never late under
reg 33; a review between two breaks of a series belongs to the series.

MIXED: V4 short breaks from Mon 05/01/2026, becoming full-time care (C2, RNE L, X1 chain) on
Mon 02/03/2026: one period of care.
- reg 48: 1st due 05/01 + 3 months = 05/04/2026; held 20/02/2026: in time. (Under reg 33 from
  05/01 it would have been due 02/02/2026 and late.)
- reg 33 from 02/03: 1st due 20 working days later: 3-6 Mar = 4, 9-13 = 9, 16-20 = 14,
  23-27 = 19, Mon 30/03/2026 = 20; held 25/03: in time. 2nd due 25/06/2026, held 01/07: late.
  3rd due 01/07/2026 + 6 months = 01/01/2027.
"""

from __future__ import annotations

from datetime import date

from episode_builders import ep

from permanence_tracker.cli.summary_json import summary_json
from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import (
    Child,
    ChildHistory,
    PlanChange,
    Review,
    Settings,
)
from permanence_tracker.domain.periods import periods_of_care, short_break_series
from permanence_tracker.domain.permanence import PlanStatus
from permanence_tracker.domain.standing import assess_child
from permanence_tracker.services.permanence.cohort import Cohort
from permanence_tracker.services.permanence.dashboard import dashboard
from permanence_tracker.services.permanence.rows import child_row
from permanence_tracker.services.permanence.summary import reviews_in_period, summarise

D = date.fromisoformat
ENGLAND = WorkingCalendar()


MIXED = (ep("2026-01-05", "V4", end="2026-03-02", rec="X1"), ep("2026-03-02", "C2", "L"))
MIXED_REVIEWS = ("2026-02-20", "2026-03-25", "2026-07-01")


def history(episodes, reviews, plans=()):
    return ChildHistory(Child("T1", D("2014-06-01")), episodes=tuple(episodes),
                        reviews=tuple(Review("T1", D(r)) for r in reviews),
                        plans=tuple(PlanChange("T1", D(a), p) for a, p in plans))


def standing(hist, as_of):
    return assess_child(hist, D(as_of), ENGLAND, Settings())


def test_full_time_from_is_the_first_episode_not_under_short_breaks():
    [mixed] = periods_of_care(MIXED)
    assert mixed.full_time_from == D("2026-03-02") and mixed.begins_with_short_breaks
    [breaks] = periods_of_care([ep("2026-01-05", "V3", end="2026-01-07", rec="E8")])
    assert breaks.full_time_from is None
    [care] = periods_of_care([ep("2026-01-05", "C2")])
    assert care.full_time_from == D("2026-01-05") and not care.begins_with_short_breaks


def test_reg_48_while_on_short_breaks_then_reg_33_from_full_time_care():
    s = standing(history(MIXED, MIXED_REVIEWS, [("2026-06-30", "Adoption")]), "2026-07-02")
    t = s.timetable
    assert [(h.number, h.held, h.due, h.in_timescale, h.short_breaks) for h in t.short_breaks] \
        == [(1, D("2026-02-20"), D("2026-04-05"), True, True)]
    assert [(h.number, h.held, h.due, h.in_timescale, h.short_breaks) for h in t.held] == [
        (1, D("2026-03-25"), D("2026-03-30"), True, False),
        (2, D("2026-07-01"), D("2026-06-25"), False, False)]
    assert (t.next.number, t.next.due) == (3, D("2027-01-01"))
    assert s.in_review_regime and not s.short_breaks_only
    # Permanence by the 2nd reg 33 review (01/07), not the 2nd review of any kind (25/03).
    assert s.permanence.status is PlanStatus.PLAN_BY_SECOND_REVIEW
    assert s.permanence.second_review == D("2026-07-01")


def test_before_full_time_care_the_period_is_short_breaks_under_reg_48():
    """On 25/02/2026 the C2 episode has not begun: reg 48 only; 2nd due 20/02 + 6 months."""
    s = standing(history(MIXED, MIXED_REVIEWS), "2026-02-25")
    assert s.short_breaks_only and not s.in_review_regime
    assert [(h.number, h.due, h.short_breaks) for h in s.timetable.held] == [
        (1, D("2026-04-05"), True)]
    assert (s.timetable.next.number, s.timetable.next.due) == (2, D("2026-08-20"))


def test_first_reg_33_review_due_20_working_days_after_full_time_care_began():
    s = standing(history(MIXED, MIXED_REVIEWS[:1]), "2026-03-10")
    assert s.timetable.held == () and len(s.timetable.short_breaks) == 1
    assert (s.timetable.next.number, s.timetable.next.due) == (1, D("2026-03-30"))
    assert s.permanence.status is PlanStatus.NOT_YET_DUE  # 2nd reg 33 review not yet datable
    assert child_row(s).last_review == D("2026-02-20")  # the reg 48 review is still the last


def _cohort(*histories, as_of):
    standings = tuple(assess_child(h, D(as_of), ENGLAND, Settings()) for h in histories)
    return Cohort(D(as_of), Settings(), (), standings, ENGLAND)


def test_summary_counts_the_reg_33_reviews_only():
    """Reviews held in the year to 02/07/2026: the two reg 33 reviews (one in time); the reg
    48 review of 20/02 is a short-break review, in no LAC review figure."""
    cohort = _cohort(history(MIXED, MIXED_REVIEWS), as_of="2026-07-02")
    assert reviews_in_period(cohort, D("2026-04-01"), D("2026-07-02")).held == 1
    figures = summary_json(summarise(cohort, D("2025-04-01")))  # the year to 02/07/2026
    assert figures["reviews_in_period"] == {
        "from": "2025-04-01", "to": "2026-07-02", "held": 2, "in_timescale": 1}
    assert figures["reviews_due"] == [{"child_id": "T1", "review_number": 3,
                                       "due": "2027-01-01", "overdue": False}]
    assert summarise(cohort).second_review_held == 1
    # The dashboard's participation rates are over exactly those reviews (reg 33 only).
    coded = history(MIXED, ())
    coded = ChildHistory(coded.child, coded.episodes, tuple(
        Review("T1", D(day), participation=code)
        for day, code in zip(MIXED_REVIEWS, ("PN7", "PN1", "PN5"), strict=True)))
    rates = dashboard(_cohort(coded, as_of="2026-07-02"), D("2025-04-01")).participation
    assert (rates.reviews, rates.attended, rates.participated) == (2, 1, 2)
    # As of 25/02/2026 the period was short breaks only: no review in any figure.
    early = _cohort(history(MIXED, MIXED_REVIEWS), as_of="2026-02-25")
    assert reviews_in_period(early, D("2025-04-01"), D("2026-02-25")).held == 0


# SERIES: V3 breaks 05-07/01 and 09-11/02/2026, then V4 from 02/03 becoming C2 on 16/03 (one
# period, X1). The review of 20/01, between the first two breaks, belongs to the series:
# reg 48 1st due 05/01 + 3 months = 05/04/2026 (from the first break, not 02/03).
# reg 33 from Mon 16/03: 17-20 Mar = 4, 23-27 = 9, 30-31 = 11, 1-2 Apr = 13, Good Friday
# 03/04 and Easter Monday 06/04 skipped, 7-10 = 17, 13-15 = 20: due Wed 15/04/2026.
SERIES = (ep("2026-01-05", "V3", end="2026-01-07", rec="E8"),
          ep("2026-02-09", "V3", end="2026-02-11", rec="E8"),
          ep("2026-03-02", "V4", end="2026-03-16", rec="X1"), ep("2026-03-16", "C2", "L"))


def test_a_review_between_breaks_belongs_to_the_series_and_not_to_full_time_care():
    periods = periods_of_care(SERIES)
    span = short_break_series(periods, periods[-1])
    assert span.start == D("2026-01-05") and span.full_time_from == D("2026-03-16")
    s = standing(history(SERIES, ["2026-01-20"]), "2026-03-20")
    assert [(h.number, h.held, h.due, h.in_timescale) for h in s.timetable.short_breaks] == [
        (1, D("2026-01-20"), D("2026-04-05"), True)]
    assert s.timetable.held == ()
    assert (s.timetable.next.number, s.timetable.next.due) == (1, D("2026-04-15"))


def test_full_time_care_as_a_new_period_after_a_series_of_breaks():
    """A new period (RNE S, C2 from Mon 02/03/2026) after V3 breaks: reg 33 from 02/03 (1st
    due 30/03); the 20/01 review stays with the breaks and is not its 1st reg 33 review."""
    episodes = (ep("2026-01-05", "V3", end="2026-01-07", rec="E8"),
                ep("2026-02-09", "V3", end="2026-02-11", rec="E8"), ep("2026-03-02", "C2"))
    s = standing(history(episodes, ["2026-01-20"]), "2026-03-10")
    assert s.period.start == D("2026-03-02") and s.timetable.held == ()
    assert s.timetable.short_breaks == ()
    assert (s.timetable.next.number, s.timetable.next.due) == (1, D("2026-03-30"))
