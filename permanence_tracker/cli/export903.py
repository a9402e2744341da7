"""``export-903``, ``check-903`` and ``validator install``: the 903 return from the command line.

Exit status: 0 done (check: no findings); 1 the check found problems; 2 a bad year, an
unwritable folder, or the validator missing or failing (nothing written).
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

from permanence_tracker.cli import clock
from permanence_tracker.cli.arguments import collection_year
from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.domain.words import plural
from permanence_tracker.services.exports.ssda903.check import (
    VALIDATOR_DEFECT_NOTE,
    check_903,
)
from permanence_tracker.services.exports.ssda903.service import export_903
from permanence_tracker.services.exports.ssda903.validator import install_validator
from permanence_tracker.services.reference import year_text


def register(sub) -> None:
    """Add ``export-903``, ``check-903`` and ``validator``, each bound to its runner."""
    exp = sub.add_parser("export-903", help="write the SSDA903 return of a collection year "
                         "(DfE CSV files)")
    exp.add_argument("--year", type=collection_year, required=True, metavar="YYYY",
                     help="the collection year ending 31 March YYYY (2026 = 2025-26)")
    exp.add_argument("--out", type=Path, required=True, metavar="DIR",
                     help="folder for the CSV files (made if missing)")
    exp.set_defaults(run=run_export)
    chk = sub.add_parser("check-903", help="run the DfE 903 validation rules on the return "
                         "the export would write")
    chk.add_argument("--year", type=collection_year, required=True, metavar="YYYY",
                     help="the collection year ending 31 March YYYY (2026 = 2025-26)")
    chk.add_argument("--la", metavar="CODE",
                     help="the authority's ONS code, used by the placement location rules "
                     "(default: the authority_code setting, see 'settings')")
    chk.add_argument("--json", action="store_true", help="print one JSON object")
    chk.set_defaults(run=run_check)
    val = sub.add_parser("validator", help="install the DfE 903 validator the check uses")
    val.add_argument("action", choices=["install"])
    val.set_defaults(run=run_install, database=False)  # needs no tracker: opens none


def run_export(context, args) -> int:
    try:
        result = export_903(context.uow, args.year, args.out, clock.today())
    except TrackerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"903 return {year_text(result.year)} written to {result.folder} "
          f"({plural(result.children, 'child', 'children')}):")
    for f in result.files:
        print(f"  {f.path.name:<26}{f.table:<16}{plural(f.rows, 'row'):>12}")
    return 0


def run_check(context, args) -> int:
    try:
        result = check_903(context.uow, args.year, clock.today(), args.la)
    except TrackerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"year": result.year, "children": result.children,
                          "findings": [asdict(f) for f in result.findings],
                          "failed_rules": list(result.failed_rules),
                          "set_aside": [asdict(f) for f in result.set_aside]}))
    else:
        print(render(result))
    return 1 if result.findings else 0


def render(result) -> str:
    lines = [f"903 check {year_text(result.year)}: "
             f"{plural(result.children, 'child', 'children')}, "
             f"{plural(len(result.findings), 'finding')} of the DfE validation rules"]
    for f in result.findings:
        columns = ", ".join(f.columns)
        lines.append(f"  child {f.child or '?'}  rule {f.rule}  {f.where}"
                     f"{' (' + columns + ')' if columns else ''}: {f.message}")
    if result.set_aside:
        lines.append(f"Set aside, {plural(len(result.set_aside), 'finding')} of the "
                     f"validator's own known defects ({VALIDATOR_DEFECT_NOTE}): children "
                     f"{', '.join(sorted({f.child for f in result.set_aside}))}")
    if result.failed_rules:
        lines.append(f"Rules that could not run on this data (the validator's own problem): "
                     f"{', '.join(result.failed_rules)}")
    if not result.findings:
        lines.append("No findings: the return passes the DfE rules.")
    return "\n".join(lines)


def run_install(context, args) -> int:
    try:
        install_validator()
    except TrackerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0
