"""No shortcut means two things: across the main window (menus, toolbar, every page) and a
child's record window, each key has one meaning, and one command at a time answers it.

Mnemonics (Alt+letter: a menu title, a button, a label's field, a tab) are local: they may mean
different things on different pages, but a menu's is always live, so no page may reuse it.

A key set from a Qt standard key (Refresh, Close ...) also counts with the bindings that key
has on other Linux desktops (GNOME's Refresh is Ctrl+R too), so a new shortcut cannot take one.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QTabBar,
    QToolButton,
    QWidget,
)

from permanence_tracker.gui.child_record import ChildRecordWindow
from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.pages.base import Page
from permanence_tracker.gui.pages.registry import PAGES
from permanence_tracker.gui.session import Session

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py
K = QKeySequence.StandardKey
# Bindings of the standard keys the app uses, on X11, KDE and GNOME (Qt's qplatformtheme.cpp)
LINUX = {K.Refresh: ("F5", "Ctrl+R"), K.Close: ("Ctrl+W", "Ctrl+F4"), K.Quit: ("Ctrl+Q",),
         K.New: ("Ctrl+N",), K.Find: ("Ctrl+F",), K.Print: ("Ctrl+P",),
         K.HelpContents: ("F1",)}

pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


@pytest.fixture
def windows(qtbot, small_authority):
    main = MainWindow(Session(small_authority, AS_OF), PAGES, today=AS_OF)
    record = ChildRecordWindow(small_authority.uow, "P1", AS_OF, today=AS_OF)
    for window in (main, record):
        qtbot.addWidget(window)
    return main, record


def _keys(thing: QAction | QAbstractButton) -> set[str]:
    shortcut = thing.shortcut()
    if shortcut.isEmpty():
        return set()
    keys = {shortcut.toString()}
    for standard, linux in LINUX.items():
        if shortcut == QKeySequence(standard):
            keys |= set(linux)
    return keys


def _meaning(thing: QAction | QAbstractButton) -> str:
    return thing.text().replace("&", "").rstrip("…").strip().lower()


def _scope(thing: QObject, window: QWidget) -> str:
    """Which part of the window answers the key: a page (only while it shows) or the window."""
    parent = thing.parent()
    while parent is not None and parent is not window:
        if isinstance(parent, Page):
            return type(parent).__name__
        parent = parent.parent()
    return ""


def _mnemonic(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


def _shortcuts(window: QWidget):
    """(key, meaning, scope, token) for every action, button, labelled field, tab and menu
    title with a shortcut; the token tells one command from another."""
    things = list(window.findChildren(QAction))
    things += [b for b in window.findChildren(QAbstractButton)
               if not (isinstance(b, QToolButton) and b.defaultAction() is not None)]
    for thing in things:
        for key in _keys(thing):
            yield key, _meaning(thing), _scope(thing, window), id(thing)
    for title in window.menuBar().actions():
        yield _mnemonic(title.text()), f"{_meaning(title)} menu", "", id(title)
    for label in window.findChildren(QLabel):
        if label.buddy() is not None and _mnemonic(label.text()):
            yield _mnemonic(label.text()), _meaning(label), _scope(label, window), id(label)
    for bar in window.findChildren(QTabBar):
        for index in range(bar.count()):
            if _mnemonic(bar.tabText(index)):
                yield (_mnemonic(bar.tabText(index)), bar.tabText(index).replace("&", ""),
                       _scope(bar, window), (id(bar), index))


def clashes(*windows: QWidget) -> list[str]:
    meanings: dict[str, set[str]] = defaultdict(set)
    answering: dict[tuple[int, str, str], set[int]] = defaultdict(set)
    for number, window in enumerate(windows):
        for key, meaning, scope, token in _shortcuts(window):
            if not key.startswith("Alt+"):  # a mnemonic means what its page says
                meanings[key].add(meaning)
            answering[(number, scope, key)].add(token)
    found = [f"{key} means {sorted(m)}" for key, m in meanings.items() if len(m) > 1]
    for (number, scope, key), things in answering.items():
        # a page's key competes with the window's own keys, not with another page's
        shared = answering.get((number, "", key), set()) if scope else set()
        if len(things | shared) > 1:
            found.append(f"{key} answers {len(things | shared)} commands at once")
    return sorted(found)


def test_no_shortcut_has_two_meanings(windows):
    main, record = windows
    assert len(list(_shortcuts(main))) >= 30 and len(list(_shortcuts(record))) >= 13
    assert clashes(main, record) == []


def test_the_check_finds_a_key_used_twice(windows):
    main, record = windows
    main.addAction(QAction("Print everything", main, shortcut=QKeySequence("Ctrl+Shift+P")))
    assert clashes(main, record) == [
        "Ctrl+Shift+P means ['permanence plan', 'print everything']"]
    reload = QAction("Reload", record, shortcut=QKeySequence("Ctrl+R"))
    record.addAction(reload)  # GNOME's second Refresh key
    assert "Ctrl+R answers 2 commands at once" in clashes(main, record)
    reports_menu = main.menuBar().actions()[3].text()
    label = QLabel(reports_menu, main.pages[0])  # a page's field takes the menu's Alt+letter
    label.setBuddy(QLineEdit(main.pages[0]))
    assert f"{_mnemonic(reports_menu)} answers 2 commands at once" in clashes(main, record)


def test_reports_and_the_plan_have_their_own_keys(windows):
    main, record = windows
    reports = main.actions_by_name["reports"]
    assert reports.shortcut().toString() == "Ctrl+Shift+T"
    assert reports.toolTip().endswith("(Ctrl+Shift+T)")
    assert record.actions_by_name["plan"].shortcut().toString() == "Ctrl+Shift+P"


def test_every_window_key_is_in_a_menu(windows):
    """What the window answers (not a page's own keys) can be found in its menus."""
    for window in windows:
        in_menus = {a for m in window.menuBar().actions() for a in m.menu().actions()}
        for thing in window.findChildren(QAction):
            if not thing.shortcut().isEmpty() and not _scope(thing, window):
                assert thing in in_menus, thing.text()
