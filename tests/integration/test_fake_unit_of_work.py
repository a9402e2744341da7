"""The in-memory unit of work (tests/fakes.py) stores what the SQL one stores: the same record
use cases run on both leave the same histories, versions, audit entries and refusals, so a
service unit test on the fake says something about the real thing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from fakes import FakeStore, fake_uow_factory

from permanence_tracker.domain.entities import (
    Child,
    Episode,
    Iro,
    MonitoringOutcome,
    PlanChange,
    Review,
)
from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.services.records import changes, queries
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records import iros as iro_records

TODAY = date(2026, 3, 31)


def _attempt(call) -> str:
    try:
        call()
    except TrackerError as error:
        return f"{type(error).__name__}: {error}"
    return "stored"


def _scenario(uow) -> list[str]:
    """A morning's editing, refusals included; returns what each refused step said."""
    said = []
    iro_records.save_iro(uow, Iro("Ann", fte=0.8))
    iro_records.save_iro(uow, Iro("Bob", active=False))
    records.add_child(uow, Child("K1", date(2015, 1, 1), sex="1", forename="Kai", iro="Ann"),
                      TODAY)
    records.add_child(uow, Child("K2", date(2023, 2, 2)), TODAY)
    child = queries.child_for_editing(uow, "K1")
    records.update_child(uow, replace(child, surname="Lee"), TODAY)
    said.append(_attempt(lambda: records.update_child(uow, replace(child, team="B"), TODAY)))
    records.save_episode(uow, Episode("K1", date(2025, 6, 2), "S", "C1", placement="U6"), TODAY)
    records.save_episode(uow, Episode("K2", date(2025, 1, 6), "S", "C2", placement="U4"), TODAY)
    records.record_review(uow, Review("K1", date(2025, 7, 1), "PN1", iro="Ann"), TODAY)
    said.append(_attempt(lambda: records.record_review(
        uow, Review("K1", date(2025, 7, 1), "PN2"), TODAY)))
    records.set_plan(uow, PlanChange("K1", date(2025, 7, 1), "Adoption"), TODAY)
    records.add_outcome(uow, MonitoringOutcome("K1", date(2025, 8, 1),
                                               "Permanent Fostering Panel Agreed"), TODAY)
    seen = queries.open_episode(uow, "K1")
    changes.record_change(uow, "K1", date(2025, 9, 1), "C2", "U6", "L", TODAY, seen=seen)
    said.append(_attempt(lambda: changes.record_change(
        uow, "K1", date(2025, 10, 1), "C2", "U4", "T", TODAY, seen=seen)))
    said.append(_attempt(lambda: changes.end_care(uow, "K2", date(2025, 9, 1), "X1", TODAY)))
    changes.end_care(uow, "K2", date(2025, 9, 1), "E45", TODAY)
    said.append(_attempt(lambda: iro_records.save_iro(uow, Iro("Cy", fte=3))))
    return said


def _stored(uow) -> tuple:
    with uow() as u:
        histories = u.histories()
        trail = [(a["user"], a["child_id"], a["table_name"], a["row_key"], a["action"],
                  a["old"], a["new"])
                 for child_id in sorted(u.repo.child_ids())
                 for a in u.repo.audit_trail(child_id)]
        iros = u.iros()
    return histories, trail, iros, queries.active_iro_names(uow), queries.has_children(uow)


def test_the_fake_stores_what_the_database_stores(uow):
    fake = fake_uow_factory(FakeStore())
    said = _scenario(uow)
    assert _scenario(fake) == said
    assert said[0].startswith("ConflictError: child K1 was changed by someone else")
    assert said[1].startswith("ValidationError: ") and "already recorded" in said[1]
    assert said[2].startswith("ConflictError: the current episode of K1 was changed")
    assert said[-1] != "stored"
    assert _stored(fake) == _stored(uow)


@pytest.mark.parametrize("child_ids", [["K2"], ["K1", "K2"], []])
def test_histories_of_some_children_match(uow, child_ids):
    fake = fake_uow_factory(FakeStore())
    _scenario(uow)
    _scenario(fake)
    with uow() as u, fake() as f:
        assert f.histories(child_ids) == u.histories(child_ids)
