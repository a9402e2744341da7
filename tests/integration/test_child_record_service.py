"""The child record read: standing facts, periods, review numbers and due dates, A1/A2, audit.

Expected dates are worked out by hand from reg 33 (see the comments next to each).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from permanence_tracker.domain.entities import (
    AdoptionMilestones,
    Child,
    Episode,
    Iro,
    MissingEpisode,
    PlanChange,
    Review,
)
from permanence_tracker.domain.errors import NotFoundError
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records import iros as iro_records
from permanence_tracker.services.records.child_record import load_child_record

TODAY = date(2026, 3, 31)


@pytest.fixture
def child(uow):
    iro_records.save_iro(uow, Iro("Ann Able", fte=1.0))  # a child is allocated to a listed IRO
    records.add_child(uow, Child("R1", date(2014, 5, 5), "2", "Rae", "Lark", iro="Ann Able"),
                      TODAY)
    E = Episode
    records.save_episode(uow, E("R1", date(2023, 1, 9), "S", "V2", placement="U6",
                                end=date(2023, 6, 30), rec="E4A"), TODAY)
    records.save_episode(uow, E("R1", date(2025, 6, 2), "S", "C1", placement="U6",
                                end=date(2025, 9, 1), rec="X1"), TODAY)
    records.save_episode(uow, E("R1", date(2025, 9, 1), "L", "C2", placement="U6"), TODAY)
    for held in (date(2023, 2, 1), date(2025, 6, 27), date(2025, 9, 30)):
        records.record_review(uow, Review("R1", held, "PN1"), TODAY)
    records.set_plan(uow, PlanChange("R1", date(2023, 3, 1), "Return to family"), TODAY)
    records.set_plan(uow, PlanChange("R1", date(2025, 9, 15), "Long-term fostering",
                                     "Adoption"), TODAY)
    with uow() as u:
        u.repo.add(AdoptionMilestones("R1", should_be_placed=date(2025, 10, 1),
                                      placement_order=date(2025, 11, 3)))
        u.repo.add(MissingEpisode("R1", "M", date(2025, 10, 10), date(2025, 10, 11)))
        u.repo.add(Review("R1", date(2022, 12, 1)))  # outside every period (legacy import)
    return "R1"


def test_standing_facts(uow, child):
    record = load_child_record(uow, child, TODAY)
    s = record.standing
    assert record.child.name == "Rae Lark"
    assert (s.looked_after, s.legal_status, s.placement, s.iro) == (True, "C2", "U6", "Ann Able")
    assert s.start_of_care == date(2025, 6, 2)  # the second period: re-entry restarts the clock
    # 3rd review: 6 months after the 2nd held 30/09/2025 -> 30/03/2026, one day overdue on 31/03
    assert (s.next_review_number, s.next_review_due, s.days_left) == (3, date(2026, 3, 30), -1)
    assert "OVERDUE" in s.flag_codes
    assert (s.plan, s.parallel_plan) == ("Long-term fostering", "Adoption")
    assert s.plan_status == "plan by 2nd review"  # agreed 15/09, 2nd review 30/09
    assert record.open_episode.start == date(2025, 9, 1)


def test_periods_and_episodes(uow, child):
    record = load_child_record(uow, child, TODAY)
    assert [(p.number, p.start, p.end, p.reason_ceased) for p in record.periods] == [
        (1, date(2023, 1, 9), date(2023, 6, 30), "E4A"),
        (2, date(2025, 6, 2), None, ""),
    ]
    assert [(e.period, e.episode.rne) for e in record.episodes] == [(1, "S"), (2, "S"), (2, "L")]


def test_reviews_numbered_in_their_period_with_due_dates(uow, child):
    rows = {r.review.held: r for r in load_child_record(uow, child, TODAY).reviews}
    # Period 1 from Mon 09/01/2023: 20 working days -> Mon 06/02/2023; held 01/02, in time.
    first = rows[date(2023, 2, 1)]
    assert (first.period, first.number, first.due, first.in_timescale) == (
        1, 1, date(2023, 2, 6), True)
    # Period 2 from Mon 02/06/2025: 20 working days (no bank holiday) -> Mon 30/06/2025.
    again = rows[date(2025, 6, 27)]
    assert (again.period, again.number, again.due, again.in_timescale) == (
        2, 1, date(2025, 6, 30), True)
    # 2nd: 3 months after 27/06 -> 27/09/2025; held 30/09: late.
    late = rows[date(2025, 9, 30)]
    assert (late.number, late.due, late.in_timescale) == (2, date(2025, 9, 27), False)
    outside = rows[date(2022, 12, 1)]
    assert (outside.period, outside.number, outside.due) == (None, None, None)


def test_plans_outcomes_adoption_and_missing(uow, child):
    record = load_child_record(uow, child, TODAY)
    assert [(p.plan.primary, p.current) for p in record.plans] == [
        ("Long-term fostering", True), ("Return to family", False)]
    adoption = record.adoption[0]
    # A1: 02/06/2025 to 31/03/2026 = 28 (June) + 184 (Jul-Dec) + 90 (Jan-Mar) = 302 days so far
    assert (adoption.a1_days, adoption.a1_reached) == (302, False)
    # A2: 03/11/2025 to 31/03/2026 = 27 + 31 + 31 + 28 + 31 = 148 days so far
    assert (adoption.a2_days, adoption.a2_reached) == (148, False)
    assert [(m.kind, m.start) for m in record.missing] == [("M", date(2025, 10, 10))]


def test_as_of_view_hides_later_events(uow, child):
    record = load_child_record(uow, child, date(2025, 7, 31))
    assert record.standing.legal_status == "C1"
    rows = {r.review.held: r for r in record.reviews}
    assert rows[date(2025, 9, 30)].number is None
    assert not any(p.current for p in record.plans)


def test_audit_trail_newest_first_with_old_and_new(uow, child):
    with uow() as u:
        current = u.repo.child(child)
    records.update_child(uow, replace(current, forename="Rhea"), TODAY)
    audit = load_child_record(uow, child, TODAY).audit
    newest = audit[0]
    assert (newest.user, newest.table, newest.action) == ("tester", "child", "update")
    assert newest.changes == (("forename", "Rae", "Rhea"),)
    assert audit[-1].table == "child" and audit[-1].action == "insert"
    episode_insert = next(a for a in audit if a.table == "episode")
    assert ("start", "", "01/09/2025") in episode_insert.changes


def test_unknown_child(uow):
    with pytest.raises(NotFoundError, match="NOPE"):
        load_child_record(uow, "NOPE", TODAY)
