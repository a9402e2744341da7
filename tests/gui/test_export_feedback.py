"""Every save says where it went or why not, never a traceback (issue 10, item 4).

The Children page's Excel export (cell types read back with openpyxl), a chart's PNG, the
report's PDF and the 903 return, each into a good folder, a missing one and an unwritable one.
"""

from __future__ import annotations

import os
from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCharts import QChart
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from permanence_tracker.gui import return903
from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.pages.children import ChildrenPage
from permanence_tracker.gui.reports_dialog import ReportsDialog
from permanence_tracker.gui.session import Session
from permanence_tracker.gui.widgets.chart_panel import ChartPanel

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py
AS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


@pytest.fixture
def window(qtbot, small_authority):
    session = Session(small_authority, AS_OF)
    win = MainWindow(session, [ChildrenPage], today=date(2026, 11, 23))
    qtbot.addWidget(win)
    with qtbot.waitSignal(session.changed, timeout=10000):
        session.reload()
    return win


def _buttons(box: QMessageBox) -> list[str]:
    return [b.text().replace("&", "") for b in box.buttons()]


def test_export_says_how_many_and_where(window, tmp_path, capfd):
    page = window.pages[0]
    target = tmp_path / "view.xlsx"
    assert page.export_xlsx(str(tmp_path / "view")) == target  # ".xlsx" added
    said = f"Saved 4 children to {target}"
    assert window.statusBar().currentMessage() == said
    box = page.export_message
    assert box.isVisible() and box.text() == f"{said}."
    assert box.icon() == QMessageBox.Icon.Information and "Open folder" in _buttons(box)
    assert "Traceback" not in capfd.readouterr().err


def test_export_writes_numbers_as_numbers(window, tmp_path):
    page = window.pages[0]
    sheet = load_workbook(page.export_xlsx(str(tmp_path / "view.xlsx"))).active
    headers = [c.value for c in sheet[4]]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(5, 9)}
    age = sheet.cell(row=rows["P1"], column=headers.index("Age") + 1)
    assert age.data_type == "n" and age.value == 14  # born 10/01/2012, as of 31/03/2026
    days = [sheet.cell(row=r, column=headers.index("Days left") + 1) for r in rows.values()]
    assert all(c.value is None or (c.data_type == "n" and isinstance(c.value, int))
               for c in days)
    assert any(isinstance(c.value, int) for c in days)
    review = sheet.cell(row=rows["P1"], column=headers.index("Last review") + 1)
    assert review.is_date and review.number_format == "DD/MM/YYYY"


def test_export_button_asks_for_the_file_then_tells(window, tmp_path, monkeypatch):
    page = window.pages[0]
    target = tmp_path / "children.xlsx"
    from permanence_tracker.gui import export_table  # its save dialog, with the check box

    monkeypatch.setattr(export_table, "ask_export", lambda *a, **k: (target, False))
    button = next(b for b in page.findChildren(QPushButton)
                  if b.text() == "Export to Excel…")
    button.click()
    assert target.exists()
    assert page.export_message.text() == f"Saved 4 children to {target}."


def test_export_to_a_missing_folder_shows_why_and_writes_nothing(window, tmp_path, capfd):
    page = window.pages[0]
    target = tmp_path / "gone" / "view.xlsx"
    assert page.export_xlsx(str(target)) is None
    box = page.export_message
    assert box.isVisible() and box.icon() == QMessageBox.Icon.Warning
    assert str(target.parent) in box.text() and "does not exist" in box.text()
    assert "Choose an existing folder" in box.text()
    assert "Open folder" not in _buttons(box)
    assert not target.parent.exists()
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.skipif(AS_ROOT, reason="root may write to any folder")
def test_export_to_an_unwritable_folder_shows_why(window, tmp_path):
    page = window.pages[0]
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert page.export_xlsx(str(folder / "view.xlsx")) is None
        assert f"you may not write to {folder}" in page.export_message.text()
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


@pytest.fixture
def panel(qtbot):
    widget = ChartPanel("legal", "Legal status")
    qtbot.addWidget(widget)
    widget.set_chart(QChart(), "No children")
    widget.resize(600, 500)
    widget.show()
    return widget


def test_chart_save_says_where(panel, tmp_path):
    target = tmp_path / "legal.png"
    assert panel.ask_save(dialog=lambda *_: (str(tmp_path / "legal"), "")) == target
    assert panel.outcome.text() == f"Saved the chart “Legal status” to {target}."
    assert "Open folder" in _buttons(panel.outcome)


def test_chart_save_to_a_missing_folder_says_why(panel, tmp_path):
    target = tmp_path / "gone" / "legal.png"
    assert panel.ask_save(dialog=lambda *_: (str(target), "")) is None
    assert panel.outcome.icon() == QMessageBox.Icon.Warning
    assert f"the folder {target.parent} does not exist" in panel.outcome.text()


@pytest.fixture
def reports(qtbot, small_authority):
    session = Session(small_authority, AS_OF)
    with qtbot.waitSignal(session.changed, timeout=10000):
        session.reload()
    dialog = ReportsDialog(session)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.panels_loaded, timeout=10000)
    dialog.pdf = b"%PDF-1.4 test"
    return dialog


def test_report_save_says_where_or_why(reports, tmp_path):
    assert reports.save_to(tmp_path / "caseloads")
    assert reports.message.text() == f"Saved {tmp_path / 'caseloads.pdf'}."
    target = tmp_path / "gone" / "caseloads.pdf"
    assert not reports.save_to(target)
    text = reports.message.text()
    assert f"the folder {target.parent} does not exist" in text
    assert "Choose an existing folder" in text and "Nothing was saved" in text


def test_903_export_into_a_folder_it_cannot_write_says_so(qtbot, small_authority, tmp_path,
                                                          monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("x")
    monkeypatch.setattr(QInputDialog, "getItem",
                        staticmethod(lambda parent, title, label, items, current, e:
                                     (items[current], True)))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: str(blocked)))
    warned: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, t, m: warned.append((t, m))))
    parent = QWidget()
    qtbot.addWidget(parent)
    task = return903.export_return(Session(small_authority, AS_OF), parent, date(2026, 12, 3))
    assert task is not None
    qtbot.waitUntil(lambda: bool(warned), timeout=10000)
    title, message = warned[0]
    assert title == "903 return not written" and str(blocked) in message
    assert blocked.read_text() == "x"



def test_export_is_headed_with_the_authority_and_its_marking(qtbot, window, tmp_path):
    """Exports use the settings (issue 10): the authority's name heads the sheet, under its
    protective marking; a tracker not yet named says only what the table is."""
    from permanence_tracker.services.settings import set_settings

    page = window.pages[0]
    unnamed = load_workbook(page.export_xlsx(str(tmp_path / "unnamed.xlsx"))).active
    assert unnamed["A2"].value.startswith("Children — as of 31/03/2026")
    set_settings(window.session.uow, {"authority_name": "Northbridge Borough Council",
                                      "protective_marking": "OFFICIAL"})
    with qtbot.waitSignal(window.session.changed, timeout=10000):
        window.session.reload()
    named = load_workbook(page.export_xlsx(str(tmp_path / "named.xlsx"))).active
    assert named["A1"].value == "OFFICIAL"
    assert named["A2"].value.startswith("Northbridge Borough Council — Children — as of "
                                        "31/03/2026")
    assert page._table_title().startswith("Northbridge Borough Council — Children — ")
