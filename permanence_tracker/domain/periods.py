"""Periods of care derived from 903 episodes.

A period of care starts with an episode whose RNE is ``S``; an episode ending with REC ``X1``
is followed the same day by the next episode of the same period (SSDA903 guidance). A child who
leaves care and returns starts a new period (Care Planning Regs 2010 reg 33: the review clock
restarts). A gap between episodes, or a ceased episode, also ends the period.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from permanence_tracker.domain.codes import CONTINUING_REC
from permanence_tracker.domain.entities import SHORT_BREAK_STATUSES, Episode


@dataclass(frozen=True, slots=True)
class Period:
    child_id: str
    episodes: tuple[Episode, ...]

    @property
    def start(self) -> date:
        """The date the child became looked after (reg 33's day 0)."""
        return self.episodes[0].start

    @property
    def end(self) -> date | None:
        return self.episodes[-1].end

    @property
    def reason_ceased(self) -> str:
        return self.episodes[-1].rec if self.end is not None else ""

    @property
    def short_breaks_only(self) -> bool:
        """Looked after only under short breaks (V3/V4, Care Planning Regs 2010 reg 48)."""
        return all(e.legal_status in SHORT_BREAK_STATUSES for e in self.episodes)

    @property
    def full_time_from(self) -> date | None:
        """The day full-time care began: the start of the first episode not under short
        breaks (V3/V4), or None for a period of short breaks only.

        Care Planning Regs 2010 reg 48 / reg 33: a child on short breaks who becomes looked
        after full time starts the reg 33 timetable on that day (domain.md).
        """
        for episode in self.episodes:
            if episode.legal_status not in SHORT_BREAK_STATUSES:
                return episode.start
        return None

    @property
    def begins_with_short_breaks(self) -> bool:
        return self.episodes[0].legal_status in SHORT_BREAK_STATUSES

    def open_on(self, day: date) -> bool:
        """Looked after on ``day`` (SSDA903: start <= day and no end or end > day), so a
        period that began and ended on one day (DEC = DECOM, DfE rule 356) is open on none."""
        return self.start <= day and (self.end is None or self.end > day)

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls inside the period, its last day included."""
        return self.start <= day and (self.end is None or day <= self.end)

    def episode_on(self, day: date) -> Episode | None:
        for episode in reversed(self.episodes):
            if episode.open_on(day):
                return episode
        return None

    def as_of(self, day: date) -> Period | None:
        """The period as it stood on ``day``: later episodes dropped, a later end undone."""
        kept = [e for e in self.episodes if e.start <= day]
        if not kept:
            return None
        last = kept[-1]
        if last.end is not None and last.end > day:
            kept[-1] = _reopen(last)
        return Period(self.child_id, tuple(kept))


def _reopen(episode: Episode) -> Episode:
    from dataclasses import replace

    return replace(episode, end=None, rec="")


def _continues(previous: Episode, episode: Episode) -> bool:
    return (
        episode.rne != "S"
        and previous.end is not None
        and previous.rec == CONTINUING_REC
        and previous.end == episode.start
    )


def periods_of_care(episodes: Iterable[Episode]) -> tuple[Period, ...]:
    """Group one child's episodes into periods of care, oldest first."""
    ordered: Sequence[Episode] = sorted(episodes, key=lambda e: (e.start, e.end or date.max))
    periods: list[list[Episode]] = []
    for episode in ordered:
        if periods and _continues(periods[-1][-1], episode):
            periods[-1].append(episode)
        else:
            periods.append([episode])
    return tuple(Period(group[0].child_id, tuple(group)) for group in periods)


def short_break_series(periods: Sequence[Period], period: Period) -> Period:
    """The run of short-break periods that ``period`` ends, as one span for the review clock.

    Care Planning Regs 2010 reg 48: a child accommodated for a series of short breaks has the
    1st review within 3 months of the start of the *first* break, then 6-monthly. Under V3 each
    break is its own 903 episode and so its own period of care; the series is the unbroken run
    of short-break-only periods up to ``period`` (a period under any other legal status ends
    it). Reviews held between breaks fall inside the returned span. A period that begins as
    short breaks and becomes full-time care joins the series too: its short-break part is the
    series' last break (see :attr:`Period.full_time_from`). ``period`` may be an as-of view of
    one of ``periods``; any other period is returned unchanged.
    """
    if not period.begins_with_short_breaks:
        return period
    starts = [p.start for p in periods]
    if period.start not in starts:
        return period
    index = starts.index(period.start)
    first = index
    while first > 0 and periods[first - 1].short_breaks_only:
        first -= 1
    earlier = tuple(e for p in periods[first:index] for e in p.episodes)
    return Period(period.child_id, earlier + period.episodes)


def review_belongs(periods: Sequence[Period], day: date) -> bool:
    """Whether a review held on ``day`` belongs to one of ``periods``: it falls inside a period
    of care, or in the gap between two short breaks of one series (issue 8 §2.5: "a review
    held between two short breaks of a series belongs to that series"; Care Planning Regs
    2010 reg 48, see :func:`short_break_series`). A day outside every period and series does
    not belong (reg 33: reviews belong to a period of care)."""
    return any(short_break_series(periods, p).contains(day) for p in periods)


def current_period(periods: Sequence[Period], as_of: date) -> Period | None:
    """The period in which the child is looked after on ``as_of``, if any."""
    for period in reversed(periods):
        if period.open_on(as_of):
            return period
    return None


def latest_period(periods: Sequence[Period], as_of: date) -> Period | None:
    """The most recent period started on or before ``as_of`` (open or ended)."""
    started = [p for p in periods if p.start <= as_of]
    return started[-1] if started else None
