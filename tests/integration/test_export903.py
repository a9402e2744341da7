"""903 export (issue 8 §4): the DfE files of one collection year, all or nothing.

The clean synthetic returns in tests/data/903_clean (DfE file names and columns, checked by
hand against the DfE validator's rules) hold two collection years, 2024-25 and 2025-26.
Worked by hand for 2025-26 (1 April 2025 to 31 March 2026, DfE SSDA903 guidance):
- C006 was adopted on 01/12/2025 (E11): an AD1 row (rules 601/602) with the decision of
  10/02/2025, which is also PlacedAdoption DATE_PLACED (rule 523).
- C006's C1 and C2 episodes ended before 1 April 2025: not in the 2025-26 Episodes.
- Only children who started to be looked after in the year (RNE S) have PrevPerm rows
  (rule 634; C002 and C006 changed placement or legal status in 2025-26 and have none).
- In the 2024-25 export, C002's episode (ended 02/06/2025, after that year) is open: DEC and
  REC blank, as the 2024-25 return had it.
"""

from __future__ import annotations

import csv
import os
from datetime import date
from pathlib import Path

import pytest

from permanence_tracker.domain.entities import Child, Episode
from permanence_tracker.services.exports.ssda903.layout import COLUMNS, FILE_NAMES
from permanence_tracker.services.exports.ssda903.service import ExportYearError, export_903
from permanence_tracker.services.exports.ssda903.writer import ExportFolderError
from permanence_tracker.services.imports.ssda903 import import_903
from permanence_tracker.services.records import editing as records

TODAY = date(2026, 12, 3)
CLEAN = Path(__file__).parents[1] / "data" / "903_clean"
YEAR1, YEAR2 = CLEAN / "return_2024_25", CLEAN / "return_2025_26"


def _rows(path: Path) -> tuple[list[str], set[tuple[str, ...]]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        return header, {tuple(r) for r in reader}


@pytest.fixture
def imported(context):
    result = import_903(context.uow, [YEAR1, YEAR2], TODAY)
    assert result.written and not result.rejections, [str(r) for r in result.rejections]
    return context


@pytest.mark.parametrize("year, folder", [(2026, YEAR2), (2025, YEAR1)])
def test_round_trip_gives_back_the_same_rows(imported, tmp_path, year, folder):
    """Issue 8 §4: a clean return imported with the one before exports back to the same
    rows, order aside (DfE file names, column names and order, dd/mm/YYYY dates)."""
    result = export_903(imported.uow, year, tmp_path / "out", TODAY)
    assert [f.path.name for f in result.files] == list(FILE_NAMES.values())
    for table, name in FILE_NAMES.items():
        header, exported = _rows(tmp_path / "out" / name)
        assert header == list(COLUMNS[table])
        original = _rows(folder / name)[1] if (folder / name).exists() else set()
        assert exported == original, table


def test_rows_of_the_year(imported, tmp_path):
    """DfE SSDA903 guidance as the validator encodes it: AD1 only for children adopted in
    the year (rule 602); an episode ended after 31 March is open in that year's return."""
    export_903(imported.uow, 2025, tmp_path / "y1", TODAY)
    _, episodes = _rows(tmp_path / "y1" / "episodes.csv")
    c002 = [r for r in episodes if r[0] == "C002"]
    assert [(r[1], r[7], r[8]) for r in c002] == [("06/01/2025", "", "")]
    assert _rows(tmp_path / "y1" / "ad1.csv")[1] == set()
    export_903(imported.uow, 2026, tmp_path / "y2", TODAY)
    assert {r[0] for r in _rows(tmp_path / "y2" / "prev_perm.csv")[1]} == {
        "C004", "C005", "C007"}  # started to be looked after in 2025-26 (RNE S)


@pytest.mark.parametrize("year, words", [(2015, "outside the collection years"),
                                         (2030, "outside the collection years")])
def test_bad_year_is_refused_and_nothing_written(context, tmp_path, year, words):
    """Issue 8 §4: a clear error for a year the code lists (2015-16 to 2025-26) do not cover."""
    with pytest.raises(ExportYearError, match=words):
        export_903(context.uow, year, tmp_path / "out", TODAY)
    assert not (tmp_path / "out").exists()


def test_a_year_not_begun_is_refused(context, tmp_path):
    """A return for a year that has not begun has nothing in it: refused."""
    with pytest.raises(ExportYearError, match="after today"):
        export_903(context.uow, 2026, tmp_path / "out", date(2025, 3, 1))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unwritable_folder_leaves_nothing(imported, tmp_path):
    """All or nothing: an unwritable folder is a clear error and no file is left behind."""
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "header.csv").write_text("old", encoding="utf-8")
    locked.chmod(0o500)
    try:
        with pytest.raises(ExportFolderError, match="nothing was written"):
            export_903(imported.uow, 2026, locked, TODAY)
        assert sorted(p.name for p in locked.iterdir()) == ["header.csv"]
        assert (locked / "header.csv").read_text(encoding="utf-8") == "old"
        assert not list(tmp_path.glob(".903-export-*"))
    finally:
        locked.chmod(0o700)


def test_formula_like_cells_are_written_as_text(context, tmp_path):
    """CSV injection (OWASP): a cell starting = + - @ is written with a leading apostrophe."""
    records.add_child(context.uow, Child("=HYPERLINK(1)", date(2015, 1, 1), "M"), TODAY)
    records.save_episode(context.uow, Episode("=HYPERLINK(1)", date(2025, 5, 1), "S", "C2",
                                              placement="U4"), TODAY)
    export_903(context.uow, 2026, tmp_path / "out", TODAY)
    _, header = _rows(tmp_path / "out" / "header.csv")
    assert [r[0] for r in header] == ["'=HYPERLINK(1)"]


def test_a_failure_midway_leaves_the_folder_as_it_was(imported, tmp_path, monkeypatch):
    """All or nothing: when moving the third file in fails, the two moved are taken out and
    the files that were there before are put back."""
    import shutil

    from permanence_tracker.services.exports.ssda903 import writer

    out = tmp_path / "out"
    out.mkdir()
    (out / "header.csv").write_text("old", encoding="utf-8")
    real_move, calls = shutil.move, []

    def failing_move(source, target):
        calls.append(target)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real_move(source, target)

    monkeypatch.setattr(writer.shutil, "move", failing_move)
    with pytest.raises(ExportFolderError, match="No space left on device"):
        export_903(imported.uow, 2026, out, TODAY)
    assert sorted(p.name for p in out.iterdir()) == ["header.csv"]
    assert (out / "header.csv").read_text(encoding="utf-8") == "old"


def test_a_file_in_the_way_of_the_folder_is_a_clear_error(context, tmp_path):
    """An --out that is a file cannot be a folder: a clear error, nothing written."""
    (tmp_path / "out").write_text("x", encoding="utf-8")
    with pytest.raises(ExportFolderError, match="cannot write to the folder"):
        export_903(context.uow, 2026, tmp_path / "out", TODAY)
