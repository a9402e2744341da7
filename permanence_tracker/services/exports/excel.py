"""Excel export of a table view (openpyxl): protective marking, title, as-of date, then rows.

The workbook is written whole or not at all: into a temporary file beside the target, then
renamed over it, so a failure leaves any earlier file as it was and no partial file. A folder
that is missing or may not be written is refused with :class:`ExportFileError`, which names the
path and what to do. Cells keep their types: numbers as numbers, dates as dates shown
dd/mm/yyyy, and text a spreadsheet would run as a formula stays text.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import cast

from openpyxl import Workbook
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.domain.pseudonym import HEADING, Personal, pseudonymised_value
from permanence_tracker.files import write_whole

UK_DATE_FORMAT = "DD/MM/YYYY"
UK_DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
HEADER_ROW = 4  # marking, title and a blank line come first
FIRST_ROW = HEADER_ROW + 1
MAX_WIDTH = 60  # characters: a long note wraps in Excel rather than run off the screen


class ExportFileError(TrackerError):
    """The file could not be written; nothing was written and any earlier file is unchanged."""


@dataclass(frozen=True)
class SheetData:
    """One table for a workbook: its sheet's title, the column headers and the rows (cells keep
    their types: numbers, dates, text), and what personal data each column holds
    (:class:`~permanence_tracker.domain.pseudonym.Personal`, None for none; one per header, or
    empty for a table of no one's personal data), declared by the table's own columns so that
    a pseudonymised workbook (:func:`write_workbook`) never goes by the headers' words."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]
    personal: tuple[Personal | None, ...] = ()


# Excel refuses these in a sheet's name, and names longer than 31 characters
_SHEET_BANNED = re.compile(r"[\[\]:*?/\\]")


def sheet_name(text: str, taken: Sequence[str] = ()) -> str:
    """``text`` as a sheet name Excel accepts: no ``[ ] : * ? / \\``, at most 31 characters,
    not blank, and (ignoring case) unlike the names in ``taken``."""
    name = " ".join(_SHEET_BANNED.sub(" ", text).split()).strip("'")[:31].strip() or "Sheet"
    used = {t.casefold() for t in taken}
    number = 2
    base = name
    while name.casefold() in used:
        suffix = f" ({number})"
        name = base[:31 - len(suffix)].rstrip() + suffix
        number += 1
    return name


def write_xlsx(
    path: Path,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[object]],
    marking: str,
    as_of: date,
    generated: datetime,
    authority: str = "",
) -> Path:
    """One sheet: marking and title lines, a frozen bold header row, real dates as dates.

    Raises :class:`ExportFileError` (nothing written) when the folder is missing or may not be
    written, or the disk is full."""
    sheet = SheetData(title, tuple(headers), tuple(tuple(r) for r in rows))
    return write_workbook(path, (sheet,), marking, as_of, generated, authority)


def write_workbook(
    path: Path,
    sheets: Sequence[SheetData],
    marking: str,
    as_of: date,
    generated: datetime,
    authority: str = "",
    pseudonymise: bool = False,
) -> Path:
    """One worksheet per table, each headed by the marking and its title line, with a bold
    header row frozen under the title, an autofilter over the table, widths that fit the text
    (capped) and real dates shown dd/mm/yyyy. Written whole or not at all.

    ``pseudonymise`` (issue 12): each sheet as :func:`pseudonymised_sheet` gives it, its
    heading saying "Pseudonymised" and the line under it what that means.

    Raises :class:`ExportFileError` (nothing written) when the folder is missing or may not be
    written, or the disk is full."""
    book = Workbook()
    # A new workbook holds exactly one sheet, a worksheet: the first table goes there.
    first = cast(Worksheet, book.active)
    names: list[str] = []
    for number, data in enumerate(sheets or (SheetData("Empty", (), ()),)):
        sheet = first if number == 0 else book.create_sheet()
        sheet.title = sheet_name(data.title, names)
        names.append(sheet.title)
        _fill(sheet, pseudonymised_sheet(data) if pseudonymise else data, marking, as_of,
              generated, authority)
        if pseudonymise:
            sheet["A3"] = PSEUDONYMISED_NOTE
    _save_whole(book, path)
    return path


PSEUDONYMISED_NOTE = (f"{HEADING}: children's and carers' names as initials, dates of birth "
                      "as month and year, notes and other free text left out.")


def pseudonymised_sheet(data: SheetData) -> SheetData:
    """``data`` pseudonymised by its columns' declared kinds (:data:`SheetData.personal`):
    names as initials, dates of birth as month and year, free-text columns left out; the
    title's heading says "Pseudonymised". IDs, staff names and figures are kept."""
    kinds = data.personal + (None,) * (len(data.headers) - len(data.personal))
    kept = [n for n, kind in enumerate(kinds) if kind is not Personal.FREE_TEXT]
    return SheetData(
        f"{data.title} ({HEADING})", tuple(data.headers[n] for n in kept),
        tuple(tuple(pseudonymised_value(kinds[n], row[n]) for n in kept if n < len(row))
              for row in data.rows),
        tuple(kinds[n] for n in kept))


def _fill(sheet: Worksheet, data: SheetData, marking: str, as_of: date, generated: datetime,
          authority: str) -> None:
    headers, rows = data.headers, data.rows
    sheet.append([marking])
    heading = f"{authority} — {data.title}" if authority else data.title  # whose figures
    sheet.append([f"{heading} — as of {uk_date(as_of)}, generated {uk_date(generated)}"])
    sheet.append([])
    sheet.append(list(headers))
    for cell in sheet[HEADER_ROW]:
        cell.font = Font(bold=True)
    sheet["A1"].font = Font(bold=True, color="B71C1C")
    for row in rows:
        sheet.append(list(row))
    for cells in sheet.iter_rows():
        for cell in cells:
            _keep_type(cell)
    for column, header in enumerate(headers, start=1):
        width = max([len(str(header))] + [len(_shown(r[column - 1])) for r in rows[:500]
                                          if column - 1 < len(r)])
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, MAX_WIDTH)
    if headers:  # the filter buttons on the header, over every row of the table
        last = get_column_letter(len(headers))
        sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + len(rows)}"
    sheet.freeze_panes = f"A{FIRST_ROW}"
    # openpyxl gives every worksheet its header and footer items; the stubs allow for None.
    sheet.oddFooter.center.text = marking  # type: ignore[union-attr]
    sheet.oddHeader.center.text = marking  # type: ignore[union-attr]


def _shown(value: object) -> str:
    if isinstance(value, date):
        return uk_date(value)
    return "" if value is None else str(value)


def _keep_type(cell: Cell | MergedCell) -> None:
    """Dates shown dd/mm/yyyy (with the time for a date-time); formula-like text as text."""
    if isinstance(cell.value, datetime):
        cell.number_format = UK_DATETIME_FORMAT
    elif isinstance(cell.value, date):
        cell.number_format = UK_DATE_FORMAT
    elif isinstance(cell, Cell) and looks_like_formula(cell.value):
        # openpyxl would store "=…" as a formula; a quote-prefixed string cell is shown as
        # typed and stays text when edited (Excel's own leading apostrophe).
        cell.data_type = "s"
        cell.quotePrefix = True


def _save_whole(book: Workbook, path: Path) -> None:
    try:
        write_whole(path, book.save)
    except OSError as exc:
        raise unwritable(path, exc) from exc


def unwritable(path: Path, exc: OSError) -> ExportFileError:
    """The error for a file that could not be written, saying why and what to do."""
    return ExportFileError(f"Cannot save {path}: {why_unwritable(path, exc)}. "
                           "Nothing was saved.")


def why_unwritable(path: Path, exc: OSError) -> str:
    """Why ``path`` could not be written (``exc``), and what to do, in words."""
    if isinstance(exc, FileNotFoundError):
        why = (f"the folder {path.parent} does not exist. Choose an existing folder, or "
               "create it first")
    elif isinstance(exc, PermissionError):
        why = (f"you may not write to {path.parent}. Choose a folder you may write to, or "
               "close the file if it is open in another program")
    elif isinstance(exc, IsADirectoryError) or path.is_dir():
        why = f"{path} is a folder. Choose a file name"
    elif exc.errno == errno.ENOSPC:
        why = "the disk is full. Free some space or choose another drive"
    else:
        why = f"{exc.strerror or exc}. Choose another folder or file name"
    return why


# A cell starting with one of these is run as a formula by a spreadsheet (CSV injection,
# OWASP): = + - @, and a tab or carriage return, which some spreadsheets strip first.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: object) -> bool:
    """Whether a spreadsheet would run ``value`` as a formula: text starting ``= + - @``, a tab
    or a carriage return. THE rule for every .xlsx and CSV the product writes."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def as_text_cell(value: object) -> object:
    """A CSV cell a spreadsheet will show as text: text that :func:`looks_like_formula` gets a
    leading apostrophe (OWASP's advice against CSV injection); anything else is unchanged. In
    a workbook the same cells are written as quote-prefixed string cells instead."""
    return f"'{value}" if looks_like_formula(value) else value
