"""Returns of different collection years coded differently import together (issue 8 s1).

Issue 8 "Done when": a 2024-25 and a 2025-26 return, each with a previous year, import cleanly
together with older years coded 1/2. The 2024-25 and 2025-26 returns are the synthetic ones in
tests/data/903 (Header SEX M/F, as the DfE guide and validator rule 101 require from 2024-25);
the 2023-24 return is written here (SEX 1/2, as rule 101 requires up to 2023-24):
- C003 (1 = male): C2 in a residential care home (R1) from 01/05/2023, open at 31/03/2024;
  the same child is M in the 2024-25 and 2025-26 returns.
- C090 (2 = female): looked after 01/06/2023 to 01/12/2023, returned home (E4A).
- C091 (2 = female): in a semi-independent placement (H5) from 01/02/2024, still open; H5 ends
  with 2024-25 (rule 146), and a carried-over episode keeps the code it started with.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from permanence_tracker.domain import entities as e
from permanence_tracker.services.imports.ssda903 import import_903

TODAY = date(2026, 3, 31)
DATA = Path(__file__).parents[1] / "data" / "903"
EPISODES = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE\n"


def _return_2023_24(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "header.csv").write_text(
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
        "C003,1,01/03/2008,BAFR,,,\nC090,2,04/04/2012,WBRI,,,\nC091,2,09/09/2007,WOTH,,,\n")
    (folder / "episodes.csv").write_text(EPISODES + "\n".join([
        "C003,01/05/2023,S,C2,N1,R1,PR4,,,",
        "C090,01/06/2023,S,V2,N4,U6,PR1,01/12/2023,E4A,",
        "C091,01/02/2024,S,V2,N5,H5,PR4,,,",
    ]) + "\n")
    return folder


def _h5_carried_into(year_folder: Path) -> None:
    """C091's H5 episode, still open, in a later return (with its Header row, coded M/F/U)."""
    header = next(p for p in year_folder.iterdir() if p.name in ("hdr.csv", "children.csv"))
    header.write_text(header.read_text().rstrip("\n") + "\nC091,F,09/09/2007,WOTH,,,\n")
    episodes = next(p for p in year_folder.iterdir() if "eps" in p.name.lower()
                    or "episodes" in p.name.lower())
    text = episodes.read_text().rstrip("\n")
    columns = text.splitlines()[0].count(",") + 1
    cells = ["C091", "01/02/2024", "S", "V2", "N5", "H5", "PR4"]
    episodes.write_text(text + "\n" + ",".join(cells + [""] * (columns - len(cells))) + "\n")


@pytest.mark.parametrize("later", ["return_2024_25", "return_2025_26"])
def test_a_current_return_imports_cleanly_with_an_older_year_coded_1_2(context, tmp_path,
                                                                         later):
    old = _return_2023_24(tmp_path / "return_2023_24")
    new = Path(shutil.copytree(DATA / later, tmp_path / later))
    _h5_carried_into(new)
    result = import_903(context.uow, [old, new], TODAY)
    assert result.written and not result.rejections, [r.reason for r in result.rejections]
    with context.uow() as uow:
        repo = uow.repo
        assert (repo.child("C003").sex, repo.child("C090").sex, repo.child("C091").sex) == (
            "M", "F", "F")
        [h5] = repo.records(e.Episode, "C091")
        assert (h5.start, h5.placement, h5.end) == (date(2024, 2, 1), "H5", None)
        assert repo.child("C002").sex == "F"


def test_2_in_one_year_and_f_in_the_next_is_the_same_value(context, tmp_path):
    """Imported a year at a time: the later Header's F (and M) change nothing already stored
    from the earlier year's 2 (and 1)."""
    old = _return_2023_24(tmp_path / "return_2023_24")
    first = import_903(context.uow, [old], TODAY)
    assert first.written and not first.rejections
    with context.uow() as uow:
        assert uow.repo.child("C003").sex == "M"
    new = Path(shutil.copytree(DATA / "return_2024_25", tmp_path / "return_2024_25"))
    _h5_carried_into(new)
    second = import_903(context.uow, [new], TODAY)
    assert second.written and not second.rejections
    assert second.plan.counts["child"] == {"inserted": 3, "unchanged": 2}  # C003, C091 same


def test_a_1_2_code_in_a_2025_26_return_is_refused_and_nothing_written(context, tmp_path):
    """Rule 101 (2024-25 onwards): 1 is not a SEX code of the 2025-26 return."""
    new = Path(shutil.copytree(DATA / "return_2025_26", tmp_path / "return_2025_26"))
    children = new / "children.csv"
    children.write_text(children.read_text().replace("C007,M,", "C007,1,"))
    result = import_903(context.uow, [new], TODAY)
    assert not result.written
    [problem] = [r for r in result.rejections if not r.consequence]
    assert (problem.column, problem.value) == ("SEX", "1")
    assert "only up to 2023-24, but the row's dates fall in 2025-26" in problem.reason
