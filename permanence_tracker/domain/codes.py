"""Groupings of SSDA903 codes that the rules depend on (DfE SSDA903 guidance).

The full, year-versioned code lists, with every label shown to people, live as data in
``db/reference/`` (looked up through ``services.reference``); these are the stable meanings the
statutory measures rely on, and no labels.
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
PARTICIPATION_AGE = 4  # from this age (whole years at the review) PN1-PN7; below it PN0


def participation_codes_for(age: int) -> tuple[str, ...]:
    """The participation codes a review may carry for a child ``age`` whole years old on the
    day it is held.

    SSDA903 guidance, REVIEW_CODE: PN0 is for a child under 4 at the time of the review, and
    only for them; a child of 4 or over has PN1 to PN7.
    """
    if age < PARTICIPATION_AGE:
        return (UNDER_FOUR,)
    return tuple(c for c in PARTICIPATION_CODES if c != UNDER_FOUR)


# SSDA903 Header/UASC SEX: "1" male / "2" female up to 2023-24 (collection year 2024); "M",
# "F", "U" (not known) from 2024-25 (DfE SSDA903 guide 2024-25; validator rule 101). The
# tracker stores one canonical value, the current code, whatever year it was read from (the
# words shown for each are the SEX list's labels, db/reference/ssda903/SEX.json).
SEX_CODES = ("M", "F", "U")
_SEX_FROM_OLD = {"1": "M", "2": "F"}
_SEX_TO_OLD = {"M": "1", "F": "2"}
SEX_CODE_CHANGE_YEAR = 2025  # the first collection year (2024-25) coded M / F / U


def canonical_sex(code: str) -> str:
    """The stored value of a 903 SEX code of any year: "1"/"M" -> "M", "2"/"F" -> "F", "U".

    Case is ignored. Anything else raises ValueError naming the accepted codes.
    """
    value = (code or "").strip().upper()
    value = _SEX_FROM_OLD.get(value, value)
    if value not in SEX_CODES:
        raise ValueError(f"{code!r} is not a 903 sex code: use M (male), F (female) or U (not "
                         "known), or 1 (male) / 2 (female) as returns up to 2023-24 coded it")
    return value


def sex_for_year(canonical: str, collection_year: int) -> str:
    """The SEX code a return of ``collection_year`` (named by the year it ends) uses.

    Up to 2023-24 (year <= 2024) M -> "1" and F -> "2"; those years have no code for "not
    known", so U raises ValueError. From 2024-25 the canonical code is written unchanged.
    """
    value = canonical_sex(canonical)
    if collection_year >= SEX_CODE_CHANGE_YEAR:
        return value
    if value not in _SEX_TO_OLD:
        raise ValueError(f"sex is not known (U), but returns up to 2023-24 ({collection_year - 1}"
                         f"-{collection_year % 100:02d} here) have no code for 'not known': "
                         "only 1 (male) or 2 (female)")
    return _SEX_TO_OLD[value]


PLAN_TYPES = (
    "Return to family",
    "Adoption",
    "SGO/CAO",
    "Supported living in the community",
    "Long-term residential placement",
    "Long-term fostering",
    "Other",
)


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
