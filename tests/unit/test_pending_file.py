"""A file that belongs to a transaction: in place only after keep(), gone otherwise."""

from __future__ import annotations

import pytest

from permanence_tracker.services.pending_file import PendingFile


def test_kept_after_the_commit(tmp_path):
    target = tmp_path / "rejects.csv"
    with PendingFile(target) as pending:
        pending.write(lambda path: path.write_text("a,b\n"))
        assert not target.exists()  # not before the commit
        pending.keep()
    assert target.read_text() == "a,b\n"
    assert [p.name for p in tmp_path.iterdir()] == ["rejects.csv"]


def test_removed_when_the_unit_of_work_fails(tmp_path):
    target = tmp_path / "rejects.csv"
    with pytest.raises(RuntimeError), PendingFile(target) as pending:
        pending.write(lambda path: path.write_text("a,b\n"))
        raise RuntimeError("rolled back")
    assert list(tmp_path.iterdir()) == []


def test_a_half_written_file_is_removed_too(tmp_path):
    def breaks(path):
        path.write_text("half")
        raise OSError("disk full")

    with pytest.raises(OSError), PendingFile(tmp_path / "rejects.csv") as pending:
        pending.write(breaks)
    assert list(tmp_path.iterdir()) == []


def test_no_target_writes_nothing(tmp_path):
    with PendingFile(None) as pending:
        pending.write(lambda path: pytest.fail("nothing to write"))
        pending.keep()
