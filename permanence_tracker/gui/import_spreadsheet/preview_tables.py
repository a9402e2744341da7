"""The preview's tables as frozen rows under column specs (:class:`RowsTableModel`): every row's
outcome, the problems, the conflicts with the tracker (the decision is a combo over the last
column) and the name + date-of-birth matches (a checkbox over the last column)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.pseudonym import Personal
from permanence_tracker.gui.import_spreadsheet.state import OUTCOME_WORDS
from permanence_tracker.gui.models.rows_table import Column, tint
from permanence_tracker.services.imports.spreadsheet.fields import FIELDS
from permanence_tracker.services.imports.spreadsheet.model import (
    Conflict,
    NameMatch,
    Preview,
    RowProblem,
)
from permanence_tracker.text.spreadsheet_report import conflict_reason

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class OutcomeRow:
    """One sheet row in the preview: what the import would do with it."""

    row: int
    child_id: str
    name: str
    outcome: str
    changes: str


def field_label(name: str) -> str:
    field = FIELDS.get(name)
    return field.label if field is not None else name.replace("_", " ")


def outcome_rows(preview: Preview) -> list[OutcomeRow]:
    names = {f.row: " ".join(p for p in (f.forename, f.surname) if p) for f in preview.facts}
    return [OutcomeRow(o.row, o.child_id, names.get(o.row, ""), o.outcome,
                       ", ".join(field_label(c) for c in o.changes))
            for o in preview.outcomes]


def _number(title: str, get) -> Column:
    return Column(title, lambda r: str(get(r)), sort=get, align=RIGHT)


OUTCOME_COLUMNS: tuple[Column[OutcomeRow], ...] = (
    _number("Row", lambda r: r.row),
    Column("Child ID", lambda r: r.child_id),
    Column("Name", lambda r: r.name, personal=Personal.CHILD_NAME),
    Column("Outcome", lambda r: OUTCOME_WORDS.get(r.outcome, r.outcome),
           background=lambda r: tint(True) if r.outcome == "rejected" else None),
    Column("Changes", lambda r: r.changes),
)

PROBLEM_COLUMNS: tuple[Column[RowProblem], ...] = (
    Column("Sheet", lambda p: p.sheet),
    _number("Row", lambda p: p.row),
    Column("Column", lambda p: p.column),
    Column("Value", lambda p: p.value, personal=Personal.FREE_TEXT),  # any field: a name too
    Column("What to do", lambda p: p.message, tip=lambda p: p.message,
           personal=Personal.FREE_TEXT),  # it may quote the value
)

CONFLICT_COLUMNS: tuple[Column[Conflict], ...] = (
    _number("Row", lambda c: c.row),
    Column("Child ID", lambda c: c.child_id),
    Column("Field", lambda c: field_label(c.field)),
    # Either value may be a name or a date of birth: left out of a pseudonymised export.
    Column("Tracker holds", lambda c: c.tracker_value, personal=Personal.FREE_TEXT),
    Column("Sheet says", lambda c: c.sheet_value, personal=Personal.FREE_TEXT),
    Column("Why", conflict_reason, tip=conflict_reason),
    Column("Decision", lambda c: "", header_tip="Keep the tracker's value, take the "
           "sheet's, or skip the row"),
)

MATCH_COLUMNS: tuple[Column[NameMatch], ...] = (
    _number("Row", lambda m: m.row),
    Column("Sheet's child ID", lambda m: m.sheet_child_id),
    Column("Name", lambda m: m.name, personal=Personal.CHILD_NAME),
    Column("Date of birth", lambda m: uk_date(m.dob), sort=lambda m: m.dob,
           personal=Personal.DATE_OF_BIRTH),
    Column("Tracker's child", lambda m: m.child_id),
    Column("Same child?", lambda m: "", header_tip="Tick when the row is this child: only "
           "then is the row written to the child's record"),
)
