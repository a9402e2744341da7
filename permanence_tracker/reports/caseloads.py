"""Report ``caseloads``: the IRO caseload summary, then a section per IRO.

Page 1 is every IRO with looked-after children, FTE, children per FTE against the IRO
Handbook band (para 7.15, 50-70 per full-time IRO), child protection cases for dual-role IROs,
reviews overdue and due in the next 8 weeks, with the service totals and average. Each IRO's
section (from a new page, so it can be handed to them) lists their children with the next
LAC review due, how overdue it is, the plan and where the child stands against "a permanence
plan by the 2nd review". Every figure is read from ``services.permanence.caseloads.Caseloads`` and
``services.reviews.due.ReviewsDue``; nothing is counted here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from reportlab.platypus import PageBreak

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.reports.base import ReportMeta, build_pdf, frame_width
from permanence_tracker.reports.tables import RowTable
from permanence_tracker.reports.text import NOTE, count, heading, para, title

if TYPE_CHECKING:
    from permanence_tracker.services.permanence.caseloads import IroCaseload
    from permanence_tracker.services.permanence.rows import ChildRow
    from permanence_tracker.services.reporting.inputs import CaseloadsData
    from permanence_tracker.services.reviews.due import DueReview

TITLE = "IRO caseloads"
NO_IRO = "No IRO allocated"
DRIFT_CODES = ("ICO", "A1", "A2")
# domain.permanence.PlanStatus values, shortened to fit a list column.
SHORT_STATUS = {"2nd review due within 28 days, no plan": "due soon, no plan"}


def _n(value: float | None) -> str:
    """FTE and per-FTE figures as the services round them (2 dp), without trailing zeros;
    "not set" for an IRO whose FTE is not set (created by a spreadsheet import)."""
    if value is None or value <= 0:
        return "not set"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def band_text(band: str, low: int, high: int) -> str:
    return "FTE not set" if band == "unset" else f"{band} {low}–{high}"


def summary_rows(data: CaseloadsData) -> tuple[list[list[str]], list[bool]]:
    loads = data.caseloads
    rows = [[r.name, _n(r.fte), "yes" if r.dual_role else "", f"{r.children:,}", _n(r.per_fte),
             band_text(r.band, loads.low, loads.high), f"{r.cp_cases:,}", f"{r.total:,}",
             _n(r.total_per_fte), f"{r.overdue:,}", f"{r.due_soon:,}"] for r in loads.rows]
    rows.append(["Service (all IROs)", _n(loads.fte), "", f"{loads.children:,}",
                 _n(loads.average_per_fte), band_text(loads.average_band, loads.low, loads.high),
                 f"{loads.cp_cases:,}", f"{loads.total:,}", _n(loads.total_per_fte),
                 f"{loads.overdue:,}", f"{loads.due_soon:,}"])
    return rows, [False] * (len(rows) - 1) + [True]


SUMMARY_HEADER = ["IRO", "FTE", "Dual\nrole", "Children", "Per\nFTE", "Band", "CP\ncases",
                  "Total", "Total\nper FTE", "Overdue", "Due in\n8 weeks"]
SUMMARY_ALIGN = "LRLRRLRRRRR"
CHILD_HEADER = ["Child ID", "Name", "Legal\nstatus", "Next review\nno. · due", "Days",
                "Plan", "Permanence by\n2nd review", "Drift"]
CHILD_ALIGN = "LLLLRLLL"
DAYS = 4  # the column drawn bold when the review is overdue


def _days(review: DueReview | None) -> str:
    if review is None:
        return ""
    if review.overdue:
        return f"{review.days_overdue} overdue"
    return f"{review.days_left} left"


def child_rows(children: Iterable[ChildRow], due_by_child: Mapping[str, DueReview]
               ) -> tuple[list[list[str]], list[bool]]:
    """One line per child, the next review soonest (most overdue) first, then by child ID."""
    def order(row: ChildRow) -> tuple[bool, int, str]:
        review = due_by_child.get(row.child_id)
        return (review is None, review.days_left if review else 0, row.child_id)

    lines: list[list[str]] = []
    marked: list[bool] = []
    for row in sorted(children, key=order):
        review = due_by_child.get(row.child_id)
        drift = ", ".join(f.code for f in row.flags if f.code in DRIFT_CODES)
        status = "short breaks (reg 48)" if row.short_breaks else \
            SHORT_STATUS.get(row.plan_status, row.plan_status)
        lines.append([row.child_id, row.name, row.legal_status,
                      f"{review.number} · {uk_date(review.due)}" if review else "",
                      _days(review), row.plan, status, drift])
        marked.append(bool(review and review.overdue))
    return lines, marked


def _section_text(row: IroCaseload, low: int, high: int) -> str:
    text = (f"{count(row.children, 'looked-after child', 'looked-after children')} · "
            + (f"{_n(row.fte)} FTE · {_n(row.per_fte)} per FTE ({row.band} the {low}–{high} band)"
               if row.band != "unset" else "FTE not set: no per-FTE figure or band")
            + f" · {row.overdue:,} overdue · {row.due_soon:,} due in the next 8 weeks")
    if row.dual_role:
        text += (f" · dual role: {row.cp_cases:,} child protection cases, total {row.total:,}"
                 f" ({_n(row.total_per_fte)} per FTE)")
    if not row.listed:
        text += " · not in the IRO list (FTE taken as 1)"
    return text


def render(data: CaseloadsData, meta: ReportMeta) -> bytes:
    width = frame_width()
    loads = data.caseloads
    story = title(TITLE, f"Looked-after children allocated to each IRO on {uk_date(meta.as_of)}; "
                         f"IRO Handbook band {loads.low}–{loads.high} children per full-time IRO")
    rows, marked = summary_rows(data)
    story.append(RowTable(SUMMARY_HEADER, rows, _widths(width, SUMMARY_WIDTHS), SUMMARY_ALIGN,
                          marked))
    story.append(para(
        f"{count(loads.unallocated, 'looked-after child', 'looked-after children')} with no "
        "IRO named. Band and per-FTE figures count looked-after children only; 'Total' adds the "
        "child protection cases dual-role IROs chair. Overdue and due counts are next LAC "
        "reviews (Care Planning Regs 2010 reg 33); short breaks (reg 48) are not counted. In "
        "the lists, 'due soon, no plan' means the 2nd review is due within 28 days and no "
        "permanence plan is agreed yet; drift flags are ICO (interim care order over 26 weeks) "
        "and the adoption scorecard's A1 and A2 over their thresholds.", NOTE))
    by_iro: dict[str, list[ChildRow]] = {}
    for child in data.children:
        by_iro.setdefault(child.iro, []).append(child)
    due_by_child = {r.child_id: r for r in data.due.reviews}
    widths = _widths(width, CHILD_WIDTHS)
    sections = [(r.name, _section_text(r, loads.low, loads.high)) for r in loads.rows]
    if loads.unallocated:
        none = count(loads.unallocated, "looked-after child", "looked-after children")
        sections.append(("", f"{none} with no IRO named on their record"))
    for name, text in sections:
        if data.iro and name != data.iro:
            continue
        story.append(PageBreak())
        story.extend(heading(name or NO_IRO))
        story.append(para(text))
        lines, bold = child_rows(by_iro.get(name, ()), due_by_child)
        if lines:
            story.append(RowTable(CHILD_HEADER, lines, widths, CHILD_ALIGN, bold, (DAYS,)))
        else:
            story.append(para("No looked-after children allocated."))
    return build_pdf(TITLE, meta, story)


# Column widths in points on the 510-point frame (scaled if the frame differs).
SUMMARY_WIDTHS = (104, 30, 30, 44, 36, 66, 36, 36, 42, 44, 42)
CHILD_WIDTHS = (56, 70, 34, 70, 62, 86, 98, 34)


def _widths(total: float, parts: tuple[int, ...]) -> list[float]:
    scale = total / sum(parts)
    return [p * scale for p in parts]
