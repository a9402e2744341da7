"""A tracker created by a command that then fails, or is a dry run, is removed again (the SQLite
file, its -wal/-shm files and the folders made for it); a successful import keeps it, and a
tracker or file that existed before is never removed. Also: the spreadsheet import's default
sheet is the first with a header row, and ``--save-mapping`` is saved with the import, in its
transaction, or not at all. Synthetic workbooks and 903 files only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from permanence_tracker import cli
from permanence_tracker.cli import clock
from permanence_tracker.domain.errors import ValidationError
from permanence_tracker.services.imports.spreadsheet.fields import auto_map
from permanence_tracker.services.imports.spreadsheet.layout import (
    NoTableError,
    find_table,
    first_table,
)
from permanence_tracker.services.imports.spreadsheet.mappings import load_mappings
from permanence_tracker.services.imports.spreadsheet.model import Decisions
from permanence_tracker.services.imports.spreadsheet.reading import read_sheet
from permanence_tracker.services.imports.spreadsheet.service import (
    commit_import,
    import_source,
    preview_import,
)

TODAY = date(2026, 4, 1)
HEADERS = ["Child ID", "Forename", "Surname", "DOB", "Legal status", "Date became LAC"]
GOOD = ["K1", "Ann", "Able", "04/05/2015", "C2", "06/01/2025"]
BAD = ["K2", "Bo", "Bell", "31/02/2016", "C2", "06/01/2025"]  # no 31 February
DATA_903 = Path(__file__).parents[1] / "data" / "903"


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def tracker_book(path: Path, *rows: list[object]) -> Path:
    return book(path, {"Tracker": [HEADERS, *rows]})


def _sqlite(path: Path) -> str:
    return f"sqlite:///{path}"


def _run(db: Path, *args: object) -> int:
    return cli.main(["--db", _sqlite(db), *map(str, args)])


@pytest.mark.parametrize("case", ["missing file", "no header", "dry run", "problems",
                                  "usage error"])
def test_a_failed_or_dry_run_spreadsheet_import_leaves_no_tracker(tmp_path, capsys, case):
    good = tracker_book(tmp_path / "good.xlsx", GOOD)
    args = {"missing file": [tmp_path / "missing.xlsx"],
            "no header": [book(tmp_path / "notes.xlsx", {"Notes": [["read me first"]]})],
            "dry run": [good, "--dry-run"],
            "problems": [tracker_book(tmp_path / "bad.xlsx", GOOD, BAD)],
            "usage error": [good, "--map", "Child ID=kid"]}[case]
    expected = {"dry run": 0, "problems": 1}.get(case, 2)
    db = tmp_path / "new" / "deeper" / "tracker.sqlite"
    assert _run(db, "import-spreadsheet", *args) == expected
    capsys.readouterr()
    assert not (tmp_path / "new").exists()  # neither the file nor the folders made for it


def test_a_successful_import_keeps_the_tracker_it_created(tmp_path, capsys):
    db = tmp_path / "new" / "tracker.sqlite"
    assert _run(db, "import-spreadsheet", tracker_book(tmp_path / "t.xlsx", GOOD)) == 0
    assert db.is_file()
    assert _run(db, "import-spreadsheet", tmp_path / "t.xlsx", "--dry-run") == 0
    assert "Rows: 0 create, 0 update, 1 unchanged" in capsys.readouterr().out
    assert db.is_file()  # a dry run on a tracker that was there is only a dry run


def test_import_903_leaves_no_tracker_when_it_fails_and_keeps_one_it_filled(tmp_path, capsys):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "header.csv").write_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
                                    "H1,3,01/01/2015,WBRI,,,\n")
    db = tmp_path / "new" / "tracker.sqlite"
    assert _run(db, "import-903", tmp_path / "missing") == 2
    assert _run(db, "import-903", bad) == 1
    assert _run(db, "import-903", tmp_path / "empty.txt") == 2
    assert not (tmp_path / "new").exists()
    assert _run(db, "import-903", DATA_903) == 0
    capsys.readouterr()
    assert db.is_file()


def test_a_folder_that_existed_stays_and_only_the_new_file_goes(tmp_path, capsys):
    (tmp_path / "mine.txt").write_text("not ours")
    db = tmp_path / "tracker.sqlite"
    assert _run(db, "import-spreadsheet", tmp_path / "missing.xlsx") == 2
    capsys.readouterr()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt"]


def test_a_tracker_or_file_that_existed_is_never_removed(tmp_path, capsys):
    db = tmp_path / "tracker.sqlite"
    assert _run(db, "import-spreadsheet", tracker_book(tmp_path / "t.xlsx", GOOD)) == 0
    assert _run(db, "import-spreadsheet", tmp_path / "missing.xlsx") == 2
    assert _run(db, "import-903", tmp_path / "missing") == 2
    capsys.readouterr()
    assert _run(db, "import-spreadsheet", tmp_path / "t.xlsx", "--dry-run") == 0
    assert "Rows: 0 create, 0 update, 1 unchanged" in capsys.readouterr().out  # K1 is still in
    empty = tmp_path / "empty.sqlite"  # a file that held no tracker: made one, yet not ours
    empty.write_bytes(b"")
    assert _run(empty, "import-spreadsheet", tmp_path / "missing.xlsx") == 2
    capsys.readouterr()
    assert empty.is_file()


def test_the_default_sheet_is_the_first_with_a_header(tmp_path, capsys):
    path = book(tmp_path / "t.xlsx", {"Notes": [["How to fill this in"], ["One row a child"]],
                                      "Blank": [],
                                      "Tracker": [HEADERS, GOOD]})
    table, passed = first_table(path)
    assert (table.sheet, passed) == ("Tracker", ("Notes",))
    db = tmp_path / "tracker.sqlite"
    assert _run(db, "import-spreadsheet", path) == 0
    out = capsys.readouterr().out
    assert "Reading sheet 'Tracker', the first with a header row: 'Notes' has none" in out
    assert "Rows: 1 create" in out


def test_no_sheet_with_a_header_lists_the_sheets_and_says_sheet(tmp_path, capsys):
    path = book(tmp_path / "t.xlsx", {"Notes": [["How to fill this in"], ["One row a child"]],
                                      "More": [["Just a note"]]})
    with pytest.raises(NoTableError) as raised:
        first_table(path)
    assert [(s.name, s.rows) for s in raised.value.sheets] == [("Notes", 2), ("More", 1)]
    db = tmp_path / "tracker.sqlite"
    assert _run(db, "import-spreadsheet", path) == 2
    err = capsys.readouterr().err
    assert "t.xlsx has no recognisable header in any sheet" in err
    assert "'Notes' (2 rows), 'More' (1 row)" in err and "--sheet NAME" in err


def _preview(context, path: Path):
    table = find_table(read_sheet(path))
    mapping = auto_map(table.headers)
    return table, mapping, preview_import(context.uow, table, mapping, TODAY)


def test_the_mapping_is_saved_in_the_import_transaction(context, tmp_path):
    path = tracker_book(tmp_path / "t.xlsx", GOOD, BAD)
    table, mapping, preview = _preview(context, path)
    by_header = {table.headers[i]: f for i, f in mapping.items()}
    source = import_source(path, table.sheet)
    with pytest.raises(ValidationError):  # rows with problems: nothing written, nor the mapping
        commit_import(context.uow, preview, Decisions(), source, TODAY,
                      save_mapping=("north", by_header))

    def cancel(done: int, total: int, _text: str) -> None:
        if done == total:
            raise KeyboardInterrupt  # Cancel at the last moment: all is rolled back
    with pytest.raises(KeyboardInterrupt):
        commit_import(context.uow, preview, Decisions(), source, TODAY, skip_invalid=True,
                      progress=cancel, save_mapping=("north", by_header))
    with pytest.raises(ValidationError):  # a blank name is refused before anything is written
        commit_import(context.uow, preview, Decisions(), source, TODAY, skip_invalid=True,
                      save_mapping=(" ", by_header))
    assert load_mappings(context.uow) == {}
    summary = commit_import(context.uow, preview, Decisions(), source, TODAY,
                            skip_invalid=True, save_mapping=(" north ", by_header))
    assert summary.counts["create"] == 1
    assert load_mappings(context.uow) == {"north": by_header}
