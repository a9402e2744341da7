"""Starting the desktop app: choose the database (welcome screen on first run), then the shell."""

from __future__ import annotations

import sys
from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from permanence_tracker import app as composition
from permanence_tracker.gui.pages.registry import PAGES
from permanence_tracker.gui.welcome import Choice, WelcomeDialog

ORGANISATION = "PermanenceTracker"


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName("Permanence Tracker")
    app.setStyle("Fusion")  # follows the system palette, light or dark, on every platform
    return app


def choose_database(db_url: str | None) -> Choice | None:
    """``--db``/environment first, then the last tracker used, then the welcome screen."""
    named = db_url or composition.env_database()
    if named:
        return Choice(named)
    remembered = QSettings().value("database/url")
    if remembered and composition.database_exists(remembered):
        return Choice(remembered)
    if composition.database_exists(None):
        return Choice(composition.default_url())
    dialog = WelcomeDialog(composition.data_dir())
    return dialog.choice if dialog.exec() else None


def build_window(choice: Choice, today: date):
    from permanence_tracker.gui.main_window import MainWindow
    from permanence_tracker.gui.session import Session

    context = composition.open_context(choice.url)
    session = Session(context, today)
    window = MainWindow(session, PAGES, today)
    if choice.demo:
        from permanence_tracker.gui.demo_setup import offer_demo

        offer_demo(window, session, today)
    else:
        session.reload()
    QSettings().setValue("database/url", choice.url)
    return window


def run_gui(db_url: str | None) -> int:
    app = make_application()
    choice = choose_database(db_url)
    if choice is None:
        return 0
    try:
        window = build_window(choice, date.today())
    except Exception as exc:  # noqa: BLE001 - a bad URL or unreachable server
        QMessageBox.critical(None, "Cannot open the tracker", f"{choice.url}\n\n{exc}")
        return 2
    window.show()
    try:
        return app.exec()
    finally:
        window.session.context.dispose()
