"""Telling the user where a saved file went, or why it was not saved.

Every save in the app (Excel export, chart PNG) ends here: success goes to the main window's
status bar for a moment and into a message box that offers to open the folder; failure into a
warning box with the reason and what to do. The boxes are window-modal but opened with
``open()``, so the caller (and a test) is not blocked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

STATUS_MS = 10_000  # a temporary status message hides the DEMO marker: keep it short


def open_folder(folder: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def tell_saved(parent: QWidget, title: str, said: str, target: Path) -> QMessageBox:
    """``said`` ("Saved … to <path>") in the status bar and in a box with "Open folder"."""
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(said, STATUS_MS)
    box = _box(parent, QMessageBox.Icon.Information, title, f"{said}.")
    opener = box.addButton("Open folder", QMessageBox.ButtonRole.ActionRole)
    folder = target.parent
    opener.clicked.connect(lambda: open_folder(folder))
    box.open()
    return box


def tell_not_saved(parent: QWidget, title: str, why: str) -> QMessageBox:
    box = _box(parent, QMessageBox.Icon.Warning, title, why)
    box.open()
    return box


def _box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("save outcome")
    # Freed when dismissed: callers may keep the returned box to read it, never to reuse it.
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box
