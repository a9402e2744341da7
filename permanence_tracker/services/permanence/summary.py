"""The summary figures (``permanence-tracker summary --json``), from the cohort service.

Definitions follow the summary contract in the core issue, as amended by issue 8: a child is
looked after on ``d`` when an episode has start <= d and (no end, or end > d); short-break-only
children (V3/V4, Care Planning Regs 2010 reg 48) count as looked after but not in LAC review
measures, and a period of care made only of short breaks ending is never a child leaving care
(SSDA903 guidance: each V3 break ends with a REC, often E4A, yet the child has not ceased to be
looked after).

The permanence-by-the-2nd-review figures share one denominator (issue 8, item 8; the seed
report's 148 = 110 + 38 with the 5 no longer looked after inside the 38): the children whose
current or latest period of care (not short breaks only) had its 2nd review held by ``as_of``
and who are either looked after on ``as_of`` or left care in the reporting period (its start
to ``as_of``). ``second_review_held`` counts them, ``with_plan_by_second_review`` those with a
plan agreed on or before that review, and ``without_plan_by_second_review`` lists the others,
so with + without = held. Until issue 8 children who had left care were left out. The children
without are split (issue 10 item 2): ``plan_agreed_late`` had a plan agreed after the 2nd
review, by ``as_of`` (still counted: the statutory measure is "by the 2nd review"), and
``still_no_plan`` have none yet (the action flag), so late + still = without.

``drift`` lists the children looked after on ``as_of`` with each drift flag, as
``domain.standing.assess_child`` raises them (``domain.measures.ico_drift``,
``domain.adoption.adoption_drift``, thresholds from the settings); the dashboard and the
cohort report take their drift lists from here.

:func:`summarise` returns a frozen :class:`Summary` (dates as ``date``, lists as tuples) that
the dashboard and caseloads read by attribute; the JSON is made from it only at the command
line's edge (``cli.summary_json``), so the contract's keys and formats live there.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from permanence_tracker.domain.codes import leaving_care_group
from permanence_tracker.domain.measures import (
    caseload_band,
    financial_year_start,
    month_ends,
    per_fte,
)
from permanence_tracker.domain.periods import Period
from permanence_tracker.domain.permanence import PlanStatus
from permanence_tracker.domain.standing import ChildStanding
from permanence_tracker.domain.timetable import review_timetable
from permanence_tracker.services.permanence.cohort import Cohort

LEFT_CARE_GROUPS = ("adoption", "sgo", "cao", "home", "other")
DRIFT_CODES = ("ICO", "A1", "A2")


@dataclass(frozen=True, slots=True)
class LegalStatusCount:
    legal_status: str  # SSDA903 legal status code of the episode open on as_of
    children: int


@dataclass(frozen=True, slots=True)
class ReviewDue:
    child_id: str
    review_number: int
    due: date
    overdue: bool  # due before as_of


@dataclass(frozen=True, slots=True)
class ReviewHeld:
    """One reg 33 review the period counts (one per child, period of care and date)."""

    child_id: str
    held: date
    in_timescale: bool
    participation: str  # SSDA903 REVIEW_CODE of the record kept for that date (the later one)


@dataclass(frozen=True, slots=True)
class ReviewsInPeriod:
    start: date
    end: date
    reviews: tuple[ReviewHeld, ...]  # by child ID, then date

    @property
    def held(self) -> int:
        return len(self.reviews)

    @property
    def in_timescale(self) -> int:
        return sum(r.in_timescale for r in self.reviews)


@dataclass(frozen=True, slots=True)
class IroLoad:
    iro: str
    children: int  # looked-after children allocated on as_of
    fte: float  # 1.0 for an IRO named on a child but not in the IRO list; 0.0: not set
    per_fte: float | None  # None while the IRO's FTE is not set (never assumed)
    band: str  # "below", "within" or "above" the IRO Handbook band; "unset": FTE not set


@dataclass(frozen=True, slots=True)
class LeftCare:
    """Periods of care ended from ``start`` to ``end``, by leaving-care group."""

    start: date
    end: date
    adoption: int
    sgo: int
    cao: int
    home: int
    other: int

    @property
    def by_group(self) -> tuple[tuple[str, int], ...]:
        """(group, periods) in ``LEFT_CARE_GROUPS`` order."""
        return (("adoption", self.adoption), ("sgo", self.sgo), ("cao", self.cao),
                ("home", self.home), ("other", self.other))

    @property
    def total(self) -> int:
        return sum(n for _, n in self.by_group)


@dataclass(frozen=True, slots=True)
class MonthEnd:
    day: date  # the month's last day
    looked_after: int


@dataclass(frozen=True, slots=True)
class Drift:
    """Sorted IDs of the looked-after children with each drift flag."""

    ico: tuple[str, ...]  # interim care order at or beyond ``ico_weeks``
    a1: tuple[str, ...]  # adoption A1 over its threshold
    a2: tuple[str, ...]  # adoption A2 over its threshold
    # The thresholds the flags were raised with: the authority's drift-threshold settings.
    ico_weeks: int = 26
    a1_days: int = 426
    a2_days: int = 121

    def by_code(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(flag code, child IDs) in ``DRIFT_CODES`` order."""
        return (("ICO", self.ico), ("A1", self.a1), ("A2", self.a2))


@dataclass(frozen=True, slots=True)
class Summary:
    as_of: date
    looked_after: int
    by_legal_status: tuple[LegalStatusCount, ...]  # by code
    second_review_held: int
    with_plan_by_second_review: int
    without_plan_by_second_review: tuple[str, ...]  # sorted child IDs
    plan_agreed_late: tuple[str, ...]  # of those without: a plan agreed since (sorted)
    still_no_plan: tuple[str, ...]  # of those without: still no plan (sorted)
    reviews_due: tuple[ReviewDue, ...]  # by child ID
    reviews_in_period: ReviewsInPeriod
    iro_caseloads: tuple[IroLoad, ...]  # by IRO name
    left_care: LeftCare
    month_end_counts: tuple[MonthEnd, ...]  # the last 12, oldest first
    drift: Drift


def reporting_from(as_of: date, start: date | None) -> date:
    return start or financial_year_start(as_of)


def summarise(cohort: Cohort, period_from: date | None = None) -> Summary:
    as_of = cohort.as_of
    start = reporting_from(as_of, period_from)
    looked_after = cohort.looked_after
    second = second_review_cohort(cohort, start)
    with_plan = [s for s in second if s.permanence is not None
                 and s.permanence.status is PlanStatus.PLAN_BY_SECOND_REVIEW]
    without = sorted(s.child_id for s in second if s.permanence is not None
                     and s.permanence.flagged)
    late = {s.child_id for s in second if s.permanence is not None and s.permanence.agreed_late}
    statuses = Counter(s.episode.legal_status for s in looked_after if s.episode is not None)
    return Summary(
        as_of=as_of,
        looked_after=len(looked_after),
        by_legal_status=tuple(LegalStatusCount(code, n) for code, n in sorted(statuses.items())),
        second_review_held=len(second),
        with_plan_by_second_review=len(with_plan),
        without_plan_by_second_review=tuple(without),
        plan_agreed_late=tuple(c for c in without if c in late),
        still_no_plan=tuple(c for c in without if c not in late),
        reviews_due=reviews_due(cohort),
        reviews_in_period=reviews_in_period(cohort, start, as_of),
        iro_caseloads=iro_caseloads(cohort),
        left_care=left_care(cohort, start, as_of),
        month_end_counts=month_end_counts(cohort),
        drift=drift(cohort),
    )


def second_review_cohort(cohort: Cohort, start: date) -> list[ChildStanding]:
    """The children the permanence-by-the-2nd-review figures count (see the module docstring):
    2nd review of their latest period held by ``as_of``, and looked after on ``as_of`` or left
    care from ``start`` to ``as_of``. Sorted by child ID."""
    return [s for s in cohort.standings if _second_review_held(s) and (
        s.looked_after or (s.period is not None and _ended_in(s.period, start, cohort.as_of)))]


def _second_review_held(s: ChildStanding) -> bool:
    return (s.permanence is not None and s.permanence.second_review is not None
            and s.period is not None and not s.period.short_breaks_only)


def drift(cohort: Cohort) -> Drift:
    """Sorted IDs of the children looked after on ``as_of`` with each drift flag: ICO at or
    beyond 26 weeks (Children Act 1989 s32(1)(a)), adoption scorecard A1 and A2 beyond their
    thresholds (``domain.adoption``); a child with two flags is in both lists."""
    found: dict[str, set[str]] = {code: set() for code in DRIFT_CODES}
    for s in cohort.looked_after:
        for flag in s.drift:
            found[flag.code].add(s.child_id)
    ico, a1, a2 = (tuple(sorted(found[code])) for code in DRIFT_CODES)
    limits = cohort.settings
    return Drift(ico=ico, a1=a1, a2=a2, ico_weeks=limits.ico_weeks, a1_days=limits.a1_days,
                 a2_days=limits.a2_days)


def reviews_due(cohort: Cohort) -> tuple[ReviewDue, ...]:
    """The next review of every looked-after child except short breaks (V3/V4), by child ID.

    Issue 8 (summary contract): a child is left out when their 18th birthday falls on or
    before the due date, since care ends at 18 (Children Act 1989 s105(1)): the timetable
    gives no such next review (``domain.timetable.review_timetable``'s ``care_ends``). The
    reg 33 review after short breaks became full-time care is numbered from 1.
    """
    rows = []
    for s in cohort.looked_after:
        if s.in_review_regime and s.timetable and s.timetable.next:
            upcoming = s.timetable.next
            rows.append(ReviewDue(s.child_id, upcoming.number, upcoming.due,
                                  upcoming.overdue(cohort.as_of)))
    return tuple(sorted(rows, key=lambda r: r.child_id))


def reviews_in_period(cohort: Cohort, start: date, end: date) -> ReviewsInPeriod:
    """The reg 33 reviews held from ``start`` to ``end``: per period of care that is not short
    breaks only, each date once (the timetable counts a date recorded twice once; the later
    record's participation code is kept). Reg 48 reviews held before full-time care began are
    in no LAC review figure."""
    found: list[ReviewHeld] = []
    for s in cohort.standings:
        codes: dict[date, str] | None = None
        for period in s.periods:
            if period.start > end or period.short_breaks_only:
                continue
            dates = [r.held for r in s.history.reviews]
            for review in review_timetable(period, dates, cohort.calendar, end).held:
                if start <= review.held <= end and not review.short_breaks:  # reg 33 only
                    if codes is None:
                        codes = _participation_by_date(s)
                    found.append(ReviewHeld(s.child_id, review.held, review.in_timescale,
                                            codes[review.held]))
    return ReviewsInPeriod(start, end, tuple(found))


def _participation_by_date(s: ChildStanding) -> dict[date, str]:
    """Each review date's participation code; of two records for one date, the later one's."""
    ordered = sorted(s.history.reviews, key=lambda r: (r.held, r.id or 0))
    return {r.held: r.participation for r in ordered}


def iro_caseloads(cohort: Cohort) -> tuple[IroLoad, ...]:
    counts = Counter(s.history.child.iro for s in cohort.looked_after if s.history.child.iro)
    iros = {iro.name: iro for iro in cohort.iros}
    rows = []
    for name in sorted(set(iros) | set(counts)):
        iro = iros.get(name)
        if iro is not None and not iro.active and not counts[name]:
            continue
        fte = iro.fte if iro else 1.0
        if fte <= 0:  # created by a spreadsheet import, FTE not yet set: no figure invented
            rows.append(IroLoad(name, counts[name], fte, None, "unset"))
            continue
        load = per_fte(counts[name], fte)
        rows.append(IroLoad(name, counts[name], fte, load,
                            caseload_band(load, cohort.settings.caseload_low,
                                          cohort.settings.caseload_high)))
    return tuple(rows)


def left_care(cohort: Cohort, start: date, end: date) -> LeftCare:
    """Periods of care ended from ``start`` to ``end``, by the REC group of their last episode
    (domain.md, Permanence). A period made only of short breaks (V3/V4) ending is not a child
    ceasing to be looked after, so it is never counted (see :func:`short_breaks_ended`)."""
    groups: Counter[str] = Counter()
    for s in cohort.standings:
        for period in s.periods:
            if _ended_in(period, start, end) and not period.short_breaks_only:
                groups[leaving_care_group(period.reason_ceased)] += 1
    return LeftCare(start, end, adoption=groups["adoption"], sgo=groups["sgo"],
                    cao=groups["cao"], home=groups["home"], other=groups["other"])


def short_breaks_ended(cohort: Cohort, start: date, end: date) -> tuple[int, int]:
    """(short breaks, children): periods made only of short breaks (V3/V4, Care Planning Regs
    2010 reg 48) that ended from ``start`` to ``end``, and the children they belong to. Shown
    beside the leaving-care figures, never inside them."""
    breaks, children = 0, set()
    for s in cohort.standings:
        for period in s.periods:
            if _ended_in(period, start, end) and period.short_breaks_only:
                breaks += 1
                children.add(s.child_id)
    return breaks, len(children)


def _ended_in(period: Period, start: date, end: date) -> bool:
    return period.end is not None and start <= period.end <= end


def looked_after_on(cohort: Cohort, day: date) -> int:
    return sum(any(p.open_on(day) for p in s.periods) for s in cohort.standings)


def month_end_counts(cohort: Cohort, count: int = 12) -> tuple[MonthEnd, ...]:
    """Children looked after at each of the last ``count`` month ends, oldest first (the
    summary shows 12; the dashboard's trend chart asks for 24)."""
    return tuple(MonthEnd(d, looked_after_on(cohort, d)) for d in month_ends(cohort.as_of, count))
