"""Issue 10 item 2 in the app, on the small authority (tests/gui/conftest.py): P2 (interim care
order from 01/05/2025, reviews 20/05 and 18/08/2025) has no plan by its 2nd review. Until a
plan is recorded it is "still no plan"; with a plan agreed on 12/01/2026 it is "plan agreed
late": the record header, the Children table and the dashboard tile say which, in words."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from permanence_tracker.domain.entities import PlanChange
from permanence_tracker.gui.child_record import ChildRecordWindow
from permanence_tracker.gui.models.children import COLUMNS, FLAGS_COLUMN, ChildrenModel
from permanence_tracker.gui.models.children_proxy import ChildrenProxy
from permanence_tracker.gui.models.roles import ROW_ROLE
from permanence_tracker.gui.pages.dashboard import DashboardPage
from permanence_tracker.gui.pages.filter_bar import FilterBar
from permanence_tracker.gui.session import Session
from permanence_tracker.services.permanence.cohort import load_cohort
from permanence_tracker.services.permanence.rows import PLAN_AGREED_LATE, child_rows
from permanence_tracker.services.records import editing as records

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py
TODAY = date(2026, 11, 23)
STATUS_COLUMN = [c.title for c in COLUMNS].index("2nd review status")


def _late(authority) -> None:
    records.set_plan(authority.uow, PlanChange("P2", date(2026, 1, 12), "Adoption"), AS_OF)


def _header(qtbot, authority) -> ChildRecordWindow:
    win = ChildRecordWindow(authority.uow, "P2", AS_OF, today=TODAY)
    qtbot.addWidget(win)
    return win


def test_the_record_header_says_still_no_plan_then_agreed_late(qtbot, small_authority):
    win = _header(qtbot, small_authority)
    status = win.header.values["plan_status"]
    assert status.text() == ("Still no permanence plan (2nd review was on 18/08/2025; interim "
                             "care order)")
    assert "⚑ No plan by 2nd review" in win.header.values["flags"].text()
    _late(small_authority)
    win = _header(qtbot, small_authority)
    status = win.header.values["plan_status"]
    assert status.text() == "Plan agreed late: on 12/01/2026, after the 2nd review on 18/08/2025"
    assert "not flagged" in status.toolTip()
    assert "No plan" not in win.header.values["flags"].text()


def _model(authority) -> tuple[ChildrenModel, int]:
    model = ChildrenModel()
    rows = child_rows(load_cohort(authority.uow, AS_OF))
    model.set_rows(rows)
    return model, [r.child_id for r in rows].index("P2")


def test_the_table_tells_the_two_apart_in_words_and_filters(qtbot, small_authority,
                                                            qtmodeltester):
    model, p2 = _model(small_authority)
    assert "No plan by 2nd review (still none)" in model.index(p2, FLAGS_COLUMN).data()
    assert model.index(p2, STATUS_COLUMN).data() == "no plan by 2nd review: still no plan"
    _late(small_authority)
    model, p2 = _model(small_authority)
    qtmodeltester.check(model)
    flags = model.index(p2, FLAGS_COLUMN).data()
    assert "Plan agreed late 12/01/2026" in flags and "No plan" not in flags
    assert model.index(p2, STATUS_COLUMN).data() == ("no plan by 2nd review: plan agreed late "
                                                     "12/01/2026")
    assert "after the 2nd review on 18/08/2025" in model.index(p2, FLAGS_COLUMN).data(
        Qt.ItemDataRole.ToolTipRole)
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.set_choices(child_rows(load_cohort(small_authority.uow, AS_OF)), None)
    bar.plan.setCurrentText(PLAN_AGREED_LATE)
    assert bar.plan.currentText() == PLAN_AGREED_LATE  # offered as a choice
    proxy = ChildrenProxy(cohort=bar.current())
    proxy.setSourceModel(model)
    shown = [proxy.index(r, 0).data(ROW_ROLE).child_id for r in range(proxy.rowCount())]
    assert shown == ["P2"]


def _cut(label: QLabel) -> bool:
    width = label.contentsRect().width()
    too_wide = any(label.fontMetrics().horizontalAdvance(w) > width for w in label.text().split())
    return too_wide or label.heightForWidth(label.width()) > label.height()


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_the_tile_explains_the_split_whole_at_100_and_150_percent(qtbot, small_authority,
                                                                 scale):
    _late(small_authority)
    app = QApplication.instance()
    font = app.font()
    scaled = app.font()
    scaled.setPointSizeF(font.pointSizeF() * scale)
    app.setFont(scaled)
    try:
        session = Session(small_authority, AS_OF)
        page = DashboardPage(session)
        qtbot.addWidget(page)
        page.resize(1100, 900)
        page.show()
        with qtbot.waitSignal(page.ready, timeout=10000):
            session.reload()
        QApplication.processEvents()
        tile = page.tiles["without_plan"]
        assert tile.figure == "1"
        assert tile.caption.startswith("1 without a plan by the 2nd review — 0 still no plan, "
                                       "1 agreed late. ")
        assert tile.toolTip() == tile.caption
        assert not _cut(tile.body.caption) and not _cut(tile.body.heading)
    finally:
        app.setFont(font)
