"""The summary JSON contract (``permanence-tracker summary --json``), made from a ``Summary``.

This is the only place the contract's keys, their order and the value formats live: dates as
ISO strings (``month`` as YYYY-MM), lists as JSON arrays, figures as the service gives them.
The service's :class:`~permanence_tracker.services.permanence.summary.Summary` is typed and
knows nothing of JSON; ``tests/integration/test_summary_contract.py`` pins the output.
"""

from __future__ import annotations

from typing import Any

from permanence_tracker.services.permanence.summary import (
    Drift,
    IroLoad,
    LeftCare,
    MonthEnd,
    ReviewDue,
    ReviewsInPeriod,
    Summary,
)

JsonObject = dict[str, Any]


def summary_json(s: Summary) -> JsonObject:
    """The summary as one JSON object, keys in the contract's order (``json.dumps`` it)."""
    return {
        "as_of": s.as_of.isoformat(),
        "looked_after": s.looked_after,
        "by_legal_status": {c.legal_status: c.children for c in s.by_legal_status},
        "second_review_held": s.second_review_held,
        "with_plan_by_second_review": s.with_plan_by_second_review,
        "without_plan_by_second_review": list(s.without_plan_by_second_review),
        "plan_agreed_late": list(s.plan_agreed_late),  # of those without (issue 10)
        "still_no_plan": list(s.still_no_plan),  # of those without: the action flag
        "reviews_due": [review_due_json(r) for r in s.reviews_due],
        "reviews_in_period": reviews_in_period_json(s.reviews_in_period),
        "iro_caseloads": [iro_load_json(r) for r in s.iro_caseloads],
        "left_care": left_care_json(s.left_care),
        "month_end_counts": [month_end_json(m) for m in s.month_end_counts],
        "drift": drift_json(s.drift),
    }


def review_due_json(r: ReviewDue) -> JsonObject:
    return {"child_id": r.child_id, "review_number": r.review_number,
            "due": r.due.isoformat(), "overdue": r.overdue}


def reviews_in_period_json(p: ReviewsInPeriod) -> JsonObject:
    return {"from": p.start.isoformat(), "to": p.end.isoformat(), "held": p.held,
            "in_timescale": p.in_timescale}


def iro_load_json(r: IroLoad) -> JsonObject:
    return {"iro": r.iro, "children": r.children, "fte": r.fte, "per_fte": r.per_fte,
            "band": r.band}


def left_care_json(left: LeftCare) -> JsonObject:
    return {"from": left.start.isoformat(), "to": left.end.isoformat(), "total": left.total,
            "adoption": left.adoption, "sgo": left.sgo, "cao": left.cao, "home": left.home,
            "other": left.other}


def month_end_json(m: MonthEnd) -> JsonObject:
    return {"month": f"{m.day:%Y-%m}", "looked_after": m.looked_after}


def drift_json(d: Drift) -> JsonObject:
    return {"ico_over_26_weeks": list(d.ico), "a1_over_426_days": list(d.a1),
            "a2_over_121_days": list(d.a2)}
