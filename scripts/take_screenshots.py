"""Opens the app on a fresh synthetic demo tracker and saves a PNG of each page and dialog.

Run through ``scripts/screenshots`` (which starts Xvfb and the openbox window manager, and
sets QT_SCALE_FACTOR for ``--scale``); the PNGs go to $PT_SCREENSHOTS_DIR, else
docs/screenshots/. Windows are grabbed from the screen with the frame openbox draws, as a
user sees them. Shots 00-12 are the pages and the first dialogs; 20 and up are issue 10's
(settings, IROs, care, 903 import, trackers, the plan agreed late, problems under fields);
40-44 are issue 11's spreadsheet import wizard, one per page; 45-47 are issue 12's passphrase
dialogs (asked at start, asked again after a wrong one, set with its strength hint); 48-53 are
issue 12's users, find-any-child and pseudonymising screens.
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
    """The widget's window as on screen, with the window manager's frame (a child widget,
    such as a dashboard tile, alone)."""
    if widget.isWindow():
        widget.raise_()
        widget.activateWindow()
    _settle(app)
    screen = widget.screen()
    shot = None
    if screen is not None and widget.isWindow():
        frame = widget.frameGeometry()  # the frame openbox draws round the window
        shot = screen.grabWindow(0, frame.x() - screen.geometry().x(),
                                 frame.y() - screen.geometry().y(),
                                 frame.width(), frame.height())
    if shot is None or shot.isNull():
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
    _new_dialog_shots(window, session, work, app)
    _spreadsheet_wizard_shots(window, work, app)
    _passphrase_shots(app)
    _users_shots(window, session, app)
    _find_child_shots(window, session, app)
    _pseudonymise_shots(window, session, work, app)
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


# -- issue 10's dialogs ------------------------------------------------------------------
def _new_dialog_shots(window, session, work: Path, app) -> None:
    _settings_shot(window, app)
    _iro_shots(window, app)
    _care_shots(window, session, app)
    _import_shot(window, work, app)
    _open_tracker_shot(window, work, app)
    _plan_late_tile_shot(window, app)


def _page(window, title: str):
    number = next(n for n, page in enumerate(window.pages) if page.title == title)
    window.show_page(number)
    return window.pages[number]


def _settings_shot(window, app) -> None:
    """File ▸ Settings… on the demo's own settings."""
    dialog = window.open_settings()
    _save(dialog, "20-settings", app)
    dialog.close()


def _iro_shots(window, app) -> None:
    """The IROs page with an IRO chosen (its buttons enabled), Add IRO and Edit IRO."""
    page = _page(window, "IROs")
    page.table.setFocus()
    page.table.selectRow(0)
    _save(window, "21-iros-page-with-an-iro-chosen", app)
    page.toolbar.add_iro()
    dialog = page.toolbar.dialog
    _save(dialog, "22-add-iro", app)
    dialog.ui.name.setText(page.selected_iro() or "")  # a name already listed
    dialog.ui.fte.setText("1.5")
    dialog.save()  # refused: the problems wrap under their fields in a narrow dialog
    _save(dialog, "30-add-iro-problems-under-fields", app)
    dialog.close()
    page.toolbar.edit_iro()
    _save(page.toolbar.dialog, "23-edit-iro", app)
    page.toolbar.dialog.close()


def _care_shots(window, session, app) -> None:
    """Start care for a child who has left care; the same dialog refusing an empty form
    (problems under the fields); End care for a child looked after."""
    left = next(r for r in session.rows if not r.looked_after)
    record = window.open_child(left.child_id)
    record.resize(1200, 800)
    _settle(app)
    dialog = record.start_care()
    _save(dialog, "24-start-care", app)
    dialog.save()  # nothing chosen: each problem is shown under its field
    _save(dialog, "25-start-care-problems-under-fields", app)
    dialog.close()
    record.close()
    looked_after = next(r for r in session.rows if r.looked_after)
    record = window.open_child(looked_after.child_id)
    record.resize(1200, 800)
    _settle(app)
    dialog = record.end_care()
    _save(dialog, "26-end-care", app)
    dialog.close()
    record.close()


def _import_shot(window, work: Path, app) -> None:
    """File ▸ Import 903 return… on a new, empty tracker (the first day) with the tests'
    synthetic returns and a folder with one bad row: the report, then the choice."""
    from permanence_tracker.app import open_context
    from permanence_tracker.gui.import903 import open_import_dialog
    from permanence_tracker.gui.session import Session

    fixtures = Path(__file__).resolve().parent.parent / "tests" / "data" / "903"
    bad = work / "return-with-a-bad-row"
    bad.mkdir()
    (bad / "header.csv").write_text("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
                                    "K1,M,01/01/2015,WBRI,,,\nH1,3,01/01/2015,WBRI,,,\n")
    (bad / "episodes.csv").write_text(
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE\n"
        "K1,01/04/2025,S,C2,N1,U4,PR1,,,\n")
    empty = open_context(f"sqlite:///{work / 'first-day.sqlite'}", user="demo.user")
    dialog = open_import_dialog(Session(empty, AS_OF), AS_OF, window,
                                [fixtures / "return_2025_26", bad])
    while dialog.task is not None:  # the check runs off the GUI thread
        _settle(app, 0.2)
    _save(dialog, "27-import-903-return", app)
    dialog.close()
    _settle(app)
    empty.dispose()


def _open_tracker_shot(window, work: Path, app) -> None:
    from permanence_tracker.gui.trackers import OpenTrackerDialog

    dialog = OpenTrackerDialog(work, window)
    dialog.show()
    _save(dialog, "28-open-tracker", app)
    dialog.close()


def _plan_late_tile_shot(window, app) -> None:
    """The dashboard's "without a plan" tile: still no plan, and agreed late."""
    page = _page(window, "Dashboard")
    while page.board is None or page._task is not None:
        _settle(app, 0.2)
    _save(page.tiles["without_plan"], "29-dashboard-tile-plan-agreed-late", app)


# -- issue 11's spreadsheet import wizard ------------------------------------------------
def _spreadsheet_workbook(path: Path) -> Path:
    """A small synthetic tracker workbook: title rows, typed statuses, two date styles, an IRO
    with stray spaces, a bad date and a totals row."""
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "LAC tracker"
    sheet.append(["Permanence tracker 2025-26 (synthetic)"])
    sheet.append([])
    sheet.append(["Child ID", "Forename", "Surname", "DOB", "Legal Status", "Date became LAC",
                  "1st LAC review", "2nd LAC review", "Plan type", "Date plan agreed", "IRO",
                  "Keyworker"])
    sheet.append(["S1", "Ada", "Ash", datetime(2015, 5, 4), "S20", "06/01/2025", "2025-02-03",
                  "02/05/2025", "Long term fostering", "01/04/2025", " Jo  Bloggs ", "Sam Sw"])
    sheet.append(["S2", "Ben", "Birch", "04/05/2016", "ICO", "06/01/2025", "03/02/2025",
                  "2025-05-02", "SGO", "01/07/2025", "Jo Bloggs", ""])
    sheet.append(["S3", "Cy", "Cole", "04/05/2017", "ICO", "06/01/2025", "03/02/2025",
                  "02/05/2025", "Adoption", "01/04/2025", "Kay Lee", ""])
    sheet.append(["S4", "Dot", "Dale", "31/02/2016", "S20", "06/01/2025", "", "", "", "", "",
                  ""])
    sheet.append(["Total", 4])
    book.save(path)
    return path


def _spreadsheet_wizard_shots(window, work: Path, app) -> None:
    """File ▸ Import tracker spreadsheet… on a tracker holding S3 from a 903 return (so the
    sheet's legal status conflicts), one shot per page."""
    from permanence_tracker.app import open_context
    from permanence_tracker.domain.entities import Child, Episode
    from permanence_tracker.gui.import_spreadsheet import open_spreadsheet_wizard
    from permanence_tracker.gui.session import Session
    from permanence_tracker.services.records.editing import add_child, save_episode

    context = open_context(f"sqlite:///{work / 'spreadsheet.sqlite'}", user="demo.user")
    add_child(context.uow, Child("S3", date(2017, 5, 4), forename="Cy", surname="Cole"), AS_OF)
    save_episode(context.uow, Episode("S3", date(2025, 1, 6), "S", "V2", placement="U4",
                                      provider="PR1"), AS_OF)
    path = _spreadsheet_workbook(work / "our-tracker.xlsx")
    wizard = open_spreadsheet_wizard(Session(context, AS_OF), AS_OF, window, path)
    while not wizard.file_page.isComplete():
        _settle(app, 0.2)
    _save(wizard, "40-spreadsheet-choose-file", app)
    wizard.next()
    _save(wizard, "41-spreadsheet-map-columns", app)
    wizard.next()
    while wizard.state.preview is None:
        _settle(app, 0.2)
    wizard.preview_page.tabs.setCurrentIndex(2)  # the conflicts, one decided
    wizard.preview_page.conflicts.decide(0, "take")
    _save(wizard, "42-spreadsheet-preview", app)
    wizard.next()
    wizard.import_page.skip_box.setChecked(True)
    _save(wizard, "43-spreadsheet-import", app)
    wizard.import_page.rejects_edit.setText(str(work / "rejected-rows.csv"))
    wizard.next()
    while wizard.currentId() != 4:  # the commit runs off the GUI thread
        _settle(app, 0.2)
    _save(wizard, "44-spreadsheet-summary", app)
    wizard.close()
    _settle(app)
    context.dispose()


# -- issue 12's passphrase dialogs -------------------------------------------------------
def _passphrase_shots(app) -> None:
    """The passphrase asked at start (and again after a wrong one) and the passphrase set for
    a new tracker with its strength hint, on the default tracker's path. The passphrase typed
    is a made-up one, shown as dots."""
    from permanence_tracker.app import default_url, shown_url
    from permanence_tracker.gui.passphrase import (
        TRIES,
        AskPassphraseDialog,
        NewPassphraseDialog,
    )

    where = shown_url(default_url())
    ask = AskPassphraseDialog(where)
    ask.show()
    _save(ask, "45-passphrase-asked-at-start", app)
    ask.close()
    left = TRIES - 1
    ask = AskPassphraseDialog(where, "That passphrase is not right for this tracker (nothing "
                              f"was changed). {left} tries left.")
    ask.field.setText("not-this-one")
    ask.show()
    _save(ask, "46-passphrase-asked-again", app)
    ask.close()
    new = NewPassphraseDialog(where)
    new.show()
    new.first.setText("kettle orbit")  # Fair: the longest hint the dialog shows
    new.second.setText("kettle orbit")
    _save(new, "47-set-passphrase-strength-hint", app)
    new.close()


# -- issue 12's users, find any child and pseudonymising ---------------------------------
def _users_shots(window, session, app) -> None:
    """File ▸ Users… with made-up users (an administrator, an IRO with their IRO name, a
    manager, one deactivated), then Add user refusing an IRO without an IRO name."""
    from permanence_tracker.domain.roles import Role, User
    from permanence_tracker.services import users
    from permanence_tracker.services.records import iros

    iro = next(row.name for row in iros.iro_list(session.uow) if row.active)
    for user in (User("demo.user", Role.ADMINISTRATOR.value, "Demo User"),
                 User("a.mitchell", Role.IRO.value, iro, iro_name=iro),
                 User("h.ward", Role.MANAGER.value, "Hana Ward"),
                 User("p.reed", Role.PANEL_ADMINISTRATOR.value, "Pat Reed")):
        users.add_user(session.uow, user)
    users.deactivate(session.uow, "p.reed")  # left the authority: kept, cannot open it
    dialog = window.open_users()
    dialog.reload("a.mitchell")
    _save(dialog, "48-users", app)
    add = dialog.add_user()
    add.ui.login.setText("s.iro")
    add.ui.display_name.setText("Sam Iro")
    add.ui.role.setCurrentIndex(add.ui.role.findData(Role.IRO.value))
    add.save()  # refused: an IRO needs the name children's records give (under its field)
    _save(add, "49-add-user-problems-under-fields", app)
    add.close()
    dialog.close()


def _find_child_shots(window, session, app) -> None:
    """File ▸ Find any child… as an IRO (a family name many children share: a few theirs,
    the rest read only), and a child outside their caseload opened read only."""
    from dataclasses import replace

    from permanence_tracker.domain.roles import Actor, Role
    from permanence_tracker.gui.child_record import ChildRecordWindow
    from permanence_tracker.gui.find_child import FindChildDialog
    from permanence_tracker.services.authorization import acting
    from permanence_tracker.services.records import iros

    iro = next(row.name for row in iros.iro_list(session.uow) if row.active)
    uow = acting(session.uow, Actor("a.mitchell", Role.IRO, iro_name=iro, display_name=iro))
    context = replace(session.context, uow=uow)
    opened = []

    def open_child(child_id: str, read_only: bool):
        record = ChildRecordWindow(context.uow, child_id, AS_OF, AS_OF, window,
                                   demo=session.is_demo, read_only=read_only)
        record.show()
        opened.append(record)
        return record

    dialog = FindChildDialog(context.uow, open_child, window)
    dialog.show()
    dialog.text.setText("Pearson")
    dialog.search()
    rows = dialog.model.rows()
    other = next(n for n, c in enumerate(rows) if not c.editable and c.looked_after)
    dialog.view.selectRow(other)
    _save(dialog, "50-find-any-child", app)
    record = dialog.open_chosen()
    record.resize(1200, 800)
    _save(record, "51-child-record-read-only", app)
    record.close()
    dialog.close()


def _pseudonymise_shots(window, session, work: Path, app) -> None:
    """Export to Excel…'s save dialog with its Pseudonymise box ticked, and the Reports dialog
    with a child's review preparation sheet generated pseudonymised."""
    from permanence_tracker.gui.export_table import export_dialog
    from permanence_tracker.gui.reports_dialog import ReportsDialog

    _page(window, "Children")
    dialog, box = export_dialog(window, "Children")
    dialog.setDirectory(str(work))
    box.setChecked(True)
    dialog.show()
    _save(dialog, "52-export-to-excel-pseudonymise", app)
    dialog.close()
    flagged = next(r for r in session.rows if r.flags and r.looked_after)
    reports = ReportsDialog(session, window)
    reports.report.setCurrentIndex(reports.report.findData("review-prep"))
    reports.child.setText(flagged.child_id)
    reports.pseudonymise.setChecked(True)
    reports.show()
    reports.generate()
    while reports.task is not None:  # the report is made off the GUI thread
        _settle(app, 0.2)
    _save(reports, "53-reports-pseudonymise", app)
    reports.close()


if __name__ == "__main__":
    sys.exit(main())
