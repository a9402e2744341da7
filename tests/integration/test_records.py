"""Record use cases: every rule refuses bad input with a specific message and writes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from permanence_tracker.domain.entities import (
    Child,
    Episode,
    Iro,
    MonitoringOutcome,
    PlanChange,
    Review,
)
from permanence_tracker.domain.errors import ConflictError, NotFoundError, ValidationError
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records import iros as iro_records

TODAY = date(2026, 3, 31)


@pytest.fixture
def child(uow):
    records.add_child(uow, Child("K1", date(2022, 6, 15), sex="2"), TODAY)
    records.save_episode(uow, Episode("K1", date(2025, 1, 6), "S", "C2", placement="U4"), TODAY)
    return "K1"


def _problems(excinfo) -> dict[str, str]:
    found: dict[str, str] = {}
    for problem in excinfo.value.problems:
        found[problem.field] = f"{found.get(problem.field, '')} {problem.message}".strip()
    return found


def _count(uow, cls, child_id="K1") -> int:
    with uow() as u:
        return len(u.repo.records(cls, child_id))


def test_duplicate_child_and_future_birth_are_refused(uow, child):
    with pytest.raises(ValidationError) as excinfo:
        records.add_child(uow, Child("K1", date(2019, 1, 1)), TODAY)
    assert "already exists" in _problems(excinfo)["child_id"]
    with pytest.raises(ValidationError) as excinfo:
        records.add_child(uow, Child("K2", date(2026, 4, 1), sex="3"), TODAY)
    assert set(_problems(excinfo)) == {"dob", "sex"}


@pytest.mark.parametrize(
    ("episode", "field", "words"),
    [
        (Episode("K1", date(2024, 1, 1), "S", "C2", end=date(2025, 2, 1), rec="E4A"),
         "start", "overlaps the episode 06/01/2025"),
        (Episode("K1", date(2024, 1, 1), "S", "C2", end=date(2023, 12, 1), rec="E4A"),
         "end", "before the start"),  # DfE rule 356 (DEC = DECOM is valid: issue 8)
        (Episode("K1", date(2024, 1, 1), "S", "Q9"), "legal_status", "not a legal status"),
        (Episode("K1", date(2024, 1, 1), "S", "C2", placement="XX"), "placement",
         "not a placement type"),
        (Episode("K1", date(2024, 1, 1), "Z", "C2"), "rne", "not a reason for new episode"),
        (Episode("K1", date(2026, 4, 2), "S", "C2"), "start", "in the future"),
        (Episode("K1", date(2024, 1, 1), "S", "C2", end=date(2024, 6, 1)), "rec", "required"),
    ],
)
def test_bad_episodes_are_refused(uow, child, episode, field, words):
    with pytest.raises(ValidationError) as excinfo:
        records.save_episode(uow, episode, TODAY)
    assert words in _problems(excinfo)[field]
    assert _count(uow, Episode) == 1


@pytest.mark.parametrize(
    ("held", "code", "field", "words"),
    [
        (date(2024, 12, 1), "PN0", "held", "not inside a period of care"),
        (date(2026, 4, 1), "PN0", "held", "in the future"),
        (date(2025, 2, 1), "PN1", "participation", "under 4 at the review: use PN0"),
        (date(2025, 2, 1), "PN9", "participation", "not a participation code"),
    ],
)
def test_bad_reviews_are_refused(uow, child, held, code, field, words):
    with pytest.raises(ValidationError) as excinfo:
        records.record_review(uow, Review("K1", held, participation=code), TODAY)
    assert words in _problems(excinfo)[field]
    assert _count(uow, Review) == 0


def test_pn0_is_only_for_under_fours(uow):
    records.add_child(uow, Child("K5", date(2015, 1, 1)), TODAY)
    records.save_episode(uow, Episode("K5", date(2025, 1, 6), "S", "V2"), TODAY)
    with pytest.raises(ValidationError) as excinfo:
        records.record_review(uow, Review("K5", date(2025, 2, 1), participation="PN0"), TODAY)
    assert "only for children under 4" in _problems(excinfo)["participation"]


def test_same_day_review_twice_is_refused(uow, child):
    records.record_review(uow, Review("K1", date(2025, 2, 1), participation="PN0"), TODAY)
    with pytest.raises(ValidationError) as excinfo:
        records.record_review(uow, Review("K1", date(2025, 2, 1)), TODAY)
    assert "already recorded" in _problems(excinfo)["held"]


def test_plan_history_keeps_every_change_and_is_audited(uow, child):
    records.set_plan(uow, PlanChange("K1", date(2025, 3, 1), "Adoption", "Long-term fostering"),
                     TODAY)
    records.set_plan(uow, PlanChange("K1", date(2025, 9, 1), "Long-term fostering"), TODAY)
    assert [p.primary for p in sorted(_plans(uow), key=lambda p: p.agreed)] == [
        "Adoption", "Long-term fostering"]
    with uow() as u:
        trail = u.repo.audit_trail("K1")
    plan_entries = [a for a in trail if a["table_name"] == "plan"]
    assert [a["action"] for a in plan_entries] == ["insert", "insert"]
    assert all(a["user"] == "tester" for a in trail)
    with pytest.raises(ValidationError) as excinfo:
        records.set_plan(uow, PlanChange("K1", date(2025, 3, 1), "Adoption", "Adoption"), TODAY)
    assert "same as the primary" in _problems(excinfo)["parallel"]


def _plans(uow):
    with uow() as u:
        return u.repo.records(PlanChange, "K1")


def test_stale_edit_is_refused_and_first_write_kept(uow, child):
    with uow() as u:
        read_by_a = u.repo.child("K1")
    read_by_b = read_by_a
    records.update_child(uow, replace(read_by_a, forename="Alex"), TODAY)
    with pytest.raises(ConflictError, match="changed by someone else"):
        records.update_child(uow, replace(read_by_b, forename="Sam"), TODAY)
    with uow() as u:
        assert u.repo.child("K1").forename == "Alex"


def test_outcome_must_come_from_the_configured_list(uow, child):
    with pytest.raises(ValidationError) as excinfo:
        records.add_outcome(uow, MonitoringOutcome("K1", date(2025, 5, 1), "Made up"), TODAY)
    assert "not in the monitoring outcome list" in _problems(excinfo)["outcome"]
    records.add_outcome(uow, MonitoringOutcome("K1", date(2025, 5, 1),
                                               "Permanent Fostering Panel Agreed"), TODAY)
    assert _count(uow, MonitoringOutcome) == 1


def test_unknown_child_is_not_found(uow):
    with pytest.raises(NotFoundError, match="no child with ID 'nobody'"):
        records.record_review(uow, Review("nobody", date(2025, 1, 1)), TODAY)


def test_iro_rules(uow):
    with pytest.raises(ValidationError) as excinfo:
        iro_records.save_iro(uow, Iro("Cat", fte=0, cp_cases=3))
    assert set(_problems(excinfo)) == {"fte", "cp_cases"}
    iro_records.save_iro(uow, Iro("Cat", fte=0.6, dual_role=True, cp_cases=12))
    iro_records.save_iro(uow, Iro("Cat", fte=0.8, dual_role=True, cp_cases=10))
    with uow() as u:
        assert [(i.fte, i.cp_cases) for i in u.iros()] == [(0.8, 10)]
