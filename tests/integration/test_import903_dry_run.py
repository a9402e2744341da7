"""The 903 import's check-only run (``dry_run``), its progress and cancellation, and the
rejects file an import saves whole or not at all (what File ▸ Import 903 return… relies on)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_import903_invalid import TODAY, _bad_return

from permanence_tracker import cli
from permanence_tracker.domain import entities as e
from permanence_tracker.services.imports.ssda903 import import_903
from permanence_tracker.services.imports.ssda903.service import STEPS
from permanence_tracker.text.import903_report import render

GOOD = Path(__file__).parents[1] / "data" / "903"


class Stop(Exception):
    """What a front end's progress callback raises to cancel (gui.tasks.Cancelled)."""


def _stored(context) -> tuple[set[str], list[e.Episode]]:
    with context.uow() as uow:
        return uow.repo.child_ids(), uow.repo.records(e.Episode)


def test_a_dry_run_writes_nothing_and_finds_what_the_import_then_writes(context, capsys):
    steps: list[tuple[int, int]] = []
    checked = import_903(context.uow, [GOOD], TODAY, dry_run=True,
                         progress=lambda done, total, text: steps.append((done, total)))
    assert not checked.written and not checked.rejections
    assert _stored(context) == (set(), [])
    assert steps[0] == (0, STEPS) and [d for d, _ in steps] == sorted(d for d, _ in steps)
    assert "records (not written)" in render(checked)
    assert cli.main(["--db", context.url, "import-903", str(GOOD)]) == 0
    printed = capsys.readouterr().out
    children, episodes = _stored(context)
    inserted = checked.plan.counts["child"]["inserted"]
    assert len(children) == inserted > 0 and episodes
    # the CLI prints the check's report, but for "(not written)" (same width)
    assert printed == render(checked).replace("records (not written)", "records" + " " * 14) \
        + "\n"
    again = import_903(context.uow, [GOOD], TODAY, dry_run=True)
    assert again.plan.counts["child"]["unchanged"] == inserted  # all there now


@pytest.mark.parametrize("stop_at", range(STEPS + 1))  # the last: saving the rejects
def test_cancelling_at_any_step_writes_nothing(context, tmp_path, stop_at):
    rejects = tmp_path / "rejected.csv"

    def progress(done: int, total: int, text: str) -> None:
        if done >= stop_at:
            raise Stop

    with pytest.raises(Stop):
        import_903(context.uow, [_bad_return(tmp_path / "bad")], TODAY, skip_invalid=True,
                   progress=progress, rejects_to=rejects)
    assert _stored(context) == (set(), [])
    with context.uow() as uow:
        assert uow.repo.audit_trail("K8") == []
    assert list(tmp_path.glob("*.csv")) == []  # no rejects file, whole or partial


def test_the_valid_rows_and_the_rejects_file_are_written_together(context, tmp_path):
    rejects = tmp_path / "out" / "rejected.csv"
    rejects.parent.mkdir()
    result = import_903(context.uow, [_bad_return(tmp_path / "bad")], TODAY, skip_invalid=True,
                        rejects_to=rejects)
    assert result.written and result.rejected_rows == 17
    assert len(rejects.read_text().splitlines()) == 18  # a header and the 17 rows
    assert [p.name for p in rejects.parent.iterdir()] == ["rejected.csv"]  # no partial left
    assert _stored(context)[0] == {f"K{n}" for n in range(1, 9)}


def test_a_rejects_file_that_cannot_be_saved_leaves_the_tracker_as_it_was(context, tmp_path):
    with pytest.raises(OSError):
        import_903(context.uow, [_bad_return(tmp_path / "bad")], TODAY, skip_invalid=True,
                   rejects_to=tmp_path / "no such folder" / "rejected.csv")
    assert _stored(context) == (set(), [])


def test_same_figures_sees_files_that_changed_after_the_check(context, tmp_path):
    folder = _bad_return(tmp_path / "bad")
    first = import_903(context.uow, [folder], TODAY, dry_run=True)
    assert first.same_figures(import_903(context.uow, [folder], TODAY, dry_run=True))
    (folder / "reviews.csv").write_text("CHILD,DOB,REVIEW,REVIEW_CODE\nK8,,01/05/2025,PN1\n")
    assert not first.same_figures(import_903(context.uow, [folder], TODAY, dry_run=True))
