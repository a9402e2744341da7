"""What the record dialogs read through the services (services/records/queries.py) and the code
lists with their labels (services/reference.py), on the in-memory unit of work."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from fakes import FakeStore, fake_uow_factory

from permanence_tracker.domain.entities import Child, Episode, Iro
from permanence_tracker.domain.errors import NotFoundError
from permanence_tracker.paths import reference_dir
from permanence_tracker.services import reference
from permanence_tracker.services.records import changes, queries
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records import iros as iro_records

TODAY = date(2026, 3, 31)


@pytest.fixture
def uow():
    return fake_uow_factory(FakeStore())


def test_an_empty_tracker_has_no_children_until_one_is_added(uow):
    assert queries.has_children(uow) is False
    records.add_child(uow, Child("A1", date(2019, 1, 1)), TODAY)
    assert queries.has_children(uow) is True


def test_only_active_iros_are_offered_by_name(uow):
    for iro in (Iro("Zoe"), Iro("Ann"), Iro("Bob", active=False), Iro("Cat")):
        iro_records.save_iro(uow, iro)
    assert queries.active_iro_names(uow) == ("Ann", "Cat", "Zoe")


def test_the_child_for_editing_carries_its_version(uow):
    records.add_child(uow, Child("A1", date(2019, 1, 1), forename="Ada"), TODAY)
    child = queries.child_for_editing(uow, "A1")
    assert (child.forename, child.version) == ("Ada", 1)
    records.update_child(uow, replace(child, forename="Ava"), TODAY)
    assert queries.child_for_editing(uow, "A1").version == 2
    with pytest.raises(NotFoundError, match="no child with ID 'B2'"):
        queries.child_for_editing(uow, "B2")


def test_the_open_episode_is_the_one_a_change_would_end(uow):
    records.add_child(uow, Child("A1", date(2015, 1, 1)), TODAY)
    assert queries.open_episode(uow, "A1") is None
    records.save_episode(uow, Episode("A1", date(2025, 6, 2), "S", "C1", placement="U6"), TODAY)
    _, new = changes.record_change(uow, "A1", date(2025, 9, 1), "C2", "U6", "L", TODAY)
    assert queries.open_episode(uow, "A1") == new
    changes.end_care(uow, "A1", date(2025, 10, 1), "E45", TODAY)
    assert queries.open_episode(uow, "A1") is None


def test_monitoring_outcomes_are_the_authoritys_list(uow):
    with uow() as u:
        default = u.settings().monitoring_outcomes
        u.save_settings(replace(u.settings(), monitoring_outcomes=("Settled", "Moved")))
    assert default and queries.monitoring_outcomes(uow) == ("Settled", "Moved")


# -- code lists with labels ------------------------------------------------------------
def _labels_on_file(list_name: str) -> dict[str, str]:
    data = json.loads((reference_dir() / "ssda903" / f"{list_name}.json").read_text("utf-8"))
    return {c["code"]: c["label"] for c in data["codes"]}


def test_review_codes_come_with_the_reference_datas_labels():
    offered = reference.choices("REVIEW_CODE")
    assert [code for code, _ in offered] == [f"PN{n}" for n in range(8)]
    assert dict(offered) == _labels_on_file("REVIEW_CODE")
    assert dict(offered)["PN0"] == "Child aged under 4 at the time of the review"


def test_choices_follow_the_collection_year_and_leave_out_what_is_skipped():
    before, after = dict(reference.choices("PLACE", 2025)), dict(reference.choices("PLACE", 2026))
    assert "Z1" in before and "Z11" not in before
    assert "Z11" in after and "Z1" not in after
    assert after["U6"] == _labels_on_file("PLACE")["U6"]
    assert "C2" not in dict(reference.choices("LS", 2026, skip=("C2",)))
    assert [c for c, _ in reference.choices("LS", 2026)] == list(reference.codes("LS", 2026))
