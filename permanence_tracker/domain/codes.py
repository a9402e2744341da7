"""Groupings of SSDA903 codes that the rules depend on (DfE SSDA903 guidance).

The full, year-versioned code lists live as data in ``db/reference/``; these are the stable
meanings the statutory measures rely on.
"""

from __future__ import annotations

ADOPTION_RECS = frozenset({"E11", "E12"})
# Special guardianship: E45-E48 from 2019-20; E43/E44 in earlier collection years.
SGO_RECS = frozenset({"E43", "E44", "E45", "E46", "E47", "E48"})
CAO_RECS = frozenset({"E41"})
HOME_RECS = frozenset({"E4A", "E4B"})
CONTINUING_REC = "X1"

ATTENDED = frozenset({"PN1", "PN2", "PN3", "PN4"})
PARTICIPATED = frozenset({"PN1", "PN2", "PN3", "PN4", "PN5", "PN6"})
UNDER_FOUR = "PN0"
PARTICIPATION_CODES = ("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7")

PLAN_TYPES = (
    "Return to family",
    "Adoption",
    "SGO/CAO",
    "Supported living in the community",
    "Long-term residential placement",
    "Long-term fostering",
    "Other",
)

LEGAL_STATUS_NAMES = {
    "C1": "Interim care order",
    "C2": "Full care order",
    "D1": "Freeing order",
    "E1": "Placement order",
    "V2": "Section 20 (single period)",
    "V3": "Short breaks (episodes)",
    "V4": "Short breaks (agreement)",
    "L1": "Police protection",
    "L2": "Emergency protection order",
    "L3": "Child assessment order",
    "J1": "Remanded",
    "J2": "PACE accommodation",
    "J3": "YRO with residence requirement",
}


def leaving_care_group(rec: str) -> str:
    """Permanence outcome group of a reason episode ceased: adoption, sgo, cao, home, other.

    SSDA903 REC codes: adoption E11/E12; special guardianship E45-E48 (E43/E44 before
    2019-20); child arrangements order E41; return home E4A/E4B; anything else is "other".
    """
    if rec in ADOPTION_RECS:
        return "adoption"
    if rec in SGO_RECS:
        return "sgo"
    if rec in CAO_RECS:
        return "cao"
    if rec in HOME_RECS:
        return "home"
    return "other"
