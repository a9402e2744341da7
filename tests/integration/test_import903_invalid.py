"""Invalid 903 rows: each kind reported with file, row, column, value and a reason saying how
to fix it; all-or-nothing by default; ``--skip-invalid`` writes the rest and a rejects CSV.

The return written by ``_bad_return`` (row numbers as a spreadsheet shows them, header = 1):
header.csv   2 K1..  valid children K1-K8 on rows 2-9; row 10 H1 SEX 3; row 11 H2 DOB 31/02;
             row 12 CHILD empty
episodes.csv 2 K1 LS XX; 3 K2 RNE Q; 4 K3 PLACE H5 in 2025-26 only; 5 K4 ends before it
             starts; 6-7 K5 two open episodes (7 overlaps 6); 8 K6 REC E43 (withdrawn after
             2018-19) and PLACE_PROVIDER PR9; 9 K7 REASON_PLACE_CHANGE BORED; 10 K8 valid;
             11 Z9 unknown child; 12 K8 DECOM missing
reviews.csv  2 K8 PN9; 3 Z9 unknown child; 4 K8 valid (ISO date); 5 H2 (Header rejected)
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from permanence_tracker import cli
from permanence_tracker.domain import entities as e
from permanence_tracker.services.imports.ssda903 import import_903

TODAY = date(2026, 3, 31)
EP_HEAD = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE\n"


def _bad_return(folder: Path) -> Path:
    folder.mkdir()
    header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n" + "".join(
        f"K{n},M,01/01/2015,WBRI,,,\n" for n in range(1, 9))  # 2025-26: SEX M/F/U (issue 8)
    header += "H1,3,01/01/2015,WBRI,,,\nH2,F,31/02/2015,WBRI,,,\n,M,01/01/2015,WBRI,,,\n"
    (folder / "header.csv").write_text(header)
    (folder / "episodes.csv").write_text(EP_HEAD + "\n".join([
        "K1,01/04/2025,S,XX,N1,U4,PR1,,,",
        "K2,01/04/2025,Q,C2,N1,U4,PR1,,,",
        "K3,01/05/2025,S,C2,N1,H5,PR1,,,",
        "K4,01/06/2025,S,C2,N1,U4,PR1,01/05/2025,E8,",
        "K5,01/04/2025,S,C2,N1,U4,PR1,,,",
        "K5,01/06/2025,P,C2,N1,U6,PR1,,,",
        "K6,01/04/2025,S,C2,N1,U4,PR9,01/06/2025,E43,",
        "K7,01/04/2025,S,C2,N1,U4,PR1,,,BORED",
        "K8,01/04/2025,S,C2,N1,U4,PR1,,,",
        "Z9,01/04/2025,S,C2,N1,U4,PR1,,,",
        "K8,,S,C2,N1,U4,PR1,,,",
    ]) + "\n")
    (folder / "reviews.csv").write_text(
        "CHILD,DOB,REVIEW,REVIEW_CODE\nK8,,01/05/2025,PN9\nZ9,,01/05/2025,PN1\n"
        "K8,,2025-06-01,PN1\nH2,,01/05/2025,PN1\n")
    return folder


# (file, row, column, value, words the reason must contain)
EXPECTED = [
    ("header.csv", 10, "SEX", "3", "not in the SEX list: use one of 1, 2, M, F, U"),
    ("header.csv", 11, "DOB", "31/02/2015", "not a real date (February 2015 has 28 days)"),
    ("header.csv", 12, "CHILD", "", "CHILD is required but empty: fill it in"),
    ("episodes.csv", 2, "LS", "XX", "not in the LS list: use one of C1, C2"),
    ("episodes.csv", 3, "RNE", "Q", "not in the RNE list: use one of S, L, P, T, B, U"),
    ("episodes.csv", 4, "PLACE", "H5", "only up to 2024-25, but the row's dates fall in 2025-26"),
    # DfE rule 356: DEC before DECOM is refused (DEC = DECOM is valid, issue 8 item 6).
    ("episodes.csv", 5, "DEC", "01/05/2025", "before it starts (01/06/2025): correct DEC"),
    ("episodes.csv", 7, "DECOM", "01/06/2025", "overlaps child K5's episode from 01/04/2025 "
     "to still open (bad/episodes.csv row 6)"),
    ("episodes.csv", 8, "PLACE_PROVIDER", "PR9", "not in the PLACE_PROVIDER list"),
    ("episodes.csv", 8, "REC", "E43", "only up to 2018-19"),
    ("episodes.csv", 9, "REASON_PLACE_CHANGE", "BORED", "not in the REASON_PLACE_CHANGE list"),
    ("episodes.csv", 11, "CHILD", "Z9", "in no Header file of this import and not in the "
     "database: include the child's Header row"),
    ("episodes.csv", 12, "DECOM", "", "DECOM is required but empty"),
    ("reviews.csv", 2, "REVIEW_CODE", "PN9", "not in the REVIEW_CODE list: use one of PN0"),
    ("reviews.csv", 3, "CHILD", "Z9", "in no Header file of this import"),
]
# Rejected only because a row they depend on was: K5 row 6 (its other episode overlaps),
# K8 row 10 (K8's row 12 is invalid), the review of H2 (its Header row is invalid).
CONSEQUENCES = [("episodes.csv", 6), ("episodes.csv", 10), ("reviews.csv", 5)]


def _found(result):
    return {(Path(r.row.file.name).name, r.row.number, r.column): r for r in result.rejections}


def test_each_kind_of_invalid_row_is_reported_and_nothing_is_written(context, tmp_path):
    result = import_903(context.uow, [_bad_return(tmp_path / "bad")], TODAY)
    found = _found(result)
    for file, row, column, value, reason in EXPECTED:
        problem = found.get((file, row, column))
        assert problem is not None, f"{file} row {row} {column} not reported"
        assert problem.value == value and not problem.consequence
        assert reason in problem.reason, problem.reason
    consequences = {(Path(r.row.file.name).name, r.row.number) for r in result.rejections
                    if r.consequence}
    assert consequences == set(CONSEQUENCES)
    assert len(result.rejections) == len(EXPECTED) + len(CONSEQUENCES)
    assert not result.written
    with context.uow() as uow:
        assert uow.repo.child_ids() == set()
        assert uow.repo.audit_trail("K8") == []


def test_skip_invalid_writes_the_valid_rows_and_a_rejects_file(context, tmp_path, capsys):
    folder = _bad_return(tmp_path / "bad")
    rejects = tmp_path / "rejected.csv"
    code = cli.main(["--db", context.url, "import-903", str(folder), "--skip-invalid",
                     "--rejects", str(rejects)])
    assert code == 0
    out = capsys.readouterr().out
    # 14 rows with problems of their own (episodes row 8 has two) + 3 consequences.
    assert "Rejected rows: 17" in out and "The valid rows were written" in out
    with context.uow() as uow:
        # K1-K4, K6 and K7 had one episode each, rejected; K5 and K8 lost all theirs.
        assert uow.repo.child_ids() == {f"K{n}" for n in range(1, 9)}
        assert uow.repo.records(e.Episode) == []
        [review] = uow.repo.records(e.Review)
        assert (review.child_id, review.held, review.participation) == (
            "K8", date(2025, 6, 1), "PN1")
    with rejects.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 17
    assert list(rows[0])[-4:] == ["file", "row", "column", "reason"]
    by_place = {(Path(r["file"]).name, r["row"]): r for r in rows}
    k6 = by_place[("episodes.csv", "8")]
    assert (k6["CHILD"], k6["DECOM"], k6["PLACE_PROVIDER"], k6["REC"]) == (
        "K6", "01/04/2025", "PR9", "E43")
    assert k6["column"] == "PLACE_PROVIDER; REC" or k6["column"] == "REC; PLACE_PROVIDER"
    assert by_place[("header.csv", "11")]["DOB"] == "31/02/2015"


def test_cli_exit_codes(context, tmp_path, capsys):
    folder = _bad_return(tmp_path / "bad")
    assert cli.main(["--db", context.url, "import-903", str(folder)]) == 1
    out = capsys.readouterr().out
    assert "Nothing was written" in out
    assert "bad/episodes.csv row 2 column LS ('XX'):" in out
    with context.uow() as uow:
        assert uow.repo.child_ids() == set()
    good = Path(__file__).parents[1] / "data" / "903"
    assert cli.main(["--db", context.url, "import-903", str(good)]) == 0
    out = capsys.readouterr().out
    assert "903/return_2025_26/eps.csv" in out and "Episodes" in out
    assert "skipped 903/return_2024_25/oc2.csv: OC2" in out
    assert cli.main(["--db", context.url, "import-903", str(tmp_path / "missing")]) == 2
    assert "does not exist" in capsys.readouterr().err


@pytest.mark.parametrize("stored_end", [None, date(2025, 7, 1)])
def test_an_episode_overlapping_a_stored_one_is_rejected(context, tmp_path, stored_end):
    with context.uow() as uow:
        uow.repo.add(e.Child("K1", date(2015, 1, 1), sex="M"))
        uow.repo.add(e.Episode("K1", date(2025, 4, 1), "S", "C2", end=stored_end,
                               rec="E8" if stored_end else ""))
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "e.csv").write_text(EP_HEAD + "K1,01/06/2025,S,C2,N1,U4,PR1,,,\n")
    result = import_903(context.uow, [folder], TODAY)
    [problem] = result.rejections
    assert (problem.row.number, problem.column) == (2, "DECOM")
    assert "already in the database" in problem.reason
