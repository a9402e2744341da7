"""Pseudonymising what leaves the tracker (issue 12): THE rules every export and report uses.

A pseudonymised output replaces each person's name with its initials ("Ann Example" ->
"A.E."), reduces a date of birth to its month and year ("03/2015", the UK order of
:func:`~permanence_tracker.domain.calendar.uk_date` without the day), and leaves out free text
(notes, reasons, dissent), which can hold anyone's name: :data:`LEFT_OUT` stands in its place.

Why initials rather than the child ID for a name: every table and report that names a child
also shows the child's ID beside the name (the ID is the 903 return's own identifier, which
the service already holds), so the ID keeps each row unambiguous when two children share
initials, and the initials keep the sheet readable to the IRO who knows the child. A carer
has no ID: their initials stand alone. IROs, social workers and panel members are staff, not
the subject of the record, and keep their names.

Pure functions only: no clock, no I/O.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum

LEFT_OUT = "[left out: pseudonymised]"
"""What stands in place of free text (notes, reasons, dissent) in a pseudonymised output."""

HEADING = "Pseudonymised"
"""The word every pseudonymised output shows in its heading or footer."""

# Words of a name that are not part of who the person is: "Mr and Mrs Lee" -> "L."
_SKIPPED = frozenset({"and", "&", "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "rev"})


def initials(name: str) -> str:
    """The initials of ``name``, each followed by a full stop: "Ann Example" -> "A.E.",
    "Anne-Marie O'Neil" -> "A.M.O.", "Mr and Mrs Lee" -> "L."; "" for a blank name.

    Titles and "and" are dropped (they say nothing about who is meant); a word with no letter
    (a number, a dash) gives no initial. Every initial is one letter, so the result never
    holds a word of two or more letters from the name."""
    letters = []
    for word in name.replace("-", " ").split():
        bare = word.strip(".,;:()'\"").casefold()
        if bare in _SKIPPED:
            continue
        first = next((ch for ch in word if ch.isalpha()), "")
        if first:
            letters.append(first.upper()[:1] + ".")
    return "".join(letters)


def month_year(day: date | None) -> str:
    """A date of birth reduced to month and year, UK order: "03/2015"; "" for None."""
    if day is None:
        return ""
    return f"{day.month:02d}/{day.year:04d}"


def first_of_month(day: date) -> date:
    """The first day of ``day``'s month: where a date must stay a date (a record kept in
    memory, a spreadsheet cell), the day of birth is not kept either."""
    return day.replace(day=1)


def free_text(text: str) -> str:
    """Free text as a pseudonymised output keeps it: :data:`LEFT_OUT` in place of any words,
    "" when there were none (so "none recorded" still reads true)."""
    return LEFT_OUT if text.strip() else ""


class Personal(StrEnum):
    """What personal data a column of a table holds, so that a pseudonymised export knows
    what to do with it without reading its header (a renamed header cannot let it slip
    through). A column holding none has no kind; IDs and staff names have none and are kept."""

    CHILD_NAME = "child name"  # "Ann Example" -> "A.E."
    CHILD_ID_AND_NAME = "child ID and name"  # "P1 Ann Example" -> "P1 A.E." (the ID first)
    CARER_NAME = "carer name"  # "Mr and Mrs Lee" -> "L."
    DATE_OF_BIRTH = "date of birth"  # a date -> "03/2015"
    FREE_TEXT = "free text"  # notes, changes: the column is left out


def pseudonymised_value(kind: Personal | None, value: object) -> object:
    """``value`` of a column of ``kind`` as a pseudonymised export writes it (a
    :data:`Personal.FREE_TEXT` column is left out whole by the caller; its cells read
    :data:`LEFT_OUT` here). A date of birth becomes the words "03/2015", never a date, so no
    spreadsheet shows it as a day."""
    if kind is None or value is None or value == "":
        return value
    if kind is Personal.DATE_OF_BIRTH:
        return _month_year_of(value)
    if kind is Personal.FREE_TEXT:
        return free_text(str(value))
    words = str(value)
    if kind is Personal.CHILD_ID_AND_NAME:
        child_id, _, name = words.strip().partition(" ")
        return f"{child_id} {initials(name)}".strip()
    return initials(words)


def _month_year_of(value: object) -> object:
    if isinstance(value, datetime):
        return month_year(value.date())
    if isinstance(value, date):
        return month_year(value)
    found = _UK_DATE.fullmatch(str(value).strip())
    if found:  # a date of birth written as words, "10/01/2012"
        return f"{int(found[2]):02d}/{found[3]}"
    return value


_UK_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
