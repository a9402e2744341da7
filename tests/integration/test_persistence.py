"""Storage guarantees, on SQLite and PostgreSQL: migrations, backups, pragmas, the audit chain,
optimistic locking, all-or-nothing units of work, and the two back ends behaving alike.

Worked by hand: a writer "ann" whose clock says Wednesday 01/04/2026 10:30 in London (BST,
09:30 UTC); child K1 born 04/05/2019; reviews as each test says.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, insert, select, text, update
from sqlalchemy.exc import IntegrityError

from permanence_tracker.domain.entities import Child, Iro, Review
from permanence_tracker.domain.errors import ConflictError, ValidationError
from permanence_tracker.persistence import engine as engines
from permanence_tracker.persistence import grants
from permanence_tracker.persistence import tables as t
from permanence_tracker.persistence.audit import entry_hash
from permanence_tracker.persistence.tables import metadata
from permanence_tracker.persistence.uow import uow_factory
from permanence_tracker.services.audit import verify_audit

BST = timezone(timedelta(hours=1))
WRITTEN = datetime(2026, 4, 1, 10, 30, tzinfo=BST)  # = 09:30 UTC
K1 = Child("K1", date(2019, 5, 4), sex="F", forename="Kit")  # canonical (issue 8)


@pytest.fixture
def engine(db_url):
    engine = engines.open_database(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def ann(engine):
    """Units of work as user 'ann', writing at WRITTEN."""
    return uow_factory(engine, "ann", lambda: WRITTEN)


def audit_rows(engine) -> list:
    with engine.connect() as connection:
        return list(connection.execute(select(t.audit).order_by(t.audit.c.id)))


def count(engine, table) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar_one()


# -- migrations ----------------------------------------------------------------------------
def _bare(default: str | None) -> str:
    return (default or "").strip().strip("()").strip("'\"")


def _same_default(context, inspected_column, metadata_column, inspected, metadata_default,
                  rendered):
    """SQLite reflects ``DEFAULT ('')`` where the metadata says ``''``: compare bare values.
    PostgreSQL's defaults Alembic compares on the server itself (return None)."""
    if context.dialect.name != "sqlite":
        return None
    if (inspected is None) != (rendered is None):
        return True
    return _bare(inspected) != _bare(rendered)


def test_migrations_build_exactly_the_metadata(db_url):
    engine = engines.open_database(db_url)  # an empty database, migrated from nothing
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={
                "compare_type": True, "compare_server_default": _same_default})
            differences = compare_metadata(context, metadata)
        pending = engines.pending_migrations(engine)
    finally:
        engine.dispose()
    assert differences == []
    assert not pending


def test_two_processes_opening_a_new_database_at_once_both_succeed(db_url):
    """As when a new version reaches a team and everyone opens the shared database: one
    migrates, the other waits and finds nothing left to do (without the lock, one failed:
    'table audit already exists')."""
    code = ("import sys; from permanence_tracker.persistence import engine as e; "
            "e.open_database(sys.argv[1]).dispose()")
    started = [subprocess.Popen([sys.executable, "-c", code, db_url], stderr=subprocess.PIPE,
                                text=True) for _ in range(2)]
    errors = [process.communicate(timeout=120)[1] for process in started]
    assert [process.returncode for process in started] == [0, 0], errors
    engine = engines.create(db_url)
    try:
        with engine.connect() as connection:
            versions = connection.execute(text("SELECT version_num FROM alembic_version"))
            assert len(versions.all()) == 1
    finally:
        engine.dispose()


def _sqlite_at(path, revision: str) -> None:
    """A SQLite file migrated only to ``revision``, holding child K1."""
    engine = engines.create(f"sqlite:///{path}")
    command.upgrade(engines.alembic_config(engine), revision)
    with engine.begin() as connection:
        connection.execute(insert(t.child).values(child_id="K1", dob=date(2019, 5, 4)))
    engine.dispose()


def test_an_old_sqlite_file_is_copied_before_it_is_migrated(tmp_path):
    path = tmp_path / "tracker.sqlite"
    _sqlite_at(path, "0001")
    engine = engines.open_database(f"sqlite:///{path}", datetime(2026, 4, 1, 9, 30, 5))
    engine.dispose()
    backup = tmp_path / "tracker.sqlite.20260401-093005.bak"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".bak") == [backup.name]
    with sqlite3.connect(backup) as old:  # the copy is the file as it was: 0001, with K1
        assert old.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        assert old.execute("SELECT child_id FROM child").fetchall() == [("K1",)]
    with sqlite3.connect(path) as new:  # and the file itself is now at head, K1 kept
        assert new.execute("SELECT version_num FROM alembic_version").fetchall() != [("0001",)]
        assert new.execute("SELECT child_id FROM child").fetchall() == [("K1",)]


def test_a_new_or_current_sqlite_file_is_not_copied(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    engines.open_database(url, datetime(2026, 4, 1, 9, 30)).dispose()  # new: nothing to keep
    engines.open_database(url, datetime(2026, 4, 1, 9, 31)).dispose()  # current: no migration
    assert [p.name for p in tmp_path.iterdir() if ".bak" in p.name] == []


def test_sqlite_has_foreign_keys_and_wal(tmp_path):
    engine = engines.open_database(f"sqlite:///{tmp_path / 'tracker.sqlite'}")
    try:
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        engine.dispose()


def test_a_record_for_a_child_who_does_not_exist_is_refused(engine):
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(insert(t.review).values(child_id="NOBODY", held=date(2026, 1, 5)))
    assert count(engine, t.review) == 0


# -- the audit trail -----------------------------------------------------------------------
def test_every_insert_update_and_delete_is_audited(ann, engine):
    with ann() as uow:
        uow.repo.add(K1)
        review = uow.repo.add(Review("K1", date(2026, 1, 5), participation="PN1"))
    with ann() as uow:
        review = uow.repo.update(replace(review, participation="PN3", notes="Met at school"))
    with ann() as uow:
        uow.repo.delete(review)
    rows = audit_rows(engine)
    assert [(r.table_name, r.action, r.row_key, r.child_id, r.user) for r in rows] == [
        ("child", "insert", "K1", "K1", "ann"),
        ("review", "insert", str(review.id), "K1", "ann"),
        ("review", "update", str(review.id), "K1", "ann"),
        ("review", "delete", str(review.id), "K1", "ann"),
    ]
    at = rows[0].at if rows[0].at.tzinfo else rows[0].at.replace(tzinfo=UTC)  # SQLite: naive
    assert at == datetime(2026, 4, 1, 9, 30, tzinfo=UTC)
    inserted, updated, deleted = rows[1:]
    assert inserted.old is None and json.loads(inserted.new) == {
        "id": review.id, "child_id": "K1", "held": "2026-01-05", "participation": "PN1",
        "iro": "", "plan_in_place": None, "notes": ""}
    assert json.loads(updated.old) == {"participation": "PN1", "notes": ""}
    assert json.loads(updated.new) == {"participation": "PN3", "notes": "Met at school"}
    assert json.loads(deleted.old)["participation"] == "PN3" and deleted.new is None
    with ann() as uow:  # the child's trail shows local time, the same instant
        trail = uow.repo.audit_trail("K1")
    assert [a["at"] for a in trail] == [WRITTEN] * 4 and trail[0]["at"].tzinfo is not None


def _four_entries(ann) -> None:
    with ann() as uow:
        uow.repo.add(K1)
        first = uow.repo.add(Review("K1", date(2026, 1, 5)))
        uow.repo.add(Review("K1", date(2026, 4, 1)))
    with ann() as uow:
        uow.repo.update(replace(first, notes="Held late"))


def test_an_untouched_chain_verifies(ann, engine):
    _four_entries(ann)
    check = verify_audit(ann)
    assert check.intact and check.entries == 4 and check.reason == ""


@pytest.mark.parametrize("tamper", ["edit", "rehash", "remove", "backdate"])
def test_tampering_with_the_trail_is_detected(ann, engine, tamper):
    _four_entries(ann)
    second, third = audit_rows(engine)[1:3]
    with engine.begin() as connection:
        where = t.audit.c.id == second.id
        if tamper == "edit":  # change what the entry says was stored
            connection.execute(update(t.audit).where(where).values(
                new=second.new.replace("2026-01-05", "2026-01-06")))
        elif tamper == "rehash":  # edit it and give it the hash its new contents would have
            first = audit_rows(engine)[0]
            connection.execute(update(t.audit).where(where).values(new="{}", hash=entry_hash(
                first.hash, second.at, second.user, second.table_name, second.child_id,
                second.row_key, second.action, second.old, "{}")))
        elif tamper == "remove":
            connection.execute(t.audit.delete().where(where))
        else:
            connection.execute(update(t.audit).where(where).values(
                at=datetime(2026, 3, 1, 9, 30, tzinfo=UTC)))
    check = verify_audit(ann)
    assert not check.intact
    # An edited entry breaks at itself; a removed or re-hashed one at the entry after it.
    moved_on = tamper in ("remove", "rehash")
    assert check.broken_at == (third.id if moved_on else second.id)
    assert check.entries == (2 if tamper == "rehash" else 1)
    assert f"audit entry {check.broken_at} " in check.reason


@pytest.mark.parametrize("tamper", ["last", "tail", "all", "head", "appended"])
def test_entries_removed_from_the_end_or_added_without_the_head_are_detected(ann, engine,
                                                                               tamper):
    """The rest of the chain stays whole when the newest entries go: the head shows it."""
    _four_entries(ann)
    rows = audit_rows(engine)
    ids = [row.id for row in rows]
    with engine.begin() as connection:
        if tamper == "last":
            connection.execute(t.audit.delete().where(t.audit.c.id == ids[-1]))
        elif tamper == "tail":
            connection.execute(t.audit.delete().where(t.audit.c.id >= ids[1]))
        elif tamper == "all":
            connection.execute(t.audit.delete())
        elif tamper == "head":  # the trail cut and its head removed too
            connection.execute(t.audit.delete().where(t.audit.c.id == ids[-1]))
            connection.execute(t.audit_head.delete())
        else:  # a well-chained entry written by hand, past the head
            last = rows[-1]
            connection.execute(insert(t.audit).values(
                id=last.id + 1, at=last.at, user="eve", child_id="K1", table_name="child",
                row_key="K1", action="update", old=None, new="{}", hash=entry_hash(
                    last.hash, last.at, "eve", "child", "K1", "K1", "update", None, "{}")))
    check = verify_audit(ann)
    assert not check.intact
    expected = {
        "last": (ids[-1], f"entries after #{ids[-2]} were removed: the head says #{ids[-1]}"),
        "tail": (ids[-1], f"entries after #{ids[0]} were removed: the head says #{ids[-1]}"),
        "all": (ids[-1], f"every entry was removed: the head says #{ids[-1]}"),
        "head": (ids[-2], "the audit head (the last entry's id and hash) is missing"),
        "appended": (ids[-1] + 1, f"entries after #{ids[-1]} (to #{ids[-1] + 1}) were added "
                     "outside the application"),
    }[tamper]
    assert check.broken_at == expected[0]
    assert check.reason.startswith(expected[1]), check.reason


def test_the_head_moves_with_every_append_and_a_new_tracker_has_none(ann, engine):
    with engine.connect() as connection:
        assert connection.execute(select(t.audit_head)).all() == []  # nothing written yet
    assert verify_audit(ann).intact
    _four_entries(ann)
    last = audit_rows(engine)[-1]
    with engine.connect() as connection:
        head = connection.execute(select(t.audit_head)).one()
    assert (head.id, head.last_id, head.last_hash, head.entries) == (1, last.id, last.hash, 4)


def test_the_head_migration_fills_it_from_an_existing_trail(db_url):
    """0008 on a tracker whose trail was written before the head existed."""
    engine = engines.create(db_url)
    try:
        command.upgrade(engines.alembic_config(engine), "0007")
        at = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
        previous = ""
        with engine.begin() as connection:
            for number in range(1, 4):
                digest = entry_hash(previous, at, "ann", "iro", None, f"I{number}", "insert",
                                    None, "{}")
                connection.execute(insert(t.audit).values(
                    id=number, at=at, user="ann", child_id=None, table_name="iro",
                    row_key=f"I{number}", action="insert", old=None, new="{}", hash=digest))
                previous = digest
        command.upgrade(engines.alembic_config(engine), "head")
        with engine.connect() as connection:
            head = connection.execute(select(t.audit_head)).one()
        assert (head.last_id, head.last_hash, head.entries) == (3, previous, 3)
        factory = uow_factory(engine, "ann", lambda: WRITTEN)
        assert verify_audit(factory).intact
        with engine.begin() as connection:
            connection.execute(t.audit.delete().where(t.audit.c.id == 3))
        assert verify_audit(factory).reason.startswith(
            "entries after #2 were removed: the head says #3")
    finally:
        engine.dispose()


def test_concurrent_writers_keep_one_chain(ann, engine):
    """Two units of work writing at once: the second waits, then chains from the first's
    last entry (on PostgreSQL without the chain lock both would chain from the same one)."""
    with ann() as uow:
        uow.repo.add(K1)
    first_wrote, second_done = threading.Event(), threading.Event()
    problems: list[BaseException] = []

    def second() -> None:
        try:
            first_wrote.wait(5)
            with ann() as uow:
                uow.repo.add(Review("K1", date(2026, 2, 2)))
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            problems.append(exc)
        finally:
            second_done.set()

    worker = threading.Thread(target=second)
    worker.start()
    with ann() as uow:
        uow.repo.add(Review("K1", date(2026, 1, 5)))
        first_wrote.set()
        assert not second_done.wait(0.5), "the second writer did not wait for the first"
        uow.repo.add(Review("K1", date(2026, 1, 6)))
    worker.join(10)
    assert problems == []
    rows = audit_rows(engine)
    assert [json.loads(r.new).get("held") for r in rows] == [
        None, "2026-01-05", "2026-01-06", "2026-02-02"]
    assert verify_audit(ann).intact


# -- optimistic locking and units of work --------------------------------------------------
def test_a_stale_update_or_delete_is_refused(ann, engine):
    with ann() as uow:
        uow.repo.add(K1)
        read = uow.repo.add(Review("K1", date(2026, 1, 5)))  # version 1
    with ann() as uow:  # someone else saves first
        uow.repo.update(replace(read, notes="Theirs"))
    entries = len(audit_rows(engine))
    with pytest.raises(ConflictError, match="version 2, you edited version 1"), ann() as uow:
        uow.repo.update(replace(read, notes="Mine"))
    with pytest.raises(ConflictError, match="changed by someone else"), ann() as uow:
        uow.repo.delete(read)
    with ann() as uow:
        (stored,) = uow.repo.records(Review, "K1")
    assert (stored.notes, stored.version) == ("Theirs", 2)
    assert len(audit_rows(engine)) == entries


def test_a_failing_unit_of_work_writes_nothing(ann, engine):
    with pytest.raises(RuntimeError), ann() as uow:
        uow.repo.add(K1)
        uow.repo.add(Review("K1", date(2026, 1, 5)))
        raise RuntimeError("the GUI thread was cancelled")
    with pytest.raises(IntegrityError), ann() as uow:  # the database refuses the second
        uow.repo.add(K1)
        uow.repo.add(Review("K1", date(2026, 1, 5)))
        uow.repo.add(Review("K1", date(2026, 1, 5)))
    assert [count(engine, table) for table in (t.child, t.review, t.audit)] == [0, 0, 0]


# -- the two back ends behave alike --------------------------------------------------------
def test_a_value_too_long_for_its_column_is_refused_clearly(ann, engine):
    with pytest.raises(ValidationError) as refused, ann() as uow:
        uow.repo.add(replace(K1, forename="K" * 121))
    assert [(p.field, p.message) for p in refused.value.problems] == [
        ("forename", "is 121 characters long, more than the 120 it can hold: shorten it")]
    with pytest.raises(ValidationError, match="cp_cases: 2147483648 is too large"), ann() as u:
        u.repo.add(Iro("Ann Able", cp_cases=2**31))
    with ann() as uow:
        uow.repo.add(replace(K1, forename="K" * 120))  # exactly 120 fits
    assert count(engine, t.child) == 1 and count(engine, t.iro) == 0


def test_ids_given_explicitly_are_not_issued_again(ann):
    with ann() as uow:
        uow.repo.add(K1)
        uow.repo.add(Review("K1", date(2026, 1, 5), id=50))
        uow.repo.add_many([Review("K1", date(2026, 1, 6), id=60)])
    with ann() as uow:
        issued = uow.repo.add(Review("K1", date(2026, 1, 7))).id
    assert issued > 60


def test_records_come_back_in_key_order_after_updates(ann):
    """Without an ORDER BY, a database returns rows in whatever order its plan gives: by the
    (child, held) index for one child, and on PostgreSQL with updated rows moved last."""
    with ann() as uow:
        uow.repo.add(K1)
        added = [uow.repo.add(Review("K1", date(2026, 1, day))) for day in (7, 5, 6)]
    with ann() as uow:
        uow.repo.update(replace(added[0], notes="x"))
    ids = [r.id for r in added]
    assert ids == sorted(ids)
    with ann() as uow:
        assert [r.id for r in uow.repo.records(Review, "K1")] == ids
        assert [r.id for r in uow.repo.records(Review)] == ids


def test_children_and_iros_sort_by_code_point_whatever_the_collation(ann, engine):
    if engine.dialect.name == "postgresql":  # as a server set up with an English locale
        with engine.begin() as connection:
            grants.revoke(connection)  # row-level security policies use the columns altered
            connection.execute(text(
                'ALTER TABLE child ALTER COLUMN child_id TYPE varchar(40) COLLATE "en-GB-x-icu"'))
            connection.execute(text(
                'ALTER TABLE iro ALTER COLUMN name TYPE varchar(120) COLLATE "en-GB-x-icu"'))
    with ann() as uow:
        for child_id in ("b1", "C1", "C-2", "a3"):
            uow.repo.add(Child(child_id, date(2019, 5, 4)))
        for name in ("de Silva", "Dee", "ann"):
            uow.repo.add(Iro(name))
    with ann() as uow:
        assert [h.child.child_id for h in uow.histories()] == ["C-2", "C1", "a3", "b1"]
        assert [i.name for i in uow.iros()] == ["Dee", "ann", "de Silva"]


def test_histories_of_more_children_than_one_statement_can_name(ann):
    """70,000 IDs: more bound parameters than one statement may have (psycopg: 65,535;
    SQLite: 32,766 by default, more in some builds)."""
    with ann() as uow:
        uow.repo.add(K1)
        uow.repo.add(Child("Z9", date(2019, 5, 4)))
        asked = [f"X{n}" for n in range(70_000)] + ["Z9", "K1"]
        assert [h.child.child_id for h in uow.histories(asked)] == ["K1", "Z9"]
