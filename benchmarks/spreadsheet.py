"""Spreadsheet import timings (issue 11): a synthetic 10,000-row tracker workbook previewed
(read + find_table + auto_map + preview_import: target under 10 s) and imported
(commit_import: target under 20 s) into a new, empty SQLite tracker.

The workbook is written with openpyxl into a temporary folder: a title row, council headers,
dates in three styles, typed legal statuses and plans, 40 IROs (new to the tracker), and a
totals row. No real data.

    .venv/bin/python -m benchmarks.spreadsheet [--rows 10000]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook

TODAY = date(2026, 3, 31)
PREVIEW_TARGET = 10.0
IMPORT_TARGET = 20.0
HEADERS = ["Child ID", "Forename", "Surname", "DOB", "Legal Status", "Date became LAC",
           "1st LAC review", "2nd LAC review", "Plan type", "Date plan agreed", "IRO",
           "Comments"]
STATUSES = ("S20", "Section 20", "ICO", "Full Care Order", "PO", "C2")
PLANS = ("LTF", "SGO", "Adoption", "Return home", None)


def write_workbook(path: Path, rows: int, seed: int = 1) -> Path:
    """``rows`` synthetic children, one row each, below a title row; a totals row after."""
    rng = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Tracker")
    sheet.append(["Permanence tracker (synthetic benchmark data)"])
    sheet.append(HEADERS)
    for n in range(rows):
        start = date(2023, 1, 2) + timedelta(days=rng.randint(0, 900))
        first = start + timedelta(days=rng.randint(14, 28))
        second = first + timedelta(days=rng.randint(60, 95))
        plan = rng.choice(PLANS)
        agreed = second + timedelta(days=rng.randint(-60, 30)) if plan else None
        sheet.append([
            f"B{n:06d}", f"Name{n % 97}", f"Surname{n % 89}",
            date(2008, 1, 1) + timedelta(days=rng.randint(0, 5000)),
            rng.choice(STATUSES), start.strftime("%d/%m/%Y"), first,
            second.strftime("%d/%m/%Y") if second <= TODAY else None, plan,
            agreed.strftime("%-d %B %Y") if agreed and agreed <= TODAY else None,
            f" IRO {n % 40:02d} Example " if plan and agreed and agreed <= TODAY
            else f"IRO {n % 40:02d} Example", "synthetic" if n % 10 == 0 else None])
    sheet.append(["Total", rows])
    book.save(path)
    return path


def measure(rows: int = 10_000) -> list[tuple[str, float, str]]:
    """(label, seconds, target met) for the preview and the import."""
    from permanence_tracker.app import open_context
    from permanence_tracker.services.imports.spreadsheet.fields import auto_map
    from permanence_tracker.services.imports.spreadsheet.layout import find_table
    from permanence_tracker.services.imports.spreadsheet.model import Decisions
    from permanence_tracker.services.imports.spreadsheet.reading import read_sheet
    from permanence_tracker.services.imports.spreadsheet.service import (
        commit_import,
        import_source,
        preview_import,
    )

    with tempfile.TemporaryDirectory() as folder:
        path = write_workbook(Path(folder) / "tracker.xlsx", rows)
        context = open_context(f"sqlite:///{Path(folder) / 'bench.sqlite'}", user="bench",
                               create=True)
        try:
            started = time.perf_counter()
            table = find_table(read_sheet(path))
            preview = preview_import(context.uow, table, auto_map(table.headers), TODAY)
            previewed = time.perf_counter() - started
            if preview.problems:  # the synthetic rows are all valid: a problem is a bug
                raise SystemExit(f"benchmark workbook has problems: {preview.problems[:3]}")
            started = time.perf_counter()
            summary = commit_import(context.uow, preview, Decisions(),
                                    import_source(path, preview.sheet), TODAY)
            imported = time.perf_counter() - started
            started = time.perf_counter()  # again, now every row matches a child: unchanged
            again = preview_import(context.uow, find_table(read_sheet(path)),
                                   auto_map(table.headers), TODAY)
            previewed_again = time.perf_counter() - started
        finally:
            context.dispose()
    assert summary.counts["create"] == rows and again.totals["unchanged"] == rows
    return [(f"sheet preview {rows:,} rows", previewed, _verdict(previewed, PREVIEW_TARGET)),
            (f"sheet import {rows:,} rows", imported, _verdict(imported, IMPORT_TARGET)),
            (f"sheet preview again {rows:,} unchanged", previewed_again,
             _verdict(previewed_again, PREVIEW_TARGET))]


def _verdict(seconds: float, target: float) -> str:
    return f"< {target:.0f} s {'ok' if seconds < target else 'SLOW'}"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.spreadsheet")
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    print(f"{'benchmark':<40} {'seconds':>9}  target")
    print("-" * 70)
    for label, seconds, verdict in measure(args.rows):
        print(f"{label:<40} {seconds:>9.2f}  {verdict}")


if __name__ == "__main__":
    main()
