"""A date typed or pasted whole is that date, in every date field; one that cannot be read is
refused with a message, never guessed (issue 10, item 1).

Driven by keys on the real widgets: the main window's As-of field, the review dialog's date
held, the panel dialogs' dates and the Reports dialog's dates.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox

from permanence_tracker.domain.entities import Review
from permanence_tracker.gui.dialogs.review import ReviewDialog
from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.pages.children import ChildrenPage
from permanence_tracker.gui.panels import dialogs as panel_dialogs
from permanence_tracker.gui.panels.fields import optional_date
from permanence_tracker.gui.reports_dialog import ReportsDialog
from permanence_tracker.gui.session import Session
from permanence_tracker.gui.widgets.date_edit import DateEdit, read_date

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py
TODAY = date(2026, 11, 23)
ROOT = Path(__file__).resolve().parents[2]
CTRL = Qt.KeyboardModifier.ControlModifier

pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


def _type(qtbot, edit, text: str, finish: bool = True) -> None:
    """Ctrl+A, type ``text``, then Enter (``finish``)."""
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(edit, text)
    if finish:
        qtbot.keyClick(edit, Qt.Key.Key_Return)


def _paste(qtbot, edit, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_V, CTRL)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _day(edit) -> date:
    day = edit.date().toPython()
    assert isinstance(day, date)
    return day


# -- reading -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, day", [
    ("31/03/2026", date(2026, 3, 31)), ("1/4/2026", date(2026, 4, 1)),
    ("15-03-2021", date(2021, 3, 15)), ("5.6.2020", date(2020, 6, 5)),
    (" 29/02/2024 ", date(2024, 2, 29)),
])
def test_a_written_date_reads_day_first(text, day):
    assert read_date(text) == day


@pytest.mark.parametrize("text, words", [
    ("31/02/2026", "February 2026 has 28 days"), ("29/02/2026", "February 2026 has 28 days"),
    ("03/13/2026", "there is no month 13"), ("31/03/26", "type it as dd/mm/yyyy"),
    ("tomorrow", "“tomorrow” is not a date"), ("", "no date entered"),
    ("31/03/2026/1", "is not a date"),
])
def test_an_unreadable_date_is_refused_with_a_reason(text, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        read_date(text)


# -- the As-of field ---------------------------------------------------------------------
@pytest.fixture
def window(qtbot, small_authority):
    session = Session(small_authority, AS_OF)
    win = MainWindow(session, [ChildrenPage], today=TODAY)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(session.changed, timeout=10000):
        session.reload()
    return win


def _reloads(window) -> list[date]:
    asked: list[date] = []
    window.session.loading.connect(
        lambda busy: asked.append(window.session.as_of) if busy else None)
    return asked


def test_as_of_typed_whole_is_that_date_and_reloads_once(qtbot, window):
    edit, reloads = window.as_of_edit, _reloads(window)
    _type(qtbot, edit, "30/09/2025", finish=False)
    assert reloads == [] and window.session.as_of == AS_OF  # nothing for a date being typed
    with qtbot.waitSignal(window.session.changed, timeout=10000):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert _day(edit) == date(2025, 9, 30) == window.session.as_of
    assert len(reloads) == 1
    assert window.as_of_label.text() == "As of 30/09/2025"


def test_as_of_the_reported_case(qtbot, window):
    """Ctrl+A and 31/03/2026 gave 02/03/2026 and reloaded for it."""
    with qtbot.waitSignal(window.session.changed, timeout=10000):
        window.as_of_edit.setDate(QDate(2025, 1, 1))
    with qtbot.waitSignal(window.session.changed, timeout=10000):
        _type(qtbot, window.as_of_edit, "31/03/2026")
    assert window.session.as_of == AS_OF == _day(window.as_of_edit)


def test_as_of_pasted_is_that_date(qtbot, window):
    with qtbot.waitSignal(window.session.changed, timeout=10000):
        _paste(qtbot, window.as_of_edit, " 1.10.2025\n")
    assert window.session.as_of == date(2025, 10, 1)


@pytest.mark.parametrize("text, words", [
    ("31/02/2026", "31/02/2026 is not a date: February 2026 has 28 days"),
    ("31/0", "“31/0” is not a date: type it as dd/mm/yyyy"),
    ("01/01/2027", "01/01/2027 is after 23/11/2026"),
])
def test_as_of_refuses_an_unreadable_date_and_keeps_the_figures(qtbot, window, text, words):
    edit, reloads = window.as_of_edit, _reloads(window)
    _type(qtbot, edit, text)
    assert _day(edit) == AS_OF and window.session.as_of == AS_OF and reloads == []
    qtbot.waitUntil(window.as_of_problem.isVisible)  # the toolbar lays out when idle
    assert words in window.as_of_problem.text() and words in edit.accessibleDescription()
    with qtbot.waitSignal(window.session.changed, timeout=10000):
        _type(qtbot, edit, "1/3/2026")  # a good date takes the message away
    assert window.session.as_of == date(2026, 3, 1) and edit.problem == ""
    qtbot.waitUntil(lambda: not window.as_of_problem.isVisible())


def test_leaving_the_as_of_field_settles_the_date(qtbot, window):
    edit = window.as_of_edit
    _type(qtbot, edit, "28-02-2026", finish=False)
    assert window.session.as_of == AS_OF
    with qtbot.waitSignal(window.session.changed, timeout=10000):
        window.nav.setFocus()
    assert window.session.as_of == date(2026, 2, 28)


# -- the review dialog -------------------------------------------------------------------
@pytest.fixture
def review(qtbot, small_authority):
    with small_authority.uow() as u:
        child = u.repo.child("P1")
    dialog = ReviewDialog(small_authority.uow, AS_OF, child)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _reviews(uow) -> set[date]:
    with uow() as u:
        return {r.held for r in u.repo.records(Review, "P1")}


def test_review_date_typed_after_tab_is_that_date(qtbot, review, small_authority):
    review.ui.participation.setFocus()
    qtbot.keyClick(review.ui.participation, Qt.Key.Key_Backtab)  # into the date: all chosen
    assert review.focusWidget() is review.ui.held
    qtbot.keyClicks(review.ui.held, "15/03/2026")
    review.ui.participation.setCurrentIndex(review.ui.participation.findData("PN1"))
    review.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert review.result_record is not None, review.ui.held_error.text()
    assert date(2026, 3, 15) in _reviews(small_authority.uow)


def test_review_reported_case_is_that_date(qtbot, review):
    _type(qtbot, review.ui.held, "15/03/2021")
    assert _day(review.ui.held) == date(2021, 3, 15)


def test_review_refuses_an_impossible_date_next_to_the_field(qtbot, review, small_authority):
    before = _reviews(small_authority.uow)
    review.ui.participation.setCurrentIndex(review.ui.participation.findData("PN1"))
    _type(qtbot, review.ui.held, "30/02/2026", finish=False)
    review.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert review.isVisible() and review.result_record is None
    assert review.problem_text("held") == (
        "⚠ Date held: 30/02/2026 is not a date: February 2026 has 28 days")
    assert review.focusWidget() is review.ui.held
    assert _reviews(small_authority.uow) == before
    _type(qtbot, review.ui.held, "10/03/2026")  # corrected: the message goes
    assert review.problem_text("held") == ""


def test_leaving_a_dialog_date_shows_its_problem_at_once(qtbot, review):
    _type(qtbot, review.ui.held, "12/2026", finish=False)
    review.ui.participation.setFocus()
    assert "“12/2026” is not a date" in review.problem_text("held")
    assert review.focusWidget() is review.ui.participation  # focus is not pulled back


# -- panel dialogs -----------------------------------------------------------------------
def test_panel_date_typed_whole(qtbot, small_authority):
    dialog = panel_dialogs.PanelDialog(small_authority.uow, AS_OF)
    qtbot.addWidget(dialog)
    dialog.show()
    _type(qtbot, dialog.ui.date, "7.4.2026")
    assert _day(dialog.ui.date) == date(2026, 4, 7)
    _paste(qtbot, dialog.ui.date, "31-02-2026")
    assert _day(dialog.ui.date) == date(2026, 4, 7)
    assert "February 2026 has 28 days" in dialog.problem_text("date")


def test_panel_optional_date_typed_or_emptied(qtbot, small_authority, monkeypatch):
    from permanence_tracker.domain.panels import AgendaItem
    from permanence_tracker.services import panels as svc

    stored = AgendaItem(1, "Adoption match", "P1", id=1)
    monkeypatch.setattr(svc, "agenda_item", lambda uow, item_id: stored)
    dialog = panel_dialogs.DecisionDialog(small_authority.uow, AS_OF, stored, "Item 1", AS_OF)
    qtbot.addWidget(dialog)
    dialog.show()
    _type(qtbot, dialog.ui.minutes_received, "2/3/2026")
    assert optional_date(dialog.ui.minutes_received) == date(2026, 3, 2)
    edit = dialog.ui.minutes_received
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert optional_date(edit) is None and edit.problem == ""


# -- the Reports dialog ------------------------------------------------------------------
@pytest.fixture
def reports(qtbot, small_authority):
    session = Session(small_authority, AS_OF)
    with qtbot.waitSignal(session.changed, timeout=10000):
        session.reload()
    dialog = ReportsDialog(session, use_qt_pdf=False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.panels_loaded, timeout=10000)
    return dialog


def test_reports_dates_typed_whole(qtbot, reports):
    _type(qtbot, reports.as_of, "31/01/2026", finish=False)  # Enter here would generate
    reports.report.setFocus()
    assert _day(reports.as_of) == date(2026, 1, 31)
    assert _day(reports.period_from) == date(2025, 4, 1)  # follows the typed as-of date
    reports.report.setCurrentIndex(reports.report.findData("cohort"))
    reports.use_from.setChecked(True)
    QGuiApplication.clipboard().setText("01-06-2025")
    reports.period_from.setFocus()
    qtbot.keyClick(reports.period_from, Qt.Key.Key_V, CTRL)
    assert reports.refused_dates() == ""  # what Generate does first: settle the typing
    assert reports.request().period_from == date(2025, 6, 1)


def test_reports_refuse_an_unreadable_date_and_generate_nothing(qtbot, reports):
    _type(qtbot, reports.as_of, "32/01/2026", finish=False)
    assert reports.generate() is None
    assert reports.message.text() == (
        "⚠ As of: 32/01/2026 is not a date: January 2026 has 31 days")
    assert _day(reports.as_of) == AS_OF
    _type(qtbot, reports.as_of, "31/01/2026", finish=False)  # Enter here would generate
    reports.report.setFocus()
    assert _day(reports.as_of) == date(2026, 1, 31) and reports.message.text() == ""


# -- one date field everywhere -----------------------------------------------------------
def test_every_date_field_is_the_one_date_edit():
    for form in sorted((ROOT / "ui").glob("*.ui")):
        assert 'class="QDateEdit"' not in form.read_text(encoding="utf-8"), (
            f"{form.name}: promote the date to DateEdit (permanence_tracker.gui.widgets)")
    made = [f"{path.relative_to(ROOT)}" for path in (ROOT / "permanence_tracker").rglob("*.py")
            if re.search(r"\bQDate(Time)?Edit\(", path.read_text(encoding="utf-8"))]
    assert made == [], f"create DateEdit, not QDateEdit: {made}"


def test_the_live_windows_hold_only_date_edits(window, review, reports):
    for widget in (window, review, reports):
        edits = widget.findChildren(QDateEdit)
        assert edits and all(isinstance(edit, DateEdit) for edit in edits)
