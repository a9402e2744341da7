"""The IRO list's use cases on the fake store (tests/fakes.py): add, edit, retire, reinstate,
delete (never with history), the list read, and the audit entries each change leaves."""

from __future__ import annotations

import json
from datetime import date

import pytest

from permanence_tracker.domain.entities import Child, Iro, Review
from permanence_tracker.domain.errors import ConflictError, NotFoundError, ValidationError
from permanence_tracker.domain.panels import PanelMeeting
from permanence_tracker.services.records import editing, queries
from permanence_tracker.services.records import iros as svc
from permanence_tracker.services.records.iros import IroRow

TODAY = date(2026, 3, 31)


def _problems(call) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as caught:
        call()
    return [(p.field, p.message) for p in caught.value.problems]


def _iro_audit(store) -> list[tuple[str, str]]:
    return [(a["action"], a["row_key"]) for a in store.state.audit if a["table_name"] == "iro"]


def test_iro_list_reads_every_iro_with_its_history(uow, store):
    svc.add_iro(uow, Iro("Ann", fte=0.8))
    svc.add_iro(uow, Iro("Bob", fte=0.5, dual_role=True, cp_cases=4))
    svc.add_iro(uow, Iro("Cat"))
    editing.add_child(uow, Child("C1", date(2015, 1, 1), iro="Ann"), TODAY)
    assert svc.iro_list(uow) == (IroRow("Ann", 0.8, False, 0, True, True, 1),
                                 IroRow("Bob", 0.5, True, 4, True, False, 1),
                                 IroRow("Cat", 1.0, False, 0, True, False, 1))


def test_a_review_or_a_panel_naming_an_iro_is_history(uow, store):
    for name in ("Ann", "Bob", "Cat", "Dan"):
        svc.add_iro(uow, Iro(name))
    editing.add_child(uow, Child("C1", date(2015, 1, 1)), TODAY)
    with uow() as u:
        u.repo.add(Review("C1", date(2025, 6, 1), "PN1", iro="Ann"))
        u.repo.add(PanelMeeting(date(2025, 6, 2), "Permanence", chair="Bob", members=("Cat",)))
    assert [r.name for r in svc.iro_list(uow) if r.has_history] == ["Ann", "Bob", "Cat"]


def test_update_changes_fte_dual_role_and_cp_cases_audited(uow, store):
    ann = svc.add_iro(uow, Iro("Ann", fte=1.0))
    saved = svc.update_iro(uow, "Ann", Iro("Ann", 0.6, True, 12, version=ann.version))
    assert (saved.fte, saved.dual_role, saved.cp_cases, saved.version) == (0.6, True, 12, 2)
    assert _iro_audit(store) == [("insert", "Ann"), ("update", "Ann")]
    update = store.state.audit[-1]
    assert json.loads(update["old"]) == {"fte": 1.0, "dual_role": False, "cp_cases": 0}
    with pytest.raises(ConflictError, match="changed by someone else"):
        svc.update_iro(uow, "Ann", Iro("Ann", 0.7, version=ann.version))  # stale


def test_update_is_validated_and_keeps_active(uow, store):
    ann = svc.add_iro(uow, Iro("Ann"))
    svc.retire_iro(uow, "Ann")
    assert _problems(lambda: svc.update_iro(uow, "Ann", Iro("Ann", 0, False, 3,
                                                             version=2))) == [
        ("fte", "0 is not a full-time equivalent: use a number above 0 and at most 1.5, e.g. "
                "0.8"),
        ("cp_cases", "only a dual-role IRO holds child protection cases: record the IRO as "
                     "dual role or enter 0")]
    saved = svc.update_iro(uow, "Ann", Iro("Ann", 0.5, version=ann.version + 1))
    assert not saved.active  # retiring is retire_iro's, never an edit's side effect
    with pytest.raises(NotFoundError, match="no IRO named 'Zed'"):
        svc.update_iro(uow, "Zed", Iro("Zed"))


def test_rename_without_history_carries_the_iro_over(uow, store):
    ann = svc.add_iro(uow, Iro("Ann", fte=0.8))
    svc.add_iro(uow, Iro("Bob"))
    assert _problems(lambda: svc.update_iro(uow, "Ann", Iro("Bob", 0.8, version=1))) == [
        ("name", "'Bob' is already an IRO: choose another name")]
    renamed = svc.update_iro(uow, "Ann", Iro("Anne", 0.8, version=ann.version))
    assert [r.name for r in svc.iro_list(uow)] == ["Anne", "Bob"]
    assert renamed.fte == 0.8
    assert _iro_audit(store)[-2:] == [("delete", "Ann"), ("insert", "Anne")]


def test_rename_with_history_is_refused(uow, store):
    svc.add_iro(uow, Iro("Ann"))
    editing.add_child(uow, Child("C1", date(2015, 1, 1), iro="Ann"), TODAY)
    [(field, message)] = _problems(lambda: svc.update_iro(uow, "Ann", Iro("Anne", version=1)))
    assert field == "name" and "cannot be renamed" in message and "retire" in message
    assert [r.name for r in svc.iro_list(uow)] == ["Ann"]


def test_retire_and_reinstate(uow, store):
    svc.add_iro(uow, Iro("Ann"))
    svc.add_iro(uow, Iro("Bob"))
    retired = svc.retire_iro(uow, "Ann")
    assert not retired.active
    assert queries.active_iro_names(uow) == ("Bob",)  # gone from Add child's list
    assert _problems(lambda: svc.retire_iro(uow, "Ann")) == [("name", "'Ann' is already "
                                                                      "retired")]
    with pytest.raises(ConflictError):
        svc.reinstate_iro(uow, "Ann", version=1)  # read before the retirement
    assert svc.reinstate_iro(uow, "Ann", version=retired.version).active
    assert queries.active_iro_names(uow) == ("Ann", "Bob")
    assert _iro_audit(store)[-2:] == [("update", "Ann"), ("update", "Ann")]


def test_delete_only_without_history(uow, store):
    svc.add_iro(uow, Iro("Ann"))
    svc.add_iro(uow, Iro("Typo"))
    editing.add_child(uow, Child("C1", date(2015, 1, 1), iro="Ann"), TODAY)
    [(field, message)] = _problems(lambda: svc.delete_iro(uow, "Ann"))
    assert field == "name" and "has history" in message and "retire them instead" in message
    svc.delete_iro(uow, "Typo", version=1)
    assert [r.name for r in svc.iro_list(uow)] == ["Ann"]
    assert _iro_audit(store)[-1] == ("delete", "Typo")
    with pytest.raises(NotFoundError):
        svc.delete_iro(uow, "Typo")


def test_add_refuses_a_listed_name_and_strips_spaces(uow, store):
    svc.add_iro(uow, Iro(" Ann ", fte=0.5))
    assert _problems(lambda: svc.add_iro(uow, Iro("Ann"))) == [
        ("name", "'Ann' is already an IRO: choose them in the list or edit them")]
    assert [r.name for r in svc.iro_list(uow)] == ["Ann"]
