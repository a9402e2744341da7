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
so with + without = held. Until issue 8 children who had left care were left out.

``drift`` lists the children looked after on ``as_of`` with each drift flag, as
``domain.standing.assess_child`` raises them (``domain.measures.ico_drift``,
``domain.adoption.adoption_drift``, thresholds from the settings); the dashboard and the
cohort report take their drift lists from here.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from permanence_tracker.domain.codes import leaving_care_group
from permanence_tracker.domain.measures import (
    caseload_band,
    financial_year_start,
    month_ends,
    per_fte,
)
from permanence_tracker.domain.permanence import PlanStatus
from permanence_tracker.domain.standing import ChildStanding
from permanence_tracker.domain.timetable import review_timetable
from permanence_tracker.services.permanence.cohort import Cohort

LEFT_CARE_GROUPS = ("adoption", "sgo", "cao", "home", "other")
DRIFT_KEYS = {"ICO": "ico_over_26_weeks", "A1": "a1_over_426_days", "A2": "a2_over_121_days"}


def reporting_from(as_of: date, start: date | None) -> date:
    return start or financial_year_start(as_of)


def summarise(cohort: Cohort, period_from: date | None = None) -> dict[str, Any]:
    as_of = cohort.as_of
    start = reporting_from(as_of, period_from)
    looked_after = cohort.looked_after
    second = second_review_cohort(cohort, start)
    with_plan = [s for s in second if s.permanence.status is PlanStatus.PLAN_BY_SECOND_REVIEW]
    without = sorted(s.child_id for s in second if s.permanence.flagged)
    return {
        "as_of": as_of.isoformat(),
        "looked_after": len(looked_after),
        "by_legal_status": dict(sorted(Counter(s.episode.legal_status
                                               for s in looked_after).items())),
        "second_review_held": len(second),
        "with_plan_by_second_review": len(with_plan),
        "without_plan_by_second_review": without,
        "reviews_due": reviews_due(cohort),
        "reviews_in_period": reviews_in_period(cohort, start, as_of),
        "iro_caseloads": iro_caseloads(cohort),
        "left_care": left_care(cohort, start, as_of),
        "month_end_counts": month_end_counts(cohort),
        "drift": drift(cohort),
    }


def second_review_cohort(cohort: Cohort, start: date) -> list[ChildStanding]:
    """The children the permanence-by-the-2nd-review figures count (see the module docstring):
    2nd review of their latest period held by ``as_of``, and looked after on ``as_of`` or left
    care from ``start`` to ``as_of``. Sorted by child ID."""
    return [s for s in cohort.standings if _second_review_held(s) and (
        s.looked_after or _ended_in(s.period, start, cohort.as_of))]


def _second_review_held(s: ChildStanding) -> bool:
    return (s.permanence is not None and s.permanence.second_review is not None
            and s.period is not None and not s.period.short_breaks_only)


def drift(cohort: Cohort) -> dict[str, list[str]]:
    """Sorted IDs of the children looked after on ``as_of`` with each drift flag: ICO at or
    beyond 26 weeks (Children Act 1989 s32(1)(a)), adoption scorecard A1 and A2 beyond their
    thresholds (``domain.adoption``); a child with two flags is in both lists."""
    found: dict[str, list[str]] = {key: [] for key in DRIFT_KEYS.values()}
    for s in cohort.looked_after:
        for flag in s.drift:
            found[DRIFT_KEYS[flag.code]].append(s.child_id)
    return {key: sorted(set(ids)) for key, ids in found.items()}


def reviews_due(cohort: Cohort) -> list[dict[str, Any]]:
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
            rows.append({"child_id": s.child_id, "review_number": upcoming.number,
                         "due": upcoming.due.isoformat(),
                         "overdue": upcoming.overdue(cohort.as_of)})
    return sorted(rows, key=lambda r: r["child_id"])


def reviews_in_period(cohort: Cohort, start: date, end: date) -> dict[str, Any]:
    held = in_timescale = 0
    for s in cohort.standings:
        for period in s.periods:
            if period.start > end or period.short_breaks_only:
                continue
            dates = [r.held for r in s.history.reviews]
            for review in review_timetable(period, dates, cohort.calendar, end).held:
                if start <= review.held <= end and not review.short_breaks:  # reg 33 only
                    held += 1
                    in_timescale += review.in_timescale
    return {"from": start.isoformat(), "to": end.isoformat(), "held": held,
            "in_timescale": in_timescale}


def iro_caseloads(cohort: Cohort) -> list[dict[str, Any]]:
    counts = Counter(s.history.child.iro for s in cohort.looked_after if s.history.child.iro)
    iros = {iro.name: iro for iro in cohort.iros}
    rows = []
    for name in sorted(set(iros) | set(counts)):
        iro = iros.get(name)
        if iro is not None and not iro.active and not counts[name]:
            continue
        fte = iro.fte if iro else 1.0
        load = per_fte(counts[name], fte)
        rows.append({"iro": name, "children": counts[name], "fte": fte, "per_fte": load,
                     "band": caseload_band(load, cohort.settings.caseload_low,
                                           cohort.settings.caseload_high)})
    return rows


def left_care(cohort: Cohort, start: date, end: date) -> dict[str, Any]:
    """Periods of care ended from ``start`` to ``end``, by the REC group of their last episode
    (domain.md, Permanence). A period made only of short breaks (V3/V4) ending is not a child
    ceasing to be looked after, so it is never counted (see :func:`short_breaks_ended`)."""
    groups = Counter()
    for s in cohort.standings:
        for period in s.periods:
            if _ended_in(period, start, end) and not period.short_breaks_only:
                groups[leaving_care_group(period.reason_ceased)] += 1
    return {"from": start.isoformat(), "to": end.isoformat(), "total": sum(groups.values()),
            **{g: groups[g] for g in LEFT_CARE_GROUPS}}


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


def _ended_in(period, start: date, end: date) -> bool:
    return period.end is not None and start <= period.end <= end


def looked_after_on(cohort: Cohort, day: date) -> int:
    return sum(any(p.open_on(day) for p in s.periods) for s in cohort.standings)


def month_end_counts(cohort: Cohort, count: int = 12) -> list[dict[str, Any]]:
    """Children looked after at each of the last ``count`` month ends (the summary shows 12;
    the dashboard's trend chart asks for 24)."""
    return [{"month": f"{d:%Y-%m}", "looked_after": looked_after_on(cohort, d)}
            for d in month_ends(cohort.as_of, count)]
