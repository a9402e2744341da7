"""Reading one cell at a time: dates, codes and required values, each with a precise reason.

903 dates are ``dd/mm/YYYY`` (DfE SSDA903 specification); ``YYYY-MM-DD`` is accepted too,
since spreadsheets often rewrite dates that way. Code values are matched ignoring case and
stored upper-case.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.services import reference
from permanence_tracker.services.imports.ssda903.model import Rejection, SourceFile, SourceRow

_DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
FORMAT_HINT = "write it as dd/mm/YYYY, e.g. 31/03/2026"


@lru_cache(maxsize=65536)
def _parse(text: str) -> date | str:
    match = _DMY.match(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = _ISO.match(text)
        if not match:
            return f"is not a date: {FORMAT_HINT}"
        year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        return f"has month {month}, which does not exist: {FORMAT_HINT} (day first)"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return (f"is not a real date ({calendar.month_name[month]} {year} has {last} days): "
                "correct the day")
    return date(year, month, day)


def parse_date(text: str) -> date | None:
    """The date in ``text``, or None when it is not a valid date."""
    result = _parse(text.strip())
    return result if isinstance(result, date) else None


class Cells:
    """One source row's cells, read by column; problems are collected, not raised."""

    def __init__(self, row: SourceRow, today: date) -> None:
        self.row = row
        self.today = today
        self.problems: list[Rejection] = []

    def problem(self, column: str, reason: str, value: str | None = None) -> None:
        value = self.row.values.get(column, "") if value is None else value
        self.problems.append(Rejection(self.row, column, value, reason))

    def text(self, column: str, required: bool = False, max_len: int | None = None) -> str:
        value = self.row.values.get(column, "")
        if required and not value:
            self.problem(column, f"{column} is required but empty: fill it in")
        elif max_len is not None and len(value) > max_len:
            self.problem(column, f"is longer than {max_len} characters: shorten it")
            return ""
        return value

    def date(self, column: str, required: bool = False, future_ok: bool = False) -> date | None:
        value = self.text(column, required)
        if not value:
            return None
        result = _parse(value)
        if isinstance(result, str):
            self.problem(column, f"{value!r} {result}")
            return None
        if not future_ok and result > self.today:
            self.problem(column, f"{value} is in the future (after {uk_date(self.today)}): "
                                 "correct the date")
            return None
        return result

    def code(self, column: str, list_name: str, years: Iterable[int] | None = None,
             required: bool = False) -> str:
        """A code of ``list_name`` valid in one of ``years`` (any year when None)."""
        value = self.text(column, required).upper()
        if not value:
            return ""
        spans = tuple(years) if years is not None else ()
        if not _valid(list_name, value, spans):
            self.problem(column, reference.explain(list_name, value, spans))
            return ""
        return value


@lru_cache(maxsize=4096)
def _valid(list_name: str, code: str, years: tuple[int, ...]) -> bool:
    if not years:
        return code in reference.code_list(list_name)
    return reference.valid_in_any(list_name, code, years)


def row_years(source: SourceFile, *days: date | None) -> tuple[int, ...] | None:
    """The collection years whose code lists a row's codes are checked against.

    A row is checked against the lists of the return it came from (its file's collection
    year), and also against the year of each of ``days``: the date a code applies from (an
    episode's DECOM, its DEC for REC, a review's date). So an open episode carried into later
    returns keeps the code it started with (H5 started in 2023-24 is still accepted in the
    2025-26 return), and a carried episode recoded to the new year's code is accepted too.
    None (any year's list) when the return's year is unknown and no date is given.
    An undated row of a return whose year no name gives is checked against every year the
    return can be (:attr:`SourceFile.latest_year`).
    """
    years = {reference.collection_year(day) for day in days if day is not None}
    if source.year and not source.year_guessed:
        years.add(source.year)
        if not days and source.latest_year:
            # An undated row (Header, UASC) of a return dated only by its events: any year
            # from the earliest it can be to the latest (see SourceFile.latest_year).
            years.update(range(source.year, source.latest_year + 1))
    return tuple(sorted(years)) or None
