"""A child process for the SIGKILL test (``tests/integration/test_crash_safety.py``).

``python crash_worker.py KIND URL [ARG...]`` does one operation on the tracker at ``URL`` the
way a person would, and is meant to be killed part-way through. It imports everything first,
then prints ``GO`` (so the parent times its kill from the start of the operation, not from
Python's start-up), does the operation, and prints ``DONE``. On the way it prints ``WRITING``
before a unit of work's first write and ``COMMITTED`` once that unit has committed (see
:func:`announce`), so the parent knows where in the operation its kill fell.

Kinds:
- ``import903 PATH...``: ``permanence-tracker import-903 PATH...`` (one unit of work);
- ``spreadsheet FILE``: ``permanence-tracker import-spreadsheet FILE --on-conflict take``;
- ``demo N``: ``permanence-tracker demo --children N`` (fixed seed and as-of date);
- ``saves N``: N saves through the services, each its own unit of work: for each of
  :func:`save_plan`'s children, add the child, start care, record a review.

An encrypted (SQLCipher) tracker is opened with the passphrase in the file named by
``PERMANENCE_TRACKER_PASSPHRASE_FILE``, as the command line opens it (``cli/crypt.py``).

Every child and date here is invented.
"""

from __future__ import annotations

import sys
from datetime import date

from permanence_tracker import app
from permanence_tracker.cli.crypt import read_passphrase
from permanence_tracker.cli.entry import main
from permanence_tracker.domain.entities import Child, Review
from permanence_tracker.persistence.repository import Repository
from permanence_tracker.persistence.uow import SqlUnitOfWork
from permanence_tracker.services.records.care import start_care
from permanence_tracker.services.records.editing import add_child, record_review

TODAY = date(2026, 4, 1)
DEMO_AS_OF = "2026-03-31"
DEMO_SEED = "5"
# What each save writes, in order: (table, child_id) of its one row and its one audit entry.
SAVE_TABLES = ("child", "episode", "review")


def save_plan(count: int) -> list[tuple[str, str]]:
    """The ``count`` saves of a ``saves`` run, in order, as (table, child ID)."""
    return [(SAVE_TABLES[n % 3], f"CK{n // 3 + 1:04d}") for n in range(count)]


def _save(uow_factory, table: str, child_id: str) -> None:
    number = int(child_id[2:])
    if table == "child":
        add_child(uow_factory, Child(child_id, date(2012, 1, 1 + number % 28), "F",
                                     "Test", f"Crash{number}"), TODAY)
    elif table == "episode":
        start_care(uow_factory, child_id, date(2025, 6, 2), "C2", "U1", "PR1", "N1", TODAY)
    else:
        record_review(uow_factory, Review(child_id, date(2025, 6, 27), "PN1"), TODAY)


def run(kind: str, url: str, args: list[str]) -> int:
    if kind == "saves":
        passphrase = read_passphrase(url) if app.is_encrypted(url) else None
        context = app.open_context(url, create=False, passphrase=passphrase)
        go()
        for table, child_id in save_plan(int(args[0])):
            _save(context.uow, table, child_id)
        context.dispose()
        return 0
    if kind == "import903":
        argv = ["import-903", *args]
    elif kind == "spreadsheet":
        argv = ["import-spreadsheet", args[0], "--on-conflict", "take"]
    elif kind == "demo":
        argv = ["demo", "--children", args[0], "--seed", DEMO_SEED, "--as-of", DEMO_AS_OF]
    else:
        raise SystemExit(f"unknown kind {kind!r}")
    go()
    return main(["--db", url, *argv])


def go() -> None:
    print("GO", flush=True)


def announce() -> None:
    """Wrap the unit of work so that it says when it starts writing and when it has committed.

    ``WRITING`` is printed (and flushed to the pipe) before the first write of a transaction,
    so a kill with no ``WRITING`` before it came before anything was written; ``COMMITTED``
    after the commit returned, so a kill after it came after the operation was saved.
    """
    begin_write = Repository.begin_write
    leave = SqlUnitOfWork.__exit__

    def announced_begin_write(self: Repository) -> None:
        if not getattr(self, "_crash_writing", False):
            self._crash_writing = True  # type: ignore[attr-defined]
            print("WRITING", flush=True)
        begin_write(self)

    def announced_exit(self: SqlUnitOfWork, exc_type, exc, tb) -> None:
        repo = getattr(self, "repo", None)
        leave(self, exc_type, exc, tb)
        if exc_type is None and getattr(repo, "_crash_writing", False):
            print("COMMITTED", flush=True)

    Repository.begin_write = announced_begin_write  # type: ignore[method-assign]
    SqlUnitOfWork.__exit__ = announced_exit  # type: ignore[method-assign]


if __name__ == "__main__":
    announce()
    status = run(sys.argv[1], sys.argv[2], sys.argv[3:])
    print("DONE" if status == 0 else f"FAILED {status}", flush=True)
    raise SystemExit(status)
