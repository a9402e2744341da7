"""Spreadsheet import: values read as people type them, and refused with a message saying what
is wrong and how to fix it when they cannot be read without guessing."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from permanence_tracker.domain.codes import PLAN_TYPES
from permanence_tracker.services import reference
from permanence_tracker.services.imports.spreadsheet.values import (
    ValueProblem,
    column_date_order,
    legal_status,
    match_iro,
    parse_date,
    plan_type,
    yes_no,
)

MARCH_3 = date(2025, 3, 3)


# --- dates -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    (MARCH_3, MARCH_3),
    (datetime(2025, 3, 3, 14, 30), MARCH_3),
    (45719, MARCH_3),
    (45719.75, MARCH_3),  # a serial with a time of day
    ("45719", MARCH_3),  # a serial a CSV kept as text
    (1, date(1900, 1, 1)),
    (59, date(1900, 2, 28)),
    (61, date(1900, 3, 1)),
    ("03/03/2025", MARCH_3),
    ("3/3/25", MARCH_3),
    ("3.3.2025", MARCH_3),
    ("03-03-2025", MARCH_3),
    ("2025-03-03", MARCH_3),
    ("2025-03-03T00:00:00", MARCH_3),
    ("03/03/2025 00:00", MARCH_3),
    ("3 March 2025", MARCH_3),
    ("3rd March 2025", MARCH_3),
    ("3rd march, 2025", MARCH_3),
    ("03-Mar-2025", MARCH_3),
    ("3 Mar 25", MARCH_3),
    ("Mar 3 2025", MARCH_3),
    ("March 3rd, 2025", MARCH_3),
    ("Monday 3 March 2025", MARCH_3),
    ("  25/12/2024 ", date(2024, 12, 25)),
    ("03/04/25", date(2025, 4, 3)),  # day first unless the column says otherwise
    ("1/2/50", date(2050, 2, 1)),  # two-digit years up to 50 are this century
    ("1/2/51", date(1951, 2, 1)),
    ("29/02/2024", date(2024, 2, 29)),
])
def test_dates_as_people_type_them(value, expected):
    assert parse_date(value) == expected


def test_month_first_when_the_column_says_so():
    assert parse_date("03/25/2025", "mdy") == date(2025, 3, 25)
    assert parse_date("3 March 2025", "mdy") == MARCH_3  # a month name is never in doubt


def test_the_two_digit_year_pivot_may_be_given():
    assert parse_date("1/2/30", pivot=20) == date(1930, 2, 1)


@pytest.mark.parametrize(("value", "words"), [
    (60, "29/02/1900, which never existed"),
    ("60.0", "is not a date"),
    ("31/02/2025", "February 2025 has 28 days): correct the day"),
    ("29/02/2025", "February 2025 has 28 days"),
    ("03/25/2025", "month 25, which does not exist (the day comes first)"),
    ("soon", "'soon' is not a date: write it as dd/mm/yyyy"),
    ("", "blank"),
    (None, "blank"),
    (True, "not a date"),
    (0, "is a number, not a date"),
    (-3, "is a number, not a date"),
    (float("nan"), "not a date"),
    (20250303, "is a number, not a date"),
    ("3 Smarch 2025", "is not a date"),
    ("03/03/0025", "has the year 25: check it"),
    ("03/03/2025/1", "is not a date"),
    ("2025-13-01", "month 13"),
])
def test_a_date_that_cannot_be_read_says_why_and_how_to_fix_it(value, words):
    with pytest.raises(ValueProblem) as caught:
        parse_date(value)
    assert words in str(caught.value)


def test_a_bad_month_first_date_says_the_column_is_month_first():
    with pytest.raises(ValueProblem, match="this column is month first"):
        parse_date("25/03/2025", "mdy")


@pytest.mark.parametrize(("values", "order"), [
    (["03/04/2025", "25/03/2025", None, MARCH_3, 45719], "dmy"),
    (["03/04/2025", "05/06/2025"], "dmy"),  # all could be either: the UK way
    ([], "dmy"),
    (["3 March 2025", "2025-03-25"], "dmy"),  # no numeric day/month to go by
    (["03/04/2025", "03/25/2025"], "mdy"),  # US order: the caller flags it
])
def test_column_date_order(values, order):
    assert column_date_order(values) == order


def test_a_column_mixing_both_orders_is_a_problem_naming_both():
    with pytest.raises(ValueProblem) as caught:
        column_date_order(["25/03/2025", "03/04/2025", "03/25/2025"])
    message = str(caught.value)
    assert "'25/03/2025'" in message and "'03/25/2025'" in message and "dd/mm/yyyy" in message


_DATES = st.dates(min_value=date(1900, 3, 1), max_value=date(2199, 12, 31))


@given(_DATES)
def test_any_date_written_dd_mm_yyyy_reads_back(day):
    assert parse_date(f"{day.day:02d}/{day.month:02d}/{day.year}") == day


@given(_DATES)
def test_any_date_written_month_first_reads_back_in_an_mdy_column(day):
    text = f"{day.month:02d}/{day.day:02d}/{day.year}"
    order = column_date_order([text, "12/25/2024"])  # one value shows the month comes first
    assert order == "mdy"
    assert parse_date(text, order) == day


@given(_DATES)
def test_any_iso_date_reads_back(day):
    assert parse_date(day.isoformat()) == day


@given(_DATES)
def test_any_date_written_d_m_yyyy_reads_back(day):
    assert parse_date(f"{day.day}.{day.month}.{day.year}") == day


@given(_DATES)
def test_any_excel_serial_reads_back(day):
    serial = (day - date(1899, 12, 30)).days
    assert parse_date(serial) == day
    assert parse_date(float(serial)) == day


@given(_DATES)
def test_any_date_written_in_words_reads_back(day):
    assert parse_date(day.strftime("%d %B %Y")) == day
    assert parse_date(day.strftime("%b %d %Y")) == day


@given(st.dates(min_value=date(1951, 1, 1), max_value=date(2050, 12, 31)))
def test_two_digit_years_read_back_in_their_century(day):
    assert parse_date(f"{day.day}/{day.month}/{day.year % 100:02d}") == day


def test_a_date_is_never_shifted_by_a_day():
    assert parse_date(45718) == MARCH_3 - timedelta(days=1)


# --- legal statuses ----------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "code"), [
    ("S20", "V2"), ("Section 20", "V2"), ("s.20", "V2"), ("s 20", "V2"), ("V2", "V2"),
    ("ICO", "C1"), ("Interim Care Order", "C1"), ("interim care order (s38)", "C1"),
    ("Full Care Order", "C2"), ("FCO", "C2"), ("Care order", "C2"), ("C2", "C2"),
    ("Placement Order", "E1"), ("PO", "E1"), ("E1", "E1"), ("Placement order granted", "E1"),
    ("EPO", "L2"), ("Emergency protection order", "L2"),
    ("Police protection", "L1"), ("PP", "L1"),
    ("Freeing order", "D1"), ("Remand", "J1"),
    ("Short breaks (episodes)", "V3"), ("Short breaks (agreement)", "V4"),
    ("  c1 ", "C1"), ("fco.", "C2"),
])
def test_legal_statuses_as_typed(typed, code):
    assert legal_status(typed) == code


@pytest.mark.parametrize("code", reference.codes("LS"))
def test_every_903_legal_status_code_is_itself(code):
    assert legal_status(code) == code
    assert legal_status(code.lower()) == code


def test_short_breaks_alone_asks_which():
    with pytest.raises(ValueProblem) as caught:
        legal_status("Short breaks")
    assert "V3" in str(caught.value) and "V4" in str(caught.value)


@pytest.mark.parametrize("typed", ["Foster", "X9", "Care", ""])
def test_an_unknown_legal_status_says_how_to_write_one(typed):
    with pytest.raises(ValueProblem) as caught:
        legal_status(typed)
    assert "903 code (C1, C2, E1, V2…)" in str(caught.value)


def test_the_unknown_legal_status_message():
    with pytest.raises(ValueProblem) as caught:
        legal_status("Foster")
    assert str(caught.value) == ("'Foster' is not a legal status: use a 903 code (C1, C2, E1, "
                                 "V2…) or a name such as 'Interim care order'")


# --- yes / no ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "answer"), [
    ("Y", True), ("Yes", True), ("yes.", True), ("YES", True), ("y", True), ("True", True),
    ("1", True), ("✓", True), (True, True), (1, True), (1.0, True), (" yes ", True),
    ("N", False), ("No", False), ("no", False), ("False", False), ("0", False),
    (False, False), (0, False), ("NO.", False),
    ("n/a", None), ("N/A", None), ("-", None), ("", None), (None, None), ("  ", None),
])
def test_yes_no_as_typed(typed, answer):
    assert yes_no(typed) is answer


@pytest.mark.parametrize("typed", ["maybe", "X", 2, "yes no"])
def test_anything_else_is_not_yes_or_no(typed):
    with pytest.raises(ValueProblem, match="is not yes or no: write Y, N or n/a"):
        yes_no(typed)


# --- plan types --------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "plan"), [
    ("LTF", "Long-term fostering"), ("Long term fostering", "Long-term fostering"),
    ("long-term foster care", "Long-term fostering"),
    ("LONG-TERM FOSTERING", "Long-term fostering"),
    ("SGO", "SGO/CAO"), ("Special guardianship", "SGO/CAO"),
    ("CAO", "SGO/CAO"), ("Child arrangements order", "SGO/CAO"),
    ("Adoption", "Adoption"), ("Adopt", "Adoption"), ("adoption.", "Adoption"),
    ("Return home", "Return to family"), ("Reunification", "Return to family"),
    ("Home to parents", "Return to family"),
    ("Supported living", "Supported living in the community"),
    ("Other", "Other"), ("sgo / cao", "SGO/CAO"),
])
def test_plan_types_as_typed(typed, plan):
    assert plan_type(typed, PLAN_TYPES) == plan


def test_plan_synonyms_find_the_authoritys_own_names():
    types = ("Reunification with parents", "Adoption", "Special Guardianship Order",
             "Child Arrangements Order", "LTF")
    assert plan_type("Return home", types) == "Reunification with parents"
    assert plan_type("SGO", types) == "Special Guardianship Order"
    assert plan_type("CAO", types) == "Child Arrangements Order"
    assert plan_type("Long term fostering", types) == "LTF"


@pytest.mark.parametrize("typed", ["Kinship", "Long term", ""])
def test_an_unknown_plan_type_lists_the_plan_types(typed):
    with pytest.raises(ValueProblem) as caught:
        plan_type(typed, PLAN_TYPES)
    assert ", ".join(PLAN_TYPES) in str(caught.value)


def test_a_synonym_fitting_two_plan_types_is_a_problem():
    with pytest.raises(ValueProblem, match="could be any of SGO, SGO with support"):
        plan_type("Special guardianship", ("SGO", "SGO with support", "Adoption"))


def test_a_synonym_the_authority_has_no_type_for_is_a_problem():
    with pytest.raises(ValueProblem, match="is not one of this tracker's plan types"):
        plan_type("CAO", ("Adoption", "Other"))


# --- IROs --------------------------------------------------------------------------------------

KNOWN = ("Jane Smith", "Ali Khan", "Priya Patel", "Paul Patel")


@pytest.mark.parametrize(("typed", "name"), [
    ("Jane Smith", "Jane Smith"), ("  jane   SMITH ", "Jane Smith"),
    ("J Smith", "Jane Smith"), ("J. Smith", "Jane Smith"), ("j.smith", "Jane Smith"),
    ("A Khan", "Ali Khan"),
    ("  Sam   Jones ", "Sam Jones"),  # a new IRO, cleaned
    ("K Smith", "K Smith"),  # no known IRO with that initial: a new one
    ("", ""), (None, ""),
])
def test_iro_names_as_typed(typed, name):
    assert match_iro(typed, KNOWN) == name


def test_an_initial_two_known_iros_fit_is_a_problem():
    with pytest.raises(ValueProblem) as caught:
        match_iro("P Patel", KNOWN)
    message = str(caught.value)
    assert "Priya Patel" in message and "Paul Patel" in message and "full name" in message
