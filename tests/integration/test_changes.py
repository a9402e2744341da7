"""Legal status and placement changes: X1 + new episode in one unit of work, RNE checked."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from permanence_tracker.domain.entities import Child, Episode
from permanence_tracker.domain.errors import ConflictError, ValidationError
from permanence_tracker.domain.periods import periods_of_care
from permanence_tracker.persistence.repository import Repository
from permanence_tracker.services.records import changes
from permanence_tracker.services.records import editing as records

TODAY = date(2026, 3, 31)
START = date(2025, 6, 2)


@pytest.fixture
def child(uow):
    records.add_child(uow, Child("C9", date(2015, 1, 1), "1"), TODAY)
    records.save_episode(uow, Episode("C9", START, "S", "C1", placement="U6"), TODAY)
    return "C9"


def _episodes(uow, child_id="C9") -> list[Episode]:
    with uow() as u:
        return sorted(u.repo.records(Episode, child_id), key=lambda e: e.start)


def _fields(excinfo) -> set[str]:
    return {p.field for p in excinfo.value.problems}


def test_legal_status_change_ends_open_episode_and_opens_next(uow, child):
    ended, new = changes.record_change(uow, child, date(2025, 9, 1), "C2", "U6", "L", TODAY)
    stored = _episodes(uow)
    assert [(e.start, e.end, e.rec, e.rne, e.legal_status) for e in stored] == [
        (START, date(2025, 9, 1), "X1", "S", "C1"),
        (date(2025, 9, 1), None, "", "L", "C2"),
    ]
    assert len(periods_of_care(stored)) == 1  # the period of care goes on
    with uow() as u:
        actions = [(a["table_name"], a["action"]) for a in u.repo.audit_trail(child)][-2:]
    assert actions == [("episode", "update"), ("episode", "insert")]


@pytest.mark.parametrize("legal, place, rne, field", [
    ("C2", "U6", "P", "rne"),  # legal status changed: B or U, not P
    ("C1", "U6", "L", "legal_status"),  # nothing changed in the legal status
    ("C1", "U4", "L", "rne"),  # placement changed as well
    ("C1", "U6", "T", "placement"),  # T needs a new placement type
    ("C2", "U4", "T", "rne"),
    ("C2", "U6", "U", "placement"),
    ("C1", "U4", "B", "legal_status"),
    ("C2", "U6", "S", "rne"),  # S starts a new period, not a change within one
    ("ZZ", "U6", "L", "legal_status"),  # not a code
])
def test_rne_must_say_what_changed(uow, child, legal, place, rne, field):
    with pytest.raises(ValidationError) as excinfo:
        changes.record_change(uow, child, date(2025, 9, 1), legal, place, rne, TODAY)
    assert field in _fields(excinfo)
    assert [(e.end, e.rec) for e in _episodes(uow)] == [(None, "")]


@pytest.mark.parametrize("legal, place, rne", [
    ("C1", "U6", "P"), ("C1", "U4", "P"), ("C1", "U4", "T"), ("C2", "U6", "B"),
    ("C2", "U4", "B"), ("C2", "U4", "U"),
])
def test_accepted_rne_combinations(uow, child, legal, place, rne):
    changes.record_change(uow, child, date(2025, 9, 1), legal, place, rne, TODAY)
    assert _episodes(uow)[-1].rne == rne


def test_change_before_the_open_episode_starts_is_refused(uow, child):
    with pytest.raises(ValidationError) as excinfo:
        changes.record_change(uow, child, date(2025, 5, 1), "C2", "U6", "L", TODAY)
    assert "end" in _fields(excinfo)
    assert "before the start 02/06/2025" in str(excinfo.value)  # DfE rule 356
    assert len(_episodes(uow)) == 1


def test_change_in_the_future_is_refused(uow, child):
    with pytest.raises(ValidationError, match="in the future"):
        changes.record_change(uow, child, date(2026, 4, 1), "C2", "U6", "L", TODAY)
    assert len(_episodes(uow)) == 1


def test_change_overlapping_an_earlier_episode_is_refused(uow, child):
    changes.record_change(uow, child, date(2025, 9, 1), "C2", "U6", "L", TODAY)
    with pytest.raises(ValidationError) as excinfo:
        changes.record_change(uow, child, date(2025, 8, 1), "C2", "U4", "T", TODAY)
    assert "overlaps the episode 02/06/2025 to 01/09/2025" in str(excinfo.value)
    assert "start" in _fields(excinfo)
    assert len(_episodes(uow)) == 2


def test_both_writes_or_neither(uow, child, monkeypatch):
    def boom(self, record):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Repository, "add", boom)
    with pytest.raises(RuntimeError):
        changes.record_change(uow, child, date(2025, 9, 1), "C2", "U6", "L", TODAY)
    monkeypatch.undo()
    assert [(e.end, e.rec) for e in _episodes(uow)] == [(None, "")]


def test_stale_episode_is_a_conflict_and_nothing_is_written(uow, child):
    seen = _episodes(uow)[0]
    records.save_episode(uow, replace(seen, provider="PR1"), TODAY)  # someone else
    with pytest.raises(ConflictError):
        changes.record_change(uow, child, date(2025, 9, 1), "C2", "U6", "L", TODAY, seen=seen)
    stored = _episodes(uow)
    assert [(e.end, e.provider) for e in stored] == [(None, "PR1")]


def test_not_looked_after(uow, child):
    changes.end_care(uow, child, date(2025, 9, 1), "E4A", TODAY)
    with pytest.raises(ValidationError, match="not looked after"):
        changes.record_change(uow, child, date(2025, 10, 1), "C2", "U6", "L", TODAY)


def test_end_care(uow, child):
    changes.end_care(uow, child, date(2025, 9, 1), "E45", TODAY)
    assert [(e.end, e.rec) for e in _episodes(uow)] == [(date(2025, 9, 1), "E45")]


@pytest.mark.parametrize("rec", ["X1", "Q9"])
def test_end_care_needs_a_leaving_reason(uow, child, rec):
    with pytest.raises(ValidationError) as excinfo:
        changes.end_care(uow, child, date(2025, 9, 1), rec, TODAY)
    assert _fields(excinfo) == {"rec"}
    assert _episodes(uow)[0].end is None
