"""``permanence-tracker import-903 PATH...``: run the import and print its report.

Exit status: 0 when the import was written (with ``--skip-invalid``, even if rows were
rejected); 1 when rows were invalid and nothing was written; 2 when a path cannot be read.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from permanence_tracker.services.imports.ssda903.model import ImportInputError
from permanence_tracker.services.imports.ssda903.report import render, write_rejects
from permanence_tracker.services.imports.ssda903.service import import_903

DEFAULT_REJECTS = Path("903-rejected-rows.csv")


def run_import(context, args) -> int:
    try:
        result = import_903(context.uow, list(args.paths), date.today(), args.skip_invalid)
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
