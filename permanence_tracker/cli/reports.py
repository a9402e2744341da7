"""Headless printed reports: ``permanence-tracker report NAME ... --out FILE.pdf``.

The report is read through the same services as the app (``services.reporting.inputs``) and laid
out by ``permanence_tracker.reports``; the file is written only once the whole PDF is ready
(via a temporary file beside it), so a failure never leaves half a report behind.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime
from pathlib import Path

from permanence_tracker.services.reporting.inputs import REPORTS


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD") from None


def _id(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r} is not a panel ID: use the number that "
                                         "'panel list' shows")
    return int(text)


def register(sub, commands: dict) -> None:
    """Add the ``report`` command to the parser and its runner to the ``commands`` table."""
    names = "; ".join(f"{s.name}: {s.description}" for s in REPORTS.values())
    report = sub.add_parser("report", help="write a printed report (PDF)",
                            description=f"Reports: {names}.")
    report.add_argument("name", metavar="NAME", help=", ".join(REPORTS))
    report.add_argument("--as-of", type=_date, default=None, metavar="YYYY-MM-DD",
                        help="the date the report describes (default: today)")
    report.add_argument("--from", dest="period_from", type=_date, metavar="YYYY-MM-DD",
                        help="start of the reporting period (cohort: default 1 April before "
                        "as-of; panel-figures: compare the financial year before it with "
                        "FROM to as-of)")
    report.add_argument("--panel", dest="panel_id", type=_id, metavar="ID",
                        help="outcome-sheet, panel-summary: the panel")
    report.add_argument("--iro", default="", metavar="NAME",
                        help="caseloads: only this IRO's section")
    report.add_argument("--child", dest="child_id", default="", metavar="ID",
                        help="review-prep: the child; outcome-sheet: only this child's items")
    report.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    commands["report"] = run


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


def run(context, args, now: datetime | None = None) -> int:
    from permanence_tracker import reports
    from permanence_tracker.reports.output import write_pdf
    from permanence_tracker.services.reporting.inputs import ReportRequest, load_report_input

    problem = check_out(args.out)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    now = now or datetime.now().astimezone()
    request = ReportRequest(args.name, args.as_of or now.date(), args.period_from,
                            args.panel_id, args.iro, args.child_id)
    report = load_report_input(context.uow, request)  # TrackerError: main() reports it
    pdf = reports.render(report, now)
    try:
        write_pdf(args.out, pdf)
    except OSError as exc:
        print(f"error: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"wrote {REPORTS[args.name].title} to {args.out} ({len(pdf):,} bytes)")
    return 0
