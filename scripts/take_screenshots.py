"""Opens the app on a fresh synthetic demo tracker and saves a PNG of each page.

Run through ``scripts/screenshots`` (which starts Xvfb); the PNGs go to docs/screenshots/.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

AS_OF = date(2026, 3, 31)
OUT = Path(os.environ.get("PT_SCREENSHOTS_DIR")
           or Path(__file__).resolve().parent.parent / "docs" / "screenshots")


def _settle(app, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def _save(widget, name: str, app) -> None:
    _settle(app)
    screen = widget.screen()
    shot = screen.grabWindow(widget.winId()) if screen else widget.grab()
    if shot.isNull():
        shot = widget.grab()
    path = OUT / f"{name}.png"
    shot.save(str(path))
    print(f"wrote {path}")


def main() -> int:
    from PySide6.QtCore import QEventLoop, QSettings

    from permanence_tracker.app import open_context
    from permanence_tracker.gui.main import make_application
    from permanence_tracker.gui.main_window import MainWindow
    from permanence_tracker.gui.pages.registry import PAGES
    from permanence_tracker.gui.session import Session
    from permanence_tracker.gui.welcome import WelcomeDialog
    from permanence_tracker.services.demo import build_demo

    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="pt-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work))
    app = make_application()

    welcome = WelcomeDialog(work)
    welcome.show()
    _save(welcome, "00-welcome", app)
    welcome.close()

    context = open_context(f"sqlite:///{work / 'demo.sqlite'}", user="demo.user")
    build_demo(context.uow, children=750, seed=1, as_of=AS_OF)
    session = Session(context, AS_OF)
    window = MainWindow(session, PAGES, today=AS_OF)
    window.resize(1500, 900)
    window.show()
    loop = QEventLoop()
    session.changed.connect(loop.quit)
    session.reload()
    loop.exec()
    for number, page in enumerate(window.pages):
        window.show_page(number)
        slug = page.title.lower().replace(" ", "-")
        _save(window, f"{number + 1:02d}-{slug}", app)
        for extra_name, show_extra in getattr(page, "screenshot_extras", lambda: [])():
            widget = show_extra()
            _save(widget, f"{number + 1:02d}-{slug}-{extra_name}", app)
            widget.close()
    _record_shots(window, session, app)
    _check_return_shot(window, session, app)
    window.close()
    context.dispose()
    return 0


def _record_shots(window, session, app) -> None:
    """A flagged child's record (each tab) and the review dialog refusing a bad date."""
    from PySide6.QtCore import QDate

    from permanence_tracker.gui.dialogs.review import ReviewDialog

    flagged = next(r for r in session.rows if r.flags and r.looked_after)
    record = window.open_child(flagged.child_id)
    record.resize(1200, 800)
    for index in range(record.tabs.count()):
        record.tabs.setCurrentIndex(index)
        slug = record.tabs.tabText(index).lower().replace("&", "").replace(" ", "-")
        _save(record, f"10-child-record-{index + 1}-{slug}", app)
    with session.uow() as uow:
        child = uow.repo.child(flagged.child_id)
    dialog = ReviewDialog(session.uow, session.as_of, child, parent=record)
    dialog.ui.held.setDate(QDate(session.as_of).addDays(30))
    dialog.save()
    dialog.show()
    _save(dialog, "11-review-dialog-problem", app)
    dialog.close()
    record.close()


def _check_return_shot(window, session, app) -> None:
    """The "Check the 903 return" dialog with the DfE rules' findings on the demo data
    (needs the validator: .venv-903 from scripts/run, or PERMANENCE_TRACKER_903_VALIDATOR)."""
    from permanence_tracker.gui.return903 import CheckReturnDialog

    dialog = CheckReturnDialog(session, AS_OF, window.open_child, window)
    dialog.resize(1300, 700)
    dialog.show()
    dialog.run_check()
    while not dialog.run_button.isEnabled():  # the check runs off the GUI thread
        _settle(app, 0.2)
    _save(dialog, "12-check-the-903-return", app)
    dialog.close()


if __name__ == "__main__":
    sys.exit(main())
