"""One child's standing on an ``as_of`` date: the row every page, report and summary shares."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import ChildHistory, Episode, PlanChange, Settings
from permanence_tracker.domain.measures import DriftFlag, adoption_drift, ico_drift
from permanence_tracker.domain.periods import (
    Period,
    latest_period,
    periods_of_care,
    short_break_series,
)
from permanence_tracker.domain.permanence import PermanenceAssessment, assess_permanence
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

    @property
    def child_id(self) -> str:
        return self.history.child.child_id

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
    drift: tuple[DriftFlag, ...] = ()
    if period is not None:
        # Short breaks are reviewed across the whole series of breaks (reg 48).
        reviewed = short_break_series(periods, period)
        held = (r.held for r in history.reviews)
        timetable = review_timetable(reviewed, held, calendar, as_of)
        if not period.short_breaks_only:
            permanence = assess_permanence(period, timetable, history.plans, as_of, since)
        if looked_after:
            flags = [ico_drift(period, as_of, settings.ico_weeks)]
            for record in history.adoption:
                flags.extend(adoption_drift(
                    period, record, as_of, settings.a1_days, settings.a2_days
                ))
            drift = tuple(f for f in flags if f is not None)
    return ChildStanding(
        history, as_of, periods, period, looked_after, episode, timetable, permanence, drift, plan
    )
