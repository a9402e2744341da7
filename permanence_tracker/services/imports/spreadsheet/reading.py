"""Reading a spreadsheet file into plain rows: its sheets with their row counts, and one sheet's
cell values.

Workbooks (.xlsx, .xlsm, .xls, .ods) are read with python-calamine, which gives the values Excel
cached when the file was saved (a formula is never run) and date cells as dates, at about 15
times the speed of openpyxl. CSV files are decoded as UTF-8 (with or without a BOM), then
Windows-1252 (what Excel writes on most council desktops), with the delimiter (comma, semicolon
or tab) worked out from the file. Nothing here writes anything: a bad file raises
:class:`SpreadsheetError` saying what is wrong, where, and how to fix it. A sheet longer than
:data:`MAX_ROWS` rows is refused before its rows are held (a CSV while it streams, a workbook
by its dimensions), so a million-row file is refused in a moment, not imported for minutes.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import python_calamine as calamine
from openpyxl.utils import get_column_letter

from permanence_tracker.domain.errors import TrackerError

Cell = str | int | float | bool | date | datetime | None

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
SUFFIXES = (*WORKBOOK_SUFFIXES, ".csv")
MAX_CELL_CHARACTERS = 32_767  # Excel's own limit on the text in one cell
# A tracker lists one authority's children: a few thousand at most. 100,000 rows is twenty
# times the largest (and about 25 s to import); a longer sheet is a wrong file or a whole
# system's export, refused with this limit rather than held in memory and checked for minutes.
MAX_ROWS = 100_000

# Text a spreadsheet would run rather than show: "=..." and the DDE or function forms that
# start "+", "-" or "@" ("-cmd|' /C calc'!A0", "@SUM(A1)"). A comment such as "- see notes"
# or "+1 sibling" is text. Such a cell is refused: its value is whatever the formula would
# give, which the file does not hold (a workbook's cached value is read instead).
_FORMULA = re.compile(r"^\s*(?:=|[+\-@][A-Za-z_][\w.]*[(|!])")
_ZIP = b"PK\x03\x04"  # .xlsx, .xlsm and .ods are zip files
_OLE = b"\xd0\xcf\x11\xe0"  # .xls, and an encrypted (password-protected) .xlsx
_PASSWORD_FIX = ("open it in Excel, remove the password (File > Info > Protect Workbook), "
                 "save, and import again")
_RESAVE = "open it in Excel (or LibreOffice) and save it again as .xlsx, then import that"


class SpreadsheetError(TrackerError):
    """A spreadsheet that cannot be read; the message says what, where and how to fix it."""

    def __init__(self, message: str, *, file: str = "", sheet: str | None = None,
                 row: int | None = None, column: str | None = None) -> None:
        super().__init__(message)
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column


@dataclass(frozen=True)
class SheetInfo:
    """A sheet of a file and how many of its rows hold anything (for a sheet chooser)."""

    name: str
    rows: int


@dataclass(frozen=True)
class RawSheet:
    """A sheet's cell values as read; 1-based sheet row n is ``rows[n - 1]``."""

    name: str
    rows: tuple[tuple[Cell, ...], ...]


def list_sheets(path: Path) -> tuple[SheetInfo, ...]:
    """Every sheet of the file at ``path`` with its count of non-blank rows."""
    if _checked_suffix(path) == ".csv":
        rows = _read_csv(path)
        return (SheetInfo(path.stem, _count_filled(rows)),)
    workbook = _open_workbook(path)
    with workbook:
        return tuple(SheetInfo(name, _count_filled(_sheet_values(workbook, name)))
                     for name in _worksheet_names(workbook))


def read_sheet(path: Path, sheet: str | None = None) -> RawSheet:
    """The values of sheet ``sheet`` of the file at ``path`` (by default its first sheet that
    holds anything).

    Raises :class:`SpreadsheetError` when the file cannot be read, the sheet does not exist or
    is empty, or a cell holds more text than a spreadsheet cell can.
    """
    if _checked_suffix(path) == ".csv":
        if sheet is not None and sheet != path.stem:
            raise SpreadsheetError(
                f"{path.name} is a CSV file, which has one sheet ('{path.stem}'), not "
                f"'{sheet}': leave the sheet out, or choose the workbook that has it",
                file=path.name, sheet=sheet)
        return _raw_sheet(path, path.stem, _read_csv(path))
    workbook = _open_workbook(path)
    with workbook:
        names = _worksheet_names(workbook)
        name = _choose_sheet(path, workbook, names, sheet)
        return _raw_sheet(path, name, _sheet_values(workbook, name))


def _checked_suffix(path: Path) -> str:
    """The file's lower-case extension, once the file is known to exist and be readable."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        kind = f"a {suffix} file" if suffix else "a file with no extension"
        raise SpreadsheetError(
            f"{path.name} is {kind}: the import reads {', '.join(SUFFIXES)} files. Save the "
            "spreadsheet in one of those formats (in Excel: File > Save As) and import that",
            file=path.name)
    if not path.exists():
        raise SpreadsheetError(f"{path} does not exist: check the folder and the file name",
                               file=str(path))
    if not path.is_file():
        raise SpreadsheetError(f"{path} is a folder, not a file: choose the spreadsheet in it",
                               file=str(path))
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise SpreadsheetError(
            f"{path} cannot be read ({exc.strerror or exc}): if it is open in Excel, close it; "
            "otherwise ask for permission to read it, or copy it somewhere you can",
            file=str(path)) from exc
    if not head:
        raise SpreadsheetError(f"{path.name} is empty (0 bytes): it may not have been saved or "
                               "copied fully; copy it again from where it came from",
                               file=path.name)
    if suffix in WORKBOOK_SUFFIXES:
        _check_signature(path, suffix, head)
    return suffix


def _check_signature(path: Path, suffix: str, head: bytes) -> None:
    """Refuse, with the reason, a file that cannot be the workbook its name says."""
    name = path.name
    if suffix in (".xlsx", ".xlsm") and head.startswith(_OLE):
        raise SpreadsheetError(f"{name} is protected with a password: {_PASSWORD_FIX}",
                               file=name)
    expected = _OLE if suffix == ".xls" else _ZIP
    if head.startswith(expected):
        if expected == _ZIP and not zipfile.is_zipfile(path):
            raise SpreadsheetError(
                f"{name} is incomplete: the file ends early (it may have been cut short while "
                "copying, downloading or saving). Copy it again from where it came from, or "
                f"{_RESAVE}", file=name)
        return
    if head.startswith(b"%PDF"):
        what = "a PDF document"
    elif head.startswith(_ZIP) or head.startswith(_OLE):
        what = "a different kind of file (perhaps a Word document or another workbook format)"
    else:
        what = "not a workbook (perhaps a text file or web page)"
    raise SpreadsheetError(
        f"{name} is {what} renamed {suffix}, so it cannot be read: open the real spreadsheet "
        "and save it as .xlsx (or export the sheet as .csv), then import that", file=name)


def _open_workbook(path: Path) -> calamine.CalamineWorkbook:
    """The workbook at ``path``, already checked by :func:`_checked_suffix`."""
    try:
        return calamine.CalamineWorkbook.from_path(path)
    except calamine.PasswordError as exc:
        raise SpreadsheetError(f"{path.name} is protected with a password: {_PASSWORD_FIX}",
                               file=path.name) from exc
    except (calamine.CalamineError, OSError, ValueError) as exc:
        raise SpreadsheetError(
            f"{path.name} is damaged or is not a {path.suffix.lower()} workbook ({exc}): "
            f"{_RESAVE}", file=path.name) from exc


def _worksheet_names(workbook: calamine.CalamineWorkbook) -> list[str]:
    # Chart and dialog sheets hold no rows to import.
    return [meta.name for meta in workbook.sheets_metadata
            if meta.typ == calamine.SheetTypeEnum.WorkSheet]


def _sheet_values(workbook: calamine.CalamineWorkbook, name: str) -> list[list[object]]:
    try:
        sheet = workbook.get_sheet_by_name(name)
        if sheet.total_height > MAX_ROWS + 1:  # the header row and MAX_ROWS rows
            file = Path(workbook.path).name if workbook.path else "the workbook"
            raise SpreadsheetError(_too_long(f"{file}, sheet '{name}',"), file=file, sheet=name)
        rows = sheet.to_python(skip_empty_area=False)
    except calamine.CalamineError as exc:
        raise SpreadsheetError(f"sheet '{name}' of {workbook.path or 'the workbook'} cannot be "
                               f"read ({exc}): {_RESAVE}", sheet=name) from exc
    # Empty cells arrive as "" (the sheet's rows start at A1, so row numbers are the sheet's own).
    return [list(row) for row in rows]


def _choose_sheet(path: Path, workbook: calamine.CalamineWorkbook, names: Sequence[str],
                  wanted: str | None) -> str:
    if wanted is None:
        for name in names:
            if _count_filled(_sheet_values(workbook, name)):
                return name
        raise SpreadsheetError(f"{path.name} holds no data: every sheet is empty. Choose the "
                               "file that holds the tracker", file=path.name)
    matches = [n for n in names if n == wanted] or [
        n for n in names if n.strip().casefold() == wanted.strip().casefold()]
    if not matches:
        raise SpreadsheetError(
            f"{path.name} has no sheet called '{wanted}': its sheets are "
            f"{', '.join(repr(n) for n in names) or 'none'}; choose one of those",
            file=path.name, sheet=wanted)
    return matches[0]


def _raw_sheet(path: Path, name: str, rows: Sequence[Sequence[object]]) -> RawSheet:
    cleaned = tuple(tuple(_cell(path, name, number, index, value)
                          for index, value in enumerate(row))
                    for number, row in enumerate(rows, start=1))
    if not _count_filled(cleaned):
        raise SpreadsheetError(f"sheet '{name}' of {path.name} is empty: choose the sheet that "
                               "holds the tracker", file=path.name, sheet=name)
    return RawSheet(name, cleaned)


def _cell(path: Path, sheet: str, row: int, index: int, value: object) -> Cell:
    """One cell as the contract types it: blanks as None, whole numbers as int."""
    if isinstance(value, str):
        if len(value) > MAX_CELL_CHARACTERS:
            column = get_column_letter(index + 1)
            raise SpreadsheetError(
                f"{path.name}, sheet '{sheet}', row {row}, column {column}: the cell holds "
                f"{len(value):,} characters, more than the {MAX_CELL_CHARACTERS:,} a spreadsheet "
                "cell can hold. Shorten that cell (or move the text elsewhere), save, and import "
                "again", file=path.name, sheet=sheet, row=row, column=column)
        if is_formula(value):
            column = get_column_letter(index + 1)
            raise SpreadsheetError(
                f"{path.name}, sheet '{sheet}', row {row}, column {column}: {value[:40]!r} is a "
                "spreadsheet formula, not a value, and the import never runs formulas. In "
                "Excel, copy the column and Paste Special > Values (or delete the formula), "
                "save, and import again", file=path.name, sheet=sheet, row=row, column=column)
        return value if value.strip() else None
    if isinstance(value, bool | date):  # datetime is a date
        return value
    if isinstance(value, float):
        # A workbook stores every number as a float: 12345 is an ID, not 12345.0.
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if isinstance(value, int):
        return value
    if isinstance(value, time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, timedelta):
        return str(value)
    return None if value is None else str(value)


def is_formula(text: str) -> bool:
    """Whether a spreadsheet would run ``text`` as a formula (see ``_FORMULA``): the import
    refuses such a value, as the exports write one as text (``exports.excel.as_text_cell``)."""
    return bool(_FORMULA.match(text))


def _count_filled(rows: Sequence[Sequence[object]]) -> int:
    return sum(1 for row in rows if any(not _blank(value) for value in row))


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_csv(path: Path) -> list[list[str]]:
    """The rows of a CSV file, decoded and split by the delimiter it uses."""
    text = _decode(path, path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[list[str]] = []
    try:
        for row in reader:
            if len(rows) > MAX_ROWS:  # counted as it streams: the header and MAX_ROWS rows
                raise SpreadsheetError(_too_long(path.name), file=path.name)
            rows.append(row)
    except csv.Error as exc:
        raise _unreadable(path, reader.line_num, exc) from exc
    if cut_short(text, rows):
        raise SpreadsheetError(
            f"{path.name} ends part-way through line {reader.line_num} (it has "
            f"{len(rows[-1])} of the {max(map(len, rows))} columns and no line end): it may have "
            "been cut short while copying, downloading or saving. Copy it again from where it "
            "came from, or save it again as CSV, and import that", file=path.name,
            row=reader.line_num)
    return rows


def cut_short(text: str, rows: Sequence[Sequence[str]]) -> bool:
    """Whether a CSV file ends part-way through a line: its last line has no line end and
    fewer values than the widest line (a file cut short while copying or saving)."""
    return (len(rows) > 1 and not text.endswith(("\n", "\r")) and bool(rows[-1])
            and len(rows[-1]) < max(map(len, rows)))


def _unreadable(path: Path, line: int, exc: csv.Error) -> SpreadsheetError:
    where = f"{path.name}, line {line}"
    if "field larger than field limit" in str(exc):
        return SpreadsheetError(
            f"{where}: a value is longer than the {MAX_CELL_CHARACTERS:,} characters a "
            "spreadsheet cell can hold (perhaps a quote mark is never closed). Shorten it "
            "or close the quotes, save, and import again", file=path.name, row=line)
    return SpreadsheetError(f"{where} cannot be read as CSV ({exc}): open the file in Excel, "
                            "save it again as CSV, and import that", file=path.name, row=line)


def _too_long(where: str) -> str:
    return (f"{where} has more than {MAX_ROWS:,} rows, more than a tracker of one authority's "
            "children holds: check it is the right file, or remove the rows that are not "
            "children's (or split it) and import again")


def _decode(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode Text" is UTF-16
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:  # an odd byte count: cut short (or not UTF-16)
            raise SpreadsheetError(
                f"{path.name} starts as a UTF-16 (\"Unicode Text\") file but is not one: it may "
                "have been cut short while copying or saving. Copy it again, or in Excel save "
                "it as \"CSV UTF-8\" and import that", file=path.name) from exc
    if b"\x00" in data[:4096] or data.startswith((b"%PDF", _ZIP, _OLE)):
        raise SpreadsheetError(
            f"{path.name} is not a CSV text file (it looks like a workbook, PDF or other binary "
            "file renamed .csv): import the file itself, or save the sheet as CSV and import "
            "that", file=path.name)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SpreadsheetError(
        f"{path.name} is in a text encoding the import does not know (neither UTF-8 nor "
        "Windows-1252): in Excel, save it as \"CSV UTF-8\" and import that", file=path.name)


def _delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one that splits most lines into the same number of fields.

    A title line has one field whatever the delimiter, and decimal commas in a semicolon file
    vary line to line, so agreement between lines is the test, not a count of characters.
    """
    sample = text.splitlines()[:50]
    best, best_score = ",", (0, 0)
    for delimiter in (",", ";", "\t"):
        try:
            widths = Counter(len(row) for row in csv.reader(sample, delimiter=delimiter)
                             if len(row) > 1)
        except csv.Error:  # a value too long for the csv module: _read_csv says where
            continue
        if widths:
            width, lines = widths.most_common(1)[0]
            if (lines, width) > best_score:
                best, best_score = delimiter, (lines, width)
    return best
