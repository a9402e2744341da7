"""The Excel export: cell types, and a workbook written whole or not at all (issue 10, item 4)."""

from __future__ import annotations

import os
import tempfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from permanence_tracker import files
from permanence_tracker.services.exports import excel
from permanence_tracker.services.exports.excel import ExportFileError, as_text_cell, write_xlsx

HEADERS = ["Child ID", "Age", "Days left", "Start of care", "Plan", "Count"]
ROWS = [
    ["P1", 14, -5, date(2025, 6, 2), "=HYPERLINK(\"http://x\")", 3],
    ["P2", 2, None, datetime(2025, 5, 1, 9, 30), "+1", 0],
    ["P3", 16, 40, "", "@SUM(A1)", 1],
    ["P4", 10, 7, None, "\tTab", 2],
    ["P5", 9, 0, None, "-minus", 12],
]


def _write(path: Path) -> Path:
    return write_xlsx(path, "Children", HEADERS, ROWS, "OFFICIAL-SENSITIVE",
                      date(2026, 3, 31), datetime(2026, 4, 1, 10, 0))


def _sheet(path: Path):
    return load_workbook(path).active


def test_numbers_stay_numbers(tmp_path):
    sheet = _sheet(_write(tmp_path / "c.xlsx"))
    assert [c.value for c in sheet[4]] == HEADERS
    ages = [sheet.cell(row=r, column=2) for r in range(5, 10)]
    assert [c.value for c in ages] == [14, 2, 16, 10, 9]
    assert all(c.data_type == "n" for c in ages)
    days = [sheet.cell(row=r, column=3).value for r in range(5, 10)]
    assert days == [-5, None, 40, 7, 0]  # overdue is negative; no next review is blank
    assert sheet.cell(row=9, column=6).value == 12 and sheet.cell(row=9, column=6).data_type == "n"


def test_dates_are_dates_shown_dd_mm_yyyy(tmp_path):
    sheet = _sheet(_write(tmp_path / "c.xlsx"))
    day = sheet.cell(row=5, column=4)
    assert day.is_date and day.value == datetime(2025, 6, 2)
    assert day.number_format == "DD/MM/YYYY"
    moment = sheet.cell(row=6, column=4)
    assert moment.is_date and moment.number_format == "DD/MM/YYYY HH:MM"
    assert sheet.cell(row=7, column=4).value is None  # "" is written as an empty cell


def test_formula_like_text_is_written_as_text(tmp_path):
    path = _write(tmp_path / "c.xlsx")
    sheet = _sheet(path)
    for row, text in zip(range(5, 10), [r[4] for r in ROWS], strict=True):
        cell = sheet.cell(row=row, column=5)
        assert cell.value == text and cell.data_type == "s", text
        assert cell.quotePrefix
    # No formula anywhere in the file: the sheet XML holds no <f> element.
    from zipfile import ZipFile
    with ZipFile(path) as book:
        assert b"<f>" not in book.read("xl/worksheets/sheet1.xml")


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@x", "\tx", "\rx"])
def test_csv_cells_starting_like_a_formula_get_an_apostrophe(text):
    assert as_text_cell(text) == "'" + text
    assert as_text_cell("Ann " + text) == "Ann " + text


def test_a_missing_folder_is_refused_with_the_path_and_what_to_do(tmp_path):
    target = tmp_path / "no such folder" / "c.xlsx"
    with pytest.raises(ExportFileError) as caught:
        _write(target)
    message = str(caught.value)
    assert str(target.parent) in message and "does not exist" in message
    assert "Choose an existing folder" in message and "Nothing was saved" in message
    assert not target.parent.exists()  # never created behind the user's back


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root may write to any folder")
def test_an_unwritable_folder_is_refused(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportFileError, match="you may not write to"):
            _write(folder / "c.xlsx")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_refused_temporary_file_says_permission(tmp_path, monkeypatch):
    def refuse(*_a, **_k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ExportFileError) as caught:
        _write(tmp_path / "c.xlsx")
    assert f"you may not write to {tmp_path}" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_the_earlier_file_and_no_part(tmp_path, monkeypatch):
    target = tmp_path / "c.xlsx"
    target.write_bytes(b"earlier")

    def disk_full(self, _out):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(excel.Workbook, "save", disk_full)
    with pytest.raises(ExportFileError, match="the disk is full"):
        _write(target)
    assert target.read_bytes() == b"earlier"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.xlsx"]  # no .part left


def test_the_file_is_written_beside_the_target_then_replaced(tmp_path, monkeypatch):
    replaced = []
    real = os.replace

    def spy(src, dst):
        replaced.append((Path(src), Path(dst)))
        real(src, dst)

    monkeypatch.setattr(files.os, "replace", spy)  # the one whole-file writer
    target = _write(tmp_path / "c.xlsx")
    ((temporary, final),) = replaced
    assert final == target and temporary.parent == tmp_path and temporary.suffix == ".part"
    assert not temporary.exists() and _sheet(target)["A1"].value == "OFFICIAL-SENSITIVE"


def test_a_folder_in_the_way_is_named(tmp_path):
    (tmp_path / "c.xlsx").mkdir()
    with pytest.raises(ExportFileError, match="is a folder"):
        _write(tmp_path / "c.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.xlsx"]
