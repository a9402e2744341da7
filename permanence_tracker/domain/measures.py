"""Service-level measures: caseload bands, drift thresholds, participation, month ends.

Sources: IRO Handbook (2010) para 7.15, 50-70 looked-after children per full-time IRO;
Children Act 1989 s32(1)(a) as amended by Children and Families Act 2014 s14 (care
proceedings within 26 weeks beginning with the day of issue). The adoption scorecard measures
A1/A2 live in ``domain.adoption``. Thresholds are settings because domain.md marks them
"to confirm".
"""

from __future__ import annotations

import calendar as _cal
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.codes import (
    ATTENDED,
    PARTICIPATED,
    PARTICIPATION_CODES,
    UNDER_FOUR,
)
from permanence_tracker.domain.periods import Period


def caseload_band(per_fte: float, low: int, high: int) -> str:
    """``below``, ``within`` or ``above`` the recommended band (IRO Handbook para 7.15:
    50-70 children per full-time IRO); both ends of the band count as within it."""
    if per_fte < low:
        return "below"
    if per_fte > high:
        return "above"
    return "within"


def per_fte(children: int, fte: float) -> float:
    """Children per full-time-equivalent IRO (IRO Handbook para 7.15 counts per FTE), to 2 dp.

    A missing or zero FTE is treated as one whole post rather than dividing by zero.
    """
    return round(children / fte, 2) if fte > 0 else float(children)


@dataclass(frozen=True, slots=True)
class DriftFlag:
    code: str  # "ICO", "A1", "A2"
    days: int
    threshold: int
    since: date
    explanation: str


def ico_drift(period: Period, as_of: date, weeks: int = 26) -> DriftFlag | None:
    """Interim care order beyond 26 weeks (Children Act 1989 s32(1)(a), as amended by the
    Children and Families Act 2014 s14: proceedings to finish "within the period of twenty-six
    weeks beginning with the day on which the application was issued").

    Counts from the start of the unbroken run of C1 episodes ending in the one open on
    ``as_of``. The first day counts as day one, so the ``weeks`` (26) end on day
    ``weeks * 7`` (182) and the limit is passed once ``as_of - first_day >= weeks * 7``.
    """
    episode = period.episode_on(as_of)
    if episode is None or episode.legal_status != "C1":
        return None
    since = episode.start
    for earlier in reversed([e for e in period.episodes if e.start < episode.start]):
        if earlier.legal_status != "C1" or earlier.end != since:
            break
        since = earlier.start
    days = (as_of - since).days
    limit = weeks * 7
    if days < limit:
        return None
    ended = since + timedelta(days=limit - 1)
    return DriftFlag(
        "ICO", days, limit, since,
        f"Interim care order since {uk_date(since)} (day {days + 1}): beyond {weeks} weeks, "
        f"the {weeks} weeks beginning with that day ended on {uk_date(ended)} "
        "(Children Act 1989 s32(1)(a))",
    )


def share(part: int, whole: int) -> float | None:
    """``part`` as a share of ``whole`` (0.0 to 1.0); None when there is no whole to share."""
    return part / whole if whole else None


@dataclass(frozen=True, slots=True)
class ParticipationRates:
    reviews: int  # reviews with a PN1-PN7 code (PN0 under 4, blanks and unknown codes excluded)
    attended: int
    participated: int

    @property
    def attendance_rate(self) -> float | None:
        return share(self.attended, self.reviews)

    @property
    def participation_rate(self) -> float | None:
        return share(self.participated, self.reviews)


def participation_rates(codes: Iterable[str]) -> ParticipationRates:
    """Attendance = PN1-PN4, participation = PN1-PN6, of reviews of children aged 4+.

    SSDA903 REVIEW_CODE: PN0 (under 4) is excluded from the denominator, as are blanks and
    anything that is not a PN1-PN7 code, so a mistyped code cannot lower the rates.
    """
    counted = [c for c in codes if c in PARTICIPATION_CODES and c != UNDER_FOUR]
    return ParticipationRates(
        len(counted),
        sum(c in ATTENDED for c in counted),
        sum(c in PARTICIPATED for c in counted),
    )


def month_ends(as_of: date, count: int = 12) -> list[date]:
    """The last ``count`` month-end days on or before ``as_of``, oldest first.

    The seed report's month-by-month trend of children looked after (SSDA903 counts a child
    as looked after on a day when an episode is open on it). ``as_of`` itself is included when
    it is a month end; otherwise the series stops at the previous month's end.
    """
    if count <= 0:
        return []
    last = date(as_of.year, as_of.month, _cal.monthrange(as_of.year, as_of.month)[1])
    if last > as_of:
        last = as_of.replace(day=1) - timedelta(days=1)
    ends = [last]
    while len(ends) < count:
        ends.append(ends[-1].replace(day=1) - timedelta(days=1))
    return list(reversed(ends))


def financial_year_start(day: date) -> date:
    """1 April of the financial year containing ``day``: from January to March that is
    1 April of the previous calendar year (the financial year and the SSDA903 collection year
    both run 1 April to 31 March). The one helper for it: every page, report and service
    asks here."""
    return date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def financial_year(day: date) -> tuple[date, date]:
    """1 April to 31 March (both included) of the financial year containing ``day``."""
    start = financial_year_start(day)
    return start, date(start.year + 1, 3, 31)


def age_in_years(dob: date, on: date) -> int:
    """Completed years on ``on``; a 29 February birthday falls on 1 March in other years
    (Family Law Reform Act 1969 s9: an age is attained at the start of the anniversary)."""
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def birthday(dob: date, years: int) -> date:
    """The day the child attains ``years`` (the first day :func:`age_in_years` gives it):
    a 29 February birthday is 1 March in a year that is not a leap year (Family Law Reform
    Act 1969 s9)."""
    try:
        return dob.replace(year=dob.year + years)
    except ValueError:  # 29 February in a common year
        return date(dob.year + years, 3, 1)


ADULT_AGE = 18  # Children Act 1989 s105(1): a "child" is a person under 18


def eighteenth_birthday(dob: date) -> date:
    """The day care ends (Children Act 1989 s105(1), s22: only a person under 18 is a child
    looked after; SSDA903 guidance: a child ceases to be looked after at 18)."""
    return birthday(dob, ADULT_AGE)
