"""The log proves itself: the whole test run writes one product log, then it is scanned.

At the start of the session the product's log (``permanence_tracker/logs.py``) is pointed at
one file in a temporary folder (``PERMANENCE_TRACKER_LOG_DIR``, so the CLI runs in tests and the
subprocesses of the crash and concurrency tests write there too), with the root logger at DEBUG
so that every record of every level reaches it. SQLAlchemy's loggers stay at WARNING, as
``logs.configure`` holds them in the product: below that they would write statement parameters.

At the end the log is scanned for every synthetic name the demo generator and the tests use,
and for the notes' text the tests write (:data:`NAMES`, :data:`NOTES`): one found fails the run,
naming the file and line. So does a log missing the events the tests that ran must have
written (a scan of an empty log proves nothing): a migration for any test that opened a
database, a command's start for any CLI test.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from permanence_tracker import logs
from permanence_tracker.services.demo import names as demo

# Names the tests give children, IROs and carers (the demo's are imported): whole words,
# case-sensitive, so "Ash" is found and "ash" or "_Ash_" (a test's folder) are not.
TEST_NAMES = ("Ada", "Alex", "Ann", "Ash", "Avery", "Cole", "Cy", "Elm", "Eve", "Fox", "Kid",
              "Kit", "Lark", "Rhea", "Stone", "Able")
NAMES = tuple(sorted({*demo.BOYS, *demo.GIRLS, *demo.SURNAMES, *demo.IRO_FORENAMES,
                      *TEST_NAMES}))
NOTES = ("Met at school", "Held late", "At school", "Theirs", "Mine")  # tests' review notes

# What the log must hold when a test of the kind ran: (why, does it apply, line pattern).
EXPECTED = (
    ("a test opened a database", lambda item: "db_url" in getattr(item, "fixturenames", ()),
     re.compile(r"permanence_tracker\.persistence\.engine: migrated ")),
    ("a command-line test ran", lambda item: item.path.name.startswith("test_cli"),
     re.compile(r"permanence_tracker\.cli\.entry: permanence-tracker \S+ \S+ started")),
)
_FORBIDDEN = re.compile(r"\b(" + "|".join(map(re.escape, NAMES + NOTES)) + r")\b")


def scan(files: list[Path]) -> list[str]:
    """``file:line: 'word' in: text`` for every line of ``files`` holding a name or a note."""
    found = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            for match in _FORBIDDEN.finditer(line):
                found.append(f"{path}:{number}: {match.group(1)!r} in: {line.strip()[:200]}")
    return found


def missing_events(files: list[Path], ran: list[pytest.Item]) -> list[str]:
    """Why the log is short of what the tests that ran must have written."""
    text = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files)
    return [f"{why}, but the log has no line matching {pattern.pattern!r}"
            for why, applies, pattern in EXPECTED
            if any(applies(item) for item in ran) and not pattern.search(text)]


class LogScan:
    """The plugin: registered by ``tests/conftest.py``."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="permanence-tracker-test-log-"))
        self.file: Path | None = None
        self.ran: list[pytest.Item] = []

    def pytest_sessionstart(self, session: pytest.Session) -> None:
        os.environ[logs.ENV_VAR] = str(self.folder)  # the CLI and subprocesses write here too
        self.file = logs.configure(self.folder, level=logging.DEBUG)
        logging.getLogger().setLevel(logging.DEBUG)

    def pytest_runtest_setup(self, item: pytest.Item) -> None:
        self.ran.append(item)

    @pytest.hookimpl(tryfirst=True)  # before the terminal's summary reads the exit status
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        assert self.file is not None
        for handler in logging.getLogger().handlers:  # every record so far in the file
            handler.flush()
        files = logs.log_files(self.file)
        problems = [f"personal data in the log: {line}" for line in scan(files)]
        problems += [f"the log proves nothing: {why}" for why in
                     missing_events(files, self.ran)]
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        write = reporter.write_line if reporter is not None else print
        if not problems:
            lines = sum(len(p.read_bytes().splitlines()) for p in files)
            write(f"log scan: {lines} lines in {len(files)} file(s) written by {len(self.ran)} "
                  f"tests, none holding any of {len(NAMES)} names or {len(NOTES)} notes")
            shutil.rmtree(self.folder, ignore_errors=True)  # kept only to be read when it failed
            return
        write(f"LOG SCAN FAILED ({self.file}):")
        for problem in problems:
            write(f"  {problem}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
