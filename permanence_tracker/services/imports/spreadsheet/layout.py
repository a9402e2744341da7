"""Finding the table in a sheet: its header row, below any title rows, merged banner cells or
blank rows, and its data rows, without the totals, notes and blank rows people leave around it.

The header row is the row whose cells best match the tracker's known headers
(:func:`.fields.auto_map`); when no row matches at least two of them it is the first row of
three or more short text cells filling more than half the table's width. Below it, blank rows
are skipped wherever they are, and totals and notes are dropped from the bottom up to the last
real row; every row left out is listed in :attr:`Table.dropped` with the reason, so nothing
goes missing unseen. :func:`first_table` finds the first sheet of a file that holds a table
(a workbook often opens on a sheet of notes or instructions).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import cast

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.words import plural
from permanence_tracker.services.imports.spreadsheet.reading import (
    RawSheet,
    SheetInfo,
    SpreadsheetError,
    list_sheets,
    read_sheet,
)

HEADER_SEARCH_ROWS = 20  # non-blank rows looked at for the header: title blocks are short
MIN_KNOWN_HEADERS = 2  # cells that must match known headers for a row to be the header
DATA_ROWS_SEEN = 3  # rows below the best header so far that end the search
MIN_TEXT_HEADERS = 3  # short text cells the fallback needs
SHORT_TEXT = 60  # a header longer than this is a sentence, not a column name
NOTE_LENGTH = 40  # a lone cell of text this long (or of NOTE_WORDS words) is a note
NOTE_WORDS = 5

_TOTAL = re.compile(r"^\s*(grand\s+|sub-?\s*)?(totals?|count|sum)\b", re.IGNORECASE)
_NOTE = re.compile(r"^\s*(notes?|nb|n\.b\.|key|source|prepared by|last updated|updated|\*)\b",
                   re.IGNORECASE)
_NUMBER = re.compile(r"^\s*[-+£]?\s*[\d,]*\.?\d+\s*%?\s*$")

AutoMap = Callable[[Sequence[str]], dict[int, str]]


@dataclass(frozen=True)
class SourceRow:
    """A data row; ``number`` is the sheet's own 1-based row number, as the user sees it."""

    number: int
    cells: tuple[object, ...]


@dataclass(frozen=True)
class Table:
    """The table found in a sheet. ``headers`` and every row's ``cells`` are equally wide;
    ``dropped`` holds (row number, why) for each row below the header that was left out."""

    sheet: str
    header_row: int
    headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    dropped: tuple[tuple[int, str], ...]


class NoTableError(SpreadsheetError):
    """No sheet of a file has a recognisable header; ``sheets`` lists them all with their row
    counts, for the front end to say how to choose one."""

    def __init__(self, message: str, sheets: tuple[SheetInfo, ...], *, file: str) -> None:
        super().__init__(message, file=file)
        self.sheets = sheets


def first_table(path: Path) -> tuple[Table, tuple[str, ...]]:
    """The table of the first sheet of ``path`` that holds one, and the names of the non-empty
    sheets before it that were passed over for having no recognisable header.

    Raises :class:`NoTableError` when no sheet has a header, and :class:`SpreadsheetError` when
    the file, or a sheet tried, cannot be read.
    """
    first = read_sheet(path)  # the first sheet that holds anything: usually the table
    try:
        return find_table(first), ()
    except SpreadsheetError:
        pass
    sheets = list_sheets(path)  # reads every sheet: only once the first has let us down
    names = [info.name for info in sheets if info.rows]
    for name in names[names.index(first.name) + 1 if first.name in names else len(names):]:
        raw = read_sheet(path, name)  # a sheet that cannot be read at all stops here: say so
        try:
            return find_table(raw), tuple(names[:names.index(name)])
        except SpreadsheetError:
            continue
    shown = ", ".join(f"'{s.name}' ({plural(s.rows, 'row')})" for s in sheets)
    raise NoTableError(
        f"{path.name} has no recognisable header in any sheet: no row names the columns (such "
        f"as Child ID, Date of birth, Legal status). Its sheets: {shown}. Add a row of column "
        "names above the data, or choose the sheet that holds the tracker", sheets,
        file=path.name)


def find_table(raw: RawSheet) -> Table:
    """The table in ``raw``; raises :class:`SpreadsheetError` when no row looks like a header."""
    header_index = _header_index(raw)
    if header_index is None:
        raise SpreadsheetError(
            f"sheet '{raw.name}' has no recognisable header: no row names the columns (such as "
            "Child ID, Date of birth, Legal status). Add a row of column names above the data, "
            "or choose the sheet that has one", sheet=raw.name)
    body = list(enumerate(raw.rows[header_index + 1:], start=header_index + 2))
    dropped: dict[int, str] = {}
    while body:  # from the bottom up: totals, notes and blanks after the last real row
        number, cells = body[-1]
        why = _trailing_reason(cells)
        if why is None:
            break
        dropped[number] = why
        body.pop()
    kept = []
    for number, cells in body:
        if _is_blank_row(cells):
            dropped[number] = "blank row"
        else:
            kept.append((number, cells))
    header_cells = raw.rows[header_index]
    width = max(_width(header_cells), *(_width(cells) for _, cells in kept), 1)
    headers = tuple(_header_text(v) for v in _padded(header_cells, width))
    rows = tuple(SourceRow(number, _padded(cells, width)) for number, cells in kept)
    return Table(raw.name, header_index + 1, headers, rows, tuple(sorted(dropped.items())))


def _header_index(raw: RawSheet) -> int | None:
    """0-based index of the header row in ``raw.rows``, or None."""
    candidates = [i for i, row in enumerate(raw.rows) if not _is_blank_row(row)]
    candidates = candidates[:HEADER_SEARCH_ROWS]
    auto_map = _auto_map()
    if auto_map is not None:
        best, best_score, since_best = None, MIN_KNOWN_HEADERS - 1, 0
        for index in candidates:
            score = len(auto_map([_header_candidate(v) for v in raw.rows[index]]))
            if score > best_score:
                best, best_score, since_best = index, score, 0
            elif best is not None:
                since_best += 1
                if since_best == DATA_ROWS_SEEN:  # well into the data: the header is behind us
                    break
        if best is not None:
            return best
    table_width = max((_filled(raw.rows[i]) for i in candidates), default=0)
    for position, index in enumerate(candidates):
        texts = sum(1 for v in raw.rows[index] if _header_candidate(v))
        followed = position + 1 < len(candidates)
        if texts >= MIN_TEXT_HEADERS and 2 * texts > table_width and followed:
            return index
    return None


def _auto_map() -> AutoMap | None:
    """:func:`.fields.auto_map`, when the field list is there to score headers against."""
    try:
        fields = importlib.import_module("permanence_tracker.services.imports.spreadsheet.fields")
    except ImportError:
        return None
    return cast(AutoMap | None, getattr(fields, "auto_map", None))


def _header_candidate(value: object) -> str:
    """The text of a cell that could be a column name ('' for numbers, dates, sentences)."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    return text if len(text) <= SHORT_TEXT and not _NUMBER.match(text) else ""


def _trailing_reason(cells: Sequence[object]) -> str | None:
    """Why a row at the bottom of the table is not data (None when it is)."""
    values = [v for v in cells if not _is_blank(v)]
    if not values:
        return "blank row"
    texts = [v for v in values if isinstance(v, str) and not _NUMBER.match(v)]
    numbers = [v for v in values if _is_number(v)]
    if len(numbers) == len(values):
        return "totals row (numbers only)"
    if len(texts) == 1 and len(numbers) == len(values) - 1 and _TOTAL.match(texts[0]):
        return f"totals row ('{texts[0].strip()}')"
    if len(values) == 1 and texts:
        text = texts[0].strip()
        if _NOTE.match(text) or len(text) >= NOTE_LENGTH or len(text.split()) >= NOTE_WORDS:
            return "note"
    return None


def _is_number(value: object) -> bool:
    """A number or a sum, whether a workbook's number cell or a CSV's text "1,234"."""
    if isinstance(value, str):
        return bool(_NUMBER.match(value))
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _is_blank_row(cells: Sequence[object]) -> bool:
    return all(_is_blank(v) for v in cells)


def _filled(cells: Sequence[object]) -> int:
    return sum(1 for v in cells if not _is_blank(v))


def _width(cells: Sequence[object]) -> int:
    """How many columns the row reaches: up to its last non-blank cell."""
    for index in range(len(cells) - 1, -1, -1):
        if not _is_blank(cells[index]):
            return index + 1
    return 0


def _padded(cells: Sequence[object], width: int) -> tuple[object, ...]:
    row = tuple(cells[:width])
    return row + (None,) * (width - len(row))


def _header_text(value: object) -> str:
    if isinstance(value, date):  # a month or review date used as a column name
        return uk_date(value)
    return "" if value is None else str(value).strip()
