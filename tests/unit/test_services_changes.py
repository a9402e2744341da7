"""Change of legal status or placement, and the end of care, on the in-memory unit of work.

SSDA903: the open episode ends with REC X1 and the next starts the same day, both in one unit
of work; leaving care ends it with a reason that is not X1.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from fakes import fake_uow_factory

from permanence_tracker.domain.entities import Child, Episode
from permanence_tracker.domain.errors import ConflictError, NotFoundError, ValidationError
from permanence_tracker.services.records import changes
from permanence_tracker.services.records import editing as records

TODAY = date(2026, 3, 31)
START = date(2025, 6, 2)


@pytest.fixture
def uow(store):
    factory = fake_uow_factory(store)
    records.add_child(factory, Child("C9", date(2015, 1, 1), "1"), TODAY)
    records.save_episode(factory, Episode("C9", START, "S", "C1", cin="N1", placement="U6",
                                          provider="PR1", urn="SC1"), TODAY)
    return factory


def _episodes(uow) -> list[tuple]:
    with uow() as u:
        return [(e.start, e.end, e.rec, e.rne, e.legal_status, e.placement, e.version)
                for e in sorted(u.repo.records(Episode, "C9"), key=lambda e: e.start)]


def _open(uow) -> Episode:
    with uow() as u:
        return next(e for e in u.repo.records(Episode, "C9") if e.end is None)


def test_a_change_ends_the_open_episode_with_x1_and_opens_the_next_in_one_commit(uow, store):
    commits = store.commits
    ended, new = changes.record_change(uow, "C9", date(2025, 9, 1), "C2", "U6", "L", TODAY)
    assert store.commits == commits + 1  # both writes in one unit of work
    assert _episodes(uow) == [
        (START, date(2025, 9, 1), "X1", "S", "C1", "U6", 2),
        (date(2025, 9, 1), None, "", "L", "C2", "U6", 1)]
    # same placement: the provider and URN carry over; the CIN always does
    assert (new.cin, new.provider, new.urn) == ("N1", "PR1", "SC1")
    assert (ended.version, new.version) == (2, 1)


def test_a_new_placement_does_not_keep_the_old_provider(uow):
    _, new = changes.record_change(uow, "C9", date(2025, 9, 1), "C1", "U4", "P", TODAY)
    assert (new.placement, new.provider, new.urn, new.cin) == ("U4", "", "", "N1")


def test_an_rne_that_does_not_say_what_changed_is_refused_and_nothing_written(uow, store):
    commits = store.commits
    with pytest.raises(ValidationError) as excinfo:
        changes.record_change(uow, "C9", date(2025, 9, 1), "C2", "U6", "P", TODAY)
    assert [p.message for p in excinfo.value.problems if p.field == "rne"] == [
        "the legal status changed (C1 to C2): use B (new carer) or U (same carer)"]
    assert store.commits == commits
    assert [e[:3] for e in _episodes(uow)] == [(START, None, "")]


def test_a_change_on_the_day_the_episode_started_is_refused(uow):
    with pytest.raises(ValidationError, match="two episodes starting the same day"):
        changes.record_change(uow, "C9", START, "C2", "U6", "L", TODAY)


def test_a_stale_open_episode_is_a_conflict(uow, store):
    seen = _open(uow)
    records.save_episode(uow, replace(seen, provider="PR2"), TODAY)  # someone else
    commits = store.commits
    with pytest.raises(ConflictError, match="changed by someone else since you opened it"):
        changes.record_change(uow, "C9", date(2025, 9, 1), "C2", "U6", "L", TODAY, seen=seen)
    assert store.commits == commits


def test_the_episode_seen_unchanged_is_accepted(uow):
    ended, _ = changes.record_change(uow, "C9", date(2025, 9, 1), "C2", "U6", "L", TODAY,
                                     seen=_open(uow))
    assert ended.rec == "X1"


def test_end_care_ends_the_open_episode(uow):
    ended = changes.end_care(uow, "C9", date(2025, 9, 1), "E45", TODAY)
    assert (ended.end, ended.rec, ended.version) == (date(2025, 9, 1), "E45", 2)
    with pytest.raises(ValidationError, match="the child is not looked after"):
        changes.record_change(uow, "C9", date(2025, 10, 1), "C2", "U6", "L", TODAY)


@pytest.mark.parametrize(("rec", "words"), [
    ("X1", "X1 means another episode follows: record a change of legal status or placement "
           "instead, or choose why the child left care"),
    ("Q9", "'Q9' is not a reason episode ceased: choose one from the list"),
    ("E43", "'E43' is in the REC list only up to 2018-19, but the child leaves care in 2025-26"),
])
def test_end_care_needs_a_leaving_reason_of_the_year(uow, store, rec, words):
    commits = store.commits
    with pytest.raises(ValidationError) as excinfo:
        changes.end_care(uow, "C9", date(2025, 9, 1), rec, TODAY)
    assert [p.field for p in excinfo.value.problems] == ["rec"]
    assert words in excinfo.value.problems[0].message
    assert store.commits == commits


def test_changes_for_an_unknown_child_are_not_found(uow):
    with pytest.raises(NotFoundError, match="no child with ID 'C0': check the ID"):
        changes.end_care(uow, "C0", date(2025, 9, 1), "E45", TODAY)


# -- what the change dialog offers and suggests ----------------------------------------
def test_current_episode_is_the_open_one_that_started_last():
    old = Episode("C9", date(2020, 1, 1), "S", "C1", end=date(2021, 1, 1), rec="E4A", id=1)
    first = Episode("C9", date(2022, 1, 1), "S", "C1", id=2)
    later = Episode("C9", date(2023, 1, 1), "S", "C2", id=3)
    assert changes.current_episode([old, later, first]) == later
    assert changes.current_episode([old]) is None
    assert changes.current_episode([]) is None


@pytest.mark.parametrize(("legal", "place", "suggested"), [
    ("C1", "U6", ""), ("C2", "U6", "L"), ("C1", "U4", "P"), ("C2", "U4", "B"),
])
def test_the_suggested_rne_says_what_changed(legal, place, suggested):
    current = Episode("C9", START, "S", "C1", placement="U6")
    assert changes.suggested_rne(current, legal, place) == suggested
    if suggested:  # and the suggestion is one the change itself accepts
        assert changes.rne_problems(current, legal, place, suggested) == []


def test_change_reasons_are_the_903_rnes_within_a_period_of_care():
    assert changes.change_reasons(2026) == (
        ("L", "Change of legal status only"),
        ("P", "Change of placement and carer(s) only"),
        ("T", "Change of placement, same carer(s)"),
        ("B", "Change of legal status and placement and carer(s)"),
        ("U", "Change of legal status and placement, same carer(s)"))


def test_leaving_reasons_are_the_years_recs_without_x1():
    now = dict(changes.leaving_reasons(2026))
    assert "X1" not in now and "E45" in now and "E43" not in now
    assert "E43" in dict(changes.leaving_reasons(2019))
    assert now["E4A"]  # with its label from the reference data
