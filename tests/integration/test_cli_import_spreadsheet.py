"""``permanence-tracker import-spreadsheet`` on the SQL store: exit codes (0 imported, 1 problems,
2 usage), the options, and bad workbooks (truncated, password-protected, not a workbook, an
enormous cell, duplicate child IDs, no recognisable header): each refused with a clear message
and nothing changed, through the CLI and through the service. Synthetic workbooks only."""

from __future__ import annotations

import csv
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select
from support.messy_workbook import messy_workbook

from permanence_tracker import cli
from permanence_tracker.cli import clock
from permanence_tracker.domain.entities import Child
from permanence_tracker.domain.errors import ValidationError
from permanence_tracker.persistence import tables as t
from permanence_tracker.services.imports.spreadsheet.fields import auto_map
from permanence_tracker.services.imports.spreadsheet.layout import find_table
from permanence_tracker.services.imports.spreadsheet.model import Decisions
from permanence_tracker.services.imports.spreadsheet.reading import SpreadsheetError, read_sheet
from permanence_tracker.services.imports.spreadsheet.service import (
    commit_import,
    import_source,
    preview_import,
)
from permanence_tracker.services.records.editing import add_child

TODAY = date(2026, 4, 1)
HEADERS = ["Child ID", "Forename", "Surname", "DOB", "Legal status", "Date became LAC"]


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)


def book(path: Path, rows: list[list[object]], headers: list[str] = HEADERS) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tracker"
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def _run(context, capsys, *args) -> tuple[int, str, str]:
    code = cli.main(["--db", context.url, "import-spreadsheet", *map(str, args)])
    out = capsys.readouterr()
    return code, out.out, out.err


def _counts(context) -> tuple[int, int, int]:
    with context.engine.connect() as connection:
        return tuple(connection.execute(select(func.count()).select_from(table)).scalar_one()
                     for table in (t.audit, t.child, t.episode))


def _enormous(capped: Path) -> Path:
    """The workbook with its 32,767-character cell (openpyxl caps a cell at Excel's limit)
    grown to 40,000 in the sheet's XML, as other tools can write it."""
    enormous = capped.with_name("enormous.xlsx")
    with zipfile.ZipFile(capped) as source, zipfile.ZipFile(enormous, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, data.replace(b"x" * 32_767, b"x" * 40_000))
    return enormous


def _bad_files(folder: Path) -> dict[str, tuple[Path, int, str]]:
    """name -> (file, exit status, words the message must hold)."""
    whole = messy_workbook(folder / "whole.xlsx").read_bytes()
    truncated = folder / "truncated.xlsx"
    truncated.write_bytes(whole[: len(whole) // 2])
    protected = folder / "protected.xlsx"  # an encrypted .xlsx is an OLE2 container
    protected.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    text = folder / "not-a-workbook.xlsx"
    text.write_text("<html>this is a web page saved with the wrong name</html>")
    enormous = _enormous(book(folder / "capped.xlsx", [["K1", "Ann", "Able", "04/05/2015", "C2",
                                                        "06/01/2025"], ["K2", "x" * 40_000]]))
    duplicates = book(folder / "duplicates.xlsx", [
        ["K1", "Ann", "Able", "04/05/2015", "C2", "06/01/2025"],
        ["K1", "Ann", "Able", "04/05/2015", "C2", "06/01/2025"]])
    headless = book(folder / "headless.xlsx", [[1, 2, 3], [4, 5, 6]], headers=[7, 8, 9])
    return {
        "truncated": (truncated, 2, "is incomplete: the file ends early"),
        "protected": (protected, 2, "is protected with a password"),
        "not a workbook": (text, 2, "not a workbook (perhaps a text file or web page)"),
        "enormous cell": (enormous, 2, "row 3, column B: the cell holds 40,000 characters"),
        "duplicates": (duplicates, 1, "child ID K1 is also on row 3"),
        "no header": (headless, 2, "has no recognisable header"),
    }


@pytest.mark.parametrize("case", ["truncated", "protected", "not a workbook", "enormous cell",
                                  "duplicates", "no header"])
def test_bad_workbooks_are_refused_and_change_nothing(context, uow, capsys, tmp_path, case,
                                                      monkeypatch):
    monkeypatch.chdir(tmp_path)  # --skip-invalid's default rejects file goes to the current folder
    add_child(uow, Child("K9", date(2014, 1, 1), forename="Kit"), TODAY)
    path, status, words = _bad_files(tmp_path)[case]
    before = _counts(context)
    code, out, err = _run(context, capsys, path, "--skip-invalid" if status == 1 else "--dry-run")
    if status == 1:  # a dry run says the same; --skip-invalid imports no duplicated row either
        assert "K1,Ann,Able" in (tmp_path / "spreadsheet-rejected-rows.csv").read_text()
        code, out, err = _run(context, capsys, path)
    assert code == status
    assert words in (err if status == 2 else out)
    assert _counts(context) == before
    # The service refuses them the same way, writing nothing.
    if status == 2:
        with pytest.raises(SpreadsheetError) as raised:
            find_table(read_sheet(path))
        assert words in str(raised.value)
    else:
        table = find_table(read_sheet(path))
        preview = preview_import(uow, table, auto_map(table.headers), TODAY)
        with pytest.raises(ValidationError):
            commit_import(uow, preview, Decisions(), import_source(path, table.sheet), TODAY)
    assert _counts(context) == before


def test_usage_errors_exit_2_and_write_nothing(context, capsys, tmp_path):
    path = book(tmp_path / "t.xlsx", [["K1", "Ann", "Able", "04/05/2015", "C2", "06/01/2025"]])
    before = _counts(context)
    cases = [
        (["--sheet", "Nope"], "has no sheet called 'Nope': its sheets are 'Tracker'"),
        (["--map", "Child ID"], "is not HEADER=FIELD"),
        (["--map", "Child ID=kid"], "'kid' is not a field the import knows"),
        (["--map", "Kid ref=child_id"], "has no column headed 'Kid ref'"),
        (["--mapping", "north"], "no saved mapping called 'north'"),
    ]
    for options, words in cases:
        code, out, err = _run(context, capsys, path, *options)
        assert (code, out) == (2, ""), options
        assert words in err
    code, _, err = _run(context, capsys, tmp_path / "missing.xlsx")
    assert code == 2 and "does not exist" in err
    assert _counts(context) == before


def test_problems_exit_1_then_skip_invalid_writes_the_rest_and_the_rejects(context, capsys,
                                                                          tmp_path):
    path = book(tmp_path / "t.xlsx", [["K1", "Ann", "Able", "04/05/2015", "C2", "06/01/2025"],
                                      ["K2", "Bo", "Bell", "31/02/2016", "Care order",
                                       "06/01/2025"],
                                      ["K3", "Cat", "Crow", "01/02/2016", "XYZ", "06/01/2025"]])
    before = _counts(context)
    code, out, _ = _run(context, capsys, path)
    assert code == 1 and _counts(context) == before
    assert "sheet 'Tracker', row 3, column 'DOB', value '31/02/2016'" in out
    assert "row 4, column 'Legal status', value 'XYZ'" in out
    assert "Nothing was written" in out and "--skip-invalid" in out
    rejects = tmp_path / "rejects.csv"
    code, out, _ = _run(context, capsys, path, "--skip-invalid", "--rejects", rejects)
    assert code == 0
    assert "Rows: 1 create, 0 update, 0 unchanged, 2 rejected, 0 skipped" in out
    assert f"Rejected rows written to {rejects} (2 rows)" in out
    with rejects.open(newline="", encoding="utf-8-sig") as handle:
        assert [row[0] for row in csv.reader(handle)] == ["Child ID", "K2", "K3"]
    assert _counts(context)[1:] == (before[1] + 1, before[2] + 1)


def test_name_and_dob_matches_need_confirming(context, uow, capsys, tmp_path):
    add_child(uow, Child("K7", date(2015, 5, 4), forename="Ann", surname="Able"), TODAY)
    path = book(tmp_path / "t.xlsx", [[None, "Ann", "Able", "04/05/2015", "C2", "06/01/2025"]])
    before = _counts(context)
    code, out, _ = _run(context, capsys, path)
    assert code == 1 and _counts(context) == before
    assert "row 2: child K7, Ann Able, born 04/05/2015 -> not confirmed" in out
    code, out, _ = _run(context, capsys, path, "--dry-run", "--confirm-matches")
    assert code == 0 and "-> confirmed" in out and "Dry run: nothing was written." in out
    assert _counts(context) == before
    code, out, _ = _run(context, capsys, path, "--confirm-matches")
    assert code == 0 and "Rows: 0 create, 1 update" in out
    assert _counts(context)[1:] == (before[1], before[2] + 1)  # K7's episode, no new child


def test_map_save_mapping_and_use_it_again(context, capsys, tmp_path):
    headers = ["Kid ref", "Forename", "Surname", "DOB", "Legal status", "Date became LAC",
               "Old column"]
    path = book(tmp_path / "t.xlsx", [["K1", "Ann", "Able", "04/05/2015", "C2", "06/01/2025",
                                       "x"]], headers=headers)
    code, out, _ = _run(context, capsys, path, "--map", "kid REF=child_id", "--map",
                        "Surname=ignore", "--save-mapping", "north")
    assert code == 0
    assert "Kid ref         -> Child ID" in out
    assert "ignored: Surname, Old column" in out and "Mapping saved as 'north'." in out
    code, out, _ = _run(context, capsys, path, "--mapping", "north", "--dry-run")
    assert code == 0 and "Columns (saved mapping 'north'):" in out
    assert "Rows: 0 create, 0 update, 1 unchanged" in out
    code, out, _ = _run(context, capsys, path, "--dry-run")  # offered again by itself
    assert code == 0 and "saved mapping 'north'" in out


def test_help_describes_every_option(capsys):
    with pytest.raises(SystemExit):
        cli.main(["import-spreadsheet", "--help"])
    out = capsys.readouterr().out
    for option in ("--sheet", "--map", "--mapping", "--save-mapping", "--dry-run",
                   "--skip-invalid", "--rejects", "--on-conflict", "--confirm-matches"):
        assert option in out
    assert "2 usage" in out and "looked_after_from" in out
