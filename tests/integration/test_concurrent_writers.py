"""Concurrent writers (issue 12): several processes edit the same children at once.

Each writer (tests/support/concurrent_writer.py) is a process of its own making a fixed number
of changes through the services (reviews recorded and edited, plans, a child's details,
outcomes) to ten shared synthetic children, within a time bound. On PostgreSQL four writers
run; on SQLite, which lets one writer at a time, two (a "database is locked" there must reach
its writer as a clear refusal, never a crash). Afterwards:

- every writer finished within the bound (no deadlock, no hang) and no change failed with a
  raw database error;
- every committed change is in the database and in the audit trail exactly once, by its
  writer; every refused one is in neither, and its writer was told why;
- the stored values and versions are what the committed changes, in audit order, make them:
  no committed update was silently overwritten;
- the audit chain verifies (writers append to it one at a time, however many there are).

Two collisions the stress run meets only now and then are also made to happen on purpose: a
record saved twice at the same moment (the database's unique constraint stops the second) and,
on SQLite, a file locked beyond the busy timeout. Each reaches its writer as a ConflictError
that says what happened, and nothing of the refused change is saved.

The figures are printed, for CI's log.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import event, select

from permanence_tracker.domain.entities import MonitoringOutcome, Review
from permanence_tracker.domain.errors import ConflictError
from permanence_tracker.persistence import engine as engines
from permanence_tracker.persistence import tables as t
from permanence_tracker.persistence.uow import uow_factory
from permanence_tracker.services.audit import verify_audit
from permanence_tracker.services.records import editing

WRITER = Path(__file__).parents[1] / "support" / "concurrent_writer.py"
sys.path.insert(0, str(WRITER.parent))
import concurrent_writer as cw  # noqa: E402 - the writer's module, for its seed and names

OPERATIONS = 25  # per writer
TIME_BOUND = 60.0  # seconds for every writer's operations; hung processes are killed after it
TABLES = {"review": t.review, "plan": t.plan, "outcome": t.outcome, "child": t.child}
TOKEN_FIELD = {"review": "notes", "plan": "notes", "outcome": "notes", "child": "social_worker"}


def _run_writers(url: str, log: Path, writers: int) -> tuple[list[dict], float]:
    """Start the writers together, wait for them within the bound; their log entries."""
    start_at = time.time() + 3.0  # time to import: every writer then starts at once
    deadline = start_at + TIME_BOUND
    environment = {**os.environ, cw.URL_ENV: url}
    processes = [
        subprocess.Popen([sys.executable, str(WRITER), str(log), str(n), str(OPERATIONS),
                          str(1000 + n), str(start_at), str(deadline)],
                         env=environment, stderr=subprocess.PIPE, text=True)
        for n in range(writers)
    ]
    hung = []
    for process in processes:
        try:
            _, stderr = process.communicate(timeout=max(1.0, deadline + 15.0 - time.time()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            hung.append(process.args[3])
            continue
        assert process.returncode == 0, f"writer {process.args[3]} crashed:\n{stderr}"
    elapsed = time.time() - start_at
    assert not hung, f"writers {hung} did not finish within {TIME_BOUND:.0f} s (+15 s): a hang"
    entries = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    return entries, elapsed


def _token(entry: dict) -> str | None:
    """The stress token an audit entry's new values carry, if any."""
    new = json.loads(entry["new"]) if entry["new"] else {}
    name = next((name for name, table in TABLES.items() if table.name == entry["table_name"]), "")
    return new.get(TOKEN_FIELD.get(name, "")) or None


def test_concurrent_writers_lose_nothing_and_keep_the_chain(db_url, tmp_path, capsys):
    postgres = not db_url.startswith("sqlite")
    writers = 4 if postgres else 2
    engine = engines.open_database(db_url)
    factory = uow_factory(engine, "tester", lambda: datetime.now(UTC))
    cw.seed(factory)

    entries, elapsed = _run_writers(db_url, tmp_path / "writers.jsonl", writers)

    outcomes = Counter(entry["outcome"] for entry in entries)
    assert len(entries) == writers * OPERATIONS  # every writer logged every attempt
    failed = [entry for entry in entries if entry["outcome"] == "failed"]
    assert not failed, f"changes failed with errors nobody was told about clearly: {failed}"
    assert outcomes["timeout"] == 0, f"writers ran out of time: {outcomes}"
    refused = [entry for entry in entries if entry["outcome"] == "refused"]
    for entry in refused:  # told, and told why
        assert entry["error"] in ("ConflictError", "ValidationError"), entry
        assert entry["message"].strip(), entry
    committed = {entry["token"]: entry for entry in entries if entry["outcome"] == "committed"}

    with engine.connect() as connection:
        trail = [dict(row._mapping) for row in connection.execute(
            select(t.audit).order_by(t.audit.c.id))]
        stored = {name: {row.id if name != "child" else row.child_id: row._mapping
                         for row in connection.execute(select(table))}
                  for name, table in (("review", t.review), ("plan", t.plan),
                                      ("outcome", t.outcome), ("child", t.child))}

    # Each committed change is in the trail exactly once, by its writer; nothing else is.
    audited: dict[str, dict] = {}
    for entry in trail:
        token = _token(entry)
        if token is None:
            continue
        assert token not in audited, f"{token} audited twice"
        audited[token] = entry
    assert set(audited) == set(committed), "refused changes audited, or committed ones not"
    last_token: dict[tuple[str, str], str] = {}  # the row's field as the trail leaves it
    updates: Counter[tuple[str, str]] = Counter()
    for token, change in committed.items():
        entry, what = audited[token], change["stored"]
        assert entry["user"] == f"writer{change['writer']}"
        assert entry["table_name"] == TABLES[what["table"]].name
        assert entry["action"] == what["action"]
        assert entry["child_id"] == change["child"]
        key = str(what.get("id", change["child"]))
        row = stored[what["table"]].get(what.get("id", change["child"]))
        assert row is not None, f"committed {token} is not in the database"
        assert row["child_id"] == change["child"]
        if what["action"] == "update":
            updates[(what["table"], key)] += 1
    for entry in trail:
        if _token(entry) is not None:
            name = next(name for name, table in TABLES.items()
                        if table.name == entry["table_name"])
            last_token[(name, entry["row_key"])] = _token(entry)

    # The stored values and versions are what the committed changes make them, in trail order.
    for (table, key), token in last_token.items():
        row = stored[table][int(key) if table != "child" else key]
        assert row[TOKEN_FIELD[table]] == token, f"{table} {key} lost the committed {token}"
    for table in ("review", "child"):
        for key, row in stored[table].items():
            assert row["version"] == 1 + updates[(table, str(key))], (
                f"{table} {key}: version {row['version']} after "
                f"{updates[(table, str(key))]} committed updates")
    held = {(row["child_id"], row["held"].isoformat()) for row in stored["review"].values()}
    assert len(held) == len(stored["review"])  # one review per child and day, however raced
    # No refused change left a trace anywhere.
    tokens_stored = {row[TOKEN_FIELD[name]] for name, rows in stored.items()
                     for row in rows.values()}
    assert not tokens_stored & {entry["token"] for entry in refused}

    check = verify_audit(factory)
    assert check.intact, check.reason
    assert check.entries == len(trail)
    engine.dispose()

    reasons = Counter(entry["error"] for entry in refused)
    with capsys.disabled():
        print(f"\nconcurrent writers ({'PostgreSQL' if postgres else 'SQLite'}): {writers} "
              f"writers x {OPERATIONS} changes in {elapsed:.1f} s: {outcomes['committed']} "
              f"committed, {len(refused)} refused ({dict(reasons)}), "
              f"{check.entries} audit entries verified")


def test_a_record_saved_twice_at_the_same_moment_is_a_clear_refusal(uow):
    """Two people record the same review at once: both services' checks pass before either
    commits, so the second write reaches the unique constraint. It is refused, not a crash."""
    cw.seed(uow)
    child, held = cw.CHILDREN[0], date(2025, 2, 3)
    editing.record_review(uow, Review(child, held, participation="PN1", notes="first"), cw.TODAY)
    entries = verify_audit(uow).entries
    refusal = "someone else saved a matching review at the same moment .*nothing of this change"
    # What the later of the two does once its check has passed:
    with pytest.raises(ConflictError, match=refusal), uow() as unit:
        unit.repo.add(Review(child, held, participation="PN1", notes="second"))
    with uow() as unit:
        assert [r.notes for r in unit.repo.records(Review, child)] == ["first"]
    check = verify_audit(uow)
    assert (check.intact, check.entries) == (True, entries)


def test_a_sqlite_file_locked_too_long_is_a_clear_refusal_and_a_retry_saves(tmp_path):
    """SQLite lets one writer at a time; one that waits out the busy timeout is told so."""
    path = tmp_path / "tracker.sqlite"
    engine = engines.open_database(f"sqlite:///{path}")
    factory = uow_factory(engine, "tester", lambda: datetime.now(UTC))
    cw.seed(factory)
    engine.dispose()  # new connections wait 0.1 s for a lock, not 5 s: the test stays quick
    event.listen(engine, "connect", lambda dbapi, _: dbapi.execute("PRAGMA busy_timeout=100"))
    outcome = MonitoringOutcome(cw.CHILDREN[0], date(2025, 3, 1), cw.OUTCOME, notes="locked")
    entries = verify_audit(factory).entries
    other = sqlite3.connect(path)  # someone else's long write, e.g. an import
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(ConflictError, match="busy with someone else's change .*database "
                                                "is locked.*nothing of this change was saved"):
            editing.add_outcome(factory, outcome, cw.TODAY)
    finally:
        other.rollback()
        other.close()
    assert verify_audit(factory).entries == entries  # nothing saved, nothing audited
    editing.add_outcome(factory, outcome, cw.TODAY)  # once the other write is done, it saves
    with factory() as unit:
        assert [o.notes for o in unit.repo.records(MonitoringOutcome, cw.CHILDREN[0])] == [
            "locked"]
    check = verify_audit(factory)
    assert (check.intact, check.entries) == (True, entries + 1)
    engine.dispose()
