"""A small table model over frozen rows: display text, raw sort values, tooltips.

Each tab of the record window is one :class:`RowsModel` with its own columns. It sorts in the
model by the column's raw value (dates as dates, not as dd/mm/yyyy text).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from permanence_tracker.gui.models.roles import ROW_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex


def by_date(day: date | None, missing: date = date.max) -> date:
    """Sort key for an optional date; a missing one sorts last (open, not yet)."""
    return day if day is not None else missing


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None  # defaults to the text, case-folded
    tip: Callable[[Any], str | None] | None = None
    header_tip: str = ""


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: tuple[Any, ...] = ()

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> tuple[Any, ...]:
        return self._rows

    def _key(self, column: int) -> Callable[[Any], Any]:
        col = self.columns[column]
        return col.sort or (lambda row: col.text(row).casefold())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        positions = {id(row): n for n, row in enumerate(self._rows)}
        self._rows = tuple(sorted(self._rows, key=self._key(column),
                                  reverse=order == Qt.SortOrder.DescendingOrder))
        moved = {positions[id(row)]: n for n, row in enumerate(self._rows)}
        self.changePersistentIndexList(old, [self.index(moved[i.row()], i.column())
                                             for i in old])
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if role == Qt.ItemDataRole.ToolTipRole and self.columns[section].header_tip:
            return self.columns[section].header_tip
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(row)
        if role == SORT_ROLE:
            return self._key(index.column())(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and column.tip is not None:
            return column.tip(row)
        return None
