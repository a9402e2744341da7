"""One child's standing on an ``as_of`` date: the row every page, report and summary shares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from permanence_tracker.domain.adoption import adoption_drift
from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import ChildHistory, Episode, PlanChange, Settings
from permanence_tracker.domain.measures import DriftFlag, eighteenth_birthday, ico_drift
from permanence_tracker.domain.periods import (
    Period,
    latest_period,
    periods_of_care,
    short_break_series,
)
from permanence_tracker.domain.permanence import (
    PermanenceAssessment,
    PlanAnswerConflict,
    assess_permanence,
    plan_answer_conflicts,
)
from permanence_tracker.domain.timetable import ReviewTimetable, review_timetable


@dataclass(frozen=True, slots=True)
class ChildStanding:
    history: ChildHistory
    as_of: date
    periods: tuple[Period, ...]
    period: Period | None  # latest period started on or before as_of
    looked_after: bool
    episode: Episode | None  # open on as_of
    timetable: ReviewTimetable | None
    permanence: PermanenceAssessment | None
    drift: tuple[DriftFlag, ...]
    plan: PlanChange | None  # current plan (latest agreed on or before as_of)
    care_ends: date | None = None  # the 18th birthday (Children Act 1989 s105(1))
    plan_conflicts: tuple[PlanAnswerConflict, ...] = ()  # review answers the plans contradict

    @property
    def child_id(self) -> str:
        return self.history.child.child_id

    @property
    def open_past_18(self) -> bool:
        """An episode still open on or after the 18th birthday: care ended then (s105(1)),
        so the episode needs closing (unless the young person is accommodated under s20(5)
        in a community home, V2/K2, which DfE rule 359 accepts; still no reviews)."""
        return self.looked_after and self.care_ends is not None and self.as_of >= self.care_ends

    @property
    def short_breaks_only(self) -> bool:
        return self.period is not None and self.period.short_breaks_only

    @property
    def in_review_regime(self) -> bool:
        """Looked after and counted in LAC review measures (short breaks excluded)."""
        return self.looked_after and not self.short_breaks_only


def plans_from(periods: tuple[Period, ...], period: Period) -> date | None:
    """First day a plan can belong to ``period``: the day after the previous period ended.

    A care plan may be made just before the child is placed (Care Planning Regs 2010 reg 4),
    so plans between periods count for the new one; a plan from an earlier period of care
    does not (re-entry starts a new period with a new plan).
    """
    index = periods.index(period)
    if index == 0:
        return None
    previous_end = periods[index - 1].end
    if previous_end is None or previous_end >= period.start:
        return period.start
    return previous_end + timedelta(days=1)


def assess_child(
    history: ChildHistory, as_of: date, calendar: WorkingCalendar, settings: Settings
) -> ChildStanding:
    """One child as things stood on ``as_of``: later episodes, reviews and plans are unseen.

    The latest period of care started by ``as_of`` carries the reg 33 review timetable (reg 48
    for short breaks, which have no permanence assessment), the permanence-by-2nd-review state
    and, while looked after, the drift flags (ICO beyond ``settings.ico_weeks``, adoption A1/A2
    beyond ``settings.a1_days`` / ``a2_days``).

    Care ends at 18 (Children Act 1989 s105(1), s22): no review is due on or after the 18th
    birthday (``care_ends``). Whether the child is looked after stays what the 903 episodes say
    (an open episode: the summary contract's definition); an episode open past the 18th
    birthday is shown as needing closing (:attr:`ChildStanding.open_past_18`), not hidden.
    A review whose "plan in place" answer the plan records contradict is listed in
    ``plan_conflicts`` (issue 8 item 7); the permanence measure keeps using the plan records.
    """
    periods = periods_of_care(history.episodes)
    started = latest_period(periods, as_of)
    period = started.as_of(as_of) if started else None  # later events unseen on as_of
    looked_after = period is not None and period.open_on(as_of)
    episode = period.episode_on(as_of) if period else None
    since = plans_from(periods, started) if started else None
    plans = [p for p in history.plans if p.agreed <= as_of and (since is None or p.agreed >= since)]
    plan = max(plans, key=lambda p: (p.agreed, p.id or 0)) if plans else None
    timetable = permanence = None
    care_ends = eighteenth_birthday(history.child.dob)
    conflicts: tuple[PlanAnswerConflict, ...] = ()
    drift: tuple[DriftFlag, ...] = ()
    if period is not None:
        # Short breaks are reviewed across the whole series of breaks (reg 48).
        reviewed = short_break_series(periods, period)
        held = (r.held for r in history.reviews)
        timetable = review_timetable(reviewed, held, calendar, as_of, care_ends)
        if not period.short_breaks_only:
            permanence = assess_permanence(period, timetable, history.plans, as_of, since)
            conflicts = plan_answer_conflicts(timetable, history.reviews, plans, since)
        if looked_after:
            flags = [ico_drift(period, as_of, settings.ico_weeks)]
            flags.extend(adoption_drift(
                period, history.adoption, as_of, settings.a1_days, settings.a2_days
            ))
            drift = tuple(f for f in flags if f is not None)
    return ChildStanding(
        history, as_of, periods, period, looked_after, episode, timetable, permanence, drift,
        plan, care_ends, conflicts,
    )
