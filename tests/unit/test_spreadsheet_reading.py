"""Spreadsheet import, reading: sheets and row counts, cell values from every source format,
and a clear SpreadsheetError (what, where, how to fix) for every kind of bad file."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from permanence_tracker.services.imports.spreadsheet.reading import (
    RawSheet,
    SheetInfo,
    SpreadsheetError,
    list_sheets,
    read_sheet,
)


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def _ods(path: Path, rows: list[list[object]]) -> Path:
    """A minimal OpenDocument spreadsheet, written by hand (odfpy is not installed)."""
    def cell(value: object) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, date):
            return (f'<table:table-cell office:value-type="date" '
                    f'office:date-value="{value.isoformat()}"/>')
        if isinstance(value, int | float):
            return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                    f"<text:p>{value}</text:p></table:table-cell>")
        return (f'<table:table-cell office:value-type="string"><text:p>{value}</text:p>'
                "</table:table-cell>")
    body = "".join("<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
                   for row in rows)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Tracker">{body}'
        "</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


def _error(path: Path, sheet: str | None = None) -> SpreadsheetError:
    with pytest.raises(SpreadsheetError) as caught:
        read_sheet(path, sheet)
    return caught.value


# --- Workbooks ---------------------------------------------------------------------------------

def test_sheets_are_listed_with_their_non_blank_row_counts(tmp_path):
    path = _workbook(tmp_path / "tracker.xlsx", {
        "Notes": [["About this workbook"]],
        "Tracker": [["Child ID", "DOB"], [], ["A1", date(2015, 1, 2)], ["A2", date(2016, 3, 4)]],
        "Blank": [],
    })
    assert list_sheets(path) == (SheetInfo("Notes", 1), SheetInfo("Tracker", 3),
                                 SheetInfo("Blank", 0))


@pytest.mark.parametrize("suffix", [".xlsx", ".xlsm"])
def test_cells_keep_their_types_and_row_numbers(tmp_path, suffix):
    path = _workbook(tmp_path / f"tracker{suffix}", {"Tracker": [
        ["Tracker 2024-25"], [],
        ["Child ID", "DOB", "Reviews", "Looked after", "FTE", "Plan", "Sum", "Blank"],
        [12345, date(2015, 1, 2), 3, datetime(2020, 5, 6, 10, 30), 0.5, True, "=C4*2", "  "],
    ]})
    raw = read_sheet(path)
    assert raw.name == "Tracker"
    assert raw.rows[0][0] == "Tracker 2024-25"
    assert all(v is None for v in raw.rows[1])
    data = raw.rows[3]  # the sheet's row 4
    assert data[:6] == (12345, date(2015, 1, 2), 3, datetime(2020, 5, 6, 10, 30), 0.5, True)
    assert type(data[0]) is int and type(data[1]) is date
    # A formula is never run: openpyxl saved no cached value, so the cell reads as blank.
    assert data[6] is None and data[7] is None


def test_a_sheet_is_chosen_by_name_ignoring_case_and_spaces(tmp_path):
    path = _workbook(tmp_path / "t.xlsx", {"Cover": [["x"]], "Tracker": [["Child ID"], ["A1"]]})
    assert read_sheet(path, "Tracker").rows == (("Child ID",), ("A1",))
    assert read_sheet(path, " tracker ").name == "Tracker"
    assert read_sheet(path).name == "Cover"  # by default the first sheet that holds anything


def test_a_missing_sheet_names_the_sheets_there_are(tmp_path):
    path = _workbook(tmp_path / "t.xlsx", {"Cover": [["x"]], "Tracker": [["y"]]})
    message = str(_error(path, "Children"))
    assert "no sheet called 'Children'" in message and "'Cover', 'Tracker'" in message


def test_an_ods_workbook_is_read_with_its_dates(tmp_path):
    path = _ods(tmp_path / "tracker.ods", [["Child ID", "DOB", "Reviews"],
                                           ["A1", date(2015, 1, 2), 3]])
    assert list_sheets(path) == (SheetInfo("Tracker", 2),)
    assert read_sheet(path) == RawSheet("Tracker", (("Child ID", "DOB", "Reviews"),
                                                    ("A1", date(2015, 1, 2), 3)))


@pytest.mark.skip(reason="no .xls writer is installed (xlwt is unmaintained and not a dependency);"
                         " .xls goes through the same python-calamine path as .ods and .xlsx")
def test_an_xls_workbook_is_read():  # pragma: no cover
    pass


# --- CSV ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("encoding", "delimiter"), [
    ("utf-8", ","), ("utf-8-sig", ","), ("cp1252", ","), ("utf-8-sig", ";"), ("cp1252", "\t"),
    ("utf-16", "\t"),
])
def test_csv_in_each_encoding_and_delimiter(tmp_path, encoding, delimiter):
    lines = ["Looked-after children tracker", "",
             delimiter.join(["Child ID", "Forename", "Date of birth", "Comments"]),
             delimiter.join(["A1", "Renée", "02/01/2015", '"Placed with aunt; then, foster"']),
             delimiter.join(["A2", "José", "2016-03-04", "£20 allowance"])]
    path = tmp_path / "Tracker é.csv"
    path.write_bytes("\r\n".join(lines).encode(encoding))
    assert list_sheets(path) == (SheetInfo("Tracker é", 4),)
    raw = read_sheet(path)
    assert raw.name == "Tracker é"
    assert raw.rows[0] == ("Looked-after children tracker",)
    assert raw.rows[1] == ()
    assert raw.rows[2] == ("Child ID", "Forename", "Date of birth", "Comments")
    assert raw.rows[3] == ("A1", "Renée", "02/01/2015", "Placed with aunt; then, foster")
    assert raw.rows[4] == ("A2", "José", "2016-03-04", "£20 allowance")


def test_a_csv_utf8_bom_is_not_part_of_the_first_header(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes("Child ID,DOB\nA1,02/01/2015\n".encode("utf-8-sig"))
    assert read_sheet(path).rows[0][0] == "Child ID"


def test_a_csv_has_one_sheet(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("Child ID,DOB\nA1,x\n", encoding="utf-8")
    assert read_sheet(path, "t").name == "t"
    assert "one sheet ('t'), not 'Tracker'" in str(_error(path, "Tracker"))


# --- Bad files ---------------------------------------------------------------------------------

def test_a_truncated_workbook(tmp_path):
    whole = _workbook(tmp_path / "whole.xlsx", {"Tracker": [["Child ID"], ["A1"]]})
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[:1500])
    for call in (read_sheet, list_sheets):
        with pytest.raises(SpreadsheetError, match="cut.xlsx is incomplete: the file ends early"):
            call(cut)


def test_a_password_protected_workbook(tmp_path):
    path = tmp_path / "locked.xlsx"  # an encrypted OOXML file is an OLE compound document
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    message = str(_error(path))
    assert message.startswith("locked.xlsx is protected with a password")
    assert "remove the password (File > Info > Protect Workbook), save, and import again" in message


@pytest.mark.parametrize(("content", "what"), [
    (b"%PDF-1.7\n%binary", "is a PDF document renamed .xlsx"),
    (b"Child ID,DOB\nA1,02/01/2015\n", "is not a workbook (perhaps a text file or web page)"),
])
def test_not_a_workbook_at_all(tmp_path, content, what):
    path = tmp_path / "tracker.xlsx"
    path.write_bytes(content)
    message = str(_error(path))
    assert f"tracker.xlsx {what}" in message and "save it as .xlsx" in message


def test_an_xls_name_on_something_else(tmp_path):
    text = tmp_path / "old.xls"
    text.write_bytes(b"<html><body>report</body></html>")
    assert "old.xls is not a workbook (perhaps a text file or web page) renamed .xls" in str(
        _error(text))
    modern = _workbook(tmp_path / "modern.xlsx", {"Tracker": [["x"]]}).rename(
        tmp_path / "modern.xls")
    assert "modern.xls is a different kind of file" in str(_error(modern))


def test_a_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "tracker.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "tracker.xlsx is damaged or is not a .xlsx workbook" in str(_error(path))


def test_a_binary_file_renamed_csv(tmp_path):
    path = tmp_path / "tracker.csv"
    path.write_bytes(b"%PDF-1.7\n\x00\x01")
    assert "tracker.csv is not a CSV text file" in str(_error(path))


def test_an_enormous_cell_says_where_it_is(tmp_path):
    # openpyxl (like Excel) cuts a cell at 32,767 characters, so the saved text is lengthened
    # in the sheet's XML, as another program might have written it.
    written = _workbook(tmp_path / "written.xlsx", {"Tracker": [["Child ID", "Comments"],
                                                                ["A1", "x" * 40_000]]})
    path = tmp_path / "big.xlsx"
    with zipfile.ZipFile(written) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            target.writestr(name, source.read(name).replace(b"x" * 32_767, b"x" * 40_000))
    error = _error(path)
    assert str(error).startswith("big.xlsx, sheet 'Tracker', row 2, column B: the cell holds "
                                 "40,000 characters, more than the 32,767")
    assert (error.sheet, error.row, error.column) == ("Tracker", 2, "B")


def test_an_enormous_csv_value_says_where_it_is(tmp_path):
    path = tmp_path / "big.csv"
    path.write_text("Child ID,Comments\nA1,ok\nA2," + "y" * 33_000 + "\n", encoding="utf-8")
    assert "big.csv, sheet 'big', row 3, column B: the cell holds 33,000" in str(_error(path))


def test_an_empty_sheet(tmp_path):
    path = _workbook(tmp_path / "t.xlsx", {"Tracker": [["Child ID"]], "Blank": []})
    assert str(_error(path, "Blank")).startswith("sheet 'Blank' of t.xlsx is empty")
    empty = _workbook(tmp_path / "empty.xlsx", {"Blank": []})
    assert "empty.xlsx holds no data: every sheet is empty" in str(_error(empty))


def test_an_empty_file(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"")
    assert "t.csv is empty (0 bytes)" in str(_error(path))


def test_a_file_that_does_not_exist(tmp_path):
    path = tmp_path / "nowhere.xlsx"
    assert str(_error(path)) == f"{path} does not exist: check the folder and the file name"
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    assert str(_error(folder)).startswith(f"{folder} is a folder, not a file")


def test_a_file_that_cannot_be_read(tmp_path, monkeypatch):
    path = _workbook(tmp_path / "t.xlsx", {"Tracker": [["x"]]})
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)  # tests run as root, so chmod would not stop it
    message = str(_error(path))
    assert message.startswith(f"{path} cannot be read (Permission denied)")
    assert "close it" in message


@pytest.mark.parametrize("name", ["tracker.pdf", "tracker.numbers", "tracker"])
def test_an_unknown_extension(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"anything")
    message = str(_error(path))
    assert "the import reads .xlsx, .xlsm, .xls, .ods, .csv files" in message
    with pytest.raises(SpreadsheetError):
        list_sheets(path)
