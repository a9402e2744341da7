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


def verify_audit_chain(connection: Connection) -> AuditCheck:
    """Recompute every entry's hash in order; report the first that does not match."""
    previous = ""
    checked = 0
    query = select(t.audit).order_by(t.audit.c.id).execution_options(yield_per=5000)
    for row in connection.execute(query):
        expected = entry_hash(previous, row.at, row.user, row.table_name, row.child_id,
                              row.row_key, row.action, row.old, row.new)
        if row.hash != expected:
            return AuditCheck(checked, row.id, f"{_describe(row)} does not match its hash: it "
                              "or the entry before it was changed or removed")
        previous = row.hash
        checked += 1
    return AuditCheck(checked)
