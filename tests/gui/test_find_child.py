"""File ▸ Find any child… (Ctrl+Shift+F, issue 12): every role searches every child; an IRO
opens a child outside their caseload read only (no editing command), and their own as ever."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt

from permanence_tracker.domain.roles import Actor, Role
from permanence_tracker.gui.child_record import ChildRecordWindow
from permanence_tracker.gui.find_child import FindChildDialog
from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.pages.children import ChildrenPage
from permanence_tracker.gui.session import Session
from permanence_tracker.services.authorization import acting

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py
ANN = Actor("ann", Role.IRO, iro_name="Ann Able", display_name="Ann")  # P1, P2 are hers

pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


def _window(qtbot, context, actor: Actor | None) -> MainWindow:
    if actor is not None:
        context = replace(context, uow=acting(context.uow, actor))
    win = MainWindow(Session(context, AS_OF), [ChildrenPage], today=AS_OF)
    qtbot.addWidget(win)
    return win


def _find(qtbot, win: MainWindow, text: str) -> FindChildDialog:
    action = win.actions_by_name["find_child"]
    assert action.isVisible() and action.shortcut().toString() == "Ctrl+Shift+F"
    action.trigger()
    dialog = win.findChild(FindChildDialog)
    assert dialog.isVisible()
    dialog.text.setText(text)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    return dialog


def _rows(dialog: FindChildDialog) -> list[tuple[str, ...]]:
    model = dialog.model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())]


def test_an_iro_finds_a_child_outside_their_caseload_and_reads_them_only(qtbot,
                                                                         small_authority):
    win = _window(qtbot, small_authority, ANN)
    dialog = _find(qtbot, win, "moss")
    assert _rows(dialog) == [("P3", "Cal Moss", "03/03/2010", "Bob Brook", "Yes",
                              "Read only")]
    assert dialog.status.text() == "1 child found."
    record = dialog.open_chosen()
    qtbot.addWidget(record)
    assert isinstance(record, ChildRecordWindow) and record.read_only
    assert record.record is not None and record.record.child.child_id == "P3"
    assert not record.problem.isVisible() and "read only" in record.windowTitle()
    for name, action in record.actions_by_name.items():
        assert not action.isVisible() and not action.isEnabled(), name
    assert not record.start_button.isVisible()
    assert not record.toolbar.isVisible()  # its commands all hidden: no empty strip left


def test_an_iros_own_child_opens_as_ever(qtbot, small_authority):
    win = _window(qtbot, small_authority, ANN)
    dialog = _find(qtbot, win, "p1")
    assert _rows(dialog)[0][0] == "P1" and _rows(dialog)[0][-1] == "Can change"
    qtbot.keyClick(dialog.view, Qt.Key.Key_Return)  # Enter on the found child opens it
    record = win.findChild(ChildRecordWindow)
    assert record is not None and not record.read_only
    assert record.actions_by_name["edit"].isVisible() and record.actions_by_name[
        "edit"].isEnabled()


def test_the_model_and_a_refused_search(qtbot, qtmodeltester, small_authority):
    win = _window(qtbot, small_authority, None)
    dialog = _find(qtbot, win, "a")
    assert dialog.status.text().startswith("⚠ type at least 2 characters")
    assert not dialog.open_button.isEnabled()
    dialog.text.setText("area")  # nothing: names and IDs only
    dialog.search()
    assert dialog.model.rowCount() == 0 and dialog.status.text().startswith("No child found")
    dialog.text.setText("st")
    dialog.search()
    assert {r[0] for r in _rows(dialog)} == {"P1", "P5"}  # Stone, Frost: the administrator
    assert {r[-1] for r in _rows(dialog)} == {"Can change"}  # may change every one
    qtmodeltester.check(dialog.model)
