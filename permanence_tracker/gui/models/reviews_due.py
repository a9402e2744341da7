"""Models over :mod:`services.reviews.due`: the week-by-week grid and the list of reviews.

:class:`WeekGridModel` has one row per IRO (or the whole service) and a column per week (each
headed with its dates), optionally an Overdue column first and a total last; each cell holds
the reviews counted in it. A :class:`DueReviewsModel` holds next reviews (sorted in the model,
by raw value) and :class:`DueReviewsProxy` views filter it to one IRO and one week, the next 8
weeks, or the overdue ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.pseudonym import Personal
from permanence_tracker.domain.timetable import ordinal
from permanence_tracker.domain.words import days_phrase
from permanence_tracker.gui.models.iros import plural
from permanence_tracker.gui.models.roles import ROW_ROLE, SORT_ROLE
from permanence_tracker.gui.models.rows_table import (
    Column,
    Index,
    RowsTableModel,
    SourceSortedProxy,
    tint,
)
from permanence_tracker.services.reviews.due import DueReview, ReviewsDue

OVERDUE, UPCOMING = "overdue", "upcoming"  # scopes besides a week number
REG_33 = "Care Planning Regs 2010 reg 33"
NO_IRO = "(no IRO)"


def iro_label(iro: str) -> str:
    return iro or NO_IRO




class WeekGridModel(QAbstractTableModel):
    """Rows are (label, ReviewsDue); columns are [Overdue], Week 1..n, Next n weeks."""

    def __init__(self, parent=None, overdue_column: bool = False) -> None:
        super().__init__(parent)
        self._lines: tuple[tuple[str, ReviewsDue], ...] = ()
        self._weeks = 8
        self._as_of: date | None = None
        self._overdue = overdue_column
        self._total_last = False

    def set_lines(self, lines: Sequence[tuple[str, ReviewsDue]], total_last: bool = False) -> None:
        """``total_last``: the last line is the service total (its label shown in bold)."""
        self.beginResetModel()
        self._lines = tuple(lines)
        self._total_last = total_last
        if self._lines:
            self._weeks = self._lines[0][1].weeks_ahead
        self._as_of = self._lines[0][1].as_of if self._lines else None
        self.endResetModel()

    def scope(self, column: int) -> str | int:
        """What a column counts: OVERDUE, a week number, or UPCOMING (the total)."""
        week = column + (0 if self._overdue else 1)
        if week == 0:
            return OVERDUE
        return week if week <= self._weeks else UPCOMING

    def column_of(self, scope: str | int) -> int:
        first = 1 if self._overdue else 0
        if scope == OVERDUE:
            return 0 if self._overdue else -1
        if scope == UPCOMING:
            return first + self._weeks
        return first + int(scope) - 1

    def reviews(self, index: Index) -> tuple[DueReview, ...]:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return ()
        due = self._lines[index.row()][1]
        scope = self.scope(index.column())
        if scope == OVERDUE:
            return due.overdue
        if scope == UPCOMING:
            return due.upcoming
        return due.weeks[int(scope) - 1].reviews

    def line(self, row: int) -> tuple[str, ReviewsDue] | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def describe(self, scope: str | int, long: bool = False) -> str:
        """'Week 3: 14/04/2026 to 20/04/2026', 'Overdue', 'Next 8 weeks: ...'."""
        if self._as_of is None:
            return ""
        if scope == OVERDUE:
            return f"Overdue (due before {uk_date(self._as_of)})" if long else "Overdue"
        due = self._lines[0][1]
        if scope == UPCOMING:
            end = due.weeks[-1].end
            return f"Next {self._weeks} weeks: {uk_date(self._as_of)} to {uk_date(end)}" if long \
                else f"Next {self._weeks} weeks"
        week = due.weeks[int(scope) - 1]
        return week.label if long else f"Week {week.number}"

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or not self._lines:
            return 0
        return self._weeks + 1 + self._overdue

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._lines):
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return self._lines[section][0]
            if role == Qt.ItemDataRole.FontRole and self._total_last \
                    and section == len(self._lines) - 1:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if not 0 <= section < self.columnCount() or self._as_of is None:
            return None
        scope = self.scope(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(scope, int):
                week = self._lines[0][1].weeks[scope - 1]
                return f"Week {scope}\n{uk_date(week.start)}\nto {uk_date(week.end)}"
            return self.describe(scope)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self.describe(scope, long=True)} ({REG_33} due dates)"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        found = self.reviews(index)
        scope = self.scope(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return str(len(found))
        if role == SORT_ROLE:
            return len(found)
        if role == ROW_ROLE:
            return found
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.describe(scope)}: {plural(len(found), 'review', 'reviews')}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(index.row(), scope, found)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and found:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and scope == OVERDUE and found:
            return tint(True)
        return None

    def _tooltip(self, row: int, scope: str | int, found: tuple[DueReview, ...]) -> str:
        label = self._lines[row][0]
        head = f"{label}: {plural(len(found), 'review', 'reviews')} — " \
               f"{self.describe(scope, long=True)}"
        names = [f"{r.child_id} {r.name}: {ordinal(r.number)} review due {uk_date(r.due)}"
                 for r in found[:12]]
        if len(found) > 12:
            names.append(f"… and {len(found) - 12} more")
        return "\n".join([head, *names])


def _days(r: DueReview) -> str:
    return f"{r.days_overdue} overdue" if r.overdue else f"in {r.days_left}"


def _week(r: DueReview) -> str:
    return "Overdue" if r.overdue else (f"Week {r.week}" if r.week else "Later")


def _when(r: DueReview) -> str:
    """When the review is or was due, and the rule."""
    if r.overdue:
        return (f"{ordinal(r.number)} review was due {uk_date(r.due)}: "
                f"{plural(r.days_overdue, 'day', 'days')} overdue ({REG_33}).")
    return f"{ordinal(r.number)} review due {uk_date(r.due)}, " \
           f"{days_phrase(r.days_left)} ({REG_33})."


COLUMNS: tuple[Column[DueReview], ...] = (
    Column("Child ID", lambda r: r.child_id, lambda r: r.child_id, tip=_when,
           display=lambda r: f"⚑ {r.child_id}" if r.overdue else r.child_id,
           accessible=lambda r: f"{r.child_id}, overdue" if r.overdue else r.child_id),
    Column("Name", lambda r: r.name, lambda r: r.name.casefold(), personal=Personal.CHILD_NAME),
    Column("Review", lambda r: ordinal(r.number), lambda r: r.number),
    Column("Due", lambda r: uk_date(r.due), lambda r: r.due, tip=_when),
    Column("Days", _days, lambda r: r.days_left, tip=_when,
           header_tip="Days until the review is due, or days overdue"),
    Column("IRO", lambda r: iro_label(r.iro), lambda r: r.iro.casefold()),
    Column("Week", _week, lambda r: r.days_left),
)
DUE_COLUMN, DAYS_COLUMN, IRO_COLUMN, WEEK_COLUMN = 3, 4, 5, 6


class DueReviewsModel(RowsTableModel[DueReview]):
    """Every next review once; overdue ones carry a marker, a tint and say why in a tooltip."""

    def __init__(self, parent=None) -> None:
        super().__init__(COLUMNS, parent)

    def cell(self, row: DueReview, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.BackgroundRole:
            return tint(True) if row.overdue else None
        return super().cell(row, column, role)


class DueReviewsProxy(SourceSortedProxy):
    """One IRO (None = everyone) and one scope: OVERDUE, UPCOMING or a week number.

    It only filters: sorting is delegated to its own :class:`DueReviewsModel`, so give each
    independently sorted list its own source model.
    """

    def __init__(self, parent=None, scope: str | int = UPCOMING) -> None:
        super().__init__(parent=parent, sort=(DUE_COLUMN, Qt.SortOrder.AscendingOrder))
        self._iro: str | None = None
        self._scope = scope

    @property
    def iro(self) -> str | None:
        return self._iro

    @property
    def scope(self) -> str | int:
        return self._scope

    def set_filter(self, iro: str | None, scope: str | int) -> None:
        if (iro, scope) != (self._iro, self._scope):
            self.beginFilterChange()
            self._iro, self._scope = iro, scope
            self.endFilterChange()

    def accepts(self, row: DueReview) -> bool:
        if self._iro is not None and row.iro != self._iro:
            return False
        if self._scope == OVERDUE:
            return row.overdue
        if self._scope == UPCOMING:
            return row.week is not None
        return row.week == self._scope
