"""Roles: the permission table, the refusal message, an IRO's caseload, and the README table."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from fakes import FakeStore, fake_uow_factory

from permanence_tracker.domain.entities import Child, Iro
from permanence_tracker.domain.errors import NotFoundError
from permanence_tracker.domain.roles import PERMISSIONS, Actor, Role, allowed, role_table
from permanence_tracker.services import settings
from permanence_tracker.services.authorization import PermissionDenied, acting, actor_of, may
from permanence_tracker.services.permanence.cohort import load_cohort
from permanence_tracker.services.records import editing, iros
from permanence_tracker.services.records.child_record import load_child_record

TODAY = date(2026, 3, 31)
README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_table_gives_each_role_its_part():
    assert allowed(Role.ADMINISTRATOR, "users.edit")
    assert not allowed(Role.MANAGER, "users.edit")
    assert allowed(Role.MANAGER, "cohorts.save") and not allowed(Role.MANAGER, "settings.edit")
    assert allowed(Role.PANEL_ADMINISTRATOR, "panels.edit")
    assert not allowed(Role.IRO, "panels.edit") and allowed(Role.IRO, "records.edit")
    assert not allowed(Role.IRO, "records.read_all") and allowed(Role.IRO, "records.search")
    assert all(allowed(Role.ADMINISTRATOR, p) for p in PERMISSIONS)  # the single laptop user


def test_an_unknown_permission_is_a_programming_error():
    with pytest.raises(KeyError, match="unknown permission"):
        allowed(Role.IRO, "records.eat")


def _tracker():
    store = FakeStore()
    admin = fake_uow_factory(store)
    iros.add_iro(admin, Iro("Ann Iro"))
    iros.add_iro(admin, Iro("Bob Iro"))
    editing.add_child(admin, Child("C1", date(2015, 1, 1), iro="Ann Iro"), TODAY)
    editing.add_child(admin, Child("C2", date(2016, 1, 1), iro="Bob Iro"), TODAY)
    return store, admin


def _as(store, role, iro_name=""):
    return acting(fake_uow_factory(store), Actor("someone", role, iro_name))


def test_a_factory_naming_nobody_is_the_single_user_administrator():
    store, admin = _tracker()
    assert actor_of(admin).role is Role.ADMINISTRATOR
    assert may(admin, "settings.edit")


def test_an_iro_reads_only_their_caseload():
    store, _ = _tracker()
    iro = _as(store, Role.IRO, "Ann Iro")
    assert [s.history.child.child_id for s in load_cohort(iro, TODAY).standings] == ["C1"]
    assert load_child_record(iro, "C1", TODAY).child.child_id == "C1"
    with pytest.raises(NotFoundError):
        load_child_record(iro, "C2", TODAY)
    manager = _as(store, Role.MANAGER)
    assert len(load_cohort(manager, TODAY).standings) == 2


def test_an_iro_may_not_change_a_child_outside_their_caseload():
    store, admin = _tracker()
    iro = _as(store, Role.IRO, "Ann Iro")
    updated = editing.update_child(iro, replace(store_child(admin, "C1"), upn=""), TODAY)
    assert updated.child_id == "C1"
    with pytest.raises((PermissionDenied, NotFoundError)):
        editing.update_child(iro, replace(store_child(admin, "C2"), forename="X"), TODAY)
    assert store_child(admin, "C2").forename == ""


def store_child(factory, child_id):
    with factory() as uow:
        return uow.repo.child(child_id)


def test_a_refusal_names_the_role_and_whom_to_ask_and_changes_nothing():
    store, admin = _tracker()
    before = settings.list_settings(admin)
    with pytest.raises(PermissionDenied) as refused:
        settings.set_setting(_as(store, Role.IRO, "Ann Iro"), "reviews_every", "5")
    assert str(refused.value) == "Your role (IRO) may not change settings: ask an administrator"
    assert settings.list_settings(admin) == before


def test_the_readme_table_is_the_permission_table():
    text = README.read_text(encoding="utf-8")
    start = text.index("<!-- roles table: generated from domain/roles.py -->\n")
    end = text.index("\n<!-- end of roles table -->")
    assert text[start:end].split("\n", 1)[1] == role_table()
