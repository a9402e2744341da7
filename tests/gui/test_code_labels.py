"""The code words the GUI shows, now read from db/reference through services.reference: the same
words as before, in the record window's tabs and header, the children table, the filter bar
and the record dialogs (tests/gui/conftest.py's small authority, as of 31/03/2026)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from permanence_tracker.gui.child_record import ChildRecordWindow
from permanence_tracker.gui.dialogs.change import ChangeDialog
from permanence_tracker.gui.dialogs.child import ChildDialog
from permanence_tracker.gui.dialogs.review import ReviewDialog
from permanence_tracker.gui.models.children import LEGAL_COLUMN, ChildrenModel
from permanence_tracker.gui.models.roles import ROW_ROLE
from permanence_tracker.gui.pages.filter_bar import FilterBar
from permanence_tracker.services.records import changes

TODAY = date(2026, 3, 31)
TIP = Qt.ItemDataRole.ToolTipRole


def _tips(model, title: str) -> list[str | None]:
    column = [model.headerData(c, Qt.Orientation.Horizontal)
              for c in range(model.columnCount())].index(title)
    return [model.data(model.index(r, column), TIP) for r in range(model.rowCount())]


def test_episode_tips_name_the_codes(qtbot, small_authority):
    # P1: C2 in U4 from 02/06/2025; a move to U6 on 01/12/2025 ends it with X1 (RNE P)
    changes.record_change(small_authority.uow, "P1", date(2025, 12, 1), "C2", "U6", "P", TODAY)
    win = ChildRecordWindow(small_authority.uow, "P1", TODAY, today=TODAY)
    qtbot.addWidget(win)
    model = win.models["episodes"]
    starts = [model.index(r, 1).data() for r in range(model.rowCount())]
    order = [starts.index("02/06/2025"), starts.index("01/12/2025")]

    def tips(title: str) -> list[str | None]:
        found = _tips(model, title)
        return [found[r] for r in order]

    assert tips("RNE") == ["started to be looked after", "placement and carer change"]
    assert tips("Legal status") == ["Full care order", "Full care order"]
    assert tips("REC") == ["continues in the next episode the same day", None]


def test_the_legal_status_tip_in_the_children_table(qtmodeltester, rows):
    model = ChildrenModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    tips = {model.index(r, 0).data(ROW_ROLE).child_id:
            model.data(model.index(r, LEGAL_COLUMN), TIP) for r in range(model.rowCount())}
    assert tips["P2"] == "Interim care order"
    assert tips["P3"] == "Section 20 (single period)"


def test_the_filter_bar_offers_every_legal_status(qtbot, rows):
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.set_choices(rows, None)
    assert [bar.legal.itemText(i) for i in range(bar.legal.count())] == [
        "Any", "C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"]


def test_the_change_dialog_names_the_current_legal_status(qtbot, small_authority):
    dialog = ChangeDialog(small_authority.uow, TODAY, "P1")
    qtbot.addWidget(dialog)
    assert dialog.ui.current.text() == ("Current episode from 02/06/2025: legal status C2 "
                                        "(Full care order), placement U4.")


def test_the_sex_box_offers_words(qtbot, small_authority):
    dialog = ChildDialog(small_authority.uow, TODAY)
    qtbot.addWidget(dialog)
    box = dialog.ui.sex
    assert [(box.itemData(i), box.itemText(i)) for i in range(box.count())] == [
        ("", "Not recorded"), ("M", "Male"), ("F", "Female"), ("U", "Not known")]


def test_the_review_dialog_s_age_hint_for_each_age(qtbot, small_authority):
    with small_authority.uow() as uow:
        older, younger = uow.repo.child("P1"), uow.repo.child("P2")
    hints = []
    for child in (younger, older):
        dialog = ReviewDialog(small_authority.uow, TODAY, child)
        qtbot.addWidget(dialog)
        dialog.ui.held.setDate(QDate(2026, 3, 10))
        hints.append(dialog.ui.age_hint.text())
    assert hints == ["Age 2: under 4 at this date: use PN0",
                     "Age 14: 4 or over at this date: use PN1 to PN7 (PN0 is for under 4s)"]
