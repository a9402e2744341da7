"""``permanence-tracker import-903 PATH...``: run the import and print its report.

Exit status: 0 when the import was written (with ``--skip-invalid``, even if rows were
rejected); 1 when rows were invalid and nothing was written; 2 when a path cannot be read.
"""

from __future__ import annotations

import sys
from pathlib import Path

from permanence_tracker.cli import clock
from permanence_tracker.services.imports.ssda903.merge import KINDS
from permanence_tracker.services.imports.ssda903.model import ImportInputError, Rejection
from permanence_tracker.services.imports.ssda903.rejects import write_rejects
from permanence_tracker.services.imports.ssda903.service import ImportResult, import_903
from permanence_tracker.services.imports.ssda903.tables import TABLES
from permanence_tracker.services.reference import year_text

DEFAULT_REJECTS = Path("903-rejected-rows.csv")
RECORD_NAMES = {"child": "children", "episode": "episodes", "review": "reviews",
                "adoption": "adoption milestones", "missing": "missing episodes",
                "previous": "previous permanence"}
MAX_PROBLEMS = 200


def register(sub) -> None:
    """Add the ``import-903`` command, bound to :func:`run`."""
    imp = sub.add_parser("import-903", help="import SSDA903 CSV files or folders")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    imp.add_argument("--skip-invalid", action="store_true",
                     help="import the valid rows and write rejected rows to a CSV")
    imp.add_argument("--rejects", type=Path, metavar="FILE.csv",
                     help="where --skip-invalid writes rejected rows "
                     "(default: 903-rejected-rows.csv in the current folder)")
    imp.set_defaults(run=run, creates=True)  # may make a new tracker (cli/init.py)


def run(context, args) -> int:
    try:
        result = import_903(context.uow, list(args.paths), clock.today(), args.skip_invalid)
    except ImportInputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(render(result, args.skip_invalid))
    if result.rejections and (args.skip_invalid or args.rejects):
        path = args.rejects or DEFAULT_REJECTS
        try:
            count = write_rejects(result.rejections, path)
        except OSError as exc:
            print(f"error: cannot write the rejected rows to {path}: {exc}", file=sys.stderr)
            return 2
        print(f"Rejected rows written to {path} ({count:,} rows): correct them in the "
              "original files and import those again.")
    if not result.files:
        print("error: no 903 tables found in the given paths", file=sys.stderr)
        return 1
    return 0 if result.written else 1


def render(result: ImportResult, skip_invalid: bool) -> str:
    """The import report: files recognised, rows read and rejected per table, records
    inserted, updated and unchanged, then each problem and what to do about it."""
    lines = [f"903 import: {len(result.files)} file(s) recognised, "
             f"{len(result.skipped)} skipped"]
    width = max([len(f.name) for f in result.files] + [10])
    for f in result.files:
        year = year_text(f.year) if f.year else "year unknown"
        lines.append(f"  {f.name:<{width}}  {f.table:<14} {year:<12} {len(f.rows):>7} rows")
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
