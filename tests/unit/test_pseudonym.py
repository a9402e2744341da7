"""The pseudonymising rules (issue 12): initials for names, month and year for a birth date,
free text left out. Worked examples, then Hypothesis properties over any name and date."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.pseudonym import (
    LEFT_OUT,
    first_of_month,
    free_text,
    initials,
    month_year,
)


def test_worked_examples():
    assert initials("Ann Example") == "A.E."
    assert initials("Anne-Marie O'Neil") == "A.M.O."
    assert initials("Mr and Mrs Lee") == "L."
    assert initials("  ") == "" and initials("") == ""
    assert initials("éva łukasz") == "É.Ł."
    assert month_year(date(2015, 3, 9)) == "03/2015" and month_year(None) == ""
    assert first_of_month(date(2015, 3, 9)) == date(2015, 3, 1)
    assert free_text("Ann settled well") == LEFT_OUT and free_text("  ") == ""


words = st.text(st.characters(categories=("Lu", "Ll")), min_size=2, max_size=12)


@given(st.lists(words, min_size=1, max_size=4))
def test_initials_keep_no_word_of_the_name(parts):
    name = " ".join(parts)
    shown = initials(name)
    assert all(len(piece) == 1 for piece in shown.split(".")[:-1])  # one letter per initial
    assert shown == "" or shown.endswith(".")
    for part in parts:
        assert part not in shown or len(part) < 2


@given(st.text(max_size=40))
def test_initials_of_anything_are_letters_and_stops(name):
    shown = initials(name)
    assert all(ch == "." or ch.isalpha() for ch in shown)
    assert len(shown) <= 2 * len(name.replace("-", " ").split())


@given(st.dates(min_value=date(1900, 1, 1)))
def test_month_year_is_the_uk_date_without_its_day(day):
    assert month_year(day) == uk_date(day)[3:]
    assert month_year(first_of_month(day)) == month_year(day)
    assert first_of_month(day).day == 1


@given(st.text(max_size=60))
def test_free_text_never_kept(text):
    assert free_text(text) in ("", LEFT_OUT)
    assert (free_text(text) == "") == (not text.strip())
