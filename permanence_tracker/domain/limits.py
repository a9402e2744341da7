"""How long the tracker's short texts may be, in characters: the one place that says it.

The database's columns are this long (``persistence/tables.py`` builds them from these
constants), and whatever takes text from outside checks against the same numbers before it
writes anything (the spreadsheet import's preview rejects a longer cell as a row problem), so
that a value refused by the database is never first accepted by a check.
"""

from __future__ import annotations

CHILD_ID = 40  # a child's ID (the LA's case number, 903 CHILD)
NAME = 120  # forename, surname, social worker, team, locality, area; an IRO's name
PLAN_TYPE = 60  # a permanence plan's type, primary or parallel
OUTCOME = 120  # a monitoring outcome
NOTE_SOURCE = 200  # where a note came from (the file an import read)
