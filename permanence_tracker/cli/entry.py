"""Command line: ``permanence-tracker`` opens the app; sub-commands work headless.

Every command takes ``--db URL`` (or ``PERMANENCE_TRACKER_DB``); the default is a SQLite file
in the user data directory. Errors go to stderr with a non-zero exit status: 2 for bad
arguments or a database that cannot be opened or holds no tracker (only ``init``, ``demo``,
``import-903`` and ``import-spreadsheet`` create one), 1 for a refused input (a
``TrackerError``), or the command's own status. A tracker created by a command that then fails
or is a dry run is removed again (:func:`permanence_tracker.app.discard_created`).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from permanence_tracker import __version__, logs
from permanence_tracker.cli import (
    audit,
    backup,
    care,
    clock,
    crypt,
    demo,
    export903,
    find,
    import903,
    import_spreadsheet,
    init,
    migrate,
    migrate_to,
    panels,
    records,
    reports,
    settings,
    summary,
    users,
)

log = logging.getLogger(__name__)

# Each module's register(sub) adds its commands; --help lists them in this order.
COMMAND_MODULES = (init, summary, import903, import_spreadsheet, demo, records, care, panels,
                   reports, export903, settings, crypt, audit, backup, find, users,
                   migrate, migrate_to)


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
    if args.command is None:  # the app: gui/main.py sets up its log
        from permanence_tracker.gui.main import run_gui

        return run_gui(args.db)
    logs.configure()
    log.info("permanence-tracker %s %s started", __version__, args.command)
    try:
        code = _run(args)
    except Exception:  # logged as its type and frames only (logs.py): its message may quote
        log.error("permanence-tracker %s failed", args.command, exc_info=True)  # a row's values
        raise
    # the command's name and status only: its arguments may name a child's file
    log.info("permanence-tracker %s finished with status %s", args.command, code)
    return code


def _run(args: argparse.Namespace) -> int:
    if not getattr(args, "database", True):  # e.g. validator install: no tracker involved
        return args.run(None, args)
    from permanence_tracker.app import (
        NoTrackerError,
        discard_created,
        open_context,
        shown_url,
    )
    from permanence_tracker.domain.errors import TrackerError

    try:  # only commands with creates=True may create a tracker (set_defaults(creates=True))
        # a file or a prompt (three tries), never an argument
        context = crypt.open_with_passphrase(args, lambda passphrase: open_context(
            args.db, create=getattr(args, "creates", False), passphrase=passphrase))
    except (NoTrackerError, crypt.NoPassphrase, crypt.PassphraseError) as exc:
        # a mistyped --db, or no (or the wrong) passphrase: refuse, having created nothing
        log.warning("the tracker was not opened: %s", type(exc).__name__)
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bad URL or unreachable server: say so, no traceback
        log.error("could not open the database", exc_info=exc)  # type and frames only
        print(f"error: cannot open the database {shown_url(args.db) if args.db else ''}: {exc}",
              file=sys.stderr)
        return 2
    code: int | None = None  # None: an unexpected error is on its way out
    try:
        warn_future_as_of(args)
        code = args.run(context, args)
    except TrackerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        log.warning("%s refused the input", args.command, exc_info=exc)  # type and frames
        code = 1
    except BrokenPipeError:  # `... | head`: the reader stopped; not an error of ours
        # Python would report the pipe again when it flushes stdout at exit (its docs' recipe)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 141  # what a shell reports for a command ended by SIGPIPE (128 + 13)
    finally:
        # A tracker this command created but did not use (it failed, or was a dry run) is
        # removed again: a mistyped --db or a bad file must not leave an empty tracker behind.
        if context.created and (code != 0 or getattr(args, "dry_run", False)):
            discard_created(context)
        else:
            context.dispose()
    return 1 if code is None else code  # None only on the way out of an exception


def warn_future_as_of(args) -> None:
    """A future ``--as-of`` is allowed (planning ahead) but the records are today's: say so."""
    as_of = getattr(args, "as_of", None)
    if as_of is not None and as_of > clock.today():
        from permanence_tracker.domain.calendar import uk_date

        print(f"warning: --as-of {uk_date(as_of)} is in the future: figures are as recorded "
              "today", file=sys.stderr)
