"""903 import, without a database: recognising tables, reading cells, code lists by year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from permanence_tracker.services import reference
from permanence_tracker.services.imports.ssda903.model import ImportInputError
from permanence_tracker.services.imports.ssda903.parse import parse_files
from permanence_tracker.services.imports.ssda903.reader import read_files
from permanence_tracker.services.imports.ssda903.tables import normalise_column, recognise
from permanence_tracker.services.imports.ssda903.values import parse_date

TODAY = date(2026, 3, 31)
DATA = Path(__file__).parents[1] / "data" / "903"


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize(("columns", "table"), [
    ("CHILD SEX DOB ETHNIC UPN MOTHER MC_DOB", "Header"),
    ("CHILD SEX DOB DUC", "UASC"),
    ("CHILD DOB REVIEW REVIEW_CODE", "Reviews"),
    ("CHILD DECOM RNE LS CIN PLACE PLACE_PROVIDER DEC REC REASON_PLACE_CHANGE HOME_POST "
     "PL_POST URN", "Episodes"),
    ("CHILD DOB DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR", "AD1"),
    ("CHILD DOB DATE_PLACED DATE_PLACED_CEASED REASON_PLACED_CEASED", "PlacedAdoption"),
    ("CHILD DOB PREV_PERM LA_PERM DATE_PERM", "PrevPerm"),
    ("CHILD DOB MISSING MIS_START MIS_END", "Missing"),
    ("CHILD DOB SW_ID SW_DECOM SW_DEC SW_REASON", "SWEpisodes"),
    ("CHILD DOB IN_TOUCH ACTIV ACCOM", "OC3"),
    ("CHILD DOB DOLO_START DOLO_END", "DoLo"),
])
def test_tables_are_recognised_by_their_columns(columns, table):
    assert recognise(set(columns.split())).name == table


def test_unrelated_columns_are_no_table():
    assert recognise({"NOTE", "AUTHOR"}) is None
    assert recognise({"CHILD", "DOB"}) is None


def test_header_spelling_is_tolerated():
    assert normalise_column("\ufeff Date int ") == "DATE_INT"
    assert normalise_column("place-provider") == "PLACE_PROVIDER"


def test_files_are_found_by_columns_whatever_their_names(tmp_path):
    _write(tmp_path / "ret" / "Copy of export (2).CSV",
           "\ufeffchild, Review ,review_code,dob\nA1,01/05/2025,PN1,01/01/2015\n")
    _write(tmp_path / "ret" / "something.csv", "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n")
    _write(tmp_path / "ret" / "readme.txt", "not a csv")
    files, skipped = read_files([tmp_path / "ret"], TODAY)
    assert [(f.table, f.name) for f in files] == [("Reviews", "ret/Copy of export (2).CSV")]
    assert files[0].rows[0].values["REVIEW"] == "01/05/2025"
    assert [(s.table, s.name) for s in skipped] == [("OC3", "ret/something.csv")]


def test_windows_1252_files_are_read(tmp_path):
    path = _write(tmp_path / "h.csv", "CHILD,SEX,DOB,ETHNIC,UPN\nJos\u00e9,1,01/01/2015,WBRI,\n",
                  "cp1252")
    files, _ = read_files([path], TODAY)
    assert files[0].rows[0].values["CHILD"] == "Jos\u00e9"


def test_a_missing_path_is_refused(tmp_path):
    with pytest.raises(ImportInputError, match="does not exist"):
        read_files([tmp_path / "nowhere"], TODAY)


def test_each_return_folder_is_dated_by_its_latest_event():
    files, _ = read_files([DATA], TODAY)
    years = {(f.path.parent.name, f.table): f.year for f in files}
    # Latest event 2024-25 folder: review 10/03/2025; 2025-26 folder: DECOM 16/03/2026.
    assert years[("return_2024_25", "Header")] == 2025
    assert years[("return_2025_26", "Header")] == 2026
    assert years[("return_2025_26", "UASC")] == 2026


def test_several_years_side_by_side_are_dated_file_by_file(tmp_path):
    head = "CHILD,DOB,REVIEW,REVIEW_CODE\n"
    _write(tmp_path / "r_a.csv", head + "A1,01/01/2015,01/05/2024,PN1\n")
    _write(tmp_path / "r_b.csv", head + "A1,01/01/2015,01/02/2026,PN1\n")
    files, _ = read_files([tmp_path], TODAY)
    assert [f.year for f in files] == [2025, 2026]


@pytest.mark.parametrize(("text", "expected"), [
    ("31/03/2026", date(2026, 3, 31)), ("1/4/2025", date(2025, 4, 1)),
    ("2025-04-01", date(2025, 4, 1)), ("29/02/2024", date(2024, 2, 29)),
    ("31/02/2025", None), ("29/02/2025", None), ("12/13/2025", None), ("01/04/25", None),
    ("tomorrow", None),
])
def test_dates(text, expected):
    assert parse_date(text) == expected


def test_code_lists_change_by_collection_year():
    assert "H5" in reference.codes("PLACE", 2025) and "H5" not in reference.codes("PLACE", 2026)
    assert "Z11" in reference.codes("PLACE", 2026) and "Z11" not in reference.codes("PLACE", 2025)
    assert "E43" in reference.codes("REC", 2019) and "E43" not in reference.codes("REC", 2020)
    assert "E45" in reference.codes("REC", 2020) and "E45" not in reference.codes("REC", 2019)
    assert set(reference.codes("PLACE_PROVIDER")) == {f"PR{n}" for n in range(6)}
    assert set(reference.codes("CIN")) == {f"N{n}" for n in range(1, 9)}  # validator rule 145
    assert set(reference.codes("REVIEW_CODE")) == {f"PN{n}" for n in range(8)}
    assert reference.collection_year(date(2025, 4, 1)) == 2026
    assert reference.collection_year(date(2025, 3, 31)) == 2025


def test_a_code_is_checked_in_its_return_year_or_the_year_the_episode_started(tmp_path):
    """Issue 8 s1: each row is checked against its return's year (here 2025-26, from its
    latest date); an episode carried over from an earlier year keeps the code it started with.
    PLACE H5 ends with 2024-25 (validator lac2025_26 rule 146)."""
    head = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\n"
    path = _write(tmp_path / "e.csv", head +
                  "A,01/02/2025,S,C2,N1,H5,PR1,01/05/2025,E8\n"   # started 2024-25: ok
                  "B,01/05/2025,S,C2,N1,H5,PR1,,\n"               # 2025-26 only: H5 withdrawn
                  "C,01/05/2025,S,C2,N1,Z11,PR1,,\n")             # Z11 new in 2025-26: ok
    files, _ = read_files([path], TODAY)
    facts, rejections = parse_files(files, TODAY)
    assert [f.key[0] for f in facts] == ["A", "C"]
    [problem] = rejections
    assert (problem.row.number, problem.column, problem.value) == (3, "PLACE", "H5")
    assert "up to 2024-25" in problem.reason and "2025-26" in problem.reason


def test_partial_previous_permanence_dates(tmp_path):
    path = _write(tmp_path / "p.csv", "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\n"
                  "A,,P1,201,zz/05/2019\nB,,p3,,zz/zz/2018\nC,,P2,,03/04/2017\nD,,Z1,,\n"
                  "E,,P2,,05/zz/2018\nF,,P9,,\n")
    files, _ = read_files([path], TODAY)
    facts, rejections = parse_files(files, TODAY)
    got = {f.key[0]: (f.fields["kind"], f.fields["year"], f.fields["month"], f.fields["day"])
           for f in facts}
    assert got == {"A": ("P1", 2019, 5, None), "B": ("P3", 2018, None, None),
                   "C": ("P2", 2017, 4, 3), "D": ("Z1", None, None, None)}
    assert [(r.row.number, r.column) for r in rejections] == [(6, "DATE_PERM"),
                                                               (7, "PREV_PERM")]


def test_a_row_with_extra_cells_is_invalid(tmp_path):
    path = _write(tmp_path / "r.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\nA,,01/05/2025,PN1,oops\n")
    files, _ = read_files([path], TODAY)
    _, [problem] = parse_files(files, TODAY)
    assert "5 values but the header has 4 columns" in problem.reason
