"""The Dashboard page on the small authority (tests/gui/conftest.py), worked by hand.

This test adds two records: P5 (V2 from Mon 06/10/2025, 1st review due 20 working days on =
Mon 03/11/2025) reviewed late on 10/11/2025 with PN7, and a monitoring outcome for P1.
As of 31/03/2026, year from 01/04/2025:
- looked after: P1 (C2), P2 (C1), P3 (V2), P5 (V2) = 4; P4 left care in January 2025.
- 2nd reviews held: P1 (plan 01/09/2025 before its 15/09/2025 review) and P2 (none): 2, 1
  with a plan (50%); without a plan: P2, interim care order.
- reviews in the year: P1 20/06 (due 30/06) and 15/09 (due 20/09), P2 20/05 (due 02/06 after
  the May bank holidays) and 18/08 (due 20/08), P3 30/01/2026 (due 02/02), P5 10/11 (due
  03/11, late): 5 of 6 in timescale = 83%.
- participation codes PN1 PN1 PN0 PN0 PN2 PN7: PN0 left out, 4 reviews; attended (PN1-4) 3,
  took part (PN1-6) 3 = 75%.
- drift: P2 on an interim care order since 01/05/2025, 334 days after it (day 335) >= 182:
  beyond the 26 weeks beginning with that day (Children Act 1989 s32(1)(a)).
- month ends from April 2024: P4 alone to December 2024 (9), nobody January-April 2025 (4),
  P2 in May, P1 too June-September (4), P5 too October-December (3), P3 too from January.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette

from permanence_tracker.domain.entities import MonitoringOutcome, Review
from permanence_tracker.gui.models.grouped_children import GroupedChildrenModel
from permanence_tracker.gui.pages.dashboard import CHARTS, DashboardPage
from permanence_tracker.gui.pages.registry import PAGES
from permanence_tracker.gui.session import Session
from permanence_tracker.services.permanence.cohort import load_cohort
from permanence_tracker.services.permanence.dashboard import dashboard
from permanence_tracker.services.records import editing as records

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py
PROGRESSING = "Permanence Plan actively progressing and being monitored"


@pytest.fixture
def authority(small_authority):
    uow = small_authority.uow
    records.record_review(uow, Review("P5", date(2025, 11, 10), "PN7"), AS_OF)
    records.add_outcome(uow, MonitoringOutcome("P1", date(2026, 1, 10), PROGRESSING), AS_OF)
    return small_authority


@pytest.fixture
def page(qtbot, authority):
    session = Session(authority, AS_OF)
    widget = DashboardPage(session)
    qtbot.addWidget(widget)
    widget.resize(1100, 900)
    widget.show()
    with qtbot.waitSignal(widget.ready, timeout=10000):
        session.reload()
    return widget


def _tile(page, key):
    tile = page.tiles[key]
    return tile.figure, tile.caption


def test_is_the_last_everyday_page():
    """The dashboard closes the pages everyone uses; only the administrators' Audit page (issue
    12) comes after it."""
    from permanence_tracker.gui.pages.audit import AuditPage

    assert PAGES[-2:] == [DashboardPage, AuditPage] and DashboardPage.title == "Dashboard"


def test_tiles_show_the_hand_worked_figures(page):
    assert _tile(page, "looked_after") == ("4", "Children looked after on 31/03/2026")
    # Issue 8, 2.8: the caption says which children are counted (one denominator).
    assert _tile(page, "second_reviews") == (
        "2", "Children whose 2nd review was held: looked after on 31/03/2026, or left care "
             "since 01/04/2025, short breaks only excluded. 1 of them had a permanence plan "
             "by the 2nd review (50%), 1 did not")
    assert _tile(page, "without_plan")[0] == "1"
    assert _tile(page, "timescale") == (
        "83%", "5 of 6 reviews held since 01/04/2025 were in timescale")
    assert _tile(page, "participation") == (
        "75%", "Children took part in 3 of 4 reviews since 01/04/2025 (aged 4 or over, "
               "PN1-PN6); attended 3 (75%)")
    assert _tile(page, "drift")[0] == "1"
    assert "ICO 1, A1 0, A2 0" in _tile(page, "drift")[1]
    # the figure is in the accessible name, not only drawn
    assert page.tiles["timescale"].accessibleName() == "Reviews in timescale this year: 83%"
    assert "31/03/2026" in page.heading.text() and "01/04/2025" in page.heading.text()


def test_without_plan_tile_lists_children_by_reason_and_opens_one(page, qtbot):
    assert not page.list_box.isVisible()
    qtbot.mouseClick(page.tiles["without_plan"], Qt.MouseButton.LeftButton)
    assert page.list_box.isVisible()
    model = page.list_model
    groups = []
    for g in range(model.rowCount()):
        parent = model.index(g, 0)
        groups.append((model.data(parent), [model.data(model.index(r, 0, parent))
                                            for r in range(model.rowCount(parent))]))
    assert groups == [("No longer looked after: 0 children", []),
                      ("Section 20: 0 children", []),
                      ("Interim care order: 1 child", ["P2"]),
                      ("Other legal status: 0 children", [])]
    p2 = model.index(0, 0, model.index(2, 0))
    assert [model.data(p2.siblingAtColumn(c)) for c in range(5)] == [
        "P2", "Ben Hart", "C1", "18/08/2025", "Ann Able"]
    assert model.headerData(3, Qt.Orientation.Horizontal) == "2nd review held"
    # the list takes focus on its first child: Enter opens the record
    assert page.tree.hasFocus() and page.tree.currentIndex() == p2
    with qtbot.waitSignal(page.open_child, timeout=1000) as opened:
        qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert opened.args == ["P2"]
    # a group heading opens nothing
    with qtbot.assertNotEmitted(page.open_child):
        page.tree.activated.emit(model.index(2, 0))
    page.hide_button.click()
    assert not page.list_box.isVisible() and page.tiles["without_plan"].hasFocus()


def test_drift_tile_by_keyboard(page, qtbot):
    page.tiles["drift"].setFocus()
    qtbot.keyClick(page.tiles["drift"], Qt.Key.Key_Space)
    model = page.list_model
    assert [model.data(model.index(g, 0)) for g in range(model.rowCount())] == [
        "Interim care order beyond 26 weeks: 1 child",
        "Adoption A1 over 426 days: 0 children",
        "Adoption A2 over 121 days: 0 children"]
    child = model.index(0, 0, model.index(0, 0))
    assert model.data(child) == "P2"
    assert model.data(child.siblingAtColumn(3)) == "01/05/2025"
    assert "(day 335): beyond 26 weeks" in model.data(child.siblingAtColumn(5))


def test_charts_hold_the_figures(page):
    trend = page.charts["looked_after"].view.chart().series()[0]
    assert [int(p.y()) for p in trend.points()] == [1] * 9 + [0] * 4 + [1] + [2] * 4 + \
        [3] * 3 + [4] * 3
    assert page.charts["legal_status"].summary.text() == (
        "4 children looked after: C1 Interim care order 1; C2 Full care order 1; "
        "V2 Section 20 (single period) 2.")
    assert page.charts["monitoring"].summary.text() == (
        f"1 child with an outcome recorded since 01/04/2025, each under their latest: "
        f"{PROGRESSING} 1.")
    assert page.charts["left_care"].summary.text() == (
        "No period of care ended since 01/04/2025. Short breaks ended (V3/V4, not leaving "
        "care, not counted above): 0 breaks of 0 children.")
    assert page.charts["caseloads"].summary.text().startswith(
        "Looked-after children per FTE: Ann Able 2.0 (below); Bob Brook 2.0 (below). "
        "Service average 2.0 (below), against the band of 50-70")
    bars = page.charts["caseloads"].view.chart().series()[0].barSets()[0]
    assert [bars.at(i) for i in range(bars.count())] == [2.0, 2.0]
    names = [s.name() for s in page.charts["caseloads"].view.chart().series()[1:]]
    assert names == ["Band low: 50 per FTE", "Band high: 70 per FTE"]


def test_save_chart_png(page, tmp_path):
    for key, _title in CHARTS:
        path = page.save_chart_png(key, tmp_path / key)  # ".png" added
        assert path == tmp_path / f"{key}.png"
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        image = QImage(str(path))
        assert image.width() > 200 and image.height() > 100
    with pytest.raises(OSError, match="does not exist"):
        page.save_chart_png("legal_status", tmp_path / "missing" / "chart.png")
    with pytest.raises(KeyError, match="No chart called 'pie'"):
        page.save_chart_png("pie", tmp_path / "pie.png")


def test_save_button_asks_for_a_file(page, tmp_path):
    panel = page.charts["monitoring"]
    assert panel.default_name == "monitoring-2026-03-31.png"
    target = tmp_path / "outcomes.png"
    asked = []

    def dialog(parent, caption, name, filters):
        asked.append((caption, name, filters))
        return str(target), filters

    assert panel.ask_save(dialog=dialog) == target and target.stat().st_size > 0
    assert asked == [("Save “Monitoring outcomes this year” as PNG", panel.default_name,
                      "PNG pictures (*.png)")]
    assert panel.ask_save(dialog=lambda *_: ("", "")) is None  # cancelled: nothing written


def test_refreshes_when_the_session_changes(page, qtbot):
    with qtbot.waitSignal(page.ready, timeout=10000):
        page.session.set_as_of(date(2025, 9, 30))
    # On 30/09/2025 only P1 and P2 are looked after; both have had their 2nd review.
    assert _tile(page, "looked_after") == ("2", "Children looked after on 30/09/2025")
    assert _tile(page, "second_reviews")[0] == "2"


def test_charts_follow_the_palette(page):
    dark = QPalette(page.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor(30, 30, 30))
    dark.setColor(QPalette.ColorRole.Base, QColor(20, 20, 20))
    dark.setColor(QPalette.ColorRole.Text, QColor(240, 240, 240))
    page.setPalette(dark)
    for panel in page.charts.values():
        chart = panel.view.chart()
        assert chart.backgroundBrush().color() == QColor(20, 20, 20)
        assert chart.titleBrush().color() == QColor(240, 240, 240)


def test_page_figures_are_the_service_figures(page, authority):
    """The page shows what services.permanence.dashboard gives (the single source), nothing else."""
    assert page.board == dashboard(load_cohort(authority.uow, AS_OF))


def test_grouped_children_model_passes_qt_model_tester(qtmodeltester, authority):
    board = dashboard(load_cohort(authority.uow, AS_OF))
    for groups in (board.without_plan, board.drift, ()):
        model = GroupedChildrenModel()
        model.set_groups(groups, "Since")
        qtmodeltester.check(model)


def test_the_newest_cohort_wins(page, qtbot, authority):
    earlier = load_cohort(authority.uow, date(2025, 9, 30))
    shown = []
    page.ready.connect(lambda: shown.append(page.board.as_of))
    page.session.cohort = earlier
    page.refresh()
    page.session.cohort = load_cohort(authority.uow, AS_OF)
    page.refresh()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    qtbot.wait(200)  # the first result, if it comes, is dropped
    assert shown == [AS_OF]


def test_a_failure_is_shown(page, qtbot, monkeypatch):
    def broken(_cohort):
        raise ValueError("no IRO list")

    monkeypatch.setattr("permanence_tracker.gui.pages.dashboard.dashboard", broken)
    page.refresh()
    qtbot.waitUntil(lambda: "no IRO list" in page.heading.text(), timeout=10000)
    assert page.heading.text() == "Could not work out the dashboard figures: no IRO list"


def test_an_empty_tracker(qtbot, tmp_path):
    """No children and no IROs: zeros and dashes, every chart drawn empty, no Qt warning."""
    from permanence_tracker.app import open_context

    context = open_context(f"sqlite:///{tmp_path / 'empty.sqlite'}", user="tester")
    try:
        session = Session(context, AS_OF)
        widget = DashboardPage(session)
        qtbot.addWidget(widget)
        widget.show()
        with qtbot.waitSignal(widget.ready, timeout=10000):
            session.reload()
        assert _tile(widget, "looked_after")[0] == "0"
        assert _tile(widget, "second_reviews") == (
            "0", "No child has had a 2nd review: looked after on 31/03/2026, or left care "
                 "since 01/04/2025, short breaks only excluded")
        assert _tile(widget, "timescale") == ("–", "No reviews held since 01/04/2025")
        assert _tile(widget, "participation")[0] == "–"
        assert widget.charts["legal_status"].summary.text() == \
            "No children looked after on 31/03/2026."
        assert widget.charts["caseloads"].summary.text().startswith("No IROs listed yet.")
        widget.show_list("without_plan")
        assert widget.list_box.title() == ("Children without a permanence plan by the 2nd "
                                           "review, by reason (0 children)")
        assert widget.save_chart_png("caseloads", tmp_path / "c.png").stat().st_size > 0
    finally:
        context.dispose()
