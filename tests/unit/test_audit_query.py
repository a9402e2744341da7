"""The audit read query (services.audit.audit_entries) over the fake unit of work: every filter
narrows, dates are whole local days with both ends included, entries come in date order, and
an entry's changes read as an information-governance reviewer needs them."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace
from datetime import date, datetime, time

import pytest
from fakes import FakeUnitOfWork

from permanence_tracker.domain.entities import Child, Review
from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.services.audit import AuditEntry, Change, audit_entries, change_lines


def _local(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour)).astimezone()


@pytest.fixture
def trail(store):
    """ann adds K1 and a review on 5 Jan (late evening); bob edits it on 7 Jan (just after
    midnight), then ann adds K2 on 6 Jan by a clock set back: date order is not entry order."""
    def as_(user: str, at: datetime):
        return lambda: FakeUnitOfWork(store, user, lambda: at)

    with as_("ann", _local(date(2026, 1, 5), 23))() as uow:
        uow.repo.add(Child("K1", date(2019, 5, 4), forename="Kit"))
        review = uow.repo.add(Review("K1", date(2026, 1, 5)))
    with as_("bob", _local(date(2026, 1, 7), 0))() as uow:
        uow.repo.update(replace(review, notes="Held late"))
    with as_("ann", _local(date(2026, 1, 6), 9))() as uow:
        uow.repo.add(Child("K2", date(2018, 2, 3)))
    return as_("reader", _local(date(2026, 2, 1), 9))


def _keys(entries) -> list[tuple[str, str, str]]:
    return [(e.table, e.row_key, e.action) for e in entries]


def test_no_filter_gives_every_entry_in_date_order(trail):
    entries = audit_entries(trail)
    assert _keys(entries) == [("child", "K1", "insert"), ("review", "1", "insert"),
                              ("child", "K2", "insert"), ("review", "1", "update")]
    assert [e.at for e in entries] == sorted(e.at for e in entries)


@pytest.mark.parametrize(("filters", "expected"), [
    ({"child_id": "K2"}, [("child", "K2", "insert")]),
    ({"user": "bob"}, [("review", "1", "update")]),
    ({"table": "review"}, [("review", "1", "insert"), ("review", "1", "update")]),
    ({"action": "update"}, [("review", "1", "update")]),
    ({"date_from": date(2026, 1, 6)}, [("child", "K2", "insert"), ("review", "1", "update")]),
    ({"date_to": date(2026, 1, 5)}, [("child", "K1", "insert"), ("review", "1", "insert")]),
    ({"date_from": date(2026, 1, 6), "date_to": date(2026, 1, 6)}, [("child", "K2", "insert")]),
    ({"child_id": "K1", "user": "ann"}, [("child", "K1", "insert"), ("review", "1", "insert")]),
    ({"child_id": "", "user": "", "table": "", "action": ""}, None),  # blank: no filter
    ({"user": "nobody"}, []),
])
def test_each_filter_narrows(trail, filters, expected):
    everything = _keys(audit_entries(trail))
    assert _keys(audit_entries(trail, **filters)) == (everything if expected is None
                                                      else expected)


def test_dates_the_wrong_way_round_are_refused(trail):
    with pytest.raises(TrackerError, match="the wrong way round: 05/01/2026 is before "
                                           "07/01/2026"):
        audit_entries(trail, date_from=date(2026, 1, 7), date_to=date(2026, 1, 5))


def test_an_entry_is_frozen_and_says_what_changed(trail):
    entries = audit_entries(trail, action="update")
    (update,) = entries
    assert isinstance(update, AuditEntry) and update.user == "bob" and update.child_id == "K1"
    assert update.changes == (Change("notes", "", "Held late"),)
    assert change_lines(update) == "notes: (blank) → Held late"
    with pytest.raises(FrozenInstanceError):
        update.user = "someone else"  # type: ignore[misc]


def test_an_insert_lists_its_values_not_its_blanks(trail):
    added = audit_entries(trail, table="review", action="insert")[0]
    lines = change_lines(added).splitlines()
    assert "held: 05/01/2026" in lines  # an ISO date shown dd/mm/yyyy
    assert not any(line.startswith(("notes:", "id:", "child_id:")) for line in lines)


def test_a_delete_lists_what_was_removed():
    entry = AuditEntry(9, datetime(2026, 1, 1), "ann", "K1", "review", "3", "delete",
                       (Change("held", "05/01/2026", ""), Change("iro", "Pat", "")))
    assert change_lines(entry) == "held: 05/01/2026\niro: Pat"
