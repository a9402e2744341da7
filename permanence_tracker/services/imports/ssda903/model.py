"""What the import passes between its steps: source files and rows, facts and rejections."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from permanence_tracker.domain.errors import TrackerError


class ImportInputError(TrackerError):
    """A path to import cannot be used at all (missing, unreadable): nothing was read."""


@dataclass(eq=False)
class SourceFile:
    path: Path
    name: str  # as the report shows it
    table: str  # "Header", "Episodes", ...
    columns: list[str]  # the header cells as written
    index: int  # order in which files were read (later wins a tie)
    rows: list[SourceRow] = field(default_factory=list)
    year: int | None = None  # collection year of the return, named by its end (2026 = 2025-26)
    year_guessed: bool = False  # year taken from other files of a folder of several returns
    # The latest collection year the return may be: its year when a file or folder name says
    # it (e.g. "2024-25"); when only its event dates date it, they give the earliest year it
    # can be, and any later year up to this one is possible (a return need not hold an event
    # dated in its own year).
    latest_year: int | None = None


@dataclass(eq=False)
class SourceRow:
    file: SourceFile
    number: int  # spreadsheet row number: the header is row 1
    values: dict[str, str]  # normalised column name -> stripped cell
    overflow: int = 0  # cells in the row when it has non-empty cells beyond the header

    @property
    def priority(self) -> tuple[int, int, int]:
        """Later collection year first, then later file, then later row (ascending order)."""
        return (self.file.year or 0, self.file.index, self.number)


@dataclass(frozen=True)
class SkippedFile:
    name: str
    reason: str
    table: str = ""


@dataclass(frozen=True, eq=False)
class Rejection:
    """One problem with one row: where, what, and how to fix it."""

    row: SourceRow
    column: str
    value: str
    reason: str
    consequence: bool = False  # rejected only because a row it depends on was rejected

    def __str__(self) -> str:
        where = f"{self.row.file.name} row {self.row.number}"
        if self.column:
            where += f" column {self.column}"
            if self.value:
                where += f" ({self.value!r})"
        return f"{where}: {self.reason}"


Key = tuple[Any, ...]
"""A record's key as the 903 keys it: the child's id, then a date or code (``merge.KINDS``)."""


@dataclass(eq=False)
class Fact:
    """Values one row gives a stored record, keyed as that record is (e.g. child + start)."""

    kind: str  # child, episode, review, adoption, missing, previous, social_worker
    key: Key
    fields: dict[str, Any]
    row: SourceRow

    @property
    def child_id(self) -> str:
        child_id: str = self.key[0]  # every kind's key starts with the child's id
        return child_id
