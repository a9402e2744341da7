"""File ▸ Settings…: an administrator changes the authority's name and closure days, saves,
and the session (so the pages and reports) uses them, audited; a bad value is shown under its
field and nothing is stored."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPlainTextEdit

from permanence_tracker.gui.dialogs.settings import SettingsDialog
from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.pages.children import ChildrenPage
from permanence_tracker.gui.session import Session
from permanence_tracker.services.audit import verify_audit
from permanence_tracker.services.settings import list_settings

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py
TODAY = date(2026, 11, 23)

pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


@pytest.fixture
def window(qtbot, small_authority):
    win = MainWindow(Session(small_authority, AS_OF), [ChildrenPage], today=TODAY)
    qtbot.addWidget(win)
    win.show()
    return win


def _open(window) -> SettingsDialog:
    file_menu = window.menuBar().actions()[0].menu()
    entry = next(a for a in file_menu.actions() if a.text() == "Settings…")
    entry.trigger()
    dialogs = window.findChildren(SettingsDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    return dialogs[0]


def _values(uow) -> dict[str, str]:
    return {row.name: row.value for row in list_settings(uow)}


def _save(dialog: SettingsDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_one_labelled_field_per_setting_with_its_description(window, small_authority):
    dialog = _open(window)
    rows = list_settings(small_authority.uow)
    assert list(dialog.fields) == [row.name for row in rows]
    for row in rows:
        field = dialog.fields[row.name]
        multi = row.kind in ("list", "dates")
        assert isinstance(field, QPlainTextEdit if multi else QLineEdit), row.name
        assert field.toolTip() == field.placeholderText() == row.description
    assert dialog.text("authority_name") == ""  # a new tracker is not named yet
    assert dialog.text("panel_types") == "Adoption\nFostering\nPermanence"  # one a line


def test_a_change_is_saved_reloaded_and_audited(qtbot, window, small_authority):
    uow = small_authority.uow
    audited = verify_audit(uow).entries
    dialog = _open(window)
    dialog.set_text("authority_name", "Northshire County Council")
    dialog.set_text("closure_days", "29/12/2026\n2026-12-30")
    _save(dialog)
    assert not dialog.isVisible()
    values = _values(uow)
    assert values["authority_name"] == "Northshire County Council"
    assert values["closure_days"] == "29/12/2026, 30/12/2026"
    qtbot.waitUntil(lambda: window.session.cohort is not None and
                    window.session.cohort.settings.authority_name
                    == "Northshire County Council")
    assert window.session.cohort.settings.closure_days == (date(2026, 12, 29),
                                                           date(2026, 12, 30))
    check = verify_audit(uow)
    assert check.intact and check.entries == audited + 2  # one entry per changed setting
    reopened = _open(window)
    assert reopened.text("closure_days") == "29/12/2026\n30/12/2026"


def test_a_bad_value_is_shown_under_its_field_and_nothing_is_saved(qtbot, window,
                                                                   small_authority):
    uow = small_authority.uow
    before, audited = _values(uow), verify_audit(uow).entries
    dialog = _open(window)
    dialog.set_text("authority_name", "Northshire County Council")
    dialog.set_text("caseload_low", "80")  # the high end is 70
    _save(dialog)
    assert dialog.isVisible()
    message = dialog.problem_text("caseload_low")
    assert message.startswith("⚠ Caseload low: the band's low end (80) must be below its high "
                              "end (70)")
    assert dialog.problem_text("authority_name") == ""
    assert dialog.text("authority_name") == "Northshire County Council"  # input kept
    assert _values(uow) == before and verify_audit(uow).entries == audited
    field = dialog.fields["caseload_low"]
    assert isinstance(field, QLineEdit)
    field.selectAll()
    qtbot.keyClicks(field, "60")  # typing in the field clears its message
    assert dialog.problem_text("caseload_low") == ""


def test_each_unreadable_value_has_its_own_message(window, small_authority):
    before = _values(small_authority.uow)
    dialog = _open(window)
    dialog.set_text("a1_days", "soon")
    dialog.set_text("closure_days", "31/02/2026")
    _save(dialog)
    assert "'soon' is not a whole number of 1 or more" in dialog.problem_text("a1_days")
    assert "'31/02/2026' is not a date" in dialog.problem_text("closure_days")
    assert _values(small_authority.uow) == before



def test_the_window_title_names_the_authority(qtbot, window, small_authority):
    """Issue 10: the window title uses the authority's name from its settings."""
    from permanence_tracker.services.settings import set_setting

    set_setting(small_authority.uow, "authority_name", "Northby Council")
    window.session.reload()
    qtbot.waitUntil(lambda: "Northby Council" in window.windowTitle(), timeout=10_000)
    assert window.windowTitle().startswith("Northby Council — Permanence Tracker")
