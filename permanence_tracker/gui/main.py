"""Starts the desktop app (placeholder shell until the desktop issue lands)."""

from __future__ import annotations

import sys


def run_gui(db_url: str | None) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from permanence_tracker.app import open_context

    app = QApplication.instance() or QApplication(sys.argv)
    context = open_context(db_url)
    window = QMainWindow()
    window.setWindowTitle("Permanence Tracker")
    label = QLabel(f"Permanence Tracker\n\nDatabase: {context.url}\nUser: {context.user}")
    label.setMargin(40)
    window.setCentralWidget(label)
    window.resize(800, 500)
    window.show()
    try:
        return app.exec()
    finally:
        context.dispose()
