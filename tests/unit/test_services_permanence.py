"""The permanence and reviews contexts on the in-memory unit of work (tests/fakes.py): the cohort
read, the summary figures, the reviews due and saved cohorts, with no database.

Seven children stored by hand, as of Tue 31/03/2026 (reporting period 01/04/2025 to
31/03/2026, the financial year). Due dates follow reg 33 (Care Planning, Placement and Case
Review (England) Regs 2010): 1st within 20 working days of entering care, 2nd within 3 months
of the 1st, then 6-monthly from the review actually held. Worked by hand:

- A1 (IRO Ann): C1 from Mon 02/06/2025, open. 1st due 30/06/2025 (20 working days: 3-6, 9-13,
  16-20, 23-27, 30 Jun), held 23/06 (PN1); 2nd due 23/09/2025, held 15/09; 3rd due 15/03/2026,
  not held: 16 days overdue. Plan agreed 01/09/2025: plan by the 2nd review. On an interim care
  order for 302 days (over 26 weeks, 182 days): ICO drift.
- B2 (IRO Ann): V2 from 02/06/2025, open. Reviews 23/06/2025, 30/09/2025 (late: due 23/09),
  10/03/2026 (due 30/03/2026). Plan only on 01/10/2025: no plan by the 2nd review (section
  20). 4th due 10/09/2026, 163 days ahead.
- C3: C2 from 02/06/2025, left care 01/12/2025 by adoption (E11). Reviews 23/06 and
  15/09/2025, no plan: counted (left care in the period), without a plan.
- D4 (IRO Zed, not in the IRO list): C1 from Mon 16/03/2026, no review yet. 1st due
  15/04/2026 (17-20, 23-27, 30, 31 Mar, 1, 2 Apr, Good Friday 3 and Easter Monday 6 Apr
  skipped, 7-10, 13-15 Apr): 15 days ahead, week 3 (14/04 to 20/04).
- E5 (no IRO): short breaks (V3) from 05/01/2026, open: looked after, in no review measure.
- F6: C2 from 08/01/2024 to 03/02/2025 (E4A), two reviews, no plan: left before the period.
- G7: one short break (V3) 03/11/2025 to 05/11/2025, ended E4A: not a child leaving care.
"""

from __future__ import annotations

from datetime import date

import pytest

from permanence_tracker.domain.entities import Child, Episode, Iro, PlanChange, Review
from permanence_tracker.domain.errors import ValidationError
from permanence_tracker.services.permanence import saved_cohorts
from permanence_tracker.services.permanence.cohort import load_cohort
from permanence_tracker.services.permanence.cohort_filter import (
    LEFT_CARE,
    CohortFilter,
    default_cohorts,
)
from permanence_tracker.services.permanence.summary import (
    IroLoad,
    LegalStatusCount,
    ReviewDue,
    short_breaks_ended,
    summarise,
)
from permanence_tracker.services.reviews.due import next_reviews

D = date.fromisoformat
AS_OF = D("2026-03-31")


def _child(cid, iro=""):
    return Child(cid, D("2015-05-05"), forename="Kid", surname=cid, iro=iro)


def _episode(cid, start, legal, end=None, rec=""):
    return Episode(cid, D(start), "S", legal, placement="U4", end=D(end) if end else None,
                   rec=rec)


def _reviews(cid, *held):
    return [Review(cid, D(h), participation="PN1" if n == 0 and cid == "A1" else "")
            for n, h in enumerate(held)]


@pytest.fixture
def authority(uow):
    with uow() as u:
        u.repo.add_many([Iro("Ann", fte=0.5), Iro("Bea"), Iro("Old", active=False)])
        u.repo.add_many([_child("A1", "Ann"), _child("B2", "Ann"), _child("C3", "Ann"),
                         _child("D4", "Zed"), _child("E5"), _child("F6", "Ann"),
                         _child("G7")])
        u.repo.add_many([
            _episode("A1", "2025-06-02", "C1"),
            _episode("B2", "2025-06-02", "V2"),
            _episode("C3", "2025-06-02", "C2", "2025-12-01", "E11"),
            _episode("D4", "2026-03-16", "C1"),
            _episode("E5", "2026-01-05", "V3"),
            _episode("F6", "2024-01-08", "C2", "2025-02-03", "E4A"),
            _episode("G7", "2025-11-03", "V3", "2025-11-05", "E4A"),
        ])
        u.repo.add_many(_reviews("A1", "2025-06-23", "2025-09-15")
                        + _reviews("B2", "2025-06-23", "2025-09-30", "2026-03-10")
                        + _reviews("C3", "2025-06-23", "2025-09-15")
                        + _reviews("F6", "2024-01-29", "2024-04-22"))
        u.repo.add_many([PlanChange("A1", D("2025-09-01"), "Adoption"),
                         PlanChange("B2", D("2025-10-01"), "Long-term fostering")])
    return uow


# -- the cohort read -----------------------------------------------------------------------
def test_load_cohort_reads_every_child_once_sorted_and_reports_progress(authority):
    said = []
    cohort = load_cohort(authority, AS_OF, progress=lambda *args: said.append(args))
    assert [s.child_id for s in cohort.standings] == ["A1", "B2", "C3", "D4", "E5", "F6", "G7"]
    assert [s.child_id for s in cohort.looked_after] == ["A1", "B2", "D4", "E5"]
    assert [i.name for i in cohort.iros] == ["Ann", "Bea", "Old"]
    assert [(done, total) for done, total, _text in said] == [(0, 0), (0, 7)]
    some = load_cohort(authority, AS_OF, ["D4", "A1"])
    assert [s.child_id for s in some.standings] == ["A1", "D4"]


def test_a_cohort_sees_nothing_after_its_date(authority):
    # On 01/06/2025 nobody here was looked after yet, and F6 had left.
    assert summarise(load_cohort(authority, D("2025-06-01"))).looked_after == 0
    # On 20/09/2025 B2's 2nd review (30/09) had not happened: A1's and C3's (15/09) counted,
    # and C3 was still looked after.
    early = summarise(load_cohort(authority, D("2025-09-20")))
    assert (early.looked_after, early.second_review_held, early.with_plan_by_second_review,
            early.without_plan_by_second_review) == (3, 2, 1, ("C3",))


# -- the summary figures -------------------------------------------------------------------
@pytest.fixture
def summary(authority):
    return summarise(load_cohort(authority, AS_OF))


def test_looked_after_and_legal_status_on_the_day(summary):
    assert summary.as_of == AS_OF
    assert summary.looked_after == 4  # A1, B2, D4 and E5 (short breaks count)
    assert summary.by_legal_status == (LegalStatusCount("C1", 2), LegalStatusCount("V2", 1),
                                       LegalStatusCount("V3", 1))


def test_second_review_with_and_without_a_plan(summary):
    # A1 (plan 01/09, 2nd review 15/09), B2 (plan after its 2nd review) and C3 (left care
    # in the period); F6 left before it and D4 has had no review.
    assert summary.second_review_held == 3
    assert summary.with_plan_by_second_review == 1
    assert summary.without_plan_by_second_review == ("B2", "C3")


def test_a_later_period_start_drops_who_left_before_it(authority):
    cohort = load_cohort(authority, AS_OF)
    later = summarise(cohort, D("2025-12-02"))
    assert (later.second_review_held, later.without_plan_by_second_review) == (2, ("B2",))
    assert later.left_care.total == 0
    assert [(r.child_id, r.held) for r in later.reviews_in_period.reviews] == [
        ("B2", D("2026-03-10"))]


def test_reviews_due_leave_out_short_breaks_and_those_who_left(summary):
    assert summary.reviews_due == (
        ReviewDue("A1", 3, D("2026-03-15"), True),
        ReviewDue("B2", 4, D("2026-09-10"), False),
        ReviewDue("D4", 1, D("2026-04-15"), False),
    )


def test_reviews_held_in_the_period_and_in_timescale(summary):
    period = summary.reviews_in_period
    assert (period.start, period.end) == (D("2025-04-01"), AS_OF)
    assert [(r.child_id, r.held, r.in_timescale) for r in period.reviews] == [
        ("A1", D("2025-06-23"), True), ("A1", D("2025-09-15"), True),
        ("B2", D("2025-06-23"), True), ("B2", D("2025-09-30"), False),
        ("B2", D("2026-03-10"), True),
        ("C3", D("2025-06-23"), True), ("C3", D("2025-09-15"), True),
    ]
    assert (period.held, period.in_timescale) == (7, 6)
    assert period.reviews[0].participation == "PN1"


def test_iro_caseloads_count_looked_after_children_per_fte(summary):
    assert summary.iro_caseloads == (
        IroLoad("Ann", 2, 0.5, 4.0, "below"),  # A1 and B2; C3 and F6 have left care
        IroLoad("Bea", 0, 1.0, 0.0, "below"),  # active, no children: still listed
        IroLoad("Zed", 1, 1.0, 1.0, "below"),  # named on D4, not in the list: one post
    )  # Old is inactive with no children: left out


def test_left_care_counts_periods_not_short_breaks(authority, summary):
    left = summary.left_care
    assert dict(left.by_group) == {"adoption": 1, "sgo": 0, "cao": 0, "home": 0, "other": 0}
    assert left.total == 1  # C3; G7's break ended E4A but is not a return home
    cohort = load_cohort(authority, AS_OF)
    assert short_breaks_ended(cohort, D("2025-04-01"), AS_OF) == (1, 1)


def test_month_end_counts_and_drift(summary):
    counts = summary.month_end_counts
    assert [m.day for m in counts][:2] == [D("2025-04-30"), D("2025-05-31")]
    assert counts[-1].day == AS_OF
    # A1, B2, C3 from June; C3 gone by 31/12; E5 from January; D4 in March
    assert [m.looked_after for m in counts] == [0, 0, 3, 3, 3, 3, 3, 3, 2, 3, 3, 4]
    assert (summary.drift.ico, summary.drift.a1, summary.drift.a2) == (("A1",), (), ())


# -- reviews due week by week (services.reviews.due) ---------------------------------------
def test_next_reviews_by_week_overdue_and_iro(authority, summary):
    due = next_reviews(load_cohort(authority, AS_OF))
    assert [(r.child_id, r.number, r.due, r.days_left, r.week) for r in due.reviews] == [
        ("A1", 3, D("2026-03-15"), -16, None),
        ("D4", 1, D("2026-04-15"), 15, 3),
        ("B2", 4, D("2026-09-10"), 163, None),
    ]
    # the same reviews as the summary's, from the same standings
    assert sorted((r.child_id, r.due) for r in due.reviews) == [
        (r.child_id, r.due) for r in summary.reviews_due]
    assert [(r.child_id, r.days_overdue) for r in due.overdue] == [("A1", 16)]
    assert [r.child_id for r in due.upcoming] == ["D4"]
    assert [len(w.reviews) for w in due.weeks] == [0, 0, 1, 0, 0, 0, 0, 0]
    assert due.weeks[2].label == "Week 3: 14/04/2026 to 20/04/2026"
    assert due.reviews[1].name == "Kid D4"
    assert due.iros == ("Ann", "Zed")  # E5, with no IRO, is on short breaks
    assert [r.child_id for r in due.for_iro("Ann").reviews] == ["A1", "B2"]
    assert due.for_iro("Bea").reviews == ()


# -- saved cohorts (services.permanence.saved_cohorts) --------------------------------------
def test_the_defaults_until_a_cohort_is_saved(uow, store):
    assert saved_cohorts.load(uow) == default_cohorts()
    with uow() as u:
        assert u.get_value(saved_cohorts.KEY) is None


def test_save_keeps_the_defaults_drops_the_search_text_and_round_trips(uow):
    wanted = CohortFilter(text="lee", status=LEFT_CARE, legal_statuses=frozenset({"C1", "C2"}),
                          age_max=4, care_started_from=D("2024-01-01"))
    returned = saved_cohorts.save(uow, "  Under fives ", wanted)
    assert list(returned) == [*default_cohorts(), "Under fives"]
    assert returned["Under fives"] == CohortFilter(
        status=LEFT_CARE, legal_statuses=frozenset({"C1", "C2"}), age_max=4,
        care_started_from=D("2024-01-01"))
    assert saved_cohorts.load(uow) == returned
    with uow() as u:
        assert '"Under fives"' in u.get_value(saved_cohorts.KEY)


def test_a_nameless_cohort_is_refused_and_nothing_saved(uow, store):
    with pytest.raises(ValidationError) as excinfo:
        saved_cohorts.save(uow, "   ", CohortFilter(age_max=4))
    assert [p.field for p in excinfo.value.problems] == ["name"]
    assert store.state.values == {}


def test_delete_removes_one_and_the_defaults_do_not_come_back(uow):
    left = saved_cohorts.delete(uow, "Section 20")
    assert "Section 20" not in left and len(left) == len(default_cohorts()) - 1
    assert saved_cohorts.load(uow) == left
    assert saved_cohorts.delete(uow, "No such cohort") == left
    for name in list(left):
        saved_cohorts.delete(uow, name)
    assert saved_cohorts.load(uow) == {}  # an emptied list stays empty
