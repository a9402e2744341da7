"""The one code-list lookup: labels and short names from db/reference/ssda903, nowhere else.

The short names are the words the tracker has always shown (narrow table columns, filters,
the record header, reports, sentences), pinned here so moving them into the reference data
changes nothing a user sees. The participation rule (PN0 under 4 only) is the DfE SSDA903
REVIEW_CODE guidance, held once in ``domain.codes``.
"""

from __future__ import annotations

import pytest

from permanence_tracker.domain.codes import SEX_CODES, participation_codes_for
from permanence_tracker.services import reference

LS_SHORT = {
    "C1": "Interim care order", "C2": "Full care order", "D1": "Freeing order",
    "E1": "Placement order", "V2": "Section 20 (single period)",
    "V3": "Short breaks (episodes)", "V4": "Short breaks (agreement)",
    "L1": "Police protection", "L2": "Emergency protection order",
    "L3": "Child assessment order", "J1": "Remanded", "J2": "PACE accommodation",
    "J3": "YRO with residence requirement",
}
RNE_SHORT = {"S": "started to be looked after", "L": "legal status change",
             "P": "placement and carer change", "T": "placement change, same carer",
             "B": "legal status, placement and carer change",
             "U": "legal status and placement change, same carer"}


@pytest.mark.parametrize(("list_name", "expected"), [("LS", LS_SHORT), ("RNE", RNE_SHORT)])
def test_short_names_are_the_words_shown_before(list_name, expected):
    assert {code: reference.short_label(list_name, code)
            for code in reference.codes(list_name)} == expected


def test_the_ls_codes_come_in_the_list_s_order():
    assert reference.codes("LS") == ("C1", "C2", "D1", "E1", "V2", "V3", "V4", "L1", "L2",
                                     "L3", "J1", "J2", "J3")


def test_label_is_the_dfe_s_own_words():
    assert reference.label("LS", "V2") == "Single period of accommodation under section 20"
    assert reference.label("RNE", "L") == "Change of legal status only"
    assert reference.label("REC", "E11") == reference.labels("REC")["E11"]


def test_a_code_without_a_short_name_shows_its_label():
    assert reference.code_list("REC")["E11"].short is None
    assert reference.short_label("REC", "E11") == reference.label("REC", "E11") != ""


@pytest.mark.parametrize("lookup", [reference.label, reference.short_label])
def test_a_code_not_in_the_list_gives_the_default(lookup):
    assert lookup("LS", "Q9") == ""
    assert lookup("LS", "", "?") == "?"
    assert lookup("LS", "Q9", "Q9") == "Q9"


def test_sex_choices_are_the_stored_values_in_words():
    assert SEX_CODES == ("M", "F", "U")
    assert reference.sex_choices() == (("M", "Male"), ("F", "Female"), ("U", "Not known"))
    assert reference.sex_words("x") == "x"  # not a sex code: shown as it is


@pytest.mark.parametrize(("age", "allowed"), [
    (0, ("PN0",)), (3, ("PN0",)),
    (4, ("PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7")),
    (17, ("PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7")),
])
def test_participation_codes_for_an_age(age, allowed):
    """SSDA903 REVIEW_CODE: PN0 for a child under 4 at the review, and only for them."""
    assert participation_codes_for(age) == allowed
