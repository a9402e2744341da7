"""Table models for the Panels page: meetings (:class:`PanelRow`) and agenda items
(:class:`ItemRow`), frozen rows from :mod:`services.panels.commands`.

Views sort through a :class:`RowsProxy` by :data:`SORT_ROLE`: dates as day numbers (a Python
``date`` does not sort inside Qt), counts as numbers, text case-folded. A missed deadline is
marked with words and a warning icon, never colour alone, and its tooltip gives the rule and
the dates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QApplication, QStyle

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.panels import DECIDED_LATE, DECISION_MISSED
from permanence_tracker.gui.models.roles import ROW_ROLE, SORT_ROLE
from permanence_tracker.services.panels.commands import ItemRow, PanelRow

Index = QModelIndex | QPersistentModelIndex
NOT_YET = 10**7  # sorts after every real day number (date.max is 3,652,059)




def day_number(day: date | None) -> int:
    return day.toordinal() if day else NOT_YET


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None  # default: the text, case-folded
    tip: Callable[[Any], str | None] | None = None
    warn: Callable[[Any], bool] | None = None  # show the warning icon
    header_tip: str = ""


# Shown beside the warning icon (DecorationRole), so a missed deadline reads in words too
STATE_WORDS = {DECISION_MISSED: "Decision overdue", DECIDED_LATE: "Decided late"}
QUORATE = {True: "Yes", False: "No", None: "Not recorded"}


def state_text(row: ItemRow) -> str:
    return STATE_WORDS.get(row.status.state, row.status.state.capitalize())


PANEL_COLUMNS: tuple[Column, ...] = (
    Column("Date", lambda r: uk_date(r.panel.date), lambda r: day_number(r.panel.date)),
    Column("Type", lambda r: r.panel.type),
    Column("Chair", lambda r: r.panel.chair),
    Column("Quorate", lambda r: QUORATE[r.panel.quorate],
           header_tip="Recorded once the panel has met; a panel that is not quorate makes "
                      "no recommendation"),
    Column("Items", lambda r: str(r.items), lambda r: r.items),
    Column("To record", lambda r: str(r.to_record), lambda r: r.to_record,
           header_tip="Items whose recommendation is not recorded yet"),
    Column("Decisions awaited", lambda r: str(r.outstanding), lambda r: r.outstanding,
           header_tip="Recommendations awaiting the agency decision maker"),
    Column("Deadlines missed", lambda r: f"{r.missed} missed" if r.missed else "0",
           lambda r: r.missed, warn=lambda r: r.missed > 0,
           tip=lambda r: (f"{r.missed} of this panel's items missed the ADM's 7-working-day "
                          "deadline (decided late or still awaited); see the items")
           if r.missed else None),
    Column("Venue", lambda r: r.panel.venue),
)

ITEM_COLUMNS: tuple[Column, ...] = (
    Column("No.", lambda r: str(r.number), lambda r: r.number,
           header_tip="Position on the panel's agenda"),
    Column("Panel", lambda r: uk_date(r.panel.date), lambda r: day_number(r.panel.date) * 100
           + r.number, tip=lambda r: f"{r.panel.type} panel of {uk_date(r.panel.date)}"),
    Column("Business", lambda r: r.item.business),
    Column("Child", lambda r: f"{r.item.child_id} {r.child_name}".strip()
           if r.item.child_id else "", tip=lambda r: "Enter or double-click opens the "
           "child's record" if r.item.child_id else None),
    Column("Carers", lambda r: r.item.carers, tip=lambda r: f"Terms: {r.item.terms}"
           if r.item.terms else None),
    Column("State", state_text, tip=lambda r: r.status.explanation, warn=lambda r: r.missed),
    Column("Decision due by", lambda r: uk_date(r.deadline), lambda r: day_number(r.deadline),
           tip=lambda r: r.status.explanation,
           header_tip="7 working days after the ADM received the minutes (Fostering NMS 14; "
                      "Adoption NMS 17)"),
    Column("Recommendation", lambda r: r.item.recommendation or "Not recorded",
           tip=lambda r: r.item.reasons or None),
    Column("ADM decision", lambda r: r.item.adm_decision,
           tip=lambda r: r.item.adm_notes or None),
    Column("Decided", lambda r: uk_date(r.item.adm_decision_date),
           lambda r: day_number(r.item.adm_decision_date)),
)
PANEL_DATE_COLUMN, STATE_COLUMN, DUE_COLUMN = 1, 5, 6


class FrozenRowsModel(QAbstractTableModel):
    """Frozen rows under fixed columns; a :class:`RowsProxy` sorts and filters them."""

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
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort(row) if column.sort else column.text(row).casefold()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole and column.tip is not None:
            return column.tip(row)
        if role == Qt.ItemDataRole.DecorationRole and column.warn and column.warn(row):
            return QApplication.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None


class RowsProxy(QSortFilterProxyModel):
    """Sorts by the raw sort role and keeps the rows ``accept(row)`` approves."""

    def __init__(self, accept: Callable[[Any], bool] | None = None, parent=None) -> None:
        super().__init__(parent)
        self._accept = accept
        self.setSortRole(SORT_ROLE)

    def set_accept(self, accept: Callable[[Any], bool] | None) -> None:
        self.beginFilterChange()
        self._accept = accept
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if self._accept is None or not isinstance(model, FrozenRowsModel):
            return True
        return self._accept(model.rows()[source_row])


def panels_model(parent=None) -> FrozenRowsModel:
    return FrozenRowsModel(PANEL_COLUMNS, parent)


def items_model(parent=None) -> FrozenRowsModel:
    return FrozenRowsModel(ITEM_COLUMNS, parent)


def is_upcoming(row: PanelRow) -> bool:
    return row.upcoming
