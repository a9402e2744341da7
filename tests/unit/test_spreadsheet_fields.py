"""Spreadsheet import: the fields columns map to and the automatic mapping of headers."""

from __future__ import annotations

import pytest

from permanence_tracker.services.imports.spreadsheet.fields import (
    FIELDS,
    auto_map,
    normalise_header,
)

CONTRACT_FIELDS = {
    "child_id", "forename", "surname", "name", "dob", "sex", "legal_status",
    "looked_after_from", *(f"review_{n}" for n in range(1, 13)), "reviews", "plan_yes_no",
    "plan_type", "parallel_plan", "plan_agreed", "iro", "social_worker", "team", "placement",
    "monitoring_outcome", "panel_date", "comments",
}


def test_every_contract_field_has_a_label_and_synonyms():
    assert set(FIELDS) == CONTRACT_FIELDS
    for name, field in FIELDS.items():
        assert field.name == name
        assert field.label and field.synonyms and field.kind


def test_no_header_belongs_to_two_fields():
    owner: dict[str, str] = {}
    for field in FIELDS.values():
        for synonym in field.synonyms:
            key = normalise_header(synonym)
            assert owner.setdefault(key, field.name) == field.name, synonym


@pytest.mark.parametrize(("header", "key"), [
    ("Legal status (current)", "legalstatuscurrent"),
    ("  D.O.B. ", "dob"),
    ("Team & Locality", "teamandlocality"),
    ("2nd LAC review", "2ndlacreview"),
    ("Second review_date", "secondreviewdate"),
    ("Permanence plan (Y/N)", "permanenceplanyn"),
])
def test_normalise_header(header, key):
    assert normalise_header(header) == key


@pytest.mark.parametrize(("header", "field"), [
    ("Child ID", "child_id"), ("LCS ID", "child_id"), ("ID", "child_id"),
    ("Child No", "child_id"), ("CHILD", "child_id"), ("Mosaic ID", "child_id"),
    ("Liquidlogic ID", "child_id"),
    ("DOB", "dob"), ("Date of birth", "dob"), ("D.O.B.", "dob"),
    ("Legal Status", "legal_status"), ("LS", "legal_status"),
    ("Legal status (current)", "legal_status"),
    ("Date became LAC", "looked_after_from"), ("LAC start", "looked_after_from"),
    ("Date entered care", "looked_after_from"), ("Date looked after", "looked_after_from"),
    ("1st LAC review", "review_1"), ("First review date", "review_1"), ("Review 1", "review_1"),
    ("2nd LAC review", "review_2"), ("Second review date", "review_2"), ("Review 2", "review_2"),
    ("3rd review", "review_3"), ("Third review date", "review_3"), ("Review 12", "review_12"),
    ("Permanence plan (Y/N)", "plan_yes_no"), ("Plan in place", "plan_yes_no"),
    ("Permanence plan", "plan_type"), ("Plan type", "plan_type"), ("Primary plan", "plan_type"),
    ("Parallel plan", "parallel_plan"), ("Contingency plan", "parallel_plan"),
    ("Date plan agreed", "plan_agreed"), ("Plan agreed", "plan_agreed"),
    ("IRO", "iro"), ("Independent Reviewing Officer", "iro"),
    ("Social worker", "social_worker"), ("SW", "social_worker"),
    ("Allocated worker", "social_worker"),
    ("Team", "team"), ("Locality", "team"), ("Area", "team"),
    ("Placement", "placement"), ("Placement type", "placement"),
    ("Monitoring outcome", "monitoring_outcome"), ("Outcome", "monitoring_outcome"),
    ("Panel date", "panel_date"), ("Comments", "comments"), ("Notes", "comments"),
    ("Forename", "forename"), ("Surname", "surname"), ("Child name", "name"),
    ("Gender", "sex"),
    # spacing, case and punctuation do not matter
    ("  legal   STATUS ", "legal_status"), ("date-of-birth", "dob"),
    ("2nd L.A.C. Review", "review_2"),
])
def test_a_usual_header_maps_to_its_field(header, field):
    assert auto_map([header]) == {0: field}


@pytest.mark.parametrize(("header", "field"), [
    ("Legal staus", "legal_status"),
    ("Independant Reviewing Officer", "iro"),
    ("Date entred care", "looked_after_from"),
])
def test_a_near_miss_maps(header, field):
    assert auto_map([header]) == {0: field}


@pytest.mark.parametrize("header", [
    "Favourite colour", "", "Date", "Review 13", "Reveiw 3x", "Plan by 2nd review?",
])
def test_an_unknown_header_is_left_for_the_user(header):
    assert auto_map([header]) == {}


@pytest.mark.parametrize(("header", "never"), [
    ("LAC review date 11", "review_12"), ("Review 21", "review_2"), ("Review 3", "review_2"),
    ("Secnd review", "review_1"), ("Sixth review date", "review_5"),
])
def test_the_fuzzy_step_never_changes_the_review_number(header, never):
    assert never not in auto_map([header]).values()


def test_a_second_column_for_a_single_field_is_left_unmapped():
    assert auto_map(["Child ID", "LCS ID", "DOB", "Date of birth"]) == {0: "child_id", 2: "dob"}


def test_an_exact_match_wins_over_an_earlier_near_miss():
    assert auto_map(["Legal staus", "Legal status"]) == {1: "legal_status"}


def test_repeated_review_headers_all_map_to_reviews():
    headers = ["Child ID", "Review date", "Review date", "Review date", "Review Date"]
    assert auto_map(headers) == {0: "child_id", 1: "reviews", 2: "reviews", 3: "reviews",
                                 4: "reviews"}


def test_a_messy_tracker_header_row():
    headers = ["Child ID", "Name", "D.O.B.", "Legal status (current)", "Date became LAC",
               "1st LAC review", "2nd LAC review", "3rd review", "Review date", "Review date",
               "Permanence plan (Y/N)", "Permanence plan", "Parallel plan", "Date plan agreed",
               "IRO", "SW", "Locality", "Placement type", "Outcome", "Panel date", "Notes",
               "RAG rating", None]
    assert auto_map(headers) == {
        0: "child_id", 1: "name", 2: "dob", 3: "legal_status", 4: "looked_after_from",
        5: "review_1", 6: "review_2", 7: "review_3", 8: "reviews", 9: "reviews",
        10: "plan_yes_no", 11: "plan_type", 12: "parallel_plan", 13: "plan_agreed", 14: "iro",
        15: "social_worker", 16: "team", 17: "placement", 18: "monitoring_outcome",
        19: "panel_date", 20: "comments"}
