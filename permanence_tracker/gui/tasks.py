"""Running slow work off the GUI thread, with progress and cancel.

A job is a plain function ``fn(progress)``; ``progress(done, total, text)`` updates the progress and
raises :class:`Cancelled` once the user has pressed Cancel, which unwinds the job (services do
their writes in one unit of work, so a cancelled job leaves the data as it was).

:func:`shutdown` is the app's last word on background work: it cancels every job and waits for
the worker threads before the window, the database context and the QApplication go (issue 10,
item 5: a worker still running Python while the interpreter shut down aborted the app on quit
with "Fatal Python error: bool_dealloc"/"none_dealloc" or a segmentation fault).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
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

    def forget(self, *_args) -> None:
        """Let the module drop its reference once the job has reported back."""
        _forget(self)

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


def _forget(task: Task) -> None:
    _running.discard(task)


_closed = False  # set by shutdown(): the app is ending, no new job may start


def start(task: Task, pool: QThreadPool | None = None) -> Task:
    if _closed:
        return task  # never run: an event delivered during shutdown asked for more work
    _running.add(task)
    # A bound method, not a lambda: the slot returns nothing and holds no hidden reference.
    for signal in (task.succeeded, task.failed, task.cancelled):
        signal.connect(task.forget)
    (pool or QThreadPool.globalInstance()).start(_Runner(task))
    return task


def settle(timeout_ms: int = 30_000, pool: QThreadPool | None = None) -> bool:
    """Wait for the running jobs to finish and deliver what they report; True if all did.

    For a change every connection must see at once (File > Change passphrase re-keys the
    tracker): a read still running on the old key would otherwise fail half-way."""
    done = (pool or QThreadPool.globalInstance()).waitForDone(timeout_ms)
    QCoreApplication.sendPostedEvents()
    return done


def shutdown(timeout_ms: int = 10_000, pool: QThreadPool | None = None) -> bool:
    """Cancel every job, wait for the worker threads and drop what they report; True if all
    stopped within ``timeout_ms``.

    Called once the event loop has ended: nothing may listen any more, so each task's signals
    are blocked (a queued result would reach a window that is about to be deleted), and the
    cancelled jobs unwind at their next progress call. Waiting releases the GIL, so the jobs
    can finish. Events the workers posted before that are delivered now, while Python and the
    window are still whole, rather than freed during interpreter shutdown.
    """
    global _closed
    _closed = True  # what sendPostedEvents delivers below may ask for a job: it is not run
    for task in list(_running):
        task.blockSignals(True)
        task.cancel()
    stopped = (pool or QThreadPool.globalInstance()).waitForDone(timeout_ms)
    QCoreApplication.sendPostedEvents()
    if stopped:
        _running.clear()  # every job has returned: no worker still uses a Task
    return stopped


def run_with_progress(parent: QWidget, title: str, fn, on_success, on_failure=None) -> Task:
    """Start ``fn`` in the background behind a modal progress dialog with a Cancel button."""
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    # wide enough for the whole title in the title bar (window managers elide it otherwise):
    # the title, with room for the frame's buttons, in text units so it follows the font
    dialog.setMinimumWidth(dialog.fontMetrics().horizontalAdvance(title)
                           + dialog.fontMetrics().averageCharWidth() * 24)
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
