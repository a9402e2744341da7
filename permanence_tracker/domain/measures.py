"""Service-level measures: caseload bands, drift thresholds, participation, month ends.

Sources: IRO Handbook (2010) para 7.15, 50-70 looked-after children per full-time IRO;
Children and Families Act 2014 s14 (care proceedings within 26 weeks); DfE adoption scorecard
A1 (426 days entering care to moving in with adopters) and A2 (121 days placement order to
match). Thresholds are settings because domain.md marks them "to confirm".
"""

from __future__ import annotations

import calendar as _cal
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from permanence_tracker.domain.codes import (
    ATTENDED,
    PARTICIPATED,
    PARTICIPATION_CODES,
    UNDER_FOUR,
)
from permanence_tracker.domain.entities import AdoptionMilestones
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
    """Interim care order beyond 26 weeks (Children and Families Act 2014 s14).

    Counts from the start of the unbroken run of C1 episodes open on ``as_of``.
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
    if days <= weeks * 7:
        return None
    return DriftFlag(
        "ICO", days, weeks * 7, since,
        f"Interim care order since {since:%d/%m/%Y}: {days // 7} weeks, "
        f"beyond the {weeks}-week limit (Children and Families Act 2014 s14)",
    )


def adoption_drift(
    period: Period,
    adoption: AdoptionMilestones,
    as_of: date,
    a1_days: int = 426,
    a2_days: int = 121,
) -> tuple[DriftFlag, ...]:
    """Adoption scorecard A1 and A2 beyond their thresholds (elapsed so far when not reached).

    DfE adoption scorecard: A1 counts days from entering care (the start of this period of
    care) to moving in with the adoptive family, flagged when more than ``a1_days`` (426);
    A2 counts days from the placement order to the match, flagged when more than ``a2_days``
    (121). A1 is only measured once adoption is the plan (a "should be placed" decision or a
    placement order). Milestones dated after ``as_of`` are treated as not yet happened, and a
    reversed decision (903 DATE_PLACED_CEASED) ends both measures.
    """
    if adoption.reversed is not None and adoption.reversed <= as_of:
        return ()
    flags = []
    placed = _by(adoption.placed, as_of)
    decided = _by(adoption.should_be_placed, as_of) or _by(adoption.placement_order, as_of)
    a1 = ((placed or as_of) - period.start).days
    if a1 > a1_days and (placed or decided):
        verb = "placed for adoption" if placed else "not yet placed"
        flags.append(DriftFlag(
            "A1", a1, a1_days, period.start,
            f"A1: {a1} days from entering care ({period.start:%d/%m/%Y}), {verb}; "
            f"threshold {a1_days} days (adoption scorecard)",
        ))
    order = _by(adoption.placement_order, as_of)
    if order is not None:
        matched = _by(adoption.matched, as_of)
        a2 = ((matched or as_of) - order).days
        if a2 > a2_days:
            verb = "matched" if matched else "not yet matched"
            flags.append(DriftFlag(
                "A2", a2, a2_days, order,
                f"A2: {a2} days from placement order ({order:%d/%m/%Y}), {verb}; "
                f"threshold {a2_days} days (adoption scorecard)",
            ))
    return tuple(flags)


def _by(day: date | None, as_of: date) -> date | None:
    """``day`` if it had happened by ``as_of``; a later date is unseen in an as-of view."""
    return day if day is not None and day <= as_of else None


@dataclass(frozen=True, slots=True)
class ParticipationRates:
    reviews: int  # reviews with a PN1-PN7 code (PN0 under 4, blanks and unknown codes excluded)
    attended: int
    participated: int

    @property
    def attendance_rate(self) -> float | None:
        return self.attended / self.reviews if self.reviews else None

    @property
    def participation_rate(self) -> float | None:
        return self.participated / self.reviews if self.reviews else None


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
    """1 April of the financial year containing ``day`` (the SSDA903 collection year runs
    1 April to 31 March)."""
    return date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def age_in_years(dob: date, on: date) -> int:
    """Completed years on ``on``; a 29 February birthday falls on 1 March in other years
    (Family Law Reform Act 1969 s9: an age is attained at the start of the anniversary)."""
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))
