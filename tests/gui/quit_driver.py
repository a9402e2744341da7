"""Test-only driver for tests/gui/test_quit.py: the real app, some typical actions, then Quit.

Run as a script, ``python tests/gui/quit_driver.py SCENARIO --db URL``: it schedules the
scenario's steps with QTimer and then starts the app exactly as ``permanence-tracker --db URL``
does (``cli.main``), so nothing in the app knows it is being driven. Each step prints
``step NAME`` on stdout once done; at exit it prints whether the main window was deleted and
how many worker threads were still running, which the test checks (issue 10, item 5).

Scenarios: ``plain`` (quit once loaded), ``actions`` (as-of change, a child's record opened and
closed, Add child opened and cancelled, a failed Excel export, a reload, quit after all that),
``busy`` (as ``actions``, then quit while a reload is still running in the background).
"""

from __future__ import annotations

import atexit
import sys
from collections.abc import Callable

from PySide6.QtCore import QDate, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from permanence_tracker.cli import main
from permanence_tracker.gui.main import make_application
from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.pages.children import ChildrenPage

# name, action, pause after it (ms), whether it waits for the rows to have loaded first
Step = tuple[str, Callable[[], object], int, bool]
report = {"window deleted": False}


def window() -> MainWindow:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert found, "no main window"
    return found[0]


def close_modal() -> None:
    dialog = QApplication.activeModalWidget()
    if dialog is not None:
        dialog.reject()  # type: ignore[attr-defined]


def add_child_and_cancel() -> None:
    QTimer.singleShot(300, close_modal)  # Add child runs its dialog with exec()
    window().add_child()


def open_and_close_record() -> None:
    record = window().open_child(window().session.rows[0].child_id)
    QTimer.singleShot(200, record.close)


def failed_export() -> None:
    page = next(p for p in window().pages if isinstance(p, ChildrenPage))
    assert page.export_xlsx("/no-such-folder/nor-this/view.xlsx") is None


def as_of(year: int, month: int, day: int) -> Callable[[], None]:
    return lambda: window().as_of_edit.setDate(QDate(year, month, day))


def loaded() -> bool:
    return bool(window().session.rows) and window().session._task is None


def steps(scenario: str) -> list[Step]:
    plan: list[Step] = [("loaded", watch_window, 0, True)]
    if scenario in ("actions", "busy"):
        plan += [("as-of", as_of(2025, 12, 1), 0, True),
                 ("record", open_and_close_record, 400, True),
                 ("add child", add_child_and_cancel, 500, True),
                 ("export", failed_export, 300, True),
                 ("reload", lambda: window().session.reload(), 0, True)]
    if scenario == "busy":  # a new as-of mid-reload, and quit 20 ms later, mid-reload again
        plan += [("as-of again", as_of(2025, 11, 1), 20, False)]
    quit_now = scenario == "busy"
    return plan + [("quit", lambda: window().actions_by_name["quit"].trigger(), 0, not quit_now)]


def watch_window() -> None:
    window().destroyed.connect(lambda: report.update({"window deleted": True}))


def run(plan: list[Step]) -> None:
    """Each step once the rows have loaded (a step may start a reload), then its pause."""
    try:
        ready = loaded()
    except AssertionError:
        ready = False
    if not ready and plan[0][3]:
        QTimer.singleShot(50, lambda: run(plan))
        return
    name, action, pause, _wait = plan.pop(0)
    action()
    print(f"step {name}", flush=True)
    if plan:
        QTimer.singleShot(pause, lambda: run(plan))


def at_exit() -> None:
    print(f"window deleted: {report['window deleted']}", flush=True)
    print(f"workers running: {QThreadPool.globalInstance().activeThreadCount()}", flush=True)


if __name__ == "__main__":
    scenario, argv = sys.argv[1], sys.argv[2:]
    make_application()
    plan = steps(scenario)
    QTimer.singleShot(0, lambda: run(plan))
    atexit.register(at_exit)  # runs before PySide's own clean-up (registered earlier)
    sys.exit(main(argv))
