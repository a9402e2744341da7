"""domain.words: counts with the right noun, and when something falls in days."""
import pytest

from permanence_tracker.domain.words import days_phrase, plural


@pytest.mark.parametrize(("count", "expected"), [
    (0, "0 pages"), (1, "1 page"), (2, "2 pages"), (1234, "1,234 pages")])
def test_plural_adds_s_except_for_one(count, expected):
    assert plural(count, "page") == expected


def test_plural_takes_an_irregular_plural():
    assert [plural(n, "child", "children") for n in (1, 3)] == ["1 child", "3 children"]


@pytest.mark.parametrize(("days", "expected"), [
    (0, "today"), (1, "in 1 day"), (3, "in 3 days"), (-1, "1 day overdue"),
    (-16, "16 days overdue")])
def test_days_phrase(days, expected):
    assert days_phrase(days) == expected
