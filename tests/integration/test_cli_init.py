"""Issue 10 item 6: only ``init``, ``demo`` and ``import-903`` create a tracker; every other
command refuses a database that holds none (exit 2, saying which and what to do) and creates
nothing, so a mistyped ``--db`` never reports zeros from a new empty database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from permanence_tracker import cli
from permanence_tracker.cli import clock

ADVICE = "create it with `permanence-tracker init` or choose another with --db"
# Commands that only read or add to a tracker, each as its arguments after --db URL.
NON_CREATING = [
    ["summary", "--as-of", "2026-03-31"],
    ["child", "add", "C1", "--dob", "2015-01-01"],
    ["panel", "list"],
    ["export-903", "--year", "2026", "--out", "OUT"],
    ["report", "cohort", "--out", "OUT.pdf"],
]


def _files(root: Path) -> list[Path]:
    return sorted(root.rglob("*"))


@pytest.mark.parametrize("command", NON_CREATING, ids=lambda c: " ".join(c[:2]))
def test_a_mistyped_db_is_refused_and_nothing_is_created(tmp_path, capsys, command):
    typo = tmp_path / "tyop" / "tracker.sqlite"
    argv = [a.replace("OUT", str(tmp_path / "out")) for a in command]
    assert cli.main(["--db", f"sqlite:///{typo}", *argv]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert f"error: there is no tracker at {typo}: the file does not exist" in err
    assert ADVICE in err.lower()
    assert _files(tmp_path) == []  # no file, no folder, no -wal, no report


def test_the_environment_variable_is_held_to_the_same_rule(tmp_path, capsys, monkeypatch):
    missing = tmp_path / "nowhere.sqlite"
    monkeypatch.setenv("PERMANENCE_TRACKER_DB", f"sqlite:///{missing}")
    assert cli.main(["summary"]) == 2
    assert f"there is no tracker at {missing}" in capsys.readouterr().err
    assert not missing.exists()


def test_a_file_that_is_no_tracker_is_refused_and_left_as_it_was(tmp_path, capsys):
    import sqlite3

    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    connection.close()
    before = other.read_bytes()
    assert cli.main(["--db", f"sqlite:///{other}", "summary"]) == 2
    assert "the file holds no tracker" in capsys.readouterr().err
    assert other.read_bytes() == before
    assert _files(tmp_path) == [other]


def test_init_creates_the_folder_and_tracker_once(tmp_path, capsys):
    path = tmp_path / "new" / "folder" / "tracker.sqlite"
    url = f"sqlite:///{path}"
    assert cli.main(["--db", url, "init"]) == 0
    assert f"Created an empty tracker at {path}." in capsys.readouterr().out
    assert path.is_file()
    assert cli.main(["--db", url, "summary", "--as-of", "2026-03-31"]) == 0
    assert "Summary as of 2026-03-31" in capsys.readouterr().out
    assert cli.main(["--db", url, "init"]) == 1
    assert f"error: {path} already holds a tracker" in capsys.readouterr().err


def test_demo_and_import_may_create_a_tracker(tmp_path, capsys):
    demo = tmp_path / "d" / "demo.sqlite"
    assert cli.main(["--db", f"sqlite:///{demo}", "demo", "--children", "3",
                     "--as-of", "2026-03-31"]) == 0
    imported = tmp_path / "i" / "import.sqlite"
    source = Path(__file__).parents[1] / "data" / "903" / "return_2025_26"
    assert cli.main(["--db", f"sqlite:///{imported}", "import-903", str(source)]) == 0
    capsys.readouterr()
    assert demo.is_file() and imported.is_file()
    assert cli.main(["--db", f"sqlite:///{imported}", "summary"]) == 0


def test_validator_install_opens_no_database(tmp_path, monkeypatch):
    from permanence_tracker.cli import export903

    monkeypatch.setattr(export903, "install_validator", lambda: None)
    assert cli.main(["--db", f"sqlite:///{tmp_path / 'x' / 'y.sqlite'}", "validator",
                     "install"]) == 0
    assert _files(tmp_path) == []


def test_an_unreachable_server_is_refused_with_its_message_and_no_password(capsys):
    url = "postgresql://ann:s3cret@127.0.0.1:1/tracker"
    assert cli.main(["--db", url, "summary"]) == 2
    err = capsys.readouterr().err
    assert "there is no tracker at postgresql://ann:***@127.0.0.1:1/tracker" in err
    assert "the server says: " in err and "127.0.0.1" in err
    assert ADVICE in err.lower()
    assert "s3cret" not in err


@pytest.mark.postgres
def test_a_server_database_without_the_schema_is_refused_until_init(_pg_schemas, capsys):
    with _pg_schemas() as url:
        assert cli.main(["--db", url, "summary"]) == 2
        assert "the database has no tracker schema" in capsys.readouterr().err
        assert cli.main(["--db", url, "init"]) == 0
        assert cli.main(["--db", url, "summary"]) == 0


# -- item 9 on a real tracker ---------------------------------------------------------------
def test_summary_defaults_to_today_and_warns_of_a_future_as_of(context, capsys, monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: date(2026, 3, 31))
    assert cli.main(["--db", context.url, "summary"]) == 0
    out, err = capsys.readouterr()
    assert "Summary as of 2026-03-31" in out and err == ""
    assert cli.main(["--db", context.url, "summary", "--as-of", "2030-01-01"]) == 0
    out, err = capsys.readouterr()
    assert "Summary as of 2030-01-01" in out
    assert err == ("warning: --as-of 01/01/2030 is in the future: figures are as recorded "
                   "today\n")


def test_child_add_without_sex_says_it_is_recorded_as_not_known(context, capsys):
    assert cli.main(["--db", context.url, "child", "add", "N1", "--dob", "2015-01-01"]) == 0
    assert capsys.readouterr().out == ("added child N1\n"
                                       "sex not given: recorded as not known (U)\n")
    assert cli.main(["--db", context.url, "child", "add", "N2", "--dob", "2015-01-01",
                     "--sex", "F"]) == 0
    assert "sex not given" not in capsys.readouterr().out
    with context.uow() as uow:
        assert (uow.repo.child("N1").sex, uow.repo.child("N2").sex) == ("U", "F")


def test_a_database_that_cannot_be_opened_is_named_without_its_password(capsys):
    """init (which may create) against a server that is not there: refused, password hidden."""
    url = "postgresql+psycopg://pt:secretpw@127.0.0.1:1/nothing"
    assert cli.main(["--db", url, "init"]) == 2
    err = capsys.readouterr().err
    assert "cannot open the database postgresql+psycopg://pt:***@127.0.0.1:1/nothing" in err
    assert "secretpw" not in err
