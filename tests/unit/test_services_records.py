"""Record use cases on the in-memory unit of work (tests/fakes.py): no database.

Each use case stores what it should with a new version, refuses bad input with the message
the dialogs show next to the field, and then leaves nothing behind (no commit).
"""

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
    records.add_child(uow, Child("K1", date(2022, 6, 15), sex="2", forename="Kai"), TODAY)
    records.save_episode(uow, Episode("K1", date(2025, 1, 6), "S", "C2", placement="U4"), TODAY)
    return "K1"


def _problems(excinfo) -> dict[str, str]:
    found: dict[str, str] = {}
    for problem in excinfo.value.problems:
        found[problem.field] = f"{found.get(problem.field, '')} {problem.message}".strip()
    return found


def _stored(uow, cls, child_id="K1") -> list:
    with uow() as u:
        return u.repo.records(cls, child_id)


def _refused_without_a_trace(store, call, error=ValidationError):
    """Run ``call``, which must raise ``error``; nothing may have been committed."""
    before = (store.commits, store.state.audit[:])
    with pytest.raises(error) as excinfo:
        call()
    assert (store.commits, store.state.audit) == before
    return excinfo


# -- children --------------------------------------------------------------------------
def test_add_child_stores_canonical_sex_version_one_and_audits(uow, store):
    added = records.add_child(uow, Child("N1", date(2019, 4, 4), sex="2"), TODAY)
    assert (added.sex, added.version) == ("F", 1)
    with uow() as u:
        assert u.repo.child("N1") == added
        trail = u.repo.audit_trail("N1")
    assert [(a["table_name"], a["action"], a["row_key"]) for a in trail] == [
        ("child", "insert", "N1")]


def test_duplicate_child_is_refused_and_nothing_written(uow, store, child):
    excinfo = _refused_without_a_trace(
        store, lambda: records.add_child(uow, Child("K1", date(2019, 1, 1)), TODAY))
    assert _problems(excinfo)["child_id"] == ("'K1' already exists: use another ID or edit "
                                              "that child")


def test_child_born_in_the_future_with_a_bad_sex_is_refused(uow, store):
    excinfo = _refused_without_a_trace(
        store, lambda: records.add_child(uow, Child("K2", date(2026, 4, 1), sex="3"), TODAY))
    assert set(_problems(excinfo)) == {"dob", "sex"}


def test_update_child_bumps_the_version_and_refuses_a_stale_edit(uow, store, child):
    with uow() as u:
        read_by_a = u.repo.child("K1")
    read_by_b = read_by_a
    saved = records.update_child(uow, replace(read_by_a, forename="Alex"), TODAY)
    assert saved.version == read_by_a.version + 1
    excinfo = _refused_without_a_trace(
        store, lambda: records.update_child(uow, replace(read_by_b, forename="Sam"), TODAY),
        ConflictError)
    assert "changed by someone else" in str(excinfo.value)
    with uow() as u:
        assert u.repo.child("K1").forename == "Alex"


def test_update_of_a_child_no_longer_there_is_not_found(uow):
    with pytest.raises(NotFoundError, match="child K9 no longer exists"):
        records.update_child(uow, Child("K9", date(2019, 1, 1), version=1), TODAY)


# -- episodes --------------------------------------------------------------------------
def test_save_episode_adds_then_updates(uow, child):
    (first,) = _stored(uow, Episode)
    assert (first.id, first.version) == (1, 1)
    updated = records.save_episode(uow, replace(first, provider="PR1"), TODAY)
    assert (updated.id, updated.version, updated.provider) == (1, 2, "PR1")
    assert _stored(uow, Episode) == [updated]


def test_overlapping_episode_is_refused(uow, store, child):
    episode = Episode("K1", date(2024, 1, 1), "S", "C2", end=date(2025, 2, 1), rec="E4A")
    excinfo = _refused_without_a_trace(
        store, lambda: records.save_episode(uow, episode, TODAY))
    assert "overlaps the episode 06/01/2025" in _problems(excinfo)["start"]


def test_episode_for_an_unknown_child_is_not_found(uow):
    with pytest.raises(NotFoundError, match="no child with ID 'K7': check the ID or add the "
                                            "child first"):
        records.save_episode(uow, Episode("K7", date(2025, 1, 6), "S", "C2"), TODAY)


# -- reviews ---------------------------------------------------------------------------
def test_review_is_stored(uow, child):
    iro_records.save_iro(uow, Iro("Ann"))  # a review names a listed IRO
    review = records.record_review(uow, Review("K1", date(2025, 2, 1), "PN0", iro="Ann"), TODAY)
    assert (review.id, review.version) == (1, 1)
    assert _stored(uow, Review) == [review]


def test_second_review_on_the_same_day_is_refused(uow, store, child):
    records.record_review(uow, Review("K1", date(2025, 2, 1), "PN0"), TODAY)
    excinfo = _refused_without_a_trace(
        store, lambda: records.record_review(uow, Review("K1", date(2025, 2, 1)), TODAY))
    assert _problems(excinfo)["held"] == ("a review on 01/02/2025 is already recorded: edit "
                                          "that one instead")
    assert len(_stored(uow, Review)) == 1


def test_editing_a_review_keeps_its_own_date(uow, child):
    review = records.record_review(uow, Review("K1", date(2025, 2, 1), "PN0"), TODAY)
    edited = records.record_review(uow, replace(review, notes="At school"), TODAY)
    assert (edited.id, edited.version, edited.notes) == (review.id, 2, "At school")


@pytest.mark.parametrize(("held", "code", "field", "words"), [
    (date(2024, 12, 1), "PN0", "held", "not inside a period of care"),
    (date(2026, 4, 1), "PN0", "held", "in the future"),
    (date(2025, 2, 1), "PN1", "participation", "under 4 at the review: use PN0"),
    (date(2025, 2, 1), "PN9", "participation", "not a participation code"),
])
def test_bad_reviews_are_refused(uow, store, child, held, code, field, words):
    excinfo = _refused_without_a_trace(
        store, lambda: records.record_review(uow, Review("K1", held, code), TODAY))
    assert words in _problems(excinfo)[field]


# -- plans and outcomes ----------------------------------------------------------------
def test_plan_history_keeps_every_entry(uow, store, child):
    records.set_plan(uow, PlanChange("K1", date(2025, 3, 1), "Adoption"), TODAY)
    records.set_plan(uow, PlanChange("K1", date(2025, 9, 1), "Long-term fostering"), TODAY)
    assert [(p.agreed, p.primary) for p in _stored(uow, PlanChange)] == [
        (date(2025, 3, 1), "Adoption"), (date(2025, 9, 1), "Long-term fostering")]
    excinfo = _refused_without_a_trace(store, lambda: records.set_plan(
        uow, PlanChange("K1", date(2025, 3, 1), "Adoption", "Adoption"), TODAY))
    assert "same as the primary" in _problems(excinfo)["parallel"]


def test_outcome_from_the_configured_list_is_stored(uow, child):
    with uow() as u:
        u.save_settings(replace(u.settings(), monitoring_outcomes=("Settled", "Moved")))
    outcome = records.add_outcome(uow, MonitoringOutcome("K1", date(2025, 5, 1), "Moved"), TODAY)
    assert _stored(uow, MonitoringOutcome) == [outcome]


def test_outcome_off_the_list_and_in_the_future_is_refused(uow, store, child):
    with uow() as u:
        u.save_settings(replace(u.settings(), monitoring_outcomes=("Settled", "Moved")))
    excinfo = _refused_without_a_trace(store, lambda: records.add_outcome(
        uow, MonitoringOutcome("K1", date(2026, 4, 2), "Made up"), TODAY))
    assert _problems(excinfo) == {
        "outcome": "'Made up' is not in the monitoring outcome list: choose one of Settled; "
                   "Moved",
        "recorded": "02/04/2026 is in the future"}


# -- IROs ------------------------------------------------------------------------------
def test_iro_problems_are_listed_together(uow, store):
    excinfo = _refused_without_a_trace(
        store, lambda: iro_records.save_iro(uow, Iro(" ", fte=2.0, cp_cases=3)))
    assert set(_problems(excinfo)) == {"name", "fte", "cp_cases"}
    assert "record the IRO as dual role or enter 0" in _problems(excinfo)["cp_cases"]


def test_saving_an_iro_again_by_name_updates_it(uow):
    first = iro_records.save_iro(uow, Iro("Ann", fte=0.8))
    again = iro_records.save_iro(uow, Iro("Ann", fte=0.6))  # version 0: the stored one is taken
    assert (first.version, again.version, again.fte) == (1, 2, 0.6)
    with uow() as u:
        assert u.iros() == [again]
