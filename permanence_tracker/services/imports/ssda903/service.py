"""The import use case: read, validate everything, then write in one unit of work.

By default nothing is written when any row is invalid; with ``skip_invalid`` the valid rows
are written and the rejected ones returned for the rejects file. The database is read once
(``uow.histories()``) and new records are inserted in bulk; changed records go through
``repo.update`` so that every change is audited and version-checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from permanence_tracker.services.imports.ssda903.checks import check_facts
from permanence_tracker.services.imports.ssda903.merge import KINDS, Plan, Stored, build_plan, fold
from permanence_tracker.services.imports.ssda903.model import Rejection, SkippedFile, SourceFile
from permanence_tracker.services.imports.ssda903.parse import parse_files
from permanence_tracker.services.imports.ssda903.reader import read_files
from permanence_tracker.services.unit_of_work import Repository, UowFactory


@dataclass(frozen=True)
class ImportResult:
    files: list[SourceFile]
    skipped: list[SkippedFile]
    rejections: list[Rejection]
    plan: Plan
    written: bool

    @property
    def rejected_rows(self) -> int:
        return len({id(r.row) for r in self.rejections})

    def rows_read(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for source in self.files:
            counts[source.table] = counts.get(source.table, 0) + len(source.rows)
        return counts

    def rows_rejected(self) -> dict[str, int]:
        rows = {id(r.row): r.row.file.table for r in self.rejections}
        counts: dict[str, int] = {}
        for table in rows.values():
            counts[table] = counts.get(table, 0) + 1
        return counts


def import_903(uow_factory: UowFactory, paths: list[Path], today: date,
               skip_invalid: bool = False) -> ImportResult:
    """Import the 903 CSV files under ``paths`` (see the module docstring for what is written)."""
    files, skipped = read_files(paths, today)
    facts, rejections = parse_files(files, today)
    with uow_factory() as uow:
        stored = Stored.from_histories(uow.histories())
        facts, more = check_facts(facts, rejections, stored)
        rejections = rejections + more
        plan = build_plan(fold(facts), stored)
        written = not rejections or skip_invalid
        if written:
            _write(uow.repo, plan)
    rejections.sort(key=lambda r: (r.consequence, r.row.file.index, r.row.number))
    return ImportResult(files, skipped, rejections, plan, written)


def _write(repo: Repository, plan: Plan) -> None:
    for kind in KINDS:  # children first: the other records refer to them
        repo.add_many(plan.inserts.get(kind, []))
        for record in plan.updates.get(kind, []):
            repo.update(record)
