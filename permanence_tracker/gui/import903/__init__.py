"""File ▸ Import 903 return…: choose CSV files or folders (or drop them on the main window),
see the import report the CLI prints, then import all, or only the valid rows.

The check is the import service's dry run, off the GUI thread with a progress bar and Cancel
(:mod:`.tasks`). Importing reads the files again, so what is written is what the files say
then; when that differs from the check, the report is redone and says so. The report's text is
shared with ``permanence-tracker import-903`` (``text/import903_report.py``).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt

from permanence_tracker.gui.import903.dialog import Import903Dialog

__all__ = ["Import903Dialog", "droppable_paths", "open_import_dialog"]


def droppable_paths(mime: QMimeData) -> list[Path]:
    """The folders and .csv files among what is dragged; empty when there are none (then the
    window refuses the drop)."""
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.is_dir() or (p.is_file() and p.suffix.lower() == ".csv")]


def open_import_dialog(session, today: date, parent, paths: list[Path] | None = None):
    """Open the dialog (with ``paths`` chosen and checked, as after a drop)."""
    dialog = Import903Dialog(session, today, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if hasattr(parent, "statusBar"):
        dialog.imported.connect(lambda words: parent.statusBar().showMessage(words, 15000))
    dialog.show()
    if paths:
        dialog.set_paths(paths)
    return dialog
