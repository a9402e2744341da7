"""Reviews due week by week and everything overdue, for the IROs and Reviews due pages.

Each looked-after child's next statutory review (Care Planning, Placement and Case Review
(England) Regulations 2010, reg 33) is taken from the cohort's standings, the same data
``services.permanence.summary.reviews_due`` reads: children on short breaks only (V3/V4, reg 48)
are left
out, as they are from every LAC review measure, and so is a review that would fall due on or
after the 18th birthday (care ends at 18: Children Act 1989 s105(1)). A review is overdue
when its due date is before ``as_of`` (a review held on its due date is in time); otherwise it
falls in week ``n`` when it is due ``7(n-1)`` to ``7n-1`` days after ``as_of`` (week 1 is
as_of to as_of+6).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.services.permanence.cohort import Cohort

WEEKS = 8  # the issue: "reviews due in the next 8 weeks, week by week"


@dataclass(frozen=True, slots=True)
class DueReview:
    child_id: str
    name: str
    iro: str  # "" when no IRO is allocated
    number: int  # 1st, 2nd, 3rd... review of the current period of care
    due: date
    days_left: int  # negative when overdue
    week: int | None  # 1..WEEKS; None when overdue or further ahead

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def days_overdue(self) -> int:
        return max(0, -self.days_left)


@dataclass(frozen=True, slots=True)
class Week:
    number: int
    start: date
    end: date  # inclusive
    reviews: tuple[DueReview, ...]  # sorted by due date, then child ID

    @property
    def label(self) -> str:
        return f"Week {self.number}: {uk_date(self.start)} to {uk_date(self.end)}"


def week_of(due: date, as_of: date, weeks: int = WEEKS) -> int | None:
    """Week 1..``weeks`` in which ``due`` falls, or None if before ``as_of`` or beyond."""
    days = (due - as_of).days
    if days < 0 or days >= weeks * 7:
        return None
    return days // 7 + 1


def week_dates(as_of: date, weeks: int = WEEKS) -> tuple[tuple[date, date], ...]:
    """(first, last) day of each week: week 1 is ``as_of`` to ``as_of`` + 6 days."""
    return tuple((as_of + timedelta(days=7 * n), as_of + timedelta(days=7 * n + 6))
                 for n in range(weeks))


@dataclass(frozen=True)
class ReviewsDue:
    """Computed once per cohort; the derived views are cached (the object never changes)."""

    as_of: date
    reviews: tuple[DueReview, ...]  # every looked-after child's next review, by due date
    weeks_ahead: int = WEEKS

    @cached_property
    def overdue(self) -> tuple[DueReview, ...]:
        """Overdue reviews, most overdue first (then by child ID)."""
        late = (r for r in self.reviews if r.overdue)
        return tuple(sorted(late, key=lambda r: (r.days_left, r.child_id)))

    @cached_property
    def upcoming(self) -> tuple[DueReview, ...]:
        """Reviews due in the next ``weeks_ahead`` weeks, soonest first."""
        return tuple(r for r in self.reviews if r.week is not None)

    @cached_property
    def weeks(self) -> tuple[Week, ...]:
        by_week: dict[int, list[DueReview]] = {n: [] for n in range(1, self.weeks_ahead + 1)}
        for review in self.reviews:  # those in a week are the upcoming ones, soonest first
            if review.week is not None:
                by_week[review.week].append(review)
        return tuple(Week(n, start, end, tuple(by_week[n]))
                     for n, (start, end) in enumerate(week_dates(self.as_of, self.weeks_ahead),
                                                      start=1))

    @cached_property
    def iros(self) -> tuple[str, ...]:
        """IRO names on any review ("" for children with no IRO), sorted."""
        return tuple(sorted({r.iro for r in self.reviews}, key=str.casefold))

    @cached_property
    def _by_iro(self) -> dict[str, ReviewsDue]:
        # One pass for every IRO: pages show a line per IRO, so filtering each in turn
        # would scan the whole service once per IRO.
        groups: dict[str, list[DueReview]] = {}
        for review in self.reviews:
            groups.setdefault(review.iro, []).append(review)
        return {iro: ReviewsDue(self.as_of, tuple(found), self.weeks_ahead)
                for iro, found in groups.items()}

    def for_iro(self, iro: str) -> ReviewsDue:
        """The same view narrowed to one IRO's children ("" for children with no IRO)."""
        return self._by_iro.get(iro) or ReviewsDue(self.as_of, (), self.weeks_ahead)


def next_reviews(cohort: Cohort, weeks: int = WEEKS) -> ReviewsDue:
    """Every looked-after child's next review on ``cohort.as_of`` (short breaks excluded, as in
    ``summary.reviews_due``), ready to group by week and by IRO."""
    as_of = cohort.as_of
    found = []
    for s in cohort.looked_after:
        if not (s.in_review_regime and s.timetable and s.timetable.next):
            continue
        upcoming = s.timetable.next
        child = s.history.child
        found.append(DueReview(child.child_id, child.name, child.iro, upcoming.number,
                               upcoming.due, upcoming.days_left(as_of),
                               week_of(upcoming.due, as_of, weeks)))
    found.sort(key=lambda r: (r.due, r.child_id))
    return ReviewsDue(as_of, tuple(found), weeks)
