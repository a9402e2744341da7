"""The 903 SEX item: one canonical stored value, the code of each collection year, and words.

Source: DfE SSDA903 guide: Header and UASC ``SEX`` is 1 (male) / 2 (female) up to 2023-24 and
M / F / U (not known) from 2024-25; the DfE validator's rule 101 accepts 1/2 in its 2022-23
and 2023-24 rulesets (collection years 2023, 2024) and M/F/U from its 2024-25 ruleset (2025).
Issue 8 s1: store one canonical value and show it in words.
"""

from __future__ import annotations

import pytest

from permanence_tracker.domain.codes import canonical_sex, sex_for_year
from permanence_tracker.services import reference
from permanence_tracker.services.reference import sex_words

# The words users have always seen for each stored value (they live in SEX.json's labels).
SEX_WORDS = {"M": "Male", "F": "Female", "U": "Not known"}


@pytest.mark.parametrize(("code", "stored"), [
    ("1", "M"), ("2", "F"), ("M", "M"), ("F", "F"), ("U", "U"), ("m", "M"), ("f", "F"),
    ("u", "U"), (" 2 ", "F"),
])
def test_every_year_s_code_is_stored_as_one_canonical_value(code, stored):
    assert canonical_sex(code) == stored


@pytest.mark.parametrize("code", ["3", "X", "9", "", "male", "0"])
def test_anything_else_is_refused_with_the_codes_to_use(code):
    with pytest.raises(ValueError, match=r"not a 903 sex code: use M \(male\), F \(female\) or U"):
        canonical_sex(code)


@pytest.mark.parametrize(("stored", "year", "code"), [
    ("M", 2016, "1"), ("F", 2016, "2"), ("M", 2024, "1"), ("F", 2024, "2"),  # up to 2023-24
    ("M", 2025, "M"), ("F", 2025, "F"), ("U", 2025, "U"), ("F", 2026, "F"), ("U", 2026, "U"),
    ("2", 2026, "F"), ("F", 2024, "2"),
])
def test_the_code_written_for_each_collection_year(stored, year, code):
    assert sex_for_year(stored, year) == code


def test_not_known_has_no_code_before_2024_25():
    with pytest.raises(ValueError, match="up to 2023-24 .* have no code for 'not known'"):
        sex_for_year("U", 2024)


def test_words_shown_for_a_stored_value():
    assert [sex_words(c) for c in ("M", "F", "U", "", "1", "2")] == [
        "Male", "Female", "Not known", "", "Male", "Female"]


def test_the_sex_code_list_by_collection_year_agrees_with_the_words():
    """db/reference/ssda903/SEX.json: 1/2 to 2023-24 (2024), M/F/U from 2024-25 (2025)."""
    assert reference.codes("SEX", 2016) == ("1", "2")
    assert reference.codes("SEX", 2024) == ("1", "2")
    assert reference.codes("SEX", 2025) == ("M", "F", "U")
    assert reference.codes("SEX", 2026) == ("M", "F", "U")
    labels = reference.labels("SEX")
    assert {code: labels[code] for code in SEX_WORDS} == SEX_WORDS
    assert (labels["1"], labels["2"]) == (SEX_WORDS["M"], SEX_WORDS["F"])
