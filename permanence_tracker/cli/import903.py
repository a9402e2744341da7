"""``permanence-tracker import-903 PATH...``: run the import and print its report.

Exit status: 0 when the import was written (with ``--skip-invalid``, even if rows were
rejected); 1 when rows were invalid and nothing was written; 2 when a path cannot be read.
A tracker this command created is removed again when it exits non-zero, unless something was
written to it (``app.discard_created``).
The report's text is made in ``text/import903_report.py``, which the app shows too.
"""

from __future__ import annotations

import sys
from pathlib import Path

from permanence_tracker.cli import clock
from permanence_tracker.domain.words import plural
from permanence_tracker.services.imports.ssda903.model import ImportInputError
from permanence_tracker.services.imports.ssda903.rejects import write_rejects
from permanence_tracker.services.imports.ssda903.service import import_903
from permanence_tracker.text.import903_report import render

DEFAULT_REJECTS = Path("903-rejected-rows.csv")


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
    print(render(result))  # the report text is shared with the app (text/)
    if result.rejections and (args.skip_invalid or args.rejects):
        path = args.rejects or DEFAULT_REJECTS
        try:
            count = write_rejects(result.rejections, path)
        except OSError as exc:
            print(f"error: cannot write the rejected rows to {path}: {exc}", file=sys.stderr)
            return 2
        print(f"Rejected rows written to {path} ({plural(count, 'row')}): correct them in the "
              "original files and import those again.")
    if not result.files:
        print("error: no 903 tables found in the given paths", file=sys.stderr)
        return 1
    return 0 if result.written else 1
