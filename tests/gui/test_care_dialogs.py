"""A child's care from start to end in the app: Start care on a new child, its refusals, End
care, and a return to care that starts a new period with its reviews numbered from 1 again.

Due dates by hand (Care Planning Regs 2010 reg 33, 1st review within 20 working days): a start
on Mon 16/03/2026 gives 15/04/2026 (four weeks, plus Good Friday 03/04 and Easter Monday 06/04
2026); a start on Mon 02/02/2026 gives Mon 02/03/2026 (no bank holiday between).
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from permanence_tracker.domain.entities import Child, Episode
from permanence_tracker.gui.child_record import ChildRecordWindow
from permanence_tracker.gui.child_record.header import facts
from permanence_tracker.gui.dialogs.change import ChangeDialog
from permanence_tracker.gui.dialogs.start_care import StartCareDialog
from permanence_tracker.services.records import editing as records

AS_OF = TODAY = date(2026, 3, 31)  # as in tests/gui/conftest.py


@pytest.fixture
def uow(small_authority):
    records.add_child(small_authority.uow, Child("N1", date(2019, 5, 4), "F", "Nia", "Vale"),
                      TODAY)
    return small_authority.uow


@pytest.fixture
def window(qtbot, uow):
    made = []

    def make(child_id: str) -> ChildRecordWindow:
        win = ChildRecordWindow(uow, child_id, AS_OF, today=TODAY)
        qtbot.addWidget(win)
        made.append(win)
        return win
    return make


def _pick(combo, code: str) -> None:
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)


def _fill(dialog: StartCareDialog, on: date, ls="C1", place="U6", provider="PR1", cin="N1"):
    dialog.ui.on.setDate(QDate(on.year, on.month, on.day))
    for combo, code in ((dialog.ui.legal_status, ls), (dialog.ui.placement, place),
                        (dialog.ui.provider, provider), (dialog.ui.cin, cin)):
        if code:
            _pick(combo, code)


def _save(dialog) -> None:
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _episodes(uow, child_id: str) -> list[Episode]:
    with uow() as u:
        return sorted(u.repo.records(Episode, child_id), key=lambda e: e.start)


def _enabled(win) -> dict[str, bool]:
    return {name: win.actions_by_name[name].isEnabled() for name in ("start", "change", "end")}


def test_a_new_child_is_brought_into_care_from_the_record(qtbot, window, uow):
    win = window("N1")
    win.show()
    assert _enabled(win) == {"start": True, "change": False, "end": False}
    assert win.care_banner.isVisible() and "Nia Vale is not looked after yet" in \
        win.care_text.text()
    win.start_button.click()  # the banner's button: the same as Record > Start care…
    dialog = win.dialog
    assert isinstance(dialog, StartCareDialog)
    assert "has not been looked after before" in dialog.ui.current.text()
    assert dialog.ui.rne.text() == "S – Started to be looked after"
    _fill(dialog, date(2026, 3, 16))
    with qtbot.waitSignal(win.saved, timeout=5000):
        _save(dialog)
    assert [(e.start, e.rne, e.legal_status, e.placement, e.provider, e.cin, e.end)
            for e in _episodes(uow, "N1")] == [
        (date(2026, 3, 16), "S", "C1", "U6", "PR1", "N1", None)]
    assert facts(win.record)["looked_after"].startswith("yes, since 16/03/2026")
    assert win.header.values["next_review"].text().startswith("Review 1 due by 15/04/2026")
    assert win.review_summary.text().startswith("Next: review 1, due by 15/04/2026")
    assert _enabled(win) == {"start": False, "change": True, "end": True}
    assert win.care_banner.isHidden()
    history = win.models["history"]  # audited, newest first
    what = [history.headerData(c, Qt.Orientation.Horizontal)
            for c in range(history.columnCount())].index("What")
    assert history.index(0, what).data() == "episode added"


@pytest.mark.parametrize("child_id, on, field, words", [
    ("N1", date(2026, 4, 1), "on", "Start date: 01/04/2026 is in the future"),
    ("N1", date(2019, 5, 3), "on", "is before the child's date of birth 04/05/2019"),
    ("P4", date(2025, 1, 9), "on", "is before the end of Dee Wren's last episode (10/01/2025)"),
])
def test_a_refused_start_shows_why_under_its_field_and_writes_nothing(
        qtbot, uow, child_id, on, field, words):
    before = _episodes(uow, child_id)
    dialog = StartCareDialog(uow, TODAY, child_id)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog, on, ls="V2", place="K2")
    _save(dialog)
    assert dialog.isVisible() and dialog.result_record is None
    assert words in dialog.problem_text(field), dialog.problem_text(field)
    assert dialog.ui.legal_status.currentData() == "V2"  # input kept
    assert _episodes(uow, child_id) == before


def test_codes_follow_the_collection_year_of_the_start_date(qtbot, uow):
    dialog = StartCareDialog(uow, TODAY, "N1")
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog, date(2026, 3, 16), place="Z11", provider="")
    assert not dialog.ui.provider.isEnabled()  # no provider for Z11 (DfE rules 213, 526)
    assert "2025-26" in dialog.ui.year_note.text()
    dialog.ui.on.setDate(QDate(2025, 1, 10))  # 2024-25: Z11 is not a code yet
    assert dialog.ui.placement.findData("Z11") < 0 and dialog.ui.placement.findData("Z1") >= 0
    assert dialog.ui.placement.currentData() == "" and "2024-25" in dialog.ui.year_note.text()
    assert dialog.ui.legal_status.currentData() == "C1"  # still valid: kept
    _save(dialog)
    assert dialog.problem_text("placement").startswith("⚠ Placement is required")
    assert dialog.ui.provider.isEnabled()
    _pick(dialog.ui.placement, "U6")
    _save(dialog)
    assert "is required for placement U6" in dialog.problem_text("provider")
    assert _episodes(uow, "N1") == []


def test_a_child_in_care_cannot_start_again(qtbot, uow):
    dialog = StartCareDialog(uow, TODAY, "P1")
    qtbot.addWidget(dialog)
    assert not dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert "already looked after (since 02/06/2025)" in dialog.ui.current.text()


def test_end_care_is_its_own_action_and_re_entry_restarts_the_review_numbers(qtbot, window, uow):
    win = window("P1")  # in care since 02/06/2025, reviews 1 and 2 held, review 3 overdue
    assert win.header.values["next_review"].text().startswith("Review 3 due by 15/03/2026")
    end = next(a for a in win.menuBar().actions()[0].menu().actions() if a.text() == "End care…")
    assert end.shortcut().toString() == "Ctrl+Shift+E"
    end.trigger()
    dialog = win.dialog
    assert isinstance(dialog, ChangeDialog) and dialog.ui.leaves_care.isChecked()
    assert dialog.windowTitle() == "End care for Ava Stone (P1)" and dialog.ui.rec.isEnabled()
    assert dialog.ui.intro.text().startswith("Ends the current episode, and the period of care")
    dialog.ui.leaves_care.setChecked(False)  # the same form records a change within the period
    assert "(903 REC X1)" in dialog.ui.intro.text()
    dialog.ui.leaves_care.setChecked(True)
    assert not dialog.ui.rne.isEnabled()
    dialog.ui.on.setDate(QDate(2025, 12, 1))
    _pick(dialog.ui.rec, "E4A")
    with qtbot.waitSignal(win.saved, timeout=5000):
        _save(dialog)
    assert facts(win.record)["looked_after"] == "no: left care 01/12/2025"
    assert _enabled(win) == {"start": True, "change": False, "end": False}
    assert "left care on 01/12/2025" in win.care_text.text()

    win.actions_by_name["start"].trigger()
    dialog = win.dialog
    assert isinstance(dialog, StartCareDialog)
    assert "left care on 01/12/2025 (E4A" in dialog.ui.current.text()
    _fill(dialog, date(2026, 2, 2), ls="V2", place="U4")
    with qtbot.waitSignal(win.saved, timeout=5000):
        _save(dialog)
    assert win.models["periods"].rowCount() == 2
    assert win.review_summary.text().startswith("Next: review 1, overdue by 02/03/2026")
    assert [(e.start, e.end, e.rec, e.rne) for e in _episodes(uow, "P1")] == [
        (date(2025, 6, 2), date(2025, 12, 1), "E4A", "S"), (date(2026, 2, 2), None, "", "S")]


def test_start_care_renders_with_accessible_fields(qtbot, uow, tmp_path):
    dialog = StartCareDialog(uow, TODAY, "N1")
    qtbot.addWidget(dialog)
    dialog.show()
    for name in dialog._error_labels():
        assert getattr(dialog.ui, name).accessibleName(), name
    assert dialog.first_field() is dialog.ui.on  # opens on the date, not on Save
    assert dialog.grab().save(str(tmp_path / "start_care.png"))
    assert dialog.windowTitle() == "Start care for Nia Vale (N1)"
