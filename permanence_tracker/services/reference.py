"""Versioned SSDA903 code lists, loaded from the data files in ``db/reference/ssda903``: the one
place code labels are looked up (:func:`label`, :func:`short_label`, :func:`choices`).

Codes change between collection years (DfE SSDA903 guidance: e.g. placement types H5, P2 and
Z1 end with 2024-25 and Z11-Z14 start in 2025-26; special guardianship E43/E44 gave way to
E45-E48 in 2019-20). A collection year is named by the year it ends: 2026 = 2025-26.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from permanence_tracker.domain.codes import SEX_CODES, canonical_sex
from permanence_tracker.domain.measures import financial_year, financial_year_start
from permanence_tracker.paths import reference_dir


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    label: str
    first_year: int | None = None  # first collection year it is valid in (None: always)
    last_year: int | None = None  # last collection year it is valid in (None: still valid)
    short: str | None = None  # the words shown where the label is too long (None: the label)

    def valid_in(self, year: int) -> bool:
        return ((self.first_year is None or year >= self.first_year)
                and (self.last_year is None or year <= self.last_year))

    def years_text(self) -> str:
        if self.first_year and self.last_year:
            return f"from {year_text(self.first_year)} to {year_text(self.last_year)}"
        if self.last_year:
            return f"up to {year_text(self.last_year)}"
        if self.first_year:
            return f"from {year_text(self.first_year)}"
        return "in every year"


def year_text(year: int) -> str:
    """``2026`` -> ``2025-26`` (a collection year is named by the year it ends)."""
    return f"{year - 1}-{year % 100:02d}"


def collection_year(day: date) -> int:
    """The collection year (1 April to 31 March) that ``day`` falls in, named by its end: the
    financial year of ``domain.measures.financial_year_start`` (the one helper)."""
    return financial_year_start(day).year + 1


def collection_year_dates(year: int) -> tuple[date, date]:
    """1 April to 31 March (both included) of the collection year named ``year`` (its end)."""
    return financial_year(date(year, 3, 31))


@cache
def code_list(list_name: str) -> dict[str, Code]:
    """Every code ever in ``list_name`` (e.g. ``"PLACE"``), by code."""
    path = reference_dir() / "ssda903" / f"{list_name}.json"
    if not path.is_file():
        raise KeyError(f"no code list {list_name!r} in {path.parent}")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {c["code"]: Code(c["code"], c["label"], c.get("first_year"), c.get("last_year"),
                            c.get("short"))
            for c in data["codes"]}


def codes(list_name: str, collection_year: int | None = None) -> tuple[str, ...]:
    """The codes of a list valid in ``collection_year``; with no year, every code ever valid."""
    return tuple(c.code for c in code_list(list_name).values()
                 if collection_year is None or c.valid_in(collection_year))


def labels(list_name: str) -> dict[str, str]:
    return {c.code: c.label for c in code_list(list_name).values()}


def label(list_name: str, code: str, default: str = "") -> str:
    """The DfE label of ``code`` in ``list_name`` ("Full care order"); ``default`` when the
    code is not in the list (blank, or a code no year has)."""
    entry = code_list(list_name).get(code)
    return entry.label if entry is not None else default


def short_label(list_name: str, code: str, default: str = "") -> str:
    """The words shown for ``code`` where its label is too long: the list's ``short`` text
    ("Section 20 (single period)" for LS V2, "legal status change" for RNE L), else its label;
    ``default`` when the code is not in the list."""
    entry = code_list(list_name).get(code)
    if entry is None:
        return default
    return entry.short or entry.label


def sex_words(stored: str) -> str:
    """The words shown for a stored sex value, the SEX list's labels ("Male", "Female", "Not
    known"): any year's code ("1", "M") reads as the stored one (``domain.codes.canonical_sex``);
    "" when blank; a value that is no sex code shows as it is."""
    if not stored:
        return ""
    try:
        return label("SEX", canonical_sex(stored), stored)
    except ValueError:
        return stored


def sex_choices() -> tuple[tuple[str, str], ...]:
    """(stored code, words) for each value a child's sex is stored as (M, F, U, whatever the
    collection year: ``domain.codes.SEX_CODES``), for a front end to offer."""
    return tuple((code, label("SEX", code)) for code in SEX_CODES)


def valid_in_any(list_name: str, code: str, years: Iterable[int]) -> bool:
    """Whether ``code`` is in the list in at least one of ``years``."""
    entry = code_list(list_name).get(code)
    return entry is not None and any(entry.valid_in(y) for y in years)


def explain(list_name: str, code: str, years: Iterable[int] = (),
            dated: str = "the row's dates fall in") -> str:
    """Why ``code`` is not acceptable and what to use instead (import reports, dialogs).

    ``dated`` leads in to ``years``: "the row's dates fall in" (import), "the episode starts
    in" (record editing).
    """
    entry = code_list(list_name).get(code)
    spans = sorted(set(years))
    if entry is not None and spans:
        when = year_text(spans[0]) if len(spans) == 1 else \
            f"{year_text(spans[0])} to {year_text(spans[-1])}"
        current = ", ".join(codes(list_name, spans[-1]))
        return (f"{code!r} is in the {list_name} list only {entry.years_text()}, but "
                f"{dated} {when}: use a code of that year ({current})")
    return f"{code!r} is not in the {list_name} list: use one of {', '.join(codes(list_name))}"


def choices(list_name: str, collection_year: int | None = None,
            skip: Iterable[str] = ()) -> tuple[tuple[str, str], ...]:
    """(code, label) of the codes :func:`codes` gives, in the list's order, for a front end to
    offer; the labels are the reference data's own (``db/reference``), never restated."""
    names = labels(list_name)
    left_out = frozenset(skip)
    return tuple((code, names[code]) for code in codes(list_name, collection_year)
                 if code not in left_out)
