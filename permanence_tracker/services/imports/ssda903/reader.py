"""Finding 903 CSV files under the given paths, reading them and working out their year.

Files are decoded as UTF-8 (with or without a BOM), falling back to Windows-1252, which is
what Excel writes on most council desktops. A return's collection year is not in the files,
so it is taken from the file's or folder's name when that names a collection year
("2024-25", "2024_25", "202425", "2024-2025"), and otherwise from the latest event date (not
in the future) in the return's folder: the earliest year the return can be. When a folder holds
several files of one table (several years side by side) each file is dated by its own rows (a
file with no dates of its own, such as a Header, then takes the folder's latest year, marked as
a guess so that its codes are not held to that year's lists).

A file that is not CSV text (NUL bytes: binary, or UTF-16 saved without its BOM), not in
either encoding, cut short part-way through a line, holding a formula, longer than
:data:`MAX_ROWS` rows or with a value longer than :data:`MAX_CELL_CHARACTERS` is refused whole
with :class:`ImportInputError` before anything is checked or written: counted while
streaming, so a huge file is refused in a moment.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

from permanence_tracker.services.imports.spreadsheet.reading import cut_short, is_formula
from permanence_tracker.services.imports.ssda903.model import (
    ImportInputError,
    SkippedFile,
    SourceFile,
    SourceRow,
)
from permanence_tracker.services.imports.ssda903.tables import normalise_column, recognise
from permanence_tracker.services.imports.ssda903.values import parse_date
from permanence_tracker.services.reference import collection_year

# A collection year in a name: "2024-25", "2024_25", "2024 25", "202425" or "2024-2025".
_NAMED_YEAR = re.compile(r"(?<!\d)(20\d\d)[-_ ]?(20\d\d|\d\d)(?!\d)")

# A return's largest table (Episodes) holds a few thousand rows a year for a large authority;
# 200,000 is more than all of England's children looked after in a year (about 84,000). A
# bigger file is refused while it is read, rather than held in memory and checked for minutes.
MAX_ROWS = 200_000
# No 903 item is longer than a few dozen characters (SW_ID, the longest, is 120 at most here);
# the csv module's own limit on a value (131,072 characters) is the hard stop.
MAX_CELL_CHARACTERS = csv.field_size_limit()
_NOT_TEXT = ("is not a CSV text file: it holds NUL bytes (a binary file renamed .csv, or a "
             "file saved as UTF-16 without its byte-order mark). In Excel, save the table as "
             "\"CSV UTF-8\" and import that")

# Columns whose dates say when a return was made (DUC is often a future 18th birthday).
EVENT_DATE_COLUMNS = ("DECOM", "DEC", "REVIEW", "DATE_INT", "DATE_MATCH", "DATE_PLACED",
                      "DATE_PLACED_CEASED", "MIS_START", "MIS_END", "SW_DECOM", "SW_DEC")


def _csv_files(paths: list[Path]) -> list[tuple[Path, str, Path]]:
    """(file, name for the report, the path given that holds it) of every CSV file."""
    found: list[tuple[Path, str, Path]] = []
    for given in paths:
        if given.is_dir():
            for path in sorted(p for p in given.rglob("*") if p.is_file()
                               and p.suffix.lower() == ".csv"):
                found.append((path, str(Path(given.name) / path.relative_to(given)), given))
        elif given.is_file():
            found.append((given, str(given), given))
        else:
            raise ImportInputError(f"{given} does not exist: give a folder or CSV files of the "
                                   "903 return")
    return found


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportInputError(f"cannot read {path}: {exc}") from exc
    if b"\x00" in data:
        raise ImportInputError(f"{path} {_NOT_TEXT}")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportInputError(f"{path} is in a text encoding the import does not know (neither "
                           "UTF-8 nor Windows-1252): in Excel, save it as \"CSV UTF-8\" and "
                           "import that")


def _rows(path: Path) -> list[list[str]]:
    """The file's rows, refused with the reason when it is too long or a value too big."""
    text = _decode(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[list[str]] = []
    try:
        for cells in reader:
            if len(rows) > MAX_ROWS:  # the header and MAX_ROWS rows are allowed
                raise ImportInputError(
                    f"{path} has more than {MAX_ROWS:,} rows, more than any 903 table holds "
                    "(is it the right file, or several returns joined?): split it by "
                    "collection year and import the parts")
            rows.append(cells)
    except csv.Error as exc:
        raise ImportInputError(
            f"{path}, line {reader.line_num}: a value is longer than {MAX_CELL_CHARACTERS:,} "
            "characters, far more than any 903 item (perhaps a quote mark is never closed): "
            "correct it, save, and import again" if "field larger" in str(exc) else
            f"{path}, line {reader.line_num} cannot be read as CSV ({exc}): open the file in "
            "Excel, save it again as CSV, and import that") from exc
    if cut_short(text, rows):
        raise ImportInputError(
            f"{path} ends part-way through line {reader.line_num} (it has {len(rows[-1])} of "
            f"the {max(map(len, rows))} columns and no line end): it may have been cut short "
            "while copying or saving. Copy it again from where it came from, and import that")
    return rows


def read_files(paths: list[Path], today: date) -> tuple[list[SourceFile], list[SkippedFile]]:
    """Every recognised 903 table under ``paths``, and the files skipped with the reason."""
    files: list[SourceFile] = []
    skipped: list[SkippedFile] = []
    for path, name, root in _csv_files(paths):
        if path.suffix.lower() != ".csv":
            skipped.append(SkippedFile(name, "not a .csv file"))
            continue
        rows = _rows(path)
        if not rows:
            skipped.append(SkippedFile(name, "the file is empty"))
            continue
        header = [normalise_column(cell) for cell in rows[0]]
        spec = recognise(set(header))
        if spec is None:
            skipped.append(SkippedFile(name, "not a 903 table: its columns (" + ", ".join(
                h for h in header if h) + ") match none of the 903 layouts"))
            continue
        if not spec.imported:
            skipped.append(SkippedFile(name, spec.note, spec.name))
            continue
        source = SourceFile(path, name, spec.name, rows[0], len(files))
        source.year = named_year(path, root)
        for number, cells in enumerate(rows[1:], start=2):
            if not any(cell.strip() for cell in cells):
                continue  # blank line: nothing to import, nothing wrong
            values: dict[str, str] = {}
            for column, cell in zip(header, cells, strict=False):
                if is_formula(cell):  # no 903 item starts "=", or is a DDE or function call
                    raise ImportInputError(
                        f"{name}, row {number}, column {column}: {cell[:40]!r} is a spreadsheet "
                        "formula, not a 903 value (a 903 file holds codes, dates and IDs): "
                        "correct the file where it was made, and import again")
                values.setdefault(column, cell.strip())
            for column in header[len(cells):]:
                values.setdefault(column, "")
            overflow = len(cells) if any(c.strip() for c in cells[len(header):]) else 0
            source.rows.append(SourceRow(source, number, values, overflow))
        files.append(source)
    _date_returns(files, today)
    return files, skipped


def named_year(path: Path, root: Path) -> int | None:
    """The collection year (named by its end) that the file's name or, nearest first, a
    folder's name between it and ``root`` (the path given, itself included) says, if any."""
    names = [path.stem]
    folder = path.parent
    while True:
        names.append(folder.name)
        if folder == root or folder == root.parent or folder.parent == folder:
            break
        folder = folder.parent
    for name in names:
        for first, second in _NAMED_YEAR.findall(name):
            start, end = int(first), int(second)
            end = end if end >= 2000 else start - start % 100 + end
            if end == start + 1:
                return end
    return None


def _latest_event(source: SourceFile, today: date) -> date | None:
    latest = None
    for row in source.rows:
        for column in EVENT_DATE_COLUMNS:
            text = row.values.get(column)
            day = parse_date(text) if text else None
            if isinstance(day, date) and day <= today and (latest is None or day > latest):
                latest = day
    return latest


def _date_returns(files: list[SourceFile], today: date) -> None:
    by_folder: dict[Path, list[SourceFile]] = defaultdict(list)
    for source in files:
        by_folder[source.path.parent].append(source)
    for group in by_folder.values():
        unnamed = [f for f in group if f.year is None]
        latest = {id(f): _latest_event(f, today) for f in unnamed}
        known = [d for d in latest.values() if d is not None]
        folder_year = collection_year(max(known)) if known else None
        one_return = len({f.table for f in group}) == len(group)
        for source in unnamed:
            own = latest[id(source)]
            source.year = folder_year if one_return or own is None else collection_year(own)
            source.year_guessed = not one_return and own is None
            source.latest_year = collection_year(today)
        for source in group:
            if source.year is not None and source.latest_year is None:
                source.latest_year = source.year  # named: exactly that year
