"""PostgreSQL logins cannot bypass the application (issue 12, persistence/grants.py).

Each role's test login first does something its role may do through the app's own
``open_context``; then, connected as that login with raw SQL, it tries what the app would
refuse, and the database refuses it too. Logins are cluster-wide: each test makes its own
uniquely named ones and drops them afterwards.
"""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from permanence_tracker.app import open_context
from permanence_tracker.cli.entry import main
from permanence_tracker.domain.entities import Child, Episode, Iro
from permanence_tracker.domain.errors import ValidationError
from permanence_tracker.domain.panels import DEFAULT_PANEL_TYPES, PanelMeeting
from permanence_tracker.domain.roles import Role, User
from permanence_tracker.services import users
from permanence_tracker.services.authorization import PermissionDenied
from permanence_tracker.services.panels import commands as panels
from permanence_tracker.services.permanence import saved_cohorts
from permanence_tracker.services.permanence.cohort_filter import CohortFilter
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records import iros

pytestmark = pytest.mark.postgres
TODAY = date(2026, 3, 31)
PASSWORD = "not-a-secret"  # a throwaway login on the loopback test cluster


@pytest.fixture
def tracker(_pg_schemas):
    """A migrated tracker in a schema of its own, the owner's context on it, two IROs' children,
    and a login per role (made here, dropped afterwards): yields (owner_url, logins, connect)."""
    prefix = f"pt_{uuid.uuid4().hex[:10]}"
    logins = {role: f"{prefix}_{role.value}" for role in Role}
    engines = []
    with _pg_schemas() as owner_url:
        owner = open_context(owner_url)
        admin = create_engine(owner_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as connection:
                for login in logins.values():
                    connection.execute(text(f"CREATE ROLE {login} LOGIN PASSWORD '{PASSWORD}'"))
            iros.add_iro(owner.uow, Iro("Iro One"))
            iros.add_iro(owner.uow, Iro("Iro Two"))
            records.add_child(owner.uow, Child("K1", date(2020, 5, 1), iro="Iro One"), TODAY)
            records.add_child(owner.uow, Child("K2", date(2019, 7, 2), iro="Iro Two"), TODAY)
            records.save_episode(owner.uow, Episode("K2", date(2025, 1, 6), "S", "C2"), TODAY)
            records.save_episode(owner.uow, Episode("K1", date(2025, 2, 3), "S", "C2"), TODAY)
            users.add_user(owner.uow, User(logins[Role.ADMINISTRATOR], "administrator"))
            for role in (Role.IRO, Role.MANAGER, Role.PANEL_ADMINISTRATOR):
                users.add_user(owner.uow, User(logins[role], role.value, iro_name=(
                    "Iro One" if role is Role.IRO else "")))

            def connect(role: Role):
                engine = create_engine(_as(owner_url, logins[role]))
                engines.append(engine)
                return engine.connect()

            yield owner_url, logins, connect
        finally:
            for engine in engines:
                engine.dispose()
            owner.dispose()
            with admin.connect() as connection:
                for login in logins.values():
                    connection.execute(text(f"DROP ROLE IF EXISTS {login}"))
            admin.dispose()


def _as(url: str, login: str) -> str:
    return make_url(url).set(username=login, password=PASSWORD).render_as_string(
        hide_password=False)


def _refused(connection, sql: str, words: str = "permission denied") -> None:
    with pytest.raises(DBAPIError, match=words):
        connection.execute(text(sql))
    connection.rollback()


def _open(owner_url: str, login: str):
    return open_context(_as(owner_url, login), create=False)


def test_the_audit_is_append_only_for_every_login(tracker):
    owner_url, logins, connect = tracker
    for role in Role:
        with connect(role) as connection:
            assert connection.execute(text("SELECT count(*) FROM audit")).scalar() > 0
            _refused(connection, "UPDATE audit SET \"user\" = 'someone else'")
            _refused(connection, "DELETE FROM audit")
            _refused(connection, "UPDATE alembic_version SET version_num = '0001'")


def test_an_iro_writes_their_caseload_only(tracker):
    owner_url, logins, connect = tracker
    context = _open(owner_url, logins[Role.IRO])
    try:  # through the app: their own child; the audit names their login
        stored = records.update_child(context.uow, Child("K1", date(2020, 5, 1), iro="Iro One",
                                                         social_worker="Sam Example",
                                                         version=1), TODAY)
        assert stored.social_worker == "Sam Example"
    finally:
        context.dispose()
    with connect(Role.IRO) as connection:
        assert connection.execute(text(
            "SELECT \"user\" FROM audit ORDER BY id DESC LIMIT 1")).scalar() == logins[Role.IRO]
        assert connection.execute(text("SELECT count(*) FROM child")).scalar() == 2  # search
        other = connection.execute(text("UPDATE child SET team = 'x' WHERE child_id = 'K2'"))
        assert other.rowcount == 0  # row-level security: not in their caseload
        assert connection.execute(text("DELETE FROM episode WHERE child_id = 'K2'")
                                  ).rowcount == 0
        _refused(connection, "INSERT INTO episode (child_id, start, rne, legal_status) "
                 "VALUES ('K2', '2025-06-01', 'P', 'C2')", "row-level security")
        taken = connection.execute(text("UPDATE child SET iro = 'Iro One' "
                                         "WHERE child_id = 'K2'"))
        assert taken.rowcount == 0  # nor take another IRO's child into their caseload
        _refused(connection, "UPDATE episode SET child_id = 'K2' WHERE child_id = 'K1'",
                 "row-level security")  # nor move a record to another's child
        _refused(connection, "INSERT INTO panel (date, type) VALUES ('2026-04-01', 'Adoption')")
        _refused(connection, "UPDATE users SET role = 'administrator'")
        mine = connection.execute(text("UPDATE child SET team = 'y' WHERE child_id = 'K1'"))
        assert mine.rowcount == 1
        connection.rollback()  # committed with no audit entry, it is refused (tests below)


def test_a_manager_saves_cohorts_but_writes_no_record(tracker):
    owner_url, logins, connect = tracker
    context = _open(owner_url, logins[Role.MANAGER])
    try:
        assert "Mine" in saved_cohorts.save(context.uow, "Mine", CohortFilter())
    finally:
        context.dispose()
    with connect(Role.MANAGER) as connection:
        _refused(connection, "INSERT INTO child (child_id, dob) VALUES ('K9', '2021-01-01')")
        _refused(connection, "UPDATE child SET team = 'x'")
        _refused(connection, "INSERT INTO users (login, role) VALUES ('someone', 'administrator')")


def test_a_panel_administrator_keeps_panels_but_not_episodes(tracker):
    owner_url, logins, connect = tracker
    context = _open(owner_url, logins[Role.PANEL_ADMINISTRATOR])
    try:
        saved = panels.save_panel(context.uow, PanelMeeting(date(2026, 4, 2),
                                                            DEFAULT_PANEL_TYPES[0],
                                                            chair="Chair Example"), TODAY)
        assert saved.id is not None
    finally:
        context.dispose()
    with connect(Role.PANEL_ADMINISTRATOR) as connection:
        _refused(connection, "UPDATE episode SET placement = 'U1'")
        _refused(connection, "DELETE FROM child")


def test_users_keep_logins_in_step_and_a_deactivated_login_reads_nothing(tracker):
    owner_url, logins, connect = tracker
    context = _open(owner_url, logins[Role.ADMINISTRATOR])
    try:  # the administrator's login (not the owner) manages users through the app
        with pytest.raises(ValidationError, match=r"no database login .*CREATE ROLE"):
            users.add_user(context.uow, User(f"{logins[Role.IRO]}_absent", "manager"))
        users.change_role(context.uow, logins[Role.MANAGER], Role.PANEL_ADMINISTRATOR)
        users.deactivate(context.uow, logins[Role.IRO])
    finally:
        context.dispose()
    with connect(Role.MANAGER) as connection:  # now a panel administrator
        connection.execute(text("INSERT INTO panel (date, type) VALUES ('2026-04-03', 'x')"))
        connection.rollback()
        assert connection.execute(text("SELECT pg_has_role(current_user, "
                                        "'permanence_manager', 'MEMBER')")).scalar() is False
    with connect(Role.IRO) as connection:
        _refused(connection, "SELECT count(*) FROM child")
    with pytest.raises(PermissionDenied, match="not an active user"):  # the app says why
        _open(owner_url, logins[Role.IRO])


def test_only_the_owner_migrates(tracker, capsys):
    owner_url, logins, connect = tracker
    admin = create_engine(owner_url)
    with admin.begin() as connection:  # as if a new version's migration were waiting
        head = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        connection.execute(text("UPDATE alembic_version SET version_num = '0008'"))
    admin.dispose()
    owner = make_url(owner_url).username
    with pytest.raises(Exception, match=rf"only its owner \({owner}\) may do that.*migrate"):
        _open(owner_url, logins[Role.ADMINISTRATOR])
    assert main(["--db", owner_url, "migrate"]) == 0
    assert "is now up to date" in capsys.readouterr().out
    context = _open(owner_url, logins[Role.ADMINISTRATOR])  # migrating kept every grant
    try:
        assert len(users.list_users(context.uow)) == 4
    finally:
        context.dispose()
    with connect(Role.ADMINISTRATOR) as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")
                                  ).scalar() == head


def test_a_login_never_added_is_told_to_ask_an_administrator(tracker):
    owner_url, logins, _connect = tracker
    stranger = f"{logins[Role.IRO]}_stranger"
    admin = create_engine(owner_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f"CREATE ROLE {stranger} LOGIN PASSWORD '{PASSWORD}'"))
            # Every login may look into the public schema; this test's tracker has a schema
            # of its own, so the stranger is let look in as they would there.
            schema = connection.execute(text("SELECT current_schema()")).scalar()
            connection.execute(text(f"GRANT USAGE ON SCHEMA {schema} TO {stranger}"))
        with pytest.raises(PermissionDenied, match=r"may not read this tracker: ask an admin"):
            _open(owner_url, stranger)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"REVOKE USAGE ON SCHEMA {schema} FROM {stranger}"))
            connection.execute(text(f"DROP ROLE IF EXISTS {stranger}"))
        admin.dispose()


# -- the audit guards (persistence/audit_guards.py): no change without its entry, no entry
# in someone else's name. The app's own saves as each role pass them: the tests above.

def _entry(login: str, table: str, key: str, txid: str = "") -> str:
    """Raw SQL appending an audit entry (its hash is not the point here)."""
    return ('INSERT INTO audit (at, "user", table_name, row_key, action, hash'
            f"{', txid' if txid else ''}) VALUES (now(), '{login}', '{table}', '{key}', "
            f"'update', 'x'{', ' + txid if txid else ''})")


def _refused_at_commit(connection, *sql: str) -> None:
    for statement in sql:
        connection.execute(text(statement))
    with pytest.raises(DBAPIError, match="must be written with its audit entry"):
        connection.commit()
    connection.rollback()


def test_a_raw_change_without_its_audit_entry_is_refused_at_commit(tracker):
    owner_url, logins, connect = tracker
    with connect(Role.IRO) as connection:
        entries = connection.execute(text("SELECT count(*) FROM audit")).scalar()
        tampered = connection.execute(text(
            "UPDATE child SET forename = 'Tampered' WHERE child_id = 'K1'"))
        assert tampered.rowcount == 1  # row-level security lets it: K1 is their caseload's
        with pytest.raises(DBAPIError, match=r"update of child K1 was refused.*audit entry"):
            connection.commit()
        connection.rollback()
        _refused_at_commit(connection, "DELETE FROM episode WHERE child_id = 'K1'")
        _refused_at_commit(connection, "INSERT INTO episode (child_id, start, rne, "
                                       "legal_status) VALUES ('K1', '2025-06-01', 'P', 'C2')")
        # an entry for another row does not cover it
        _refused_at_commit(connection, _entry(logins[Role.IRO], "child", "K2"),
                           "UPDATE child SET team = 'z' WHERE child_id = 'K1'")
        assert connection.execute(text("SELECT forename FROM child WHERE child_id = 'K1'")
                                  ).scalar() != "Tampered"
        assert connection.execute(text("SELECT count(*) FROM audit")).scalar() == entries
        # with its entry, in the login's own name, the change is made: it has its trace
        connection.execute(text(_entry(logins[Role.IRO], "child", "K1")))
        connection.execute(text("UPDATE child SET team = 'z' WHERE child_id = 'K1'"))
        connection.commit()
    with connect(Role.ADMINISTRATOR) as connection:  # every group, not only the IROs
        _refused_at_commit(connection, "UPDATE iro SET active = active")
        _refused_at_commit(connection, "DELETE FROM users WHERE role = 'manager'")
        _refused_at_commit(connection, "INSERT INTO settings (key, value) VALUES ('k', '1')")


def test_an_audit_entry_in_someone_elses_name_is_refused(tracker):
    owner_url, logins, connect = tracker
    owner = make_url(owner_url).username
    with connect(Role.IRO) as connection:
        for someone in (logins[Role.ADMINISTRATOR], owner, "nobody"):
            _refused(connection, _entry(someone, "child", "K1"),
                     rf"entry in the name of '{someone}' was refused")
        # in their own name, yes, but stamped with their own transaction, whatever they say
        connection.execute(text(_entry(logins[Role.IRO], "child", "K1", txid="42")))
        stamped, current = connection.execute(text(
            "SELECT txid, txid_current() FROM audit ORDER BY id DESC LIMIT 1")).one()
        assert stamped == current != 42
        connection.rollback()


def test_the_audit_names_the_login_the_server_knows_when_the_url_names_none(
        tracker, monkeypatch):
    owner_url, logins, connect = tracker
    monkeypatch.setenv("PGUSER", logins[Role.IRO])  # libpq's default login, not the OS user
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    anonymous = make_url(owner_url)._replace(username=None, password=None)  # set() keeps None
    context = open_context(anonymous.render_as_string(hide_password=False), create=False)
    try:
        records.update_child(context.uow, Child("K1", date(2020, 5, 1), iro="Iro One",
                                                team="Team A", version=1), TODAY)
    finally:
        context.dispose()
    with connect(Role.IRO) as connection:
        assert connection.execute(text(
            "SELECT \"user\" FROM audit ORDER BY id DESC LIMIT 1")).scalar() == logins[Role.IRO]


def test_an_administrators_demo_build_and_903_import_pass_the_guards(_pg_schemas):
    """Bulk writes by a login that is not the owner: every row has its entry (one index probe
    each at commit), and the trail names that login and verifies."""
    from permanence_tracker.services.audit import verify_audit
    from permanence_tracker.services.demo import build_demo
    from permanence_tracker.services.imports.ssda903 import import_903

    login = f"pt_{uuid.uuid4().hex[:10]}_admin"
    with _pg_schemas() as owner_url:
        admin = create_engine(owner_url, isolation_level="AUTOCOMMIT")
        owner = open_context(owner_url)
        try:
            with admin.connect() as connection:
                connection.execute(text(f"CREATE ROLE {login} LOGIN PASSWORD '{PASSWORD}'"))
            users.add_user(owner.uow, User(login, "administrator"))
            context = _open(owner_url, login)
            try:
                built = build_demo(context.uow, children=30, seed=3, as_of=date(2026, 11, 23))
                imported = import_903(context.uow, [Path(__file__).parents[1] / "data" / "903"],
                                      TODAY)
                assert verify_audit(context.uow).intact
            finally:
                context.dispose()
            with admin.connect() as connection:
                children = connection.execute(text("SELECT count(*) FROM child")).scalar()
                names = set(connection.execute(text(
                    "SELECT DISTINCT \"user\" FROM audit WHERE txid IS NOT NULL")).scalars())
            assert children == built.children + 7 and imported is not None
            assert names == {login, make_url(owner_url).username}  # the owner added the user
        finally:
            owner.dispose()
            with admin.connect() as connection:
                connection.execute(text(f"DROP ROLE IF EXISTS {login}"))
            admin.dispose()
