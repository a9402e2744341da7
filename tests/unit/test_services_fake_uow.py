"""The in-memory unit of work the service unit tests use (tests/fakes.py) keeps the promises of
the Protocols in services/unit_of_work.py, as the SQL one does: commit only on success,
versions, conflicts, audit entries and histories."""

from __future__ import annotations

import inspect
from dataclasses import replace
from datetime import date

import pytest
from fakes import FakeRepository, FakeUnitOfWork

from permanence_tracker.domain.entities import Child, Episode, Iro, Review
from permanence_tracker.domain.errors import ConflictError, NotFoundError
from permanence_tracker.domain.panels import PanelMeeting
from permanence_tracker.services import unit_of_work as protocols


def _members(protocol: type) -> dict[str, inspect.Signature]:
    return {name: inspect.signature(value) for name, value in vars(protocol).items()
            if callable(value) and not name.startswith("_") or name in ("__enter__", "__exit__")}


@pytest.mark.parametrize(("fake", "protocol"), [
    (FakeRepository, protocols.Repository), (FakeUnitOfWork, protocols.UnitOfWork)])
def test_the_fakes_have_every_protocol_method_with_its_parameters(fake, protocol):
    wanted = _members(protocol)
    assert len(wanted) >= 8
    for name, signature in wanted.items():
        got = inspect.signature(getattr(fake, name)).parameters
        assert list(got) == list(signature.parameters), name


def test_a_unit_of_work_holds_a_repository_when_open(uow):
    with uow() as u:
        assert isinstance(u.repo, FakeRepository) and u.repo.state is u._work


def test_a_block_that_fails_leaves_nothing_behind(uow, store):
    with pytest.raises(RuntimeError), uow() as u:
        u.repo.add(Child("A1", date(2019, 1, 1)))
        u.set_value("k", "v")
        raise RuntimeError("half-way")
    with uow() as u:
        assert (u.repo.child_ids(), u.get_value("k"), u.repo.audit_trail("A1")) == (set(), None,
                                                                                    [])
    assert store.commits == 1  # the reading block only


def test_add_gives_ids_and_version_one_and_update_counts_versions(uow):
    with uow() as u:
        child = u.repo.add(Child("A1", date(2019, 1, 1)))
        first = u.repo.add(Episode("A1", date(2020, 1, 1), "S", "C2"))
        second = u.repo.add(Episode("A1", date(2021, 1, 1), "S", "C2"))
    assert (child.version, first.id, first.version, second.id) == (1, 1, 1, 2)
    with uow() as u:
        same = u.repo.update(first)  # nothing changed: no new version, no audit entry
        moved = u.repo.update(replace(second, placement="U4"))
        trail = u.repo.audit_trail("A1")
    assert (same.version, moved.version) == (1, 2)
    assert [(a["table_name"], a["action"], a["row_key"], a["old"], a["new"]) for a in trail][-1] \
        == ("episode", "update", "2", '{"placement": ""}', '{"placement": "U4"}')
    assert [a["action"] for a in trail] == ["insert", "insert", "insert", "update"]


def test_stale_and_vanished_records_are_refused(uow):
    with uow() as u:
        iro = u.repo.add(Iro("Ann"))
        u.repo.update(replace(iro, fte=0.5))
    with uow() as u, pytest.raises(ConflictError, match="iro Ann was changed by someone else"):
        u.repo.update(replace(iro, fte=0.7))
    with uow() as u, pytest.raises(ConflictError, match="reload it before deleting"):
        u.repo.delete(iro)
    with uow() as u:
        u.repo.delete(replace(iro, version=2))
    with uow() as u, pytest.raises(NotFoundError, match="iro Ann no longer exists"):
        u.repo.update(replace(iro, version=2))


def test_histories_gather_each_childs_records_by_id(uow):
    with uow() as u:
        u.repo.add(Child("B2", date(2018, 1, 1)))
        u.repo.add(Child("A1", date(2019, 1, 1)))
        u.repo.add(Review("B2", date(2021, 5, 1)))
        u.repo.add(Episode("B2", date(2021, 1, 1), "S", "C2"))
        u.repo.add(Review("B2", date(2021, 2, 1)))
        u.repo.add(PanelMeeting(date(2021, 3, 1), "Adoption"))
    with uow() as u:
        every = u.histories()
        one = u.histories(["B2"])
    assert [h.child.child_id for h in every] == ["A1", "B2"]
    assert every[0].episodes == every[0].reviews == ()
    assert [(r.id, r.held) for r in every[1].reviews] == [(1, date(2021, 5, 1)),
                                                         (2, date(2021, 2, 1))]
    assert [e.start for e in every[1].episodes] == [date(2021, 1, 1)]
    assert one == [every[1]]


def test_settings_and_values_are_kept_per_commit(uow):
    with uow() as u:
        u.save_settings(replace(u.settings(), authority_name="Shire", version=4))
        u.set_value("cohorts", "{}")
    with uow() as u:
        assert (u.settings().authority_name, u.settings().version) == ("Shire", 0)
        assert u.get_value("cohorts") == "{}" and u.get_value("other") is None
        assert u.verify_audit().intact
