"""Keyboard focus: the Children search box leads into its table, Tab leaves every table, Escape
closes a child's record, and the welcome screen shows which choice has the focus."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from permanence_tracker.gui.child_record import ChildRecordWindow
from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.pages.children import ChildrenPage
from permanence_tracker.gui.pages.registry import PAGES
from permanence_tracker.gui.return903 import CheckReturnDialog
from permanence_tracker.gui.session import Session
from permanence_tracker.gui.welcome import WelcomeDialog

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py

pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


@pytest.fixture
def children(qtbot, small_authority):
    session = Session(small_authority, AS_OF)
    win = MainWindow(session, [ChildrenPage], today=AS_OF)
    qtbot.addWidget(win)
    with qtbot.waitSignal(session.changed, timeout=10000):
        session.reload()
    win.show()
    qtbot.waitExposed(win)
    page = win.pages[0]
    page.search.setFocus()
    qtbot.waitUntil(page.search.hasFocus)
    return page


def test_enter_with_one_match_opens_that_child(qtbot, children):
    qtbot.keyClicks(children.search, "Ava")
    assert children.proxy.rowCount() == 1
    with qtbot.waitSignal(children.open_child, timeout=1000) as opened:
        qtbot.keyClick(children.search, Qt.Key.Key_Return)
    assert opened.args == ["P1"]


def test_enter_with_several_matches_moves_into_the_table(qtbot, children):
    assert children.proxy.rowCount() > 1
    with qtbot.assertNotEmitted(children.open_child):
        qtbot.keyClick(children.search, Qt.Key.Key_Return)
    qtbot.waitUntil(children.view.hasFocus)
    assert [i.row() for i in children.view.selectionModel().selectedRows()] == [0]


def test_down_moves_into_the_table_on_its_first_row(qtbot, children):
    qtbot.keyClicks(children.search, "Ava")
    qtbot.keyClick(children.search, Qt.Key.Key_Down)
    qtbot.waitUntil(children.view.hasFocus)
    assert children.view.currentIndex().row() == 0
    assert [i.row() for i in children.view.selectionModel().selectedRows()] == [0]


def test_down_with_no_match_stays_in_the_search_box(qtbot, children):
    qtbot.keyClicks(children.search, "nobody at all")
    qtbot.keyClick(children.search, Qt.Key.Key_Down)
    qtbot.keyClick(children.search, Qt.Key.Key_Return)
    assert children.search.hasFocus()


def test_tab_leaves_the_children_table(qtbot, children):
    qtbot.keyClick(children.search, Qt.Key.Key_Down)
    qtbot.waitUntil(children.view.hasFocus)
    qtbot.keyClick(children.view, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not children.view.hasFocus())


def _tables(root: QWidget) -> list[QTableView]:
    return root.findChildren(QTableView)


def test_no_table_keeps_tab(qtbot, small_authority):
    """Every table of the main window's pages, the record window and the 903 check."""
    main = MainWindow(Session(small_authority, AS_OF), PAGES, today=AS_OF)
    record = ChildRecordWindow(small_authority.uow, "P1", AS_OF, today=AS_OF)
    check = CheckReturnDialog(Session(small_authority, AS_OF), AS_OF, lambda _cid: None)
    windows = (main, record, check)
    for window in windows:
        qtbot.addWidget(window)
    tables = [t for w in windows for t in _tables(w)]
    assert len(tables) >= 10
    keeping = [t.accessibleName() for t in tables if t.tabKeyNavigation()]
    assert keeping == []
    assert all(isinstance(t, QAbstractItemView) for t in tables)


def test_escape_closes_a_childs_record(qtbot, small_authority):
    record = ChildRecordWindow(small_authority.uow, "P1", AS_OF, today=AS_OF)
    qtbot.addWidget(record)
    close = record.window_actions["close"]
    assert QKeySequence("Esc") in close.shortcuts()
    assert close.shortcut() == QKeySequence(QKeySequence.StandardKey.Close)  # menu shows Ctrl+W
    record.show()
    qtbot.waitExposed(record)
    record.activateWindow()
    table = record.views["periods"]  # on the first tab
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not record.isVisible())


def test_welcome_outlines_the_focused_choice(qtbot, tmp_path):
    dialog = WelcomeDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.open_button.setFocus()
    qtbot.waitUntil(dialog.open_button.hasFocus)
    focused = dialog.open_button.grab().toImage()
    dialog.demo_button.setFocus()
    qtbot.waitUntil(dialog.demo_button.hasFocus)
    unfocused = dialog.open_button.grab().toImage()
    assert focused.size() == unfocused.size()
    assert focused != unfocused
