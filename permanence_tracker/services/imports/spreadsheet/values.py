"""Reading one spreadsheet value as people actually type it: dates in any common style, legal
statuses by name or 903 code, yes/no, plan types and IRO names. Each reader returns the value
the tracker stores or raises :class:`ValueProblem`, whose text says what is wrong and how to
fix it. Nothing ambiguous is guessed.

Dates: a two-digit year ``yy`` is 20yy when yy <= ``TWO_DIGIT_YEAR_PIVOT`` (50), else 19yy (a
looked-after child's dates fall this century; the caller may pass another pivot). Excel serial
numbers are read in the 1900 date system, whose serial 60 is 29/02/1900, a day that never was.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from permanence_tracker.services import reference

TWO_DIGIT_YEAR_PIVOT = 50
FIRST_YEAR, LAST_YEAR = 1900, 2199  # outside these a year is a typing slip ("0025")
DATE_HINT = "write it as dd/mm/yyyy, e.g. 03/03/2025"


class ValueProblem(ValueError):
    """A value that cannot be read; ``str()`` is the message for people: what and how to fix."""


# --- dates -------------------------------------------------------------------------------------

_MONTHS = {name.lower(): i for i, name in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"), 1)}
_MONTHS.update({name[:3]: i for name, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>[a-z]+)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4}|\d{2})"
_TIME = r"(?:[ t]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"  # a midnight time a CSV may carry
_ISO = re.compile(r"^(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})" + _TIME + "$")
_NUMERIC = re.compile(r"^(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)" + _YEAR + _TIME
                      + "$")
_NAMED = (  # "3 March 2025", "3rd Mar 25", "03-Mar-2025"; "Mar 3 2025", "March 3rd, 2025"
    re.compile(rf"^(?:[a-z]+,? )?{_DAY}[ \-/]{_MONTH}[ \-/,]+{_YEAR}{_TIME}$"),
    re.compile(rf"^(?:[a-z]+,? )?{_MONTH}[ \-/]{_DAY},?[ \-/]+{_YEAR}{_TIME}$"),
)
_SERIAL_TEXT = re.compile(r"^\d{5}(?:\.\d+)?$")  # a serial number a CSV kept as text
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 61 = 01/03/1900: the epoch allows for day 60
_MAX_SERIAL = (date(LAST_YEAR, 12, 31) - _EXCEL_EPOCH).days


def _from_serial(value: float, shown: str) -> date:
    if not math.isfinite(value):
        raise ValueProblem(f"{shown} is not a date: {DATE_HINT}")
    serial = int(value)  # a fraction is the time of day
    if serial == 60:
        raise ValueProblem(f"{shown} is Excel's day 29/02/1900, which never existed: "
                           f"{DATE_HINT}")
    if not 1 <= serial <= _MAX_SERIAL:
        raise ValueProblem(f"{shown} is a number, not a date: {DATE_HINT}")
    return _EXCEL_EPOCH + timedelta(days=serial + (1 if serial < 60 else 0))


def _year(text: str, pivot: int) -> int:
    if len(text) == 4:
        return int(text)
    yy = int(text)
    return 2000 + yy if yy <= pivot else 1900 + yy


def _checked(year: int, month: int, day: int, shown: str, order_hint: str = "") -> date:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueProblem(f"{shown} has the year {year}: check it and write it in full, "
                           "e.g. 03/03/2025")
    if not 1 <= month <= 12:
        raise ValueProblem(f"{shown} has month {month}, which does not exist{order_hint}: "
                           f"{DATE_HINT}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ValueProblem(f"{shown} is not a real date ({calendar.month_name[month]} {year} "
                           f"has {last} days): correct the day")
    return date(year, month, day)


def parse_date(value: object, order: str = "dmy", *, pivot: int = TWO_DIGIT_YEAR_PIVOT) -> date:
    """The date a cell holds: a date or datetime cell, an Excel serial number (1900 system),
    or text as dd/mm/yyyy, d/m/yy, d.m.yyyy, dd-mm-yyyy, ISO yyyy-mm-dd, "3 March 2025",
    "3rd March 2025" or "Mar 3 2025". ``order`` ("dmy" or "mdy") says which of two numbers
    is the day; :func:`column_date_order` finds it for a whole column."""
    if order not in ("dmy", "mdy"):
        raise ValueError(f"order must be 'dmy' or 'mdy', not {order!r}")
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueProblem(f"the date is blank: {DATE_HINT}")
    if isinstance(value, bool):
        raise ValueProblem(f"{value} is not a date: {DATE_HINT}")
    if isinstance(value, int | float):
        return _from_serial(value, repr(value))
    text = str(value).strip()
    shown = repr(text)
    lowered = text.lower()
    if _SERIAL_TEXT.match(lowered):
        return _from_serial(float(lowered), shown)
    match = _ISO.match(lowered)
    if match:
        return _checked(int(match["year"]), int(match["month"]), int(match["day"]), shown)
    match = _NUMERIC.match(lowered)
    if match:
        first, second = int(match["a"]), int(match["b"])
        day, month = (first, second) if order == "dmy" else (second, first)
        hint = " (the day comes first)" if order == "dmy" else " (this column is month first)"
        return _checked(_year(match["year"], pivot), month, day, shown, hint)
    for pattern in _NAMED:
        match = pattern.match(lowered)
        if match:
            month_number = _MONTHS.get(match["month"])
            if month_number is None:
                continue
            return _checked(_year(match["year"], pivot), month_number, int(match["day"]), shown)
    raise ValueProblem(f"{shown} is not a date: {DATE_HINT}")


def column_date_order(values: Iterable[object]) -> str:
    """Whether a column's numeric dates are day first ("dmy") or month first ("mdy").

    A value like 25/03/2025 proves day first, 03/25/2025 month first; a column with only
    values like 03/04/2025 is read day first (the UK way). Returns "mdy" for a US-order column
    (the caller flags it: it is never read silently); a column holding both raises.
    """
    day_first: str | None = None
    month_first: str | None = None
    for value in values:
        if not isinstance(value, str):
            continue
        match = _NUMERIC.match(value.strip().lower())
        if not match:
            continue
        first, second = int(match["a"]), int(match["b"])
        if first > 12 >= second and day_first is None:
            day_first = value.strip()
        elif second > 12 >= first and month_first is None:
            month_first = value.strip()
    if day_first is not None and month_first is not None:
        raise ValueProblem(f"this column mixes day-first dates such as {day_first!r} with "
                           f"month-first dates such as {month_first!r}: write every date as "
                           "dd/mm/yyyy")
    return "mdy" if month_first is not None else "dmy"


# --- words -------------------------------------------------------------------------------------

def _key(value: object) -> str:
    """Lower case, "&" as "and", with no punctuation or spacing: "s.20" -> "s20"."""
    return re.sub(r"[\W_]+", "", str(value).lower().replace("&", "and"))


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None else re.sub(r"\s+", " ", str(value)).strip()


# Legal statuses as typed, by 903 LS code (Children Act 1989 sections: s20 accommodation,
# s31 care order, s38 interim care order, s44 emergency protection order, s46 police
# protection; Adoption and Children Act 2002 s21 placement order). The code list's own
# labels and short labels are added from services.reference.
_LEGAL_STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "V2": ("S20", "Section 20", "S20 accommodation", "Section 20 accommodation",
           "Accommodated", "Voluntary accommodation", "Single period of accommodation"),
    "C1": ("ICO", "Interim Care Order", "Interim care order (s38)", "S38", "Section 38",
           "Interim"),
    "C2": ("Full Care Order", "FCO", "Care order", "Full order", "S31", "Section 31"),
    "E1": ("Placement Order", "PO", "Placement order (s21)", "S21 ACA"),
    "L2": ("EPO", "Emergency protection order", "S44", "Section 44"),
    "L1": ("Police protection", "PP", "Police powers of protection", "S46", "Section 46"),
    "D1": ("Freeing order", "Freed for adoption"),
    "J1": ("Remand", "Remanded", "Remanded to LA accommodation"),
    "J2": ("PACE", "PACE accommodation"),
    "J3": ("YRO", "Youth rehabilitation order"),
    "L3": ("Child assessment order", "S43", "Section 43"),
}
_AMBIGUOUS_LEGAL = {"shortbreaks": ("V3", "V4"), "shortbreak": ("V3", "V4"),
                    "respite": ("V3", "V4"), "shortbreakcare": ("V3", "V4")}
_LS_EXAMPLE = "use a 903 code (C1, C2, E1, V2…) or a name such as 'Interim care order'"


def _legal_status_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for code in reference.codes("LS"):
        for text in (reference.label("LS", code), reference.short_label("LS", code)):
            index.setdefault(_key(text), code)
    for code, words in _LEGAL_STATUS_WORDS.items():
        for text in words:
            index.setdefault(_key(text), code)
    return index


def legal_status(value: object) -> str:
    """The 903 legal status code (LS list) for a status as typed: a code ("C2", any case) or a
    name ("Full Care Order", "FCO", "s.20", "Interim care order (s38)")."""
    text = _cell_text(value)
    if not text:
        raise ValueProblem(f"the legal status is blank: {_LS_EXAMPLE}")
    codes = reference.codes("LS")
    if text.upper() in codes:
        return text.upper()
    index = _legal_status_index()
    unbracketed = re.sub(r"\([^)]*\)", " ", text)  # "Interim care order (s38)"
    for key in (_key(text), _key(unbracketed)):
        if key in index:
            return index[key]
        if key in _AMBIGUOUS_LEGAL:
            choices = " or ".join(f"{c} ({reference.short_label('LS', c)})"
                                  for c in _AMBIGUOUS_LEGAL[key])
            raise ValueProblem(f"{text!r} could be either short-breaks status: write {choices}")
    raise ValueProblem(f"{text!r} is not a legal status: {_LS_EXAMPLE}")


_YES = frozenset({"y", "yes", "true", "1", "✓", "✔", "☑"})
_NO = frozenset({"n", "no", "false", "0", "✗", "✘"})
_NOT_APPLICABLE = frozenset({"", "n/a", "na", "n.a", "-", "–", "—", "not applicable"})


def yes_no(value: object) -> bool | None:
    """True for Y/Yes/yes./True/1/✓, False for N/No/False/0, None for n/a, "-" or blank."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = _cell_text(value).lower().rstrip(".!").strip()
    if text in _YES:
        return True
    if text in _NO:
        return False
    if text in _NOT_APPLICABLE:
        return None
    raise ValueProblem(f"{_cell_text(value)!r} is not yes or no: write Y, N or n/a")


# Plan types as typed, by what they mean; each meaning finds the authority's plan type whose
# name carries one of its marks (the default list's "SGO/CAO" serves both SGO and CAO).
_PLAN_MEANINGS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # meaning: (typed words, marks of the authority's plan type name)
    "long-term fostering": (("LTF", "Long term fostering", "Long-term foster care",
                             "Long term foster", "Permanent fostering", "LT fostering"),
                            ("longtermfoster", "ltf")),
    "special guardianship": (("SGO", "Special guardianship", "Special guardianship order"),
                             ("sgo", "specialguardianship")),
    "adoption": (("Adoption", "Adopt", "Adopted", "Placement for adoption"), ("adopt",)),
    "return home": (("Return home", "Reunification", "Home to parents", "Return to parents",
                     "Return to family", "Rehabilitation home", "Rehab home"),
                    ("return", "reunif", "hometoparent")),
    "child arrangements order": (("CAO", "Child arrangements order",
                                  "Child arrangement order", "Residence order"),
                                 ("cao", "childarrangement")),
}


def plan_type(value: object, plan_types: Sequence[str]) -> str:
    """The authority's plan type (Settings.plan_types) that a typed plan names, ignoring case
    and punctuation: its own name, a unique start of it ("Supported living"), or a usual
    synonym ("LTF", "SGO", "Reunification", "CAO")."""
    text = _cell_text(value)
    listed = ", ".join(plan_types)
    if not text:
        raise ValueProblem(f"the plan type is blank: write one of {listed}")
    key = _key(text)
    # A listed type that is only punctuation or spaces has no key: "-" must not match it.
    by_key = {k: p for p in plan_types if (k := _key(p))}
    if key in by_key:
        return by_key[key]
    for words, marks in _PLAN_MEANINGS.values():
        if key in {_key(w) for w in words}:
            found = [p for p in plan_types if any(m in _key(p) for m in marks)]
            if len(found) == 1:
                return found[0]
            if found:
                raise ValueProblem(f"{text!r} could be any of {', '.join(found)}: "
                                   "write the plan type in full")
            break
    if len(key) >= 6:
        starts = [p for k, p in by_key.items() if k.startswith(key)]
        if len(starts) == 1:
            return starts[0]
    raise ValueProblem(f"{text!r} is not one of this tracker's plan types: write one of "
                       f"{listed}")


def _name_key(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace(".", " ")).strip().lower()


def match_iro(value: object, known: Sequence[str]) -> str:
    """The known IRO a typed name means, or the cleaned name of a new IRO ("" when blank).

    Spaces are stripped and collapsed and case ignored; "J Smith" or "J. Smith" means the one
    known IRO with that initial and surname, and is a problem when two known IROs fit.
    """
    text = _cell_text(value)
    if not text:
        return ""
    key = _name_key(text)
    for name in known:
        if _name_key(name) == key:
            return name
    parts = key.split(" ")
    if len(parts) >= 2 and len(parts[0]) == 1:
        initial, surname = parts[0], " ".join(parts[1:])
        fits = [name for name in known
                if (k := _name_key(name).split(" "))[0].startswith(initial) and len(k) >= 2
                and " ".join(k[1:]) == surname]
        if len(fits) == 1:
            return fits[0]
        if fits:
            raise ValueProblem(f"{text!r} could be {' or '.join(fits)}: write the IRO's full "
                               "name")
    return text
