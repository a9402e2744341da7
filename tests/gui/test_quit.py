"""Quitting the real app never crashes (issue 10, item 5).

Ctrl+Q sometimes ended with "Fatal Python error: bool_dealloc … Aborted" (or none_dealloc, or a
segmentation fault): the background jobs (gui/tasks.py) were left running on the thread pool
when the event loop ended, so worker threads were still running Python, emitting signals of
deleted objects, while the interpreter shut down, and the main window was never deleted before
the QApplication. Now run_gui cancels and waits for every job (tasks.shutdown), then closes the
trackers and deletes the windows.

Each run starts the app as ``permanence-tracker --db URL`` does, in a subprocess (offscreen, with
a temporary home, so the user's own settings are untouched), drives it with
tests/gui/quit_driver.py and quits it with the Quit action; every run must exit with 0, having
deleted its window and left no worker running, with no traceback or fatal error.
"""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("quit_driver.py")
STEPS = {
    "plain": ["loaded", "quit"],
    "actions": ["loaded", "as-of", "record", "add child", "export", "reload", "quit"],
    "busy": ["loaded", "as-of", "record", "add child", "export", "reload", "as-of again",
             "quit"],
}
RUNS = {"plain": 3, "actions": 3, "busy": 4}  # the crash came in about 1 quit in 8


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    """A small demo tracker, copied for each run (a run may write to it)."""
    from permanence_tracker.cli import main

    path = tmp_path_factory.mktemp("quit") / "demo.sqlite"
    assert main(["--db", f"sqlite:///{path}", "demo", "--children", "40",
                 "--as-of", "2026-03-31"]) == 0
    return path


def run_app(scenario: str, demo_db: Path, home: Path) -> subprocess.CompletedProcess[str]:
    home.mkdir()
    db = home / "tracker.sqlite"
    db.write_bytes(demo_db.read_bytes())
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("PERMANENCE_TRACKER_")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(home), PYTHONFAULTHANDLER="1",
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), XDG_RUNTIME_DIR=str(home / "runtime"))
    (home / "runtime").mkdir(mode=0o700)
    return subprocess.run([sys.executable, str(DRIVER), scenario, "--db", f"sqlite:///{db}"],
                          env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("scenario", sorted(RUNS))
def test_the_app_quits_cleanly_every_time(scenario, demo_db, tmp_path):
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda n: run_app(scenario, demo_db, tmp_path / f"run{n}"),
                             range(RUNS[scenario])))
    for number, run in enumerate(runs):
        said = f"run {number} of {scenario}:\n{run.stdout}\n{run.stderr}"
        assert run.returncode == 0, said
        lines = run.stdout.splitlines()
        assert [line[5:] for line in lines if line.startswith("step ")] == STEPS[scenario], said
        assert "window deleted: True" in lines, said  # before the QApplication went
        assert "workers running: 0" in lines, said
        assert "Traceback" not in run.stderr and "Fatal" not in run.stderr, said
