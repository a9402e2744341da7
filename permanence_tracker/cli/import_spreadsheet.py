"""``permanence-tracker import-spreadsheet FILE``: preview the tracker spreadsheet, then import
it in one transaction, and print the report (``text/spreadsheet_report.py``, shared with the
import wizard).

Exit status: 0 when the import was written (or a dry run found nothing to stop it); 1 when rows
have problems, a conflict is undecided or a name + date-of-birth match is unconfirmed, and
nothing was written (``--skip-invalid`` writes the rest and skips those rows); 2 for a usage
error: a file or sheet that cannot be read, a bad ``--map``, an unknown field or header, or an
unknown saved mapping. Nothing is written on 1 or 2 (nor on a dry run), and a tracker this
command created is removed again (``cli/entry.py``). ``--save-mapping`` saves the mapping in
the import's own transaction: with the rows, or not at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from permanence_tracker.cli import clock
from permanence_tracker.domain.words import plural
from permanence_tracker.services.imports.spreadsheet.fields import (
    FIELDS,
    auto_map,
    normalise_header,
)
from permanence_tracker.services.imports.spreadsheet.layout import (
    NoTableError,
    Table,
    find_table,
    first_table,
)
from permanence_tracker.services.imports.spreadsheet.mappings import load_mappings, mapping_for
from permanence_tracker.services.imports.spreadsheet.model import CHOICES, Decisions, Preview
from permanence_tracker.services.imports.spreadsheet.reading import SpreadsheetError, read_sheet
from permanence_tracker.services.imports.spreadsheet.service import (
    commit_import,
    import_source,
    preview_import,
    write_rejects,
)
from permanence_tracker.text.spreadsheet_report import ReportSource, render

DEFAULT_REJECTS = Path("spreadsheet-rejected-rows.csv")
IGNORE = "ignore"


class UsageError(Exception):
    """A bad option value: exit status 2, nothing written."""


def register(sub) -> None:
    """Add the ``import-spreadsheet`` command, bound to :func:`run`."""
    imp = sub.add_parser(
        "import-spreadsheet", help="import a tracker spreadsheet (.xlsx, .xlsm, .xls, .ods, .csv)",
        description="Preview a tracker spreadsheet against the tracker, then import it in one "
        "transaction. Exit status: 0 imported (or a clean dry run), 1 problems (nothing "
        "written), 2 usage (bad file, sheet, --map or mapping).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="fields for --map: " + ", ".join(FIELDS) + f", or {IGNORE}")
    imp.add_argument("file", type=Path, metavar="FILE", help="the spreadsheet to import")
    imp.add_argument("--sheet", metavar="NAME",
                     help="the sheet to read (default: the first sheet with a header row "
                     "naming the columns)")
    imp.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD",
                     help="map the column headed HEADER to FIELD (or 'ignore' it); repeat for "
                     "more columns. Overrides the automatic or saved mapping for that column")
    imp.add_argument("--mapping", metavar="NAME",
                     help="use the saved mapping NAME (default: a saved mapping that fits the "
                     "sheet's headers, else the automatic mapping by header name)")
    imp.add_argument("--save-mapping", metavar="NAME",
                     help="save the mapping used under NAME, with the import (in the same "
                     "transaction: not saved when nothing is imported)")
    imp.add_argument("--dry-run", action="store_true",
                     help="preview only: print the report and write nothing")
    imp.add_argument("--skip-invalid", action="store_true",
                     help="import the valid rows; skip rows with problems, undecided conflicts "
                     "or unconfirmed matches (listed in the report and the rejects CSV)")
    imp.add_argument("--rejects", type=Path, metavar="FILE.csv",
                     help="write the rows with problems to this CSV, to correct and import "
                     f"again (default with --skip-invalid: {DEFAULT_REJECTS})")
    imp.add_argument("--on-conflict", choices=CHOICES, metavar="keep|take|skip",
                     help="for every row that disagrees with the tracker: keep the tracker's "
                     "value, take the spreadsheet's, or skip the row (default: stop and list "
                     "the conflicts)")
    imp.add_argument("--confirm-matches", action="store_true",
                     help="accept the rows matched to a child by name and date of birth only "
                     "(check the report's list first)")
    imp.set_defaults(run=run, creates=True)  # may make a new tracker (cli/init.py)


def run(context, args) -> int:
    today = clock.today()
    try:
        table = _table(args)
        name, mapping = _mapping(context, table, args)
    except NoTableError as exc:
        print(f"error: {exc}: give its name with --sheet NAME", file=sys.stderr)
        return 2
    except (SpreadsheetError, UsageError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    preview = preview_import(context.uow, table, mapping, today)
    decisions = _decisions(preview, args)
    source = ReportSource(args.file.name, table.sheet, table.header_row, name)
    blocked = _blocked(preview, decisions)
    if args.dry_run or (blocked and not args.skip_invalid):
        print(render(source, preview, mapping, decisions, dry_run=args.dry_run))
        if preview.problems and args.rejects:
            _write_rejects(preview, args.rejects)
        return 1 if blocked else 0
    if blocked:  # --skip-invalid: the undecided and unconfirmed rows are skipped, not guessed
        decisions = Decisions({**decisions.by_key, **{c.key: "skip" for c in preview.conflicts
                                                      if decisions.choice(c.key) is None}},
                              decisions.all, decisions.confirmed)
    rejects = args.rejects or (DEFAULT_REJECTS if preview.problems else None)
    saved = (args.save_mapping, {table.headers[i]: f for i, f in mapping.items()
                                 if table.headers[i]}) if args.save_mapping else None
    try:
        summary = commit_import(context.uow, preview, decisions,
                                import_source(args.file, table.sheet), today,
                                skip_invalid=args.skip_invalid, rejects_to=rejects,
                                save_mapping=saved)
    except OSError as exc:  # the rejects CSV could not be written: the import was rolled back
        print(f"error: nothing was imported: cannot write {rejects}: {exc}", file=sys.stderr)
        return 2
    print(render(source, preview, mapping, decisions, summary))
    if summary.rejected and rejects is not None:
        print(f"Rejected rows written to {rejects} "
              f"({plural(len({p.row for p in summary.rejected}), 'row')}): correct them in "
              "the spreadsheet and import it again.")
    if args.save_mapping:
        print(f"Mapping saved as '{args.save_mapping.strip()}'.")
    return 0


def _table(args) -> Table:
    """The table of ``--sheet``, or of the first sheet that has one, saying which when sheets
    before it were passed over (a sheet of notes or instructions first)."""
    if args.sheet is not None:
        return find_table(read_sheet(args.file, args.sheet))
    table, passed = first_table(args.file)
    if passed:
        print(f"Reading sheet '{table.sheet}', the first with a header row: "
              f"{', '.join(repr(n) for n in passed)} {'has' if len(passed) == 1 else 'have'} "
              "none (choose another with --sheet NAME).")
    return table


def _blocked(preview: Preview, decisions: Decisions) -> bool:
    """Whether anything stops the import as it stands."""
    return bool(preview.problems
                or any(decisions.choice(c.key) is None for c in preview.conflicts)
                or any(m.row not in decisions.confirmed for m in preview.needs_confirmation))


def _decisions(preview: Preview, args) -> Decisions:
    confirmed = frozenset(m.row for m in preview.needs_confirmation) if args.confirm_matches \
        else frozenset()
    return Decisions(all=args.on_conflict, confirmed=confirmed)


def _mapping(context, table: Table, args) -> tuple[str, dict[int, str]]:
    """The saved mapping's name ("" if none) and column index -> field name."""
    saved = load_mappings(context.uow)
    name = ""
    if args.mapping:
        if args.mapping not in saved:
            known = ", ".join(repr(n) for n in sorted(saved)) or "none saved yet"
            raise UsageError(f"no saved mapping called '{args.mapping}' (saved: {known}): "
                             "save one with --save-mapping NAME")
        chosen = mapping_for(table.headers, {args.mapping: saved[args.mapping]})
        if chosen is None:
            missing = [h for h in saved[args.mapping]
                       if normalise_header(h) not in {normalise_header(x) for x in table.headers}]
            raise UsageError(f"the saved mapping '{args.mapping}' does not fit sheet "
                             f"'{table.sheet}': it has no column headed "
                             f"{', '.join(repr(h) for h in missing)}. Map the columns with "
                             "--map instead")
        name, mapping = chosen
    else:
        fits = mapping_for(table.headers, saved) if not args.map else None
        name, mapping = fits if fits is not None else ("", auto_map(table.headers))
    for given in args.map:
        index, field = _one_map(table, given)
        mapping.pop(index, None)
        if field != IGNORE:
            if not FIELDS[field].many:  # the column given replaces any other mapped to it
                for other in [i for i, f in mapping.items() if f == field]:
                    del mapping[other]
            mapping[index] = field
    return name, mapping


def _one_map(table: Table, given: str) -> tuple[int, str]:
    header, sep, field = given.rpartition("=")
    header, field = header.strip(), field.strip()
    if not sep or not header or not field:
        raise UsageError(f"--map {given!r} is not HEADER=FIELD: write it like "
                         "--map \"Date into care=looked_after_from\"")
    if field != IGNORE and field not in FIELDS:
        raise UsageError(f"--map {given!r}: {field!r} is not a field the import knows; use one "
                         f"of {', '.join(FIELDS)}, or {IGNORE}")
    keys = [normalise_header(h) for h in table.headers]
    if normalise_header(header) not in keys:
        shown = ", ".join(repr(h) for h in table.headers if h)
        raise UsageError(f"--map {given!r}: sheet '{table.sheet}' has no column headed "
                         f"{header!r} (its headers, on row {table.header_row}: {shown})")
    return keys.index(normalise_header(header)), field


def _write_rejects(preview: Preview, path: Path) -> None:
    try:
        count = write_rejects(preview, preview.problems, path)
    except OSError as exc:
        print(f"error: cannot write the rejected rows to {path}: {exc}", file=sys.stderr)
        return
    print(f"Rejected rows written to {path} ({plural(count, 'row')}): correct them in the "
          "spreadsheet and import it again.")
