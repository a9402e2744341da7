"""The done-when proof of issue 11: the messy synthetic tracker workbook
(``tests/support/messy_workbook.py``) comes in through ``permanence-tracker import-spreadsheet``
on top of a tiny imported 903 return, with the right standing for every child and the right
IRO caseloads, whatever is decided for the conflicts; and re-importing it changes nothing.

Expected standings, worked out by hand from the workbook's dates (as of 01/04/2026). Reg 33:
the 1st review is due within 20 working days of becoming looked after, the 2nd within 3 months
of the 1st; a plan agreed on or before the 2nd review (the same day counts) is a plan by the
2nd review; with the 2nd review not held, 28 days or fewer to its due date (or overdue) and no
plan is "due soon".

- M1: looked after 06/01/2025 (1st due 03/02/2025), reviews 03/02/2025 and 02/05/2025, plan
  (LTF) agreed 01/04/2025, before the 2nd review: plan by 2nd review.
- M2: the same dates (looked after as an Excel serial), plan (SGO) agreed 01/07/2025, after the
  2nd review on 02/05/2025: no plan by 2nd review, agreed late.
- M3 (in the 903 return, s20 from 06/01/2025, 1st review 03/02/2025): the sheet adds the 2nd
  review on 02/05/2025 and says no plan: no plan by 2nd review, still none. Its reason group
  follows the legal status decided: section 20 (keep the 903's V2) or interim care order (take
  the sheet's ICO, C1). Skipped: only the 903's 1st review, so the 2nd is due 03/05/2025,
  long overdue, no plan: due soon (overdue counts).
- M4 (in the 903 return, C2 from 01/07/2025, 1st review 25/07/2025): the sheet adds the 2nd
  review on 20/10/2025 and a plan (Adoption) agreed 15/09/2025: plan by 2nd review. Skipped:
  the 2nd is due 25/10/2025, overdue, no plan: due soon.
- M5: looked after 05/01/2026 (1st due 02/02/2026, 20 working days), 1st review 02/02/2026,
  so the 2nd is due 02/05/2026: 31 days away, no plan: not yet due.
- M6: 1st review 20/01/2026, so the 2nd is due 20/04/2026: 19 days away, no plan: due soon.
- M7: looked after 01/08/2025 (an Excel serial; 1st due 01/09/2025 over the August bank
  holiday), reviews 28/08/2025 and 27/11/2025, plan agreed on 27/11/2025, the day of the 2nd
  review: plan by 2nd review.

IRO caseloads (looked-after children per IRO): Jo Bloggs has M1, M2 ("J. Bloggs") and M6
("J Bloggs"): 3; Kay Lee has M3 ("Kay  Lee ") and M5 ("kay lee"): 2; Lou Mint has M4 and M7
("Lou  Mint"): 2. Skipping M3 and M4 leaves Kay Lee and Lou Mint with 1 each.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from support.messy_workbook import CHILD_IDS, messy_workbook, write_903_return

from permanence_tracker import cli
from permanence_tracker.cli import clock
from permanence_tracker.domain.entities import Episode, Note, PlanChange, Review
from permanence_tracker.domain.permanence import PlanStatus, ReasonGroup
from permanence_tracker.persistence import tables as t
from permanence_tracker.services.imports.spreadsheet.model import FTE_NOT_SET
from permanence_tracker.services.imports.ssda903.service import import_903
from permanence_tracker.services.permanence.caseloads import caseloads
from permanence_tracker.services.permanence.cohort import load_cohort

TODAY = date(2026, 4, 1)
PLAN = PlanStatus.PLAN_BY_SECOND_REVIEW
NO_PLAN = PlanStatus.NO_PLAN_BY_SECOND_REVIEW
SOON = PlanStatus.DUE_SOON_NO_PLAN
NOT_YET = PlanStatus.NOT_YET_DUE


@pytest.fixture
def tracker(context, tmp_path, monkeypatch):
    """The 903 return imported (M3 and M4), the CLI's clock at TODAY, and the workbook."""
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    assert import_903(context.uow, [write_903_return(tmp_path)], TODAY).written
    return messy_workbook(tmp_path / "tracker.xlsx")


def _run(context, capsys, *args) -> tuple[int, str, str]:
    code = cli.main(["--db", context.url, "import-spreadsheet", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def _counts(context) -> tuple[int, ...]:
    with context.engine.connect() as connection:
        return tuple(connection.execute(select(func.count()).select_from(table)).scalar_one()
                     for table in (t.audit, t.child, t.episode, t.review, t.plan,
                                   t.iro, t.note))


def _standings(context):
    cohort = load_cohort(context.uow, TODAY)
    standing = {s.child_id: s.permanence for s in cohort.standings}
    loads = {row.name: row.children for row in caseloads(cohort).rows}
    return standing, loads, cohort


def _assert_common(standing) -> None:
    assert standing["M1"].status is PLAN and standing["M1"].plan_agreed == date(2025, 4, 1)
    assert standing["M2"].status is NO_PLAN and standing["M2"].agreed_late
    assert standing["M2"].plan_late_on == date(2025, 7, 1)
    assert standing["M5"].status is NOT_YET
    assert standing["M5"].second_review_due == date(2026, 5, 2)
    assert standing["M6"].status is SOON
    assert standing["M6"].second_review_due == date(2026, 4, 20)
    assert standing["M7"].status is PLAN and standing["M7"].plan_agreed == date(2025, 11, 27)


@pytest.mark.parametrize("decision, ls3, ls4, reason3", [
    ("keep", ["V2"], ["C2"], ReasonGroup.SECTION_20),
    # take records a change of legal status on the row's latest review (903 RNE L)
    ("take", ["V2", "C1"], ["C2", "E1"], ReasonGroup.INTERIM_CARE_ORDER),
])
def test_the_messy_workbook_comes_in_with_the_right_standing(context, capsys, tracker,
                                                             decision, ls3, ls4, reason3):
    code, out, err = _run(context, capsys, tracker, "--on-conflict", decision)
    assert (code, err) == (0, "")
    assert "Rows: 5 create, 2 update, 0 unchanged, 0 rejected, 0 skipped" in out
    assert "row 13: totals row ('Total')" in out and "row 14: note" in out
    standing, loads, cohort = _standings(context)
    assert set(standing) == set(CHILD_IDS)
    _assert_common(standing)
    assert standing["M3"].status is NO_PLAN and standing["M3"].still_no_plan
    assert standing["M3"].reason is reason3
    assert standing["M4"].status is PLAN and standing["M4"].plan_agreed == date(2025, 9, 15)
    assert loads == {"Jo Bloggs": 3, "Kay Lee": 2, "Lou Mint": 2}
    assert {i.fte for i in cohort.iros} == {FTE_NOT_SET}
    assert "New IROs created (3): Jo Bloggs, Kay Lee, Lou Mint" in out
    with context.uow() as uow:
        assert [ep.legal_status for ep in uow.repo.records(Episode, "M3")] == ls3
        assert [ep.legal_status for ep in uow.repo.records(Episode, "M4")] == ls4
        assert sorted(r.held for r in uow.repo.records(Review, "M4")) == [
            date(2025, 7, 25), date(2025, 10, 20)]
        plans = {p.child_id: p.primary for p in uow.repo.records(PlanChange)}
        assert plans == {"M1": "Long-term fostering", "M2": "SGO/CAO", "M4": "Adoption",
                         "M7": "Return to family"}
        assert [n.text for n in uow.repo.records(Note)] == ["Settled with carers"]
        assert uow.verify_audit().intact


def test_skipping_the_conflicting_rows_leaves_the_903_records(context, capsys, tracker):
    before = _counts(context)
    code, out, _ = _run(context, capsys, tracker, "--on-conflict", "skip")
    assert code == 0
    assert "Rows: 5 create, 0 update, 0 unchanged, 0 rejected, 2 skipped" in out
    standing, loads, _ = _standings(context)
    _assert_common(standing)
    assert standing["M3"].status is SOON
    assert standing["M3"].second_review_due == date(2025, 5, 3)
    assert standing["M4"].status is SOON
    assert standing["M4"].second_review_due == date(2025, 10, 25)
    assert loads == {"Jo Bloggs": 3, "Kay Lee": 1, "Lou Mint": 1}
    with context.uow() as uow:
        assert [ep.legal_status for ep in uow.repo.records(Episode, "M4")] == ["C2"]
        assert len(uow.repo.records(Review, "M4")) == 1
        m3 = uow.repo.child("M3")
    assert m3 is not None and (m3.forename, m3.iro) == ("", "")  # nothing of row 7 written
    assert _counts(context)[1] == before[1] + 5  # the five new children only


def test_undecided_conflicts_write_nothing(context, capsys, tracker):
    before = _counts(context)
    code, out, _ = _run(context, capsys, tracker)
    assert code == 1
    assert out.count("-> undecided: choose with --on-conflict keep|take|skip") == 2
    assert _counts(context) == before


def test_re_importing_the_same_file_changes_nothing(context, capsys, tracker):
    assert _run(context, capsys, tracker, "--on-conflict", "take")[0] == 0
    before = _counts(context)
    first, *_ = _standings(context)
    code, out, _ = _run(context, capsys, tracker)  # no conflicts left to decide
    assert code == 0
    assert "Rows: 0 create, 0 update, 7 unchanged, 0 rejected, 0 skipped" in out
    assert "no audit entry written" in out
    assert _counts(context) == before
    again, *_ = _standings(context)
    assert again == first
