"""One 903 file giving the same record twice is refused (services/imports/ssda903/checks.py
``UNIQUE``): every such row is rejected with the child, the rows and how to fix it, and
nothing is written. The same record in two files (two years' returns) is still folded.
Invented children (K1, K2) only.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from permanence_tracker.services.imports.ssda903 import import_903

TODAY = date(2026, 3, 31)
HEADER = ("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nK1,M,01/01/2015,WBRI,,,\n"
          "K2,F,01/01/2016,WBRI,,,\n")
EPISODE = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE\n"

# table: (file, columns, first row, second row with the same key, the key's column (the one
# named in the rejection), a value of it that makes a different record, words of the reason)
CASES = {
    "Header": ("header.csv", None, "K1,M,01/01/2015,WBRI,,,", "K1,F,02/02/2016,WBRI,,,",
               "CHILD", "K3", "child K1 is in this file twice (rows 2 and 4): a return holds "
               "one Header row per child; keep one of these rows and delete the others, or "
               "correct CHILD in the one that is wrong"),
    "UASC": ("uasc.csv", "CHILD,SEX,DOB,DUC", "K1,M,01/01/2015,01/01/2033",
             "K1,M,01/01/2015,01/01/2033", "CHILD", "K2",
             "child K1 is in this file twice (rows 2 and 3): a return holds one UASC row per "
             "child"),
    "PrevPerm": ("prevperm.csv", "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM", "K1,,Z1,,",
                 "K1,,P1,,zz/05/2014", "CHILD", "K2", "one PrevPerm row per child"),
    "Episodes": ("episodes.csv", EPISODE.strip(), "K1,01/04/2025,S,C2,N1,U4,PR1,01/05/2025,X1,",
                 "K1,01/04/2025,P,C2,N1,U6,PR1,,,", "DECOM", "01/05/2025",
                 "an episode of child K1 starting 01/04/2025 is in this file twice (rows 2 "
                 "and 3): a child's episodes may not overlap, so only one starts on a day; "
                 "keep one of these rows and delete the others, or correct DECOM in the one "
                 "that is wrong"),
    "Reviews": ("reviews.csv", "CHILD,DOB,REVIEW,REVIEW_CODE", "K1,,01/05/2025,PN1",
                "K1,,01/05/2025,PN4", "REVIEW", "02/05/2025",
                "a review of child K1 held 01/05/2025 is in this file twice"),
    "AD1": ("ad1.csv", "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,"
            "LS_ADOPTR", "K1,,01/05/2025,,0,,,", "K1,,01/05/2025,,1,,,", "DATE_INT",
            "01/06/2025", "an adoption decision of child K1 of 01/05/2025 is in this file "
            "twice (rows 2 and 3): each decision is one AD1 row (DfE rules 523 and 579)"),
    "PlacedAdoption": ("placed.csv", "CHILD,DOB,DATE_PLACED,DATE_PLACED_CEASED,"
                       "REASON_PLACED_CEASED", "K1,,01/05/2025,,", "K1,,01/05/2025,,",
                       "DATE_PLACED", "01/06/2025", "(DfE rule 579)"),
    "Missing": ("missing.csv", "CHILD,DOB,MISSING,MIS_START,MIS_END", "K1,,M,01/05/2025,"
                "02/05/2025", "K1,,M,01/05/2025,03/05/2025", "MIS_START", "03/05/2025",
                "a missing or away period of child K1 starting 01/05/2025 M is in this file "
                "twice (rows 2 and 3): such periods may not overlap (DfE rule 574); keep one "
                "of these rows and delete the others, or correct MIS_START or MISSING"),
    "SWEpisodes": ("sw.csv", "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON",
                   "K1,,SW1,01/05/2025,,", "K1,,SW2,01/05/2025,,", "SW_DECOM", "01/06/2025",
                   "a social worker episode of child K1 starting 01/05/2025 is in this file "
                   "twice (rows 2 and 3): two may not start on the same date (DfE rule "
                   "SW19STG2)"),
}


def _return(folder: Path, table: str, second: str) -> Path:
    """A 2025-26 return: the Header (K1, K2; for the Header case K1 again on row 4), and the
    table's file with its first row and ``second``."""
    name, columns, first, _, _, _, _ = CASES[table]
    folder.mkdir(parents=True)
    if table == "Header":
        (folder / name).write_text(HEADER + second + "\n")
    else:
        (folder / "header.csv").write_text(HEADER)
        (folder / name).write_text(f"{columns}\n{first}\n{second}\n")
    return folder


@pytest.mark.parametrize("table", list(CASES))
def test_a_record_twice_in_one_file_is_refused(context, tmp_path, table):
    name, _, _, second, column, _, words = CASES[table]
    result = import_903(context.uow, [_return(tmp_path / "2025-26", table, second)], TODAY)
    assert not result.written
    own = [r for r in result.rejections if not r.consequence]
    rows = [2, 4] if table == "Header" else [2, 3]  # the Header's K2 is on row 3
    assert [(r.row.file.name.split("/")[-1], r.row.number, r.column) for r in own] == [
        (name, number, column) for number in rows], [str(r) for r in result.rejections]
    for rejection in own:
        assert words in rejection.reason, rejection.reason
    with context.uow() as uow:
        assert uow.histories() == []  # nothing written


@pytest.mark.parametrize("table", list(CASES))
def test_two_different_records_in_one_file_are_not_duplicates(context, tmp_path, table):
    _, _, first, second, column, other, _ = CASES[table]
    cells = second.split(",")
    columns = (HEADER if table == "Header" else CASES[table][1]).splitlines()[0].split(",")
    cells[columns.index(column)] = other
    result = import_903(context.uow, [_return(tmp_path / "2025-26", table, ",".join(cells))],
                        TODAY, dry_run=True)
    assert result.rejections == [], [str(r) for r in result.rejections]


def test_the_same_child_in_two_years_returns_is_folded_not_refused(context, tmp_path):
    for year, sex in (("2024-25", "M"), ("2025-26", "F")):
        folder = tmp_path / "returns" / year
        folder.mkdir(parents=True)
        (folder / "header.csv").write_text(HEADER.replace("K1,M", f"K1,{sex}"))
    result = import_903(context.uow, [tmp_path / "returns"], TODAY)
    assert result.written and result.rejections == []
    with context.uow() as uow:
        sexes = {h.child.child_id: h.child.sex for h in uow.histories()}
    assert sexes == {"K1": "F", "K2": "F"}  # the later return wins (merge.py)
