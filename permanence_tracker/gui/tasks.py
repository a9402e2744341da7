"""Running slow work off the GUI thread, with progress and cancel.

A job is a plain function ``fn(progress)``; ``progress(done, total, text)`` updates the progress and
raises :class:`Cancelled` once the user has pressed Cancel, which unwinds the job (services do
their writes in one unit of work, so a cancelled job leaves the data as it was).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from permanence_tracker.services.progress import Progress


class Cancelled(Exception):
    """Raised inside a job when the user cancels it."""


class Task(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._fn = fn
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def update_progress(self, done: int, total: int, text: str = "") -> None:
        if self._cancel.is_set():
            raise Cancelled
        self.progress.emit(done, total, text)

    def run(self) -> None:
        try:
            result = self._fn(self.update_progress)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - shown to the user, logged with traceback
            traceback.print_exc()
            self.failed.emit(str(exc) or type(exc).__name__)
        else:
            self.succeeded.emit(result)


class _Runner(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task.run()


_running: set[Task] = set()  # keeps Python wrappers alive until the job reports back


def start(task: Task, pool: QThreadPool | None = None) -> Task:
    _running.add(task)
    for signal in (task.succeeded, task.failed, task.cancelled):
        signal.connect(lambda *_: _running.discard(task))
    (pool or QThreadPool.globalInstance()).start(_Runner(task))
    return task


def run_with_progress(parent: QWidget, title: str, fn, on_success, on_failure=None) -> Task:
    """Start ``fn`` in the background behind a modal progress dialog with a Cancel button."""
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    task = Task(fn)

    def progress(done: int, total: int, text: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        if text:
            dialog.setLabelText(text)

    def finish(*_args) -> None:
        dialog.reset()
        dialog.close()
        dialog.deleteLater()

    task.progress.connect(progress)
    dialog.canceled.connect(task.cancel)
    task.succeeded.connect(finish)
    task.failed.connect(finish)
    task.cancelled.connect(finish)
    task.succeeded.connect(on_success)
    if on_failure is not None:
        task.failed.connect(on_failure)
    return start(task)
