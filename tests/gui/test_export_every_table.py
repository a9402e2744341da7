"""Every table of the app exports to Excel as it is shown (issue 11, "Excel out, every table").

Each page's tables and a tab of a child's record: the bold header frozen under the title lines
(A5), an autofilter over the whole table, dates as real date cells shown DD/MM/YYYY, widths that
fit long text, a sheet name that says what the table is; the right-click menu and Ctrl+Shift+X;
and a report's figures to a workbook, one sheet per table.

Every date column of every table and figure sheet (its header names a date: "Date", "Due",
"Held", "Agreed", "Start", "DOB"...) holds real date cells, never the words of a date; every
table and tree of the main window, a child's record, the reports dialog, the 903 check and the
spreadsheet import wizard has "Export to Excel…", with a sheet name of its own.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QListView

from permanence_tracker.domain.panels import AgendaItem, PanelMeeting
from permanence_tracker.gui import export_table
from permanence_tracker.gui.child_record import ChildRecordWindow
from permanence_tracker.gui.export_table import (
    EXPORT_TEXT,
    ExportContext,
    export_view,
    page_table,
    tables,
    view_title,
)
from permanence_tracker.gui.import_spreadsheet.wizard import SpreadsheetWizard
from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.models.roles import ROW_ROLE
from permanence_tracker.gui.pages.dashboard import DashboardPage
from permanence_tracker.gui.pages.registry import PAGES
from permanence_tracker.gui.panels.page import PanelsPage
from permanence_tracker.gui.reports_dialog import ReportsDialog
from permanence_tracker.gui.return903 import CheckReturnDialog
from permanence_tracker.gui.session import Session
from permanence_tracker.services import panels as svc
from permanence_tracker.services.exports.ssda903.check import Finding

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
    decided = svc.save_item(uow, AgendaItem(panel.id, "Plan for permanent fostering", "P2"),
                            AS_OF)
    decided = svc.record_recommendation(uow, decided, "Recommended", "Settled", "", AS_OF).item
    svc.record_decision(uow, decided, date(2025, 12, 22), "Agreed", date(2025, 12, 23), AS_OF)
    awaited = svc.save_item(uow, AgendaItem(panel.id, "Approval of carers", carers="Mr Lee"),
                            AS_OF)
    awaited = svc.record_recommendation(uow, awaited, "Recommended", "Suited", "", AS_OF).item
    svc.record_decision(uow, awaited, date(2025, 12, 22), "", None, AS_OF)
    svc.save_panel(uow, PanelMeeting(date(2026, 4, 9), "Adoption", "Pat Chair", (), None), AS_OF)
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
    monkey.setattr(export_table, "ask_export", lambda parent, title: (target, False))
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


def _generated(qtbot, session, name: str, panel: str = "", child: str = "") -> ReportsDialog:
    dialog = ReportsDialog(session)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.panels_loaded, timeout=10000)
    dialog.report.setCurrentIndex(dialog.report.findData(name))
    if dialog.panel.currentIndex() < 0 and dialog.panel.count():
        dialog.panel.setCurrentIndex(0)
    dialog.child.setText(child)
    if panel:  # the panel whose words start so ("18/12/2025")
        dialog.panel.setCurrentIndex(next(n for n in range(dialog.panel.count())
                                          if dialog.panel.itemText(n).startswith(panel)))
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


# -- every date column holds dates --------------------------------------------------------
# A header naming a date: a whole word of it is one of these ("Next review due", "Start of care")
DATE_HEADER = re.compile(r"\b(date|dates|due|held|agreed|start|started|end|ended|dob|born|"
                         r"decided|since|recorded|month end|as of|when)\b|^(from|to)$",
                         re.IGNORECASE)
DATE_WORDS = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")  # a date written as words


def _date_columns(sheet) -> dict[str, list]:
    """The cells under each header that names a date (the agenda's "Panel" is its date)."""
    headers = [str(c.value or "") for c in sheet[4]]
    return {h: [row[n] for row in sheet.iter_rows(min_row=5)]
            for n, h in enumerate(headers) if DATE_HEADER.search(h) or h == "Panel"}


def _check_dates(sheet, where: str) -> int:
    """Every cell of a date column is a date shown DD/MM/YYYY or words that are no date
    ("open", blank); the number of date cells."""
    found = 0
    for header, cells in _date_columns(sheet).items():
        for cell in cells:
            if isinstance(cell.value, datetime):
                assert cell.number_format.startswith("DD/MM/YYYY"), (where, header)
                found += 1
            else:
                assert not DATE_WORDS.search(str(cell.value or "")), (where, header, cell.value)
    return found


def _panels_page(window) -> PanelsPage:
    return next(p for p in window.pages if isinstance(p, PanelsPage))


def test_every_panels_table_exports_its_dates_as_dates(window, qtbot, tmp_path):
    page = _panels_page(window)
    qtbot.waitUntil(lambda: page.past.model().rowCount() > 0, timeout=10000)
    page.select_panel(page.past.model().index(0, 0).data(ROW_ROLE).panel.id)
    dated: dict[str, dict[str, int]] = {}
    for number, view in enumerate(tables(page)):
        sheet = _sheet(export_view(view, CONTEXT, tmp_path / f"panels-{number}"))
        _check_dates(sheet, view.accessibleName())
        dated[view.accessibleName()] = {
            h: sum(isinstance(c.value, datetime) for c in cells)
            for h, cells in _date_columns(sheet).items()}
    assert dated["Upcoming panels"] == {"Date": 1}
    assert dated["Past panels"] == {"Date": 1}
    agenda = dated["Agenda of the chosen panel"]  # its panel's date is the box's title
    assert agenda == {"Decision due by": 2, "Decided": 1}
    assert dated["Decisions outstanding"]["Decision due by"] == 1
    assert dated["Outcomes to record"]["Panel"] == 1


def test_panel_summary_figures_hold_dates(qtbot, window, tmp_path):
    dialog = _generated(qtbot, window.session, "panel-summary", "18/12/2025")
    book = load_workbook(dialog.save_figures(tmp_path / "summary"))
    (sheet,) = book.worksheets
    assert sheet.title == "Panel 18 12 2025"
    columns = _date_columns(sheet)
    assert {h: sum(isinstance(c.value, datetime) for c in cells)
            for h, cells in columns.items()} == {"Panel": 3, "Decision due by": 2,
                                                  "Decided": 1}
    assert [c.value.date() for c in columns["Decided"] if c.value] == [date(2025, 12, 23)]
    _check_dates(sheet, sheet.title)


def test_every_date_column_of_every_table_and_figure_holds_dates(window, qtbot, tmp_path):
    dates = 0
    _panels_page(window).select_panel(
        _panels_page(window).past.model().index(0, 0).data(ROW_ROLE).panel.id)
    for page in window.pages:
        if isinstance(page, DashboardPage):
            page.show_list("without_plan", focus=False)
        for number, view in enumerate(tables(page)):
            sheet = _sheet(export_view(view, CONTEXT, tmp_path / f"{page.title}-{number}"))
            dates += _check_dates(sheet, f"{page.title}: {view.accessibleName()}")
    record = ChildRecordWindow(window.session.uow, "P1", AS_OF, today=AS_OF)
    qtbot.addWidget(record)
    for name, view in record.views.items():
        dates += _check_dates(_sheet(export_view(view, CONTEXT, tmp_path / f"p1-{name}")), name)
    for report in ("cohort", "caseloads", "panel-figures", "panel-summary", "review-prep"):
        dialog = _generated(qtbot, window.session, report, "18/12/2025", "P1")
        assert dialog.figures_button.isEnabled(), report
        for sheet in load_workbook(dialog.save_figures(tmp_path / report)).worksheets:
            dates += _check_dates(sheet, f"{report}: {sheet.title}")
    assert dates >= 40


# -- every table exports ------------------------------------------------------------------
def _item_views(root) -> list[QAbstractItemView]:
    """Every item view inside ``root`` but headers and the lists that choose (a combo box's
    popup, the page list, the sheets of a workbook)."""
    return [v for v in root.findChildren(QAbstractItemView)
            if not isinstance(v, (QHeaderView, QListView))]


def _assert_exports(root, at_least: int) -> list[str]:
    views = _item_views(root)
    assert len(views) >= at_least, [v.accessibleName() for v in views]
    for view in views:
        assert EXPORT_TEXT in [a.text() for a in view.actions()], view.accessibleName()
        assert view.accessibleName(), view
    return [view_title(v) for v in views]


def test_every_table_everywhere_has_export_to_excel(window, qtbot, small_authority, tmp_path):
    titles = _assert_exports(window, 12)
    assert len(set(titles)) == len(titles), titles  # each sheet says which table it is
    assert window.pages[2].week_list.accessibleName() != \
        window.pages[1].week_list.accessibleName()
    assert {"Reviews due in the week", "IRO's reviews due in week"} <= set(titles)

    record = ChildRecordWindow(small_authority.uow, "P1", AS_OF, today=AS_OF)
    qtbot.addWidget(record)
    _assert_exports(record, len(record.views))

    reports = ReportsDialog(window.session)
    qtbot.addWidget(reports)
    _assert_exports(reports, 0)  # its report's figures go out by their own button

    check = CheckReturnDialog(window.session, AS_OF, lambda _cid: None)
    qtbot.addWidget(check)
    _assert_exports(check, 1)
    check.model.set_rows((Finding("P1", "Header", 2, "101", "DOB missing", ("DOB",)),))
    target = tmp_path / "findings.xlsx"
    monkey = pytest.MonkeyPatch()
    monkey.setattr(export_table, "ask_export", lambda parent, title: (target, False))
    try:
        (action,) = [a for a in check.view.actions() if a.text() == EXPORT_TEXT]
        action.trigger()
    finally:
        monkey.undo()
    sheet = _sheet(target)
    assert sheet.title.startswith("903 check findings")
    assert [c.value for c in sheet[5]][:2] == ["P1", "101"]

    wizard = SpreadsheetWizard(window.session, AS_OF)
    qtbot.addWidget(wizard)
    titles = _assert_exports(wizard, 6)
    assert {"Import columns", "Import rows", "Import problems", "Import conflicts",
            "Import matches to confirm", "Children changed by import"} <= set(titles)


def test_the_wizard_decisions_export_as_decided(qtbot, small_authority, tmp_path):
    """The conflicts and matches tables carry a combo or a tick box per row: the export says
    what was chosen, and the date of birth is a date."""
    from permanence_tracker.gui.import_spreadsheet.decisions import ConflictsPanel, MatchesPanel
    from permanence_tracker.services.imports.spreadsheet.model import Conflict, NameMatch

    conflicts = ConflictsPanel()
    qtbot.addWidget(conflicts)
    conflicts.set_conflicts((Conflict("7:sex", 7, "P1", "sex", "1", "2", "differs"),
                             Conflict("8:sex", 8, "P2", "sex", "1", "2", "differs")))
    conflicts.decide(0, "take")
    matches = MatchesPanel()
    qtbot.addWidget(matches)
    matches.set_matches((NameMatch(9, "", "P3", "Cal Moss", date(2010, 3, 3)),))
    matches.boxes[0].setChecked(True)
    sheet = _sheet(export_view(conflicts.view, CONTEXT, tmp_path / "conflicts"))
    assert [row[-1].value for row in sheet.iter_rows(min_row=5)] == ["Take the sheet's", None]
    sheet = _sheet(export_view(matches.view, CONTEXT, tmp_path / "matches"))
    (row,) = sheet.iter_rows(min_row=5)
    dob = row[[c.value for c in sheet[4]].index("Date of birth")]
    assert row[-1].value == "Yes" and dob.value == datetime(2010, 3, 3)
    assert dob.number_format == "DD/MM/YYYY"
