"""The import use case: read, validate everything, then write in one unit of work.

By default nothing is written when any row is invalid; with ``skip_invalid`` the valid rows
are written and the rejected ones returned for the rejects file. A ``dry_run`` checks the same
way and writes nothing (the app shows that report before the user chooses what to import). The
database is read once (``uow.histories()``) and new records are inserted in bulk; changed
records go through ``repo.update`` so that every change is audited and version-checked.

``progress`` is told each step; a front end's callback raises to cancel, and because every
call is made before the unit of work commits, a cancelled import writes nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from permanence_tracker.services.authorization import requires
from permanence_tracker.services.imports.ssda903.checks import check_facts
from permanence_tracker.services.imports.ssda903.merge import KINDS, Plan, Stored, build_plan, fold
from permanence_tracker.services.imports.ssda903.model import Rejection, SkippedFile, SourceFile
from permanence_tracker.services.imports.ssda903.parse import parse_files
from permanence_tracker.services.imports.ssda903.reader import read_files
from permanence_tracker.services.imports.ssda903.rejects import write_rejects
from permanence_tracker.services.pending_file import PendingFile
from permanence_tracker.services.progress import Progress, silent
from permanence_tracker.services.unit_of_work import Repository, UowFactory

log = logging.getLogger(__name__)

STEPS = 4 + len(KINDS)  # read, check rows, compare with the tracker, plan, then each kind written


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

    def same_figures(self, other: ImportResult) -> bool:
        """Whether ``other`` (say, the check before this import) found the same files, rows,
        problems and records: False when the files or the tracker changed in between."""
        def figures(r: ImportResult) -> tuple[object, ...]:
            return ([f.name for f in r.files], [s.name for s in r.skipped], r.rows_read(),
                    [str(x) for x in r.rejections], r.plan.counts)
        return figures(self) == figures(other)


@requires("import")
def import_903(uow_factory: UowFactory, paths: list[Path], today: date,
               skip_invalid: bool = False, *, dry_run: bool = False,
               progress: Progress = silent, rejects_to: Path | None = None) -> ImportResult:
    """Import the 903 CSV files under ``paths`` (see the module docstring for what is written).

    With ``rejects_to`` the rejected rows of a written import are saved there too, whole or not
    at all: the CSV is written beside it before the commit and put in place after it, so an
    import that fails or is cancelled leaves no rejects file, and one that cannot be saved
    (an ``OSError``) leaves the tracker as it was."""
    progress(0, STEPS, "Reading the 903 files")
    files, skipped = read_files(paths, today)
    progress(1, STEPS, "Checking every row")
    facts, rejections = parse_files(files, today)
    progress(2, STEPS, "Comparing with the tracker")
    with PendingFile(rejects_to) as pending:
        with uow_factory() as uow:
            stored = Stored.from_histories(uow.histories())
            facts, more = check_facts(facts, rejections, stored)
            rejections = rejections + more
            progress(3, STEPS, "Working out what to insert and update")
            plan = build_plan(fold(facts), stored)
            written = not dry_run and (not rejections or skip_invalid)
            rejections.sort(key=lambda r: (r.consequence, r.row.file.index, r.row.number))
            if written:
                _write(uow.repo, plan, progress)
                if rejections:
                    pending.write(lambda path: write_rejects(rejections, path))
                    progress(STEPS, STEPS, "Saving")  # the last moment a cancel is honoured
        pending.keep()
    result = ImportResult(files, skipped, rejections, plan, written)
    # counts only: a file's name may carry a child's name (logs.py)
    log.info("903 import of %d files (%d skipped): rows %s, %d rejected, %s", len(files),
             len(skipped), result.rows_read(), len(rejections),
             {kind: dict(counted) for kind, counted in plan.counts.items()} if written
             else "nothing written")
    return result


def _write(repo: Repository, plan: Plan, progress: Progress) -> None:
    for step, kind in enumerate(KINDS, start=4):  # children first: the others refer to them
        progress(step, STEPS, f"Writing the records ({step - 3} of {len(KINDS)})")
        repo.add_many(plan.inserts.get(kind, []))
        for record in plan.updates.get(kind, []):
            repo.update(record)
