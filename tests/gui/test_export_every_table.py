"""Every table of the app exports to Excel as it is shown (issue 11, "Excel out, every table").

Each page's tables and a tab of a child's record: the bold header frozen under the title lines
(A5), an autofilter over the whole table, dates as real date cells shown DD/MM/YYYY, widths that
fit long text, a sheet name that says what the table is; the right-click menu and Ctrl+Shift+X;
and a report's figures to a workbook, one sheet per table.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from PySide6.QtGui import QKeySequence

from permanence_tracker.domain.panels import AgendaItem, PanelMeeting
from permanence_tracker.gui.child_record import ChildRecordWindow
from permanence_tracker.gui.export_table import (
    EXPORT_TEXT,
    ExportContext,
    export_view,
    page_table,
    tables,
)
from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.pages.dashboard import DashboardPage
from permanence_tracker.gui.pages.registry import PAGES
from permanence_tracker.gui.reports_dialog import ReportsDialog
from permanence_tracker.gui.session import Session
from permanence_tracker.services import panels as svc

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py
CONTEXT = ExportContext("OFFICIAL-SENSITIVE", "Testshire", AS_OF)
DEFAULT_WIDTH = 13  # openpyxl's column width when none is set

pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


@pytest.fixture
def window(qtbot, small_authority):
    uow = small_authority.uow
    panel = svc.save_panel(uow, PanelMeeting(date(2025, 12, 18), "Permanence", "Pat Chair",
                                             ("A", "B", "C"), True), AS_OF)
    svc.save_item(uow, AgendaItem(panel.id, "Match for permanent fostering", "P1"), AS_OF)
    session = Session(small_authority, AS_OF)
    win = MainWindow(session, PAGES, today=AS_OF)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    with qtbot.waitSignal(session.changed, timeout=10000):
        session.reload()
    qtbot.wait(200)  # the panels page reads its list in the background
    return win


def _sheet(path):
    return load_workbook(path).active


def _check_layout(sheet, columns: int, rows: int) -> None:
    assert sheet["A1"].value == "OFFICIAL-SENSITIVE"
    assert "Testshire" in sheet["A2"].value
    assert sheet.freeze_panes == "A5"
    assert all(cell.font.bold for cell in sheet[4][:columns])
    last = sheet.cell(4, columns).column_letter
    assert sheet.auto_filter.ref == f"A4:{last}{4 + rows}"


def test_every_page_table_exports_as_shown(window, tmp_path):
    exported = 0
    for page in window.pages:
        if isinstance(page, DashboardPage):
            page.show_list("without_plan", focus=False)
        for number, view in enumerate(tables(page)):
            assert EXPORT_TEXT in [a.text() for a in view.actions()], view.accessibleName()
            target = export_view(view, CONTEXT, tmp_path / f"{page.title}-{number}")
            assert target is not None and target.suffix == ".xlsx"
            sheet = _sheet(target)
            assert len(sheet.title) <= 31 and not set(sheet.title) & set("[]:*?/\\")
            headers = [c.value for c in sheet[4] if c.value is not None]
            assert headers, view.accessibleName()
            _check_layout(sheet, len(sheet[4]), sheet.max_row - 4)
            exported += 1
    assert exported >= 10


def test_children_table_dates_widths_and_sheet_name(window, tmp_path):
    page = window.pages[0]
    iros = window.pages[2]
    target = export_view(iros.table, CONTEXT, tmp_path / "iros.xlsx")
    sheet = _sheet(target)
    assert sheet.title == "IRO caseloads"
    fte = [c.value for c in sheet[5]]
    assert any(isinstance(v, (int, float)) and not isinstance(v, bool) for v in fte)

    target = export_view(page.view, CONTEXT, tmp_path / "children.xlsx")
    sheet = _sheet(target)
    assert sheet.title == "Children"
    assert sheet.max_row - 4 == page.proxy.rowCount()
    dates = [c for row in sheet.iter_rows(min_row=5) for c in row
             if isinstance(c.value, datetime)]
    assert dates and all(c.number_format == "DD/MM/YYYY" for c in dates)
    widths = {k: d.width for k, d in sheet.column_dimensions.items()}
    assert max(widths.values()) > DEFAULT_WIDTH


def test_hidden_columns_and_filtered_rows_are_left_out(window, tmp_path):
    page = window.pages[0]
    page.view.setColumnHidden(1, True)
    page.search.setText("P1")
    target = export_view(page.view, CONTEXT, tmp_path / "some.xlsx")
    sheet = _sheet(target)
    headers = [c.value for c in sheet[4]]
    hidden = page.model.headerData(1, 1)
    assert hidden not in headers and len(headers) == page.model.columnCount() - 1
    assert sheet.max_row - 4 == page.proxy.rowCount() == 1


def test_ctrl_shift_x_on_every_page(window, tmp_path, monkeypatch):
    keys = QKeySequence("Ctrl+Shift+X")
    for page in window.pages[1:]:
        assert [a for a in page.actions() if a.shortcut() == keys and a.text() == EXPORT_TEXT]
        assert page_table(page) is getattr(page, page.main_table)
    window.show_page(2)
    target = window.export_table(str(tmp_path / "current"))
    assert target == tmp_path / "current.xlsx"
    assert _sheet(target).title == "IRO caseloads"


def test_a_record_tab_exports_named_for_the_child(qtbot, small_authority, tmp_path):
    window = ChildRecordWindow(small_authority.uow, "P1", AS_OF, today=AS_OF)
    qtbot.addWidget(window)
    view = window.views["reviews"]
    (action,) = [a for a in view.actions() if a.text() == EXPORT_TEXT]
    from permanence_tracker.gui import export_table

    target = tmp_path / "p1-reviews.xlsx"
    monkey = pytest.MonkeyPatch()
    monkey.setattr(export_table, "ask_path", lambda parent, title: target)
    try:
        action.trigger()
    finally:
        monkey.undo()
    sheet = _sheet(target)
    assert sheet.title == "Ava Stone reviews"
    assert sheet.freeze_panes == "A5" and sheet["A4"].font.bold
    assert sheet.auto_filter.ref.startswith("A4:") and sheet.auto_filter.ref.endswith("6")
    dates = [c for c in sheet["A"][4:] if isinstance(c.value, datetime)]
    assert [c.value.date() for c in dates] == [date(2025, 9, 15), date(2025, 6, 20)]
    assert all(c.number_format == "DD/MM/YYYY" for c in dates)


def _generated(qtbot, session, name: str) -> ReportsDialog:
    dialog = ReportsDialog(session)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.panels_loaded, timeout=10000)
    dialog.report.setCurrentIndex(dialog.report.findData(name))
    if dialog.panel.currentIndex() < 0 and dialog.panel.count():
        dialog.panel.setCurrentIndex(0)
    assert dialog.generate() is not None, dialog.message.text()
    qtbot.waitUntil(lambda: bool(dialog.pdf), timeout=30000)
    return dialog


def test_report_figures_to_excel_one_sheet_per_table(qtbot, small_authority, tmp_path):
    session = Session(small_authority, AS_OF)
    with qtbot.waitSignal(session.changed, timeout=10000):
        session.reload()
    dialog = _generated(qtbot, session, "cohort")
    assert dialog.figures_button.isEnabled()
    target = dialog.save_figures(tmp_path / "cohort")
    assert target == tmp_path / "cohort.xlsx"
    book = load_workbook(target)
    assert "Key figures" in book.sheetnames and "IRO caseloads" in book.sheetnames
    assert len(book.sheetnames) >= 5
    key = book["Key figures"]
    figures = {r[0].value: r[1].value for r in key.iter_rows(min_row=5)}
    assert figures["Looked after"] == dialog.loaded.data.dashboard.looked_after
    assert isinstance(figures["As of"], datetime) and key.freeze_panes == "A5"
    assert str(target) in dialog.message.text()


def test_a_report_without_figures_says_so(qtbot, small_authority):
    uow = small_authority.uow
    svc.save_panel(uow, PanelMeeting(date(2025, 12, 18), "Permanence", "Pat Chair",
                                     ("A", "B", "C"), True), AS_OF)
    session = Session(small_authority, AS_OF)
    with qtbot.waitSignal(session.changed, timeout=10000):
        session.reload()
    dialog = _generated(qtbot, session, "outcome-sheet")
    assert not dialog.figures_button.isEnabled()
    assert "no table of figures" in dialog.figures_button.toolTip()
    assert dialog.save_figures("/nowhere.xlsx") is None
    assert "no table of figures" in dialog.message.text()
