"""Pseudonymised "Export to Excel…" (issue 12) of every table the app offers, on the demo's
synthetic authority: every table of every page (found through the pages registry, never listed
here) and every tab of a child's record, the Children page's own export and a report's
"Save figures to Excel". Pseudonymised, no demo child's full name or full date of birth (as
words or as a date cell) is written, and free-text columns are left out; the columns' declared
kinds (``Column.personal``) do it, so a new table or column holding a name without its kind
fails here. Plain, the names are written (so the check can fail); the save dialog offers the
box, off unless ticked; a record's sheet is named by the child's ID.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.pseudonym import HEADING, LEFT_OUT, initials
from permanence_tracker.gui import export_table
from permanence_tracker.gui.child_record import ChildRecordWindow
from permanence_tracker.gui.export_table import (
    EXPORT_TEXT,
    PSEUDONYMISE_TEXT,
    ExportContext,
    ask_export,
    export_view,
    tables,
)
from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.models.roles import ROW_ROLE
from permanence_tracker.gui.pages.dashboard import DashboardPage
from permanence_tracker.gui.pages.registry import PAGES
from permanence_tracker.gui.panels.page import PanelsPage
from permanence_tracker.gui.reports_dialog import ReportsDialog
from permanence_tracker.gui.session import Session
from permanence_tracker.services import panels as svc
from permanence_tracker.services.demo import build_demo

AS_OF = date(2026, 3, 31)
CONTEXT = ExportContext("OFFICIAL-SENSITIVE", "Demoshire", AS_OF)
pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


@pytest.fixture
def demo(tmp_path):
    from permanence_tracker.app import open_context

    ctx = open_context(f"sqlite:///{tmp_path / 'demo.sqlite'}", user="tester")
    build_demo(ctx.uow, children=40, seed=3, as_of=AS_OF)
    yield ctx
    ctx.dispose()


@pytest.fixture
def window(qtbot, demo):
    session = Session(demo, AS_OF)
    win = MainWindow(session, PAGES, today=AS_OF)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    with qtbot.waitSignal(session.changed, timeout=20000):
        session.reload()
    qtbot.waitUntil(lambda: session.cohort is not None, timeout=20000)
    qtbot.wait(300)  # the panels page reads its list in the background
    return win


def _people(window):
    """The demo's children (full name, date of birth, ID)."""
    children = [s.history.child for s in window.session.cohort.standings]
    named = [c for c in children if c.forename and c.surname]
    assert len(named) >= 30
    return named


def _born_into_care(window) -> set[str]:
    """The children who came into care on the day they were born: their start of care is an
    event of the record, kept as a date like every other (only the birth is reduced)."""
    return {s.history.child.child_id for s in window.session.cohort.standings
            if s.history.child.dob in {e.start for e in s.history.episodes}}


def _cells(path) -> list:
    return [c.value for sheet in load_workbook(path).worksheets
            for row in sheet.iter_rows() for c in row if c.value is not None]


def _leaks(path, children, born_in_care: set[str] = frozenset()) -> list[str]:
    """Every full name and date of birth of ``children`` the workbook holds, as words or as a
    date cell (but for a child whose birth was also their first day in care)."""
    cells = _cells(path)
    text = "\n".join(str(v) for v in cells)
    days = {v.date() if isinstance(v, datetime) else v for v in cells if isinstance(v, date)}
    return [f"{c.child_id}: {what}" for c in children for what in (c.name, uk_date(c.dob))
            if what and what in text] + \
        [f"{c.child_id}: {c.dob} as a date" for c in children
         if c.dob in days and c.child_id not in born_in_care]


def _populate(window, qtbot) -> None:
    """Every page's tables show rows: a panel with business about children chosen, each week
    grid's "next 8 weeks" chosen, the dashboard's list shown."""
    for page in window.pages:
        if isinstance(page, DashboardPage):
            page.show_list("without_plan", focus=False)
        if isinstance(page, PanelsPage):
            qtbot.waitUntil(lambda p=page: p.past.model().rowCount() > 0, timeout=20000)
            past = page.past.model()
            ids = [past.index(r, 0).data(ROW_ROLE).panel.id for r in range(past.rowCount())]
            page.select_panel(next(i for i in ids if any(
                item.child_name for item in svc.panel_detail(
                    window.session.uow, i, AS_OF).items)))
        grid = getattr(page, "grid", None)
        if grid is not None:
            model = grid.model()
            grid.setCurrentIndex(model.index(model.rowCount() - 1, model.columnCount() - 1))


def test_every_page_table_exports_pseudonymised(window, qtbot, tmp_path):
    children = _people(window)
    _populate(window, qtbot)
    named_plainly, exported = 0, 0
    for page in window.pages:
        for number, view in enumerate(tables(page)):
            where = f"{page.title}: {view.accessibleName()}"
            assert EXPORT_TEXT in [a.text() for a in view.actions()], where
            plain = export_view(view, CONTEXT, tmp_path / f"{page.title}-{number}",
                                pseudonymise=False)
            hidden = export_view(view, CONTEXT, tmp_path / f"{page.title}-{number}-p",
                                 pseudonymise=True)
            assert plain is not None and hidden is not None, where
            assert _leaks(hidden, children, _born_into_care(window)) == [], where
            sheet = load_workbook(hidden).active
            assert HEADING in sheet["A2"].value and HEADING in sheet["A3"].value, where
            named_plainly += bool(_leaks(plain, children))
            exported += 1
    assert exported >= 14
    assert named_plainly >= 5  # the names are there unless pseudonymised: the check can fail


def test_children_page_own_export_pseudonymised(window, tmp_path):
    children = _people(window)
    page = window.pages[0]
    plain = page.export_xlsx(str(tmp_path / "plain.xlsx"))
    hidden = page.export_xlsx(str(tmp_path / "hidden.xlsx"), pseudonymise=True)
    assert _leaks(plain, children) and _leaks(hidden, children, _born_into_care(window)) == []
    sheet = load_workbook(hidden).active
    headers = [c.value for c in sheet[4]]
    names = [row[headers.index("Name")].value for row in sheet.iter_rows(min_row=5)]
    by_id = {c.child_id: c for c in children}
    ids = [row[headers.index("Child ID")].value for row in sheet.iter_rows(min_row=5)]
    assert names == [initials(by_id[i].name) for i in ids]  # initials beside the ID kept
    assert "(pseudonymised)" in page.export_message.text()


def _records(window, qtbot):
    """A record window per demo child, until every tab has shown rows at least once."""
    wanted: set[str] = set()
    for child in _people(window):
        record = ChildRecordWindow(window.session.uow, child.child_id, AS_OF, today=AS_OF)
        qtbot.addWidget(record)
        wanted = wanted or set(record.views)
        full = {name for name, view in record.views.items() if view.model().rowCount()}
        if full - (set(record.views) - wanted):
            yield record, full & wanted
            wanted -= full
        if not wanted:
            return
        record.close()


def test_every_record_tab_exports_pseudonymised(window, qtbot, tmp_path):
    children = _people(window)
    seen: set[str] = set()
    for record, names in _records(window, qtbot):
        for name in names:
            view = record.views[name]
            path = tmp_path / f"{record.child_id}-{name}.xlsx"
            monkey = pytest.MonkeyPatch()
            monkey.setattr(export_table, "ask_export", lambda parent, title, p=path: (p, True))
            try:
                (action,) = [a for a in view.actions() if a.text() == EXPORT_TEXT]
                action.trigger()
            finally:
                monkey.undo()
            assert _leaks(path, children, _born_into_care(window)) == [], (record.child_id, name)
            sheet = load_workbook(path).active
            assert sheet.title.startswith(record.child_id), sheet.title  # not the name
            headers = [c.value for c in sheet[4]]
            assert not {"Notes", "Note", "Changes"} & set(headers)  # free text left out
            seen.add(name)
    assert {"reviews", "plans", "outcomes", "history"} <= seen, seen


def test_the_save_dialog_offers_the_box(qtbot, tmp_path):
    target = tmp_path / "ticked"

    def answer() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QFileDialog) and w.isVisible())
        (box,) = [b for b in dialog.findChildren(export_table.QCheckBox)
                  if b.text() == PSEUDONYMISE_TEXT]
        assert not box.isChecked()  # off unless asked for
        box.setChecked(True)
        dialog.selectFile(str(target))
        dialog.accept()

    QTimer.singleShot(200, answer)
    assert ask_export(None, "Ava Stone reviews") == (tmp_path / "ticked.xlsx", True)


@pytest.mark.parametrize("report", ["cohort", "caseloads", "review-prep", "panel-summary"])
def test_report_figures_pseudonymised(window, qtbot, tmp_path, report):
    children = _people(window)
    child = next(c for c in children if c.iro)
    dialog = ReportsDialog(window.session)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.panels_loaded, timeout=20000)
    dialog.report.setCurrentIndex(dialog.report.findData(report))
    if dialog.panel.count():
        past = svc.panels(window.session.uow, AS_OF).past
        about = next(r.panel.id for r in past if any(
            i.child_name for i in svc.panel_detail(window.session.uow, r.panel.id,
                                                   AS_OF).items))
        dialog.panel.setCurrentIndex(dialog.panel.findData(about))
    dialog.child.setText(child.child_id)
    dialog.pseudonymise.setChecked(True)
    assert dialog.generate() is not None, dialog.message.text()
    qtbot.waitUntil(lambda: bool(dialog.pdf), timeout=30000)
    path = dialog.save_figures(tmp_path / report)
    assert path is not None
    assert _leaks(path, children, _born_into_care(window)) == []
    book = load_workbook(path)
    assert all(HEADING in s["A2"].value for s in book.worksheets)
    if report == "review-prep":  # named by the child's ID, free text gone
        assert all(s.title.startswith(child.child_id) for s in book.worksheets)
        assert LEFT_OUT not in _cells(path)


def test_a_sheet_is_pseudonymised_by_its_columns_kinds():
    from permanence_tracker.domain.pseudonym import Personal
    from permanence_tracker.services.exports.excel import SheetData, pseudonymised_sheet

    kinds = (None, Personal.CHILD_NAME, Personal.CHILD_ID_AND_NAME, Personal.CARER_NAME,
             Personal.DATE_OF_BIRTH, Personal.FREE_TEXT, None)
    sheet = SheetData("Made up", ("ID", "Who", "Child", "Carers", "Born", "Notes", "Held"),
                      (("X1", "Ann Example", "X1 Ann Example", "Mr and Mrs Lee",
                        date(2015, 3, 9), "Ann said hello", date(2025, 1, 2)),), kinds)
    hidden = pseudonymised_sheet(sheet)
    assert hidden.headers == ("ID", "Who", "Child", "Carers", "Born", "Held")
    assert hidden.rows == (("X1", "A.E.", "X1 A.E.", "L.", "03/2015", date(2025, 1, 2)),)
    assert HEADING in hidden.title
