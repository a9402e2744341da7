"""The CSV of rejected rows that people correct in the original files and import again.

The import report people read is made at the edge (``text/import903_report.py``).
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

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
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([*columns, "file", "row", "column", "reason"])
        for problems in by_row.values():
            row = problems[0].row
            writer.writerow([*(row.values.get(c, "") for c in columns), row.file.name,
                             row.number, "; ".join(dict.fromkeys(p.column for p in problems)),
                             " | ".join(p.reason for p in problems)])
    return len(by_row)
