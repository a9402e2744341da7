"""The audit trail's hash chain: how an entry's hash is made, and checking a stored trail.

Every entry's SHA-256 covers the previous entry's hash and its own fields (when, who, which
table and row, what action, old and new values), so editing or removing an entry breaks the
chain at that point. Times are hashed in UTC: SQLite gives back the naive UTC value stored,
PostgreSQL an aware one in the session's time zone, and both must hash alike.

Removing entries from the END leaves the rest of the chain whole, so every append also moves
the chain's head (``audit_head``: the last entry's id and hash, and the number of entries up to
it) in the same transaction (:func:`move_head`), and :func:`verify_audit_chain` checks the trail
against it. No head row means no entry was ever written (a new tracker): with entries in the
trail, a missing head is itself a break.

Writers take :func:`lock_chain` first: on PostgreSQL two transactions could otherwise both
chain from the same last entry and fork the trail, or move the head out of order. SQLite
already lets one writer at a time.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from permanence_tracker.domain.audit import AuditCheck
from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.words import plural
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


def move_head(connection: Connection, last: str, added: int) -> None:
    """After appending ``added`` entries, the last with hash ``last``: the head names it.

    Called under :func:`lock_chain` in the appending transaction, so the newest id is ours.
    A head missing while entries exist (removed by hand) is not rebuilt from the trail: it is
    made counting only these entries, so ``verify`` still finds the count short.
    """
    last_id = connection.execute(select(func.max(t.audit.c.id))).scalar_one()
    head = t.audit_head
    moved = connection.execute(update(head).where(head.c.id == 1).values(
        last_id=last_id, last_hash=last, entries=head.c.entries + added))
    if moved.rowcount == 0:
        connection.execute(insert(head).values(id=1, last_id=last_id, last_hash=last,
                                               entries=added))


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


def _head(connection: Connection) -> tuple[int, str, int] | None:
    row = connection.execute(select(t.audit_head.c.last_id, t.audit_head.c.last_hash,
                                    t.audit_head.c.entries).where(t.audit_head.c.id == 1)).first()
    return None if row is None else (row[0], row[1], row[2])


def verify_audit_chain(connection: Connection) -> AuditCheck:
    """Recompute every entry's hash in order; report the first that does not match; then
    check the trail against its head (entries removed from the end, or added without it).

    The head is read BEFORE the trail: a writer committing meanwhile only adds entries after
    it (head and entries commit together), so entries past the head are a break only if the
    head, read again, still does not reach them.
    """
    head = _head(connection)
    previous = ""
    previous_id = 0
    checked = 0
    at_head: tuple[int, str, int] | None = (0, "", 0) if head is None else None
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
        if head is not None and row.id == head[0]:
            at_head = (row.id, row.hash, checked)
    problem = _off_head(connection, head, at_head, previous_id, checked)
    if problem is not None:
        return AuditCheck(checked, problem[0], problem[1])
    return AuditCheck(checked)


def _off_head(connection: Connection, head: tuple[int, str, int] | None,
              at_head: tuple[int, str, int] | None, last_id: int,
              checked: int) -> tuple[int, str] | None:
    """What is wrong between a whole chain and its head, as (entry id, reason), if anything."""
    if head is None:
        if checked == 0:
            return None  # no entry was ever written
        return (last_id, f"the audit head (the last entry's id and hash) is missing, but "
                f"{plural(checked, 'entry', 'entries')} exist: it was removed")
    head_id, head_hash, head_count = head
    if at_head is None:
        if last_id < head_id:
            gone = (f"entries after #{last_id} were removed" if last_id
                    else "every entry was removed")
            return (head_id, f"{gone}: the head says #{head_id} "
                    f"({plural(head_count, 'entry', 'entries')})")
        return (head_id, f"entry #{head_id}, which the head says is the last, is missing")
    if at_head[1] != head_hash:
        return (head_id, f"entry #{head_id} is not the one the head names (its hash differs)")
    if at_head[2] < head_count:
        return (head_id, f"entries up to #{head_id} were removed: the head counts "
                f"{head_count:,} up to it, the trail holds {at_head[2]:,}")
    if at_head[2] > head_count:
        return (head_id, f"entries up to #{head_id} were added outside the application: the "
                f"head counts {head_count:,} up to it, the trail holds {at_head[2]:,}")
    if last_id > head_id:
        again = _head(connection)  # moved since it was read: a writer, not a break
        if again is None or again[0] < last_id:
            return (last_id, f"entries after #{head_id} (to #{last_id}) were added outside the "
                    f"application: the head says #{head_id} is the last")
    return None


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
