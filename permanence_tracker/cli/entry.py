"""Command line: ``permanence-tracker`` opens the app; sub-commands work headless.

Every command takes ``--db URL`` (or ``PERMANENCE_TRACKER_DB``); the default is a SQLite file
in the user data directory. Errors go to stderr with a non-zero exit status: 2 for bad
arguments or a database that cannot be opened, 1 for a refused input (a ``TrackerError``),
or the command's own status.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from permanence_tracker import __version__
from permanence_tracker.cli import demo, export903, import903, panels, records, reports, summary

# Each module's register(sub) adds its commands; --help lists them in this order.
COMMAND_MODULES = (summary, import903, demo, records, panels, reports, export903)


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
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


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
        return args.run(context, args)
    except TrackerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        context.dispose()
