"""PostgreSQL roles, grants and row-level security: a login cannot bypass the application.

On a shared database each person connects with their own login (issue 12). The tracker's
owner (who runs migrations) makes four NOLOGIN group roles, one per :class:`Role`, and grants
each what domain/roles.PERMISSIONS lets that role do:

- every group may SELECT every table (reading is scoped in the services; an IRO's read-only
  search covers everyone, so the database cannot narrow reads further);
- a group may INSERT/UPDATE/DELETE only the tables its permissions write (:data:`WRITTEN_BY`);
- ``audit`` is append-only: SELECT and INSERT for every group (each audited write appends),
  never UPDATE or DELETE; ``audit_head`` (the chain's one-row head, moved by each append)
  SELECT, INSERT and UPDATE for every group, never DELETE; ``alembic_version`` is SELECT only;
- on the tables an IRO writes, row-level security lets ``permanence_iro`` write only the rows
  of children whose IRO is the ``iro_name`` the ``users`` table gives for ``current_user``;
- a trigger on ``users`` keeps each login's group membership in step with its row (granted
  on add, role change and reactivation; revoked on deactivation, role change and removal).

Why the group names are cluster-wide (``permanence_iro`` ...): roles belong to the whole
PostgreSQL cluster, not to one database. Several trackers in one cluster share the groups, so a
person given a role on one tracker holds its grants on every tracker of that cluster they may
connect to: give each tracker a cluster of its own, or limit CONNECT on each database.

PostgreSQL refuses to alter a column a policy uses (``child_id``, ``child.iro``): a
migration that does calls :func:`revoke` first and :func:`apply` after. Any migration that
adds a table calls :func:`apply` again (tests/unit/test_grants.py fails for
a table missing from :data:`WRITTEN_BY`). Passwords never pass through here or the app.
"""

from __future__ import annotations

from types import MappingProxyType

from sqlalchemy import Connection, text

from permanence_tracker.domain.roles import PERMISSIONS, Role

GROUPS: MappingProxyType[Role, str] = MappingProxyType({
    Role.IRO: "permanence_iro",
    Role.MANAGER: "permanence_manager",
    Role.PANEL_ADMINISTRATOR: "permanence_panel_administrator",
    Role.ADMINISTRATOR: "permanence_administrator",
})

# Every login the users table names, active or not: it may see the tracker's schema, its
# version and the users list and nothing else, so the app can tell a deactivated person why
# they cannot open the tracker ("not an active user: ask an administrator") rather than
# "there is no tracker here".
USER_GROUP = "permanence_user"
_USER_GROUP_READS = ("alembic_version", "users")

_BULK = frozenset({"import", "demo.build"})  # imports and the demo write every record
_RECORDS = _BULK | {"records.edit"}
APPEND_ONLY = "audit"
CHAIN_HEAD = "audit_head"  # one row, updated by every audited write
READ_ONLY = frozenset({"alembic_version"})

# table: the permissions whose use cases write it (INSERT, UPDATE, DELETE)
WRITTEN_BY: MappingProxyType[str, frozenset[str]] = MappingProxyType({
    "child": _RECORDS,
    "episode": _RECORDS,
    "adoption": _RECORDS,
    "missing": _RECORDS,
    "previous_permanence": _RECORDS,
    "note": _RECORDS,  # comments brought in by an import
    "review": _BULK | {"reviews.edit"},
    "plan": _BULK | {"plans.edit"},
    "monitoring_outcome": _BULK | {"outcomes.edit"},
    "panel": frozenset({"panels.edit", "demo.build"}),
    # deleting a child deletes its items too: PostgreSQL runs that cascade as the owner
    "panel_item": frozenset({"panels.edit", "demo.build"}),
    "iro": frozenset({"iros.edit", "import", "demo.build"}),
    "settings": frozenset({"settings.edit", "cohorts.save", "import", "demo.build"}),
    "users": frozenset({"users.edit"}),
})

# Tables whose rows belong to one child (``child_id``): where an IRO writes one, row-level
# security keeps the writes to their caseload (the services' _Caseload does the same in the
# app; this stops raw SQL).
CHILD_TABLES = ("child", "episode", "adoption", "missing", "previous_permanence", "note",
                "review", "plan", "monitoring_outcome", "panel_item")

NO_LOGIN = "PTL01"  # SQLSTATE the users trigger raises for a login the cluster does not have


class NeedsOwner(Exception):
    """A login that is not the tables' owner opened a tracker whose schema needs migrating:
    only the owner may (application logins hold no DDL rights). Nothing was changed."""


def check_may_migrate(connection: Connection) -> None:
    """Raise :class:`NeedsOwner` unless the connected login may bring the schema up to date:
    it owns the tracker's tables, or (a new tracker) may create tables in the schema."""
    if connection.dialect.name != "postgresql":
        return
    owner, may = connection.execute(text(
        "SELECT pg_get_userbyid(c.relowner), pg_has_role(current_user, c.relowner, 'USAGE') "
        "FROM pg_class c WHERE c.oid = to_regclass('alembic_version')")).one_or_none() or (
        None, connection.execute(text(
            "SELECT has_schema_privilege(current_schema(), 'CREATE')")).scalar())
    if may:
        return
    login = connection.execute(text("SELECT current_user")).scalar()
    whose = f"its owner ({owner})" if owner else "the database's owner"
    raise NeedsOwner(
        f"this tracker's tables must be brought up to date for this version of Permanence "
        f"Tracker, and only {whose} may do that, not your login {login!r}: ask the database "
        f"administrator to run `permanence-tracker --db <URL with the owner's login> migrate`, "
        f"then open it again (nothing was changed)")


def writes(role: Role) -> frozenset[str]:
    """The tables ``role`` may INSERT into, UPDATE and DELETE from."""
    return frozenset(table for table, permissions in WRITTEN_BY.items()
                     if any(role in PERMISSIONS[p] for p in permissions))


def privileges(role: Role, tables: list[str]) -> dict[str, tuple[str, ...]]:
    """What ``role``'s group is granted on each of ``tables``."""
    granted: dict[str, tuple[str, ...]] = {}
    for table in tables:
        if table == APPEND_ONLY:
            granted[table] = ("SELECT", "INSERT")
        elif table == CHAIN_HEAD:
            granted[table] = ("SELECT", "INSERT", "UPDATE")
        elif table in writes(role):
            granted[table] = ("SELECT", "INSERT", "UPDATE", "DELETE")
        else:
            granted[table] = ("SELECT",)
    return granted


def unmapped(tables: list[str]) -> list[str]:
    """Tables neither written by a permission nor read-only/append-only: a programming error."""
    return [t for t in tables if t not in WRITTEN_BY and t not in READ_ONLY
            and t not in (APPEND_ONLY, CHAIN_HEAD)]


def apply(connection: Connection) -> None:
    """Create the groups (if missing), grant, enable row-level security and the users trigger.
    Idempotent; PostgreSQL only (a no-op elsewhere); run by the tables' owner (migrations)."""
    if connection.dialect.name != "postgresql":
        return
    tables = [t for t in connection.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).scalars()]
    missing = unmapped(tables)
    if missing:
        raise RuntimeError(f"no grants for tables {missing}: add them to persistence/grants.py")
    for sql in _statements(tables):
        connection.execute(text(sql))


def _statements(tables: list[str]) -> list[str]:
    from permanence_tracker.persistence import grants_sql as sql

    everyone = (*GROUPS.values(), USER_GROUP)
    statements = [sql.create_groups(everyone), sql.grant_schema(everyone)]
    for table in _USER_GROUP_READS:
        if table in tables:
            statements.append(f'GRANT SELECT ON "{table}" TO {USER_GROUP}')
    for role, group in GROUPS.items():
        for table, rights in privileges(role, tables).items():
            statements.append(f'REVOKE ALL ON "{table}" FROM {group}')
            statements.append(f'GRANT {", ".join(rights)} ON "{table}" TO {group}')
            if "INSERT" in rights:
                statements.append(sql.grant_sequence(table, group))
    iro_writes = writes(Role.IRO)
    statements += sql.row_security([t for t in CHILD_TABLES if t in tables and t in iro_writes],
                                   GROUPS[Role.IRO],
                                   [g for r, g in GROUPS.items() if r is not Role.IRO])
    if "users" in tables:
        statements += sql.users_trigger({r.value: g for r, g in GROUPS.items()}, USER_GROUP)
    return statements


def revoke(connection: Connection) -> None:
    """Undo :func:`apply` on this tracker (the migration's downgrade). The group roles stay:
    they belong to the cluster, and other trackers may use them."""
    if connection.dialect.name != "postgresql":
        return
    tables = [t for t in connection.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).scalars()]
    if "users" in tables:
        connection.execute(text("DROP TRIGGER IF EXISTS permanence_sync_login ON users"))
    connection.execute(text("DROP FUNCTION IF EXISTS permanence_sync_login()"))
    existing = set(connection.execute(text(
        "SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"),
        {"names": [*GROUPS.values(), USER_GROUP]}).scalars())
    for table in tables:
        for policy in connection.execute(text(
                "SELECT policyname FROM pg_policies WHERE schemaname = current_schema() "
                "AND tablename = :t AND policyname LIKE 'permanence%'"), {"t": table}).scalars():
            connection.execute(text(f'DROP POLICY {policy} ON "{table}"'))
        connection.execute(text(f'ALTER TABLE "{table}" DISABLE ROW LEVEL SECURITY'))
        for group in existing:  # the user group's grants go with the tables it reads
            connection.execute(text(f'REVOKE ALL ON "{table}" FROM {group}'))
