"""``migrate-to URL``: copy the whole tracker (``--db``, or the default one; encrypted trackers
take their passphrase as every command does) into an empty PostgreSQL database, then check it.

Everything is copied - records, panels, settings, saved cohorts, users and the audit trail with
its chain - in one transaction on the server (services/transfer.py). Afterwards the row count of
every table and the audit chain are checked on both sides and printed as a table. Exit status:
0 when everything agrees; 1 when the copy was refused (the target is not an empty PostgreSQL
database, the source is already on a server) or failed a check, in which case the server is
left as empty as it was and the message says what differed. The tracker copied from is only
read. A password in URL is never printed; better, leave it out and let libpq find it
(``~/.pgpass``, ``PGPASSWORD``).
"""

from __future__ import annotations

import sys
import time

from permanence_tracker.app import tracker_copy
from permanence_tracker.domain.words import plural
from permanence_tracker.services.transfer import Migrated, migrate_to

EVERY = 2.0  # seconds between progress lines on a big tracker


def register(sub) -> None:
    """Add ``migrate-to``, bound to :func:`run`."""
    command = sub.add_parser(
        "migrate-to", help="copy this tracker into an empty PostgreSQL database (a team's)",
        description="Copy every record, panel, setting, saved cohort, user and the audit trail "
        "of the tracker (--db, or the default one) into an empty PostgreSQL database, in one "
        "transaction, then check the row count of every table and the audit chain on both "
        "sides. On any failure the database is left empty. The tracker itself is not changed.",
        epilog="example: permanence-tracker migrate-to postgresql://admin@db.example/tracker "
        "(the password from ~/.pgpass or PGPASSWORD rather than the URL)")
    command.add_argument("url", metavar="URL", help="the empty PostgreSQL database: "
                         "postgresql://login@host[:port]/dbname")
    command.set_defaults(run=run)


def run(context, args) -> int:
    copy = tracker_copy(context, args.url)
    print(f"Copying {copy.source} to {copy.target}…", file=sys.stderr)
    done = migrate_to(context.uow, copy, _progress())
    print(counts_table(done))
    print(f"\nCopied {plural(done.rows, 'row', 'rows')} in {len(done.counts)} tables to "
          f"{done.target}: every count agrees, and the audit trail verifies on both sides "
          f"({plural(done.target_audit.entries, 'entry', 'entries')}). The tracker "
          f"{done.source} is unchanged; from now on open the server's with --db URL.")
    if done.login_not_a_user:
        print(f"warning: the tracker's user list does not name {done.login_not_a_user!r}, the "
              "database login used here, so that login cannot open the copy: an administrator "
              "on the list adds it (`permanence-tracker --db URL users add "
              f"{done.login_not_a_user} --role administrator`), or add it on the laptop and "
              "migrate again into an empty database", file=sys.stderr)
    return 0


def counts_table(done: Migrated) -> str:
    """Table, rows in the tracker, rows on the server, and whether they agree."""
    width = max(len("Table"), *(len(c.table) for c in done.counts))
    lines = [f"{'Table':<{width}}  {'Tracker':>9}  {'Server':>9}",
             f"{'-' * width}  {'-' * 9}  {'-' * 9}"]
    lines += [f"{c.table:<{width}}  {c.source:>9,}  {c.target:>9,}"
              + ("" if c.source == c.target else "  DIFFERS") for c in done.counts]
    lines.append(f"{'audit chain':<{width}}  {_check(done.source_audit):>9}  "
                 f"{_check(done.target_audit):>9}")
    return "\n".join(lines)


def _check(check) -> str:
    return "intact" if check.intact else "BROKEN"


def _progress():
    """Progress on stderr: a line when a table is started and every few seconds."""
    shown_at = 0.0
    shown_table = ""

    def show(done: int, total: int, text: str) -> None:
        nonlocal shown_at, shown_table
        table = text.rpartition("(")[2]
        now = time.monotonic()
        if table != shown_table or now - shown_at >= EVERY:
            print(f"  {text}", file=sys.stderr)
            shown_at, shown_table = now, table

    return show
