"""The spreadsheet import wizard (File ▸ Import tracker spreadsheet…): choose the file and
sheet, map its columns, preview with problems and conflicts, import, and see what changed.

Every slow step (reading a big workbook, the preview, the commit) runs off the GUI thread with
progress and Cancel; nothing is written before the Import page, and a cancelled or failed
import writes nothing (the commit is one transaction).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from permanence_tracker.gui.export_table import install_view_exports, session_context
from permanence_tracker.gui.import_spreadsheet.background import Runner
from permanence_tracker.gui.import_spreadsheet.file_page import ChooseFilePage
from permanence_tracker.gui.import_spreadsheet.import_page import ImportPage
from permanence_tracker.gui.import_spreadsheet.mapping_page import MapColumnsPage
from permanence_tracker.gui.import_spreadsheet.preview_page import PreviewPage
from permanence_tracker.gui.import_spreadsheet.state import WizardState
from permanence_tracker.gui.import_spreadsheet.summary_page import SummaryPage

FILE, MAP, PREVIEW, IMPORT, SUMMARY = range(5)


class SpreadsheetWizard(QWizard):
    imported = Signal(str)  # what was written, for the main window's status bar

    def __init__(self, session, today: date, parent: QWidget | None = None, *,
                 open_child=None, show_iros=None) -> None:
        super().__init__(parent)
        self.state = WizardState(session, today)
        if open_child is not None:
            self.state.open_child = open_child
        self.state.show_iros = show_iros
        self.setWindowTitle("Import a tracker spreadsheet")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)  # all is written
        self.resize(1000, 680)
        self.file_page = ChooseFilePage(self.state)
        self.mapping_page = MapColumnsPage(self.state)
        self.preview_page = PreviewPage(self.state)
        self.import_page = ImportPage(self.state)
        self.summary_page = SummaryPage(self.state)
        for number, page in enumerate((self.file_page, self.mapping_page, self.preview_page,
                                       self.import_page, self.summary_page)):
            self.setPage(number, page)
        self.import_page.imported.connect(self._imported)
        install_view_exports(self, session_context(session))  # every table: Export to Excel…

    def set_path(self, path: Path) -> None:
        """Choose ``path`` on the first page (as after a drop on the main window)."""
        self.file_page.set_path(path)

    def _imported(self, words: str) -> None:
        self.next()
        if self.state.summary is not None and self.state.summary.changed:
            self.state.session.reload()  # type: ignore[attr-defined]
        self.imported.emit(words)

    def done(self, result: int) -> None:  # closing stops whatever runs: nothing is written
        for runner in self.findChildren(Runner):
            runner.forget()
        super().done(result)
