"""A messy synthetic tracker workbook, as councils keep them, and the tiny 903 return that some
of its children already came in with. Built with openpyxl; every name and date is invented.

The workbook (sheet "LAC tracker 25-26"): a merged banner and a title above a blank row; the
header on row 4 with council spellings ("LCS ID", "D.O.B.", "LS", "Allocated IRO"); dates as
date cells, dd/mm/yyyy, d/m/yy, d.m.yyyy, "3 February 2025" and an Excel serial number;
legal statuses and plans typed as people type them; Y/N in several spellings; IROs with stray
spaces, other case and initials; and below the data a blank row, a totals row and a note.
Rows 7 (M3) and 8 (M4) disagree with the 903 return's legal status (see
:func:`write_903_return`). The expected standing of every child is worked out in
``tests/integration/test_spreadsheet_messy.py``.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

SHEET = "LAC tracker 25-26"
HEADERS = ["LCS ID", "Forename", "Surname", "D.O.B.", "Gender", "LS", "Date became LAC",
           "1st LAC review", "2nd LAC review", "Plan in place", "Permanence plan",
           "Date plan agreed", "Allocated IRO", "Comments"]
HEADER_ROW = 4
# Sheet row -> the row's cells, in HEADERS order. 45663 is 06/01/2025 and 45870 01/08/2025 as
# Excel serial numbers (day 1 = 01/01/1900, with Excel's phantom 29/02/1900).
ROWS: dict[int, list[object]] = {
    5: ["M1", "Ada", "Ash", datetime(2015, 5, 4), "F", "Full Care Order", date(2025, 1, 6),
        date(2025, 2, 3), "02/05/2025", "Y", "LTF", "1 April 2025", " Jo  Bloggs ",
        "Settled with carers"],
    6: ["M2", "Ben", "Birch", "4/5/16", "Male", "Section 20", 45663, "03/02/2025",
        "02/05/2025", "yes.", "SGO", "01/07/2025", "J. Bloggs", None],
    7: ["M3", "Cy", "Cole", "04.05.2017", None, "ICO", "6 January 2025", "3 February 2025",
        "2 May 2025", "N", None, None, "Kay  Lee ", None],
    8: ["M4", "Dee", "Dunn", "14/02/2014", None, "PO", "01/07/2025", "25/07/2025",
        "20/10/2025", "Yes", "Adoption", "15/09/2025", "Lou Mint", None],
    9: ["M5", "Eve", "Ennis", date(2019, 3, 9), "female", "S20", "05/01/2026", "2/2/26", None,
        "n/a", None, None, "kay lee", None],
    10: ["M6", "Finn", "Ford", "11.11.2012", "M", "s.20", "22.12.2025", datetime(2026, 1, 20),
         None, "N", None, None, "J Bloggs", None],
    11: ["M7", "Gia", "Gray", "30/06/2020", "F", "FCO", 45870, "28/08/2025", "27/11/2025",
         "Y", "Return home", "27.11.2025", "Lou  Mint", None],
}
TOTALS_ROW = 13
NOTE_ROW = 14
CHILD_IDS = tuple(cells[0] for cells in ROWS.values())


def messy_workbook(path: Path) -> Path:
    """Write the messy workbook to ``path`` (.xlsx) and return it."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet["A1"] = "PERMANENCE TRACKER 2025-26: SYNTHETIC TEST DATA"
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet["A2"] = "Children looked after, north locality"
    for column, header in enumerate(HEADERS, start=1):
        sheet.cell(HEADER_ROW, column, header)
    for number, cells in ROWS.items():
        for column, value in enumerate(cells, start=1):
            sheet.cell(number, column, value)
    sheet.cell(TOTALS_ROW, 1, "Total")
    sheet.cell(TOTALS_ROW, 2, len(ROWS))
    sheet.cell(NOTE_ROW, 1, "Notes: checked by the team manager on 31/03/2026 (synthetic)")
    book.save(path)
    return path


RETURN_903 = {
    "header.csv": ["CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB",
                   "M3,M,04/05/2017,WBRI,,,", "M4,F,14/02/2014,WBRI,,,"],
    "episodes.csv": ["CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE",
                     "M3,06/01/2025,S,V2,N1,U4,PR1,,,", "M4,01/07/2025,S,C2,N1,U4,PR1,,,"],
    "reviews.csv": ["CHILD,DOB,REVIEW,REVIEW_CODE", "M3,04/05/2017,03/02/2025,PN1",
                    "M4,14/02/2014,25/07/2025,PN1"],
}


def write_903_return(folder: Path) -> Path:
    """A tiny synthetic 2025-26 903 return: M3 looked after under section 20 (V2) from
    06/01/2025, M4 on a full care order (C2) from 01/07/2025, each with its 1st review."""
    target = folder / "return_2025_26"
    target.mkdir(parents=True, exist_ok=True)
    for name, lines in RETURN_903.items():
        (target / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target
