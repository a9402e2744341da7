"""The import report people read, and the CSV of rejected rows they fix and import again."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from permanence_tracker.services.imports.ssda903.merge import KINDS
from permanence_tracker.services.imports.ssda903.model import Rejection
from permanence_tracker.services.imports.ssda903.service import ImportResult
from permanence_tracker.services.imports.ssda903.tables import TABLES

RECORD_NAMES = {"child": "children", "episode": "episodes", "review": "reviews",
                "adoption": "adoption milestones", "missing": "missing episodes",
                "previous": "previous permanence"}
MAX_PROBLEMS = 200


def _year(year: int | None) -> str:
    return f"{year - 1}-{year % 100:02d}" if year else "year unknown"


def render(result: ImportResult, skip_invalid: bool) -> str:
    lines = [f"903 import: {len(result.files)} file(s) recognised, "
             f"{len(result.skipped)} skipped"]
    width = max([len(f.name) for f in result.files] + [10])
    for f in result.files:
        lines.append(f"  {f.name:<{width}}  {f.table:<14} {_year(f.year):<12} "
                     f"{len(f.rows):>7} rows")
    for s in result.skipped:
        lines.append(f"  skipped {s.name}: {s.table + ' - ' if s.table else ''}{s.reason}")
    read, rejected = result.rows_read(), result.rows_rejected()
    lines += ["", f"  {'903 table':<16}{'read':>9}{'rejected':>10}"]
    for spec in TABLES:
        if spec.name in read:
            lines.append(f"  {spec.name:<16}{read[spec.name]:>9,}{rejected.get(spec.name, 0):>10,}")
    verb = "" if result.written else " (not written)"
    lines += ["", f"  {'records' + verb:<26}{'inserted':>10}{'updated':>9}{'unchanged':>11}"]
    for kind in KINDS:
        c = result.plan.counts.get(kind)
        if c:
            lines.append(f"  {RECORD_NAMES[kind]:<26}{c['inserted']:>10,}{c['updated']:>9,}"
                         f"{c['unchanged']:>11,}")
    lines += ["", f"Rejected rows: {result.rejected_rows:,}"]
    lines += _problems(result.rejections)
    if result.rejections and not result.written:
        lines.append("Nothing was written: fix the rows above and import again, or use "
                     "--skip-invalid to import the valid rows and list the rest in a CSV.")
    elif result.rejections:
        lines.append("The valid rows were written; the rejected rows were not.")
    return "\n".join(lines)


def _problems(rejections: list[Rejection]) -> list[str]:
    lines = [f"  {r}" for r in rejections[:MAX_PROBLEMS]]
    if len(rejections) > MAX_PROBLEMS:
        lines.append(f"  ... and {len(rejections) - MAX_PROBLEMS:,} more problems: write them "
                     "all to a CSV with --rejects FILE.csv")
    return lines


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
