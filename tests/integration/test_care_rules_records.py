"""Issue 8 items 4-7 through the record-editing services, the 903 import and the child record.

Sources: DfE SSDA903 validation rule 352 (no period of care starts at 18 or over; Children Act
1989 s105(1)) and rule 356 (DEC may not precede DECOM; DEC = DECOM is valid); Care Planning
Regs 2010 reg 48 and reg 33 (short breaks becoming full-time care); issue 8 item 7 (a review's
"plan in place" answer that the plan records contradict is shown as a warning).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from permanence_tracker.domain import entities as e
from permanence_tracker.domain.errors import ValidationError
from permanence_tracker.services.imports.ssda903 import import_903
from permanence_tracker.services.records import changes
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records.child_record import load_child_record

TODAY = date(2026, 3, 31)
D = date.fromisoformat


@pytest.fixture
def adult_soon(uow):
    """Born 24/03/2008: 18 on 24/03/2026."""
    records.add_child(uow, e.Child("A1", D("2008-03-24"), "F"), TODAY)
    return "A1"


def test_a_period_of_care_starting_on_the_18th_birthday_is_refused(uow, adult_soon):
    with pytest.raises(ValidationError) as refused:
        records.save_episode(uow, e.Episode("A1", D("2026-03-24"), "S", "V2", placement="K2"),
                             TODAY)
    [problem] = refused.value.problems
    assert problem.field == "start" and "DfE rule 352" in problem.message
    assert "18th birthday (24/03/2026)" in problem.message
    saved = records.save_episode(uow, e.Episode("A1", D("2026-03-23"), "S", "V2",
                                                placement="K2"), TODAY)
    assert saved.id is not None  # the day before the birthday is a child's period of care


def test_an_episode_may_end_the_day_it_starts(uow, adult_soon):
    """Rule 356: a period of care can begin and end on one day, through either service."""
    same_day = records.save_episode(uow, e.Episode(
        "A1", D("2025-01-06"), "S", "V2", placement="U6", end=D("2025-01-06"), rec="E4A"), TODAY)
    assert same_day.end == same_day.start
    records.save_episode(uow, e.Episode("A1", D("2025-02-03"), "S", "V2", placement="U6"),
                         TODAY)
    ended = changes.end_care(uow, "A1", D("2025-02-03"), "E4A", TODAY)
    assert (ended.start, ended.end, ended.rec) == (D("2025-02-03"), D("2025-02-03"), "E4A")


def test_a_change_on_the_day_the_episode_started_is_refused_not_stored_twice(uow, adult_soon):
    """Ending with X1 on its first day would start the next episode that same day: two
    episodes of one child with one DECOM. The service says so instead of failing to store."""
    records.save_episode(uow, e.Episode("A1", D("2025-02-03"), "S", "C1", placement="U6"),
                         TODAY)
    with pytest.raises(ValidationError) as refused:
        changes.record_change(uow, "A1", D("2025-02-03"), "C2", "U6", "L", TODAY)
    assert any(p.field == "start" and "edit the current episode" in p.message
               for p in refused.value.problems)
    with uow() as u:
        [only] = u.repo.records(e.Episode, "A1")
    assert only.end is None


EP_HEAD = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE\n"


def _return(folder: Path) -> Path:
    """2025-26 return. Q1 born 01/06/2007 (18 on 01/06/2025) starts care that day: rule 352.
    Q2 starts and leaves care on 10/09/2025 (DEC = DECOM): valid. Q3 ends before it starts:
    rule 356."""
    folder.mkdir()
    (folder / "header.csv").write_text(
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nQ1,F,01/06/2007,WBRI,,,\n"
        "Q2,M,01/01/2015,WBRI,,,\nQ3,M,01/01/2015,WBRI,,,\n")
    (folder / "episodes.csv").write_text(EP_HEAD + "\n".join([
        "Q1,01/06/2025,S,V2,N1,K2,PR1,,,",
        "Q2,10/09/2025,S,V2,N1,U6,PR1,10/09/2025,E4A,",
        "Q3,10/09/2025,S,V2,N1,U6,PR1,09/09/2025,E4A,",
    ]) + "\n")
    return folder


def test_import_refuses_rule_352_and_356_and_accepts_dec_equal_to_decom(context, tmp_path):
    result = import_903(context.uow, [_return(tmp_path / "r")], TODAY)
    found = {(r.row.values.get("CHILD"), r.column): r.reason for r in result.rejections
             if not r.consequence}
    assert set(found) == {("Q1", "DECOM"), ("Q3", "DEC")}
    assert "18th birthday (01/06/2025; DfE rule 352)" in found[("Q1", "DECOM")]
    assert "before it starts (10/09/2025)" in found[("Q3", "DEC")]
    assert "rule 356" in found[("Q3", "DEC")]
    assert not result.written
    result = import_903(context.uow, [_return(tmp_path / "again")], TODAY, skip_invalid=True)
    with context.uow() as uow:
        [q2] = uow.repo.records(e.Episode, "Q2")
    assert (q2.start, q2.end, q2.rec) == (D("2025-09-10"), D("2025-09-10"), "E4A")


def test_child_record_shows_reg_48_reviews_and_a_plan_answer_conflict(uow):
    """V4 short breaks from Mon 05/01/2026, full-time C2 from Mon 02/03/2026 (X1, RNE L).
    20/02 is reg 48 review 1 (due 05/04, in time); 25/03 is reg 33 review 1 (due 30/03: 20
    working days from 02/03). The 25/03 review says a plan was in place; the only plan was
    agreed on 27/03/2026: a warning with both dates."""
    records.add_child(uow, e.Child("M1", D("2014-06-01"), "M"), TODAY)
    records.save_episode(uow, e.Episode("M1", D("2026-01-05"), "S", "V4", placement="U6",
                                        end=D("2026-03-02"), rec="X1"), TODAY)
    records.save_episode(uow, e.Episode("M1", D("2026-03-02"), "L", "C2", placement="U6"),
                         TODAY)
    records.record_review(uow, e.Review("M1", D("2026-02-20")), TODAY)
    records.record_review(uow, e.Review("M1", D("2026-03-25"), plan_in_place=True), TODAY)
    records.set_plan(uow, e.PlanChange("M1", D("2026-03-27"), "Long-term fostering"), TODAY)
    record = load_child_record(uow, "M1", TODAY)
    rows = {r.review.held: (r.period, r.number, r.due, r.in_timescale, r.short_breaks)
            for r in record.reviews}
    assert rows == {D("2026-02-20"): (1, 1, D("2026-04-05"), True, True),
                    D("2026-03-25"): (1, 1, D("2026-03-30"), True, False)}
    s = record.standing
    assert (s.next_review_number, s.next_review_due) == (2, D("2026-06-25"))
    [warning] = s.warnings
    assert warning.explanation.startswith(
        "1st review on 25/03/2026 says a plan was in place, but the first plan recorded was "
        "agreed on 27/03/2026")
    assert s.leaves_care == "Leaves care on 01/06/2032 (18th birthday)"
