"""The CSV of rejected rows, which people correct in the spreadsheet and import again.

Written as UTF-8 with a byte-order mark: without it Excel reads the file as Windows-1252 and
"Zoë" comes out as "ZoÃ«"; every other reader skips the mark. Written 0600 (it holds children's
records) and whole or not at all, by :func:`permanence_tracker.files.write_text_whole`."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from permanence_tracker.files import write_text_whole
from permanence_tracker.services.exports.excel import as_text_cell
from permanence_tracker.services.imports.spreadsheet.model import Preview, RowProblem


def write_rejects(preview: Preview, problems: Iterable[RowProblem], path: Path) -> int:
    """One line per rejected row: its cells under the sheet's headers, then the sheet, row,
    columns and reasons. Written 0600 and whole or not at all (:func:`write_text_whole`), and every
    cell a spreadsheet would run as a formula written as text (:func:`as_text_cell`)."""
    by_row: dict[int, list[RowProblem]] = defaultdict(list)
    for problem in problems:
        by_row[problem.row].append(problem)
    cells = {row.number: row.cells for row in preview.source_rows}

    def write(handle: TextIO) -> None:
        writer = csv.writer(handle)
        writer.writerow([as_text_cell(c) for c in [*preview.headers, "sheet", "row",
                                                    "column", "reason"]])
        for number in sorted(by_row):
            found = by_row[number]
            row = [*(_cell(v) for v in cells.get(number, ())), preview.sheet, number,
                   "; ".join(dict.fromkeys(p.column for p in found)),
                   " | ".join(p.message for p in found)]
            writer.writerow([as_text_cell(cell) for cell in row])

    write_text_whole(path, write, encoding="utf-8-sig")
    return len(by_row)


def _cell(value: object) -> object:
    return "" if value is None else value
