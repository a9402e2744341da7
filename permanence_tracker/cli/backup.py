"""``backup [--out FILE]`` copies a SQLite tracker now (into its backups folder, pruning by
``backup_keep_days``, or to FILE); ``restore FILE`` puts a backup in place of the tracker.

Every command also backs a SQLite tracker up when it opens it if the newest backup is a day old
(``app.py``). ``restore`` does not open the tracker (it must work on one too damaged to open),
checks FILE is a tracker passing ``PRAGMA integrity_check``, refuses while another program (the
app) has the tracker open, keeps a copy of what it replaces in the backups folder and says
where. A PostgreSQL tracker is backed up by its server: both commands exit 2 saying so.
Exit status: 0 done, 1 refused (a bad file, the tracker in use), 2 a server database.
"""

from __future__ import annotations

import sys
from pathlib import Path

from permanence_tracker.app import (
    PassphraseError,
    acting_on_file,
    backups_at,
    database_exists,
    default_url,
    env_database,
    is_encrypted,
    now_local,
    shown_url,
)
from permanence_tracker.cli.crypt import NoPassphrase, with_passphrase
from permanence_tracker.services import backups


def register(sub) -> None:
    """Add ``backup`` and ``restore``, each bound to its runner."""
    backup = sub.add_parser(
        "backup", help="back the tracker up now (SQLite; a server is backed up by the server)",
        description="Copy the tracker with SQLite's online backup API, check the copy with "
        "PRAGMA integrity_check, and prune backups older than the setting backup_keep_days. "
        "The backups folder is readable by its owner only.")
    backup.add_argument("--out", metavar="FILE", type=Path,
                        help="write the copy to FILE (a new file) instead; nothing is pruned")
    backup.set_defaults(run=run_backup)
    restore = sub.add_parser(
        "restore", help="put a backup in place of the tracker, keeping a copy of it",
        description="Replace the tracker with FILE, a backup: FILE must be a tracker that "
        "passes PRAGMA integrity_check, and no other program (the app) may have the tracker "
        "open. What is replaced is kept in the backups folder; the swap is one atomic rename.")
    restore.add_argument("file", metavar="FILE", type=Path, help="the backup to restore")
    restore.set_defaults(run=run_restore, database=False)


def run_backup(context, args) -> int:
    store = context.backups
    if store is None:
        print(f"error: {backups.NoBackupsError(context.shown)}", file=sys.stderr)
        return 2
    try:
        if args.out is not None:
            path = backups.back_up_to(store, context.uow, args.out.expanduser(), now_local())
            print(f"Backed up {context.shown} to {path} (checked: integrity ok).")
            return 0
        done = backups.back_up(store, context.uow, now_local())
    except Exception as exc:  # noqa: BLE001 - persistence's BackupError, an OS error: say why
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"Backed up {context.shown} to {done.path} (checked: integrity ok).")
    if done.pruned:
        print(f"Removed {len(done.pruned)} backup(s) older than the retention setting "
              "(backup_keep_days).")
    return 0


def run_restore(_context, args) -> int:
    url = args.db or env_database() or default_url()  # as open_context resolves it
    try:
        store = backups_at(url)
    except Exception as exc:  # noqa: BLE001 - a URL that cannot be read
        print(f"error: cannot use the database {shown_url(url)}: {exc}", file=sys.stderr)
        return 2
    if store is None:
        print(f"error: {backups.NoBackupsError(shown_url(url))}", file=sys.stderr)
        return 2
    source = args.file.expanduser()
    # An encrypted tracker (or, when there is none, an encrypted backup) is read and written
    # keyed: the passphrase as every command gets it (a file, or three tries at a prompt).
    encrypted = is_encrypted(url) if database_exists(url) else \
        is_encrypted(f"sqlite:///{source.resolve()}")

    def keyed(passphrase: str | None):
        return backups_at(url, passphrase), acting_on_file(url, passphrase, source)

    try:
        store, acting = (with_passphrase(f"the tracker {shown_url(url)}", keyed) if encrypted
                         else keyed(None))
    except (NoPassphrase, PassphraseError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - not an active user of the tracker, say
        print(f"error: {exc}. Nothing was changed.", file=sys.stderr)
        return 1
    try:
        assert store is not None
        done = backups.restore(store, acting, source, now_local())
    except Exception as exc:  # noqa: BLE001 - refused: not a tracker, damaged, in use, role
        print(f"error: {exc}. Nothing was changed.", file=sys.stderr)
        return 1
    print(f"Restored {shown_url(url)} from {done.source}.")
    if done.kept is not None:
        print(f"The tracker it replaced was kept as {done.kept}.")
    return 0
