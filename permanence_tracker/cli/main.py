"""Command line: ``permanence-tracker`` opens the app; sub-commands work headless.

Every command takes ``--db URL`` (or ``PERMANENCE_TRACKER_DB``); the default is a SQLite file
in the user data directory. Errors go to stderr with a non-zero exit status.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from permanence_tracker import __version__


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date: use YYYY-MM-DD, for example 2026-03-31"
        ) from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="permanence-tracker",
        description="Track looked-after children's reviews and permanence plans. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--db", metavar="URL", help="database URL (default: SQLite in the "
                        "user data directory; or set PERMANENCE_TRACKER_DB)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    summary = sub.add_parser("summary", help="print the summary figures for an as-of date")
    summary.add_argument("--as-of", type=_iso_date, required=True, metavar="YYYY-MM-DD")
    summary.add_argument("--from", dest="period_from", type=_iso_date, metavar="YYYY-MM-DD",
                         help="start of the reporting period (default: 1 April before as-of)")
    summary.add_argument("--json", action="store_true", help="print one JSON object")

    imp = sub.add_parser("import-903", help="import SSDA903 CSV files or folders")
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    imp.add_argument("--skip-invalid", action="store_true",
                     help="import the valid rows and write rejected rows to a CSV")
    imp.add_argument("--rejects", type=Path, metavar="FILE.csv",
                     help="where --skip-invalid writes rejected rows "
                     "(default: 903-rejected-rows.csv in the current folder)")

    demo = sub.add_parser("demo", help="fill the database with a synthetic demo authority")
    demo.add_argument("--children", type=_positive, default=None,
                      help="children looked after on the as-of date (default 750)")
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--as-of", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                      help="the demo's 'today' (default: today)")
    from permanence_tracker.cli import export903 as export903_cli
    from permanence_tracker.cli import panels as cli_panels
    from permanence_tracker.cli import records as cli_records
    from permanence_tracker.cli import reports as cli_reports

    cli_records.register(sub)
    cli_panels.register(sub, COMMANDS)
    cli_reports.register(sub, COMMANDS)
    export903_cli.register(sub, COMMANDS)
    return parser


def _summary(context, args) -> int:
    from permanence_tracker.services.permanence.cohort import load_cohort
    from permanence_tracker.services.permanence.summary import summarise

    if args.period_from and args.period_from > args.as_of:
        print("error: --from must be on or before --as-of", file=sys.stderr)
        return 2
    figures = summarise(load_cohort(context.uow, args.as_of), args.period_from)
    if args.json:
        print(json.dumps(figures))
    else:
        from permanence_tracker.cli.summary_text import render_text

        print(render_text(figures))
    return 0


def _import_903(context, args) -> int:
    from permanence_tracker.cli.import903 import run_import

    return run_import(context, args)


def _demo(context, args) -> int:
    from permanence_tracker.cli.demo import run_demo

    return run_demo(context, args)


COMMANDS = {"summary": _summary, "import-903": _import_903, "demo": _demo}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from permanence_tracker.gui.main import run_gui

        return run_gui(args.db)
    from permanence_tracker.app import open_context
    from permanence_tracker.domain.errors import TrackerError

    try:
        context = open_context(args.db)
    except Exception as exc:  # a bad URL or unreachable server: say so, no traceback
        print(f"error: cannot open the database {args.db or ''}: {exc}", file=sys.stderr)
        return 2
    try:
        if args.command in COMMANDS:
            return COMMANDS[args.command](context, args)
        from permanence_tracker.cli import records as cli_records

        return cli_records.run(context, args, date.today())
    except TrackerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        context.dispose()
