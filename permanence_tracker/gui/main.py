"""Starting the desktop app: choose the tracker (welcome screen on first run), then the shell.

``--db``/PERMANENCE_TRACKER_DB open a tracker for this launch only; the last tracker opened in
the app is remembered (gui/trackers.py). Only the welcome screen's create and demo choices, and
File ▸ Open tracker's create choice, make a new tracker: a ``--db`` naming none brings the
welcome screen back, saying so.
"""

from __future__ import annotations

import logging
import sys
from datetime import date

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from permanence_tracker import __version__, logs
from permanence_tracker import app as composition
from permanence_tracker.gui import tasks, trackers
from permanence_tracker.gui.pages.registry import PAGES
from permanence_tracker.gui.welcome import Choice, WelcomeDialog

ORGANISATION = "PermanenceTracker"
log = logging.getLogger(__name__)


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName("Permanence Tracker")
    app.setStyle("Fusion")  # follows the system palette, light or dark, on every platform
    return app


def choose_database(db_url: str | None) -> Choice | None:
    """``--db``/environment first (not remembered), then the last tracker used, then the
    welcome screen."""
    named = db_url or composition.env_database()
    if named:
        return Choice(named, remember=False)
    remembered = trackers.last_used()
    if remembered and composition.database_exists(remembered):
        return Choice(remembered)
    if remembered:  # moved, renamed or deleted since: say so rather than open another
        return welcome("The tracker last used is no longer there: "
                       + trackers.no_tracker_message(remembered))
    if composition.database_exists(None):
        return Choice(composition.default_url(), remember=False)
    return welcome()


def welcome(notice: str = "") -> Choice | None:
    dialog = WelcomeDialog(composition.data_dir(), notice=notice)
    return dialog.choice if dialog.exec() else None


def build_window(choice: Choice, today: date, context: composition.Context | None = None):
    """The main window on ``choice``'s tracker (opened here unless ``context`` is given);
    raises NoTrackerError, creating nothing, when there is none and the choice may not
    create one."""
    from permanence_tracker.gui.main_window import MainWindow
    from permanence_tracker.gui.session import Session

    if context is None:
        context = composition.open_context(choice.url, create=choice.create)
    session = Session(context, today)
    window = MainWindow(session, PAGES, today)
    if choice.demo:
        from permanence_tracker.gui.demo_setup import offer_demo

        offer_demo(window, session, today)
    else:
        session.reload()
        if context.created:  # "Create an empty tracker": name the authority first
            QTimer.singleShot(0, window.set_up_new_tracker)
    if choice.remember:
        trackers.remember(choice.url)
    from permanence_tracker.gui.backups import start_backups

    start_backups(window)  # at open, then a timer the window owns: daily (gui/backups.py)
    return window


def open_first(choice: Choice | None, today: date):
    """The first window, going back to the welcome screen while the tracker named is not
    there or its passphrase was wrong three times; None when the user closes the welcome
    screen or cancels a password or passphrase."""
    while choice is not None:
        from permanence_tracker.gui.passphrase import PassphraseRefused

        try:
            context = trackers.connect(choice, None)
        except composition.NoTrackerError:
            choice = welcome(trackers.no_tracker_message(choice.url))
            continue
        except PassphraseRefused as exc:  # three wrong passphrases: nothing changed
            choice = welcome(str(exc))
            continue
        return None if context is None else build_window(choice, today, context)
    return None


def run_gui(db_url: str | None) -> int:
    logs.configure()
    log.info("Permanence Tracker %s started", __version__)
    try:
        return _run_gui(db_url)
    except Exception:  # its type and frames only (logs.py): the message may quote a value
        log.error("Permanence Tracker stopped on an error", exc_info=True)
        raise
    finally:
        log.info("Permanence Tracker stopped")


def _run_gui(db_url: str | None) -> int:
    app = make_application()
    choice = choose_database(db_url)
    try:
        window = open_first(choice, date.today())
    except Exception as exc:  # noqa: BLE001 - a bad URL or unreachable server
        log.error("could not open the tracker", exc_info=exc)  # type and frames only
        shown = composition.shown_url(choice.url) if choice else ""
        QMessageBox.critical(None, "Cannot open the tracker", f"{shown}\n\n{exc}")
        return 2
    if window is None:
        return 0
    trackers.adopt(window)
    window.show()
    try:
        return app.exec()
    finally:
        # Quit in dependency order (issue 10, item 5): first stop the background jobs (a worker
        # still running Python during interpreter shutdown aborted the app with bool_dealloc),
        # then close the trackers' connections, then delete the windows, before the QApplication.
        tasks.shutdown()
        trackers.release_all()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
