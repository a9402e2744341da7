"""Adoption decisions from a 903 return: one record per decision, keyed by its date.

Sources (domain.md, DfE SSDA903 validation rules 523 and 552): PlacedAdoption DATE_PLACED is
the date of the decision that the child should be placed for adoption, the same date as AD1
DATE_INT, not the day the child moved in (that is the start of the A3-A6 placement);
DATE_PLACED_CEASED reverses a decision and a later new decision starts again (issue 8, 2.3).

Worked by hand: child Q1 (2025-26 return) has two PlacedAdoption rows, a decision of
01/06/2025 reversed on 01/09/2025 (RD1) and a new decision of 01/12/2025, and an AD1 row for
the new decision (DATE_INT 01/12/2025, matched 15/02/2026, not by their foster carer): two
records, the AD1 row joining the second.
"""

from __future__ import annotations

import json
from datetime import date

from permanence_tracker import cli
from permanence_tracker.domain import entities as e
from permanence_tracker.services.imports.ssda903 import import_903

TODAY = date(2026, 3, 31)
FILES = {
    "header.csv": "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nQ1,M,10/01/2023,WBRI,,,\n",
    "episodes.csv": "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,"
                    "REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
                    "Q1,01/05/2025,S,C2,N1,U4,PR1,,,,AB1 2,AB3 4,SC000004\n",
    "placed.csv": "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n"
                  "Q1,10/01/2023,01/06/2025,01/09/2025,RD1\n"
                  "Q1,10/01/2023,01/12/2025,,\n",
    "ad1.csv": "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n"
               "Q1,10/01/2023,01/12/2025,15/02/2026,0,,,\n",
}


def _write(folder):
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_each_decision_is_its_own_record(context, tmp_path):
    folder = _write(tmp_path / "return_2025_26")
    result = import_903(context.uow, [folder], TODAY)
    assert result.written and not result.rejections, [str(r) for r in result.rejections]
    assert dict(result.plan.counts["adoption"]) == {"inserted": 2}
    with context.uow() as uow:
        records = sorted(uow.repo.records(e.AdoptionMilestones, "Q1"),
                         key=lambda r: r.should_be_placed)
    got = [(r.should_be_placed, r.reversed, r.reversed_reason, r.matched, r.placed,
            r.foster_carer) for r in records]
    assert got == [
        (date(2025, 6, 1), date(2025, 9, 1), "RD1", None, None, None),
        (date(2025, 12, 1), None, "", date(2026, 2, 15), None, False),
    ]
    again = import_903(context.uow, [folder], TODAY)
    assert dict(again.plan.counts["adoption"]) == {"unchanged": 2}


def test_a_placement_order_made_before_a_reversal_keeps_the_child_in_a1_and_a2(
        context, tmp_path, capsys):
    """Issue 8 §3 drift: A1 counts "adoption was decided (not reversed) or a placement order
    was made", A2 "a placement order was made, neither matched nor placed"; the order is the
    start of the first E1 episode (§2.3). A reversal ends the decision, not the order.

    P1: C2 from 01/06/2024, E1 from 01/01/2025 still open; decision 01/10/2024 reversed
    01/06/2025 (RD1), no new decision, no match. As of 31/03/2026: 01/06/2024 to 01/06/2025 is
    365 days, + 303 to 31/03/2026 = 668 (> 426); 01/01/2025 to 01/01/2026 is 365, + 31 + 28 +
    30 = 454 (> 121)."""
    folder = tmp_path / "return_2025_26"
    folder.mkdir()
    (folder / "header.csv").write_text(
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nP1,F,10/01/2023,WBRI,,,\n")
    (folder / "episodes.csv").write_text(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
        "PL_POST,URN\n"
        "P1,01/06/2024,S,C2,N1,U4,PR1,01/01/2025,X1,,AB1 2,AB3 4,SC000004\n"
        "P1,01/01/2025,L,E1,N1,U4,PR1,,,,AB1 2,AB3 4,SC000004\n")
    (folder / "placed.csv").write_text(
        "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n"
        "P1,10/01/2023,01/10/2024,01/06/2025,RD1\n")
    result = import_903(context.uow, [folder], TODAY)
    assert result.written and not result.rejections, [str(r) for r in result.rejections]
    capsys.readouterr()
    assert cli.main(["--db", context.url, "summary", "--as-of", "2026-03-31", "--json"]) == 0
    drift = json.loads(capsys.readouterr().out)["drift"]
    assert drift["a1_over_426_days"] == ["P1"]
    assert drift["a2_over_121_days"] == ["P1"]
