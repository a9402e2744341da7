"""Report ``cohort``: the permanence monitoring report for the Head of Corporate Parenting.

Laid out after the seed council report's "LAC Reviews" and "Permanency Outcomes" sections:
children looked after; second reviews held, with a permanence plan by then and without, by
reason group (section 20, interim care order, other legal status, no longer looked after);
monitoring outcomes; leaving-care permanence outcomes in percent; reviews in timescale;
participation; children looked after at each month end (table by month and year, as the seed's
table, and a chart); drift flags. Every figure comes from
``services.permanence.dashboard.Dashboard``,
the dashboard page's single source, which takes its summary figures from ``summarise``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.reports.base import ReportMeta, build_pdf, frame_width
from permanence_tracker.reports.charts import bar_chart
from permanence_tracker.reports.tables import table
from permanence_tracker.reports.text import (
    NOTE,
    SUBHEADING,
    count,
    gap,
    heading,
    para,
    percent,
    title,
)

if TYPE_CHECKING:
    from permanence_tracker.services.permanence.dashboard import ChildGroup, Count, Dashboard
    from permanence_tracker.services.permanence.summary import MonthEnd
    from permanence_tracker.services.reporting.inputs import CohortData

TITLE = "Permanence monitoring report"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
CHILD_WIDTHS = (50, 78, 36, 78, 54, 214)


def _w(width: float, *parts: int) -> list[float]:
    return [width * p / sum(parts) for p in parts]


def _counts(rows: Sequence[Count], total: int, width: float, label: str, total_label: str
            ) -> list[Flowable]:
    body = [[c.label, f"{c.value:,}", percent(c.value, total)] for c in rows]
    body.append([total_label, f"{total:,}", percent(total, total) if total else "–"])
    return [table([label, "Children", "%"], body, _w(width, 70, 15, 15), "LRR", total=True)]


def _looked_after(d: Dashboard, width: float) -> list[Flowable]:
    items = heading("Children looked after")
    items.append(para(f"{d.looked_after:,} children were looked after on {uk_date(d.as_of)} "
                      "(short breaks included), by legal status:"))
    items += _counts(d.legal_status, d.looked_after, width, "Legal status", "All")
    return items


def _second_reviews(d: Dashboard, width: float) -> list[Flowable]:
    items = heading("Permanence plan by the second review")
    text = (f"Of {count(d.second_reviews, 'child', 'children')} whose 2nd review was held "
            f"({second_review_words(d)}), {d.with_plan:,} "
            f"({percent(d.with_plan, d.second_reviews)}) had a permanence plan by then and "
            f"{d.without_plan_count:,} ({percent(d.without_plan_count, d.second_reviews)}) "
            "did not.")
    items.append(para(text + " The children without a plan, by where they stand now:"))
    rows = [[g.title, f"{len(g.children):,}", percent(len(g.children), d.without_plan_count)]
            for g in d.without_plan]
    rows.append(["Without a plan by the 2nd review", f"{d.without_plan_count:,}",
                 percent(d.without_plan_count, d.without_plan_count)])
    items.append(table(["Reason group", "Children", "%"], rows, _w(width, 70, 15, 15),
                       "LRR", total=True))
    if d.without_plan_count:  # issue 10 item 2: late plans count, but need no action
        items.append(para(
            f"Of the {d.without_plan_count:,} without a plan by the 2nd review, "
            f"{d.still_no_plan_count:,} still have no plan and {d.agreed_late_count:,} had a "
            "plan agreed late (after the 2nd review): still counted here, no longer flagged."))
    return items


def second_review_words(d: Dashboard) -> str:
    """Which children the 2nd-review figures count (one denominator, issue 8 item 8)."""
    return (f"looked after on {uk_date(d.as_of)}, or left care from {uk_date(d.year_from)} "
            f"to {uk_date(d.as_of)}; short breaks only excluded")


def _monitoring(d: Dashboard, width: float) -> list[Flowable]:
    items = heading("Monitoring outcomes")
    total = sum(c.value for c in d.monitoring)
    items.append(para(f"Children monitored from {uk_date(d.year_from)}, each counted once "
                      "under their latest outcome:"))
    body = [[c.label, f"{c.value:,}"] for c in d.monitoring]
    body.append(["Children monitored", f"{total:,}"])
    items.append(table(["Outcome", "Number"], body, _w(width, 80, 20), "LR", total=True))
    return items


def _left_care(d: Dashboard, width: float) -> list[Flowable]:
    items = heading("Permanence outcomes on leaving care")
    ended = count(d.left_care_total, "period", "periods")
    items.append(para(f"{ended} of care ended from {uk_date(d.year_from)} to "
                      f"{uk_date(d.as_of)}, by the reason each ended (SSDA903 REC):"))
    items += _counts(d.left_care, d.left_care_total, width, "Outcome", "All who left care")
    items.append(para(short_breaks_words(d), NOTE))
    return items


def short_breaks_words(d: Dashboard) -> str:
    """Short breaks ended, shown apart: never children leaving care (SSDA903 guidance)."""
    breaks = count(d.short_breaks_ended, "short break", "short breaks")
    return (f"Not counted above: {breaks} (V3/V4) of "
            f"{count(d.short_break_children, 'child', 'children')} ended in the period. "
            "A short break ending is not a child leaving care.")


def _reviews(d: Dashboard, width: float) -> list[Flowable]:
    p = d.participation
    items = heading("Reviews in timescale and participation")
    rows = [
        ["Reviews held", f"{d.reviews_held:,}", ""],
        ["Held within the statutory timescale", f"{d.reviews_in_timescale:,}",
         percent(d.reviews_in_timescale, d.reviews_held)],
        ["Reviews of children aged 4 and over with a participation code", f"{p.reviews:,}", ""],
        ["Child attended (PN1–PN4)", f"{p.attended:,}", percent(p.attended, p.reviews)],
        ["Child participated (PN1–PN6)", f"{p.participated:,}",
         percent(p.participated, p.reviews)],
    ]
    items.append(table([f"{uk_date(d.year_from)} to {uk_date(d.as_of)}", "Reviews", "%"], rows,
                       _w(width, 70, 15, 15), "LRR"))
    return items


def month_table(month_ends: Sequence[MonthEnd]) -> tuple[list[int], list[list[str]]]:
    """The seed report's layout: a row per calendar month, a column per year."""
    years = sorted({m.day.year for m in month_ends})
    counts = {(m.day.year, m.day.month): m.looked_after for m in month_ends}
    rows = [[name] + [f"{counts[(y, n)]:,}" if (y, n) in counts else "" for y in years]
            for n, name in enumerate(MONTHS, start=1)]
    return years, rows


def _month_ends(d: Dashboard, width: float) -> list[Flowable]:
    items = heading("Children looked after at each month end")
    if not d.month_ends:
        return items + [para("No month ends before the as-of date.")]
    years, rows = month_table(d.month_ends)
    items.append(table(["Month", *map(str, years)], rows,
                       [90] + [60] * len(years), "L" + "R" * len(years)))
    items.append(gap(3))
    labels = [f"{m.day:%b %y}" for m in d.month_ends]
    items.append(bar_chart(labels, [[m.looked_after for m in d.month_ends]], width, 190,
                           "Children looked after at each month end"))
    return items


def _children(groups: Sequence[ChildGroup], width: float, since: str, empty: str) -> list[Flowable]:
    items: list[Flowable] = []
    for group in groups:
        if not group.children:
            continue
        items += heading(f"{group.title}: {len(group.children):,}", SUBHEADING)
        rows = [[c.child_id, c.name, c.legal_status, c.iro, uk_date(c.since), c.note]
                for c in group.children]
        items.append(table(["Child ID", "Name", "Legal status", "IRO", since, "Why listed"],
                           rows, _w(width, *CHILD_WIDTHS)))
    return items or [para(empty)]


def _drift(d: Dashboard, width: float) -> list[Flowable]:
    items = heading("Drift")
    rows = [[g.title, f"{len(g.children):,}"] for g in d.drift]
    rows.append(["Children with at least one flag", f"{d.drift_children:,}"])
    items.append(table(["Flag", "Looked-after children"], rows, _w(width, 75, 25), "LR",
                       total=True))
    items.append(para("Interim care order beyond 26 weeks: the 26 weeks begin with the day "
                      "the order began, so they have passed 182 days after it (Children Act "
                      "1989 s32(1)(a) as amended by the Children and Families Act 2014 s14). "
                      "Adoption scorecard A1: adoption decided or a placement order made, not "
                      "yet placed for adoption, more than the threshold of days since entering "
                      "care; A2: placement order made, neither matched nor placed, more than "
                      "the threshold of days since the order.", NOTE))
    items += _children(d.drift, width, "Since", "No looked-after child has a drift flag.")
    return items


def _without_plan_lists(d: Dashboard, width: float) -> list[Flowable]:
    items = heading("Children without a permanence plan by the 2nd review")
    return items + _children(d.without_plan, width, "2nd review",
                             "Every child who has had a 2nd review had a plan by then.")


def render(data: CohortData, meta: ReportMeta) -> bytes:
    d = data.dashboard
    width = frame_width()
    story = title(TITLE, f"For the Head of Corporate Parenting. Reporting period "
                         f"{uk_date(d.year_from)} to {uk_date(d.as_of)}.")
    for section in (_looked_after, _second_reviews, _monitoring, _left_care, _reviews,
                    _month_ends, _drift, _without_plan_lists):
        story += section(d, width)
    return build_pdf(TITLE, meta, story)
