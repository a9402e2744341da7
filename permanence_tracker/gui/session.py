"""The open tracker as the GUI sees it: database context, as-of date and the current rows.

Pages listen to :attr:`Session.changed`; nothing reads the database on the GUI thread except
small single-child look-ups after a user action.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal

from permanence_tracker.app import Context
from permanence_tracker.gui import tasks
from permanence_tracker.services.permanence.cohort import Cohort, load_cohort
from permanence_tracker.services.permanence.rows import ChildRow, child_rows
from permanence_tracker.services.unit_of_work import UowFactory


class Session(QObject):
    changed = Signal()  # rows, cohort or as-of date changed
    loading = Signal(bool)
    failed = Signal(str)

    def __init__(self, context: Context, as_of: date, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.as_of = as_of
        self.cohort: Cohort | None = None
        self.rows: tuple[ChildRow, ...] = ()
        self._task: tasks.Task | None = None

    @property
    def uow(self) -> UowFactory:
        """What pages and dialogs pass to services; they never open a unit of work."""
        return self.context.uow

    @property
    def is_demo(self) -> bool:
        return bool(self.cohort and self.cohort.settings.demo)

    def set_as_of(self, as_of: date) -> None:
        if as_of != self.as_of:
            self.as_of = as_of
            self.reload()

    def stop(self) -> None:
        """Cancel the running reload and drop what it would report: the tracker is being
        closed (File > Open tracker), so nothing may reach this session's pages after it."""
        if self._task is not None:
            self._task.blockSignals(True)
            self._task.cancel()
            self._task = None

    def reload(self) -> tasks.Task:
        """Recompute every row in the background; the newest request wins."""
        if self._task is not None:
            self._task.cancel()
        as_of = self.as_of

        def job(progress):
            cohort = load_cohort(self.uow, as_of, progress=progress)
            return cohort, child_rows(cohort)

        task = tasks.Task(job)
        self._task = task
        task.succeeded.connect(lambda result, t=task: self._loaded(t, result))
        task.failed.connect(self.failed)
        task.failed.connect(lambda *_: self.loading.emit(False))
        self.loading.emit(True)
        return tasks.start(task)

    def _loaded(self, task: tasks.Task, result) -> None:
        if task is not self._task:
            return  # superseded by a newer request
        self._task = None
        self.cohort, self.rows = result
        self.loading.emit(False)
        self.changed.emit()
