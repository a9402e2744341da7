"""An IRO's read-only search of everyone (issue 12), on SQLite and PostgreSQL: the search and
the read of a found child see every child; editing one outside the caseload is still refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from permanence_tracker.domain.entities import Child, Episode
from permanence_tracker.domain.errors import NotFoundError, ValidationError
from permanence_tracker.domain.roles import Actor, Role
from permanence_tracker.services.authorization import PermissionDenied, acting
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records.child_record import load_child_record
from permanence_tracker.services.records.search import (
    FoundChild,
    read_found_child,
    search_children,
)

TODAY = date(2026, 3, 31)
IRO = Actor("ann", Role.IRO, iro_name="Ann Able", display_name="Ann")


@pytest.fixture
def tracker(uow):
    """Three made-up children: one of Ann Able's, two of another IRO's (one looked after)."""
    with uow() as work:
        work.repo.add(Child("S1", date(2015, 4, 1), forename="Testa", surname="Example",
                            iro="Ann Able"))
        work.repo.add(Child("S2", date(2016, 5, 2), forename="Probe", surname="Example",
                            iro="Bob Other"))
        work.repo.add(Child("S3", date(2017, 6, 3), forename="Dummy", surname="Sample",
                            iro="Bob Other"))
        work.repo.add(Episode("S2", date(2024, 1, 8), "S", "C2", placement="U4"))
    return uow


def test_an_iro_finds_a_child_outside_their_caseload(tracker):
    iro = acting(tracker, IRO)
    found = search_children(iro, "example")
    assert found.children == (
        FoundChild("S2", "Probe Example", date(2016, 5, 2), "Bob Other", True, False),
        FoundChild("S1", "Testa Example", date(2015, 4, 1), "Ann Able", False, True),
    ) and not found.more
    assert [c.child_id for c in search_children(iro, "s3").children] == ["S3"]  # by ID
    assert [c.child_id for c in search_children(iro, "EXAMPLE probe").children] == ["S2"]
    assert search_children(iro, "nobody here").children == ()


def test_the_limit_says_when_more_matched(tracker):
    found = search_children(acting(tracker, IRO), "ample", 2)
    assert len(found.children) == 2 and found.more


def test_a_search_too_short_or_too_wide_is_refused_clearly(tracker):
    with pytest.raises(ValidationError) as refused:
        search_children(tracker, " e ", 0)
    assert {p.field for p in refused.value.problems} == {"text", "limit"}
    assert "at least 2 characters" in str(refused.value)
    assert "show 1 to 500 children" in str(refused.value)


def test_an_iro_reads_a_found_child_but_cannot_change_them(tracker):
    iro = acting(tracker, IRO)
    with pytest.raises(NotFoundError):  # the caseload read does not see them
        load_child_record(iro, "S2", TODAY)
    record = read_found_child(iro, "S2", TODAY)
    assert record.child.child_id == "S2" and record.open_episode is not None
    assert record.audit == ()  # who changed what is for the child's own IRO and managers
    assert read_found_child(tracker, "S2", TODAY).audit  # the administrator sees the trail
    with pytest.raises(PermissionDenied, match="S2 is not in (it|your caseload)"):
        records.update_child(iro, replace(record.child, forename="Changed"), TODAY)
    assert read_found_child(tracker, "S2", TODAY).child.forename == "Probe"  # unchanged
    with pytest.raises(NotFoundError):
        read_found_child(iro, "S9", TODAY)


def test_a_manager_finds_everyone_and_may_change_nobody(tracker):
    manager = acting(tracker, Actor("mo", Role.MANAGER))
    assert {c.editable for c in search_children(manager, "example").children} == {False}
    assert {c.editable for c in search_children(tracker, "example").children} == {True}
