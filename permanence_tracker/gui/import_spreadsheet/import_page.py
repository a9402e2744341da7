"""Step 4: import. The commit runs in the background with progress and Cancel; it is one
transaction, so a cancelled or failed import writes nothing. When rows were rejected, the
valid rows may be imported alone and the rejected ones saved as a CSV to correct."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from permanence_tracker.domain.words import plural
from permanence_tracker.gui.import_spreadsheet.background import Runner
from permanence_tracker.gui.import_spreadsheet.state import WizardState
from permanence_tracker.services.imports.spreadsheet.commit import commit_import
from permanence_tracker.services.imports.spreadsheet.model import ImportSummary
from permanence_tracker.services.imports.spreadsheet.service import import_source


class ImportPage(QWizardPage):
    imported = Signal(str)  # the commit is done: what was written

    def __init__(self, state: WizardState) -> None:
        super().__init__()
        self.state = state
        self.setTitle("Import")
        self.setSubTitle("Write the rows to the tracker, in one go: a cancelled or failed "
                         "import writes nothing.")
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Import")
        self.plan = QLabel()
        self.plan.setWordWrap(True)
        self.plan.setAccessibleName("What the import writes")
        self.skip_box = QCheckBox("Import the valid rows only, and save the rejected rows to:")
        self.rejects_edit = QLineEdit()
        self.rejects_edit.setAccessibleName("Rejected rows CSV")
        self.rejects_button = QPushButton("C&hoose…")
        rejects = QHBoxLayout()
        rejects.addWidget(self.rejects_edit, 1)
        rejects.addWidget(self.rejects_button)
        self.runner = Runner()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plan)
        layout.addWidget(self.skip_box)
        layout.addLayout(rejects)
        layout.addStretch(1)
        layout.addWidget(self.runner)
        layout.addWidget(self.message)
        self.skip_box.toggled.connect(self._options_changed)
        self.rejects_edit.textChanged.connect(self._options_changed)
        self.rejects_button.clicked.connect(self.choose_rejects)
        self.runner.busy_changed.connect(lambda _busy: self.completeChanged.emit())

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        preview, path = self.state.preview, self.state.path
        if preview is None or path is None:
            return
        totals = preview.totals
        rejected = len(preview.rejected_rows)
        skipped = len(preview.needs_confirmation) - len(self.state.decisions.confirmed)
        created = plural(totals["create"], "child", "children")
        unconfirmed = plural(skipped, "unconfirmed match", "unconfirmed matches")
        self.plan.setText(
            f"From “{preview.sheet}” of {path.name}: {created} to create, "
            f"{totals['update']:,} to update, {totals['unchanged']:,} unchanged."
            + (f" {unconfirmed} skipped." if skipped else "")
            + (f" {plural(rejected, 'row')} cannot be imported as written (see Problems)."
               if rejected else ""))
        for widget in (self.skip_box, self.rejects_edit, self.rejects_button):
            widget.setVisible(bool(rejected))
        self.skip_box.setChecked(False)
        self.rejects_edit.setText(str(path.with_name(f"{path.stem}-rejected-rows.csv")))
        self.message.clear()
        self._options_changed()

    def choose_rejects(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Save the rejected rows as",
                                              self.rejects_edit.text(), "CSV files (*.csv)")
        if name:
            self.rejects_edit.setText(name)

    def _options_changed(self, *_args) -> None:
        self.rejects_edit.setEnabled(self.skip_box.isChecked())
        self.rejects_button.setEnabled(self.skip_box.isChecked())
        if self._blocked():
            self.message.setText("Rows were rejected: correct them in the spreadsheet and "
                                 "preview again, or tick “Import the valid rows only”.")
        elif not self.runner.busy:
            self.message.setText("Choose Import to write the rows.")
        self.completeChanged.emit()

    def _blocked(self) -> bool:
        preview = self.state.preview
        return preview is None or (bool(preview.problems) and not self.skip_box.isChecked())

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return not self._blocked() and not self.runner.busy

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        """The commit: the wizard goes on when it has written (see :meth:`_done`)."""
        if self.state.summary is not None:
            return True
        self.start_import()
        return False

    def start_import(self) -> None:
        preview, path, state = self.state.preview, self.state.path, self.state
        if preview is None or path is None or self.runner.busy:
            return
        skip = self.skip_box.isChecked()
        rejects = Path(self.rejects_edit.text()) if skip and self.rejects_edit.text() else None
        state.rejects_to = rejects
        uow, decisions, today = state.uow, state.decisions, state.today

        def job(progress) -> ImportSummary:
            source = import_source(path, preview.sheet)
            return commit_import(uow, preview, decisions, source, today, skip_invalid=skip,
                                 progress=progress, rejects_to=rejects)

        self.message.setText("Importing…")
        self.runner.run("Importing", job, self._done, self._failed, self._cancelled)

    def _done(self, summary: ImportSummary) -> None:
        self.state.summary = summary
        self.message.clear()
        counts = summary.counts
        words = (f"Spreadsheet imported: {plural(counts['create'], 'child', 'children')} "
                 f"created, {counts['update']:,} updated") if summary.changed else \
            "Spreadsheet imported: nothing needed changing"
        self.imported.emit(words)

    def _failed(self, message: str) -> None:
        self.message.setText(f"⚠ Nothing was written: {message}")

    def _cancelled(self) -> None:
        self.message.setText("Cancelled: nothing was written.")
