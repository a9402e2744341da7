"""The Reports dialog says a request the service refuses in its own words ("Period from ...",
not the command line's "--from ..."), at once and without starting a background task."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate

from permanence_tracker.gui.reports_dialog import ReportsDialog
from permanence_tracker.gui.session import Session

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py


def test_a_period_starting_after_the_as_of_date(qtbot, small_authority):
    session = Session(small_authority, AS_OF)
    with qtbot.waitSignal(session.changed, timeout=10000):
        session.reload()
    dialog = ReportsDialog(session, clock=lambda: datetime(2026, 4, 1, tzinfo=UTC))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.panels_loaded, timeout=10000)
    dialog.report.setCurrentIndex(dialog.report.findData("cohort"))
    dialog.use_from.setChecked(True)
    dialog.period_from.setDate(QDate(2026, 4, 1))
    assert dialog.generate() is None and dialog.task is None
    assert dialog.message.text() == ("⚠ Could not generate the report: Period from 01/04/2026 "
                                     "is after the as-of date 31/03/2026: give a start on or "
                                     "before it")
    assert dialog.generate_button.isEnabled() and not dialog.pdf
