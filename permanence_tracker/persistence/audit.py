"""The audit trail's hash chain: how an entry's hash is made, and checking a stored trail.

Every entry's SHA-256 covers the previous entry's hash and its own fields (when, who, which
table and row, what action, old and new values), so editing or removing an entry breaks the
chain at that point. Times are hashed in UTC: SQLite gives back the naive UTC value stored,
PostgreSQL an aware one in the session's time zone, and both must hash alike.

Writers take :func:`lock_chain` first: on PostgreSQL two transactions could otherwise both
chain from the same last entry and fork the trail. SQLite already lets one writer at a time.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select

from permanence_tracker.domain.audit import AuditCheck
from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.persistence import tables as t

# Any fixed 64-bit number: the key of the advisory lock that serialises audited writers.
_CHAIN_LOCK = 0x5054_4155_4449_5400


def utc(at: datetime) -> datetime:
    """``at`` as an aware UTC time; a naive time (as SQLite returns them) is taken as UTC."""
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def entry_hash(previous: str, at: datetime, user: str, table_name: str, child_id: str | None,
               row_key: str, action: str, old: str | None, new: str | None) -> str:
    payload = "|".join([previous, utc(at).isoformat(), user, table_name, child_id or "",
                        row_key, action, old or "", new or ""])
    return hashlib.sha256(payload.encode()).hexdigest()


def last_hash(connection: Connection) -> str:
    row = connection.execute(
        select(t.audit.c.hash).order_by(t.audit.c.id.desc()).limit(1)).first()
    return row[0] if row else ""


def lock_chain(connection: Connection) -> None:
    """Wait until no other transaction is writing audited changes (PostgreSQL; held to commit).

    Taken before the first write of a transaction, not just before its audit rows: a writer
    that already held row locks while waiting here could deadlock with the lock's holder.
    """
    if connection.dialect.name == "postgresql":
        connection.execute(select(func.pg_advisory_xact_lock(_CHAIN_LOCK)))


def _describe(row: Any) -> str:
    return (f"audit entry {row.id} ({row.action} of {row.table_name} {row.row_key} by "
            f"{row.user} at {uk_date(utc(row.at))} UTC)")


def _what_is_wrong(row: Any, previous_id: int) -> str:
    """A hash mismatch after a gap in the ids is most likely a removed entry (a missing link);
    otherwise the entry itself (or its hash) was changed. PostgreSQL may leave gaps in ids for
    rolled-back writes, so a gap alone, with matching hashes, is no fault."""
    if row.id != previous_id + 1:
        missing = (f"entry {previous_id + 1} before it is" if row.id == previous_id + 2
                   else f"entries {previous_id + 1} to {row.id - 1} before it are")
        return f"missing link: {missing} gone (removed), or it was changed"
    return "hash mismatch: it, or the entry before it, was changed after it was written"


def verify_audit_chain(connection: Connection) -> AuditCheck:
    """Recompute every entry's hash in order; report the first that does not match."""
    previous = ""
    previous_id = 0
    checked = 0
    query = select(t.audit).order_by(t.audit.c.id).execution_options(yield_per=5000)
    for row in connection.execute(query):
        expected = entry_hash(previous, row.at, row.user, row.table_name, row.child_id,
                              row.row_key, row.action, row.old, row.new)
        if row.hash != expected:
            return AuditCheck(checked, row.id,
                              f"{_describe(row)}: {_what_is_wrong(row, previous_id)}")
        previous = row.hash
        previous_id = row.id
        checked += 1
    return AuditCheck(checked)


def read_entries(connection: Connection, child_id: str | None = None,
                 since: datetime | None = None, until: datetime | None = None,
                 user: str | None = None, table: str | None = None,
                 action: str | None = None) -> list[dict[str, Any]]:
    """The entries matching every filter given, oldest first; ``at`` in local time.

    ``since`` is inclusive and ``until`` exclusive (aware times). SQLite holds the naive UTC
    time, PostgreSQL an aware one: the bounds are given each in its own form.
    """
    column = t.audit.c
    query = select(t.audit).order_by(column.id)
    naive = connection.dialect.name == "sqlite"

    def bound(at: datetime) -> datetime:
        return utc(at).replace(tzinfo=None) if naive else utc(at)

    for value, test in ((child_id, lambda v: column.child_id == v),
                        (since, lambda v: column.at >= bound(v)),
                        (until, lambda v: column.at < bound(v)),
                        (user, lambda v: column.user == v),
                        (table, lambda v: column.table_name == v),
                        (action, lambda v: column.action == v)):
        if value is not None:
            query = query.where(test(value))
    return [{**row._mapping, "at": utc(row.at).astimezone()}
            for row in connection.execute(query)]
