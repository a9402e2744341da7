"""One background job at a time for a wizard page: a progress bar with its own Cancel.

The job runs off the GUI thread (:mod:`permanence_tracker.gui.tasks`); the newest job wins and
a superseded one reports nothing. Services take the progress callback, so Cancel unwinds the
job at its next progress call and, for the commit, rolls its transaction back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from permanence_tracker.gui import tasks
from permanence_tracker.services.progress import Progress


class Runner(QWidget):
    """Hidden when idle; while a job runs, its progress, words and a Cancel button."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task: tasks.Task | None = None
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Progress")
        self.words = QLabel()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop: nothing is written")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.words)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self.cancel)
        self.hide()

    @property
    def busy(self) -> bool:
        return self.task is not None

    def run(self, text: str, job: Callable[[Progress], Any], on_success: Callable[[Any], None],
            on_failure: Callable[[str], None], on_cancelled: Callable[[], None]) -> tasks.Task:
        """Start ``job(progress)``; exactly one of the three callbacks follows."""
        self.cancel()  # the newest request wins
        task = tasks.Task(job)
        self.task = task
        task.progress.connect(lambda d, t, s, me=task: self._progress(me, d, t, s))
        task.succeeded.connect(lambda value, me=task: self._done(me, on_success, value))
        task.failed.connect(lambda message, me=task: self._done(me, on_failure, message))
        task.cancelled.connect(lambda me=task: self._done(me, lambda _v: on_cancelled(), None))
        self.words.setText(text)
        self.bar.setRange(0, 0)
        self.show()
        self.busy_changed.emit(True)
        return tasks.start(task)

    def cancel(self) -> None:
        """Stop the running job (it reports as cancelled); a superseded job stays silent."""
        if self.task is not None:
            self.task.cancel()

    def forget(self) -> None:
        """Cancel and drop the running job: the page is left, nothing may reach it."""
        if self.task is not None:
            self.task.blockSignals(True)
            self.task.cancel()
            self.task = None
            self.hide()
            self.busy_changed.emit(False)

    def _progress(self, task: tasks.Task, done: int, total: int, text: str) -> None:
        if task is self.task:
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(done)
            if text:
                self.words.setText(f"{text}…")

    def _done(self, task: tasks.Task, then: Callable[[Any], None], value: Any) -> None:
        if task is not self.task:
            return
        self.task = None
        self.hide()
        self.busy_changed.emit(False)
        then(value)
