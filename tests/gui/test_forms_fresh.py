"""The committed compiled forms match their Qt Designer sources (run scripts/build_ui if not)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "ui").glob("*.ui"))
UIC = Path(sys.executable).parent / "pyside6-uic"


def test_there_are_forms():
    assert {s.stem for s in SOURCES} >= {"child_dialog", "review_dialog", "change_dialog",
                                         "plan_dialog", "outcome_dialog"}


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_compiled_form_is_fresh(source, tmp_path):
    fresh = tmp_path / f"ui_{source.stem}.py"
    subprocess.run([str(UIC), str(source), "-o", str(fresh)], check=True, cwd=ROOT)
    committed = ROOT / "permanence_tracker" / "gui" / "forms" / f"ui_{source.stem}.py"
    assert committed.is_file(), f"{committed.name} is missing: run scripts/build_ui"
    assert committed.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), (
        f"{committed.name} is stale: run scripts/build_ui and commit the result")
