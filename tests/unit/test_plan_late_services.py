"""Issue 10 item 2: "plan agreed late" against "still no plan", worked by hand.

Three children looked after from Mon 02/06/2025 on a full care order (N3 on section 20), each
reviewed 23/06/2025 (1st, due 30/06), 15/09/2025 (2nd, due 23/09) and 10/03/2026 (3rd, due
15/03/2026; the 4th is due 10/09/2026, so nothing is overdue on 31/03/2026):
- A1: plan agreed 01/09/2025, before the 2nd review: a plan by the 2nd review;
- L2: plan agreed 20/10/2025, after the 2nd review: counted in the statutory measure ("no plan
  by the 2nd review"), but agreed late, so no action flag;
- N3: no plan at all: counted, and still no plan (the NO_PLAN action flag, section 20).
Seen on 10/10/2025, before L2's plan, L2 was still without one.
"""

from __future__ import annotations

from datetime import date

import pytest

from permanence_tracker.domain.entities import Child, Episode, PlanChange, Review
from permanence_tracker.domain.permanence import PlanStatus, ReasonGroup
from permanence_tracker.gui.pages.dashboard_text import tiles, without_plan_split
from permanence_tracker.services.permanence.cohort import load_cohort
from permanence_tracker.services.permanence.cohort_filter import CohortFilter
from permanence_tracker.services.permanence.dashboard import dashboard
from permanence_tracker.services.permanence.rows import (
    PLAN_AGREED_LATE,
    STILL_NO_PLAN,
    child_rows,
)
from permanence_tracker.services.permanence.summary import summarise

D = date.fromisoformat
AS_OF = D("2026-03-31")


@pytest.fixture
def authority(uow):
    with uow() as u:
        u.repo.add_many([Child(c, D("2015-05-05"), forename="Kid", surname=c)
                         for c in ("A1", "L2", "N3")])
        u.repo.add_many([Episode(c, D("2025-06-02"), "S", legal, placement="U4")
                         for c, legal in (("A1", "C2"), ("L2", "C2"), ("N3", "V2"))])
        u.repo.add_many([Review(c, D(held)) for c in ("A1", "L2", "N3")
                         for held in ("2025-06-23", "2025-09-15", "2026-03-10")])
        u.repo.add_many([PlanChange("A1", D("2025-09-01"), "Adoption"),
                         PlanChange("L2", D("2025-10-20"), "Long-term fostering")])
    return uow


def _standings(uow, as_of=AS_OF):
    return {s.child_id: s for s in load_cohort(uow, as_of).standings}


def test_the_assessment_tells_a_late_plan_from_still_no_plan(authority):
    s = _standings(authority)
    late, none = s["L2"].permanence, s["N3"].permanence
    assert late.status is none.status is PlanStatus.NO_PLAN_BY_SECOND_REVIEW
    assert (late.second_review, late.plan_late_on) == (D("2025-09-15"), D("2025-10-20"))
    assert late.flagged and late.agreed_late and not late.still_no_plan
    assert none.flagged and none.still_no_plan and not none.agreed_late
    assert none.plan_late_on is None and none.reason is ReasonGroup.SECTION_20
    on_time = s["A1"].permanence
    assert on_time.plan_late_on is None and not (on_time.agreed_late or on_time.still_no_plan)
    # Before the late plan was agreed, L2 was still without one (later events unseen).
    before = _standings(authority, D("2025-10-10"))["L2"].permanence
    assert before.still_no_plan and before.plan_late_on is None


def test_rows_flag_only_still_no_plan(authority):
    rows = {r.child_id: r for r in child_rows(load_cohort(authority, AS_OF))}
    late, none = rows["L2"], rows["N3"]
    assert late.flags == () and late.plan_late_on == D("2025-10-20")
    assert late.plan_late_words == ("Plan agreed late: on 20/10/2025, after the 2nd review on "
                                    "15/09/2025")
    assert late.plan_tags == {"no plan by 2nd review", PLAN_AGREED_LATE}
    assert none.flag_codes == {"NO_PLAN"} and none.still_no_plan
    assert "still none" in none.flags[0].label and "15/09/2025" in none.flags[0].explanation
    assert none.plan_tags == {"no plan by 2nd review", STILL_NO_PLAN}
    assert rows["A1"].plan_tags == {"plan by 2nd review"} and rows["A1"].plan_late_words == ""


def test_the_action_filter_excludes_a_late_plan_and_the_measure_keeps_it(authority):
    rows = child_rows(load_cohort(authority, AS_OF))

    def shown(cohort: CohortFilter) -> list[str]:
        return [r.child_id for r in rows if cohort.matches(r)]

    assert shown(CohortFilter(flagged_only=True)) == ["N3"]
    assert shown(CohortFilter(plan_statuses=frozenset({STILL_NO_PLAN}))) == ["N3"]
    assert shown(CohortFilter(plan_statuses=frozenset({PLAN_AGREED_LATE}))) == ["L2"]
    assert shown(CohortFilter(plan_statuses=frozenset({"no plan by 2nd review"}))) == [
        "L2", "N3"]
    # a saved cohort keeps the new choice
    saved = CohortFilter(plan_statuses=frozenset({PLAN_AGREED_LATE}))
    assert CohortFilter.from_json(saved.to_json()) == saved


def test_summary_counts_both_and_splits_them(authority):
    s = summarise(load_cohort(authority, AS_OF))
    assert (s.second_review_held, s.with_plan_by_second_review) == (3, 1)
    assert s.without_plan_by_second_review == ("L2", "N3")  # the statutory measure
    assert (s.plan_agreed_late, s.still_no_plan) == (("L2",), ("N3",))
    early = summarise(load_cohort(authority, D("2025-10-10")))
    assert (early.plan_agreed_late, early.still_no_plan) == ((), ("L2", "N3"))


def test_the_dashboard_tile_says_how_many_still_have_no_plan(authority):
    board = dashboard(load_cohort(authority, AS_OF))
    assert (board.without_plan_count, board.still_no_plan_count,
            board.agreed_late_count) == (2, 1, 1)
    assert without_plan_split(board) == ("2 without a plan by the 2nd review — 1 still no "
                                         "plan, 1 agreed late")
    figure, caption = tiles(board)["without_plan"]
    assert figure == "2" and caption.startswith(without_plan_split(board) + ". ")
    notes = {c.child_id: c.note for g in board.without_plan for c in g.children}
    assert notes["L2"].endswith("plan agreed late, on 20/10/2025")
    assert notes["N3"].endswith("still no plan")
