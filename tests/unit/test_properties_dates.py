"""Property tests (Hypothesis) for every date reader: the one formatter ``uk_date`` and its
inverses (the app's typed-date reader, the 903 import's, the spreadsheet import's, the
settings' and the command line's). Each reads back what ``uk_date`` writes, and refuses
anything else with its own error only, never another exception."""

from __future__ import annotations

import argparse
import re
from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from permanence_tracker.cli.arguments import iso_date
from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.gui.widgets.date_edit import read_date
from permanence_tracker.services import settings as tracker_settings
from permanence_tracker.services.imports.spreadsheet.values import (
    ValueProblem,
    column_date_order,
    parse_date,
)
from permanence_tracker.services.imports.ssda903.values import parse_date as parse_903_date

DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))
# From year 1000: strftime writes year 999 as "999" (not "0999"), and no record is that old.
ANY_DAY = st.dates(min_value=date(1000, 1, 1))
# Text near dates: digits, separators, month names and ordinals, and anything at all.
DATE_ALPHABET = st.sampled_from(list("0123456789/-. :tT,") + ["Mar", "sept", "st", "th", "zz"])
DATEISH = st.one_of(st.lists(DATE_ALPHABET, max_size=14).map("".join), st.text(max_size=30))
FAST = settings(max_examples=200)


@FAST
@given(ANY_DAY)
def test_uk_date_is_day_month_year_and_read_date_inverts_it(day):
    text = uk_date(day)
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", text)
    assert read_date(text) == day
    assert uk_date(None) == ""


@FAST
@given(st.datetimes())
def test_a_datetime_keeps_its_time_of_day(moment: datetime):
    assert uk_date(moment) == f"{uk_date(moment.date())} {moment:%H:%M}"


@FAST
@given(DATEISH)
def test_read_date_gives_a_date_or_a_value_error(text):
    try:
        day = read_date(text)
    except ValueError as exc:
        assert str(exc)  # says why
    else:
        assert uk_date(day) == f"{day:%d/%m/%Y}"
        assert (day.day, day.month, day.year) == tuple(
            int(p) for p in re.split(r"[/.\-]", text.strip()))


@FAST
@given(DAYS)
def test_the_903_reader_reads_uk_and_iso_dates(day):
    assert parse_903_date(uk_date(day)) == day
    assert parse_903_date(day.isoformat()) == day


@FAST
@given(DATEISH)
def test_the_903_reader_never_raises(text):
    day = parse_903_date(text)
    assert day is None or isinstance(day, date)


@FAST
@given(DAYS, st.sampled_from(["dmy", "mdy"]))
def test_the_spreadsheet_reader_reads_every_common_form(day, order):
    assert parse_date(day, order) == day
    assert parse_date(datetime(day.year, day.month, day.day, 13, 5), order) == day
    assert parse_date(uk_date(day), "dmy") == day
    assert parse_date(f"{day:%m/%d/%Y}", "mdy") == day
    assert parse_date(day.isoformat(), order) == day
    assert parse_date(f"{day.day} {day:%B %Y}", order) == day


@FAST
@given(DAYS)
def test_the_spreadsheet_reader_reads_excel_serial_numbers(day):
    serial = (day - date(1899, 12, 30)).days
    if serial > 60:  # before 01/03/1900 the 1900 system's serials are off by one (day 60)
        assert parse_date(serial) == day
        assert parse_date(float(serial) + 0.25) == day  # a fraction is the time of day


@FAST
@given(st.one_of(DATEISH, st.integers(), st.floats(), st.booleans(), st.none()),
       st.sampled_from(["dmy", "mdy"]), st.integers(0, 99))
def test_the_spreadsheet_reader_raises_only_value_problem(value, order, pivot):
    try:
        day = parse_date(value, order, pivot=pivot)
    except ValueProblem as exc:
        assert str(exc)
    else:
        assert isinstance(day, date)
        assert parse_date(day, order) == day  # a date read is read again as itself


@FAST
@given(st.lists(st.one_of(DATEISH, st.integers(), st.none()), max_size=8))
def test_a_column_is_day_first_or_month_first_or_a_value_problem(values):
    try:
        order = column_date_order(values)
    except ValueProblem as exc:
        assert "mixes day-first dates" in str(exc)
    else:
        assert order in ("dmy", "mdy")
        assert column_date_order(values[::-1]) == order  # the order of the rows does not matter


@FAST
@given(DAYS)
def test_a_uk_date_column_is_day_first(day):
    assert column_date_order([uk_date(day), "13/01/2025"]) == "dmy"


@FAST
@given(st.lists(DAYS, max_size=5))
def test_the_closure_days_setting_reads_its_own_listing(days):
    read = tracker_settings.SPECS["closure_days"].read
    assert read(tracker_settings._show(tuple(days))) == tuple(sorted(set(days)))


@FAST
@given(DATEISH)
def test_the_closure_days_setting_refuses_with_its_own_error(text):
    read = tracker_settings.SPECS["closure_days"].read
    try:
        days = read(text)
    except tracker_settings._Refused as exc:
        assert "is not a date" in str(exc)
    else:
        assert all(isinstance(d, date) for d in days)


@FAST
@given(ANY_DAY)
def test_the_command_line_date_reads_iso_dates(day):
    assert iso_date(day.isoformat()) == day


@FAST
@given(st.text(max_size=20))
def test_the_command_line_date_refuses_with_an_argument_error(text):
    try:
        day = iso_date(text)
    except argparse.ArgumentTypeError as exc:
        assert "use YYYY-MM-DD" in str(exc)
    else:
        assert day == date.fromisoformat(text)
