"""The export use case: the 903 return of one collection year, written as the DfE's CSV files.

``export_903`` reads every child's history in one unit of work, picks the year's rows
(:mod:`.rows`) and writes them all or nothing (:mod:`.writer`). A year is refused when the
tracker's code lists do not cover it (DfE SSDA903 code lists 2015-16 to 2025-26) or when it
has not begun yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.services.authorization import requires
from permanence_tracker.services.exports.ssda903.layout import COLUMNS
from permanence_tracker.services.exports.ssda903.rows import YearWindow, return_rows
from permanence_tracker.services.exports.ssda903.writer import write_tables
from permanence_tracker.services.reference import year_text
from permanence_tracker.services.unit_of_work import UowFactory

FIRST_YEAR = 2016  # 2015-16: the first collection year of the versioned code lists
LAST_YEAR = 2026  # 2025-26: the latest


class ExportYearError(TrackerError):
    """The collection year cannot be exported: nothing was written."""


@dataclass(frozen=True)
class ExportedFile:
    table: str
    path: Path
    rows: int


@dataclass(frozen=True)
class ExportResult:
    year: int
    folder: Path
    files: tuple[ExportedFile, ...]

    @property
    def children(self) -> int:
        return next((f.rows for f in self.files if f.table == "Header"), 0)


def check_year(year: int, today: date) -> None:
    """Raise :class:`ExportYearError` unless ``year`` can be exported on ``today``."""
    if year < FIRST_YEAR or year > LAST_YEAR:
        raise ExportYearError(
            f"{year} ({year_text(year)}) is outside the collection years the tracker's code "
            f"lists cover, {year_text(FIRST_YEAR)} to {year_text(LAST_YEAR)}: give the year "
            f"the return ends, from {FIRST_YEAR} to {LAST_YEAR}")
    begins = YearWindow(year, year).start
    if begins > today:
        raise ExportYearError(
            f"the {year_text(year)} collection year begins on {uk_date(begins)}, "
            "after today: there is nothing to return yet")


@requires("export")
def build_return(uow_factory: UowFactory, year: int, today: date
                 ) -> dict[str, list[dict[str, str]]]:
    """The rows of each table of ``year``'s return (checked year), without writing them."""
    check_year(year, today)
    with uow_factory() as uow:
        histories = uow.histories()
    return return_rows(histories, year)


@requires("export")
def export_903(uow_factory: UowFactory, year: int, out: Path, today: date) -> ExportResult:
    """Write ``year``'s return into the folder ``out``: all its files, or none."""
    tables = build_return(uow_factory, year, today)
    paths = write_tables(out, tables)
    files = tuple(ExportedFile(t, p, len(tables[t])) for t, p in zip(COLUMNS, paths, strict=True))
    return ExportResult(year, out, files)
