"""The repository: reads and writes child records, auditing every change.

Every insert, update and delete of a child's records writes an ``audit`` row in the same
transaction (who, when, what, old and new values), chained by SHA-256 so that editing or
removing an entry breaks the chain (the chain's head, moved with every append, shows entries
removed from the end). Updates and deletes carry the version the caller read: a
stale one is refused with :class:`ConflictError`, never applied. Panel meetings and agenda
items go through the same writes; an agenda item's audit rows carry its child's ID, so they
show in that child's trail.

The two back ends behave alike: a value too long for its column is refused with a
:class:`ValidationError` on SQLite too (PostgreSQL would fail mid-write, SQLite store it),
reads come back in key order, and rows given explicit ids move PostgreSQL's id sequence on.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Table,
    and_,
    delete,
    func,
    insert,
    select,
    update,
)

from permanence_tracker.domain import entities as e
from permanence_tracker.domain.errors import ConflictError, NotFoundError, ValidationError
from permanence_tracker.domain.panels import AgendaItem, PanelMeeting
from permanence_tracker.domain.roles import User
from permanence_tracker.persistence import audit as chain
from permanence_tracker.persistence import tables as t
from permanence_tracker.persistence.fit import misfits

Record = (
    e.Episode | e.Review | e.PlanChange | e.MonitoringOutcome | e.Note
    | e.AdoptionMilestones | e.MissingEpisode | e.PreviousPermanence
)

TABLE_OF: dict[type, Table] = {
    e.Child: t.child,
    e.Episode: t.episode,
    e.Review: t.review,
    e.PlanChange: t.plan,
    e.MonitoringOutcome: t.outcome,
    e.Note: t.note,
    e.AdoptionMilestones: t.adoption,
    e.MissingEpisode: t.missing,
    e.PreviousPermanence: t.previous,
    e.Iro: t.iro,
    PanelMeeting: t.panel,
    AgendaItem: t.panel_item,
    User: t.users,
}


def _json_default(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value))


def _values(record: Any) -> dict[str, Any]:
    values = dataclasses.asdict(record)
    values.pop("version", None)
    if values.get("id") is None:
        values.pop("id", None)
    return values


def _key_columns(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


def to_entity(cls: type, row: Any) -> Any:
    mapping = row._mapping
    return cls(**{f.name: mapping[f.name] for f in dataclasses.fields(cls) if f.name in mapping})


class Repository:
    """Child records over one open connection and transaction (see :mod:`.uow`)."""

    def __init__(self, connection: Connection, user: str, clock: Callable[[], datetime]) -> None:
        self.connection = connection
        self.user = user
        self.clock = clock
        self._last_hash: str | None = None
        self._writing = False

    def begin_write(self) -> None:
        """Before a transaction's first write: one audited writer at a time (see ``audit``)."""
        if not self._writing:
            chain.lock_chain(self.connection)
            self._writing = True

    def prepare_write(self, table: Table, rows: Sequence[dict[str, Any]]) -> None:
        """Refuse values that do not fit (see ``fit``), then :meth:`begin_write`."""
        problems = misfits(table, rows)
        if problems:
            raise ValidationError(problems)
        self.begin_write()

    # -- audit -------------------------------------------------------------------------
    def _previous_hash(self) -> str:
        if self._last_hash is None:
            self._last_hash = chain.last_hash(self.connection)
        return self._last_hash

    def _audit_rows(self, entries: Iterable[tuple[str, str | None, str, str, Any, Any]]):
        entries = list(entries)
        if entries:  # the chain lock before the last hash is read: entries and head in order
            self.begin_write()
        at = chain.utc(self.clock())
        rows = []
        for table_name, child_id, key, action, old, new in entries:
            old_text = json.dumps(old, default=_json_default, sort_keys=True) if old else None
            new_text = json.dumps(new, default=_json_default, sort_keys=True) if new else None
            digest = chain.entry_hash(self._previous_hash(), at, self.user, table_name,
                                      child_id, key, action, old_text, new_text)
            self._last_hash = digest
            rows.append(dict(at=at, user=self.user, child_id=child_id, table_name=table_name,
                             row_key=key, action=action, old=old_text, new=new_text, hash=digest))
        if rows:
            self.connection.execute(insert(t.audit), rows)
            chain.move_head(self.connection, str(rows[-1]["hash"]), len(rows))

    def audit(self, table_name: str, row_key: str, action: str, old: Any, new: Any) -> None:
        """One audit entry for a write made outside the record methods below (a setting)."""
        self._audit_rows([(table_name, None, row_key, action, old, new)])

    # -- generic writes ----------------------------------------------------------------
    @staticmethod
    def _key(table: Table, values: dict[str, Any]) -> str:
        return "/".join(str(values[c]) for c in _key_columns(table))

    def add_many(self, records: Sequence[Any]) -> None:
        """Insert records of one type (bulk: imports and demo data), audited."""
        if not records:
            return
        table = TABLE_OF[type(records[0])]
        rows = [_values(r) for r in records]
        self.prepare_write(table, rows)
        if "id" in table.c:
            statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
            ids = self.connection.execute(statement, rows).scalars().all()
            self._after_explicit_ids(table, [row["id"] for row in rows if "id" in row])
            for row, new_id in zip(rows, ids, strict=True):
                row["id"] = new_id
        else:
            self.connection.execute(insert(table), rows)
        self._audit_rows(
            (table.name, row.get("child_id"), self._key(table, row), "insert", None, row)
            for row in rows
        )

    def add(self, record: Any) -> Any:
        """Insert one record; returns it with its new id and version 1."""
        table = TABLE_OF[type(record)]
        row = _values(record)
        self.prepare_write(table, [row])
        result = self.connection.execute(insert(table).values(row))
        if "id" in table.c:
            self._after_explicit_ids(table, [row["id"]] if "id" in row else [])
            # None only after an executemany; a one-row insert always has its key row.
            row["id"] = result.inserted_primary_key[0]  # type: ignore[index]
        self._audit_rows([(table.name, row.get("child_id"), self._key(table, row),
                           "insert", None, row)])
        return dataclasses.replace(record, **({"id": row["id"]} if "id" in row else {}), version=1)

    def _after_explicit_ids(self, table: Table, ids: list[int]) -> None:
        """Rows stored with ids of their own: make PostgreSQL's sequence issue higher ones next
        (SQLite's next id is already one more than the largest; PostgreSQL's would collide)."""
        if not ids or self.connection.dialect.name != "postgresql":
            return
        sequence = func.pg_get_serial_sequence(table.name, "id")
        self.connection.execute(select(func.setval(sequence, func.greatest(
            max(ids), func.nextval(sequence)))))

    def _current(self, table: Table, values: dict[str, Any]):
        where = and_(*(table.c[c] == values[c] for c in _key_columns(table)))
        return where, self.connection.execute(select(table).where(where)).first()

    def update(self, record: Any) -> Any:
        """Write ``record`` over the stored row if nobody changed it since ``record.version``."""
        table = TABLE_OF[type(record)]
        new = _values(record)
        self.prepare_write(table, [new])
        where, current = self._current(table, new)
        if current is None:
            raise NotFoundError(f"{table.name} {self._key(table, new)} no longer exists")
        old = {k: v for k, v in current._mapping.items() if k != "version"}
        changed = {k: v for k, v in new.items() if old.get(k) != v}
        if current.version != record.version:
            raise ConflictError(
                f"{table.name} {self._key(table, new)} was changed by someone else "
                f"(version {current.version}, you edited version {record.version}); "
                "reload it and make your change again"
            )
        if not changed:
            return record
        result = self.connection.execute(
            update(table)
            .where(and_(where, table.c.version == record.version))
            .values(**changed, version=record.version + 1)
        )
        if result.rowcount != 1:
            raise ConflictError(f"{table.name} {self._key(table, new)} was changed by someone else")
        self._audit_rows([(table.name, new.get("child_id"), self._key(table, new), "update",
                           {k: old.get(k) for k in changed}, changed)])
        return dataclasses.replace(record, version=record.version + 1)

    def delete(self, record: Any) -> None:
        table = TABLE_OF[type(record)]
        values = _values(record)
        self.begin_write()
        where, current = self._current(table, values)
        if current is None:
            raise NotFoundError(f"{table.name} {self._key(table, values)} no longer exists")
        if current.version != record.version:
            raise ConflictError(
                f"{table.name} {self._key(table, values)} was changed by someone else; "
                "reload it before deleting"
            )
        old = {k: v for k, v in current._mapping.items() if k != "version"}
        self.connection.execute(delete(table).where(and_(where, table.c.version == record.version)))
        self._audit_rows([(table.name, old.get("child_id"), self._key(table, old), "delete",
                           old, None)])

    # -- reads -------------------------------------------------------------------------
    def child(self, child_id: str) -> e.Child | None:
        row = self.connection.execute(select(t.child).where(t.child.c.child_id == child_id)).first()
        return to_entity(e.Child, row) if row else None

    def records(self, cls: type, child_id: str | None = None) -> list[Any]:
        table = TABLE_OF[cls]
        query = select(table).order_by(*table.primary_key.columns)  # else PostgreSQL's order
        if child_id is not None:
            query = query.where(table.c.child_id == child_id)
        return [to_entity(cls, row) for row in self.connection.execute(query)]

    def records_where(self, cls: type, **equal: Any) -> list[Any]:
        """Records whose columns equal the values given (e.g. ``panel_id=3``), by id."""
        table = TABLE_OF[cls]
        query = select(table).where(*(table.c[name] == value for name, value in equal.items()))
        if "id" in table.c:
            query = query.order_by(table.c.id)
        return [to_entity(cls, row) for row in self.connection.execute(query)]

    def child_names(self, child_ids: Iterable[str]) -> dict[str, str]:
        """Each existing child's "forename surname" (possibly blank), by child ID."""
        wanted = sorted(set(child_ids))
        if not wanted:
            return {}
        rows = self.connection.execute(
            select(t.child.c.child_id, t.child.c.forename, t.child.c.surname)
            .where(t.child.c.child_id.in_(wanted)))
        return {row.child_id: f"{row.forename} {row.surname}".strip() for row in rows}

    def child_ids(self) -> set[str]:
        return set(self.connection.execute(select(t.child.c.child_id)).scalars())

    def iros(self) -> list[e.Iro]:
        """By name in code point order, as on SQLite, whatever the server's collation."""
        rows = self.connection.execute(select(t.iro))
        return sorted((to_entity(e.Iro, row) for row in rows), key=lambda iro: iro.name)

    def audit_trail(self, child_id: str) -> list[dict[str, Any]]:
        """The child's audit entries, oldest first; ``at`` in local time."""
        rows = self.connection.execute(
            select(t.audit).where(t.audit.c.child_id == child_id).order_by(t.audit.c.id)
        )
        return [{**row._mapping, "at": chain.utc(row.at).astimezone()} for row in rows]

    def audit_entries(self, child_id: str | None = None, since: datetime | None = None,
                      until: datetime | None = None, user: str | None = None,
                      table: str | None = None, action: str | None = None
                      ) -> list[dict[str, Any]]:
        """The entries matching every filter given, oldest first (see ``audit.read_entries``)."""
        return chain.read_entries(self.connection, child_id, since, until, user, table, action)
