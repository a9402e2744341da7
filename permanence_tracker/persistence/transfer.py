"""Copying a whole SQLite tracker into an empty PostgreSQL database (``migrate-to``).

:class:`SqlTrackerCopy` copies every table of ``tables.metadata`` in foreign-key order
(``metadata.sorted_tables``), streamed in batches, in ONE transaction on the target: the schema
is made there by the tracker's own Alembic migrations (so ``alembic_version`` matches), the
rows are inserted with their own ids, the ids' sequences are moved past them, and before the
commit the row count of every table and the audit chain are checked on both sides. Any failure
rolls the whole transaction back: the target is left as empty as it was found.

Values are copied as stored, not as the domain reads them: a column whose type converts (the
panel members' ``NameList``) is read and written as its plain text, and a naive time from
SQLite's audit table (stored in UTC) is given its zone, so the chain's hashes, which cover
every field, come out the same on PostgreSQL.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, cast

from alembic import command
from sqlalchemy import Connection, DateTime, Engine, MetaData, Table, func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.types import TypeDecorator

from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.persistence import engine as engines
from permanence_tracker.persistence.audit import verify_audit_chain
from permanence_tracker.persistence.tables import metadata
from permanence_tracker.persistence.uow import SqlUnitOfWork, uow_factory

BATCH = 2000  # rows read and inserted at a time: memory stays flat however big the tracker
VERSION_TABLE = "alembic_version"
Progress = Callable[[int, int, str], None]


class TransferRefused(TrackerError):
    """The source or the target is not one ``migrate-to`` copies between; nothing was written."""


class TransferFailed(TrackerError):
    """The copy failed or did not check out; the target's transaction was rolled back."""


def _raw_metadata() -> MetaData:
    """The tables with every converting column type replaced by what it stores."""
    raw = MetaData()
    for table in metadata.sorted_tables:
        copy = table.to_metadata(raw)
        for column in copy.columns:
            if isinstance(column.type, TypeDecorator):
                column.type = column.type.impl_instance
    return raw


RAW = _raw_metadata()
TABLES: tuple[Table, ...] = tuple(RAW.tables[t.name] for t in metadata.sorted_tables)


def _zoned(table: Table) -> tuple[str, ...]:
    return tuple(c.name for c in table.columns
                 if isinstance(c.type, DateTime) and c.type.timezone)


def _as_stored(rows: Sequence[Any], zoned: tuple[str, ...]) -> list[dict[str, Any]]:
    """Rows as insert parameters; a naive zoned time (SQLite's, in UTC) made aware."""
    out = []
    for row in rows:
        values = dict(row._mapping)
        for name in zoned:
            value = values[name]
            if isinstance(value, datetime) and value.tzinfo is None:
                values[name] = value.replace(tzinfo=UTC)
        out.append(values)
    return out


def _insert_batch(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    connection.execute(table.insert(), rows)


class _Within:
    """An engine as ``db/migrations/env.py`` uses one (``begin()``), whose transaction is the
    copy's own: the migrations' DDL commits or rolls back with the rows."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        yield self.connection


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class SqlTrackerCopy:
    """The open SQLite tracker ``source`` (plain or encrypted) and the PostgreSQL database at
    ``target_url``, which this object connects to (and :meth:`close` lets go of)."""

    def __init__(self, source: Engine, target_url: str, user: str,
                 clock: Callable[[], datetime], batch: int = BATCH) -> None:
        if source.dialect.name != "sqlite":
            raise TransferRefused(
                f"the tracker to copy ({engines.shown(str(source.url))}) is already on a "
                "database server: migrate-to copies a laptop's SQLite tracker to a server; move "
                "a server database with the server's own tools (pg_dump and pg_restore)")
        try:
            parsed = make_url(target_url)
        except ArgumentError:
            raise TransferRefused("the target is not a database URL: give a PostgreSQL one, "
                                  "such as postgresql://login@host/dbname") from None
        if parsed.get_backend_name() != "postgresql":
            raise TransferRefused(
                f"the target ({engines.shown(target_url)}) is not a PostgreSQL database: "
                "migrate-to copies into a shared server database (postgresql://login@host/"
                "dbname); for a copy of this file use `permanence-tracker backup --out FILE`")
        self._source = source
        self._target = engines.create(target_url)
        self._user = user
        self._clock = clock
        self._batch = batch
        self.source = engines.shown(str(source.url))
        self.target = engines.shown(target_url)
        # who the app will act as there: the URL's login, or libpq's default, the OS user
        self.target_login = parsed.username or _os_user()

    # -- before: is the target empty? ----------------------------------------------------
    def _tracker_tables(self, connection: Connection) -> list[str]:
        names = set(inspect(connection).get_table_names())
        return sorted(names & ({t.name for t in TABLES} | {VERSION_TABLE}))

    def check_target(self) -> None:
        """Refuse a target that cannot be reached or already holds tracker tables."""
        try:
            with self._target.connect() as connection:
                found = self._tracker_tables(connection)
        except SQLAlchemyError as exc:
            raise TransferRefused(f"cannot reach the target {self.target}: the server says: "
                                  f"{engines.server_message(exc)}") from None
        if found:
            raise TransferRefused(self._not_empty(found))

    def _not_empty(self, found: list[str]) -> str:
        return (f"the target {self.target} is not empty: it already holds tracker tables "
                f"({', '.join(found)}). migrate-to copies only into a database with none, so "
                "that nothing there is mixed with or overwritten by this tracker: create a new "
                "database (createdb -O LOGIN NAME) and give its URL, or, if what is there may "
                "go, drop those tables first")

    # -- the copy ------------------------------------------------------------------------
    def copy(self, progress: Progress) -> tuple[tuple[str, int, int], ...]:
        """Copy everything in one target transaction; (table, source rows, target rows) for
        each table, checked equal, with both audit chains intact, before the commit."""
        try:
            with self._source.connect() as source, self._target.connect() as target, \
                    source.begin(), target.begin():
                # pysqlite begins only before a write: BEGIN now, so every table is read
                # from one snapshot even if the app saves something meanwhile
                source.exec_driver_sql("BEGIN")
                return self._copy(source, target, progress)
        except TrackerError:
            raise
        except Exception as exc:  # noqa: BLE001 - rolled back: say why, without a traceback
            raise TransferFailed(f"the copy stopped ({engines.server_message(exc)}): nothing was "
                                 f"kept in {self.target}, which is empty again") from None

    def _copy(self, source: Connection, target: Connection,
              progress: Progress) -> tuple[tuple[str, int, int], ...]:
        # One migrator at a time (persistence.engine): an app opening the target now waits
        target.execute(select(func.pg_advisory_xact_lock(engines._MIGRATION_LOCK)))
        found = self._tracker_tables(target)
        if found:
            raise TransferRefused(self._not_empty(found))
        check = verify_audit_chain(source)
        if not check.intact:
            raise TransferFailed(
                f"the tracker's own audit trail does not verify ({check.reason}): a copy would "
                "carry the break to the server, so nothing was copied. See `permanence-tracker "
                "audit verify`")
        counts = {t.name: self._count(source, t) for t in TABLES}
        total = sum(counts.values())
        progress(0, total, "Creating the tracker's tables on the server…")
        command.upgrade(engines.alembic_config(cast(Engine, _Within(target))), "head")
        self._same_revision(source, target)
        done = 0
        for table in TABLES:
            done = self._copy_table(source, target, table, done, total, progress)
        self._move_sequences(target)
        progress(total, total, "Checking the copy…")
        return self._checked(counts, target)

    def _copy_table(self, source: Connection, target: Connection, table: Table, done: int,
                    total: int, progress: Progress) -> int:
        zoned = _zoned(table)
        query = select(table).order_by(*table.primary_key.columns)
        result = source.execution_options(yield_per=self._batch).execute(query)
        for rows in result.partitions():
            try:
                _insert_batch(target, table, _as_stored(rows, zoned))
            except DBAPIError as exc:
                raise TransferFailed(
                    f"copying the table {table.name} failed at rows {done + 1:,} to "
                    f"{done + len(rows):,} of {total:,}: the server says: "
                    f"{engines.server_message(exc)}. Nothing was kept in {self.target}, which is "
                    "empty again") from None
            done += len(rows)
            progress(done, total, f"Copied {done:,} of {total:,} rows ({table.name})…")
        return done

    @staticmethod
    def _count(connection: Connection, table: Table) -> int:
        return int(connection.execute(select(func.count()).select_from(table)).scalar_one())

    @staticmethod
    def _same_revision(source: Connection, target: Connection) -> None:
        query = text(f"SELECT version_num FROM {VERSION_TABLE}")
        mine = set(source.execute(query).scalars())
        theirs = set(target.execute(query).scalars())
        if mine != theirs:
            raise TransferFailed(f"the schema versions differ (tracker {sorted(mine)}, server "
                                 f"{sorted(theirs)}): nothing was copied")

    @staticmethod
    def _move_sequences(target: Connection) -> None:
        """Copied rows kept their ids: each id sequence goes on from the largest one."""
        for table in TABLES:
            if "id" not in table.c or not table.c.id.autoincrement:
                continue
            target.execute(text(
                "SELECT setval(pg_get_serial_sequence(:table, 'id'), "
                f"coalesce((SELECT max(id) FROM \"{table.name}\"), 0) + 1, false)"),
                {"table": f'"{table.name}"'})

    def _checked(self, counts: dict[str, int],
                 target: Connection) -> tuple[tuple[str, int, int], ...]:
        rows = tuple((name, number, self._count(target, RAW.tables[name]))
                     for name, number in counts.items())
        differ = [f"{name}: {mine:,} in the tracker, {theirs:,} on the server"
                  for name, mine, theirs in rows if mine != theirs]
        check = verify_audit_chain(target)
        if not check.intact:
            differ.append(f"the copied audit trail does not verify: {check.reason}")
        if differ:
            raise TransferFailed(f"the copy did not check out ({'; '.join(differ)}): nothing "
                                 f"was kept in {self.target}, which is empty again")
        return rows

    # -- after ---------------------------------------------------------------------------
    def target_uow(self) -> Callable[[], SqlUnitOfWork]:
        """Units of work on the target, to check it as the app will see it."""
        return uow_factory(self._target, self._user, self._clock)

    def discard(self) -> None:
        """Drop every tracker table from the target (a check after the commit failed)."""
        with self._target.begin() as connection:
            metadata.drop_all(connection)
            connection.execute(text(f"DROP TABLE IF EXISTS {VERSION_TABLE}"))

    def close(self) -> None:
        self._target.dispose()
