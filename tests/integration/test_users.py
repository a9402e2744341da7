"""Users on a real database: who is acting, and add / change role / deactivate (audited)."""

from __future__ import annotations

import pytest

from permanence_tracker.domain.errors import ConflictError, ValidationError
from permanence_tracker.domain.roles import Actor, Role, User
from permanence_tracker.services import users
from permanence_tracker.services.authorization import PermissionDenied, acting


def test_no_users_means_the_login_is_the_administrator(uow):
    assert users.acting_user(uow, "tester").role is Role.ADMINISTRATOR


def test_users_decide_who_acts_and_each_change_is_audited(uow):
    with pytest.raises(ValidationError, match="first user must be an administrator"):
        users.add_user(uow, User("ann", Role.IRO.value, iro_name="Ann Iro"))
    users.add_user(uow, User("tester", Role.ADMINISTRATOR.value, "Tess"))
    users.add_user(uow, User("ann", Role.IRO.value, "Ann", iro_name="Ann Iro"))
    assert users.acting_user(uow, "ann") == Actor("ann", Role.IRO, "Ann Iro", "Ann")
    with pytest.raises(PermissionDenied, match="not an active user"):
        users.acting_user(uow, "stranger")
    users.change_role(uow, "ann", Role.MANAGER)
    assert users.acting_user(uow, "ann").role is Role.MANAGER
    users.deactivate(uow, "ann")
    with pytest.raises(PermissionDenied):
        users.acting_user(uow, "ann")
    with pytest.raises(ValidationError, match="last active administrator"):
        users.deactivate(uow, "tester")
    with uow() as work:
        trail = [e for e in work.repo.audit_entries(table="users")]
    assert [e["action"] for e in trail] == ["insert", "insert", "update", "update"]


def test_only_an_administrator_manages_users(uow):
    manager = acting(uow, Actor("mo", Role.MANAGER))
    with pytest.raises(PermissionDenied, match=r"Your role \(Manager\) may not manage users"):
        users.add_user(manager, User("x", Role.IRO.value, iro_name="X"))


def test_reactivate_restores_the_login_and_a_stale_change_is_refused(uow):
    users.add_user(uow, User("tester", Role.ADMINISTRATOR.value))
    ann = users.add_user(uow, User("ann", Role.IRO.value, iro_name="Ann Iro"))
    users.deactivate(uow, "ann", ann.version)
    with pytest.raises(ConflictError, match="changed by someone else"):
        users.reactivate(uow, "ann", ann.version)  # the version read before the deactivation
    back = users.reactivate(uow, "ann")
    assert back.active and users.acting_user(uow, "ann").role is Role.IRO
    assert users.reactivate(uow, "ann") == back  # already active: nothing written
    with pytest.raises(ConflictError):
        users.change_role(uow, "ann", Role.MANAGER, version=ann.version)
    with uow() as work:
        trail = [(e["action"], e["new"]) for e in work.repo.audit_entries(table="users")]
    assert [action for action, _ in trail] == ["insert", "insert", "update", "update"]
    assert trail[-1][1] == '{"active": true}'  # the reactivation, audited
