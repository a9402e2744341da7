"""The statutory LAC review timetable.

Care Planning, Placement and Case Review (England) Regulations 2010, reg 33:
- 1st review within 20 working days of the date the child became looked after (day 0);
- 2nd review not more than 3 months after the 1st;
- later reviews not more than 6 months after the previous one;
each measured from the date the previous review was actually held. A review is in timescale
when held on or before its due date. Short breaks (reg 48, legal status V3/V4): 1st review
within 3 months of the first break, then 6-monthly.

A period that begins as short breaks and becomes full-time care (domain.md; issue 8 item 5)
follows reg 48 while on short breaks; the reg 33 timetable runs from the day full-time care
begins (its day 0), numbered again from 1. Reviews held under reg 48 keep their reg 48 due
dates and are never judged against reg 33.

Care ends at 18 (Children Act 1989 s105(1) and s22: a child is a person under 18): no review
is due on or after the 18th birthday.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from permanence_tracker.domain.calendar import WorkingCalendar, add_months
from permanence_tracker.domain.periods import Period

FIRST_REVIEW_WORKING_DAYS = 20
SECOND_REVIEW_MONTHS = 3
LATER_REVIEW_MONTHS = 6
SHORT_BREAK_FIRST_MONTHS = 3


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th ... 11th, 12th, 13th ... 21st: how review numbers are written."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True, slots=True)
class HeldReview:
    number: int
    held: date
    due: date
    short_breaks: bool = False  # held under reg 48 (short breaks), not reg 33

    @property
    def in_timescale(self) -> bool:
        """Held on or before its due date (reg 33: "within" / "not more than")."""
        return self.held <= self.due


@dataclass(frozen=True, slots=True)
class NextReview:
    number: int
    due: date

    def days_left(self, as_of: date) -> int:
        """Days until due; negative when overdue."""
        return (self.due - as_of).days

    def overdue(self, as_of: date) -> bool:
        """Past its due date on ``as_of`` (a review held on its due date is in time)."""
        return self.due < as_of


@dataclass(frozen=True, slots=True)
class ReviewTimetable:
    """``held`` are the reviews of the timetable in force on as_of (reg 33, or reg 48 for a
    period of short breaks only) and ``next`` its next review; ``short_breaks`` are the reg 48
    reviews held before full-time care began, when it did."""

    held: tuple[HeldReview, ...]
    next: NextReview | None  # None once the period has ended or care ends at 18
    short_breaks: tuple[HeldReview, ...] = ()
    ends_at_18: bool = False  # the next review would fall on or after the 18th birthday

    def review(self, number: int) -> HeldReview | None:
        return self.held[number - 1] if 0 < number <= len(self.held) else None

    @property
    def every_review(self) -> tuple[HeldReview, ...]:
        """Every review held in the span, reg 48 ones first, oldest first."""
        return self.short_breaks + self.held


def due_after(
    number: int,
    previous: date,
    calendar: WorkingCalendar,
    short_breaks: bool = False,
) -> date:
    """Due date of review ``number`` given the period start (number 1) or previous review.

    Reg 33: 1st within 20 working days of becoming looked after, 2nd within 3 months of the
    1st, later ones within 6 months of the previous. Short breaks (reg 48): 1st within 3 months
    of the first break, then every 6 months.
    """
    if number < 1:
        raise ValueError(f"review number must be 1 or more, not {number}")
    if number == 1:
        if short_breaks:
            return add_months(previous, SHORT_BREAK_FIRST_MONTHS)
        return calendar.add_working_days(previous, FIRST_REVIEW_WORKING_DAYS)
    if number == 2 and not short_breaks:
        return add_months(previous, SECOND_REVIEW_MONTHS)
    return add_months(previous, LATER_REVIEW_MONTHS)


def _held(
    dates: list[date], start: date, calendar: WorkingCalendar, short: bool
) -> list[HeldReview]:
    held: list[HeldReview] = []
    previous = start
    for number, day in enumerate(dates, start=1):
        held.append(HeldReview(number, day, due_after(number, previous, calendar, short), short))
        previous = day
    return held


def review_timetable(
    period: Period,
    review_dates: Iterable[date],
    calendar: WorkingCalendar,
    as_of: date,
    care_ends: date | None = None,
) -> ReviewTimetable:
    """Reviews held in ``period`` up to ``as_of`` with their due dates, and the next one due.

    Reviews outside the period (before its start, after its end) are not counted in it, nor are
    reviews after ``as_of``. The same date recorded twice is one review, not a 1st and a 2nd.
    Each due date runs from the date the previous review was actually held (reg 33), so an
    early review brings the next one forward and a late one pushes it back. Once the period
    has ended by ``as_of`` there is no next review.

    Short breaks becoming full-time care (reg 48 then reg 33): reviews held before the day
    full-time care began are numbered and timed under reg 48 from the period's start (the
    first break of the series); reviews on or after that day are reg 33 reviews 1, 2, ...
    timed from that day. ``care_ends`` (the 18th birthday, Children Act 1989 s105(1)): no
    next review is given whose due date falls on or after it.
    """
    dates = sorted({d for d in review_dates if period.contains(d) and d <= as_of})
    full_time = period.full_time_from
    if full_time is not None and full_time > as_of:
        full_time = None  # still on short breaks on as_of
    if full_time is None:
        earlier: list[HeldReview] = []
        held = _held(dates, period.start, calendar, short=True)
        start = period.start
    else:
        earlier = _held([d for d in dates if d < full_time], period.start, calendar, True)
        held = _held([d for d in dates if d >= full_time], full_time, calendar, False)
        start = full_time
    short = full_time is None
    still_open = period.end is None or period.end > as_of
    upcoming = None
    ends_at_18 = False
    if still_open:
        number = len(held) + 1
        previous = held[-1].held if held else start
        upcoming = NextReview(number, due_after(number, previous, calendar, short))
        if care_ends is not None and upcoming.due >= care_ends:
            upcoming, ends_at_18 = None, True
    return ReviewTimetable(tuple(held), upcoming, tuple(earlier), ends_at_18)
