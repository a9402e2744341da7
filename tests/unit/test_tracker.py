"""One child's standing on an as_of date: periods, timetable, permanence and drift together."""

from __future__ import annotations

from datetime import date

from episode_builders import ep

from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import (
    AdoptionMilestones,
    Child,
    ChildHistory,
    PlanChange,
    Review,
    Settings,
)
from permanence_tracker.domain.permanence import PlanStatus, ReasonGroup
from permanence_tracker.domain.standing import assess_child

D = date.fromisoformat
ENGLAND = WorkingCalendar()


def history(episodes, reviews=(), plans=(), adoption=()):
    return ChildHistory(
        Child("T1", D("2015-01-01")),
        episodes=tuple(episodes),
        reviews=tuple(Review("T1", D(r)) for r in reviews),
        plans=tuple(PlanChange("T1", D(a), p) for a, p in plans),
        adoption=tuple(adoption),
    )


def standing(hist, as_of, settings=None):
    return assess_child(hist, D(as_of), ENGLAND, settings or Settings())


# Period 1: C2 Fri 2024-03-01 to 2024-09-01 (home). 1st due: 4-8 Mar = 5, 11-15 = 10,
# 18-22 = 15, 25-28 = 19, Good Friday 29 Mar and Easter Monday 1 Apr skipped, Tue 2 Apr = 20.
# Held 20 Mar; 2nd due 20 Jun, held 10 Jun with no plan; 3rd due 10 Dec.
# Period 2: re-entry C1 Mon 2026-03-16; 1st due Wed 15 Apr (Easter 2026 skipped).
RE_ENTRY = history(
    [ep("2024-03-01", "C2", end="2024-09-01", rec="E4A"), ep("2026-03-16", "C1")],
    reviews=["2024-03-20", "2024-06-10"],
)


def test_past_view_while_looked_after():
    s = standing(RE_ENTRY, "2024-07-01")
    assert s.looked_after and s.episode.legal_status == "C2" and s.in_review_regime
    assert [(h.due, h.in_timescale) for h in s.timetable.held] == [
        (D("2024-04-02"), True), (D("2024-06-20"), True)]
    assert (s.timetable.next.number, s.timetable.next.due) == (3, D("2024-12-10"))
    assert s.permanence.flagged and s.permanence.reason is ReasonGroup.OTHER
    assert len(s.periods) == 2  # the later period exists but is not the one in view


def test_between_periods_the_child_is_no_longer_looked_after():
    s = standing(RE_ENTRY, "2025-01-01")
    assert not s.looked_after and s.episode is None and s.timetable.next is None
    assert s.permanence.reason is ReasonGroup.NO_LONGER_LOOKED_AFTER
    assert s.drift == ()


def test_re_entry_starts_a_new_clock_and_forgets_old_reviews():
    s = standing(RE_ENTRY, "2026-03-20")
    assert s.period.start == D("2026-03-16") and s.timetable.held == ()
    assert (s.timetable.next.number, s.timetable.next.due) == (1, D("2026-04-15"))
    assert s.permanence.status is PlanStatus.NOT_YET_DUE


# Period 2 from Mon 2025-06-02: 1st due 30 Jun, held 20 Jun; 2nd due and held 20 Sep.
TWO_PERIODS = [ep("2024-03-01", "C2", end="2024-09-01", rec="E4A"), ep("2025-06-02", "V2")]
SECOND_PERIOD_REVIEWS = ["2025-06-20", "2025-09-20"]


def test_plan_from_an_earlier_period_does_not_count():
    s = standing(history(TWO_PERIODS, SECOND_PERIOD_REVIEWS,
                         plans=[("2024-05-01", "Return to family")]), "2025-10-01")
    assert s.permanence.status is PlanStatus.NO_PLAN_BY_SECOND_REVIEW
    assert s.permanence.reason is ReasonGroup.SECTION_20
    assert s.plan is None  # the old plan is not this period's current plan


def test_plan_made_between_periods_just_before_placement_counts():
    # Care Planning Regs reg 4: the plan may be made before the child is placed.
    s = standing(history(TWO_PERIODS, SECOND_PERIOD_REVIEWS,
                         plans=[("2024-05-01", "Return to family"),
                                ("2025-05-30", "Long-term fostering")]), "2025-10-01")
    assert s.permanence.status is PlanStatus.PLAN_BY_SECOND_REVIEW
    assert s.permanence.plan_agreed == D("2025-05-30")
    assert s.plan.primary == "Long-term fostering"


def test_same_day_re_entry_plan_agreed_that_day_counts():
    episodes = [ep("2025-01-06", "V2", end="2025-06-02", rec="E8"), ep("2025-06-02", "C2")]
    s = standing(history(episodes, SECOND_PERIOD_REVIEWS, plans=[("2025-06-02", "Adoption")]),
                 "2025-10-01")
    assert s.period.start == D("2025-06-02")
    assert s.permanence.status is PlanStatus.PLAN_BY_SECOND_REVIEW


def test_short_break_series_reviews_from_the_first_break():
    # V3 breaks 5-7 Jan, 9-11 Feb and from 2 Mar 2026. The 1st review is due 3 months after
    # the first break: 5 Apr. Held 20 Feb, between breaks: in time; 2nd due 20 Feb + 6 m =
    # 20 Aug. (Counting each break alone would give 2 Jun with no review held.)
    episodes = [ep("2026-01-05", "V3", end="2026-01-07", rec="E8"),
                ep("2026-02-09", "V3", end="2026-02-11", rec="E8"), ep("2026-03-02", "V3")]
    s = standing(history(episodes, ["2026-02-20"]), "2026-03-03")
    assert s.looked_after and s.short_breaks_only and not s.in_review_regime
    assert [(h.number, h.due, h.in_timescale) for h in s.timetable.held] == [
        (1, D("2026-04-05"), True)]
    assert (s.timetable.next.number, s.timetable.next.due) == (2, D("2026-08-20"))
    assert s.permanence is None  # short breaks are outside the permanence measure
    assert s.period.start == D("2026-03-02")  # the break itself is still the period


# C1 from Mon 2025-01-06, placement change (X1) on 3 Mar, left care 1 Aug. 8 Jul is 183 days
# after 6 Jan.
ICO = [ep("2025-01-06", "C1", end="2025-03-03", rec="X1"),
       ep("2025-03-03", "C1", "P", end="2025-08-01", rec="E4A")]


def test_drift_while_looked_after_only_and_thresholds_from_settings():
    assert [(f.code, f.days) for f in standing(history(ICO), "2025-07-08").drift] == [
        ("ICO", 183)]
    # Issue 8, 2.2 (Children Act 1989 s32(1)(a), "26 weeks beginning with the day"): 6 Jan is
    # day 1, so on 7 Jul (182 days after it) the 26 weeks have passed; on 6 Jul they have not.
    assert [(f.code, f.days) for f in standing(history(ICO), "2025-07-07").drift] == [
        ("ICO", 182)]
    assert standing(history(ICO), "2025-07-06").drift == ()
    assert standing(history(ICO), "2025-09-01").drift == ()  # left care 1 Aug
    # 4 weeks (28 days): 6 Jan + 29 days = 4 Feb is beyond.
    flags = standing(history(ICO), "2025-02-04", Settings(ico_weeks=4)).drift
    assert [(f.code, f.days) for f in flags] == [("ICO", 29)]


def test_adoption_drift_uses_settings_and_each_record():
    # C2 from Mon 2024-01-01 (no E1 episode, so the recorded placement order is used, issue 8
    # 2.3: episodes win only when they show one); placement order 1 Jun 2024, not yet matched
    # or placed. As of 2025-04-01: A1 = 366 + 90 = 456 days (> 426); A2 = month lengths Jun
    # 2024 to Mar 2025, 30 + 31 + 31 + 30 + 31 + 30 + 31 + 31 + 28 + 31 = 304 days (> 121).
    record = AdoptionMilestones("T1", placement_order=D("2024-06-01"))
    hist = history([ep("2024-01-01", "C2")], adoption=[record])
    assert [(f.code, f.days) for f in standing(hist, "2025-04-01").drift] == [
        ("A1", 456), ("A2", 304)]
    relaxed = Settings(a1_days=500, a2_days=400)
    assert standing(hist, "2025-04-01", relaxed).drift == ()
