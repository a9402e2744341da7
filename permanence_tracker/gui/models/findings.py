"""Table model over the frozen findings of a 903 check (one row per DfE rule finding)."""

from __future__ import annotations

from permanence_tracker.gui.models.rows_table import Column, RowsTableModel
from permanence_tracker.services.exports.ssda903.check import Finding


def _rule(f: Finding) -> str:
    return f"Rule {f.rule}: {f.message}"


COLUMNS: tuple[Column[Finding], ...] = (
    Column("Child", lambda f: f.child, tip=_rule),
    Column("Rule", lambda f: f.rule, tip=_rule),
    Column("What the rule says", lambda f: f.message, tip=_rule),
    Column("Table", lambda f: f"{f.table} (previous year)" if f.previous_year else f.table,
           tip=_rule),
    Column("Row", lambda f: f.row, lambda f: f.row, tip=_rule),  # a number: sorts as one
    Column("Columns", lambda f: ", ".join(f.columns), tip=_rule),
)


class FindingsModel(RowsTableModel[Finding]):
    def __init__(self, parent=None) -> None:
        super().__init__(COLUMNS, parent)
