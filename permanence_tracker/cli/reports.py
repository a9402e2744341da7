"""Headless printed reports: ``permanence-tracker report NAME ... --out FILE.pdf``.

The report is read through the same services as the app (``services.reporting.inputs``) and laid
out by ``permanence_tracker.reports``; the file is written only once the whole PDF is ready
(via a temporary file beside it), so a failure never leaves half a report behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from permanence_tracker.cli import clock
from permanence_tracker.cli.arguments import iso_date, panel_id
from permanence_tracker.domain.errors import Problem, ValidationError
from permanence_tracker.services.reporting.inputs import (
    REPORTS,
    ReportRequest,
    load_report_input,
    missing_inputs,
)

# How the command line says a request field: the option to add when the report needs it, and
# the flag in front of a problem with its value (the service words the rest).
NEEDED = {"panel": "--panel ID", "child": "--child ID"}
FLAGS = {"from": "--from", "as_of": "--as-of", "iro": "--iro", "panel": "--panel",
         "child": "--child"}


def register(sub) -> None:
    """Add the ``report`` command, bound to :func:`run`."""
    names = "; ".join(f"{s.name}: {s.description}" for s in REPORTS.values())
    report = sub.add_parser("report", help="write a printed report (PDF)",
                            description=f"Reports: {names}.")
    report.add_argument("name", metavar="NAME", help=", ".join(REPORTS))
    report.add_argument("--as-of", type=iso_date, default=None, metavar="YYYY-MM-DD",
                        help="the date the report describes (default: today)")
    report.add_argument("--from", dest="period_from", type=iso_date, metavar="YYYY-MM-DD",
                        help="start of the reporting period (cohort: default 1 April before "
                        "as-of; panel-figures: compare the financial year before it with "
                        "FROM to as-of)")
    report.add_argument("--panel", dest="panel_id", type=panel_id, metavar="ID",
                        help="outcome-sheet, panel-summary: the panel")
    report.add_argument("--iro", default="", metavar="NAME",
                        help="caseloads: only this IRO's section")
    report.add_argument("--child", dest="child_id", default="", metavar="ID",
                        help="review-prep: the child; outcome-sheet: only this child's items")
    report.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    report.add_argument("--pseudonymise", action="store_true",
                        help="children's and carers' names as initials, dates of birth as "
                        "month and year, free text (notes, reasons) left out; every page "
                        "says 'Pseudonymised'")
    report.set_defaults(run=run)


def check_out(path: Path) -> str | None:
    """Why ``path`` cannot be written, or None."""
    if path.is_dir():
        return f"--out {path} is a folder: give a file name ending .pdf"
    if path.suffix.lower() != ".pdf":
        return f"--out {path} does not end in .pdf: name the file FILE.pdf"
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        return f"--out {path}: the folder {folder} does not exist; create it first"
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        return f"--out {path} cannot be written here (permission denied): choose another place"
    return None


def in_cli_words(request: ReportRequest, error: ValidationError) -> ValidationError:
    """The service's problems as the command line says them: the options a report needs
    ("report: the review-prep report needs --child ID"), the flag before a problem with its
    value ("from: --from 01/04/2026 is after the as-of date ...")."""
    missing = missing_inputs(request)
    if missing:
        return ValidationError([Problem("report", f"the {request.name} report needs "
                                        f"{' and '.join(NEEDED[n] for n in missing)}")])
    return ValidationError([Problem(p.field, f"{FLAGS[p.field]} {p.message}")
                            if p.field in FLAGS else p for p in error.problems])


def run(context, args) -> int:
    from permanence_tracker import reports
    from permanence_tracker.reports.output import write_pdf

    problem = check_out(args.out)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    now = clock.now()
    request = ReportRequest(args.name, args.as_of or now.date(), args.period_from,
                            args.panel_id, args.iro, args.child_id, args.pseudonymise)
    try:  # another TrackerError (no such child, IRO or panel): main() reports it
        report = load_report_input(context.uow, request)
    except ValidationError as error:
        raise in_cli_words(request, error) from None
    pdf = reports.render(report, now)
    try:
        write_pdf(args.out, pdf)
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    done = " (pseudonymised)" if args.pseudonymise else ""
    print(f"wrote {REPORTS[args.name].title}{done} to {args.out} ({len(pdf):,} bytes)")
    return 0
