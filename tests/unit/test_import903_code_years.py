"""903 import: each row's codes are checked for the collection year of the return it came from.

Issue 8 s1 and s2.6: check each row against the lists of its return's collection year (a
return is dated by its latest event date, services/imports/ssda903/reader.py); an open episode
carried into later returns keeps the code it started with; REC is checked against its list;
SEX is 1/2 up to 2023-24 and M/F/U from 2024-25 and is stored canonical (M/F/U).
Lists: validator rules 101 (SEX), 146 (PLACE: H5/P2/Z1 end with 2024-25, K3 from 2024-25,
Z11-Z14 from 2025-26) and 149 (REC: E45-E48; E43/E44 up to 2018-19).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from permanence_tracker.services.imports.ssda903.parse import parse_files
from permanence_tracker.services.imports.ssda903.reader import read_files

TODAY = date(2026, 3, 31)
HEADER = "CHILD,SEX,DOB,ETHNIC\n"
EPISODES = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\n"


def _return(folder: Path, header: str, episodes: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "header.csv").write_text(HEADER + header)
    (folder / "episodes.csv").write_text(EPISODES + episodes)
    return folder


def _parse(*folders: Path):
    files, _ = read_files(list(folders), TODAY)
    facts, rejections = parse_files(files, TODAY)
    return facts, {(r.row.file.name, r.row.number, r.column): r.reason for r in rejections}


def test_sex_1_2_in_a_2023_24_return_and_m_f_u_from_2024_25_are_stored_canonical(tmp_path):
    """Rule 101: 1/2 in 2023-24 (dated by DECOM 01/05/2023), M/F/U in 2024-25 and 2025-26."""
    old = _return(tmp_path / "r2024", "A,1,01/01/2015,WBRI\nB,2,01/01/2015,WBRI\n",
                  "A,01/05/2023,S,C2,N1,U4,PR1,,\nB,01/05/2023,S,C2,N1,U4,PR1,,\n")
    mid = _return(tmp_path / "r2025", "A,M,01/01/2015,WBRI\nB,F,01/01/2015,WBRI\n",
                  "A,01/05/2023,S,C2,N1,U4,PR1,01/06/2024,E8\n")
    new = _return(tmp_path / "r2026", "C,U,01/01/2015,WBRI\n",
                  "C,01/05/2025,S,C2,N1,U4,PR1,,\n")
    facts, problems = _parse(old, mid, new)
    assert problems == {}
    sexes = sorted((f.key[0], f.row.file.year, f.fields["sex"])
                   for f in facts if f.kind == "child")
    assert sexes == [("A", 2024, "M"), ("A", 2025, "M"), ("B", 2024, "F"), ("B", 2025, "F"),
                     ("C", 2026, "U")]


def test_a_sex_code_of_the_wrong_year_is_refused_with_the_year_s_codes(tmp_path):
    """Folders named for their collection year ("2023-24") date the return exactly."""
    old = _return(tmp_path / "r2023-24", "A,M,01/01/2015,WBRI\nB,U,01/01/2015,WBRI\n",
                  "A,01/05/2023,S,C2,N1,U4,PR1,,\n")
    new = _return(tmp_path / "r2025_26", "C,2,01/01/2015,WBRI\nD,3,01/01/2015,WBRI\n",
                  "C,01/05/2025,S,C2,N1,U4,PR1,,\n")
    _, problems = _parse(old, new)
    assert set(problems) == {("r2023-24/header.csv", 2, "SEX"),
                             ("r2023-24/header.csv", 3, "SEX"),
                             ("r2025_26/header.csv", 2, "SEX"), ("r2025_26/header.csv", 3, "SEX")}
    assert problems[("r2023-24/header.csv", 2, "SEX")] == (
        "'M' is in the SEX list only from 2024-25, but the row's dates fall in 2023-24: use a "
        "code of that year (1, 2)")
    assert "only from 2024-25" in problems[("r2023-24/header.csv", 3, "SEX")]  # U
    assert problems[("r2025_26/header.csv", 2, "SEX")] == (
        "'2' is in the SEX list only up to 2023-24, but the row's dates fall in 2025-26: use a "
        "code of that year (M, F, U)")
    assert "'3' is not in the SEX list" in problems[("r2025_26/header.csv", 3, "SEX")]


def test_uasc_sex_is_checked_and_stored_canonical(tmp_path):
    folder = _return(tmp_path / "r2026", "A,M,01/01/2010,WBRI\n", "A,01/05/2025,S,V2,N8,U6,PR1,,\n")
    (folder / "uasc.csv").write_text("CHILD,SEX,DOB,DUC\nA,m,01/01/2010,01/01/2028\n"
                                     "A,1,01/01/2010,01/01/2028\n")
    facts, problems = _parse(folder)
    assert [f.fields["sex"] for f in facts if f.row.file.table == "UASC"] == ["M"]
    assert list(problems) == [("r2026/uasc.csv", 3, "SEX")]


def test_an_open_episode_carried_over_keeps_the_code_it_started_with(tmp_path):
    """H5 ends with 2024-25 (rule 146): an episode started in 2023-24 with H5 and still open
    in the 2025-26 return is accepted; one started in 2025-26 with H5 is refused; a carried
    episode recoded to the 2025-26 code (Z11) is accepted too."""
    folder = _return(tmp_path / "r2026",
                     "A,M,01/01/2010,WBRI\nB,F,01/01/2010,WBRI\nC,F,01/01/2010,WBRI\n",
                     "A,01/05/2023,S,C2,N1,H5,PR4,,\n"
                     "B,01/05/2025,S,C2,N1,H5,PR4,,\n"
                     "C,01/05/2023,S,C2,N1,Z11,,,\n")
    facts, problems = _parse(folder)
    assert sorted(f.key[0] for f in facts if f.kind == "episode") == ["A", "C"]
    assert list(problems) == [("r2026/episodes.csv", 3, "PLACE")]
    assert "only up to 2024-25, but the row's dates fall in 2025-26" in \
        problems[("r2026/episodes.csv", 3, "PLACE")]


def test_a_code_not_yet_valid_when_the_return_was_made_is_refused(tmp_path):
    """K3 starts in 2024-25 and Z11 in 2025-26 (rule 146): neither is in a 2023-24 return."""
    folder = _return(tmp_path / "r2024", "A,1,01/01/2010,WBRI\nB,2,01/01/2010,WBRI\n",
                     "A,01/05/2023,S,C2,N1,K3,PR4,,\nB,01/06/2023,S,C2,N1,Z11,,,\n")
    _, problems = _parse(folder)
    assert "only from 2024-25, but the row's dates fall in 2023-24" in \
        problems[("r2024/episodes.csv", 2, "PLACE")]
    assert "only from 2025-26" in problems[("r2024/episodes.csv", 3, "PLACE")]


def test_rec_is_checked_against_its_list_for_the_year_the_episode_ends(tmp_path):
    """REC (rule 149): E43 was withdrawn after 2018-19; E99 was never a code; E45 is valid."""
    folder = _return(tmp_path / "r2026",
                     "A,M,01/01/2010,WBRI\nB,F,01/01/2010,WBRI\nC,F,01/01/2010,WBRI\n",
                     "A,01/05/2025,S,C2,N1,U4,PR1,01/06/2025,E43\n"
                     "B,01/05/2025,S,C2,N1,U4,PR1,01/06/2025,E99\n"
                     "C,01/05/2025,S,C2,N1,U4,PR1,01/06/2025,E45\n")
    facts, problems = _parse(folder)
    assert [f.key[0] for f in facts if f.kind == "episode"] == ["C"]
    assert "only up to 2018-19" in problems[("r2026/episodes.csv", 2, "REC")]
    assert "'E99' is not in the REC list" in problems[("r2026/episodes.csv", 3, "REC")]


def test_a_header_with_no_dates_beside_several_returns_is_not_held_to_a_guessed_year(tmp_path):
    """Several returns side by side in one folder are dated file by file; a Header has no
    event dates of its own, so its year is only a guess: its SEX may be any year's code."""
    tmp_path.joinpath("eps_2024.csv").write_text(EPISODES + "A,01/05/2023,S,C2,N1,U4,PR1,,\n")
    tmp_path.joinpath("eps_2026.csv").write_text(EPISODES + "B,01/05/2025,S,C2,N1,U4,PR1,,\n")
    tmp_path.joinpath("hdr_2024.csv").write_text(HEADER + "A,1,01/01/2010,WBRI\n")
    tmp_path.joinpath("hdr_2026.csv").write_text(HEADER + "B,F,01/01/2010,WBRI\n")
    facts, problems = _parse(tmp_path)
    assert problems == {}
    assert sorted(f.fields["sex"] for f in facts if f.kind == "child") == ["F", "M"]


def test_a_return_without_an_event_in_its_own_year_takes_its_year_from_its_name(tmp_path):
    """Issue 8 s1: a 2024-25 return (M/F) whose only episode began in 2023-24 and is still
    open has no event dated in 2024-25; its folder's name says the year, so F is accepted."""
    named = _return(tmp_path / "return_2024_25", "A,F,01/01/2015,WBRI\n",
                    "A,01/02/2024,S,C2,N1,U4,PR1,,\n")
    facts, problems = _parse(named)
    assert problems == {}
    assert [(f.row.file.year, f.fields["sex"]) for f in facts if f.kind == "child"] == [
        (2025, "F")]


def test_an_unnamed_return_dated_only_by_earlier_events_may_be_a_later_year(tmp_path):
    """With no year in any name, the latest event (01/02/2024, in 2023-24) says only that the
    return is 2023-24 or later (up to the year of today, 2025-26): its Header's SEX may be
    coded for any of those years, 2 or F alike; a code of no such year is still refused."""
    unnamed = _return(tmp_path / "la", "A,F,01/01/2015,WBRI\nB,2,01/01/2015,WBRI\n"
                      "C,9,01/01/2015,WBRI\n", "A,01/02/2024,S,C2,N1,U4,PR1,,\n")
    facts, problems = _parse(unnamed)
    assert set(problems) == {("la/header.csv", 4, "SEX")}
    assert sorted(f.fields["sex"] for f in facts if f.kind == "child") == ["F", "F"]
