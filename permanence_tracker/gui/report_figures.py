"""A report's figures as tables for a workbook: one sheet per table, from the report's input.

:func:`figure_sheets` reads the same frozen :class:`ReportInput` the PDF is laid out from (so the
figures in the workbook are the figures on paper) and gives its tables as data: counts as
numbers, dates as dates, words as words, not the PDF's layout. The columns are the app's own
table columns (:class:`Column` specs of the pages and the record window), so a figure reads the
same in the app, in its table's export and here. Outcome sheets are forms to sign, with no
table of figures: :data:`NO_FIGURES` says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.gui.child_record import columns as record
from permanence_tracker.gui.export_table import column_value
from permanence_tracker.gui.models import grouped_children, iros
from permanence_tracker.gui.models.children import COLUMNS as CHILD_COLUMNS
from permanence_tracker.gui.models.rows_table import Column
from permanence_tracker.gui.panels.model import ITEM_COLUMNS
from permanence_tracker.services.exports.excel import SheetData
from permanence_tracker.services.panels import PanelDetail
from permanence_tracker.services.permanence.dashboard import ChildGroup, Count, Dashboard
from permanence_tracker.services.records.child_record import ChildRecord
from permanence_tracker.services.reporting.inputs import (
    CaseloadsData,
    CohortData,
    PanelFiguresData,
    ReportInput,
)

# Reports with no table of figures, and why (the dialog says it and disables the button)
NO_FIGURES = {"outcome-sheet": "Outcome sheets are forms to sign, one per agenda item: they "
                               "hold no table of figures. Use the Panel summary for the agenda "
                               "as a table."}


def rows_sheet(title: str, columns: Sequence[Column[Any]], rows: Iterable[Any]) -> SheetData:
    """``rows`` under the app's ``columns``: each cell its real date (a date column's
    ``raw_date``) or number, else its words."""
    return SheetData(title, tuple(c.title for c in columns),
                     tuple(tuple(column_value(c, r) for c in columns) for r in rows),
                     tuple(c.personal for c in columns))


def _counts(title: str, label: str, counts: Sequence[Count]) -> SheetData:
    return SheetData(title, (label, "Children"), tuple((c.label, c.value) for c in counts))


def _groups(title: str, groups: Sequence[ChildGroup], since: str) -> SheetData:
    columns = grouped_children.COLUMNS
    headers = ("Group", *(since if c.title == "Since" else c.title for c in columns))
    return SheetData(title, headers, tuple(
        (g.title, *(column_value(c, child) for c in columns))
        for g in groups for child in g.children), (None, *(c.personal for c in columns)))


def _cohort(d: Dashboard) -> tuple[SheetData, ...]:
    p = d.participation
    key = SheetData("Key figures", ("Figure", "Value"), (
        ("Reporting year from", d.year_from), ("As of", d.as_of),
        ("Looked after", d.looked_after), ("Held a 2nd review", d.second_reviews),
        ("Permanence plan by the 2nd review", d.with_plan),
        ("Reviews held in the year", d.reviews_held),
        ("Reviews held in timescale", d.reviews_in_timescale),
        ("Reviews with a participation code", p.reviews), ("Attended", p.attended),
        ("Participated", p.participated),
        ("Short-break periods ended", d.short_breaks_ended),
        ("Children on short breaks", d.short_break_children)))
    months = SheetData("Looked after at month ends", ("Month end", "Looked after"),
                       tuple((m.day, m.looked_after) for m in d.month_ends))
    return (key, _counts("By legal status", "Legal status", d.legal_status),
            _counts("Monitoring outcomes", "Outcome", d.monitoring),
            _counts("Left care", "Outcome", d.left_care), months,
            _groups("Without a plan", d.without_plan, "2nd review held"),
            _groups("Drift", d.drift, "Since"),
            rows_sheet("IRO caseloads", iros.COLUMNS, d.caseloads.rows))


def _caseloads(data: CaseloadsData) -> tuple[SheetData, ...]:
    children = [c for c in data.children if not data.iro or c.iro == data.iro]
    return (rows_sheet("IRO caseloads", iros.COLUMNS, data.caseloads.rows),
            rows_sheet("Children", CHILD_COLUMNS, children))


def _panel_figures(data: PanelFiguresData) -> tuple[SheetData, ...]:
    headers = ("Period", "From", "To", "Panels", "Agenda items",
               "Plans for permanent fostering", "Matches for permanent fostering",
               "Adoption matches")
    return (SheetData("Panel figures", headers, tuple(
        (f.label, f.start, f.end, f.panels, f.items, f.plans_permanent_fostering,
         f.matches_permanent_fostering, f.adoption_matches) for f in data.figures)),)


def figure_sheets(loaded: ReportInput) -> tuple[SheetData, ...]:
    """The report's tables, one sheet each (none for a report in :data:`NO_FIGURES`)."""
    data = loaded.data
    name = loaded.request.name
    if name in NO_FIGURES:
        return ()
    if isinstance(data, CaseloadsData):
        return _caseloads(data)
    if isinstance(data, CohortData):
        return _cohort(data.dashboard)
    if isinstance(data, PanelFiguresData):
        return _panel_figures(data)
    if isinstance(data, PanelDetail):  # the panel summary: its agenda
        return (rows_sheet(f"Panel {uk_date(data.panel.panel.date)}", ITEM_COLUMNS,
                           data.items),)
    if isinstance(data, ChildRecord):  # the review preparation sheet: the record's tables
        # Pseudonymised, the sheets are named by the child's ID, never their name or initials
        named = data.child.name if not loaded.request.pseudonymise else ""
        who = named or data.child.child_id
        return tuple(rows_sheet(f"{who} {what}", columns, rows) for what, columns, rows in (
            ("reviews", record.REVIEWS, data.reviews), ("plans", record.PLANS, data.plans),
            ("periods", record.PERIODS, data.periods),
            ("episodes", record.EPISODES, data.episodes),
            ("outcomes", record.OUTCOMES, data.outcomes),
            ("adoption", record.ADOPTION, data.adoption),
            ("missing", record.MISSING, data.missing)))
    return ()
