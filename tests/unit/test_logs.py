"""The product's log (permanence_tracker/logs.py) and the scan of the whole run's log
(tests/support/log_scan.py): owner-only files, no exception messages, SQLAlchemy kept quiet,
and a scanner that finds a name planted in a log written by the product's own code.

Names are planted only in a separate process's log (or in records never handed to a logger):
in this process they would reach the run's own log, which is scanned at the end."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from support import log_scan

from permanence_tracker import logs
from permanence_tracker.domain.errors import Problem, ValidationError

PLANTED = "Zara Khan"  # names from the demo's lists (services/demo/names.py)


def _run_in_a_process(log_dir: Path, code: str) -> None:
    """Run ``code`` in a fresh Python whose log goes to ``log_dir`` (umask 0o022)."""
    env = {**os.environ, logs.ENV_VAR: str(log_dir)}
    subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, check=True,
                   umask=0o022, timeout=60)


def test_the_scanner_finds_a_name_the_product_logged(tmp_path):
    log_dir = tmp_path / "made" / "logs"
    _run_in_a_process(log_dir, f"""
        import logging
        from permanence_tracker import logs
        logs.configure()
        logging.getLogger("permanence_tracker.somewhere").info("opened %s", {PLANTED!r})
        logging.getLogger("permanence_tracker.somewhere").info("nothing personal here")
    """)
    found = log_scan.scan(logs.log_files(log_dir / logs.FILE_NAME))
    assert len(found) == 2  # Zara and Khan, both on line 1
    assert all(":1: " in line and "opened Zara Khan" in line for line in found)


def test_the_scanner_passes_a_clean_log_and_tells_a_name_from_a_word(tmp_path):
    log = tmp_path / "x.log"
    log.write_text("migrated /tmp/test_zara_0/tracker.sqlite to 0007\n"
                   "backed up /tmp/test_x_Ada_0/t.sqlite; a khan; Ashby\n", encoding="utf-8")
    assert log_scan.scan([log]) == []
    log.write_text("ok\nreview notes: Held late\n", encoding="utf-8")
    assert log_scan.scan([log]) == [f"{log}:2: 'Held late' in: review notes: Held late"]


def test_an_empty_log_proves_nothing(tmp_path):
    class Item:  # what the plugin reads of a test that opened a database
        fixturenames = ("db_url",)
        path = Path("tests/integration/test_something.py")

    log = tmp_path / "x.log"
    log.write_text("", encoding="utf-8")
    assert log_scan.missing_events([log], [Item()]) == [
        "a test opened a database, but the log has no line matching "
        "'permanence_tracker\\\\.persistence\\\\.engine: migrated '"]
    assert log_scan.missing_events([log], []) == []  # no test that must have logged ran


def test_a_command_writes_the_events_the_scan_expects(tmp_path):
    class Item:  # a command-line test that opened a database
        fixturenames = ("db_url",)
        path = Path("tests/integration/test_cli_something.py")

    log_dir = tmp_path / "logs"
    _run_in_a_process(log_dir, f"""
        from permanence_tracker.cli.entry import main
        assert main(["--db", "sqlite:///{tmp_path / 'tracker.sqlite'}", "init"]) == 0
    """)
    log = log_dir / logs.FILE_NAME
    assert log_scan.missing_events([log], [Item()]) == []
    text = log.read_text(encoding="utf-8")
    assert "permanence-tracker init finished with status 0" in text
    assert "opened the tracker" in text


def test_log_files_are_the_owners_only_also_once_rotated(tmp_path):
    log_dir = tmp_path / "logs"
    _run_in_a_process(log_dir, """
        import logging
        from permanence_tracker import logs
        logs.MAX_BYTES = 300
        logs.configure()
        for number in range(20):
            logging.getLogger("permanence_tracker.x").info("line %d of a long log", number)
    """)
    written = logs.log_files(log_dir / logs.FILE_NAME)
    assert len(written) == 1 + logs.BACKUPS  # it rotated: the file and five older copies
    assert stat.S_IMODE(log_dir.stat().st_mode) == 0o700
    assert [stat.S_IMODE(p.stat().st_mode) for p in written] == [0o600] * len(written)


def test_an_error_is_logged_as_its_type_and_frames_without_its_message(tmp_path):
    log_dir = tmp_path / "logs"
    _run_in_a_process(log_dir, f"""
        import logging
        from permanence_tracker import logs
        from permanence_tracker.domain.errors import Problem, ValidationError
        logs.configure()
        def save():
            raise ValidationError([Problem("forename", "{PLANTED} is too long")])
        try:
            try:
                save()
            except ValidationError as exc:
                raise RuntimeError("saving {PLANTED}") from exc
        except RuntimeError:
            logging.getLogger("permanence_tracker.x").exception("saving failed")
    """)
    text = (log_dir / logs.FILE_NAME).read_text(encoding="utf-8")
    assert "permanence_tracker.domain.errors.ValidationError (message not logged" in text
    assert "builtins.RuntimeError (message not logged" in text
    assert ", in save\n" in text  # the frames are there (file, line, function)
    assert "Zara" not in text and "Khan" not in text


def test_sqlalchemy_writes_no_statement_or_parameter_even_with_the_root_logger_at_debug(
        tmp_path):
    log_dir = tmp_path / "logs"
    _run_in_a_process(log_dir, f"""
        import logging
        from sqlalchemy import create_engine, text
        from permanence_tracker import logs
        logs.configure(level=logging.DEBUG)
        logging.getLogger().setLevel(logging.DEBUG)
        engine = create_engine("sqlite://")
        with engine.connect() as connection:
            connection.execute(text("SELECT :name"), {{"name": {PLANTED!r}}})
        logging.getLogger("permanence_tracker.x").debug("ran a query")
    """)
    text = (log_dir / logs.FILE_NAME).read_text(encoding="utf-8")
    assert "ran a query" in text  # the log was written, at DEBUG
    assert "SELECT" not in text and "Zara" not in text
    assert logging.getLogger("sqlalchemy").level == logging.WARNING  # held so in this run too


def test_configure_is_done_once_per_file(tmp_path):
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        first = logs.configure(tmp_path)
        again = logs.configure(tmp_path)
        assert first == again == tmp_path.absolute() / logs.FILE_NAME
        assert len(root.handlers) == len(before) + 1
    finally:
        for handler in set(root.handlers) - set(before):
            root.removeHandler(handler)
            handler.close()


def test_the_formatter_never_writes_an_exceptions_message():
    try:
        raise ValidationError([Problem("surname", "Ahmed is not allowed")])
    except ValidationError:
        record = logging.LogRecord("permanence_tracker.x", logging.ERROR, __file__, 1,
                                   "failed", None, sys.exc_info())
    formatted = logs._PrivateFormatter("%(message)s").format(record)
    assert formatted.startswith("failed\nTraceback (most recent call last):\n")
    assert "ValidationError (message not logged" in formatted
    assert "Ahmed" not in formatted


@pytest.mark.parametrize("name", ["Ada", "Zara", "Khan", "Wendy"])
def test_the_scan_knows_the_demo_and_test_names(name):
    assert name in log_scan.NAMES
