"""The record window over the small_authority fixture: header, tabs, sorting, actions.

Due dates are worked out by hand (reg 33): P1 entered care Mon 02/06/2025; 1st review due 20
working days later, Mon 30/06/2025; 2nd due 3 months after the 1st held 20/06 = 20/09/2025;
3rd due 6 months after the 2nd held 15/09 = 15/03/2026, 16 days overdue on 31/03/2026.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence

from permanence_tracker.domain.entities import Child, Episode, Review
from permanence_tracker.gui.child_record import ChildRecordWindow, open_child_record
from permanence_tracker.gui.child_record.header import facts
from permanence_tracker.gui.dialogs.review import ReviewDialog
from permanence_tracker.gui.session import Session
from permanence_tracker.services.records import editing as records

AS_OF = TODAY = date(2026, 3, 31)  # as in tests/gui/conftest.py


@pytest.fixture
def window(qtbot, small_authority):
    made = []  # keep every window alive for the whole test

    def make(child_id: str) -> ChildRecordWindow:
        win = ChildRecordWindow(small_authority.uow, child_id, AS_OF, today=TODAY)
        qtbot.addWidget(win)
        made.append(win)
        return win
    return make


def _texts(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def _column(model, title: str) -> list[str]:
    column = [model.headerData(c, Qt.Orientation.Horizontal)
              for c in range(model.columnCount())].index(title)
    return [row[column] for row in _texts(model)]


def test_every_model_passes_the_model_tester(window, qtmodeltester):
    win = window("P1")
    for model in win.models.values():
        qtmodeltester.check(model)


def test_header_shows_the_facts_an_iro_needs_first(window):
    win = window("P1")
    shown = {key: label.text() for key, label in win.header.values.items()}
    assert shown["dob"] == "10/01/2012 (age 14)"
    # Care ends at 18 (issue 8 item 4; Children Act 1989 s105(1)): the header says when.
    assert shown["looked_after"] == ("yes, since 02/06/2025; leaves care on 10/01/2030 "
                                     "(18th birthday)")
    assert shown["legal_status"] == "C2 – Full care order"
    assert shown["placement"] == "U4"
    assert shown["iro"] == "Ann Able"
    assert shown["next_review"] == "Review 3 due by 15/03/2026 (16 days overdue)"
    assert shown["plan"] == "Long-term fostering"
    assert shown["plan_status"] == "plan by 2nd review"
    assert "⚑ Review overdue" in shown["flags"]  # words and a marker, not colour
    assert "15/03/2026" in win.header.values["flags"].toolTip()


def test_left_care_child(window):
    win = window("P4")
    assert facts(win.record)["looked_after"] == "no: left care 10/01/2025"
    assert not win.actions_by_name["change"].isEnabled()
    assert _column(win.models["periods"], "Reason ceased") == ["E45"]


def test_between_short_breaks_is_not_left_care_and_a_review_between_them_is_the_series(
        qtbot, small_authority):
    """Issue 8 §2.1: short breaks (V3) ending are not the child ceasing to be looked after;
    §2.5: a review held between two breaks of a series belongs to the series (reg 48: 1st
    review within 3 months of the first break, 01/04/2025 -> 01/07/2025). F1's breaks are
    01-03/04/2025 and 01-03/05/2025; on 20/05/2025 the last break ended 03/05/2025."""
    uow = small_authority.uow
    records.add_child(uow, Child("F1", date(2015, 1, 10), "F"), TODAY)
    for start, end in ((date(2025, 4, 1), date(2025, 4, 3)), (date(2025, 5, 1),
                                                              date(2025, 5, 3))):
        records.save_episode(uow, Episode("F1", start, "S", "V3", placement="U6", end=end,
                                          rec="E4A"), TODAY)
    records.record_review(uow, Review("F1", date(2025, 4, 20)), TODAY)
    win = ChildRecordWindow(uow, "F1", date(2025, 5, 20), today=TODAY)
    qtbot.addWidget(win)
    looked = win.header.values["looked_after"].text()
    assert looked == "no: between short breaks (last ended 03/05/2025)"
    assert "left care" not in looked
    reviews = win.models["reviews"]
    assert _column(reviews, "Period") == ["2"]
    assert _column(reviews, "Review") == ["1 (reg 48)"]
    assert _column(reviews, "Due by") == ["01/07/2025"]
    assert _column(reviews, "Timescale") == ["in timescale"]


def test_reviews_tab_numbers_due_dates_and_timescale(window):
    win = window("P1")
    model = win.models["reviews"]
    assert _column(model, "Held") == ["15/09/2025", "20/06/2025"]  # newest first
    assert _column(model, "Review") == ["2", "1"]
    assert _column(model, "Due by") == ["20/09/2025", "30/06/2025"]
    assert _column(model, "Timescale") == ["in timescale", "in timescale"]
    # P3 entered care Mon 05/01/2026: 20 working days -> Mon 02/02/2026; held 30/01
    p3 = window("P3").models["reviews"]
    assert (_column(p3, "Due by"), _column(p3, "Participation")) == (["02/02/2026"], ["PN2"])


def test_dates_sort_by_value_not_text(window):
    win = window("P1")
    win.views["reviews"].sortByColumn(0, Qt.SortOrder.AscendingOrder)
    # as text "15/09/2025" < "20/06/2025"; as dates June comes first
    assert _column(win.models["reviews"], "Held") == ["20/06/2025", "15/09/2025"]


def test_timeline_and_permanence_tabs(window):
    win = window("P1")
    assert _texts(win.models["periods"]) == [["1", "02/06/2025", "open", "", "1", "care"]]
    assert _column(win.models["episodes"], "Legal status") == ["C2"]
    assert _column(win.models["plans"], "Primary plan") == ["Long-term fostering"]
    assert _column(win.models["plans"], "Current") == ["current"]
    assert win.tabs.count() == 6


def test_history_tab_shows_the_audit_trail(window):
    win = window("P1")
    model = win.models["history"]
    # add child, first episode, two reviews, plan: five entries, newest first
    assert _column(model, "What") == ["permanence plan added", "review added", "review added",
                                      "episode added", "child details added"]
    assert set(_column(model, "Who")) == {"tester"}
    assert "primary Long-term fostering" in _column(model, "Changes")[0]


def test_actions_have_shortcuts(window):
    actions = window("P1").actions_by_name
    assert actions["review"].shortcut() == QKeySequence("Ctrl+Shift+R")
    assert actions["edit"].shortcut() == QKeySequence("Ctrl+E")
    assert all(not a.shortcut().isEmpty() for a in actions.values())


def test_saving_a_review_reloads_the_window_and_emits_saved(qtbot, window):
    win = window("P1")
    win.actions_by_name["review"].trigger()
    dialog = win.dialog
    assert isinstance(dialog, ReviewDialog)
    dialog.ui.held.setDate(QDate(2026, 3, 20))
    dialog.ui.participation.setCurrentIndex(dialog.ui.participation.findData("PN1"))
    with qtbot.waitSignal(win.saved, timeout=2000):
        dialog.save()
    assert _column(win.models["reviews"], "Held")[0] == "20/03/2026"
    # 4th review: 6 months after 20/03/2026
    assert win.header.values["next_review"].text().startswith("Review 4 due by 20/09/2026")


def test_open_child_record_reloads_the_session_after_a_save(qtbot, small_authority):
    session = Session(small_authority, AS_OF)
    win = open_child_record(session, "P3", today=TODAY)
    qtbot.addWidget(win)
    assert win.isVisible() and win.as_of == AS_OF
    with qtbot.waitSignal(session.changed, timeout=10000):
        win.saved.emit()


def test_unknown_child_says_so(window):
    win = window("NOPE")
    assert "NOPE" in win.problem.text()
    assert not win.actions_by_name["review"].isEnabled()


def test_renders(window, tmp_path):
    win = window("P1")
    win.show()
    for index in range(win.tabs.count()):
        win.tabs.setCurrentIndex(index)
        assert win.grab().save(str(tmp_path / f"tab{index}.png"))


def test_notes_brought_in_by_an_import_show_on_the_permanence_tab(window, small_authority):
    """Comments a spreadsheet import keeps as notes (issue 11) are on the record, newest first,
    with the file they came from."""
    from permanence_tracker.domain.entities import Note

    with small_authority.uow() as uow:  # as the spreadsheet import stores them
        uow.repo.add(Note("P1", date(2025, 7, 1), "Contact with gran going well", "tracker.xlsx"))
        uow.repo.add(Note("P1", date(2026, 1, 5), "Panel date: 12/02/2026", "tracker.xlsx"))
    win = window("P1")
    model = win.models["notes"]
    assert _texts(model) == [
        ["05/01/2026", "Panel date: 12/02/2026", "tracker.xlsx"],
        ["01/07/2025", "Contact with gran going well", "tracker.xlsx"]]
    permanence = win.tabs.widget(2)
    assert win.views["notes"] in permanence.findChildren(type(win.views["notes"]))
