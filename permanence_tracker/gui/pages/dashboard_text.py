"""The dashboard in words: each tile's figure and caption and each chart's one-line summary.

Pure functions of a :class:`services.permanence.dashboard.Dashboard`, so the page only places
them. The summaries are what a screen reader announces for a chart and what anyone reads under
it, so no figure is given by a chart (or by colour) alone.
"""

from __future__ import annotations

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.gui.models.iros import HANDBOOK, number
from permanence_tracker.services.permanence.dashboard import Count, Dashboard


def percent(share: float | None) -> str:
    """A whole percentage, or a dash when there is nothing to divide by."""
    return "–" if share is None else f"{share:.0%}"


def children(count: int) -> str:
    return f"{count} {'child' if count == 1 else 'children'}"


def year_words(board: Dashboard) -> str:
    return f"since {uk_date(board.year_from)}"


def heading(board: Dashboard) -> str:
    return (f"Figures as of {uk_date(board.as_of)}. "
            f"“This year” runs from {uk_date(board.year_from)} "
            f"(the financial year) to {uk_date(board.as_of)}.")


def tiles(board: Dashboard) -> dict[str, tuple[str, str]]:
    """Figure and caption of each tile, by tile key."""
    p = board.participation
    drift = ", ".join(f"{g.key} {len(g.children)}" for g in board.drift)
    if board.second_reviews:
        second = (f"Children whose 2nd review was held: {second_review_words(board)}. "
                  f"{board.with_plan} of them had a permanence plan by the 2nd review "
                  f"({percent(board.plan_share)}), {board.without_plan_count} did not")
    else:
        second = f"No child has had a 2nd review: {second_review_words(board)}"
    if board.reviews_held:
        timescale = (f"{board.reviews_in_timescale} of {board.reviews_held} reviews held "
                     f"{year_words(board)} were in timescale")
    else:
        timescale = f"No reviews held {year_words(board)}"
    if p.reviews:
        participation = (f"Children took part in {p.participated} of {p.reviews} reviews "
                         f"{year_words(board)} (aged 4 or over, PN1-PN6); attended "
                         f"{p.attended} ({percent(p.attendance_rate)})")
    else:
        participation = f"No reviews of children aged 4 or over {year_words(board)}"
    return {
        "looked_after": (str(board.looked_after),
                         f"Children looked after on {uk_date(board.as_of)}"),
        "second_reviews": (str(board.second_reviews), second),
        "without_plan": (str(board.without_plan_count),
                         f"{without_plan_split(board)}. "
                         f"Of the {board.second_reviews} second reviews held, the children "
                         "with no permanence plan by then: looked after now, or left care "
                         f"{year_words(board)}. Press to list them by reason"),
        "timescale": (percent(board.timescale_share), timescale),
        "participation": (percent(p.participation_rate), participation),
        "drift": (str(board.drift_children),
                  f"Children with a drift flag ({drift}). Press to list them"),
    }


def without_plan_split(board: Dashboard) -> str:
    """Those without a plan by the 2nd review, split (issue 10 item 2): all count in the
    statutory measure; only those still without a plan need action."""
    return (f"{board.without_plan_count} without a plan by the 2nd review — "
            f"{board.still_no_plan_count} still no plan, {board.agreed_late_count} agreed late")


def second_review_words(board: Dashboard) -> str:
    """Which children the 2nd-review tiles count: one denominator for held, with and without
    a plan (issue 8 item 8, ``services.permanence.summary.second_review_cohort``)."""
    return (f"looked after on {uk_date(board.as_of)}, or left care {year_words(board)}, "
            "short breaks only excluded")


def _counts(counts: tuple[Count, ...], skip_zero: bool = True) -> str:
    return "; ".join(f"{c.label} {c.value}" for c in counts if c.value or not skip_zero)


def trend(board: Dashboard) -> str:
    points = board.month_ends
    if not points:
        return "No month ends to show."
    month = "%B %Y"
    high = max(points, key=lambda p: (p.looked_after, p.day))
    low = min(points, key=lambda p: (p.looked_after, p.day))
    return (f"{points[0].looked_after} at the end of {points[0].day:{month}}, "
            f"{points[-1].looked_after} at the end of {points[-1].day:{month}}; highest "
            f"{high.looked_after} ({high.day:{month}}), lowest {low.looked_after} "
            f"({low.day:{month}}).")


def legal_status(board: Dashboard) -> str:
    if not board.looked_after:
        return f"No children looked after on {uk_date(board.as_of)}."
    return f"{children(board.looked_after)} looked after: {_counts(board.legal_status)}."


def monitoring(board: Dashboard) -> str:
    total = sum(c.value for c in board.monitoring)
    if not total:
        return f"No monitoring outcome recorded {year_words(board)}."
    return (f"{children(total)} with an outcome recorded {year_words(board)}, each under "
            f"their latest: {_counts(board.monitoring)}.")


def left_care(board: Dashboard) -> str:
    total = board.left_care_total
    if not total:
        text = f"No period of care ended {year_words(board)}."
    else:
        ended = "period of care" if total == 1 else "periods of care"
        text = f"{total} {ended} ended {year_words(board)}: {_counts(board.left_care)}."
    return f"{text} {short_breaks(board)}"


def short_breaks(board: Dashboard) -> str:
    """Short breaks ended, labelled apart: they are never children leaving care."""
    breaks = board.short_breaks_ended
    return (f"Short breaks ended (V3/V4, not leaving care, not counted above): {breaks} "
            f"{'break' if breaks == 1 else 'breaks'} of "
            f"{children(board.short_break_children)}.")


def caseloads(board: Dashboard) -> str:
    loads = board.caseloads
    band = f"the band of {loads.low}-{loads.high} per full-time IRO ({HANDBOOK})"
    if not loads.rows:
        return f"No IROs listed yet. Caseloads are judged against {band}."
    each = "; ".join(f"{r.name} {number(r.per_fte)} ({r.band})" if r.per_fte is not None
                     else f"{r.name} FTE not set" for r in loads.rows)
    return (f"Looked-after children per FTE: {each}. Service average "
            f"{number(loads.average_per_fte)} ({loads.average_band}), against {band}.")
