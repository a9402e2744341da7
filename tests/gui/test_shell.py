"""The shell: welcome choices, status bar, as-of date, remembered state, Children page."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from permanence_tracker.gui.main import choose_database
from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.pages.children import ChildrenPage
from permanence_tracker.gui.session import Session
from permanence_tracker.gui.welcome import WelcomeDialog

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py


pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


@pytest.fixture
def window(qtbot, small_authority):
    session = Session(small_authority, AS_OF)
    win = MainWindow(session, [ChildrenPage], today=date(2026, 11, 23))
    qtbot.addWidget(win)
    with qtbot.waitSignal(session.changed, timeout=10000):
        session.reload()
    return win


def test_welcome_offers_three_choices(qtbot, tmp_path):
    dialog = WelcomeDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.demo_button.click()
    assert dialog.choice.demo is True
    assert dialog.choice.url.endswith("demo.sqlite")
    dialog = WelcomeDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.create_button.click()
    assert dialog.choice.url == f"sqlite:///{tmp_path / 'permanence-tracker.sqlite'}"
    assert not dialog.choice.demo


def test_db_argument_skips_the_welcome_screen(tmp_path):
    assert choose_database("sqlite:////x/y.sqlite").url == "sqlite:////x/y.sqlite"


def test_status_bar_shows_database_user_and_as_of(window):
    assert "gui.sqlite" in window.db_label.text()
    assert window.user_label.text() == "User: tester"
    assert window.as_of_label.text() == "As of 31/03/2026"
    assert not window.demo_label.isVisibleTo(window)


def test_as_of_control_recomputes_the_rows(qtbot, window):
    page = window.pages[0]
    assert page.proxy.rowCount() == 4
    with qtbot.waitSignal(window.session.changed, timeout=10000):
        window.as_of_edit.setDate(QDate(2025, 9, 30))
    # On 30/09/2025 P3 (from 05/01/2026) and P5 (from 06/10/2025) were not yet in care,
    # and P4 had already left (10/01/2025).
    ids = sorted(page.proxy.data(page.proxy.index(r, 0), Qt.ItemDataRole.DisplayRole)
                 .lstrip("⚑ ") for r in range(page.proxy.rowCount()))
    assert ids == ["P1", "P2"]
    assert window.as_of_label.text() == "As of 30/09/2025"


def test_search_and_count(qtbot, window):
    page = window.pages[0]
    qtbot.keyClicks(page.search, "Wren")
    assert page.proxy.rowCount() == 0  # P4 has left care; the default cohort is "now"
    page.search.clear()
    qtbot.keyClicks(page.search, "hart")
    assert page.proxy.rowCount() == 1
    assert page.count.text() == "1 of 5 children"


def test_saved_cohorts_show_live_counts(qtbot, window):
    page = window.pages[0]
    labels = [page.cohort_box.itemText(i) for i in range(page.cohort_box.count())]
    assert "All looked after now (4)" in labels
    assert "Aged 0-14 (2)" in labels
    assert "Left care (1)" in labels


def test_export_writes_the_visible_rows(qtbot, window, tmp_path):
    from openpyxl import load_workbook

    page = window.pages[0]
    path = page.export_xlsx(str(tmp_path / "view.xlsx"))
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "OFFICIAL-SENSITIVE"
    assert sheet["A4"].value == "Child ID"
    assert sorted(sheet.cell(row=r, column=1).value for r in range(5, 9)) == [
        "P1", "P2", "P3", "P5"]
    start_column = [c.value for c in sheet[4]].index("Start of care") + 1
    assert sheet.cell(row=5, column=start_column).is_date  # a real date, not text


def test_geometry_and_page_are_remembered(qtbot, small_authority):
    session = Session(small_authority, AS_OF)
    first = MainWindow(session, [ChildrenPage], today=date(2026, 11, 23))
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(760, 560)  # inside the 800x600 offscreen screen
    first.show_page(0)
    remembered = (first.size().width(), first.size().height())
    assert remembered[1] == 560  # not the default 800 (clamped to the screen)
    header = first.pages[0].view.horizontalHeader()
    header.moveSection(1, 5)
    first.close()
    second = MainWindow(session, [ChildrenPage], today=date(2026, 11, 23))
    qtbot.addWidget(second)
    assert second.size().height() == remembered[1]
    assert second.pages[0].view.horizontalHeader().visualIndex(1) == 5


def test_exploring_the_demo_builds_it_in_the_background_and_marks_it(qtbot, tmp_path):
    from permanence_tracker.app import open_context
    from permanence_tracker.gui.demo_setup import offer_demo

    context = open_context(f"sqlite:///{tmp_path / 'demo.sqlite'}", user="tester")
    session = Session(context, date(2026, 11, 23))
    win = MainWindow(session, [ChildrenPage], today=date(2026, 11, 23))
    qtbot.addWidget(win)
    win.show()
    assert not session.is_demo
    with qtbot.waitSignal(session.changed, timeout=60000):
        offer_demo(win, session, date(2026, 11, 23))
    assert session.is_demo
    assert win.demo_label.isVisible() and "DEMO" in win.windowTitle()
    page = win.pages[0]
    assert page.model.rowCount() >= 750
    context.dispose()


def test_activating_a_child_opens_their_record_once(qtbot, window):
    from permanence_tracker.gui.child_record import ChildRecordWindow

    page = window.pages[0]
    index = page.proxy.index(0, 0)
    child_id = page.proxy.data(index, Qt.ItemDataRole.DisplayRole).lstrip("⚑ ")
    page.view.activated.emit(index)
    records = [w for w in window.findChildren(ChildRecordWindow)]
    assert len(records) == 1
    assert child_id in records[0].windowTitle()
    records[0].close()


def test_add_child_saves_reloads_and_opens_the_new_record(qtbot, window, monkeypatch):
    from permanence_tracker.gui.child_record import ChildRecordWindow
    from permanence_tracker.gui.dialogs.child import ChildDialog

    def fill_and_save(dialog):
        dialog.ui.child_id.setText("N1")
        dialog.ui.forename.setText("Nia")
        dialog.ui.surname.setText("Vale")
        dialog.ui.dob.setDate(QDate(2019, 5, 4))
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(ChildDialog, "exec", fill_and_save)
    with qtbot.waitSignal(window.session.changed, timeout=10000):
        opened = window.add_child()
    assert isinstance(opened, ChildRecordWindow) and "N1" in opened.windowTitle()
    with window.session.uow() as uow:
        assert uow.repo.child("N1").forename == "Nia"
    opened.close()
