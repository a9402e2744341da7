"""The statutory LAC review timetable.

Care Planning, Placement and Case Review (England) Regulations 2010, reg 33:
- 1st review within 20 working days of the date the child became looked after (day 0);
- 2nd review not more than 3 months after the 1st;
- later reviews not more than 6 months after the previous one;
each measured from the date the previous review was actually held. A review is in timescale
when held on or before its due date. Short breaks (reg 48, legal status V3/V4): 1st review
within 3 months of the first break, then 6-monthly.
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


@dataclass(frozen=True, slots=True)
class HeldReview:
    number: int
    held: date
    due: date

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
    held: tuple[HeldReview, ...]
    next: NextReview | None  # None once the period has ended

    def review(self, number: int) -> HeldReview | None:
        return self.held[number - 1] if 0 < number <= len(self.held) else None


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


def review_timetable(
    period: Period,
    review_dates: Iterable[date],
    calendar: WorkingCalendar,
    as_of: date,
) -> ReviewTimetable:
    """Reviews held in ``period`` up to ``as_of`` with their due dates, and the next one due.

    Reviews outside the period (before its start, after its end) are not counted in it, nor are
    reviews after ``as_of``. The same date recorded twice is one review, not a 1st and a 2nd.
    Each due date runs from the date the previous review was actually held (reg 33), so an
    early review brings the next one forward and a late one pushes it back. Once the period
    has ended by ``as_of`` there is no next review.
    """
    dates = sorted({d for d in review_dates if period.contains(d) and d <= as_of})
    short = period.short_breaks_only
    held: list[HeldReview] = []
    previous = period.start
    for number, day in enumerate(dates, start=1):
        held.append(HeldReview(number, day, due_after(number, previous, calendar, short)))
        previous = day
    still_open = period.end is None or period.end > as_of
    upcoming = None
    if still_open:
        number = len(held) + 1
        upcoming = NextReview(number, due_after(number, previous, calendar, short))
    return ReviewTimetable(tuple(held), upcoming)
