"""Property tests (Hypothesis) for the validators and the formula rule: the record checks,
the code checks, the settings' value readers and the command line's argument types give a
value or their own refusal, never another exception; the .xlsx and CSV writers never write a
cell a spreadsheet would run, and reading it back gives the original text."""

from __future__ import annotations

import argparse
from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from permanence_tracker.cli.arguments import collection_year, panel_id, positive
from permanence_tracker.domain.entities import Child
from permanence_tracker.domain.errors import Problem
from permanence_tracker.domain.validation import check_child
from permanence_tracker.services import reference
from permanence_tracker.services import settings as tracker_settings
from permanence_tracker.services.exports.excel import (
    FORMULA_STARTS,
    as_text_cell,
    looks_like_formula,
    write_xlsx,
)
from permanence_tracker.services.records.codes import code_problems

FAST = settings(max_examples=150)
TODAY = date(2026, 3, 31)
TEXT = st.one_of(st.text(max_size=20),
                 st.builds(str.__add__, st.sampled_from(FORMULA_STARTS), st.text(max_size=15)))


@FAST
@given(TEXT)
def test_a_text_cell_never_starts_a_formula_and_reads_back(text):
    cell = as_text_cell(text)
    assert not looks_like_formula(cell)
    read_back = cell[1:] if cell.startswith("'") and looks_like_formula(cell[1:]) else cell
    assert read_back == text


@settings(max_examples=25, deadline=None)  # writes and reads a workbook each time
@given(st.lists(st.one_of(TEXT, st.integers(-10**6, 10**6)), min_size=1, max_size=4))
def test_an_xlsx_cell_is_text_as_written(tmp_path_factory, values):
    # XML 1.0 cannot hold most control characters, and keeps no lone carriage return.
    values = [v.replace("\r", "") if isinstance(v, str) else v for v in values
              if not isinstance(v, str) or all(c >= " " or c in "\t\n" for c in v)]
    path = tmp_path_factory.mktemp("x") / "t.xlsx"
    write_xlsx(path, "T", [f"H{i}" for i in range(len(values))], [values], "OFFICIAL", TODAY,
               datetime(2026, 3, 31, 9, 0))
    row = list(load_workbook(path).active.iter_rows(min_row=5, max_row=5))[0]
    for cell, value in zip(row, values, strict=False):
        if isinstance(value, str) and value:
            assert cell.data_type == "s" and cell.value == value
        elif isinstance(value, int):
            assert cell.value == value


@FAST
@given(st.text(max_size=45), st.sampled_from(["", "M", "F", "U", "X", "1"]),
       st.text(max_size=14), st.dates(max_value=date(2030, 1, 1)))
def test_check_child_gives_problems_never_an_exception(child_id, sex, upn, dob):
    problems = check_child(Child(child_id, dob, sex=sex, upn=upn), TODAY)
    assert all(isinstance(p, Problem) and p.field and str(p) for p in problems)
    assert any(p.field == "dob" for p in problems) == (dob > TODAY)
    assert any(p.field == "child_id" for p in problems) == (
        not child_id.strip() or len(child_id) > 40)


LISTS = ["LS", "RNE", "PLACE", "REC", "REVIEW_CODE", "CIN", "PLACE_PROVIDER"]


@FAST
@given(st.sampled_from(LISTS), st.text(max_size=6), st.dates(date(2015, 1, 1), date(2027, 1, 1)))
def test_a_code_check_gives_problems_never_an_exception(list_name, code, on):
    problems = code_problems("field", list_name, code, on, "the record starts in")
    assert all(p.field == "field" and str(p) for p in problems)
    if not code:
        assert problems == []


@FAST
@given(st.sampled_from(LISTS), st.data())
def test_a_code_of_the_years_list_passes_its_check(list_name, data):
    on = data.draw(st.dates(date(2015, 4, 1), date(2026, 3, 31)))
    year = reference.collection_year(on)
    codes = [c for c in reference.codes(list_name)
             if reference.valid_in_any(list_name, c, (year,))]
    code = data.draw(st.sampled_from(codes))
    assert code_problems("f", list_name, code, on, "in") == []


READERS = {name: spec.read for name, spec in tracker_settings.SPECS.items()}


@FAST
@given(st.sampled_from(sorted(READERS)), st.text(max_size=40))
def test_a_setting_is_read_or_refused_with_its_own_error(name, text):
    try:
        value = READERS[name](text)
    except tracker_settings._Refused as exc:
        assert str(exc)
    else:
        # What was read is shown in the form it is read back from.
        assert READERS[name](tracker_settings._show(value)) == value


@FAST
@given(st.lists(st.text(st.characters(blacklist_characters=";\n\r"), min_size=1, max_size=20)
                .map(str.strip).filter(bool), min_size=1, max_size=6, unique_by=str.casefold))
def test_a_list_setting_reads_its_own_listing(items):
    read = READERS["plan_types"]
    if all(len(i) <= 60 for i in items):
        assert read(tracker_settings._show(tuple(items))) == tuple(items)


ARGUMENT_TYPES = [positive, panel_id, collection_year]


@FAST
@given(st.sampled_from(ARGUMENT_TYPES), st.text(max_size=12))
def test_a_command_line_argument_is_read_or_refused_with_an_argument_error(parse, text):
    try:
        value = parse(text)
    except argparse.ArgumentTypeError as exc:
        assert repr(text) in str(exc)
    else:
        assert isinstance(value, int) and value >= 0


@FAST
@given(st.integers(1, 10**9))
def test_whole_numbers_are_read_as_themselves(number):
    assert positive(str(number)) == number
    assert panel_id(str(number)) == number
    if number >= 1000 and number < 10_000:
        assert collection_year(str(number)) == number
