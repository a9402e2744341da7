"""The Reports dialog: the fields each report needs, generation off the GUI thread giving the
same PDF as the CLI path, preview, save, print, failures shown in the dialog, and the main
window's Reports… action."""

from __future__ import annotations

import re
import subprocess
import threading
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, QSettings
from PySide6.QtPrintSupport import QPrinter

from permanence_tracker import reports
from permanence_tracker.domain.panels import AgendaItem, PanelMeeting
from permanence_tracker.gui import pdf_preview
from permanence_tracker.gui.main import make_application
from permanence_tracker.gui.pdf_preview import have_qt_pdf
from permanence_tracker.gui.reports_dialog import ReportsDialog
from permanence_tracker.gui.session import Session
from permanence_tracker.services import panels as panel_service
from permanence_tracker.services.reporting import inputs as report_inputs
from permanence_tracker.services.reporting.inputs import ReportRequest, load_report_input

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py
NOW = datetime(2026, 4, 1, 9, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    make_application()
    yield


@pytest.fixture
def session(qtbot, small_authority):
    session = Session(small_authority, AS_OF)
    with qtbot.waitSignal(session.changed, timeout=10000):
        session.reload()
    return session


@pytest.fixture
def make(qtbot, session):
    def made(use_qt_pdf=None) -> ReportsDialog:
        dialog = ReportsDialog(session, clock=lambda: NOW, use_qt_pdf=use_qt_pdf)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.panels_loaded, timeout=10000)
        return dialog
    return made


def _choose(dialog, name: str) -> None:
    dialog.report.setCurrentIndex(dialog.report.findData(name))


def _generate(qtbot, dialog) -> None:
    """Generate and wait for the background task to report back (by the dialog's state, so a
    task that finishes before the wait begins is not missed)."""
    before = dialog.pdf
    assert dialog.generate() is not None
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert dialog.pdf and dialog.pdf is not before, dialog.message.text()


def _visible(dialog, field: str) -> bool:
    return dialog.form.isRowVisible(dialog.rows[field])


def test_each_report_shows_the_fields_it_needs(make):
    dialog = make()
    _choose(dialog, "review-prep")
    assert _visible(dialog, "child") and not _visible(dialog, "panel")
    assert not dialog.generate_button.isEnabled()
    assert dialog.generate_button.toolTip() == "Enter the child's ID."
    dialog.child.setText("P1")
    assert dialog.generate_button.isEnabled()
    _choose(dialog, "panel-summary")
    assert _visible(dialog, "panel") and not _visible(dialog, "child")
    assert dialog.generate_button.toolTip() == "Choose a panel."
    _choose(dialog, "caseloads")
    assert _visible(dialog, "iro") and dialog.generate_button.isEnabled()
    assert [dialog.iro.itemText(i) for i in range(dialog.iro.count())] == [
        "All IROs", "Ann Able", "Bob Brook"]
    _choose(dialog, "cohort")
    assert _visible(dialog, "from") and not dialog.period_from.isEnabled()
    dialog.use_from.setChecked(True)
    # As of 31/03/2026 the financial year began on 01/04/2025 (issue 8, 2.9).
    assert dialog.request().period_from == date(2025, 4, 1)


def test_period_from_defaults_to_the_financial_year_of_the_as_of_date(make):
    """Issue 8, 2.9: the financial year containing the as-of date starts on 1 April of the
    previous calendar year from January to March (the dialog used to offer 1 April of the
    as-of date's own year: 01/04/2026 for 31/03/2026, a date after the as-of date)."""
    dialog = make()
    _choose(dialog, "cohort")
    assert dialog.period_from.date().toPython() == date(2025, 4, 1)
    dialog.as_of.setDate(QDate(2026, 6, 15))
    assert dialog.period_from.date().toPython() == date(2026, 4, 1)
    dialog.as_of.setDate(QDate(2027, 1, 10))
    assert dialog.period_from.date().toPython() == date(2026, 4, 1)
    dialog.use_from.setChecked(True)  # chosen by hand: the as-of date no longer moves it
    dialog.period_from.setDate(QDate(2026, 10, 1))
    dialog.as_of.setDate(QDate(2027, 2, 1))
    assert dialog.request().period_from == date(2026, 10, 1)


def test_generated_off_the_gui_thread_and_equal_to_the_cli_report(qtbot, make, session,
                                                                  monkeypatch):
    threads = []
    real = report_inputs.load_report_input

    def spy(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(report_inputs, "load_report_input", spy)
    dialog = make()
    _choose(dialog, "caseloads")
    dialog.iro.setCurrentIndex(dialog.iro.findData("Bob Brook"))
    _generate(qtbot, dialog)
    assert threads and threads[0] is not threading.main_thread()
    request = ReportRequest("caseloads", AS_OF, iro="Bob Brook")
    assert dialog.pdf == reports.render(real(session.uow, request), NOW)
    assert dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    if have_qt_pdf():
        assert dialog.preview.page_count() == 2  # summary and Bob Brook's section
        assert "IRO caseloads as of 31/03/2026: 2 pages." in dialog.message.text()


def test_review_prep_for_a_child_and_an_unknown_child(qtbot, make, session):
    dialog = make()
    _choose(dialog, "review-prep")
    dialog.child.setText("P1")
    _generate(qtbot, dialog)
    expected = load_report_input(session.uow, ReportRequest("review-prep", AS_OF,
                                                            child_id="P1"))
    assert dialog.pdf == reports.render(expected, NOW)
    dialog.child.setText("NOPE")
    assert dialog.generate() is not None
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert "Could not generate the report: no child with ID 'NOPE'" in dialog.message.text()
    assert dialog.pdf == reports.render(expected, NOW)  # the last good report is kept


def test_outcome_sheets_for_a_chosen_panel(qtbot, small_authority, session):
    panel = panel_service.save_panel(small_authority.uow, PanelMeeting(
        date(2026, 2, 4), "Permanence", "Pat Chair", ("Pat Chair", "Ravi Member"), True), AS_OF)
    panel_service.save_item(small_authority.uow, AgendaItem(
        panel.id, "Plan for permanent fostering", "P1"), AS_OF)
    dialog = ReportsDialog(session, clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.panels_loaded, timeout=10000)
    _choose(dialog, "outcome-sheet")
    assert dialog.panel.itemText(0) == "04/02/2026 Permanence panel (1 item)"
    dialog.panel.setCurrentIndex(0)
    _generate(qtbot, dialog)
    request = ReportRequest("outcome-sheet", AS_OF, panel_id=panel.id)
    assert dialog.pdf == reports.render(load_report_input(session.uow, request), NOW)


def test_a_panel_of_two_items_says_items(qtbot, small_authority, session):
    panel = panel_service.save_panel(small_authority.uow, PanelMeeting(
        date(2026, 2, 4), "Permanence", "Pat Chair", ("Pat Chair", "Ravi Member"), True), AS_OF)
    for child in ("P1", "P2"):
        panel_service.save_item(small_authority.uow, AgendaItem(
            panel.id, "Plan for permanent fostering", child), AS_OF)
    dialog = ReportsDialog(session, clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.panels_loaded, timeout=10000)
    _choose(dialog, "outcome-sheet")
    assert dialog.panel.itemText(0) == "04/02/2026 Permanence panel (2 items)"


def test_save_writes_the_pdf(qtbot, make, tmp_path):
    dialog = make()
    _generate(qtbot, dialog)
    assert dialog.save_to(tmp_path / "caseloads")  # .pdf added
    assert (tmp_path / "caseloads.pdf").read_bytes() == dialog.pdf
    assert not dialog.save_to(tmp_path / "missing" / "x.pdf")
    assert "Could not save" in dialog.message.text()


@pytest.mark.skipif(not have_qt_pdf(), reason="Qt PDF (PySide6-Pdf) is not installed")
def test_print_renders_every_page(qtbot, make, tmp_path):
    dialog = make()
    _generate(qtbot, dialog)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    pages = dialog.print_to(printer)
    assert pages == dialog.preview.page_count() == 4  # summary, Ann, Bob, no IRO
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"Pages:\s+4\n", info), info


def test_without_qt_pdf_the_viewer_previews_and_prints(qtbot, make, monkeypatch):
    opened = []
    monkeypatch.setattr(pdf_preview.QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    dialog = make(use_qt_pdf=False)
    assert not dialog.preview.embedded
    _generate(qtbot, dialog)
    dialog.print_report()
    assert opened and opened[0].endswith("caseloads-2026-03-31.pdf")
    with open(opened[0], "rb") as handle:
        assert handle.read() == dialog.pdf
    assert "print it from there" in dialog.message.text()


def test_main_window_opens_reports_with_a_shortcut(qtbot, session):
    from permanence_tracker.gui.main_window import MainWindow
    from permanence_tracker.gui.pages.children import ChildrenPage

    window = MainWindow(session, [ChildrenPage], today=AS_OF)
    qtbot.addWidget(window)
    action = next(a for a in window.findChildren(type(window.actions()[0]))
                  if a.text() == "Reports…")
    assert action.shortcut().toString() == "Ctrl+Shift+T"  # Ctrl+Shift+P: a plan, in a record
    action.trigger()
    dialog = window.findChild(ReportsDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.panels_loaded, timeout=10000)
