"""The "Pseudonymise" check boxes (issue 12): the Reports dialog's pseudonymises the report
it generates (the same PDF as the service path with ``pseudonymise``), and the Audit page's
writes its export with names as initials and dates of birth as month and year."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook

from permanence_tracker import reports
from permanence_tracker.gui.export_table import PSEUDONYMISE_TEXT
from permanence_tracker.gui.pages.audit import AuditPage
from permanence_tracker.gui.reports_dialog import ReportsDialog
from permanence_tracker.gui.session import Session
from permanence_tracker.services.reporting.inputs import ReportRequest, load_report_input

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py
NOW = datetime(2026, 4, 1, 9, 30, tzinfo=UTC)
pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


@pytest.fixture
def session(qtbot, small_authority):
    session = Session(small_authority, AS_OF)
    with qtbot.waitSignal(session.changed, timeout=10000):
        session.reload()
    return session


def test_reports_dialog_box_pseudonymises_the_report(qtbot, session, tmp_path):
    dialog = ReportsDialog(session, clock=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.panels_loaded, timeout=10000)
    assert dialog.pseudonymise.text() == PSEUDONYMISE_TEXT
    assert not dialog.pseudonymise.isChecked()  # off unless asked for
    dialog.report.setCurrentIndex(dialog.report.findData("review-prep"))
    dialog.child.setText("P1")
    dialog.pseudonymise.setChecked(True)
    assert dialog.request().pseudonymise
    assert dialog.generate() is not None
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    expected = load_report_input(session.uow, ReportRequest(
        "review-prep", AS_OF, child_id="P1", pseudonymise=True))
    assert dialog.pdf == reports.render(expected, NOW)
    out = tmp_path / "p1.pdf"
    out.write_bytes(dialog.pdf)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Ava Stone" not in text and "10/01/2012" not in text
    assert "A.S." in text and "01/2012" in text and "Pseudonymised" in text


def test_audit_page_box_pseudonymises_the_export(qtbot, small_authority, tmp_path):
    page = AuditPage(Session(small_authority, AS_OF))
    qtbot.addWidget(page)
    page.show()
    page.child.setText("P1")
    page.show_button.click()
    assert page.pseudonymise.text() == PSEUDONYMISE_TEXT
    plain = page.export_entries(str(tmp_path / "plain.xlsx"))
    page.pseudonymise.setChecked(True)
    hidden = page.export_entries(str(tmp_path / "hidden.xlsx"))

    def cells(path) -> str:
        sheet = load_workbook(path).active
        return " ".join(str(c.value) for row in sheet.iter_rows() for c in row)

    assert "Ava" in cells(plain) and "10/01/2012" in cells(plain)
    shown = cells(hidden)
    assert "Ava" not in shown and "Stone" not in shown and "10/01/2012" not in shown
    assert "Pseudonymised" in shown
    fields = {row[7]: row[9] for row in load_workbook(hidden).active.iter_rows(
        min_row=5, values_only=True) if row[9]}  # Field: After
    assert fields["forename"] == "A." and fields["dob"] == "01/2012"
