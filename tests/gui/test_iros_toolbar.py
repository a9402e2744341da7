"""The IROs page's toolbar on the small authority (tests/gui/conftest.py): Ann Able (1.0 FTE)
has P1 and P2; Bob Brook (0.5 FTE, dual role) has P3 and P4. Add an IRO, edit an FTE (the
page's per-FTE figure follows), retire (gone from Add child's list) and reinstate, and delete:
refused for an IRO with history, done for one without. Keys work from the page."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from permanence_tracker.domain.entities import Iro
from permanence_tracker.gui.dialogs.child import ChildDialog
from permanence_tracker.gui.models.iros import PER_FTE, CaseloadModel
from permanence_tracker.gui.models.roles import ROW_ROLE
from permanence_tracker.gui.pages.iros import IrosPage
from permanence_tracker.gui.session import Session
from permanence_tracker.services.permanence.caseloads import caseloads
from permanence_tracker.services.records import iros as iro_records

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py


@pytest.fixture
def page(qtbot, small_authority):
    session = Session(small_authority, AS_OF)
    widget = IrosPage(session, today=AS_OF)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    with qtbot.waitSignal(session.changed, timeout=10000):
        session.reload()
    return widget


def _names(page) -> list[str]:
    return [page.proxy.data(page.proxy.index(r, 0)) for r in range(page.proxy.rowCount())]


def _cell(page, name: str, column: int) -> str:
    row = _names(page).index(name)
    return page.proxy.data(page.proxy.index(row, column))


def _save(qtbot, page, dialog) -> None:
    with qtbot.waitSignal(page.session.changed, timeout=10000):
        dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _key(qtbot, page, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    page.table.setFocus()
    qtbot.keyClick(page.table, key, modifiers)


def _child_dialog_iros(page) -> list[str]:
    dialog = ChildDialog(page.session.uow, AS_OF, None, page)
    try:
        return [dialog.ui.iro.itemText(i) for i in range(dialog.ui.iro.count())]
    finally:
        dialog.deleteLater()


def test_add_an_iro_from_the_toolbar(page, qtbot):
    page.toolbar.add.trigger()
    dialog = page.toolbar.dialog
    assert dialog.windowTitle() == "Add an IRO"
    qtbot.keyClicks(dialog.ui.name, "Cy Cole")
    qtbot.keyClicks(dialog.ui.fte, "0.6")
    _save(qtbot, page, dialog)
    assert _names(page) == ["Ann Able", "Bob Brook", "Cy Cole"]
    assert page.selected_iro() == "Cy Cole"
    assert (_cell(page, "Cy Cole", 1), _cell(page, "Cy Cole", 2)) == ("0.6", "0")


def test_f2_edits_the_fte_and_the_per_fte_figure_follows(page, qtbot):
    page.select_iro("Ann Able")
    assert _cell(page, "Ann Able", PER_FTE) == "2.0"  # 2 children / 1.0 FTE
    _key(qtbot, page, Qt.Key.Key_F2)
    dialog = page.toolbar.dialog
    assert dialog.windowTitle() == "Edit IRO Ann Able"
    assert dialog.ui.name.isReadOnly()  # records name Ann: the name is kept
    assert dialog.ui.fte.text() == "1"
    dialog.ui.fte.setText("0.5")
    _save(qtbot, page, dialog)
    assert _cell(page, "Ann Able", 1) == "0.5"
    assert _cell(page, "Ann Able", PER_FTE) == "4.0"  # 2 children / 0.5 FTE


def test_edit_refuses_a_bad_fte_under_its_field(page, qtbot):
    page.select_iro("Bob Brook")
    page.toolbar.edit.trigger()
    dialog = page.toolbar.dialog
    dialog.ui.fte.setText("2")
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert "is not a full-time equivalent" in dialog.problem_text("fte")
    assert dialog.isVisible()


def test_retire_and_reinstate_by_key(page, qtbot):
    page.select_iro("Bob Brook")
    assert page.toolbar.retire.text() == "Retire IRO"
    with qtbot.waitSignal(page.session.changed, timeout=10000):
        _key(qtbot, page, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier
             | Qt.KeyboardModifier.ShiftModifier)
    assert "Bob Brook (retired)" in _names(page)
    assert page.toolbar.retire.text() == "Reinstate IRO"
    assert "Bob Brook" not in _child_dialog_iros(page)  # not offered for a new allocation
    row = page.proxy.index(_names(page).index("Bob Brook (retired)"), 0)
    assert page.proxy.data(row, Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    with qtbot.waitSignal(page.session.changed, timeout=10000):
        page.toolbar.retire.trigger()
    assert "Bob Brook" in _names(page) and "Bob Brook" in _child_dialog_iros(page)


def test_a_retired_iro_with_no_children_is_still_listed(page, qtbot, qtmodeltester):
    iro_records.add_iro(page.session.uow, Iro("Cy Cole", fte=0.6))
    iro_records.retire_iro(page.session.uow, "Cy Cole")
    page.reload_choosing("Cy Cole")
    qtbot.waitSignal(page.session.changed, timeout=10000).wait()
    assert page.selected_iro() == "Cy Cole"
    assert _cell(page, "Cy Cole (retired)", 4) == "Retired"
    assert page.toolbar.retire.text() == "Reinstate IRO"
    assert page.totals.text().startswith("Service: 3 looked-after children across 1.5 FTE")
    qtmodeltester.check(page.model)


def test_delete_is_refused_with_history_and_offers_retire(page, qtbot):
    page.select_iro("Ann Able")
    _key(qtbot, page, Qt.Key.Key_Delete)
    box = page.toolbar.question
    assert box.windowTitle() == "Ann Able cannot be deleted"
    assert "Retire them instead" in box.text()
    retire = next(b for b in box.buttons() if b.text() == "Retire")
    with qtbot.waitSignal(page.session.changed, timeout=10000):
        retire.click()
    assert "Ann Able (retired)" in _names(page)


def test_delete_an_iro_without_history(page, qtbot):
    iro_records.add_iro(page.session.uow, Iro("Typo Name", fte=1.0))
    page.reload_choosing("Typo Name")
    qtbot.waitSignal(page.session.changed, timeout=10000).wait()
    page.toolbar.delete.trigger()
    box = page.toolbar.question
    assert box.windowTitle() == "Delete Typo Name?"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    delete = next(b for b in box.buttons() if b.text() == "Delete")
    with qtbot.waitSignal(page.session.changed, timeout=10000):
        delete.click()
    assert _names(page) == ["Ann Able", "Bob Brook"]
    assert [r.name for r in iro_records.iro_list(page.session.uow)] == ["Ann Able",
                                                                         "Bob Brook"]


def test_model_with_a_retired_row_passes_the_model_tester(qtmodeltester, page):
    model = CaseloadModel()
    listed = iro_records.iro_list(page.session.uow) + (
        iro_records.IroRow("Old Oak", 0.5, True, 3, False, False, 2),)
    model.set_caseloads(caseloads(page.session.cohort), listed)
    assert model.rowCount() == 3
    assert model.data(model.index(2, 0), ROW_ROLE).name == "Old Oak"
    qtmodeltester.check(model)


def test_the_page_has_its_own_toolbar_with_the_four_commands(page):
    from PySide6.QtWidgets import QToolBar

    (bar,) = page.findChildren(QToolBar)
    assert bar.accessibleName() == "IRO actions" and not bar.isMovable()
    assert [a.text() for a in bar.actions()] == ["Add IRO…", "Edit IRO…", "Retire IRO",
                                                 "Delete IRO…"]


def test_an_iro_whose_fte_is_not_set_says_so_and_edit_sets_it(page, qtbot):
    """An IRO a spreadsheet import created (FTE 0.0, not set) shows "not set" and "FTE not
    set", never a figure worked out on an assumed FTE; Edit IRO… sets it."""
    from dataclasses import replace

    with page.session.uow() as uow:  # as the spreadsheet import stores them
        uow.repo.add(Iro("Una Unset", fte=0.0))
        child = uow.repo.child("P5")
        uow.repo.update(replace(child, iro="Una Unset"))
    with qtbot.waitSignal(page.session.changed, timeout=10000):
        page.session.reload()
    assert (_cell(page, "Una Unset", 1), _cell(page, "Una Unset", 3),
            _cell(page, "Una Unset", 4)) == ("not set", "not set", "FTE not set")
    assert "set the FTE with Edit IRO" in page.proxy.data(
        page.proxy.index(_names(page).index("Una Unset"), 4), Qt.ItemDataRole.ToolTipRole)
    page.select_iro("Una Unset")
    page.toolbar.edit.trigger()
    dialog = page.toolbar.dialog
    dialog.ui.fte.setText("0.5")
    _save(qtbot, page, dialog)
    assert (_cell(page, "Una Unset", 1), _cell(page, "Una Unset", 3)) == ("0.5", "2.0")
