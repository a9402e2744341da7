"""Spreadsheet import, layout: the header row is found below title rows, merged banners and
blank rows; totals, notes and blank rows are left out and listed with the reason."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from permanence_tracker.services.imports.spreadsheet import layout
from permanence_tracker.services.imports.spreadsheet.layout import SourceRow, find_table
from permanence_tracker.services.imports.spreadsheet.reading import (
    RawSheet,
    SpreadsheetError,
    read_sheet,
)

HEADERS = ["Child ID", "Forename", "DOB", "Legal Status", "Review date", "Review date", "IRO"]


def _messy_workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "LAC tracker"
    sheet["A1"] = "Permanence tracker 2024-25"  # a banner merged across the table
    sheet.merge_cells("A1:G1")
    sheet["A2"] = "Prepared by: Permanence team"
    # row 3 blank
    for column, header in enumerate([f"  {h} " for h in HEADERS], start=1):
        sheet.cell(row=4, column=column, value=header)
    rows = {
        5: ["A1", "Ann", date(2015, 1, 2), "S20", date(2024, 5, 1), "01/06/2024", "Jo Bloggs"],
        7: [1002, "Ben", "02/03/2016", "FCO", None, None, " jo  bloggs"],  # row 6 blank
        8: ["A3", "Cal", date(2017, 4, 5), "ICO", date(2024, 7, 1), None, None],
        10: ["Total", None, None, None, 2, 1, None],  # row 9 blank
        11: [3, None, None, None, None, None, None],
        12: ["Note: dates after 1 April come from the 903 return"],
    }
    for number, values in rows.items():
        for column, value in enumerate(values, start=1):
            sheet.cell(row=number, column=column, value=value)
    book.save(path)
    return path


def test_a_messy_sheet_gives_the_table_and_says_what_was_left_out(tmp_path):
    table = find_table(read_sheet(_messy_workbook(tmp_path / "tracker.xlsx")))
    assert table.sheet == "LAC tracker"
    assert table.header_row == 4
    assert table.headers == tuple(HEADERS)  # stripped; the repeated "Review date" is kept
    assert [row.number for row in table.rows] == [5, 7, 8]
    assert table.rows[0] == SourceRow(5, ("A1", "Ann", date(2015, 1, 2), "S20", date(2024, 5, 1),
                                          "01/06/2024", "Jo Bloggs"))
    assert table.rows[1].cells == (1002, "Ben", "02/03/2016", "FCO", None, None, " jo  bloggs")
    assert table.dropped == ((6, "blank row"), (9, "blank row"), (10, "totals row ('Total')"),
                             (11, "totals row (numbers only)"), (12, "note"))


def test_the_fallback_finds_a_header_of_unknown_names(monkeypatch):
    monkeypatch.setattr(layout, "_auto_map", lambda: None)  # as if fields.py were not there
    raw = RawSheet("S", (("Tracker",), (), ("Prepared by", "Team", "Date"),
                         ("Ref", "Given name", "Born", "Status", "Worker", "Area"),
                         ("X1", "Ann", date(2015, 1, 2), "C2", "Sam", "North")))
    table = find_table(raw)
    assert table.header_row == 4  # the 3-cell subtitle is too narrow for the table
    assert table.headers == ("Ref", "Given name", "Born", "Status", "Worker", "Area")
    assert table.rows == (SourceRow(5, ("X1", "Ann", date(2015, 1, 2), "C2", "Sam", "North")),)


def test_known_headers_win_over_an_earlier_row_of_text():
    raw = RawSheet("S", (("Summary", "Children looked after", "Open cases", "Closed"),
                         ("Child ID", "Date of birth", "Legal status", "IRO"),
                         ("A1", "02/01/2015", "C2", "Jo")))
    assert find_table(raw).header_row == 2


def test_cells_beyond_the_headers_are_kept_under_a_blank_header():
    raw = RawSheet("S", (("Child ID", "DOB", "Legal status", date(2025, 3, 31)),
                         ("A1", "02/01/2015", "C2", None, "stray note"),
                         ("A2", "03/01/2015")))
    table = find_table(raw)
    assert table.headers == ("Child ID", "DOB", "Legal status", "31/03/2025", "")
    assert table.rows[0].cells == ("A1", "02/01/2015", "C2", None, "stray note")
    assert table.rows[1].cells == ("A2", "03/01/2015", None, None, None)


def test_a_short_last_row_of_data_is_kept():
    raw = RawSheet("S", (("Child ID", "DOB", "Legal status"), ("A1", "02/01/2015", "C2"),
                         ("A2",), ("Totals", "2", "1,234")))
    table = find_table(raw)
    assert [r.number for r in table.rows] == [2, 3]
    assert table.dropped == ((4, "totals row ('Totals')"),)


@pytest.mark.parametrize("rows", [
    (("Permanence tracker",), (), ("A1", 3, 4)),
    ((1, 2, 3), (4, 5, 6)),
])
def test_no_recognisable_header(rows):
    with pytest.raises(SpreadsheetError, match="sheet 'S' has no recognisable header"):
        find_table(RawSheet("S", rows))
