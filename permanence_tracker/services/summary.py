"""The summary figures (``permanence-tracker summary --json``), from the cohort service.

Definitions follow the summary contract in the core issue: a child is looked after on ``d``
when an episode has start <= d and (no end, or end > d); short-break-only children (V3/V4,
Care Planning Regs 2010 reg 48) count as looked after but not in LAC review measures.
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
from permanence_tracker.domain.timetable import review_timetable
from permanence_tracker.services.cohort import Cohort

LEFT_CARE_GROUPS = ("adoption", "sgo", "cao", "home", "other")


def reporting_from(as_of: date, start: date | None) -> date:
    return start or financial_year_start(as_of)


def summarise(cohort: Cohort, period_from: date | None = None) -> dict[str, Any]:
    as_of = cohort.as_of
    start = reporting_from(as_of, period_from)
    looked_after = cohort.looked_after
    reviewed = [s for s in looked_after if s.in_review_regime]
    second = [s for s in reviewed if s.timetable and s.timetable.review(2) is not None]
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
    }


def reviews_due(cohort: Cohort) -> list[dict[str, Any]]:
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
                if start <= review.held <= end:
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
    groups = Counter()
    for s in cohort.standings:
        for period in s.periods:
            if period.end is not None and start <= period.end <= end:
                groups[leaving_care_group(period.reason_ceased)] += 1
    return {"from": start.isoformat(), "to": end.isoformat(), "total": sum(groups.values()),
            **{g: groups[g] for g in LEFT_CARE_GROUPS}}


def looked_after_on(cohort: Cohort, day: date) -> int:
    return sum(any(p.open_on(day) for p in s.periods) for s in cohort.standings)


def month_end_counts(cohort: Cohort, count: int = 12) -> list[dict[str, Any]]:
    """Children looked after at each of the last ``count`` month ends (the summary shows 12;
    the dashboard's trend chart asks for 24)."""
    return [{"month": f"{d:%Y-%m}", "looked_after": looked_after_on(cohort, d)}
            for d in month_ends(cohort.as_of, count)]
