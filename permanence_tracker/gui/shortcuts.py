"""Keyboard shortcuts: how the windows make their actions, and the Help > Keyboard shortcuts list.

Every command with a shortcut is a QAction made by :func:`make_action`, so its tooltip names
the same keys the menu shows. The list is read from the live main window (its menus, then each
page's own keys) and from the record window's table of actions, so it cannot drift from them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

Keys = str | QKeySequence.StandardKey  # "Ctrl+1", or a platform's standard key
NATIVE = QKeySequence.SequenceFormat.NativeText


class Shortcut(NamedTuple):
    keys: str  # as the platform writes them: "Ctrl+Shift+T", "F5"
    command: str  # "Reports…"
    where: str  # "File menu", "Children page", "Child's record"


def make_action(parent: QObject, text: str, keys: Keys | None, slot: Callable[..., object],
                tip: str = "") -> QAction:
    """An action with its shortcut, whose tooltip ends with the keys: "Add a child (Ctrl+N)"."""
    action = QAction(text, parent)
    if keys is not None:  # a standard key: its platform's first binding (F5 for Refresh)
        action.setShortcut(QKeySequence(keys))
    tip = tip or text.rstrip("…")
    shown = action.shortcut().toString(NATIVE)
    action.setToolTip(f"{tip} ({shown})" if shown else tip)
    action.triggered.connect(slot)
    return action


def command_text(text: str) -> str:
    return text.replace("&", "")


def _menu_rows(menu: QMenu, where: str) -> list[Shortcut]:
    rows = []
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            rows += _menu_rows(submenu, where)
        elif not action.shortcut().isEmpty():
            rows.append(Shortcut(action.shortcut().toString(NATIVE), command_text(action.text()),
                                 where))
    return rows


def _widget_rows(widget: QWidget, where: str) -> list[Shortcut]:
    """Keys a page sets on its own actions and buttons (Find, Print, Export…)."""
    rows = []
    for action in widget.findChildren(QAction):
        if not action.shortcut().isEmpty() and action.text():
            rows.append(Shortcut(action.shortcut().toString(NATIVE),
                                 command_text(action.text()), where))
    for button in widget.findChildren(QAbstractButton):
        if not button.shortcut().isEmpty():
            rows.append(Shortcut(button.shortcut().toString(NATIVE),
                                 command_text(button.text()), where))
    return rows


def main_window_shortcuts(window: QMainWindow, pages: Iterable[QWidget] = ()) -> list[Shortcut]:
    rows = []
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            rows += _menu_rows(menu, f"{command_text(action.text())} menu")
    for page in pages:
        rows += _widget_rows(page, f"{getattr(page, 'title', '')} page")
    return rows


def record_shortcuts() -> list[Shortcut]:
    from permanence_tracker.gui.child_record.window import RECORD_ACTIONS, WINDOW_ACTIONS

    return [Shortcut(QKeySequence(keys).toString(NATIVE), command_text(text), "Child's record")
            for _name, text, keys, _slot in (*RECORD_ACTIONS, *WINDOW_ACTIONS)]


class ShortcutsDialog(QDialog):
    """Every shortcut of the main window and the record window, in a read-only table."""

    def __init__(self, rows: list[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.table = QTableWidget(len(rows), 3)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in every other view
        self.table.setHorizontalHeaderLabels(["Keys", "Command", "Where"])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        for number, row in enumerate(rows):
            for column, value in enumerate(row):
                self.table.setItem(number, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("The menus show these keys next to their commands; a record "
                                "window's keys work while that window is in front."))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.resizeRowsToContents()
        # tall enough to show every row, up to most of the screen
        rows_height = self.table.verticalHeader().length() + header.height()
        room = self.screen().availableGeometry().height() * 4 // 5
        self.resize(self.fontMetrics().averageCharWidth() * 80,
                    min(room, rows_height + self.fontMetrics().lineSpacing() * 8))
