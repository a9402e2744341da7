"""File ▸ Import tracker spreadsheet… (issue 11): the wizard driven page by page on a messy
synthetic workbook built here with openpyxl (a cover sheet, title rows, a totals row, typed
legal statuses, two date styles, an IRO with stray spaces, a bad date, a row that conflicts
with the 903 episode held, a name + date-of-birth match). No real data."""

from __future__ import annotations

import threading
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QWizard

from permanence_tracker.app import open_context
from permanence_tracker.domain.entities import Child, Episode
from permanence_tracker.gui.child_record import ChildRecordWindow
from permanence_tracker.gui.import_spreadsheet import SpreadsheetWizard
from permanence_tracker.gui.import_spreadsheet import import_page as import_module
from permanence_tracker.gui.import_spreadsheet import preview_page as preview_module
from permanence_tracker.gui.import_spreadsheet.wizard import IMPORT, MAP, PREVIEW, SUMMARY
from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.pages.registry import PAGES
from permanence_tracker.gui.session import Session
from permanence_tracker.services.imports.spreadsheet.mappings import load_mappings
from permanence_tracker.services.permanence.cohort import load_cohort
from permanence_tracker.services.records.editing import add_child, save_episode

TODAY = date(2026, 4, 1)
HEADERS = ["Child ID", "Forename", "Surname", "DOB", "Legal Status", "Date became LAC",
           "1st LAC review", "2nd LAC review", "Plan type", "Date plan agreed", "IRO",
           "Keyworker"]
KEYWORKER = HEADERS.index("Keyworker")

pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


def workbook(path: Path) -> Path:
    book = Workbook()
    book.active.title = "Cover"  # empty: the wizard chooses the first sheet with rows
    sheet = book.create_sheet("LAC tracker")
    sheet.append(["Permanence tracker 2025-26 (synthetic)"])
    sheet.append([])
    sheet.append(HEADERS)
    sheet.append(["S1", "Ada", "Ash", datetime(2015, 5, 4), "S20", "06/01/2025", "2025-02-03",
                  "02/05/2025", "Long term fostering", "01/04/2025", " Jo  Bloggs ", "Sam Sw"])
    sheet.append(["S2", "Ben", "Birch", "04/05/2016", "ICO", "06/01/2025", "03/02/2025",
                  "2025-05-02", "SGO", "01/07/2025", "Jo Bloggs", ""])
    sheet.append(["S3", "Cy", "Cole", "04/05/2017", "ICO", "06/01/2025", "03/02/2025",
                  "02/05/2025", "Adoption", "01/04/2025", "Kay Lee", ""])
    sheet.append(["", "Eve", "Elm", "03/03/2014", "S20", "06/01/2025", "", "", "", "",
                  "Kay Lee", ""])
    sheet.append(["S4", "Dot", "Dale", "31/02/2016", "S20", "06/01/2025", "", "", "", "", "",
                  ""])  # no 31 February: rejected
    sheet.append(["Total", 5])
    book.save(path)
    return path


@pytest.fixture
def tracker(tmp_path):
    """S3 came in with a 903 return under section 20 (V2); T9 is held without a sheet ID."""
    ctx = open_context(f"sqlite:///{tmp_path / 'wizard.sqlite'}", user="tester")
    add_child(ctx.uow, Child("S3", date(2017, 5, 4), forename="Cy", surname="Cole"), TODAY)
    save_episode(ctx.uow, Episode("S3", date(2025, 1, 6), "S", "V2", placement="U4",
                                  provider="PR1"), TODAY)
    add_child(ctx.uow, Child("T9", date(2014, 3, 3), forename="Eve", surname="Elm"), TODAY)
    yield ctx
    ctx.dispose()


def _children(ctx) -> set[str]:
    return {s.child_id for s in load_cohort(ctx.uow, TODAY).standings}


@pytest.fixture
def wizard(qtbot, tracker):
    opened: list[str] = []
    w = SpreadsheetWizard(Session(tracker, TODAY), TODAY, open_child=opened.append)
    w.opened = opened
    qtbot.addWidget(w)
    w.show()
    return w


def _next_enabled(w: QWizard) -> bool:
    return w.button(QWizard.WizardButton.NextButton).isEnabled()


def _to_preview(qtbot, w: SpreadsheetWizard, path: Path) -> None:
    w.set_path(path)
    qtbot.waitUntil(w.file_page.isComplete, timeout=20000)
    w.next()
    assert w.currentId() == MAP
    w.next()
    assert w.currentId() == PREVIEW
    qtbot.waitUntil(lambda: w.state.preview is not None, timeout=20000)


def test_every_page_from_the_workbook_to_the_children_changed(qtbot, qtmodeltester, wizard,
                                                              tracker, tmp_path):
    w = wizard
    w.set_path(workbook(tmp_path / "tracker.xlsx"))
    qtbot.waitUntil(w.file_page.isComplete, timeout=20000)
    sheets = [w.file_page.sheets.item(n).text() for n in range(w.file_page.sheets.count())]
    assert sheets == ["Cover — 0 rows", "LAC tracker — 8 rows"]
    assert w.file_page.sheets.currentRow() == 1
    assert "headers are on row 3" in w.file_page.message.text()
    assert "Left out: row 9 (totals row" in w.file_page.message.text()
    assert _next_enabled(w)
    w.next()  # Map columns
    page = w.mapping_page
    qtmodeltester.check(page.model)
    assert page.source.text().startswith("Mapped automatically")
    assert page.mapping()[0] == "child_id" and KEYWORKER not in page.mapping()
    page.combos[KEYWORKER].setCurrentIndex(page.combos[KEYWORKER].findData("child_id"))
    assert "“Child ID” is chosen for columns A, L" in page.problems.text()
    assert not _next_enabled(w)
    page.combos[KEYWORKER].setCurrentIndex(page.combos[KEYWORKER].findData("social_worker"))
    assert page.problems.text() == "" and _next_enabled(w)
    page.save_mapping_as("Our tracker")
    assert load_mappings(tracker.uow)["Our tracker"]["Keyworker"] == "social_worker"
    w.next()  # Preview
    preview = w.preview_page
    qtbot.waitUntil(lambda: w.state.preview is not None, timeout=20000)
    assert preview.totals.text().startswith(
        "Create 2 · Update 2 · Unchanged 0 · Rejected 1; 1 row left out")
    assert "new IROs: Jo Bloggs, Kay Lee" in preview.totals.text()  # the stray spaces gone
    [problem] = preview.problems_model.rows()
    assert (problem.sheet, problem.row, problem.column, problem.value) == (
        "LAC tracker", 8, "DOB", "31/02/2016")
    assert preview.tabs.tabText(1) == "&Problems (1)"
    preview.outcome_filter.setCurrentIndex(preview.outcome_filter.findData("rejected"))
    assert preview.rows_proxy.rowCount() == 1
    [conflict] = preview.conflicts.model.rows()
    assert (conflict.child_id, conflict.tracker_value, conflict.sheet_value) == (
        "S3", "V2", "C1")
    assert not _next_enabled(w)  # the conflict is undecided
    preview.conflicts.decide(0, "take")
    assert _next_enabled(w)
    preview.matches.boxes[0].setChecked(True)  # row 7 is T9, Eve Elm
    for model in (preview.rows_model, preview.rows_proxy, preview.problems_model,
                  preview.conflicts.model, preview.matches.model):
        qtmodeltester.check(model)
    w.next()  # Import
    assert w.currentId() == IMPORT
    importing = w.import_page
    assert importing.skip_box.isVisible() and not importing.isComplete()
    importing.skip_box.setChecked(True)
    rejects = tmp_path / "rejected.csv"
    importing.rejects_edit.setText(str(rejects))
    assert importing.isComplete()
    assert _children(tracker) == {"S3", "T9"}  # nothing written before the import
    w.next()
    qtbot.waitUntil(lambda: w.currentId() == SUMMARY, timeout=20000)
    summary = w.summary_page
    assert summary.counts.text().startswith("2 children created, 2 updated, 0 unchanged, "
                                            "1 row rejected")
    assert str(rejects) in summary.counts.text() and rejects.exists()
    assert "Jo Bloggs, Kay Lee" in summary.iros.text() and "FTE" in summary.iros.text()
    qtmodeltester.check(summary.model)
    assert {c.child_id for c in summary.model.rows()} == {"S1", "S2", "S3", "T9"}
    assert _children(tracker) == {"S1", "S2", "S3", "T9"}
    row = next(n for n, c in enumerate(summary.model.rows()) if c.child_id == "S1")
    summary.view.activated.emit(summary.model.index(row, 0))
    assert w.opened == ["S1"]


def test_opening_a_child_from_the_summary_opens_their_record(qtbot, tracker, tmp_path):
    window = MainWindow(Session(tracker, TODAY), PAGES, today=TODAY)
    qtbot.addWidget(window)
    w = window.import_spreadsheet(workbook(tmp_path / "tracker.xlsx"))
    qtbot.waitUntil(w.file_page.isComplete, timeout=20000)
    w.next()
    w.next()
    qtbot.waitUntil(lambda: w.state.preview is not None, timeout=20000)
    w.preview_page.conflicts.decide_all("keep")
    w.next()
    w.import_page.skip_box.setChecked(True)
    w.import_page.rejects_edit.setText("")  # no rejects file wanted
    w.next()
    qtbot.waitUntil(lambda: w.currentId() == SUMMARY, timeout=20000)
    summary = w.summary_page
    row = next(n for n, c in enumerate(summary.model.rows()) if c.child_id == "S2")
    summary.view.activated.emit(summary.model.index(row, 1))
    [record] = window.findChildren(ChildRecordWindow)
    assert record.child_id == "S2"
    summary.iros_button.click()
    assert window.pages[window.stack.currentIndex()].title == "IROs"


@pytest.mark.parametrize("stage", ["preview", "import"])
def test_cancel_writes_nothing(qtbot, wizard, tracker, tmp_path, monkeypatch, stage):
    w = wizard
    module, name = (preview_module, "preview_import") if stage == "preview" else \
        (import_module, "commit_import")
    gate, real = threading.Event(), getattr(module, name)

    def held(*args, **kwargs):
        gate.wait(10)  # under way when Cancel is pressed
        return real(*args, **kwargs)

    if stage == "import":
        _to_preview(qtbot, w, workbook(tmp_path / "tracker.xlsx"))
        w.preview_page.conflicts.decide_all("take")
        w.next()
        w.import_page.skip_box.setChecked(True)
    monkeypatch.setattr(module, name, held)
    if stage == "preview":
        w.set_path(workbook(tmp_path / "tracker.xlsx"))
        qtbot.waitUntil(w.file_page.isComplete, timeout=20000)
        w.next()
    w.next()
    page = w.preview_page if stage == "preview" else w.import_page
    assert page.runner.busy and not page.runner.isHidden() and not _next_enabled(w)
    page.runner.cancel_button.click()
    gate.set()
    qtbot.waitUntil(lambda: not page.runner.busy, timeout=20000)
    if stage == "preview":
        assert page.totals.text().startswith("Preview cancelled: nothing was written")
        assert w.state.preview is None and not page.isComplete()
    else:
        assert page.message.text() == "Cancelled: nothing was written."
        assert w.currentId() == IMPORT and w.state.summary is None
    assert _children(tracker) == {"S3", "T9"}


def test_a_bad_workbook_says_why_and_next_stays_disabled(qtbot, wizard, tmp_path):
    bad = tmp_path / "tracker.xlsx"
    bad.write_text("Child ID,Name\nnot really a workbook\n")
    wizard.set_path(bad)
    qtbot.waitUntil(lambda: not wizard.file_page.runner.busy, timeout=20000)
    assert "tracker.xlsx is not a workbook" in wizard.file_page.message.text()
    assert "save it as .xlsx" in wizard.file_page.message.text()  # how to fix it
    assert not wizard.file_page.isComplete() and not _next_enabled(wizard)


def _mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_a_workbook_dropped_on_the_window_opens_the_wizard(qtbot, tracker, tmp_path):
    window = MainWindow(Session(tracker, TODAY), PAGES, today=TODAY)
    qtbot.addWidget(window)
    path = workbook(tmp_path / "tracker.xlsx")
    mime = _mime(path)  # kept alive: an event does not own its mime data
    enter = QDragEnterEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    window.dropEvent(QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier))
    [opened] = window.findChildren(SpreadsheetWizard)
    assert opened.state.path == path and opened.isVisible()
    qtbot.waitUntil(opened.file_page.isComplete, timeout=20000)
    opened.close()
