"""The Reviews due page on the small authority (tests/gui/conftest.py), worked by hand.

As of 31/03/2026 (week 1 = 31/03-06/04/2026 ... week 8 = 19/05-25/05/2026):
- P3 (Bob Brook): V2 from 05/01/2026, 1st review 30/01/2026, 2nd due 30/04/2026: week 5.
- Overdue: P5 (no IRO) 1st review due 20 working days after 06/10/2025 = 03/11/2025, 148 days;
  P2 (Ann Able) 3rd due 18/08/2025 + 6 months = 18/02/2026, 41 days; P1 (Ann Able) 3rd due
  15/09/2025 + 6 months = 15/03/2026, 16 days.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from permanence_tracker.gui.models.reviews_due import DAYS_COLUMN
from permanence_tracker.gui.models.roles import ROW_ROLE
from permanence_tracker.gui.pages.reviews_due import ReviewsDuePage
from permanence_tracker.gui.session import Session

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py


@pytest.fixture
def page(qtbot, small_authority):
    session = Session(small_authority, AS_OF)
    widget = ReviewsDuePage(session)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    with qtbot.waitSignal(session.changed, timeout=10000):
        session.reload()
    return widget


def _ids(view):
    model = view.model()
    return [model.data(model.index(r, 0), ROW_ROLE).child_id for r in range(model.rowCount())]


def _column(view, column):
    model = view.model()
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def _grid(page):
    model = page.grid_model
    return {model.headerData(r, Qt.Orientation.Vertical):
            [model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())}


def test_iro_filter_offers_every_iro_and_no_iro(page):
    box = page.iro_box
    assert [box.itemText(i) for i in range(box.count())] == [
        "All IROs", "Ann Able", "Bob Brook", "(no IRO)"]


def test_week_by_week_across_the_service(page):
    # columns: week 1..8 then the 8-week total
    assert _grid(page) == {
        "Ann Able": ["0"] * 9,
        "Bob Brook": ["0", "0", "0", "0", "1", "0", "0", "0", "1"],
        "(no IRO)": ["0"] * 9,
        "All IROs": ["0", "0", "0", "0", "1", "0", "0", "0", "1"],
    }
    header = page.grid_model.headerData(0, Qt.Orientation.Horizontal)
    assert header == "Week 1\n31/03/2026\nto 06/04/2026"
    tip = page.grid_model.headerData(7, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Week 8: 19/05/2026 to 25/05/2026")
    assert page.summary.text() == "3 overdue, 1 due in the next 8 weeks (all IROs)"


def test_overdue_lists_everything_most_overdue_first(page):
    view = page.overdue
    assert _ids(view) == ["P5", "P2", "P1"]
    assert _column(view, 0) == ["⚑ P5", "⚑ P2", "⚑ P1"]
    assert _column(view, 2) == ["1st", "3rd", "3rd"]
    assert _column(view, 3) == ["03/11/2025", "18/02/2026", "15/03/2026"]
    assert _column(view, DAYS_COLUMN) == ["148 overdue", "41 overdue", "16 overdue"]
    assert _column(view, 5) == ["(no IRO)", "Ann Able", "Ann Able"]
    tip = view.model().data(view.model().index(1, DAYS_COLUMN), Qt.ItemDataRole.ToolTipRole)
    assert tip == "3rd review was due 18/02/2026: 41 days overdue (Care Planning Regs 2010 reg 33)."
    assert page.overdue_box.title().startswith("Overdue — all IROs: 3")


def test_filter_to_one_iro(page):
    page.set_iro("Ann Able")
    assert list(_grid(page)) == ["Ann Able"]
    assert _ids(page.overdue) == ["P2", "P1"]
    page.set_iro("")
    assert list(_grid(page)) == ["(no IRO)"]
    assert _ids(page.overdue) == ["P5"]
    page.set_iro("Bob Brook")
    assert _ids(page.overdue) == []
    assert page.summary.text() == "0 overdue, 1 due in the next 8 weeks (Bob Brook)"


def test_keyboard_chooses_a_week_and_opens_a_child(page, qtbot):
    grid = page.grid
    grid.setFocus()
    assert grid.currentIndex().row() == 3  # the All IROs line, week 1
    assert _ids(page.week_list) == []
    for _ in range(4):
        qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert page.week_label.text() == "Week 5: 28/04/2026 to 04/05/2026, all IROs: 1 child"
    assert _ids(page.week_list) == ["P3"]
    qtbot.keyClick(grid, Qt.Key.Key_Up)  # (no IRO) line, week 5: nobody
    assert _ids(page.week_list) == []
    qtbot.keyClick(grid, Qt.Key.Key_Up)  # Bob Brook, week 5
    assert _ids(page.week_list) == ["P3"]
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert page.week_list.hasFocus()
    page.week_list.setCurrentIndex(page.week_list.model().index(0, 0))
    with qtbot.waitSignal(page.open_child, timeout=1000) as signal:
        qtbot.keyClick(page.week_list, Qt.Key.Key_Return)
    assert signal.args == ["P3"]


def test_double_click_on_an_overdue_child_opens_them_once(page, qtbot):
    view = page.overdue
    opened = []
    page.open_child.connect(opened.append)
    rect = view.visualRect(view.model().index(1, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == ["P2"]


def test_tab_reaches_every_control(page, qtbot):
    page.iro_box.setFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
        seen.append(page.focusWidget())
    assert seen == [page.grid, page.week_list, page.overdue, page.iro_box]


def test_a_new_as_of_date_moves_the_weeks(page, qtbot):
    # As of 28/04/2026, P3's 2nd review (30/04/2026) is 2 days away: week 1
    page.set_iro("Bob Brook")
    with qtbot.waitSignal(page.session.changed, timeout=10000):
        page.session.set_as_of(date(2026, 4, 28))
    assert page.selected_iro() == "Bob Brook"
    assert _grid(page)["Bob Brook"][:2] == ["1", "0"]
