"""Excel export of a table view (openpyxl): protective marking, title, as-of date, then rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import cast

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from permanence_tracker.domain.calendar import uk_date


def write_xlsx(
    path: Path,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    marking: str,
    as_of: date,
    generated: datetime,
) -> Path:
    """One sheet: marking and title lines, a frozen bold header row, real dates as dates."""
    book = Workbook()
    # A new workbook holds exactly one sheet, a worksheet, and it is the active one; the stubs'
    # type also allows for none or a chartsheet.
    sheet = cast(Worksheet, book.active)
    sheet.title = title[:31]
    sheet.append([marking])
    sheet.append([f"{title} — as of {uk_date(as_of)}, generated {uk_date(generated)}"])
    sheet.append([])
    sheet.append(list(headers))
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    sheet["A1"].font = Font(bold=True, color="B71C1C")
    for row in rows:
        sheet.append(list(row))
    for column, header in enumerate(headers, start=1):
        width = max([len(str(header))] + [len(str(r[column - 1] or "")) for r in rows[:500]])
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, 60)
        for cells in sheet.iter_rows(min_row=5, min_col=column, max_col=column):
            if isinstance(cells[0].value, date):
                cells[0].number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "A5"
    # openpyxl gives every worksheet its header and footer items; the stubs allow for None.
    sheet.oddFooter.center.text = marking  # type: ignore[union-attr]
    sheet.oddHeader.center.text = marking  # type: ignore[union-attr]
    book.save(path)
    return path


FORMULA_STARTS = ("=", "+", "-", "@")


def as_text_cell(value: str) -> str:
    """A CSV cell a spreadsheet will show as text: one starting ``= + - @`` (which Excel would
    run as a formula: CSV injection, OWASP) gets a leading apostrophe."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value
