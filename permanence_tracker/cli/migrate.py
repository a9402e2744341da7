"""``permanence-tracker migrate``: bring an existing tracker's tables up to date for this
version, without acting as one of its users.

Opening a tracker migrates it too; this command is for a shared PostgreSQL database, whose
application logins may not change its tables (persistence/grants.py): the database
administrator runs it with the owner's login in ``--db`` after installing a new version.
"""

from __future__ import annotations

import sys

from permanence_tracker.app import NoTrackerError, migrate_tracker, shown_url
from permanence_tracker.cli import crypt


def register(sub) -> None:
    """Add the ``migrate`` command; it opens no context (the owner need not be a user)."""
    command = sub.add_parser(
        "migrate", help="bring the tracker's tables up to date (a server's owner runs it)",
        description="Bring the tracker named by --db up to date for this version of "
        "Permanence Tracker. On PostgreSQL run it with the login that owns the tracker's "
        "tables: application logins may not change them.")
    command.set_defaults(run=run, database=False)


def run(_context, args) -> int:
    try:
        changed = migrate_tracker(args.db, crypt.passphrase_for_opening(args))
    except (NoTrackerError, crypt.NoPassphrase, crypt.PassphraseError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - an unreachable server, or not the owner: say so
        print(f"error: cannot migrate {shown_url(args.db) if args.db else 'the tracker'}: "
              f"{exc}", file=sys.stderr)
        return 2
    where = shown_url(args.db) if args.db else "the tracker"
    print(f"{where} {'is now up to date' if changed else 'was already up to date'}.")
    return 0
