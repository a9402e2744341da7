"""File ▸ Import tracker spreadsheet…: the wizard that brings an authority's own tracker
spreadsheet in (:mod:`.wizard`; one module per page), opened from the menu or by dropping a
workbook on the main window.

A dropped .csv stays the 903 import's (a 903 return is CSV files): only workbooks (.xlsx,
.xlsm, .ods, .xls) open this wizard by a drop; a tracker saved as .csv is chosen in the wizard.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt

from permanence_tracker.gui.import_spreadsheet.wizard import SpreadsheetWizard

DROPPED = (".xlsx", ".xlsm", ".ods", ".xls")

__all__ = ["SpreadsheetWizard", "droppable_workbooks", "open_spreadsheet_wizard"]


def droppable_workbooks(mime: QMimeData) -> list[Path]:
    """The workbook files among what is dragged (empty: not for this wizard)."""
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.is_file() and p.suffix.lower() in DROPPED]


def open_spreadsheet_wizard(session, today: date, parent, path: Path | None = None
                            ) -> SpreadsheetWizard:
    """Open the wizard (with ``path`` chosen, as after a drop); the main window's records and
    IROs page are reached from the summary."""
    show_iros = None
    pages = getattr(parent, "pages", [])
    iros = next((n for n, page in enumerate(pages) if page.title == "IROs"), None)
    if iros is not None:
        def show_iros() -> None:
            parent.show_page(iros)
            parent.activateWindow()
    wizard = SpreadsheetWizard(session, today, parent,
                               open_child=getattr(parent, "open_child", None),
                               show_iros=show_iros)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if hasattr(parent, "statusBar"):
        wizard.imported.connect(lambda words: parent.statusBar().showMessage(words, 15000))
    wizard.show()
    if path is not None:
        wizard.set_path(path)
    return wizard
