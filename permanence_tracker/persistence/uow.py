"""Unit of work over SQLAlchemy: one transaction, committed only when the block succeeds."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from permanence_tracker.domain import entities as e
from permanence_tracker.domain.audit import AuditCheck
from permanence_tracker.domain.errors import (
    ConflictError,
    PermissionDenied,
    Problem,
    TrackerError,
    ValidationError,
)
from permanence_tracker.domain.panels import PanelMeeting
from permanence_tracker.persistence import audit, grants, reads
from permanence_tracker.persistence import tables as t
from permanence_tracker.persistence.repository import Repository

IMPORTS_TABLE = "imports"  # the audit trail's name for an import as a whole
_ROW_KEY_LENGTH = 120  # audit.row_key is String(120)


class SqlUnitOfWork:
    """``with uow: ...`` commits on success and rolls everything back on any error."""

    def __init__(self, engine: Engine, user: str, clock: Callable[[], datetime]) -> None:
        self.engine = engine
        self.user = user
        self.clock = clock
        self.connection: Connection | None = None
        self.repo: Repository

    def __enter__(self) -> SqlUnitOfWork:
        self.connection = self.engine.connect()
        self._transaction = self.connection.begin()
        self.repo = Repository(self.connection, self.user, self.clock)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        assert self.connection is not None
        try:
            if exc_type is None:
                self._transaction.commit()
            else:
                self._transaction.rollback()
        except DBAPIError as error:  # a commit refused: rolled back as the connection closes
            refusal = concurrent_write(error)
            if refusal is None:
                raise
            raise refusal from error
        finally:
            self.connection.close()
            self.connection = None
        if isinstance(exc, DBAPIError) and (refusal := concurrent_write(exc)) is not None:
            raise refusal from exc

    @property
    def _open(self) -> Connection:
        """The connection of the open ``with`` block (there is none outside one)."""
        assert self.connection is not None, "use the unit of work inside a with block"
        return self.connection

    # -- queries the services use ------------------------------------------------------
    def histories(self, child_ids: list[str] | None = None) -> list[e.ChildHistory]:
        return reads.load_histories(self._open, child_ids)

    def settings(self) -> e.Settings:
        return reads.load_settings(self._open)

    def save_settings(self, settings: e.Settings) -> None:
        """Store every setting; each whose value changes is audited (old and new values)."""
        rows = reads.settings_rows(settings)
        self.repo.prepare_write(t.settings, [{"key": k, "value": v} for k, v in rows.items()])
        # Compared with the values in force (a key never stored holds its default), so that
        # the first save of a new tracker audits what changed, not every default.
        current = reads.settings_rows(reads.load_settings(self._open))
        # Only the rows audited are written: on PostgreSQL a row written without its audit
        # entry is refused at commit (persistence/audit_guards.py).
        changed = {key: value for key, value in rows.items() if current.get(key) != value}
        for key, value in changed.items():
            self.repo.audit(t.settings.name, key, "update",
                            {key: json.loads(current[key])} if key in current else None,
                            {key: json.loads(value)})
        if not changed:
            return
        self._open.execute(delete(t.settings).where(t.settings.c.key.in_(list(changed))))
        self._open.execute(
            insert(t.settings), [{"key": k, "value": v} for k, v in changed.items()]
        )

    def get_value(self, key: str) -> str | None:
        """A stored setting outside :class:`Settings` (for example saved cohorts), as text."""
        row = self._open.execute(
            select(t.settings.c.value).where(t.settings.c.key == key)).first()
        return row[0] if row else None

    def set_value(self, key: str, value: str) -> None:
        """Store a value outside :class:`Settings`, audited like a setting when it changes."""
        self.repo.prepare_write(t.settings, [{"key": key, "value": value}])
        old = self.get_value(key)
        if old == value:  # unchanged: nothing to audit, so nothing written (see above)
            return
        self.repo.audit(t.settings.name, key, "update",
                        None if old is None else {key: _readable(old)}, {key: _readable(value)})
        self._open.execute(delete(t.settings).where(t.settings.c.key == key))
        self._open.execute(insert(t.settings).values(key=key, value=value))

    def iros(self) -> list[e.Iro]:
        return self.repo.iros()

    def audit_import(self, file_name: str, details: dict[str, Any]) -> int:
        """The import's own audit entry (see the Protocol), after its records' entries."""
        self.repo.begin_write()
        self.repo.audit(IMPORTS_TABLE, file_name[:_ROW_KEY_LENGTH], "import", None, details)
        return int(self._open.execute(
            select(t.audit.c.id).order_by(t.audit.c.id.desc()).limit(1)).scalar_one())

    def iro_names_in_use(self) -> set[str]:
        """Children's and reviews' IROs, panels' chairs and members (see the Protocol)."""
        names: set[str] = set()
        for table in (t.child, t.review):
            names.update(self._open.execute(select(table.c.iro).distinct()).scalars())
        for panel in self.repo.records(PanelMeeting):
            names.add(panel.chair)
            names.update(panel.members)
        names.discard("")
        return names

    def verify_audit(self) -> AuditCheck:
        """Recompute the audit trail's hash chain (see :mod:`.audit`)."""
        return audit.verify_audit_chain(self._open)


def _readable(value: str) -> object:
    """A stored value as the audit entry shows it: parsed when it is JSON, else the text."""
    try:
        return json.loads(value)
    except ValueError:
        return value


# PostgreSQL's SQLSTATEs for a transaction that collided with another one as they ran.
_UNIQUE_VIOLATION = "23505"
_INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL: a grant or row-level security refused
_COLLISIONS = {"40001", "40P01", "55P03"}  # serialization failure, deadlock, lock not available


class DuplicateSaved(ConflictError, IntegrityError):
    """A unique constraint refused a write: a :class:`ConflictError` for the people who see it,
    and still the :class:`IntegrityError` it is for code that asks the database's view."""

    def __init__(self, message: str, error: IntegrityError) -> None:
        IntegrityError.__init__(self, error.statement, error.params, error.orig or error)
        self.message = message
        self.args = (message,)

    def __str__(self) -> str:
        return self.message


def concurrent_write(error: DBAPIError) -> TrackerError | None:
    """The clear refusal for a write that collided with someone else's (or, on a server, that
    the login's grants refused), or None for any other database error (which stays the bug
    it is).

    The services check before they write (a review on the same day, a child's ID in use), but
    two people saving at the same moment both pass the check and the database's own unique
    constraint stops the second: that, a lock wait too long (SQLite's "database is locked"
    after its busy timeout) or a deadlock or serialization failure (PostgreSQL) is a refusal
    the person can act on, not a crash. The transaction was rolled back: nothing was saved.
    """
    cause = error.orig
    code = getattr(cause, "sqlstate", None)  # psycopg's errors carry it; sqlite3's do not
    words = str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
    if code == grants.NO_LOGIN:  # the users trigger (PostgreSQL): no such database login
        return ValidationError([Problem("login", words)])
    if code == _INSUFFICIENT_PRIVILEGE:  # a login with no role here, or beyond its role
        return PermissionDenied(
            f"the database refused this login ({words}): nothing was changed. A login must "
            "be a user of this tracker, with a role that allows this: ask an administrator "
            "(File > Users..., or permanence-tracker users add)")
    if isinstance(error, IntegrityError) and (
            code == _UNIQUE_VIOLATION or words.startswith("UNIQUE constraint failed")):
        diagnosis = getattr(cause, "diag", None)
        table = getattr(diagnosis, "table_name", None) or words.partition(": ")[2].split(".")[0]
        return DuplicateSaved(
            f"someone else saved a matching {table or 'record'} at the same moment ({words}): "
            "nothing of this change was saved; reload the record to see theirs", error)
    if code in _COLLISIONS or (isinstance(error, OperationalError) and (
            "database is locked" in words or "database is busy" in words)):
        return ConflictError(
            f"the database was busy with someone else's change ({words}): nothing of this "
            "change was saved; try it again in a moment")
    return None


def uow_factory(engine: Engine, user: str, clock: Callable[[], datetime]
                ) -> Callable[[], SqlUnitOfWork]:
    """What the composition root hands to services: a callable making fresh units of work
    (a ``services.unit_of_work.UowFactory``)."""
    return lambda: SqlUnitOfWork(engine, user, clock)
