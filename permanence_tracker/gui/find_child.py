"""File ▸ Find any child… (Ctrl+Shift+F), for every role: the read-only search of everyone an
IRO has beside their caseload (issue 12).

Typing part of an ID or name and pressing Enter lists the children found
(``services/records/search.search_children``): ID, name, date of birth, IRO, looked after or
not. Opening one (Enter, double-click or Open) shows their record; a child the user may not
change (outside an IRO's caseload; any child for a manager) opens read only, with no editing
command. The search is a small look-up after the user asks, so it runs on the GUI thread, as a
record's read does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.errors import ValidationError
from permanence_tracker.domain.words import plural
from permanence_tracker.gui.models.roles import ROW_ROLE
from permanence_tracker.gui.models.rows_table import Column, RowsTableModel
from permanence_tracker.services.records.search import FoundChild, search_children
from permanence_tracker.services.unit_of_work import UowFactory

COLUMNS: tuple[Column[FoundChild], ...] = (
    Column("Child ID", lambda c: c.child_id),
    Column("Name", lambda c: c.name),
    Column("Date of birth", lambda c: uk_date(c.dob), sort=lambda c: c.dob),
    Column("IRO", lambda c: c.iro),
    Column("Looked after", lambda c: "Yes" if c.looked_after else "No"),
    Column("Access", lambda c: "Can change" if c.editable else "Read only",
           header_tip="Read only: not in your caseload (or your role changes no records)"),
)


class FindChildDialog(QDialog):
    """``open_child(child_id, read_only)`` opens a found child's record."""

    def __init__(self, uow_factory: UowFactory, open_child: Callable[[str, bool], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Find any child")
        self.uow_factory = uow_factory
        self.open_child = open_child
        self.text = QLineEdit()
        self.text.setAccessibleName("Find")
        self.text.setPlaceholderText("Part of a child's ID or name, then Enter")
        self.text.setClearButtonEnabled(True)
        label = QLabel("&Find:")
        label.setBuddy(self.text)
        self.find_button = QPushButton("Searc&h")
        self.find_button.clicked.connect(self.search)
        self.text.returnPressed.connect(self.search)
        self.find_button.setAutoDefault(False)
        self.status = QLabel("Every child of the tracker is searched; a child outside your "
                             "caseload opens read only.")
        self.status.setWordWrap(True)
        self.model: RowsTableModel[FoundChild] = RowsTableModel(COLUMNS, self)
        self.view = QTableView()
        self.view.setAccessibleName("Children found")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.activated.connect(lambda _index: self.open_chosen())  # Enter, double-click
        self.open_button = QPushButton("&Open")
        self.open_button.setAutoDefault(False)
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_chosen)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.text, 1)
        row.addWidget(self.find_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 110, 460)

    def search(self) -> None:
        try:
            found = search_children(self.uow_factory, self.text.text())
        except ValidationError as refused:
            self.status.setText("⚠ " + "; ".join(p.message for p in refused.problems))
            return
        self.model.set_rows(found.children)
        self.status.setText(
            "No child found: try part of the ID, or the family name alone." if not found.children
            else f"{plural(len(found.children), 'child', 'children')} found"
            + (" (more matched: add a word to narrow the list)." if found.more else "."))
        self.open_button.setEnabled(bool(found.children))
        if found.children:
            self.view.selectRow(0)
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen(self) -> FoundChild | None:
        index = self.view.currentIndex()
        row = self.model.index(index.row(), 0).data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, FoundChild) else None

    def open_chosen(self) -> object:
        child = self.chosen()
        if child is None:
            return None
        return self.open_child(child.child_id, not child.editable)


def open_find_child(uow_factory: UowFactory, open_child: Callable[[str, bool], object],
                    parent: QWidget) -> FindChildDialog:
    dialog = FindChildDialog(uow_factory, open_child, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
