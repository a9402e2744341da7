"""Valid codes for record editing, from the versioned reference data (db/reference).

Every code typed in a dialog or the CLI is checked for the collection year of the date it
applies to, as the import checks each row for its return's year (issue 8 s2.6).
"""

from __future__ import annotations

from datetime import date
from functools import cache

from permanence_tracker.domain.entities import Episode, Review
from permanence_tracker.domain.errors import Problem
from permanence_tracker.services import reference


@cache
def legal_status_codes() -> frozenset[str]:
    """Every LS code of any collection year (the record check's "is it a code at all")."""
    return frozenset(reference.codes("LS"))


@cache
def placement_codes() -> frozenset[str]:
    """Every PLACE code of any collection year."""
    return frozenset(reference.codes("PLACE"))


# Record field -> 903 list, for the codes of an episode that apply from its start (DECOM).
EPISODE_START_CODES = (("rne", "RNE"), ("legal_status", "LS"), ("cin", "CIN"),
                       ("placement", "PLACE"), ("provider", "PLACE_PROVIDER"),
                       ("reason_place_change", "REASON_PLACE_CHANGE"))


def code_problems(field: str, list_name: str, code: str, on: date, dated: str) -> list[Problem]:
    """``code`` checked against ``list_name`` of the collection year that ``on`` falls in."""
    if not code:
        return []
    year = reference.collection_year(on)
    if reference.valid_in_any(list_name, code, (year,)):
        return []
    return [Problem(field, reference.explain(list_name, code, (year,), dated))]


def episode_code_problems(episode: Episode) -> list[Problem]:
    """An episode's codes for the collection year they apply in (issue 8 s2.6; DfE rules 143,
    144, 145, 146, 178, 1009 for the start, 149 for REC): RNE, LS, CIN, PLACE, PLACE_PROVIDER
    and REASON_PLACE_CHANGE by the year the episode starts, REC by the year it ends."""
    found = [p for field, name in EPISODE_START_CODES
             for p in code_problems(field, name, getattr(episode, field), episode.start,
                                    "the episode starts in")]
    if episode.end is not None:
        found += code_problems("rec", "REC", episode.rec, episode.end, "the episode ends in")
    return found


def review_code_problems(review: Review) -> list[Problem]:
    """REVIEW_CODE for the collection year of the review's date (DfE rule 167)."""
    return code_problems("participation", "REVIEW_CODE", review.participation, review.held,
                         "the review was held in")


def with_code_problems(problems: list[Problem], found: list[Problem]) -> list[Problem]:
    """The record's other problems, and the year's code problems on fields they do not name:
    a code in no list is reported once in the record check's words; a code of the list but
    not of that year (which the all-years check accepts) with the year's list."""
    fields = {p.field for p in problems}
    return [*problems, *(p for p in found if p.field not in fields)]
