"""The Audit page: filters narrow the entries, choosing one shows its before and after, "Verify
the chain" says intact or names the broken entry, Export to Excel writes what is listed, and
the page is marked for administrators."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from sqlalchemy import select, update

from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.pages.audit import ANY, AuditPage
from permanence_tracker.gui.pages.registry import PAGES
from permanence_tracker.gui.session import Session
from permanence_tracker.persistence import tables as t
from permanence_tracker.services.records import child_record
from permanence_tracker.services.records import editing as records

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py

pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


@pytest.fixture
def page(qtbot, small_authority):
    shown = AuditPage(Session(small_authority, AS_OF))
    qtbot.addWidget(shown)
    shown.resize(1200, 800)
    shown.show()
    shown.refresh()
    return shown


def _listed(page) -> list[tuple[str, str, str, str]]:
    model = page.table.model()
    return [tuple(model.index(r, c).data() for c in (3, 4, 6, 2))
            for r in range(model.rowCount())]


def _count(engine, **equal) -> int:
    query = select(t.audit.c.id)
    for name, value in equal.items():
        query = query.where(getattr(t.audit.c, name) == value)
    with engine.connect() as connection:
        return len(list(connection.execute(query)))


def test_every_entry_is_listed_and_the_model_passes_the_tester(page, small_authority,
                                                                qtmodeltester):
    qtmodeltester.check(page.model)
    assert page.model.rowCount() == _count(small_authority.engine) > 0
    assert page.count.text() == f"{page.model.rowCount()} entries"
    assert AuditPage.permission == "audit.read" and AuditPage in PAGES  # test_role_actions.py


def test_the_filters_narrow_the_entries(page, small_authority, qtbot):
    page.child.setText("P1")
    page.table_name.setText("review")
    page.action.setCurrentText("insert")
    page.show_button.click()
    assert _listed(page) == [("P1", "review", "insert", "tester")] * 2
    page.child.setText("")
    page.table_name.setText("")
    page.action.setCurrentText(ANY)
    page.user.setText("someone else")
    page.show_button.click()
    assert _listed(page) == [] and page.count.text() == "0 entries"
    page.user.setText("tester")
    tomorrow = date.today() + timedelta(days=1)  # the fixture's entries were written today
    page.date_from.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    page.show_button.click()
    assert _listed(page) == []
    page.date_to.setDate(QDate(2026, 1, 1))  # before "from": refused, said on the page
    page.show_button.click()
    assert page.count.text().startswith("Not shown: the dates are the wrong way round")
    page.date_from.setDate(page.date_from.minimumDate())  # "Any"
    page.date_to.setDate(page.date_to.minimumDate())
    page.show_button.click()
    assert page.model.rowCount() == _count(small_authority.engine)


def test_choosing_an_entry_shows_before_and_after(page, small_authority):
    records.update_child(small_authority.uow, replace(
        child_record.load_child_record(small_authority.uow, "P3", AS_OF).child,
        locality="South"), AS_OF)
    page.action.setCurrentText("update")
    page.child.setText("P3")
    page.show_button.click()
    assert _listed(page) == [("P3", "child", "update", "tester")]
    page.table.selectRow(0)
    assert page.detail.toPlainText().splitlines()[-1] == "locality: North → South"


def test_an_insert_shows_its_values(page):
    page.child.setText("P1")
    page.table_name.setText("review")
    page.show_button.click()
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by entry: the first held
    page.table.selectRow(0)
    text = page.detail.toPlainText()
    assert " insert of review " in text and "held: 20/06/2025" in text.splitlines()


def test_verify_says_intact_then_names_the_broken_entry(page, small_authority):
    assert page.verify() == (f"Audit intact: {_count(small_authority.engine)} entries "
                             "verified.")
    assert page.verdict.text() == page.verify()
    with small_authority.engine.begin() as connection:
        third = list(connection.execute(select(t.audit.c.id).order_by(t.audit.c.id)))[2][0]
        connection.execute(update(t.audit).where(t.audit.c.id == third).values(new="{}"))
    page.verify_button.click()
    assert page.verdict.text().startswith(f"Audit BROKEN: audit entry {third} (")
    assert "hash mismatch" in page.verdict.text()


def test_export_writes_the_entries_listed(page, tmp_path):
    page.child.setText("P3")
    page.show_button.click()
    target = tmp_path / "audit.xlsx"
    assert page.export_entries(str(target)) == target
    sheet = load_workbook(target).active
    assert sheet["A1"].value == "OFFICIAL-SENSITIVE" and sheet.freeze_panes == "A5"
    assert [c.value for c in sheet[4]] == ["Entry", "When", "By", "Child ID", "Table", "Row",
                                           "Action", "Field", "Before", "After"]
    assert {sheet.cell(r, 4).value for r in range(5, sheet.max_row + 1)} == {"P3"}
    # one row per changed field: every entry listed, each with its fields
    listed = [page.model.rows()[r] for r in range(page.model.rowCount())]
    assert sheet.max_row - 4 == sum(max(1, len(e.changes)) for e in listed) > len(listed)
    assert {sheet.cell(r, 1).value for r in range(5, sheet.max_row + 1)} == {
        e.id for e in listed}
    first = next(e for e in listed if e.action == "insert" and e.changes)
    row = next(r for r in range(5, sheet.max_row + 1) if sheet.cell(r, 1).value == first.id)
    change = first.changes[0]
    assert [sheet.cell(row, c).value or "" for c in (8, 9, 10)] == [
        change.field, "", change.after]  # an insert: Before empty


def test_the_main_window_goes_to_the_audit_page(qtbot, small_authority):
    window = MainWindow(Session(small_authority, AS_OF), PAGES, today=AS_OF)
    qtbot.addWidget(window)
    number = PAGES.index(AuditPage)
    action = window.actions_by_name[f"page:{number}"]
    assert (action.text(), action.shortcut().toString()) == ("Audit", f"Ctrl+{number + 1}")
    action.trigger()
    assert isinstance(window.stack.currentWidget(), AuditPage)


def _entry_numbers(page) -> list[int]:
    model = page.table.model()
    return [int(model.index(r, 0).data()) for r in range(model.rowCount())]


def test_entries_written_in_the_same_moment_sort_by_entry_number(page, small_authority):
    """An import writes many entries in one moment: under any column, ties keep the order the
    entries were written in (by entry number), ascending or descending."""
    with small_authority.engine.begin() as connection:  # every entry in one moment
        connection.execute(update(t.audit).values(at=datetime(2026, 3, 2, 9, 30, tzinfo=UTC)))
    page.show_button.click()
    numbers = sorted(_entry_numbers(page))
    assert len(numbers) > 3
    for column in (1, 2, 4, 6):  # When, By, Table, Action: ties (one moment, one user ...)
        page.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        listed = _entry_numbers(page)
        if column == 1:
            assert listed == numbers
        groups = [page.table.model().index(r, column).data() for r in range(len(listed))]
        for value in set(groups):
            tied = [n for n, g in zip(listed, groups, strict=True) if g == value]
            assert tied == sorted(tied), (column, value, tied)
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert _entry_numbers(page) == numbers[::-1]
    # Rows arriving in any order are sorted as the view shows them.
    page.model.set_rows(sorted(page.model.rows(), key=lambda e: (e.id % 3, -e.id)))
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert _entry_numbers(page) == numbers
    page.show_button.click()  # a refresh keeps the column and order chosen
    assert _entry_numbers(page) == numbers
    page.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    page.show_button.click()
    assert _entry_numbers(page) == numbers[::-1]
