"""What every page shares: a title, the session, a refresh when the session changes, the view
state remembered between runs, opening a child from a list, and the tables and boxes they are
built of.

A page names the widgets whose state it keeps (a table header's column widths, order and sort;
a splitter's sizes) in :meth:`Page.remembered`, each under its QSettings key; the main window
calls :meth:`Page.save_state` and :meth:`Page.restore_state` inside the page's own group
(``pages/<class name>``). The keys are what users' saved layouts are stored under: keep them.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QAbstractItemModel, QByteArray, QModelIndex, QSettings, Signal
from PySide6.QtWidgets import QAbstractItemView, QGroupBox, QTableView, QVBoxLayout, QWidget

from permanence_tracker.gui.models.roles import ROW_ROLE
from permanence_tracker.gui.session import Session
from permanence_tracker.gui.widgets.fit_columns import ElidedTips, fit_column


class Restorable(Protocol):
    """A widget whose layout round-trips through bytes: QHeaderView, QSplitter."""

    def saveState(self) -> QByteArray: ...  # noqa: N802 - Qt API

    def restoreState(self, state: QByteArray) -> bool: ...  # noqa: N802 - Qt API


class Page(QWidget):
    title = "Page"
    permission = ""  # a permission (domain/roles.py) the role needs to see the page; "": all
    open_child = Signal(str)  # a child's ID: the main window opens their record

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName(self.title)
        self._sized: set[int] = set()  # tables whose columns the user's saved layout sized
        session.changed.connect(self.refresh)

    def refresh(self) -> None:
        """Re-read from ``self.session`` (rows, cohort, as-of date)."""

    # -- remembered state --------------------------------------------------------------
    def remembered(self) -> dict[str, Restorable]:
        """The widgets whose state is kept between runs, by QSettings key (none by default)."""
        return {}

    def save_state(self, settings: QSettings) -> None:
        """Store each remembered widget's state in ``settings`` (the page's group)."""
        for key, widget in self.remembered().items():
            settings.setValue(key, widget.saveState())

    def restore_state(self, settings: QSettings) -> None:
        for key, widget in self.remembered().items():
            state = settings.value(key)
            if state is not None and widget.restoreState(state):
                self._sized.add(id(widget))

    def fit_columns_once(self, *views: QTableView) -> None:
        """Size each table's columns to their first rows (a long IRO name shown whole, up to a
        cap), once, unless the user's saved layout already sized them; the last one stretches."""
        for view in views:
            header = view.horizontalHeader()
            if id(header) in self._sized or view.model().rowCount() == 0:
                continue
            for column in range(view.model().columnCount() - 1):
                fit_column(view, column)
            self._sized.add(id(header))

    # -- lists of children -------------------------------------------------------------
    def open_row(self, index: QModelIndex) -> None:
        """Open the child whose row is at ``index`` (Enter or double-click in a list)."""
        row = index.model().data(index, ROW_ROLE)
        if row is not None:
            self.open_child.emit(row.child_id)


def make_table(name: str, model: QAbstractItemModel, sortable: bool = False) -> QTableView:
    """A keyboard-friendly, row-selecting table with an accessible name."""
    view = QTableView()
    view.setAccessibleName(name)
    view.setModel(model)
    view.setSortingEnabled(sortable)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setTabKeyNavigation(False)  # Tab moves on to the next control
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    view.horizontalHeader().setSectionsMovable(True)
    view.horizontalHeader().setStretchLastSection(True)
    ElidedTips(view)  # a cell cut by its column shows its whole text as a tooltip
    return view


def group_box(title: str, *widgets: QWidget) -> QGroupBox:
    """A titled box holding ``widgets`` top to bottom, the last taking the spare height."""
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for n, widget in enumerate(widgets, 1):
        layout.addWidget(widget, 1 if n == len(widgets) else 0)
    return box
