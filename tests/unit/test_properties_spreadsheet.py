"""Property tests (Hypothesis) for the spreadsheet import's reading and its saved mapping
rules: reading.read_sheet on generated CSV files (any bytes, and well-formed ones) and
workbooks, layout.find_table, preview.read_rows, mappings.checked_mapping and mapping_for.

Whatever the file or the rule holds, each gives its value or its own refusal
(:class:`SpreadsheetError`, :class:`ValidationError`, row problems naming the sheet's row and
column), never another exception; what a well-formed file holds is read back as written."""

from __future__ import annotations

import csv
import io
from contextlib import suppress
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from permanence_tracker.domain.entities import Settings
from permanence_tracker.domain.errors import ValidationError
from permanence_tracker.services.imports.spreadsheet.fields import (
    FIELDS,
    auto_map,
    normalise_header,
)
from permanence_tracker.services.imports.spreadsheet.layout import Table, find_table
from permanence_tracker.services.imports.spreadsheet.mappings import checked_mapping, mapping_for
from permanence_tracker.services.imports.spreadsheet.preview import read_rows
from permanence_tracker.services.imports.spreadsheet.reading import (
    RawSheet,
    SpreadsheetError,
    is_formula,
    read_sheet,
)

TODAY = date(2026, 3, 31)
FILES = settings(max_examples=40, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture])
FAST = settings(max_examples=120, deadline=None)
HEADERS = ["Child ID", "Forename", "Surname", "DOB", "Legal status", "Date became LAC",
           "Review 1", "Plan type", "IRO", "Comments", "Total", "", "Notes:"]
WORDS = ["K1", "Ann", "04/05/2015", "2015-05-04", "31/02/2016", "C2", "Care order", "S20",
         "Adoption", "J Smith", "Total", "=SUM(A1)", "-cmd|' /C calc'!A0", "12345", "n/a", ""]
CELLS = st.one_of(st.sampled_from(WORDS + HEADERS), st.text(max_size=12), st.integers(),
                  st.floats(allow_nan=False), st.booleans(), st.none(),
                  st.dates(date(1990, 1, 1), date(2030, 1, 1)))
PLAIN = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
                min_size=1, max_size=10).filter(lambda t: t.strip() == t and not is_formula(t))


def _file(tmp_path_factory, suffix: str) -> Path:
    return tmp_path_factory.mktemp("sheet") / f"t{suffix}"


# --- read_sheet -------------------------------------------------------------------------------

@FILES
@given(st.one_of(st.binary(max_size=300),
                 st.builds(bytes.__add__, st.sampled_from([b"\xff\xfe", b"\xfe\xff",
                                                           b"\xef\xbb\xbf", b"PK\x03\x04"]),
                           st.binary(max_size=60)),
                 st.text(max_size=200).map(lambda t: t.encode("utf-8"))),
       st.sampled_from([".csv", ".xlsx", ".xls"]))
@example(b"\xfe\xff\x00", ".csv")  # UTF-16 cut short: once a UnicodeDecodeError
def test_any_file_is_read_or_refused_with_a_spreadsheet_error(tmp_path_factory, data, suffix):
    path = _file(tmp_path_factory, suffix)
    path.write_bytes(data)
    try:
        sheet = read_sheet(path)
    except SpreadsheetError as exc:
        assert str(exc) and exc.file
    else:
        assert isinstance(sheet, RawSheet) and sheet.rows


@FILES
@given(st.lists(st.lists(PLAIN, min_size=3, max_size=3), min_size=1, max_size=6),
       st.sampled_from([",", ";", "\t"]), st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
def test_a_well_formed_csv_reads_back_as_written(tmp_path_factory, rows, delimiter, encoding):
    try:
        text_rows = [[cell.encode(encoding).decode(encoding) for cell in row] for row in rows]
    except UnicodeEncodeError:
        assume(False)
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(text_rows)
    data = buffer.getvalue().encode(encoding)
    if encoding == "cp1252":  # bytes that are UTF-8 too ("Â¡") are read as UTF-8, by design
        with suppress(UnicodeDecodeError):
            assume(data.decode("utf-8") == buffer.getvalue())
    path = _file(tmp_path_factory, ".csv")
    path.write_bytes(data)
    sheet = read_sheet(path)
    assert [list(map(str, r)) for r in sheet.rows] == text_rows or all(
        len(r) == 1 for r in text_rows)  # one column: no delimiter to tell apart


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(CELLS, min_size=1, max_size=4), min_size=1, max_size=5))
def test_a_generated_workbook_is_read_or_refused(tmp_path_factory, rows):
    workbook = Workbook()
    for row in rows:  # XML holds no control character: no workbook has one
        workbook.active.append([_no_control(c) if isinstance(c, str) else c for c in row])
    path = _file(tmp_path_factory, ".xlsx")
    workbook.save(path)
    try:
        sheet = read_sheet(path)
    except SpreadsheetError as exc:
        assert str(exc)
        return
    assert len(sheet.rows) <= len(rows)
    for row in sheet.rows:
        assert all(c is None or isinstance(c, str | int | float | bool | date) for c in row)


def _no_control(text: str) -> str:
    return "".join(c for c in text if c >= " " or c in "\t\n")


# --- find_table and read_rows -----------------------------------------------------------------

SHEETS = st.builds(RawSheet, st.just("Tracker"),
                   st.lists(st.lists(CELLS, max_size=7).map(tuple), max_size=8).map(tuple))


@FAST
@given(SHEETS)
def test_find_table_gives_a_table_or_a_spreadsheet_error(raw):
    try:
        table = find_table(raw)
    except SpreadsheetError as exc:
        assert "no recognisable header" in str(exc) and exc.sheet == "Tracker"
        return
    assert 1 <= table.header_row <= len(raw.rows)
    assert all(len(r.cells) == len(table.headers) for r in table.rows)
    numbers = [r.number for r in table.rows] + [n for n, _ in table.dropped]
    assert all(table.header_row < n <= len(raw.rows) for n in numbers)
    assert len(set(numbers)) == len(numbers)


@FAST
@given(st.lists(CELLS, max_size=3), st.lists(st.lists(st.sampled_from(WORDS), min_size=6,
                                                      max_size=6), min_size=1, max_size=4))
def test_a_header_row_below_a_title_is_found(title, body):
    headers = HEADERS[:6]
    raw = RawSheet("Tracker", (tuple(title), tuple(headers), *map(tuple, body)))
    assume(any(c not in (None, "") for c in title) or not title)
    table = find_table(raw)
    assert table.headers == tuple(headers)
    assert table.header_row == 2


TABLES = st.builds(
    lambda headers, rows: Table("Tracker", 1, tuple(headers),
                                tuple(_row(n, r, len(headers)) for n, r in enumerate(rows, 2)),
                                ()),
    st.lists(st.sampled_from(HEADERS[:10]), min_size=1, max_size=6, unique=True),
    st.lists(st.lists(CELLS, max_size=6), max_size=5))


def _row(number, cells, width):
    from permanence_tracker.services.imports.spreadsheet.layout import SourceRow
    return SourceRow(number, tuple((list(cells) + [None] * width)[:width]))


@FAST
@given(TABLES, st.lists(st.sampled_from(["J Smith", "A Khan"]), max_size=2))
def test_read_rows_gives_facts_and_problems_that_name_the_row_and_column(table, iros):
    mapping = auto_map(list(table.headers))
    facts, problems = read_rows(table, mapping, Settings(), iros, TODAY)
    assert [f.row for f in facts] == [r.number for r in table.rows]
    numbers = {r.number for r in table.rows}
    for p in problems:
        assert p.sheet == "Tracker" and p.row in numbers and p.message.strip()
        assert p.column in table.headers or p.column in FIELDS or p.column == "Child ID", p


# --- saved mapping rules ----------------------------------------------------------------------

FIELD_NAMES = st.sampled_from(sorted(FIELDS))
RULES = st.dictionaries(st.text(max_size=10), st.one_of(FIELD_NAMES, st.text(max_size=8)),
                        max_size=4)


@FAST
@given(st.text(max_size=12), RULES)
def test_checked_mapping_gives_the_name_or_a_validation_error(name, rule):
    try:
        kept = checked_mapping(name, rule)
    except ValidationError as exc:
        assert exc.problems and all(p.field in ("name", "mapping") and p.message
                                    for p in exc.problems)
        assert any(p.field == "name" for p in exc.problems) == (not name.strip())
        return
    assert kept == name.strip() and kept
    assert all(f in FIELDS for f in rule.values())


@FAST
@given(st.lists(st.text(max_size=10), max_size=6),
       st.dictionaries(st.text(max_size=6), RULES, max_size=3))
def test_mapping_for_offers_a_fitting_saved_rule_or_none(headers, saved):
    offered = mapping_for(headers, saved)
    if offered is None:
        return
    name, by_column = offered
    assert name in saved and saved[name]
    assert all(0 <= i < len(headers) and headers[i] for i in by_column)
    assert sorted(by_column.values()) == sorted(
        {normalise_header(h): f for h, f in saved[name].items()}.values())


@FAST
@given(st.lists(st.sampled_from(HEADERS[:10]), min_size=1, max_size=6, unique=True),
       st.data())
def test_a_rule_saved_from_a_sheet_is_offered_for_it_with_its_columns(headers, data):
    chosen = data.draw(st.lists(st.sampled_from(headers), min_size=1, unique=True))
    rule = {h: data.draw(FIELD_NAMES) for h in chosen}
    name = checked_mapping(" Children's tracker ", rule)
    moved = list(reversed(headers))  # columns may move between exports
    assert mapping_for([h.upper() for h in moved], {name: rule}) == (
        name, {moved.index(h): f for h, f in rule.items()})
