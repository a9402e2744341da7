"""The one table model of the GUI: frozen rows under column specs, and the proxies over it.

A :class:`Column` says how one column reads a frozen row: its title, the words shown, the raw
sort key (dates as dates, counts as numbers), and optionally a tooltip, alignment, icon and
colours. :class:`RowsTableModel` holds a tuple of rows under a tuple of columns and answers
Qt's roles from them: the text (also the accessible text), :data:`SORT_ROLE` (the raw key),
:data:`ROW_ROLE` (the whole row), :data:`DATE_ROLE` (the real date a date cell shows, for an
export). A model whose cells depend on more than their row and
column (a marker or colour for the whole row, a figure held by the model) overrides
:meth:`RowsTableModel.cell`.

:class:`RowsProxy` filters the rows ``accepts(row)`` approves and sorts by the raw sort role;
:class:`SourceSortedProxy` only filters and asks its model to sort itself, in one Python sort
(far cheaper than a proxy's per-pair ``lessThan`` calls on 100,000 rows).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from permanence_tracker.domain.pseudonym import Personal
from permanence_tracker.gui.models.roles import DATE_ROLE, PERSONAL_ROLE, ROW_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
Role = Qt.ItemDataRole
ASCENDING = Qt.SortOrder.AscendingOrder
# The roles a Column answers with a function of the row, and that function's field
_HOOKS: dict[int, str] = {Role.ToolTipRole: "tip", Role.DecorationRole: "decoration",
                          Role.BackgroundRole: "background", Role.ForegroundRole: "foreground"}


@dataclass(frozen=True)
class Column(Generic[R]):
    """How one column reads a row. ``text`` is the plain words (printed and exported too);
    ``display`` and ``accessible`` replace them on screen and for a screen reader where they
    differ (a marker, a spoken "overdue")."""

    title: str
    text: Callable[[R], Any]
    sort: Callable[[R], Any] | None = None  # the raw sort key; default: the text, case-folded
    tip: Callable[[R], str | None] | None = None
    header_tip: str = ""
    align: Qt.AlignmentFlag | None = None
    decoration: Callable[[R], Any] | None = None
    background: Callable[[R], QColor | None] | None = None
    foreground: Callable[[R], QColor | None] | None = None
    display: Callable[[R], Any] | None = None
    accessible: Callable[[R], str] | None = None
    # The real date the cell shows, where the sort key is not one (a day number, a date and a
    # position): an export writes it as a date cell. Default: the sort key when it is a date.
    day: Callable[[R], date | None] | None = None
    # The personal data the column holds (a child's name, a date of birth, free text...):
    # a pseudonymised export reads it through PERSONAL_ROLE. None: no one's personal data.
    personal: Personal | None = None

    def key(self, row: R) -> Any:
        """The raw value this column sorts ``row`` by."""
        return self.sort(row) if self.sort is not None else self.text(row).casefold()

    def raw_date(self, row: R) -> date | None:
        """The date ``row`` shows in this column (None: not a date, or none shown)."""
        if self.day is not None:
            return self.day(row)
        key = self.key(row) if self.sort is not None else None
        return key if isinstance(key, date) and key not in (date.min, date.max) else None

    def shown(self, row: R) -> Any:
        return self.display(row) if self.display is not None else self.text(row)

    def data(self, row: R, role: int) -> Any:
        """What ``row`` shows in this column for ``role`` (None: nothing)."""
        if role == Role.DisplayRole:
            return self.shown(row)
        if role == Role.AccessibleTextRole:
            return self.accessible(row) if self.accessible is not None else self.shown(row)
        if role == SORT_ROLE:
            return self.key(row)
        if role == ROW_ROLE:
            return row
        if role == DATE_ROLE:
            return self.raw_date(row)
        if role == Role.TextAlignmentRole:
            return int(self.align) if self.align is not None else None
        name = _HOOKS.get(role)
        hook = getattr(self, name) if name else None
        return hook(row) if hook is not None else None


def tint(severe: bool) -> QColor:
    """A translucent background tint (red when severe, amber otherwise) that reads on light and
    dark palettes alike; a tinted cell also says why in words, never by colour alone."""
    dark = QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    colour = QColor("#c62828" if severe else "#ef8f00")
    colour.setAlpha(90 if dark else 45)
    return colour


class RowsTableModel(QAbstractTableModel, Generic[R]):
    """Frozen rows under fixed columns; ``ROW_ROLE`` gives a cell's whole row."""

    def __init__(self, columns: Sequence[Column[R]], parent=None) -> None:
        super().__init__(parent)
        self.columns: tuple[Column[R], ...] = tuple(columns)
        self._rows: tuple[R, ...] = ()

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rows(self) -> tuple[R, ...]:
        return self._rows

    def sort(self, column: int, order: Qt.SortOrder = ASCENDING) -> None:
        """Sort the rows by the column's raw value in one Python sort, keeping persistent
        indexes (the current cell, the selection) on their rows."""
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        positions = {id(row): n for n, row in enumerate(self._rows)}
        self._rows = tuple(sorted(self._rows, key=self.columns[column].key,
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
                   role: int = Role.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Role.DisplayRole:
            return self.columns[section].title
        if role == Role.ToolTipRole and self.columns[section].header_tip:
            return self.columns[section].header_tip
        if role == PERSONAL_ROLE:
            return self.columns[section].personal
        return None

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def cell(self, row: R, column: int, role: int) -> Any:
        """What ``row`` shows in ``column`` for ``role``; override for row-wide markers."""
        return self.columns[column].data(row, role)


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

    def accepts(self, row: Any) -> bool:
        """Whether ``row`` is shown; subclasses filter here rather than by index."""
        return self._accept is None or self._accept(row)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        # Reads the frozen row directly (no data() round trip): quick on 100,000 rows.
        model = self.sourceModel()
        if not isinstance(model, RowsTableModel):
            return True
        return bool(self.accepts(model.rows()[source_row]))


class SourceSortedProxy(RowsProxy):
    """Filters only: sorting is delegated to the source :class:`RowsTableModel`, so give each
    independently sorted view its own source model."""

    def __init__(self, accept: Callable[[Any], bool] | None = None, parent=None,
                 sort: tuple[int, Qt.SortOrder] = (0, ASCENDING)) -> None:
        super().__init__(accept, parent)
        self._sort = sort
        self.setDynamicSortFilter(False)

    def sort(self, column: int, order: Qt.SortOrder = ASCENDING) -> None:
        self._sort = (column, order)
        model = self.sourceModel()
        if isinstance(model, RowsTableModel):
            model.sort(column, order)

    def sortColumn(self) -> int:  # noqa: N802 - Qt API
        return self._sort[0]

    def sortOrder(self) -> Qt.SortOrder:  # noqa: N802 - Qt API
        return self._sort[1]
