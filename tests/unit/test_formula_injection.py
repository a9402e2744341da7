"""Cells a spreadsheet would run as a formula are written as text in every .xlsx and CSV the
product writes (issue 11; OWASP's CSV-injection advice): the Excel export, the 903 rejects CSV
and the 903 return's CSV files. One rule: services.exports.excel.looks_like_formula."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from permanence_tracker.services.exports.excel import (
    SheetData,
    as_text_cell,
    looks_like_formula,
    write_workbook,
    write_xlsx,
)
from permanence_tracker.services.exports.ssda903.writer import write_csv
from permanence_tracker.services.imports.ssda903.model import Rejection, SourceFile, SourceRow
from permanence_tracker.services.imports.ssda903.rejects import write_rejects

NAMES = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "\tX", "\rY"]
WHEN = datetime(2026, 3, 31, 9, 0)


def test_the_rule():
    assert all(looks_like_formula(n) for n in NAMES)
    assert not any(looks_like_formula(v) for v in ("Ann", "a=b", "", 5, -2, None))
    assert [as_text_cell(n) for n in NAMES] == ["'" + n for n in NAMES]
    assert as_text_cell(-2) == -2 and as_text_cell("Ann =1") == "Ann =1"


def test_xlsx_keeps_each_name_as_a_string_cell(tmp_path):
    path = write_xlsx(tmp_path / "c.xlsx", "Children", ["Child ID", "Name", "Age"],
                      [[f"C{n}", name, n] for n, name in enumerate(NAMES)], "OFFICIAL",
                      date(2026, 3, 31), WHEN)
    sheet = load_workbook(path).active
    cells = [sheet.cell(5 + n, 2) for n in range(len(NAMES))]
    # XML reads a bare carriage return back as a line feed; the cell is still that text
    assert [c.value for c in cells] == [n.replace("\r", "\n") for n in NAMES]
    assert all(c.data_type == "s" and isinstance(c.value, str) for c in cells)
    assert all(sheet.cell(5 + n, 3).data_type == "n" for n in range(len(NAMES)))
    # a multi-sheet workbook (report figures) follows the same rule on every sheet
    both = write_workbook(tmp_path / "f.xlsx", [SheetData("A", ("Name",), ((NAMES[0],),)),
                                                SheetData("B", ("Name",), ((NAMES[3],),))],
                          "OFFICIAL", date(2026, 3, 31), WHEN)
    book = load_workbook(both)
    assert [(s["A5"].value, s["A5"].data_type) for s in book] == [(NAMES[0], "s"),
                                                                  (NAMES[3], "s")]


def test_the_903_rejects_csv(tmp_path):
    source = SourceFile(tmp_path / "header.csv", "header.csv", "Header", ["CHILD", "SEX"], 0)
    rows = [SourceRow(source, n + 2, {"CHILD": name, "SEX": "9"}) for n, name in
            enumerate(NAMES)]
    rejections = [Rejection(row, "SEX", "9", "=not a sex code") for row in rows]
    out = tmp_path / "rejects.csv"
    assert write_rejects(rejections, out) == len(NAMES)
    with out.open(newline="", encoding="utf-8") as handle:
        lines = list(csv.reader(handle))
    assert [line[0] for line in lines[1:]] == ["'" + n for n in NAMES]
    assert {line[-1] for line in lines[1:]} == {"'=not a sex code"}
    assert lines[1][1] == "9"  # an ordinary value is untouched


@pytest.mark.parametrize("table", ["Header"])
def test_each_903_export_csv(tmp_path, table):
    from permanence_tracker.services.exports.ssda903.layout import COLUMNS

    first = COLUMNS[table][0]
    path = Path(tmp_path / "out.csv")
    write_csv(path, table, [{first: name} for name in NAMES] + [{first: "123"}])
    with path.open(newline="", encoding="utf-8") as handle:
        lines = list(csv.reader(handle))
    assert [line[0] for line in lines[1:]] == ["'" + n for n in NAMES] + ["123"]
