"""Plain-text rendering of the summary figures for people at a terminal."""

from __future__ import annotations

from permanence_tracker.domain.words import plural
from permanence_tracker.services.permanence.summary import Summary


def render_text(f: Summary) -> str:
    lines = [
        f"Summary as of {f.as_of.isoformat()}",
        f"  Looked after: {f.looked_after}",
        "  By legal status: " + ", ".join(f"{c.legal_status} {c.children}"
                                           for c in f.by_legal_status),
        f"  Second reviews held (looked after now or left care in the period): "
        f"{f.second_review_held}, with a plan by then: "
        f"{f.with_plan_by_second_review}",
        f"  Without a plan by the 2nd review: {len(f.without_plan_by_second_review)}",
        f"    of whom plan agreed late: {len(f.plan_agreed_late)}, "
        f"still no plan: {len(f.still_no_plan)}",
    ]
    due = f.reviews_due
    lines.append(f"  Next reviews: {len(due)}, overdue: {sum(r.overdue for r in due)}")
    period = f.reviews_in_period
    lines.append(f"  Reviews {period.start.isoformat()} to {period.end.isoformat()}: "
                 f"{period.held} held, {period.in_timescale} in timescale")
    left = f.left_care
    lines.append(f"  Left care: {left.total} (adoption {left.adoption}, SGO {left.sgo}, "
                 f"CAO {left.cao}, home {left.home}, other {left.other})")
    drift = f.drift
    lines.append(f"  Drift: ICO beyond {plural(drift.ico_weeks, 'week')} {len(drift.ico)}, "
                 f"A1 over {plural(drift.a1_days, 'day')} {len(drift.a1)}, "
                 f"A2 over {plural(drift.a2_days, 'day')} {len(drift.a2)}")
    lines.append("  IRO caseloads:")
    for row in f.iro_caseloads:
        load = (f"{row.fte} FTE, {row.per_fte} per FTE ({row.band})" if row.per_fte is not None
                else "FTE not set")
        lines.append(f"    {row.iro}: {plural(row.children, 'child', 'children')}, {load}")
    lines.append("  Month ends: " + ", ".join(
        f"{m.day:%Y-%m} {m.looked_after}" for m in f.month_end_counts))
    return "\n".join(lines)
