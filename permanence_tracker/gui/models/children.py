"""The children table model: one frozen :class:`ChildRow` per row, flags explained in tooltips.

Highlighting never relies on colour alone: a flagged row also carries words in the Flags
column and a marker in the ID column; the tooltip says why, with the dates and the rule.
Warnings (records that disagree, such as a review's "plan in place" answer and the plan
records, or an episode open past the 18th birthday) show with ⚠ in the same column.
A child whose plan was agreed after the 2nd review is no flag (it still counts in the statutory
measure): the Flags and 2nd review status columns say "plan agreed late", in words, untinted.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.pseudonym import Personal
from permanence_tracker.gui.models.rows_table import Column, RowsTableModel, tint
from permanence_tracker.services.permanence.rows import ChildRow


def _days(row: ChildRow) -> str:
    if row.days_left is None:
        return ""
    return f"{-row.days_left} overdue" if row.days_left < 0 else str(row.days_left)


def _marked(row: ChildRow) -> str:
    """The ID with a marker that is not colour: ⚑ flagged, ⚠ a warning only."""
    if row.flags or row.warnings:
        return f"{'⚑' if row.flags else '⚠'} {row.child_id}"
    return row.child_id


def _spoken(row: ChildRow) -> str:
    text = row.child_id + (", flagged" if row.flags else "")
    return f"{text}, with a warning" if row.warnings else text


def _why(row: ChildRow) -> str | None:
    """Each flag and warning with its explanation (the dates and the rule)."""
    late = [f"{row.plan_late_words}: counted in the measure, not flagged"] \
        if row.plan_late_on else []
    if not (row.flags or row.warnings or late):
        return None
    return "\n\n".join([f"{f.label}: {f.explanation}" for f in row.flags] + late
                        + [f"⚠ {w.label}: {w.explanation}" for w in row.warnings])


def _flag_words(row: ChildRow) -> str:
    late = [f"Plan agreed late {uk_date(row.plan_late_on)}"] if row.plan_late_on else []
    return "; ".join([f.label for f in row.flags] + late + [f"⚠ {w.label}" for w in row.warnings])


def _plan_status(row: ChildRow) -> str:
    if row.plan_late_on:
        return f"{row.plan_status}: plan agreed late {uk_date(row.plan_late_on)}"
    return f"{row.plan_status}: still no plan" if row.still_no_plan else row.plan_status


def _legal_name(row: ChildRow) -> str | None:
    if not row.legal_status:
        return None
    return row.legal_status_name or row.legal_status


COLUMNS: tuple[Column[ChildRow], ...] = (
    Column("Child ID", lambda r: r.child_id, lambda r: r.child_id, tip=_why, display=_marked,
           accessible=_spoken),
    Column("Name", lambda r: r.name, lambda r: r.name.casefold(), personal=Personal.CHILD_NAME),
    Column("Age", lambda r: str(r.age), lambda r: r.age),
    Column("Legal status", lambda r: r.legal_status, lambda r: r.legal_status, tip=_legal_name),
    Column("Placement", lambda r: r.placement, lambda r: r.placement),
    Column("IRO", lambda r: r.iro, lambda r: r.iro.casefold()),
    Column("Start of care", lambda r: uk_date(r.start_of_care),
           lambda r: r.start_of_care or date.min),
    Column("Last review", lambda r: uk_date(r.last_review), lambda r: r.last_review or date.min),
    Column("Next review due", lambda r: uk_date(r.next_review_due),
           lambda r: r.next_review_due or date.max),
    Column("Days left", _days, lambda r: r.days_left if r.days_left is not None else 10**6,
           header_tip="Days until the next review is due; negative when overdue"),
    Column("Permanence plan", lambda r: r.plan, lambda r: r.plan),
    Column("2nd review status", _plan_status, _plan_status, tip=_why),
    Column("Flags", _flag_words,
           lambda r: (-len(r.flags), ";".join(sorted(r.flag_codes)), -len(r.warnings),
                      r.plan_late_on is None),
           tip=_why,
           header_tip="Flags, then ⚠ warnings: records that disagree or need closing "
                      "(hover for why)"),
)
FLAGS_COLUMN = len(COLUMNS) - 1
LEGAL_COLUMN = 3


class ChildrenModel(RowsTableModel[ChildRow]):
    """Sorts itself (see :class:`ChildrenProxy`); a flagged row is tinted across."""

    def __init__(self, parent=None) -> None:
        super().__init__(COLUMNS, parent)

    def cell(self, row: ChildRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.BackgroundRole:
            severe = "NO_PLAN" in row.flag_codes or "OVERDUE" in row.flag_codes
            return tint(severe) if row.flags else None
        return super().cell(row, column, role)
