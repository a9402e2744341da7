"""The commit: the previewed rows written in one unit of work, as the user decided.

The tracker is read again inside the commit's own transaction and every row compared afresh
(:func:`.compare.compare`), so a change made since the preview is never overwritten unseen:
a conflict nobody decided refuses the commit. Rows with problems refuse it too unless
``skip_invalid`` (then the valid rows are written and the rejected ones returned, optionally
saved as a rejects CSV, whole or not at all). Every record is written through the repository,
which audits it; then one audit entry records the import itself (file name, SHA-256, sheet and
counts). When nothing changes, no import entry is written either: re-importing a file leaves
the tracker and its audit trail exactly as they were. ``progress`` raising (Cancel), or any
error, rolls the whole transaction back.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from permanence_tracker.domain.errors import Problem, ValidationError
from permanence_tracker.services.authorization import requires
from permanence_tracker.services.imports.spreadsheet.compare import (
    Comparison,
    compare,
    read_tracker,
)
from permanence_tracker.services.imports.spreadsheet.fields import FIELDS
from permanence_tracker.services.imports.spreadsheet.mappings import checked_mapping, store_mapping
from permanence_tracker.services.imports.spreadsheet.model import (
    Decisions,
    ImportSource,
    ImportSummary,
    Preview,
)
from permanence_tracker.services.imports.spreadsheet.rejects import write_rejects
from permanence_tracker.services.pending_file import PendingFile
from permanence_tracker.services.progress import Progress, silent
from permanence_tracker.services.unit_of_work import Repository, UowFactory

log = logging.getLogger(__name__)

STEPS = 4


@requires("import")
def commit_import(uow_factory: UowFactory, preview: Preview, decisions: Decisions,
                  source: ImportSource, today: date, *, skip_invalid: bool = False,
                  progress: Progress = silent, rejects_to: Path | None = None,
                  save_mapping: tuple[str, Mapping[str, str]] | None = None) -> ImportSummary:
    """Write ``preview``'s rows (see the module docstring); raises ValidationError, writing
    nothing, when rows have problems (without ``skip_invalid``) or a conflict is undecided.
    ``save_mapping`` (name, header -> field) is saved in the same transaction, or not at all."""
    mapping_name = checked_mapping(*save_mapping) if save_mapping is not None else None
    if preview.problems and not skip_invalid:
        rows = len(preview.rejected_rows)
        raise ValidationError([Problem("rows", f"{rows} row{'s' if rows != 1 else ''} "
                                       "cannot be imported as they are: correct them in the "
                                       "spreadsheet and preview again, or import the valid "
                                       "rows only")])
    _check_choices(preview, decisions)
    progress(0, STEPS, "Reading the tracker")
    with PendingFile(rejects_to) as pending:
        with uow_factory() as uow:
            tracker = read_tracker(uow)
            progress(1, STEPS, "Comparing with the tracker")
            result = compare(preview.facts, tracker, today, decisions, preview.sheet,
                             preview.columns, source.name, confirmed_only=True)
            _check_result(result, decisions, skip_invalid)
            rejected = (*preview.problems, *result.problems)
            progress(2, STEPS, "Writing the records")
            _write(uow.repo, result)
            if save_mapping is not None and mapping_name is not None:
                store_mapping(uow, mapping_name, save_mapping[1])
            counts = _counts(preview, result)
            audit_id = None
            if result.writes.children_changed or result.writes.iros:
                audit_id = uow.audit_import(source.name, {
                    "file": source.name, "sha256": source.sha256, "sheet": source.sheet,
                    "counts": counts})
            if rejected:
                pending.write(lambda path: write_rejects(preview, rejected, path))
            progress(STEPS, STEPS, "Saving")  # the last moment a cancel is honoured
        pending.keep()
    # counts and the file's hash only: its name may carry a child's name (logs.py)
    log.info("spreadsheet import of a file with SHA-256 %s: %s, %d rows rejected",
             source.sha256[:16], counts, len(rejected))
    return ImportSummary(counts, tuple(dict.fromkeys(result.writes.children_changed)),
                         result.new_iros, audit_id, tuple(rejected), tuple(result.skipped))


def _check_choices(preview: Preview, decisions: Decisions) -> None:
    keys = {c.key: c for c in preview.conflicts}
    problems = []
    for key, choice in decisions.by_key.items():
        conflict = keys.get(key)
        if conflict is not None and choice == "take" and not conflict.takeable:
            label = FIELDS[conflict.field].label.lower()
            problems.append(Problem(key, f"row {conflict.row}: the sheet's {label} cannot "
                                    "replace the tracker's: keep the tracker's value or skip "
                                    "the row"))
    if problems:
        raise ValidationError(problems)


def _check_result(result: Comparison, decisions: Decisions, skip_invalid: bool) -> None:
    """Refuse when the tracker changed since the preview so that rows now have problems, or
    when any conflict is undecided."""
    if result.problems and not skip_invalid:
        raise ValidationError([Problem("rows", "the tracker changed since the preview and "
                                       f"{len({p.row for p in result.problems})} rows now "
                                       "cannot be imported: preview again")])
    undecided = sorted({c.row for c in result.conflicts if decisions.choice(c.key) is None})
    if undecided:
        shown = ", ".join(str(r) for r in undecided[:10])
        more = f" and {len(undecided) - 10} more" if len(undecided) > 10 else ""
        raise ValidationError([Problem("conflicts", f"{len(undecided)} row(s) ({shown}{more}) "
                                       "disagree with the tracker and nobody has decided: "
                                       "for each conflict keep the tracker's value, take the "
                                       "spreadsheet's or skip the row")])


def _write(repo: Repository, result: Comparison) -> None:
    """Children first (the other records refer to them), each kind in bulk; updates one by one
    so that each is version-checked and audited with its old values."""
    w = result.writes
    repo.add_many(w.iros)
    repo.add_many(w.children)
    for batch in (w.child_updates, w.episode_updates, w.plan_updates):
        for record in batch:
            repo.update(record)
    for records in (w.episodes, w.reviews, w.plans, w.outcomes, w.notes):
        repo.add_many(records)


def _counts(preview: Preview, result: Comparison) -> dict[str, int]:
    counted = Counter(o.outcome for o in result.outcomes)
    return {"create": counted["create"], "update": counted["update"],
            "unchanged": counted["unchanged"],
            "rejected": len(preview.rejected_rows) + len({p.row for p in result.problems}),
            "skipped": len(result.skipped)}
