"""Which rows a collection year's 903 return holds (issue 8 §4), worked by hand.

DfE SSDA903 guidance as csc-validator-be-903 encodes it: a collection year runs 1 April to
31 March; Missing rows may start before the year (rule 570 refuses only a start after its end)
but not end before it (rule 571); reviews under short breaks alone are not returned (rule 399).
"""

from __future__ import annotations

from datetime import date

import pytest

from permanence_tracker.domain.entities import (
    Child,
    ChildHistory,
    Episode,
    MissingEpisode,
    PreviousPermanence,
    Review,
)
from permanence_tracker.services.exports.ssda903.rows import ReturnDataError, return_rows

D = date


def _history(**kw) -> ChildHistory:
    child = Child("C1", D(2015, 6, 1), sex="F")
    episodes = kw.pop("episodes", (Episode("C1", D(2023, 5, 1), "S", "C2", placement="U4",
                                           end=D(2025, 9, 30), rec="E4A"),))
    return ChildHistory(child, episodes=episodes, **kw)


def test_review_on_the_day_care_ended_is_returned():
    """Held on 30/09/2025, the day the episode ended (DEC): the child was looked after that
    day, so the 2025-26 return keeps the review (an import of such a return round-trips)."""
    history = _history(reviews=(Review("C1", D(2025, 9, 30), "PN1"),))
    assert [r["REVIEW"] for r in return_rows([history], 2026)["Reviews"]] == ["30/09/2025"]


def test_short_break_reviews_are_not_returned():
    """Rule 399 / reg 48: a review held during a V3 short break alone is not in Reviews."""
    breaks = (Episode("C1", D(2025, 6, 1), "S", "V3", placement="R1", end=D(2025, 6, 3),
                      rec="E4A"),)
    history = _history(episodes=breaks, reviews=(Review("C1", D(2025, 6, 2), "PN1"),))
    assert return_rows([history], 2026)["Reviews"] == []


def test_missing_spell_across_31_march_is_in_both_years():
    """Missing from 25/03/2025 to 05/04/2025: in 2024-25 with MIS_END blank (not yet known by
    31 March), and in 2025-26 with its end (rule 571: the end falls in that year)."""
    history = _history(missing=(MissingEpisode("C1", "M", D(2025, 3, 25), D(2025, 4, 5)),))
    y2025 = return_rows([history], 2025)["Missing"]
    y2026 = return_rows([history], 2026)["Missing"]
    assert [(r["MIS_START"], r["MIS_END"]) for r in y2025] == [("25/03/2025", "")]
    assert [(r["MIS_START"], r["MIS_END"]) for r in y2026] == [("25/03/2025", "05/04/2025")]


def test_missing_spell_ended_before_the_year_is_not_returned():
    """Rule 571: a spell that ended on 31/03/2025 belongs to 2024-25 only."""
    history = _history(missing=(MissingEpisode("C1", "M", D(2025, 3, 1), D(2025, 3, 31)),))
    assert return_rows([history], 2026)["Missing"] == []


def test_sex_is_coded_for_the_year_and_can_follow_a_later_year():
    """SEX is 1/2 up to 2023-24 and M/F/U from 2024-25; the check writes last year's file in
    this year's coding (rule 202 compares SEX across the two years)."""
    history = _history()
    assert return_rows([history], 2024)["Header"][0]["SEX"] == "2"
    assert return_rows([history], 2025)["Header"][0]["SEX"] == "F"
    assert return_rows([history], 2024, sex_year=2025)["Header"][0]["SEX"] == "F"


def test_prev_perm_only_in_the_year_care_started():
    """Rule 634 / DfE guidance: previous permanence is returned for children who started to
    be looked after in the year (RNE S). Care began 01/05/2023 (2023-24); a legal status
    change on 01/07/2025 (RNE L) does not put a PrevPerm row in 2025-26."""
    episodes = (Episode("C1", D(2023, 5, 1), "S", "C2", placement="U4", end=D(2025, 7, 1),
                        rec="X1"),
                Episode("C1", D(2025, 7, 1), "L", "E1", placement="U4"))
    history = _history(episodes=episodes, previous=(PreviousPermanence("C1", "Z1"),))
    assert [r["PREV_PERM"] for r in return_rows([history], 2024)["PrevPerm"]] == ["Z1"]
    assert return_rows([history], 2026)["PrevPerm"] == []


def test_sex_not_known_cannot_be_coded_before_2024_25():
    """SEX has no 'not known' code up to 2023-24 (1/2 only): the return is refused with the
    child named and what to do, rather than written wrong."""
    history = ChildHistory(Child("U1", D(2015, 6, 1), sex="U"), episodes=(
        Episode("U1", D(2023, 5, 1), "S", "C2", placement="U4"),))
    with pytest.raises(ReturnDataError, match=r"U1\. Record their sex"):
        return_rows([history], 2024)
    assert return_rows([history], 2025)["Header"][0]["SEX"] == "U"


def test_the_validators_k3_defect_is_set_aside_only_where_it_applies():
    """csc-validator-be-903's 2024-25 rule 146 rejects K3 (its list has "k3"): only a rule 146
    finding on a K3 row of the 2024-25 ruleset is set aside; any other stays a finding."""
    from permanence_tracker.services.exports.ssda903.check import Finding, validator_defect

    tables = {"Episodes": [{"PLACE": "U4"}, {"PLACE": "K3"}]}
    k3 = Finding("C1", "Episodes", 3, "146", "Placement type is not a valid code.", ("PLACE",))
    u4 = Finding("C1", "Episodes", 2, "146", "Placement type is not a valid code.", ("PLACE",))
    assert validator_defect(k3, 2025, tables)
    assert not validator_defect(u4, 2025, tables)
    assert not validator_defect(k3, 2026, tables)  # the 2025-26 rule is right
