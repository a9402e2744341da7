"""The fields a tracker spreadsheet's columns map to, the header names councils give them, and
the automatic mapping of a sheet's headers to fields (the user maps or ignores the rest).

Headers are compared after :func:`normalise_header` (case, spacing and punctuation ignored).
Ordinal forms ("2nd", "second", "Review 2") are kept as they are, and the fuzzy step never
matches two headers whose numbers differ, so a 2nd-review column is never taken for the 1st.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

FUZZY_RATIO = 0.9  # conservative: "Legal staus" maps, "Review 3" never becomes "Review 2"
MAX_REVIEW = 12  # review_1 .. review_12 as separate columns


@dataclass(frozen=True)
class Field:
    """One thing a column can hold. ``kind`` says how its values are read: text, date, dates
    (several review dates), sex, legal_status, yes_no, plan_type or iro."""

    name: str
    label: str  # for people, e.g. in the mapping step
    kind: str
    synonyms: tuple[str, ...]  # headers as councils write them

    @property
    def many(self) -> bool:
        """Whether several columns may map to this field (one per review date)."""
        return self.kind == "dates"


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "eleventh", "twelfth")


def _nth(n: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n if n < 20 else n % 10, "th")
    return f"{n}{suffix}"


def _review_synonyms(n: int) -> tuple[str, ...]:
    nth, word = _nth(n), _ORDINALS[n - 1]
    return (f"{nth} LAC review", f"{nth} review", f"{nth} review date", f"{nth} LAC review date",
            f"{word} review", f"{word} review date", f"{word} LAC review",
            f"{word} LAC review date", f"Review {n}", f"Review {n} date", f"LAC review {n}",
            f"Date of {nth} review", f"Date of {word} review", f"{nth} CLA review",
            f"{word} CLA review", f"CLA review {n}")


def _fields() -> dict[str, Field]:
    fields = [
        Field("child_id", "Child ID", "text", (
            "Child ID", "LCS ID", "ID", "Child No", "Child number", "CHILD", "Mosaic ID",
            "Liquidlogic ID", "ICS ID", "Eclipse ID", "Person ID", "Case number", "Child ref",
            "Child reference")),
        Field("forename", "Forename", "text", (
            "Forename", "Forenames", "First name", "Given name", "Christian name")),
        Field("surname", "Surname", "text", ("Surname", "Last name", "Family name")),
        Field("name", "Name (in one column)", "text", (
            "Name", "Child name", "Child's name", "Full name", "Name of child")),
        Field("dob", "Date of birth", "date", (
            "DOB", "Date of birth", "D.O.B.", "Birth date", "Birthdate", "Child DOB")),
        Field("sex", "Sex", "sex", ("Sex", "Gender")),
        Field("legal_status", "Legal status", "legal_status", (
            "Legal Status", "LS", "Legal status (current)", "Current legal status",
            "Legal")),
        Field("looked_after_from", "Date became looked after", "date", (
            "Date became LAC", "LAC start", "Date entered care", "Date looked after",
            "Date became looked after", "Date became CLA", "LAC start date", "CLA start",
            "Date LAC", "LAC date", "Care start date", "Date into care", "Entered care")),
    ]
    fields += [Field(f"review_{n}", f"{_nth(n)} review", "date", _review_synonyms(n))
               for n in range(1, MAX_REVIEW + 1)]
    fields += [
        Field("reviews", "Review dates (several, or one column per review)", "dates", (
            "Review date", "Review dates", "Reviews", "Review", "LAC review", "LAC reviews",
            "LAC review date", "LAC review dates", "CLA review", "Date of review",
            "Further reviews", "Subsequent reviews")),
        Field("plan_yes_no", "Permanence plan (yes/no)", "yes_no", (
            "Permanence plan (Y/N)", "Plan in place", "Permanence plan in place", "Plan (Y/N)",
            "Plan Y/N", "Has permanence plan")),
        Field("plan_type", "Plan type", "plan_type", (
            "Permanence plan", "Plan type", "Primary plan", "Permanence plan type",
            "Type of plan", "Plan")),
        Field("parallel_plan", "Parallel plan", "plan_type", (
            "Parallel plan", "Contingency plan", "Parallel permanence plan", "Twin track plan")),
        Field("plan_agreed", "Date plan agreed", "date", (
            "Date plan agreed", "Plan agreed", "Plan agreed date", "Date permanence plan agreed",
            "Permanence plan agreed", "Date of plan")),
        Field("iro", "IRO", "iro", (
            "IRO", "Independent Reviewing Officer", "IRO name", "Allocated IRO")),
        Field("social_worker", "Social worker", "text", (
            "Social worker", "SW", "Allocated worker", "Allocated social worker",
            "Social worker name")),
        Field("team", "Team or locality", "text", ("Team", "Locality", "Area", "SW team")),
        Field("placement", "Placement type", "text", (
            "Placement", "Placement type", "Type of placement", "Current placement")),
        Field("monitoring_outcome", "Monitoring outcome", "text", (
            "Monitoring outcome", "Outcome", "Monitoring")),
        Field("panel_date", "Panel date", "date", ("Panel date", "Date of panel", "Panel")),
        Field("comments", "Comments", "text", ("Comments", "Notes", "Comment", "Note")),
    ]
    return {f.name: f for f in fields}


FIELDS: dict[str, Field] = _fields()


def normalise_header(text: str) -> str:
    """``"Legal status (current)"`` -> ``"legalstatuscurrent"``: lower case, "&" as "and",
    no punctuation or spacing. Ordinals stay as written ("2nd", "second")."""
    return re.sub(r"[\W_]+", "", str(text).lower().replace("&", "and"))


def _synonym_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for field in FIELDS.values():
        for synonym in (field.label, *field.synonyms):
            index.setdefault(normalise_header(synonym), field.name)
    return index


_SYNONYMS = _synonym_index()
_NUMBER = re.compile(r"\d+|" + "|".join(sorted(_ORDINALS, key=len, reverse=True)))


def _numbers(key: str) -> tuple[str, ...]:
    """The numbers a normalised header carries, ordinal words as digits ("second" -> "2")."""
    words = {w: str(i) for i, w in enumerate(_ORDINALS, 1)}
    return tuple(words.get(m, m) for m in _NUMBER.findall(key))


def _fuzzy(key: str) -> str | None:
    """The one field a header nearly matches (ratio >= FUZZY_RATIO, same numbers), else None."""
    best: dict[str, float] = {}
    for synonym, name in _SYNONYMS.items():
        if _numbers(synonym) != _numbers(key):
            continue
        ratio = SequenceMatcher(None, key, synonym).ratio()
        if ratio >= FUZZY_RATIO:
            best[name] = max(best.get(name, 0.0), ratio)
    if not best:
        return None
    top = max(best.values())
    winners = [name for name, ratio in best.items() if ratio == top]
    return winners[0] if len(winners) == 1 else None  # a tie is a guess: leave it to the user


def auto_map(headers: Sequence[str | None]) -> dict[int, str]:
    """Column index -> field name for the headers recognised; the rest are left out.

    Exact synonym matches are made first (left to right), then near misses. A single-valued
    field takes one column only: a second column for it stays unmapped for the user to decide.
    Repeated review headers ("Review date", "Review date", ...) all map to ``reviews``.
    """
    keys = [normalise_header(h) if h is not None else "" for h in headers]
    mapping: dict[int, str] = {}
    taken: set[str] = set()

    def take(index: int, name: str | None) -> None:
        if name is None or (name in taken and not FIELDS[name].many):
            return
        mapping[index] = name
        taken.add(name)

    for index, key in enumerate(keys):
        if key:
            take(index, _SYNONYMS.get(key))
    for index, key in enumerate(keys):
        if key and index not in mapping and key not in _SYNONYMS:
            take(index, _fuzzy(key))
    return mapping
