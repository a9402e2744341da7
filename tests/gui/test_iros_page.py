"""The IROs page on the small authority (tests/gui/conftest.py), worked by hand.

As of 31/03/2026: Ann Able (1.0 FTE) has P1 and P2, both overdue (3rd reviews due 15/03/2026
and 18/02/2026); Bob Brook (0.5 FTE, dual role, 10 CP cases) has P3 (V2 from 05/01/2026, 1st
review 30/01/2026, 2nd due 30/04/2026 = as_of + 30 days: week 5, 28/04-04/05/2026) and P4, who
left care in 2025; P5 has no IRO. Band 50-70 per FTE (IRO Handbook para 7.15).
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from permanence_tracker.gui.models.iros import BAND, COLUMNS, TOTAL, CaseloadModel
from permanence_tracker.gui.models.reviews_due import (
    OVERDUE,
    UPCOMING,
    DueReviewsModel,
    DueReviewsProxy,
    WeekGridModel,
)
from permanence_tracker.gui.models.roles import ROW_ROLE
from permanence_tracker.gui.pages.iros import IrosPage
from permanence_tracker.gui.session import Session
from permanence_tracker.services.permanence.caseloads import caseloads
from permanence_tracker.services.permanence.cohort import load_cohort
from permanence_tracker.services.reviews.due import next_reviews

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py


@pytest.fixture
def page(qtbot, small_authority):
    session = Session(small_authority, AS_OF)
    widget = IrosPage(session)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    with qtbot.waitSignal(session.changed, timeout=10000):
        session.reload()
    return widget


def _texts(model, row):
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def _ids(view):
    model = view.model()
    return [model.data(model.index(r, 0), ROW_ROLE).child_id for r in range(model.rowCount())]


def test_models_pass_qt_model_tester(qtmodeltester, small_authority):
    cohort = load_cohort(small_authority.uow, AS_OF)
    due = next_reviews(cohort)
    model = CaseloadModel()
    model.set_caseloads(caseloads(cohort, due))
    qtmodeltester.check(model)
    for overdue_column in (False, True):
        grid = WeekGridModel(overdue_column=overdue_column)
        grid.set_lines([("Ann Able", due.for_iro("Ann Able")), ("All", due)], total_last=True)
        qtmodeltester.check(grid)
    reviews = DueReviewsModel()
    reviews.set_rows(due.reviews)
    qtmodeltester.check(reviews)
    for scope in (OVERDUE, UPCOMING, 5):
        proxy = DueReviewsProxy(scope=scope)
        proxy.setSourceModel(reviews)
        qtmodeltester.check(proxy)


def test_caseload_table_shows_each_iro(page):
    model = page.proxy
    assert model.rowCount() == 2
    assert _texts(model, 0) == ["Ann Able", "1.0", "2", "2.0", "▼ Below band", "No", "0", "2",
                                "2.0", "2", "0"]
    # Bob: 1 child / 0.5 = 2.0; total 1 + 10 = 11, / 0.5 = 22.0; P3 due in week 5
    assert _texts(model, 1) == ["Bob Brook", "0.5", "1", "2.0", "▼ Below band", "Yes", "10",
                                "11", "22.0", "0", "1"]
    assert [c.title for c in COLUMNS][BAND] == "Band"


def test_band_and_dual_role_are_explained(page):
    model = page.proxy
    band = model.data(model.index(1, BAND), Qt.ItemDataRole.ToolTipRole)
    assert "1 looked-after child ÷ 0.5 FTE = 2.0 per FTE" in band
    assert "below the band of 50-70" in band and "IRO Handbook para 7.15" in band
    total = model.data(model.index(1, TOTAL), Qt.ItemDataRole.ToolTipRole)
    assert "10 CP cases" in total and "1 + 10 = 11" in total and "22.0 per FTE" in total
    assert "not instead of it" in total
    # Below the band: tinted and said in words (never colour alone)
    assert model.data(model.index(1, BAND), Qt.ItemDataRole.BackgroundRole) is not None


def test_service_totals(page):
    text = page.totals.text()
    # 3 allocated children / 1.5 FTE = 2.0; with 10 CP cases 13 / 1.5 = 8.67
    assert "3 looked-after children across 1.5 FTE, 2.0 per FTE" in text
    assert "below band of 50-70" in text and "13, 8.67 per FTE" in text
    assert "Their reviews: 2 overdue, 1 due in the next 8 weeks" in text
    assert "1 looked-after child has no IRO" in text


def test_first_iro_selected_with_children_and_overdue(page):
    assert page.selected_iro() == "Ann Able"
    assert sorted(_ids(page.children_list)) == ["P1", "P2"]
    assert page.grid_model.data(page.grid_model.index(0, 0)) == "2"  # Overdue column
    assert _ids(page.week_list) == ["P2", "P1"]  # by due date: 18/02/2026, 15/03/2026
    assert "Overdue" in page.week_box.title()


def test_keyboard_picks_an_iro_and_a_week(page, qtbot):
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.selected_iro() == "Bob Brook"
    # P4 left care in 2025: only P3 is looked after
    assert _ids(page.children_list) == ["P3"]
    assert page.children_box.title() == "Children of Bob Brook (1 looked after)"
    header = page.grid_model.headerData(5, Qt.Orientation.Horizontal)
    assert header == "Week 5\n28/04/2026\nto 04/05/2026"
    page.grid.setFocus()
    page.grid.setCurrentIndex(page.grid_model.index(0, 0))
    for _ in range(5):  # Overdue -> Week 1 .. Week 5
        qtbot.keyClick(page.grid, Qt.Key.Key_Right)
    assert page.grid_model.data(page.grid.currentIndex()) == "1"
    assert _ids(page.week_list) == ["P3"]
    assert page.week_box.title() == "Week 5: 28/04/2026 to 04/05/2026: 1 child"
    row = page.week_list.model().index(0, 3)
    assert page.week_list.model().data(row) == "30/04/2026"
    # Enter on the grid moves on to the list of children due
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)
    assert page.week_list.hasFocus()


def test_enter_and_double_click_open_a_child(page, qtbot):
    page.select_iro("Bob Brook")
    view = page.children_list
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 1))
    with qtbot.waitSignal(page.open_child, timeout=1000) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == ["P3"]
    opened = []
    page.open_child.connect(opened.append)
    rect = view.visualRect(view.model().index(0, 1))
    # A real double-click is a press and release, then the double-click event
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == []
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == ["P3"]  # once, not twice


def test_selection_survives_a_refresh(page, qtbot):
    page.select_iro("Bob Brook")
    with qtbot.waitSignal(page.session.changed, timeout=10000):
        page.session.reload()
    assert page.selected_iro() == "Bob Brook"
    assert _ids(page.children_list) == ["P3"]


def test_a_tracker_with_no_iros_shows_no_children_unfiltered(qtbot, tmp_path, qtmodeltester):
    from permanence_tracker.app import open_context
    from permanence_tracker.domain.entities import Child, Episode
    from permanence_tracker.services.records import editing as records

    ctx = open_context(f"sqlite:///{tmp_path / 'none.sqlite'}", user="tester")
    try:
        records.add_child(ctx.uow, Child("Q1", date(2015, 1, 1), "2", "Quin", "Lake"), AS_OF)
        records.save_episode(ctx.uow, Episode("Q1", date(2026, 1, 5), "S", "V2"), AS_OF)
        session = Session(ctx, AS_OF)
        widget = IrosPage(session)
        qtbot.addWidget(widget)
        with qtbot.waitSignal(session.changed, timeout=10000):
            session.reload()
        assert widget.proxy.rowCount() == 0
        assert widget.children_proxy.rowCount() == 0
        assert widget.grid_model.rowCount() == 0
        qtmodeltester.check(widget.grid_model)
        assert widget.totals.text().startswith("No IROs listed yet")
    finally:
        ctx.dispose()


def test_controls_have_accessible_names(page):
    for view in (page.table, page.children_list, page.grid, page.week_list):
        assert view.accessibleName()


def test_tab_follows_the_reading_order(page, qtbot):
    page.table.setFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(page.focusWidget(), Qt.Key.Key_Tab)
        seen.append(page.focusWidget())
    assert seen == [page.grid, page.children_list, page.week_list, page.table]
