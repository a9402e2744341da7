"""The main window's menu bar: File, View, Go, Reports, Help hold the toolbar's own actions,
show their keys, and every command works from the menu as it did from the toolbar or key."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox, QToolBar

from permanence_tracker import __version__
from permanence_tracker.gui import return903
from permanence_tracker.gui.about import shown_url
from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.pages.children import ChildrenPage
from permanence_tracker.gui.pages.iros import IrosPage
from permanence_tracker.gui.pages.registry import PAGES
from permanence_tracker.gui.reports_dialog import ReportsDialog
from permanence_tracker.gui.session import Session
from permanence_tracker.gui.shortcuts import ShortcutsDialog

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py
TODAY = date(2026, 11, 23)

pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


@pytest.fixture
def window(qtbot, small_authority):
    win = MainWindow(Session(small_authority, AS_OF), [ChildrenPage, IrosPage], today=TODAY)
    qtbot.addWidget(win)
    win.show()
    return win


def _menus(window) -> dict[str, list]:
    return {m.text().replace("&", ""): m.menu().actions() for m in window.menuBar().actions()}


def _texts(actions) -> list[str]:
    return [a.text() or "—" for a in actions]


def test_the_menus_and_what_they_hold(window):
    menus = _menus(window)
    assert list(menus) == ["File", "View", "Go", "Reports", "Help"]
    assert _texts(menus["File"]) == ["Open tracker…", "Open &Recent", "—",  # issue 10 item 6
                                     "Add child…",
                                     "Find any child…",  # issue 12: search of everyone
                                     "—",
                                     "Import 903 return…",  # issue 10: import from the app
                                     "Import tracker spreadsheet…",  # issue 11
                                     "Export 903 return…",
                                     "Check the 903 return…", "—",
                                     "Back up now…", "Restore from backup…",  # issue 12
                                     "—", "Settings…",
                                     "Users…",  # issue 12: users and roles
                                     "Change passphrase…",  # issue 12: encryption
                                     "—", "Quit"]
    assert _texts(menus["View"]) == ["Today", "Refresh"]
    assert _texts(menus["Go"]) == ["Children", "IROs"]
    assert _texts(menus["Reports"])[:2] == ["Reports…", "—"]
    assert "Permanence monitoring report…" in _texts(menus["Reports"])
    assert _texts(menus["Help"]) == ["Keyboard shortcuts…", "—", "About Permanence Tracker"]
    keys = {a.text(): a.shortcut().toString() for m in menus.values() for a in m}
    assert (keys["Children"], keys["IROs"], keys["Today"], keys["Refresh"]) == (
        "Ctrl+1", "Ctrl+2", "Ctrl+T", "F5")
    assert (keys["Add child…"], keys["Reports…"], keys["Keyboard shortcuts…"]) == (
        "Ctrl+N", "Ctrl+Shift+T", "F1")
    assert keys["Find any child…"] == "Ctrl+Shift+F"


def test_the_toolbar_holds_the_menus_actions_not_copies(window):
    (bar,) = [b for b in window.findChildren(QToolBar) if b.parent() is window]  # pages' own
    on_bar = [a for a in bar.actions() if a.text()]  # the "As of" label and date are widgets
    assert _texts(on_bar)[-4:] == ["Today", "Refresh", "Add child…", "Reports…"]
    in_menus = [a for actions in _menus(window).values() for a in actions]
    for action in on_bar[-4:]:
        assert any(action is a for a in in_menus), action.text()


def test_go_shows_the_page_and_is_checked_for_the_page_shown(window):
    go = _menus(window)["Go"]
    assert [a.isChecked() for a in go] == [True, False]
    go[1].trigger()
    assert window.nav.currentRow() == 1 and window.stack.currentIndex() == 1
    assert [a.isChecked() for a in go] == [False, True]
    window.nav.setCurrentRow(0)
    assert [a.isChecked() for a in go] == [True, False]


def test_go_lists_every_page_with_its_key(qtbot, small_authority):
    """Issue 12: the Audit page comes last in Go, after the pages before it, with Ctrl+6."""
    win = MainWindow(Session(small_authority, AS_OF), PAGES, today=TODAY)
    qtbot.addWidget(win)
    go = _menus(win)["Go"]
    assert [(a.text(), a.shortcut().toString()) for a in go] == [
        ("Children", "Ctrl+1"), ("Reviews due", "Ctrl+2"), ("IROs", "Ctrl+3"),
        ("Panels", "Ctrl+4"), ("Dashboard", "Ctrl+5"), ("Audit", "Ctrl+6")]


def test_today_and_refresh_from_the_view_menu(qtbot, window):
    view = {a.text(): a for a in _menus(window)["View"]}
    with qtbot.waitSignal(window.session.changed, timeout=10000):
        view["Today"].trigger()
    assert window.session.as_of == TODAY and window.as_of_edit.date() == QDate(2026, 11, 23)
    with qtbot.waitSignal(window.session.changed, timeout=10000):
        view["Refresh"].trigger()


def test_file_menu_commands_open_what_they_did(window, monkeypatch):
    called = []
    monkeypatch.setattr(return903, "export_return", lambda *a: called.append("export"))
    monkeypatch.setattr(return903, "open_check_dialog", lambda *a: called.append("check"))
    monkeypatch.setattr(window, "add_child", lambda: called.append("add"))
    file = {a.text(): a for a in _menus(window)["File"]}
    for text in ("Export 903 return…", "Check the 903 return…"):
        file[text].trigger()
    assert called == ["export", "check"]
    file["Quit"].trigger()
    assert not window.isVisible()


def test_a_report_entry_opens_reports_with_it_chosen(qtbot, window):
    entry = next(a for a in _menus(window)["Reports"]
                 if a.text() == "Permanence monitoring report…")
    entry.trigger()
    dialog = window.findChild(ReportsDialog)
    assert dialog.isVisible() and dialog.name == "cohort"
    qtbot.waitUntil(lambda: dialog.panels_loaded, timeout=10000)


def test_about_names_the_version_and_the_database(window, tmp_path):
    window.actions_by_name["about"].trigger()
    box = window.findChild(QMessageBox)
    assert box.windowTitle() == "About Permanence Tracker" and box.isVisible()
    assert f"Permanence Tracker {__version__}" in box.text()
    details = box.informativeText()
    assert f"sqlite:///{tmp_path / 'gui.sqlite'}" in details
    assert f"Data folder:&nbsp;</td><td>{tmp_path}<" in details
    assert "Signed in as:&nbsp;</td><td>tester<" in details
    box.close()


def test_about_hides_a_password():
    assert shown_url("postgresql://pt:s3cr@t@db.example/pt") == (
        "postgresql://pt:***@db.example/pt")
    assert shown_url("sqlite:////home/a/pt.sqlite") == "sqlite:////home/a/pt.sqlite"


def test_keyboard_shortcuts_lists_both_windows(window):
    window.actions_by_name["shortcuts"].trigger()
    dialog = window.findChild(ShortcutsDialog)
    table = dialog.table
    rows = {tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())}
    assert {("Ctrl+Shift+T", "Reports…", "Reports menu"), ("Ctrl+1", "Children", "Go menu"),
            ("F5", "Refresh", "View menu"), ("Ctrl+F", "Search children", "Children page"),
            ("Ctrl+Shift+X", "Export to Excel…", "Children page"),
            ("Ctrl+Shift+P", "Permanence plan…", "Child's record"),
            (QKeySequence(QKeySequence.StandardKey.Close).toString(), "Close",
             "Child's record")} <= rows
    dialog.close()
