"""The PostgreSQL grants follow domain/roles.PERMISSIONS, and every table has them
(persistence/grants.py; tests/integration/test_pg_roles.py tries them on a real server)."""

from __future__ import annotations

from permanence_tracker.domain.roles import PERMISSIONS, Role
from permanence_tracker.persistence import grants
from permanence_tracker.persistence.tables import metadata

TABLES = sorted(metadata.tables)


def test_every_table_has_a_grant_mapping():
    assert grants.unmapped([*TABLES, "alembic_version"]) == []
    assert grants.unmapped([*TABLES, "a_new_table"]) == ["a_new_table"]  # fails until mapped
    assert set(grants.WRITTEN_BY) | {grants.APPEND_ONLY, grants.CHAIN_HEAD} == set(TABLES)
    assert all(p in PERMISSIONS for ps in grants.WRITTEN_BY.values() for p in ps)


def test_the_audit_is_append_only_and_the_version_read_only_for_every_role():
    for role in Role:
        granted = grants.privileges(role, [*TABLES, "alembic_version"])
        assert granted["audit"] == ("SELECT", "INSERT")
        assert granted["audit_head"] == ("SELECT", "INSERT", "UPDATE")  # one row, moved
        assert granted["alembic_version"] == ("SELECT",)
        assert all("SELECT" in rights for rights in granted.values())  # reads are scoped above


def test_each_role_writes_what_its_permissions_write():
    assert grants.writes(Role.MANAGER) == {"settings"}  # saved cohorts live in settings
    assert grants.writes(Role.PANEL_ADMINISTRATOR) == {"panel", "panel_item",
                                                       "monitoring_outcome"}
    assert grants.writes(Role.IRO) == {"child", "episode", "adoption", "missing",
                                       "previous_permanence", "note", "review", "plan"}
    assert grants.writes(Role.ADMINISTRATOR) == set(grants.WRITTEN_BY)
    assert "users" not in grants.writes(Role.IRO) | grants.writes(Role.MANAGER)


def test_one_group_per_role():
    assert set(grants.GROUPS) == set(Role)
    assert len(set(grants.GROUPS.values()) | {grants.USER_GROUP}) == len(Role) + 1
