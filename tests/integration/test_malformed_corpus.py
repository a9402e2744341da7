"""A corpus of malformed files for both importers (``import-903`` and ``import-spreadsheet``):
each is refused with a clear message saying what is wrong and how to fix it, and changes
nothing (the rows of every table, audit entries included, are counted before and after).

The corpus is generated in ``tmp_path`` by the tests (nothing big is committed): truncated,
wrong encodings (UTF-16 without its BOM, Shift-JIS), binary garbage, NUL bytes, a 10 MB cell,
1,000,000 rows, missing columns, duplicate IDs and a formula (``=cmd|' /C calc'!A0``) as a
value. Latin-1 bytes in a file that claims to be UTF-8 are read as Windows-1252 (what Excel
writes), so that case is read correctly rather than refused. The two huge cases are bounded by
the readers' limits (``MAX_ROWS``, the cell-size limits), which refuse them while streaming.
Synthetic data only.
"""

from __future__ import annotations

import os
import time
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from permanence_tracker import cli
from permanence_tracker.cli import clock
from permanence_tracker.domain.entities import Child
from permanence_tracker.persistence import tables as t
from permanence_tracker.services.imports.spreadsheet import reading
from permanence_tracker.services.imports.ssda903 import reader
from permanence_tracker.services.records.editing import add_child

TODAY = date(2026, 3, 31)
FORMULA = "=cmd|' /C calc'!A0"
HEADER_903 = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
ROW_903 = "K{n},M,01/01/2015,WBRI,,,\n"
SHEET_HEADER = "Child ID,Forename,Surname,DOB,Legal status,Date became LAC\n"
SHEET_ROW = "K{n},Ann,Able,04/05/2015,C2,06/01/2025\n"
MILLION = 1_000_000
TEN_MB = 10 * 1024 * 1024


@pytest.fixture(autouse=True)
def _today(monkeypatch, tmp_path):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    monkeypatch.chdir(tmp_path)  # any rejects file goes here, not into the checkout


@pytest.fixture
def seeded(context):
    """A tracker holding one child (so 'changes nothing' is tested on a tracker with data)."""
    add_child(context.uow, Child("S1", date(2014, 1, 1), forename="Sam"), TODAY)
    return context


def _counts(context) -> dict[str, int]:
    """Rows of every table, the audit trail included."""
    with context.engine.connect() as connection:
        return {table.name: connection.execute(select(func.count()).select_from(table))
                .scalar_one() for table in t.metadata.sorted_tables}


def _run(context, capsys, *args: object) -> tuple[int, str]:
    code = cli.main(["--db", context.url, *map(str, args)])
    out = capsys.readouterr()
    return code, out.out + out.err


def _big_csv(path: Path, header: str, row: str, rows: int) -> Path:
    """``rows`` data rows written in blocks (a million rows in well under a second)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(header)
        block = 10_000
        for start in range(0, rows, block):
            handle.write("".join(row.format(n=n) for n in range(start, min(rows, start + block))))
    return path


def _xlsx(path: Path, rows: list[list[str]]) -> Path:
    """A minimal workbook with inline-string cells, written by hand so that any size (a 10 MB
    cell, which Excel and openpyxl refuse to write) can be made."""
    def cell(ref: str, text: str) -> str:
        text = text.replace("&", "&amp;").replace("<", "&lt;")
        return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'

    sheet_rows = "".join(
        f'<row r="{r}">' + "".join(cell(f"{chr(65 + c)}{r}", v) for c, v in enumerate(row))
        + "</row>" for r, row in enumerate(rows, start=1))
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="rels" ContentType="application'
            '/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
            f'{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} xmlns:r="{rel}"><sheets>'
            '<sheet name="Tracker" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
            f'{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>{sheet_rows}'
            '</sheetData></worksheet>'),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in files.items():
            book.writestr(name, text)
    return path


# --- the 903 import ------------------------------------------------------------------------

def _corpus_903(folder: Path) -> dict[str, tuple[Path, int, str]]:
    """case -> (file, the CLI's exit status, words its message must hold)."""
    folder.mkdir()
    good = HEADER_903 + "".join(ROW_903.format(n=n) for n in range(1, 4))

    def put(name: str, data: bytes | str) -> Path:
        path = folder / name
        path.mkdir()
        file = path / "header.csv"
        file.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return file

    big = folder / "million"
    big.mkdir()
    huge_cell = HEADER_903 + f"K1,M,01/01/2015,WBRI,{'x' * TEN_MB},,\n"
    return {
        "truncated": (put("truncated", good[: good.index("/2015") + 3]), 2,
                      "ends part-way through line 2 (it has 3 of the 7 columns"),
        "utf-16 without BOM": (put("utf16", good.encode("utf-16-le")), 2,
                               "UTF-16 without its byte-order mark"),
        "shift-jis": (put("sjis", (HEADER_903 + "山田・花子,M,01/01/2015,WBRI,,,\n")
                          .encode("shift_jis")), 2, "neither UTF-8 nor Windows-1252"),
        "binary garbage": (put("garbage", os.urandom(64 * 1024)), 2, "holds NUL bytes"),
        "NUL bytes": (put("nul", good.replace("K2", "K\x002")), 2, "holds NUL bytes"),
        "10 MB cell": (put("cell", huge_cell), 2, "a value is longer than 131,072 characters"),
        "1,000,000 rows": (_big_csv(big / "header.csv", HEADER_903, ROW_903, MILLION), 2,
                           f"more than {reader.MAX_ROWS:,} rows"),
        "missing columns": (put("missing", "CHILD,DOB\nK1,01/01/2015\n"), 1,
                            "no 903 tables found"),
        "duplicate IDs": (put("duplicates", good + "K1,F,02/02/2016,WBRI,,,\n"), 1,
                          "header.csv row 5 column CHILD ('K1'): child K1 is in this file "
                          "twice (rows 2 and 5): a return holds one Header row per child; "
                          "keep one of these rows and delete the others, or correct CHILD in "
                          "the one that is wrong"),
        "formula": (put("formula", good + ROW_903.format(n=9).replace("K9", FORMULA)), 2,
                    f"row 5, column CHILD: {FORMULA!r} is a spreadsheet formula"),
    }


CASES_903 = ["truncated", "utf-16 without BOM", "shift-jis", "binary garbage", "NUL bytes",
             "10 MB cell", "1,000,000 rows", "missing columns", "formula", "duplicate IDs"]


@pytest.mark.parametrize("case", CASES_903)
def test_malformed_903_files_are_refused_and_change_nothing(seeded, capsys, tmp_path, case):
    path, status, words = _corpus_903(tmp_path / "corpus")[case]
    before = _counts(seeded)
    started = time.monotonic()
    code, said = _run(seeded, capsys, "import-903", path.parent)
    assert time.monotonic() - started < 10  # refused while streaming, not after minutes
    assert (code, words in said) == (status, True), said
    assert _counts(seeded) == before


def test_latin_1_bytes_claiming_utf_8_are_read_as_windows_1252(seeded, capsys, tmp_path):
    # Not a refusal: Excel's "CSV" is Windows-1252, a superset of Latin-1's printable
    # characters, so the value is read as written.
    path = tmp_path / "header.csv"
    path.write_bytes((HEADER_903 + ROW_903.format(n=1).replace("K1", "Jos\u00e9"))
                     .encode("latin-1"))
    code, said = _run(seeded, capsys, "import-903", path)
    assert code == 0, said
    assert _counts(seeded)["child"] == 2


# --- the spreadsheet import ----------------------------------------------------------------

def _corpus_sheet(folder: Path) -> dict[str, tuple[Path, int, str]]:
    folder.mkdir()
    good = SHEET_HEADER + "".join(SHEET_ROW.format(n=n) for n in range(1, 4))

    def put(name: str, data: bytes | str) -> Path:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return path

    whole = _xlsx(folder / "whole.xlsx", [line.split(",") for line in good.splitlines()])
    rows = [line.split(",") for line in good.splitlines()]
    return {
        "truncated csv": (put("truncated.csv", good[: good.index("/2015") + 3]), 2,
                          "ends part-way through line 2 (it has 4 of the 6 columns"),
        "truncated xlsx": (put("truncated.xlsx", whole.read_bytes()[:300]), 2,
                           "is incomplete: the file ends early"),
        "utf-16 without BOM": (put("utf16.csv", good.encode("utf-16-le")), 2,
                               "is not a CSV text file"),
        "shift-jis": (put("sjis.csv", (SHEET_HEADER + "K1,山田・花子,Able,04/05/2015,C2,"
                                       "06/01/2025\n").encode("shift_jis")), 2,
                      "neither UTF-8 nor Windows-1252"),
        "binary garbage csv": (put("garbage.csv", os.urandom(64 * 1024)), 2,
                               "is not a CSV text file"),
        "binary garbage xlsx": (put("garbage.xlsx", os.urandom(64 * 1024)), 2,
                                "not a workbook"),
        "NUL bytes": (put("nul.csv", good.replace("Ann", "A\x00nn")), 2,
                      "is not a CSV text file"),
        "10 MB cell csv": (put("cell.csv", SHEET_HEADER + f"K1,{'x' * TEN_MB},Able,04/05/2015,"
                                           "C2,06/01/2025\n"), 2,
                           f"longer than the {reading.MAX_CELL_CHARACTERS:,} characters"),
        "10 MB cell xlsx": (_xlsx(folder / "cell.xlsx", [rows[0], ["K1", "x" * TEN_MB]]), 2,
                            "the cell holds 10,485,760 characters"),
        "1,000,000 rows": (_big_csv(folder / "million.csv", SHEET_HEADER, SHEET_ROW, MILLION),
                           2, f"has more than {reading.MAX_ROWS:,} rows"),
        "missing columns": (put("missing.csv", "Colour,Size\nred,9\n"), 2,
                            "has no recognisable header"),
        "duplicate IDs": (put("duplicates.csv", good + SHEET_ROW.format(n=1)), 1,
                          "child ID K1 is also on row"),
        "formula": (put("formula.csv", good + SHEET_ROW.format(n=9).replace("Ann", FORMULA)), 2,
                    f"row 5, column B: {FORMULA!r} is a spreadsheet formula"),
    }


CASES_SHEET = ["truncated csv", "truncated xlsx", "utf-16 without BOM", "shift-jis",
               "binary garbage csv", "binary garbage xlsx", "NUL bytes", "10 MB cell csv",
               "10 MB cell xlsx", "1,000,000 rows", "missing columns", "duplicate IDs",
               "formula"]


@pytest.mark.parametrize("case", CASES_SHEET)
def test_malformed_spreadsheets_are_refused_and_change_nothing(seeded, capsys, tmp_path, case):
    path, status, words = _corpus_sheet(tmp_path / "corpus")[case]
    before = _counts(seeded)
    started = time.monotonic()
    code, said = _run(seeded, capsys, "import-spreadsheet", path)
    assert time.monotonic() - started < 10
    assert (code, words in said) == (status, True), said
    assert _counts(seeded) == before


def test_a_workbook_over_the_row_limit_is_refused_by_its_dimensions(seeded, capsys, tmp_path,
                                                                     monkeypatch):
    # A million-row .xlsx takes minutes to write; the same check is shown with a small limit.
    monkeypatch.setattr(reading, "MAX_ROWS", 3)
    path = _xlsx(tmp_path / "long.xlsx", [SHEET_HEADER.strip().split(",")]
                 + [SHEET_ROW.format(n=n).strip().split(",") for n in range(5)])
    before = _counts(seeded)
    code, said = _run(seeded, capsys, "import-spreadsheet", path)
    assert (code, "sheet 'Tracker', has more than 3 rows" in said) == (2, True), said
    assert _counts(seeded) == before
