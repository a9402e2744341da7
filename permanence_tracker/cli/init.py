"""``permanence-tracker init``: create a new, empty tracker where ``--db`` (or
``PERMANENCE_TRACKER_DB``, or the default file) says.

Only ``init``, ``demo``, ``import-903`` and ``import-spreadsheet`` may create a tracker (each
sets ``creates=True``), and an import that fails or is a dry run removes the tracker it made
(:func:`..app.discard_created`); every other command refuses a database that holds none
(:func:`..entry.main`), so a mistyped ``--db`` is an error, never a new empty database reporting
zeros.
"""

from __future__ import annotations

import sys


def register(sub) -> None:
    """Add the ``init`` command, bound to :func:`run`; it may create the database."""
    init = sub.add_parser(
        "init", help="create a new, empty tracker (the database named by --db)",
        description="Create a new, empty tracker: a SQLite file (and its folder) or the "
        "tracker's tables in an existing PostgreSQL database. Other commands, except demo, "
        "import-903 and import-spreadsheet, refuse a database that holds no tracker.")
    init.set_defaults(run=run, creates=True)


def run(context, args) -> int:
    if not context.created:
        print(f"error: {context.shown} already holds a tracker: init only creates new ones "
              "(use it as it is, or choose another with --db)", file=sys.stderr)
        return 1
    print(f"Created an empty tracker at {context.shown}.")
    print("Next: set the authority up (permanence-tracker settings), add IROs (iro add), "
          "then add children or import a 903 return (import-903).")
    return 0
