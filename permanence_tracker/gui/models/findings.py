"""Table model over the frozen findings of a 903 check (one row per DfE rule finding)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from permanence_tracker.gui.models.roles import ROW_ROLE
from permanence_tracker.services.exports.ssda903.check import Finding

HEADERS = ("Child", "Rule", "What the rule says", "Table", "Row", "Columns")


class FindingsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: tuple[Finding, ...] = ()

    def set_findings(self, findings: tuple[Finding, ...]) -> None:
        self.beginResetModel()
        self._rows = tuple(findings)
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return HEADERS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        f = self._rows[index.row()]
        if role == ROW_ROLE:
            return f
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Rule {f.rule}: {f.message}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        table = f"{f.table} (previous year)" if f.previous_year else f.table
        return (f.child, f.rule, f.message, table, f.row, ", ".join(f.columns))[index.column()]
