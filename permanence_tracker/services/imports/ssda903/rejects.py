"""The CSV of rejected rows that people correct in the original files and import again.

The import report people read is made at the edge (``text/import903_report.py``). Cells a
spreadsheet would run as a formula (a rejected row's own values are whatever the file held) are
written as text by the product's one rule,
:func:`permanence_tracker.services.exports.excel.as_text_cell`. The file is UTF-8 with a
byte-order mark, so that Excel shows "Zoë" rather than "ZoÃ«". It is written 0600 and whole or
not at all (:func:`permanence_tracker.files.write_text_whole`): it holds children's records.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path
from typing import TextIO

from permanence_tracker.files import write_text_whole
from permanence_tracker.services.exports.excel import as_text_cell
from permanence_tracker.services.imports.ssda903.model import Rejection


def write_rejects(rejections: list[Rejection], path: Path) -> int:
    """One line per rejected row: its original columns, then file, row, column and reason."""
    by_row: dict[int, list[Rejection]] = defaultdict(list)
    for r in rejections:
        by_row[id(r.row)].append(r)
    columns: list[str] = []
    for problems in by_row.values():
        for column in problems[0].row.values:
            if column not in columns:
                columns.append(column)
    def write(handle: TextIO) -> None:
        writer = csv.writer(handle)
        writer.writerow([as_text_cell(c) for c in [*columns, "file", "row", "column",
                                                    "reason"]])
        for problems in by_row.values():
            row = problems[0].row
            cells = [*(row.values.get(c, "") for c in columns), row.file.name, row.number,
                     "; ".join(dict.fromkeys(p.column for p in problems)),
                     " | ".join(p.reason for p in problems)]
            writer.writerow([as_text_cell(cell) for cell in cells])

    write_text_whole(path, write, encoding="utf-8-sig")
    return len(by_row)
