"""The 903 import dialog: chosen paths, the check's report, progress with Cancel, and the
choice to import all or only the valid rows (see the package docstring for the flow)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from permanence_tracker.domain.words import plural
from permanence_tracker.gui import tasks
from permanence_tracker.gui.import903.words import GUI_ADVICE, REJECTS_NAME, written_words
from permanence_tracker.services.imports.ssda903.model import ImportInputError
from permanence_tracker.services.imports.ssda903.service import ImportResult, import_903
from permanence_tracker.text.import903_report import render


class Import903Dialog(QDialog):
    """Choose → check (dry run) → Import all / Import only the valid rows / Close."""

    imported = Signal(str)  # what was written, for the main window's status bar

    def __init__(self, session, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.today = session, today
        self.setWindowTitle("Import a 903 return")
        self.resize(900, 620)
        self.paths: list[Path] = []
        self.checked: ImportResult | None = None
        self.task: tasks.Task | None = None
        self.path_list = QListWidget()
        self.path_list.setAccessibleName("Files and folders to import")
        self.path_list.setMaximumHeight(90)
        self.files_button = QPushButton("Add &files…")
        self.folder_button = QPushButton("Add f&older…")
        self.clear_button = QPushButton("C&lear")
        self.check_button = QPushButton("Check a&gain")
        self.check_button.setToolTip("Read the files again and redo the report")
        choose = QHBoxLayout()
        for button in (self.files_button, self.folder_button, self.clear_button):
            choose.addWidget(button)
        choose.addStretch(1)
        choose.addWidget(self.check_button)
        self.summary = QLabel("Choose the CSV files of a 903 return, or the folder that holds "
                              "them (folders are searched, one or several years). Nothing is "
                              "written until you choose to import.")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop: nothing is written")
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel_button)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setAccessibleName("Import report")
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.report.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.import_all_button = QPushButton("&Import all")
        self.import_all_button.setToolTip("Write every row (only when no row is rejected)")
        self.import_valid_button = QPushButton("Import only the &valid rows…")
        self.import_valid_button.setToolTip(
            "Write the valid rows and save the rejected rows to a CSV to correct")
        self.close_button = QPushButton("Close")
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_all_button)
        bottom.addWidget(self.import_valid_button)
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Files and folders:"))
        layout.addWidget(self.path_list)
        layout.addLayout(choose)
        layout.addWidget(self.summary)
        layout.addLayout(busy)
        layout.addWidget(self.report, 1)
        layout.addLayout(bottom)
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.clear_button.clicked.connect(lambda: self.set_paths([]))
        self.check_button.clicked.connect(self.check)
        self.cancel_button.clicked.connect(self.cancel)
        self.import_all_button.clicked.connect(lambda: self.start_import(False))
        self.import_valid_button.clicked.connect(self.import_valid)
        self.close_button.clicked.connect(self.reject)
        self._idle()

    # -- choosing ----------------------------------------------------------------------
    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Choose the 903 CSV files", "",
                                                "CSV files (*.csv *.CSV);;All files (*)")
        if names:
            self.add_paths([Path(n) for n in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose the folder of the 903 return")
        if folder:
            self.add_paths([Path(folder)])

    def add_paths(self, paths: list[Path]) -> None:
        self.set_paths(self.paths + [p for p in paths if p not in self.paths])

    def set_paths(self, paths: list[Path]) -> None:
        """Choose ``paths`` and check them at once (a running check gives way)."""
        self.paths = list(paths)
        self.path_list.clear()
        self.path_list.addItems([str(p) for p in self.paths])
        self.checked = None
        self.report.clear()
        if self.paths:
            self.check()
        else:
            self.cancel()
            self._idle()

    # -- running -----------------------------------------------------------------------
    def check(self) -> tasks.Task | None:
        """The dry run: the same checks as an import, nothing written."""
        if not self.paths:
            return None
        return self._run("Checking the files…", dict(dry_run=True), self._checked)

    def start_import(self, skip_invalid: bool, rejects: Path | None = None) -> tasks.Task | None:
        if not self.paths:
            return None
        return self._run("Importing…", dict(skip_invalid=skip_invalid, rejects_to=rejects),
                         lambda result: self._imported(result, rejects))

    def import_valid(self) -> tasks.Task | None:
        """Ask where the rejected rows go, then import the valid rows and save them there."""
        start = self.paths[0] if self.paths else Path.home()
        folder = start if start.is_dir() else start.parent
        name, _ = QFileDialog.getSaveFileName(
            self, "Save the rejected rows as", str(folder / REJECTS_NAME), "CSV files (*.csv)")
        return self.start_import(True, Path(name)) if name else None

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _run(self, text: str, options: dict, on_success) -> tasks.Task:
        self.cancel()  # the newest request wins
        uow, paths, today = self.session.uow, list(self.paths), self.today
        task = tasks.Task(lambda progress: _job(uow, paths, today, progress, options))
        self.task = task
        task.progress.connect(lambda d, t, s, me=task: self._progress(me, d, t, s))
        task.succeeded.connect(lambda result, me=task: self._done(me, result, on_success))
        task.failed.connect(lambda message, me=task: self._done(me, message, self._failed))
        task.cancelled.connect(lambda me=task: self._done(me, None, self._cancelled))
        self._busy(text)
        return tasks.start(task)

    def _done(self, task: tasks.Task, value, then) -> None:
        if task is self.task:  # a superseded run reports nothing
            self.task = None
            self._idle()
            then(value)

    def _progress(self, task: tasks.Task, done: int, total: int, text: str) -> None:
        if task is self.task:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            if text:
                self.summary.setText(f"{text}…")

    def _busy(self, text: str) -> None:
        self.summary.setText(text)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        for button in (self.import_all_button, self.import_valid_button, self.check_button):
            button.setEnabled(False)

    def _idle(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        result = self.checked
        ready = result is not None and bool(result.files)
        rejected = result is not None and bool(result.rejections)
        self.check_button.setEnabled(bool(self.paths))
        self.import_all_button.setEnabled(ready and not rejected)
        self.import_valid_button.setEnabled(ready and rejected)

    # -- results -----------------------------------------------------------------------
    def _checked(self, result) -> None:
        if isinstance(result, str):
            self._failed(result)
            return
        self.checked = result
        self.report.setPlainText(render(result, GUI_ADVICE))
        if not result.files:
            self.summary.setText("No 903 tables in what you chose: choose the return's CSV "
                                 "files or their folder.")
        elif result.rejections:
            self.summary.setText(
                f"{plural(result.rejected_rows, 'row')} would be rejected (listed below). "
                "Import all is not possible: fix them and check again, or import only the "
                "valid rows.")
        else:
            self.summary.setText("Every row is valid. Nothing is written yet: choose Import "
                                 "all.")
        self._idle()

    def _imported(self, result, rejects: Path | None) -> None:
        if isinstance(result, str):
            self._failed(result)
            return
        checked, self.checked = self.checked, None  # imported: choose again to import more
        changed = checked is not None and not result.same_figures(checked)
        self.report.setPlainText(render(result, GUI_ADVICE))
        words = written_words(result) if result.written else \
            "Nothing was written: rows are invalid (listed below)"
        if result.written and result.rejections and rejects is not None:
            words += f"; the rejected rows are in {rejects}"
        if changed:
            words += ". The files or the tracker changed since the check: this report is " \
                     "the import's"
        self.summary.setText(words + ".")
        self._idle()
        if result.written:
            self.session.reload()
            self.imported.emit(words)

    def _failed(self, message: str) -> None:
        self.summary.setText(f"Nothing was written: {message}")

    def _cancelled(self, _value: object = None) -> None:
        self.summary.setText("Cancelled: nothing was written.")

    def done(self, code: int) -> None:  # closing stops a running check or import
        self.cancel()
        super().done(code)


def _job(uow, paths: list[Path], today: date, progress, options: dict):
    """Runs off the GUI thread; a path that cannot be read comes back as its message."""
    try:
        return import_903(uow, paths, today, progress=progress, **options)
    except ImportInputError as exc:
        return str(exc)
    except OSError as exc:  # the rejects file could not be saved: nothing was imported
        return f"cannot save the rejected rows: {exc}"
