"""Crash safety, tested (issue 12): a real process is killed with SIGKILL part-way through an
operation, over and over, and every time the tracker must survive whole.

Each trial starts ``tests/support/crash_worker.py`` (``sys.executable``, the package, its own
copy of a tracker, a temporary HOME) doing one of: a 903 import (tests/data/903), a
spreadsheet import (the messy workbook on top of its tiny 903 return), a demo build
(``demo --children 60``) or a batch of saves through the services (each its own unit of
work), and kills it at a random moment within the operation, timed by running it to completion
once (half the kills aimed between its first write and its last commit). After each kill:

- the tracker opens (``app.open_context(create=False)``), SQLite's ``PRAGMA integrity_check``
  says ok, and ``services.audit.verify_audit`` finds the chain intact;
- on an encrypted (SQLCipher) tracker, also: the file is still encrypted, it opens with its
  passphrase (the worker reads it as the command line does, from
  ``PERMANENCE_TRACKER_PASSPHRASE_FILE``), and ``PRAGMA cipher_integrity_check`` (every page's
  HMAC) finds nothing wrong;
- an import or a demo build left nothing of itself or all of it: the fingerprint (rows per
  table and a hash of every row) is the one before or the one after the whole operation;
- a batch of saves left a prefix of its saves, each whole with its audit entry, in order.

The seed is printed with the figures (kills and outcomes) and in every failure; set
``PERMANENCE_TRACKER_CRASH_SEED`` to replay it (the kill falls at the same point of the
operation's measured timings). On PostgreSQL (``PERMANENCE_TRACKER_TEST_PG_URL``) each trial
gets a fresh schema, with fewer kills. SQLCipher (an encrypted tracker) gets 8 kills over two
kinds only, an import (one unit of work) and the saves (one commit after another): it is SQLite
underneath, so its kills check the encryption layer under a torn write, not the journal again,
and every connection it opens derives its key (about 0.13 s), which CI pays for each check.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, select
from support import crash_worker
from support.messy_workbook import messy_workbook, write_903_return

from permanence_tracker import app
from permanence_tracker.cli.crypt import FILE_VAR
from permanence_tracker.persistence import engine as engines
from permanence_tracker.persistence import tables as t
from permanence_tracker.persistence.uow import uow_factory
from permanence_tracker.services.audit import verify_audit
from permanence_tracker.services.imports.ssda903.service import import_903

WORKER = Path(crash_worker.__file__)
DATA_903 = Path(__file__).parents[1] / "data" / "903"
TODAY = date(2026, 4, 1)
SAVES = 30  # ten children: added, care started, first review recorded
# Per kind: 32 kills on SQLite, 8 on SQLCipher (two kinds, see ONLY), 8 on PostgreSQL.
KILLS = {"sqlite": 8, "sqlcipher": 4, "postgres": 2}
ONLY = {"sqlcipher": ("import903", "saves")}  # the kinds a backend runs, when not all
PASSPHRASE = "made-up crash test passphrase"  # an encrypted tracker's, for the SQLCipher run
# Written at the moment of writing: the same in a killed run and in the reference run only by
# chance. The chain they feed is checked by verify_audit instead.
VOLATILE = {("audit", "at"), ("audit", "hash"), ("audit", "txid"), ("audit_head", "last_hash")}
SAVED_TABLES = frozenset({*crash_worker.SAVE_TABLES, "audit", "audit_head"})
_checking = threading.Lock()  # opening runs Alembic, whose context is process-global


def _empty(url: str, folder: Path, passphrase: str | None) -> None:
    engines.open_database(url, passphrase=passphrase).dispose()


def _with_903_return(url: str, folder: Path, passphrase: str | None) -> None:
    engine = engines.open_database(url, passphrase=passphrase)
    try:
        factory = uow_factory(engine, "tester", lambda: datetime(2026, 4, 1, 9, tzinfo=UTC))
        assert import_903(factory, [write_903_return(folder)], TODAY).written
    finally:
        engine.dispose()


@dataclass(frozen=True)
class Kind:
    name: str
    prepare: Callable[[str, Path, str | None], None]  # the state the operation starts from
    args: Callable[[Path], list[str]]  # the worker's arguments after the URL


KINDS = (
    Kind("import903", _empty, lambda folder: [str(DATA_903)]),
    Kind("spreadsheet", _with_903_return,
         lambda folder: [str(messy_workbook(folder / "tracker.xlsx"))]),
    Kind("demo", _empty, lambda folder: ["60"]),
    Kind("saves", _empty, lambda folder: [str(SAVES)]),
)


class Databases:
    """Fresh trackers in a kind's starting state: copies of a template file on SQLite (an
    encrypted one on SQLCipher), a new schema each on PostgreSQL (``tests/conftest.py``)."""

    def __init__(self, backend: str, folder: Path, stack: ExitStack, schemas: Any) -> None:
        self.backend, self.folder, self.stack, self.schemas = backend, folder, stack, schemas
        self.passphrase = PASSPHRASE if backend == "sqlcipher" else None
        self.env: dict[str, str] = {}  # for the workers
        if self.passphrase is not None:
            phrase_file = folder / "passphrase"
            phrase_file.write_text(self.passphrase + "\n", encoding="utf-8")
            phrase_file.chmod(0o600)  # the command line refuses a file others may read
            self.env[FILE_VAR] = str(phrase_file)
        self.templates: dict[str, bytes] = {}
        self.made = 0

    def fresh(self, kind: Kind) -> str:
        self.made += 1
        if self.backend == "postgres":
            url = self.stack.enter_context(self.schemas())
            kind.prepare(url, self.folder, None)
            return url
        if kind.name not in self.templates:
            template = self.folder / f"template-{kind.name}.sqlite"
            kind.prepare(f"sqlite:///{template}", self.folder, self.passphrase)
            assert not Path(f"{template}-wal").exists()  # all of it is in the file itself
            assert engines.is_encrypted(f"sqlite:///{template}") == (
                self.passphrase is not None)
            self.templates[kind.name] = template.read_bytes()
        path = self.folder / f"{kind.name}-{self.made}.sqlite"
        path.write_bytes(self.templates[kind.name])
        return f"sqlite:///{path}"


def fingerprint(connection: Connection, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Rows per table and a hash of every row (in key order), but for :data:`VOLATILE`."""
    counts: dict[str, int] = {}
    digest = hashlib.sha256()
    for table in t.metadata.sorted_tables:
        if table.name in skip:
            continue
        columns = [c for c in table.c if (table.name, c.name) not in VOLATILE]
        order = list(table.primary_key.columns) or columns
        rows = connection.execute(select(*columns).order_by(*order)).all()
        counts[table.name] = len(rows)
        digest.update(repr((table.name, [tuple(r) for r in rows])).encode())
    return {"counts": counts, "hash": digest.hexdigest()}


def worker_env(home: Path, extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PERMANENCE_TRACKER_DB")
           and "PASSPHRASE" not in k}
    env.update(extra)
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_CONFIG_HOME=str(home / "config"), XDG_STATE_HOME=str(home / "state"),
               XDG_CACHE_HOME=str(home / "cache"), PYTHONUNBUFFERED="1")
    return env


@dataclass(frozen=True)
class Run:
    killed: bool
    seconds: float  # from the start of the operation to its end or the kill
    output: str
    writes: tuple[float, float] | None  # seconds in: the first write began, the last commit


def run_worker(kind: Kind, url: str, args: list[str], home: Path,
               kill_at: float | None, env: dict[str, str]) -> Run:
    """Run the worker (``env`` added to its environment); with ``kill_at``, SIGKILL it that
    many seconds after it starts the operation."""
    process = subprocess.Popen([sys.executable, str(WORKER), kind.name, url, *args],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               cwd=home, env=worker_env(home, env))
    stream = process.stdout
    assert stream is not None
    started_line = stream.readline()
    started = time.monotonic()
    if started_line.strip() != "GO":
        process.kill()
        output = started_line + process.communicate()[0]
        raise AssertionError(f"the {kind.name} worker did not start:\n{output}")
    # Read on in a thread through the same buffered file (communicate() would read the pipe
    # itself and miss what readline() already buffered), so a full pipe never blocks the worker.
    lines: list[tuple[float, str]] = []
    reader = threading.Thread(target=lambda: lines.extend(
        (time.monotonic() - started, line) for line in stream))
    reader.start()
    killed = False
    if kill_at is not None:
        time.sleep(kill_at)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            killed = True
    process.wait(timeout=120)
    elapsed = time.monotonic() - started
    reader.join(timeout=120)
    output = "".join(line for _, line in lines)
    begun = [at for at, line in lines if line.strip() == "WRITING"]
    committed = [at for at, line in lines if line.strip() == "COMMITTED"]
    # A worker that ended between poll() and the kill was not killed after all.
    killed = killed and process.returncode == -signal.SIGKILL
    if not killed:
        assert process.returncode == 0 and output.rstrip().endswith("DONE"), output
    return Run(killed, elapsed, output,
               (begun[0], committed[-1]) if begun and committed else None)


def open_and_check(url: str, where: str, passphrase: str | None) -> tuple[Any, Any]:
    """Open the tracker after a kill (with ``passphrase``: still encrypted, and opened with it),
    check SQLite's (and SQLCipher's) integrity and the audit chain; returns the context and an
    open connection (closed by the caller's ``with``)."""
    if passphrase is not None:
        assert engines.is_encrypted(url), f"{where}: the tracker is no longer encrypted"
    context = app.open_context(url, create=False, passphrase=passphrase)
    engine = context.engine
    connection = engine.connect()  # type: ignore[attr-defined]
    if connection.dialect.name == "sqlite":
        result = connection.exec_driver_sql("PRAGMA integrity_check").scalars().all()
        assert result == ["ok"], f"{where}: integrity_check says {result}"
    if passphrase is not None:  # each page's HMAC; a row per damaged page, none when whole
        damaged = connection.exec_driver_sql("PRAGMA cipher_integrity_check").all()
        assert damaged == [], f"{where}: cipher_integrity_check says {damaged}"
    check = verify_audit(context.uow)
    assert check.intact, f"{where}: the audit chain is broken: {check}"
    return context, connection


def save_prefix(connection: Connection, base_audit: int, where: str) -> int:
    """How many of the batch's saves are present, after checking they are a whole prefix."""
    plan = crash_worker.save_plan(SAVES)
    entries = connection.execute(
        select(t.audit.c.table_name, t.audit.c.child_id, t.audit.c.action)
        .where(t.audit.c.id > base_audit).order_by(t.audit.c.id)).all()
    done = len(entries)
    assert [(e.table_name, e.child_id) for e in entries] == plan[:done], (
        f"{where}: the audit entries after the kill are not a prefix of the saves: {entries}")
    assert {e.action for e in entries} <= {"insert"}, where
    for name in crash_worker.SAVE_TABLES:
        table = t.metadata.tables[name]
        stored = sorted(connection.execute(select(table.c.child_id)).scalars())
        expected = sorted(child for kind, child in plan[:done] if kind == name)
        assert stored == expected, (f"{where}: {name} rows {stored} do not match the "
                                    f"{done} saves audited")
    return done


def check_kill(kind: Kind, url: str, output: str, where: str,
               states: tuple[dict[str, Any], ...], base_audit: int,
               passphrase: str | None) -> tuple[str, int | None]:
    """Check the tracker after a kill: it opens and is intact, and it is the whole state
    before or after the operation (a prefix of the saves). ``output`` (the worker's) says
    whether the kill fell before the first write, while writing or after a commit. Returns
    the outcome (state and moment) and, for the saves, how many are present."""
    before, after, kept = states
    begun, committed = output.count("WRITING"), output.count("COMMITTED")
    moment = ("before writing" if not begun else
              "while writing" if begun > committed else "after the commit")
    with _checking:
        context, connection = open_and_check(url, where, passphrase)
        try:
            with connection:
                if kind.name == "saves":
                    done = save_prefix(connection, base_audit, where)
                    assert fingerprint(connection, SAVED_TABLES) == kept, (
                        f"{where}: tables other than the saves' changed")
                    # The save being written when killed may have committed unannounced.
                    assert committed <= done <= begun, (
                        f"{where}: {done} saves present, but {committed} had committed and "
                        f"{begun} had begun")
                    return f"a prefix, killed {moment}", done
                state = fingerprint(connection)
        finally:
            context.dispose()
    assert state in (before, after), (
        f"{where}: neither the state before nor after the whole operation: "
        f"{state['counts']}; before {before['counts']}; after {after['counts']}")
    assert begun or state == before, f"{where}: changed, yet nothing had been written"
    assert not committed or state == after, f"{where}: the commit was lost"
    return f"{'before' if state == before else 'after'} (killed {moment})", None


def reference_run(kind: Kind, url: str, args: list[str], folder: Path, databases: Databases
                  ) -> tuple[Run, tuple[dict[str, Any], ...], int]:
    """Run the operation to completion once: its run (timings), the states (before, after, and
    before but for the tables the saves write) and the audit entries before it."""
    passphrase = databases.passphrase
    context, connection = open_and_check(url, f"{kind.name} before", passphrase)
    with connection:
        before = fingerprint(connection)
        kept = fingerprint(connection, SAVED_TABLES)
    context.dispose()
    base_audit = before["counts"]["audit"]
    run = run_worker(kind, url, args, folder, None, databases.env)
    context, connection = open_and_check(url, f"{kind.name} after", passphrase)
    with connection:
        after = fingerprint(connection)
        if kind.name == "saves":
            assert save_prefix(connection, base_audit, "reference run") == SAVES
    context.dispose()
    assert after != before, f"the {kind.name} reference run changed nothing"
    return run, (before, after, kept), base_audit


@dataclass
class Trial:
    kind: Kind
    number: int
    url: str
    home: Path
    delay: float  # seconds from the start of the operation to the kill


def kill_delay(rng: random.Random, reference: Run) -> float:
    """When to kill: anywhere in the operation, or (half the time, as most of an operation is
    reading and checking) between its first write and its last commit in the reference run."""
    if reference.writes is not None and rng.random() < 0.5:
        first, last = reference.writes
        return rng.uniform(first, last + 0.01)
    return rng.uniform(0.0, 0.95) * reference.seconds


def crash_test(backend: str, folder: Path, schemas: Any, seed: int) -> tuple[int, list[str]]:
    """Kill every kind :data:`KILLS` times; returns the kills and the lines of figures."""
    lines = []
    total = 0
    with ExitStack() as stack:
        databases = Databases(backend, folder, stack, schemas)
        for kind in KINDS:
            if backend in ONLY and kind.name not in ONLY[backend]:
                continue
            kind_folder = folder / kind.name
            kind_folder.mkdir()
            args = kind.args(kind_folder)
            url = databases.fresh(kind)
            reference, states, base_audit = reference_run(kind, url, args, kind_folder,
                                                          databases)
            duration = reference.seconds
            outcomes: Counter[str] = Counter()
            prefixes: list[int] = []
            killed_count = 0
            attempt = 0
            while killed_count < KILLS[backend] and attempt < 3 * KILLS[backend]:
                trials = []
                for _ in range(KILLS[backend] - killed_count):
                    attempt += 1
                    rng = random.Random(f"{seed}/{backend}/{kind.name}/{attempt}")
                    home = kind_folder / f"home-{attempt}"
                    home.mkdir()
                    trials.append(Trial(kind, attempt, databases.fresh(kind), home,
                                        kill_delay(rng, reference)))

                def one(trial: Trial, args: list[str] = args) -> tuple[Trial, Run]:
                    return trial, run_worker(trial.kind, trial.url, args, trial.home,
                                             trial.delay, databases.env)

                with ThreadPoolExecutor(max_workers=3) as pool:
                    results = list(pool.map(one, trials))
                for trial, run in results:
                    where = (f"{backend} {kind.name} trial {trial.number} (seed {seed}, kill "
                             f"{trial.delay:.3f} s into a {duration:.2f} s operation, done "
                             f"{run.seconds:.2f} s in; tracker {trial.url})")
                    outcome, done = check_kill(kind, trial.url, run.output, where, states,
                                               base_audit, databases.passphrase)
                    if run.killed:
                        killed_count += 1
                        outcomes[outcome] += 1
                        if done is not None:
                            prefixes.append(done)
                    else:
                        outcomes["finished before the kill"] += 1
            assert killed_count >= KILLS[backend], (
                f"{backend} {kind.name}: only {killed_count} runs were still going when "
                f"killed (seed {seed})")
            total += killed_count
            shown = ", ".join(f"{name} {n}" for name, n in sorted(outcomes.items()))
            extra = f"; prefix lengths {sorted(prefixes)} of {SAVES}" if prefixes else ""
            lines.append(f"  {kind.name}: {killed_count} kills ({duration:.2f} s operation): "
                         f"{shown}{extra}")
    return total, [f"crash safety on {backend} (seed {seed}): {total} kills by SIGKILL, every "
                   "one left an intact tracker in a whole state", *lines]


@pytest.mark.parametrize("backend", ["sqlite", "sqlcipher",
                                     pytest.param("postgres", marks=pytest.mark.postgres)])
def test_sigkill_at_random_points_leaves_a_whole_tracker(backend, request, tmp_path,
                                                         monkeypatch, capsys):
    schemas = request.getfixturevalue("_pg_schemas") if backend == "postgres" else None
    home = tmp_path / "home"
    for name, sub in (("HOME", ""), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                      ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.delenv(engines.ENV_VAR, raising=False)
    seed = int(os.environ.get("PERMANENCE_TRACKER_CRASH_SEED")
               or random.SystemRandom().randrange(1, 10**9))
    with capsys.disabled():
        print(f"\ncrash safety on {backend}: seed {seed} "
              f"(replay with PERMANENCE_TRACKER_CRASH_SEED={seed})", flush=True)
    kills, lines = crash_test(backend, tmp_path, schemas, seed)
    with capsys.disabled():
        print("\n".join(lines), flush=True)
    assert kills >= (30 if backend == "sqlite" else 8)  # the issue asks for 30 in CI
