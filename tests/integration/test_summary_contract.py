"""The summary JSON contract, on a small authority whose figures were worked out by hand.

Working (as of 2026-03-31, reporting period 2025-04-01 to 2026-03-31 unless --from):
A  C2 from Mon 2025-06-02. 1st due = 20th working day = Mon 30 Jun (held 20 Jun, in time);
   2nd due 20 Jun + 3 months = 20 Sep (held 25 Sep, late); 3rd due 25 Sep + 6 m = 2026-03-25,
   overdue. Plan agreed 2025-09-25, on the 2nd review date: counts as by the 2nd review.
B  V2 from Mon 2025-11-03. 1st due Mon 1 Dec (held 28 Nov); 2nd due 28 Feb (held 27 Feb);
   3rd due 2026-08-27. No plan: flagged.
C  V3 short breaks from 2026-01-05: looked after, but in no review figure.
D  C2 2024-01-08 to 2025-10-10, REC E11 (adoption). Reviews 2024-02-01, 2024-05-01,
   2024-11-01, 2025-05-01: the last is in the period and on its due date (in time).
E  C2 2024-03-01 to 2024-09-01 (E4A, before the period); re-entered C1 on Mon 2026-03-16:
   new period, 1st review due 20 working days later skipping Good Friday 3 Apr and Easter
   Monday 6 Apr 2026 = Wed 2026-04-15.
F  C1 from Mon 2025-01-06, X1 on 2025-07-01 into C2 (same period). Reviews 2025-01-30
   (due 3 Feb), 2025-04-29 (due 30 Apr), 2025-10-29 (due 29 Oct); 4th due 2026-04-29.
   Plan agreed 2025-05-10, after the 2nd review: flagged.
G  V2 Thu 2025-05-01 to 2026-01-15, REC E45 (SGO). 1st due skips the 5 and 26 May bank
   holidays = Mon 2 Jun (held 20 May); 2nd due 20 Aug (held 25 Aug, late).

Issue 8 amends the contract (section 3, and 2.8 "one denominator"): the 2nd-review figures
count the children looked after on as_of or who left care in the reporting period, once their
2nd review was held, so D (left 10/10/2025, 2nd review 01/05/2024, no plan) and G (left
15/01/2026, 2nd review 25/08/2025, no plan) join A, B and F: 5 held, 1 with a plan (A), 4
without (B D F G), 1 + 4 = 5. Until 30/09/2025 neither had left, so that view is unchanged.
"""

from __future__ import annotations

import json
from datetime import date

import pytest

from permanence_tracker import cli
from permanence_tracker.domain.entities import (
    AdoptionMilestones,
    Child,
    Episode,
    Iro,
    PlanChange,
    Review,
)
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records import iros as iro_records

TODAY = date(2026, 3, 31)
D = date.fromisoformat


def _child(uow, cid, iro="", dob="2012-05-05"):
    records.add_child(uow, Child(cid, D(dob), sex="M", iro=iro), TODAY)


def _episode(uow, cid, start, rne, ls, end=None, rec="", place="U4"):
    records.save_episode(uow, Episode(cid, D(start), rne, ls, placement=place,
                                      end=D(end) if end else None, rec=rec), TODAY)


def _reviews(uow, cid, *dates):
    for held in dates:
        records.record_review(uow, Review(cid, D(held), participation="PN1"), TODAY)


@pytest.fixture
def authority(context):
    uow = context.uow
    iro_records.save_iro(uow, Iro("Ann Able", fte=0.5))
    iro_records.save_iro(uow, Iro("Bob Brook", fte=1.0))
    _child(uow, "A", "Ann Able")
    _episode(uow, "A", "2025-06-02", "S", "C2")
    _reviews(uow, "A", "2025-06-20", "2025-09-25")
    records.set_plan(uow, PlanChange("A", D("2025-09-25"), "Adoption"), TODAY)
    _child(uow, "B", "Ann Able")
    _episode(uow, "B", "2025-11-03", "S", "V2")
    _reviews(uow, "B", "2025-11-28", "2026-02-27")
    _child(uow, "C")
    _episode(uow, "C", "2026-01-05", "S", "V3", place="")
    _child(uow, "D")
    _episode(uow, "D", "2024-01-08", "S", "C2", end="2025-10-10", rec="E11")
    _reviews(uow, "D", "2024-02-01", "2024-05-01", "2024-11-01", "2025-05-01")
    _child(uow, "E")
    _episode(uow, "E", "2024-03-01", "S", "C2", end="2024-09-01", rec="E4A")
    _episode(uow, "E", "2026-03-16", "S", "C1")
    _child(uow, "F", "Ann Able")
    _episode(uow, "F", "2025-01-06", "S", "C1", end="2025-07-01", rec="X1")
    _episode(uow, "F", "2025-07-01", "L", "C2")
    _reviews(uow, "F", "2025-01-30", "2025-04-29", "2025-10-29")
    records.set_plan(uow, PlanChange("F", D("2025-05-10"), "Long-term fostering"), TODAY)
    _child(uow, "G")
    _episode(uow, "G", "2025-05-01", "S", "V2", end="2026-01-15", rec="E45")
    _reviews(uow, "G", "2025-05-20", "2025-08-25")
    return context


def _summary(context, capsys, *extra):
    assert cli.main(["--db", context.url, "summary", "--as-of", "2026-03-31", *extra,
                     "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_summary_matches_hand_worked_figures(authority, capsys):
    got = _summary(authority, capsys)
    assert got["as_of"] == "2026-03-31"
    assert got["looked_after"] == 5
    assert got["by_legal_status"] == {"C1": 1, "C2": 2, "V2": 1, "V3": 1}
    assert got["second_review_held"] == 5
    assert got["with_plan_by_second_review"] == 1
    assert got["without_plan_by_second_review"] == ["B", "D", "F", "G"]
    # F's plan (10 May 2025) came after its 2nd review (29 Apr): late, still counted above.
    assert (got["plan_agreed_late"], got["still_no_plan"]) == (["F"], ["B", "D", "G"])
    assert got["reviews_due"] == [
        {"child_id": "A", "review_number": 3, "due": "2026-03-25", "overdue": True},
        {"child_id": "B", "review_number": 3, "due": "2026-08-27", "overdue": False},
        {"child_id": "E", "review_number": 1, "due": "2026-04-15", "overdue": False},
        {"child_id": "F", "review_number": 4, "due": "2026-04-29", "overdue": False},
    ]
    assert got["reviews_in_period"] == {"from": "2025-04-01", "to": "2026-03-31",
                                        "held": 9, "in_timescale": 7}
    assert got["iro_caseloads"] == [
        {"iro": "Ann Able", "children": 3, "fte": 0.5, "per_fte": 6.0, "band": "below"},
        {"iro": "Bob Brook", "children": 0, "fte": 1.0, "per_fte": 0.0, "band": "below"},
    ]
    assert got["left_care"] == {"from": "2025-04-01", "to": "2026-03-31", "total": 2,
                                "adoption": 1, "sgo": 1, "cao": 0, "home": 0, "other": 0}
    assert got["month_end_counts"] == [
        {"month": m, "looked_after": n} for m, n in [
            ("2025-04", 2), ("2025-05", 3), ("2025-06", 4), ("2025-07", 4), ("2025-08", 4),
            ("2025-09", 4), ("2025-10", 3), ("2025-11", 4), ("2025-12", 4), ("2026-01", 4),
            ("2026-02", 4), ("2026-03", 5)]
    ]
    assert got["drift"] == {"ico_over_26_weeks": [], "a1_over_426_days": [],
                            "a2_over_121_days": []}


def test_from_moves_the_reporting_period(authority, capsys):
    got = _summary(authority, capsys, "--from", "2025-10-01")
    # Reviews on or after 1 Oct: B 28 Nov and 27 Feb, F 29 Oct, all in time.
    assert got["reviews_in_period"] == {"from": "2025-10-01", "to": "2026-03-31",
                                        "held": 3, "in_timescale": 3}
    assert got["left_care"]["total"] == 2


def test_past_as_of_ignores_later_events(authority, capsys):
    assert cli.main(["--db", authority.url, "summary", "--as-of", "2025-09-30", "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    # On 30 Sep 2025: A, D, F, G looked after; A's 2nd review (25 Sep) held with its plan;
    # D's 2nd review (2024-05-01) and F's (29 Apr) without a plan; G's (25 Aug) without one.
    assert got["looked_after"] == 4
    assert got["by_legal_status"] == {"C2": 3, "V2": 1}
    assert got["second_review_held"] == 4
    assert got["with_plan_by_second_review"] == 1
    assert got["without_plan_by_second_review"] == ["D", "F", "G"]
    assert got["left_care"] == {"from": "2025-04-01", "to": "2025-09-30", "total": 0,
                                "adoption": 0, "sgo": 0, "cao": 0, "home": 0, "other": 0}


def test_bad_dates_are_refused_with_a_clear_message(authority, capsys):
    with pytest.raises(SystemExit):
        cli.main(["--db", authority.url, "summary", "--as-of", "31/03/2026", "--json"])
    assert "use YYYY-MM-DD" in capsys.readouterr().err
    assert cli.main(["--db", authority.url, "summary", "--as-of", "2026-03-31",
                     "--from", "2026-04-01", "--json"]) == 2


@pytest.fixture
def drifting(authority):
    """The authority plus children worked by hand for the ``drift`` key and short breaks.

    H  C1 from Tue 2025-09-30: on 31/03/2026 that is 182 days after the first day, so the 26
       weeks beginning with that day (Children Act 1989 s32(1)(a)) have passed; on 30/03 (181)
       they have not.
    J  C2 from Mon 2024-11-04, placement order (E1) 02/06/2025, in foster care (U4): adoption
       the plan, not placed: A1 = 512 days (> 426); not matched: A2 = 302 days (> 121).
    K  as J, but placed for adoption (A5) from 01/12/2025: neither A1 nor A2.
    L  C2 from Mon 2024-11-04, decision 01/03/2025 (PlacedAdoption DATE_PLACED) reversed
       01/09/2025 (RD1): no flag; no placement order.
    M  C1 from 2025-10-01, placement order 01/12/2025: A2 = 30 + 31 + 28 + 31 = 120 days, not
       more than 121; A1 = 181 days.
    S  two V3 short breaks ending E4A (02-05/06/2025 and 01-04/07/2025): not leaving care.
    """
    uow = authority.uow
    _child(uow, "H")
    _episode(uow, "H", "2025-09-30", "S", "C1")
    for cid, placed in (("J", None), ("K", "2025-12-01")):
        _child(uow, cid, dob="2023-01-10")
        _episode(uow, cid, "2024-11-04", "S", "C2", end="2025-06-02", rec="X1")
        _episode(uow, cid, "2025-06-02", "L", "E1", end=placed, rec="X1" if placed else "")
        if placed:
            _episode(uow, cid, placed, "P", "E1", place="A5")
    _child(uow, "L", dob="2023-01-10")
    _episode(uow, "L", "2024-11-04", "S", "C2")
    with uow() as unit:
        unit.repo.add(AdoptionMilestones("L", should_be_placed=D("2025-03-01"),
                                         reversed=D("2025-09-01"), reversed_reason="RD1"))
    _child(uow, "M", dob="2024-06-01")
    _episode(uow, "M", "2025-10-01", "S", "C1", end="2025-12-01", rec="X1")
    _episode(uow, "M", "2025-12-01", "L", "E1")
    _child(uow, "S")
    _episode(uow, "S", "2025-06-02", "S", "V3", end="2025-06-05", rec="E4A", place="")
    _episode(uow, "S", "2025-07-01", "S", "V3", end="2025-07-04", rec="E4A", place="")
    return authority


def test_drift_lists_the_children_worked_by_hand(drifting, capsys):
    """Issue 8, section 3: ``drift`` lists sorted ids of children looked after on as_of."""
    got = _summary(drifting, capsys)
    assert got["drift"] == {"ico_over_26_weeks": ["H"], "a1_over_426_days": ["J"],
                            "a2_over_121_days": ["J"]}
    assert cli.main(["--db", drifting.url, "summary", "--as-of", "2026-03-30", "--json"]) == 0
    day_before = json.loads(capsys.readouterr().out)
    assert day_before["drift"]["ico_over_26_weeks"] == []  # 181 days: still inside 26 weeks


def test_short_breaks_ending_are_not_leaving_care(drifting, capsys):
    """Issue 8, 2.1 and section 3: a period made only of V3/V4 short breaks ending (here with
    E4A) is not a child ceasing to be looked after, so "home" stays 0."""
    got = _summary(drifting, capsys)
    assert got["left_care"] == {"from": "2025-04-01", "to": "2026-03-31", "total": 2,
                                "adoption": 1, "sgo": 1, "cao": 0, "home": 0, "other": 0}


# The output of ``summary --json`` and of ``summary`` for the authority with the drifting
# children, as the command printed it before the summary became a typed ``Summary`` (issue 9):
# key order, number formats (0.5, 6.0, 1.0) and date strings are the contract, byte for byte.
EXACT_JSON = ('{"as_of": "2026-03-31", "looked_after": 10, "by_legal_status": {"C1": 2, "C2": 3, '
    '"E1": 3, "V2": 1, "V3": 1}, "second_review_held": 5, "with_plan_by_second_review": 1, '
    '"without_plan_by_second_review": ["B", "D", "F", "G"], '
    '"plan_agreed_late": ["F"], "still_no_plan": ["B", "D", "G"], '  # issue 10 item 2
    '"reviews_due": [{"child_id": "A", "review_number": 3, "due": "2026-03-25", '
    '"overdue": true}, {"child_id": "B", "review_number": 3, "due": "2026-08-27", '
    '"overdue": false}, {"child_id": "E", "review_number": 1, "due": "2026-04-15", '
    '"overdue": false}, {"child_id": "F", "review_number": 4, "due": "2026-04-29", '
    '"overdue": false}, {"child_id": "H", "review_number": 1, "due": "2025-10-28", '
    '"overdue": true}, {"child_id": "J", "review_number": 1, "due": "2024-12-02", '
    '"overdue": true}, {"child_id": "K", "review_number": 1, "due": "2024-12-02", '
    '"overdue": true}, {"child_id": "L", "review_number": 1, "due": "2024-12-02", '
    '"overdue": true}, {"child_id": "M", "review_number": 1, "due": "2025-10-29", '
    '"overdue": true}], "reviews_in_period": {"from": "2025-04-01", "to": "2026-03-31", '
    '"held": 9, "in_timescale": 7}, "iro_caseloads": [{"iro": "Ann Able", "children": 3, '
    '"fte": 0.5, "per_fte": 6.0, "band": "below"}, {"iro": "Bob Brook", "children": 0, '
    '"fte": 1.0, "per_fte": 0.0, "band": "below"}], "left_care": {"from": "2025-04-01", '
    '"to": "2026-03-31", "total": 2, "adoption": 1, "sgo": 1, "cao": 0, "home": 0, '
    '"other": 0}, "month_end_counts": [{"month": "2025-04", "looked_after": 5}, '
    '{"month": "2025-05", "looked_after": 6}, {"month": "2025-06", "looked_after": 7}, '
    '{"month": "2025-07", "looked_after": 7}, {"month": "2025-08", "looked_after": 7}, '
    '{"month": "2025-09", "looked_after": 8}, {"month": "2025-10", "looked_after": 8}, '
    '{"month": "2025-11", "looked_after": 9}, {"month": "2025-12", "looked_after": 9}, '
    '{"month": "2026-01", "looked_after": 9}, {"month": "2026-02", "looked_after": 9}, '
    '{"month": "2026-03", "looked_after": 10}], "drift": {"ico_over_26_weeks": ["H"], '
    '"a1_over_426_days": ["J"], "a2_over_121_days": ["J"]}}')
EXACT_TEXT = "\n".join([
    'Summary as of 2026-03-31',
    '  Looked after: 10',
    '  By legal status: C1 2, C2 3, E1 3, V2 1, V3 1',
    ('  Second reviews held (looked after now or left care in the period): 5, '
     'with a plan by then: 1'),
    '  Without a plan by the 2nd review: 4',
    '    of whom plan agreed late: 1, still no plan: 3',  # issue 10 item 2
    '  Next reviews: 9, overdue: 6',
    '  Reviews 2025-04-01 to 2026-03-31: 9 held, 7 in timescale',
    '  Left care: 2 (adoption 1, SGO 1, CAO 0, home 0, other 0)',
    '  Drift: ICO beyond 26 weeks 1, A1 over 426 days 1, A2 over 121 days 1',
    '  IRO caseloads:',
    '    Ann Able: 3 children, 0.5 FTE, 6.0 per FTE (below)',
    '    Bob Brook: 0 children, 1.0 FTE, 0.0 per FTE (below)',
    ('  Month ends: 2025-04 5, 2025-05 6, 2025-06 7, 2025-07 7, 2025-08 7, 2025-09 8, '
     '2025-10 8, 2025-11 9, 2025-12 9, 2026-01 9, 2026-02 9, 2026-03 10'),
])


def test_json_and_text_are_byte_for_byte_the_contract(drifting, capsys):
    assert cli.main(["--db", drifting.url, "summary", "--as-of", "2026-03-31", "--json"]) == 0
    assert capsys.readouterr().out == EXACT_JSON + "\n"
    assert cli.main(["--db", drifting.url, "summary", "--as-of", "2026-03-31"]) == 0
    assert capsys.readouterr().out == EXACT_TEXT + "\n"
