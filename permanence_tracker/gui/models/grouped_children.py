"""A two-level tree of children in groups (the dashboard's "without a plan" and drift lists).

Top-level rows are the groups (:class:`services.permanence.dashboard.ChildGroup`, title and
count, kept even when empty so the reader sees every reason); their children are frozen
:class:`ListedChild` rows, read through the same :class:`Column` specs as every table. A child
row's ``ROW_ROLE`` is its ``ListedChild``; a group row's is ``None``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.pseudonym import Personal
from permanence_tracker.gui.models.roles import PERSONAL_ROLE, SORT_ROLE
from permanence_tracker.gui.models.rows_table import Column, Index
from permanence_tracker.services.permanence.dashboard import ChildGroup, ListedChild

_GROUP = 0  # internalId of a group row; a child's is its group's row + 1


def _column(title: str, text: Callable[[ListedChild], Any],
            sort: Callable[[ListedChild], Any] | None = None,
            personal: Personal | None = None) -> Column[ListedChild]:
    """A column that sorts by its text as shown (or ``sort``), with the reason as its tip."""
    return Column(title, text, sort or text, tip=lambda child: child.note, personal=personal)


COLUMNS: tuple[Column[ListedChild], ...] = (
    _column("Child", lambda c: c.child_id),
    _column("Name", lambda c: c.name, personal=Personal.CHILD_NAME),
    _column("Legal status", lambda c: c.legal_status),
    _column("Since", lambda c: uk_date(c.since), lambda c: c.since),
    _column("IRO", lambda c: c.iro or "(none)"),
    _column("Why listed", lambda c: c.note),
)
SINCE = [c.title for c in COLUMNS].index("Since")


class GroupedChildrenModel(QAbstractItemModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._groups: tuple[ChildGroup, ...] = ()
        self._since = "Since"

    def set_groups(self, groups: tuple[ChildGroup, ...], since_title: str = "Since") -> None:
        """Show ``groups``; ``since_title`` names the date column ("2nd review held" ...)."""
        self.beginResetModel()
        self._groups = tuple(groups)
        self._since = since_title
        self.endResetModel()

    @property
    def groups(self) -> tuple[ChildGroup, ...]:
        return self._groups

    # -- structure ---------------------------------------------------------------------
    def index(self, row: int, column: int,
              parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008 - Qt signature
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index | None = None):
        if index is None:  # QObject.parent(), which this name also covers in Python
            return QObject.parent(self)
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._groups[parent.row()].children)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- data --------------------------------------------------------------------------
    def child_at(self, index: Index) -> ListedChild | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        return self._groups[index.internalId() - 1].children[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        child = self.child_at(index)
        if child is None:
            group = self._groups[index.row()]
            count = len(group.children)
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                if index.column() != 0:
                    return None
                noun = "child" if count == 1 else "children"
                return f"{group.title}: {count} {noun}"
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)  # a heading, told apart by weight and indent, not colour
                return font
            if role == SORT_ROLE:
                return index.row()
            return None
        return COLUMNS[index.column()].data(child, role)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802, B008 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == PERSONAL_ROLE:
            return COLUMNS[section].personal
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._since if section == SINCE else COLUMNS[section].title
