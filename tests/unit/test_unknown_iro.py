"""Issue 10 item 3: a name that is not an IRO is refused on a child or a review, so no phantom
IRO (counted as one full-time post) can arise; a record keeping the IRO it has is never refused.
On the in-memory unit of work (tests/fakes.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from fakes import FakeStore, fake_uow_factory

from permanence_tracker.domain.entities import Child, Episode, Iro, Review
from permanence_tracker.domain.errors import ValidationError
from permanence_tracker.services.permanence.cohort import load_cohort
from permanence_tracker.services.permanence.summary import iro_caseloads
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records import iros as iro_records

TODAY = date(2026, 3, 31)


@pytest.fixture
def uow():
    uow = fake_uow_factory(FakeStore())
    iro_records.save_iro(uow, Iro("Ann Able", fte=0.5))
    iro_records.save_iro(uow, Iro("Old Oak", fte=1.0))
    with uow() as u:  # retired: no retire use case needed to have one on the list
        u.repo.update(replace(u.iros()[-1], active=False))
    return uow


def _refused(call) -> dict[str, str]:
    with pytest.raises(ValidationError) as excinfo:
        call()
    return {p.field: p.message for p in excinfo.value.problems}


def _children(uow) -> list[str]:
    with uow() as u:
        return list(u.repo.child_ids())


def test_a_new_child_with_an_unknown_iro_is_refused_and_nothing_is_written(uow):
    problems = _refused(lambda: records.add_child(
        uow, Child("K1", date(2020, 1, 1), iro="Zed Zephyr"), TODAY))
    assert problems == {"iro": "'Zed Zephyr' is not an IRO: add them first"}
    assert _children(uow) == []


def test_the_unknown_iro_is_listed_with_the_other_problems(uow):
    problems = _refused(lambda: records.add_child(
        uow, Child("K1", date(2030, 1, 1), iro="Zed"), TODAY))
    assert set(problems) == {"dob", "iro"}


def test_a_name_typed_in_another_case_is_refused_with_the_likely_iro(uow):
    problems = _refused(lambda: records.add_child(
        uow, Child("K1", date(2020, 1, 1), iro="ann  able"), TODAY))
    assert problems["iro"] == ("'ann  able' is not an IRO: add them first "
                               "(did you mean 'Ann Able'?)")


def test_a_new_child_is_allocated_only_to_an_active_iro(uow):
    problems = _refused(lambda: records.add_child(
        uow, Child("K1", date(2020, 1, 1), iro="Old Oak"), TODAY))
    assert problems == {"iro": "'Old Oak' has retired: allocate an active IRO"}
    assert records.add_child(uow, Child("K1", date(2020, 1, 1), iro="Ann Able"), TODAY).iro
    assert records.add_child(uow, Child("K2", date(2020, 1, 1)), TODAY).iro == ""


def test_an_edit_keeping_the_childs_iro_is_accepted_whatever_became_of_them(uow):
    with uow() as u:  # stored before the rule: a retired IRO and a name never on the list
        u.repo.add(Child("K1", date(2020, 1, 1), iro="Old Oak"))
        u.repo.add(Child("K2", date(2020, 1, 1), iro="Legacy Name"))
        k1, k2 = u.repo.child("K1"), u.repo.child("K2")
    assert records.update_child(uow, replace(k1, surname="Lark"), TODAY).iro == "Old Oak"
    assert records.update_child(uow, replace(k2, surname="Lark"), TODAY).iro == "Legacy Name"


def test_an_edit_changing_the_iro_must_name_an_active_iro(uow):
    child = records.add_child(uow, Child("K1", date(2020, 1, 1), iro="Ann Able"), TODAY)
    assert _refused(lambda: records.update_child(uow, replace(child, iro="Zed"), TODAY)) == {
        "iro": "'Zed' is not an IRO: add them first"}
    assert "has retired" in _refused(
        lambda: records.update_child(uow, replace(child, iro="Old Oak"), TODAY))["iro"]
    with uow() as u:
        assert u.repo.child("K1").iro == "Ann Able"
    assert records.update_child(uow, replace(child, iro=""), TODAY).iro == ""


@pytest.fixture
def looked_after(uow):
    records.add_child(uow, Child("K1", date(2020, 1, 1), iro="Ann Able"), TODAY)
    records.save_episode(uow, Episode("K1", date(2025, 1, 6), "S", "C2", placement="U4"), TODAY)
    return "K1"


def _reviews(uow) -> list[Review]:
    with uow() as u:
        return u.repo.records(Review, "K1")


def test_a_review_naming_an_unknown_iro_is_refused(uow, looked_after):
    problems = _refused(lambda: records.record_review(
        uow, Review("K1", date(2025, 2, 1), "PN1", iro="Zed"), TODAY))
    assert problems == {"iro": "'Zed' is not an IRO: add them first"}
    assert _reviews(uow) == []


def test_a_review_may_name_a_retired_iro_who_chaired_it(uow, looked_after):
    review = records.record_review(uow, Review("K1", date(2025, 2, 1), "PN1", iro="Old Oak"),
                                   TODAY)
    assert _reviews(uow) == [review]


def test_a_stored_review_keeps_its_iro_on_edit(uow, looked_after):
    with uow() as u:
        stored = u.repo.add(Review("K1", date(2025, 2, 1), "PN1", iro="Legacy Name"))
    edited = records.record_review(uow, replace(stored, notes="late entry"), TODAY)
    assert (edited.iro, edited.notes) == ("Legacy Name", "late entry")
    problems = _refused(lambda: records.record_review(uow, replace(edited, iro="Zed"), TODAY))
    assert "not an IRO: add them first" in problems["iro"]


def test_a_refused_name_adds_no_post_to_the_caseloads(uow, looked_after):
    def loads():
        return {(load.iro, load.fte) for load in iro_caseloads(load_cohort(uow, TODAY))}

    before = loads()
    with pytest.raises(ValidationError):
        records.add_child(uow, Child("K2", date(2020, 1, 1), iro="Zed"), TODAY)
    assert loads() == before == {("Ann Able", 0.5)}
