"""Issue 12, from a laptop to a team: ``migrate-to URL`` copies a whole SQLite tracker (plain or
encrypted) into an empty PostgreSQL database in one transaction, and checks it: every table's
row count and the audit chain on both sides. A second copy into the same database, a SQLite
target and a server source are refused; a copy that fails half-way leaves the server empty.
The copy opens in the app and gives the same summary figures as the laptop's tracker."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import create_engine, inspect, select, text

from permanence_tracker import app, cli
from permanence_tracker.domain.entities import Child
from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.domain.roles import Role, User
from permanence_tracker.persistence import transfer
from permanence_tracker.persistence.tables import metadata
from permanence_tracker.services import settings, users
from permanence_tracker.services.audit import verify_audit
from permanence_tracker.services.demo import build_demo
from permanence_tracker.services.permanence import saved_cohorts
from permanence_tracker.services.permanence.cohort import load_cohort
from permanence_tracker.services.permanence.cohort_filter import CohortFilter
from permanence_tracker.services.permanence.summary import summarise
from permanence_tracker.services.records import editing
from permanence_tracker.services.transfer import migrate_to

AS_OF = date(2026, 3, 31)
SECRET = "correct horse battery"
ODD = "Zoë ‘O’Brien’ \"Ünïcode\" – 🙂 back\\slash 100% _ ; DROP"  # survives byte for byte
ME = app.current_user()  # the command line acts as the OS user on a laptop tracker
TRACKER_TABLES = {t.name for t in metadata.sorted_tables} | {"alembic_version"}


@pytest.fixture
def pg_url(request):
    """An empty PostgreSQL database (a schema of its own) to migrate into."""
    with request.getfixturevalue("_pg_schemas")() as url:
        yield url


@pytest.fixture
def other_pg_url(request):
    with request.getfixturevalue("_pg_schemas")() as url:
        yield url


def _laptop(tmp_path, passphrase: str | None = None, server_login: bool = True) -> app.Context:
    """A demo tracker with panels, an odd setting, a saved cohort and users, as the OS user; with
    ``server_login``, the test server's login 'ptrack' is on its user list."""
    context = app.open_context(f"sqlite:///{tmp_path / 'laptop.sqlite'}", user=ME,
                               passphrase=passphrase)
    build_demo(context.uow, children=25, seed=3, as_of=AS_OF)
    settings.set_setting(context.uow, "authority_name", ODD)
    saved_cohorts.save(context.uow, f"Cohort {ODD}", CohortFilter(overdue_only=True,
                                                                  age_min=3))
    users.add_user(context.uow, User(ME, Role.ADMINISTRATOR.value, "Tess Example"))
    users.add_user(context.uow, User("ann.example", Role.IRO.value, "Ann Example",
                                     iro_name="Ann Example"))
    if server_login:
        users.add_user(context.uow, User("ptrack", Role.ADMINISTRATOR.value, "Server login"))
    return context


def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return set(inspect(connection).get_table_names()) & TRACKER_TABLES
    finally:
        engine.dispose()


def _rows(url: str, name: str) -> list[tuple]:
    """Every row of a table as the tracker's column types read it, in key order."""
    engine = create_engine(url)
    table = metadata.tables.get(name)
    query = text(f"SELECT * FROM {name}") if table is None else \
        select(table).order_by(*table.primary_key.columns)
    try:
        with engine.connect() as connection:
            return [tuple(r) for r in connection.execute(query)]
    finally:
        engine.dispose()


def _summary(context: app.Context):
    return summarise(load_cohort(context.uow, AS_OF), date(2025, 4, 1))


@pytest.mark.postgres
def test_a_demo_tracker_is_copied_whole_and_checked(tmp_path, pg_url, capsys):
    laptop = _laptop(tmp_path)
    source_file = tmp_path / "laptop.sqlite"
    laptop.dispose()
    before = source_file.read_bytes()
    assert cli.main(["--db", laptop.url, "migrate-to", pg_url]) == 0
    out, err = capsys.readouterr()
    assert "audit chain" in out and "intact     intact" in out and "DIFFERS" not in out
    assert "every count agrees, and the audit trail verifies on both sides" in out
    assert "Copied" in err and "(audit)" in err  # progress
    assert "warning" not in err
    assert source_file.read_bytes() == before  # the tracker copied from is only read

    laptop = app.open_context(laptop.url, user=ME, create=False)
    server = app.open_context(pg_url, user=ME, create=False)
    try:
        assert not server.created
        for table in sorted(TRACKER_TABLES - {"alembic_version"}):
            assert len(_rows(pg_url, table)) == len(_rows(laptop.url, table)), table
        assert len(_rows(pg_url, "users")) == 3 and len(_rows(pg_url, "panel")) > 0
        assert _rows(pg_url, "alembic_version") == _rows(laptop.url, "alembic_version")
        # values exactly: dates, booleans, odd text (the audit's times are compared by the
        # chain, whose hashes cover them)
        for table in ("child", "episode", "review", "panel", "panel_item", "settings"):
            assert _rows(pg_url, table) == _rows(laptop.url, table), table
        check = verify_audit(server.uow)
        assert check.intact and check.entries == verify_audit(laptop.uow).entries > 1000
        assert settings.list_settings(server.uow) == settings.list_settings(laptop.uow)
        assert ODD in {row.value for row in settings.list_settings(server.uow)}
        assert saved_cohorts.load(server.uow) == saved_cohorts.load(laptop.uow)
        assert f"Cohort {ODD}" in saved_cohorts.load(server.uow)
        assert users.list_users(server.uow) == users.list_users(laptop.uow)
        assert _summary(server) == _summary(laptop)
        # the ids' sequences go on after the copied ids: a new record saves, audited
        editing.add_child(server.uow, Child("NEW1", date(2015, 5, 1), sex="F"), AS_OF)
        assert verify_audit(server.uow).entries == check.entries + 1
    finally:
        laptop.dispose()
        server.dispose()


@pytest.mark.postgres
def test_a_second_migrate_into_the_same_database_is_refused(tmp_path, pg_url, capsys):
    laptop = _laptop(tmp_path)
    laptop.dispose()
    assert cli.main(["--db", laptop.url, "migrate-to", pg_url]) == 0
    copied = _rows(pg_url, "audit")
    capsys.readouterr()
    assert cli.main(["--db", laptop.url, "migrate-to", pg_url]) == 1
    err = capsys.readouterr().err
    assert "is not empty: it already holds tracker tables (adoption, alembic_version" in err
    assert "create a new database" in err
    assert ":ptrack@" not in err and "ptrack:ptrack" not in err  # the password never shown
    assert _rows(pg_url, "audit") == copied  # nothing added to what was there


@pytest.mark.postgres
def test_an_encrypted_tracker_is_copied(tmp_path, pg_url, monkeypatch, capsys):
    laptop = _laptop(tmp_path, passphrase=SECRET)
    laptop.dispose()
    assert app.is_encrypted(laptop.url)
    phrase = tmp_path / "phrase"
    phrase.write_text(SECRET + "\n", encoding="utf-8")
    phrase.chmod(0o600)
    monkeypatch.setenv("PERMANENCE_TRACKER_PASSPHRASE_FILE", str(phrase))
    assert cli.main(["--db", laptop.url, "migrate-to", pg_url]) == 0
    assert "intact     intact" in capsys.readouterr().out
    laptop = app.open_context(laptop.url, user=ME, create=False, passphrase=SECRET)
    server = app.open_context(pg_url, user=ME, create=False)
    try:
        assert verify_audit(server.uow).intact
        assert _summary(server) == _summary(laptop)
    finally:
        laptop.dispose()
        server.dispose()


@pytest.mark.postgres
def test_a_failure_half_way_leaves_the_server_empty(tmp_path, pg_url, monkeypatch):
    laptop = _laptop(tmp_path)
    insert = transfer._insert_batch
    calls = []

    def failing(connection, table, rows):
        calls.append(table.name)
        if len(calls) == 5:
            raise RuntimeError("the disk is full (a test)")
        insert(connection, table, rows)

    monkeypatch.setattr(transfer, "_insert_batch", failing)
    try:
        with pytest.raises(TrackerError, match="the disk is full .* which is empty again"):
            migrate_to(laptop.uow, app.tracker_copy(laptop, pg_url))
    finally:
        laptop.dispose()
    assert len(calls) == 5 and _tables(pg_url) == set()


@pytest.mark.postgres
def test_a_count_that_differs_rolls_everything_back(tmp_path, pg_url, monkeypatch):
    laptop = _laptop(tmp_path)
    insert = transfer._insert_batch

    def losing_one(connection, table, rows):  # a row lost on the way
        insert(connection, table, rows[:-1] if table.name == "review" else rows)

    monkeypatch.setattr(transfer, "_insert_batch", losing_one)
    try:
        with pytest.raises(TrackerError, match=r"did not check out \(review: [\d,]+ in the "
                                               r"tracker, [\d,]+ on the server\)"):
            migrate_to(laptop.uow, app.tracker_copy(laptop, pg_url))
    finally:
        laptop.dispose()
    assert _tables(pg_url) == set()


@pytest.mark.postgres
def test_a_broken_trail_is_not_copied(tmp_path, pg_url):
    laptop = _laptop(tmp_path)
    laptop.dispose()
    engine = create_engine(laptop.url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE audit SET user = 'someone else' WHERE id = 7"))
    engine.dispose()
    laptop = app.open_context(laptop.url, user=ME, create=False)
    try:
        with pytest.raises(TrackerError, match="own audit trail does not verify .*audit entry 7"):
            migrate_to(laptop.uow, app.tracker_copy(laptop, pg_url))
    finally:
        laptop.dispose()
    assert _tables(pg_url) == set()


@pytest.mark.postgres
def test_a_login_missing_from_the_user_list_is_warned_of(tmp_path, pg_url, capsys):
    laptop = _laptop(tmp_path, server_login=False)
    laptop.dispose()
    assert cli.main(["--db", laptop.url, "migrate-to", pg_url]) == 0
    err = capsys.readouterr().err
    assert "warning: the tracker's user list does not name 'ptrack'" in err  # the URL's login
    with pytest.raises(TrackerError, match="'ptrack' is not an active user"):
        app.open_context(pg_url, create=False)


def test_a_sqlite_target_and_a_server_source_are_refused(tmp_path, capsys):
    laptop = app.open_context(f"sqlite:///{tmp_path / 'laptop.sqlite'}", user=ME)
    try:
        with pytest.raises(TrackerError, match="is not a PostgreSQL database"):
            app.tracker_copy(laptop, f"sqlite:///{tmp_path / 'other.sqlite'}")
        with pytest.raises(TrackerError, match="not a database URL"):
            app.tracker_copy(laptop, "no such thing")
        server = replace(laptop, engine=create_engine("postgresql+psycopg://u:pw@127.0.0.1/x"))
        with pytest.raises(TrackerError, match="is already on a database server") as refused:
            app.tracker_copy(server, "postgresql://u:pw@127.0.0.1/y")
        assert "pw" not in str(refused.value)
        server.engine.dispose()
    finally:
        laptop.dispose()
    assert cli.main(["--db", laptop.url, "migrate-to", f"sqlite:///{tmp_path / 'x.sqlite'}"]) == 1
    assert "is not a PostgreSQL database" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite").exists()


def test_only_an_administrator_may_migrate(tmp_path):
    from permanence_tracker.domain.roles import Actor
    from permanence_tracker.services.authorization import PermissionDenied, acting

    laptop = app.open_context(f"sqlite:///{tmp_path / 'laptop.sqlite'}", user=ME)
    try:
        manager = acting(laptop.uow, Actor("mo", Role.MANAGER))
        with pytest.raises(PermissionDenied, match=r"Your role \(Manager\) may not manage"):
            migrate_to(manager, None)  # type: ignore[arg-type]  # refused before it is used
    finally:
        laptop.dispose()


@pytest.mark.postgres
def test_an_unreachable_server_is_refused_clearly(tmp_path, other_pg_url, capsys):
    laptop = app.open_context(f"sqlite:///{tmp_path / 'laptop.sqlite'}", user=ME)
    laptop.dispose()
    wrong = other_pg_url.replace("ptrack:ptrack@", "ptrack:not-the-password@")
    assert cli.main(["--db", laptop.url, "migrate-to", wrong]) == 1
    err = capsys.readouterr().err
    assert "cannot reach the target" in err and "not-the-password" not in err
