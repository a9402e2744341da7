"""Issue 10, "Done when": a new authority's whole first day, in the app alone, on an EMPTY tracker.

Welcome screen ▸ Create an empty tracker; File ▸ Settings… (name, code, a closure day); two IROs
from the IROs page; three children added with File ▸ Add child… and brought into care from their
records; a review and a plan for one; File ▸ Import 903 return… of a small synthetic return
(tests/gui/data/first_day); and a printed report, headed with the authority's name. Nothing here
changes data but the app's own dialogs: the database is only read, to check what was stored.

Today (and the as-of date) is Tuesday 31/03/2026, as in the other GUI tests. 1st review due
(Care Planning Regs 2010 reg 33: within 20 working days of the start of care), counting from the
day after the start and skipping weekends, Good Friday 03/04/2026, Easter Monday 06/04/2026 and
the closure day 08/04/2026 set in Settings:
- N1 from Mon 02/03/2026: 3-6 Mar (4), 9-13 (9), 16-20 (14), 23-27 (19), 30 Mar (20): 30/03/2026.
- N2 from Mon 16/03/2026: 17-20 Mar (4), 23-27 (9), 30 Mar-2 Apr (13), 7 Apr (14), 9-10 (16),
  13-16 (20): 16/04/2026 (15/04 without the closure day).
- N3 from Tue 10/03/2026: 11-13 Mar (3), 16-20 (8), 23-27 (13), 30 Mar-2 Apr (17), 7 Apr (18),
  9-10 (20): 10/04/2026 (09/04 without the closure day).
N1's review 1 is held on Wed 25/03/2026, within its due date; review 2 is then due within three
months of it (reg 33): 25/06/2026.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.gui import main, trackers
from permanence_tracker.gui import reports_dialog as reports_module
from permanence_tracker.gui.child_record import ChildRecordWindow
from permanence_tracker.gui.child_record.header import facts
from permanence_tracker.gui.dialogs.child import ChildDialog
from permanence_tracker.gui.dialogs.plan import PlanDialog
from permanence_tracker.gui.dialogs.review import ReviewDialog
from permanence_tracker.gui.dialogs.settings import SettingsDialog
from permanence_tracker.gui.dialogs.start_care import StartCareDialog
from permanence_tracker.gui.import903 import Import903Dialog
from permanence_tracker.gui.import903 import dialog as import_module
from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.pages.children import ChildrenPage
from permanence_tracker.gui.pages.iros import IrosPage
from permanence_tracker.gui.reports_dialog import ReportsDialog
from permanence_tracker.gui.welcome import WelcomeDialog
from permanence_tracker.services.audit import verify_audit
from permanence_tracker.services.settings import list_settings

TODAY = date(2026, 3, 31)  # as in tests/gui/conftest.py
AUTHORITY = "Northbridge Borough Council"  # synthetic
RETURN = Path(__file__).parent / "data" / "first_day"  # R901 and R902, synthetic

# child ID, forename, surname, date of birth, IRO, start of care, legal status, placement,
# provider, CIN, review 1 due (worked out by hand in the module docstring)
CHILDREN = [
    ("N1", "Nia", "Vale", date(2015, 6, 12), "Ivy Irving", date(2026, 3, 2), "C2", "U4",
     "PR1", "N1", date(2026, 3, 30)),
    ("N2", "Ola", "Reed", date(2019, 1, 20), "Jon Jarvis", date(2026, 3, 16), "C1", "U6",
     "PR1", "N1", date(2026, 4, 16)),
    ("N3", "Pip", "Shaw", date(2011, 9, 5), "Ivy Irving", date(2026, 3, 10), "V2", "K2",
     "PR1", "N4", date(2026, 4, 10)),
]

pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


@pytest.fixture(autouse=True)
def _release_windows():
    yield
    trackers.release_all()


# -- helpers: answering the app's dialogs as a user would ---------------------------------
def answer_modal(kind: type[QWidget], answer: Callable[[QWidget], None]) -> list[QWidget]:
    """Answer the next modal dialog (one opened with exec()) once its event loop runs; the
    list returned gets the dialog. A failed answer closes it, so the test fails, not hangs."""
    seen: list[QWidget] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(dialog)
        try:
            assert isinstance(dialog, kind), dialog
            answer(dialog)
        finally:
            if dialog is not None and dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, act)
    return seen


def menu_action(window, menu_title: str, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == menu_title)
    return next(a for a in menu.actions() if a.text() == text)


def set_date(edit, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def pick(combo, data: str) -> None:
    index = combo.findData(data)
    if index < 0:
        index = combo.findText(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def save(dialog) -> None:
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def column(model, title: str) -> int:
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return titles.index(title)


def table(proxy, titles: list[str]) -> dict[str, tuple[str, ...]]:
    """What a page's table shows: the first column's text -> the columns named."""
    columns = [column(proxy, title) for title in titles]
    return {proxy.index(r, 0).data().lstrip("⚑ "): tuple(proxy.index(r, c).data()
                                                           for c in columns)
            for r in range(proxy.rowCount())}


def settled(qtbot, window, children: int) -> None:
    """Wait for the reload after a change: ``children`` in the cohort, no load running."""
    session = window.session
    qtbot.waitUntil(lambda: session.cohort is not None and not window.busy_label.text()
                    and len(session.cohort.standings) == children, timeout=20000)


def pdf_first_page(path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail("pdftotext is missing: install poppler-utils (apt-get install poppler-utils)")
    text = subprocess.run([tool, "-layout", "-f", "1", "-l", "1", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout
    return text


# -- the steps -------------------------------------------------------------------------------
def open_empty_tracker(qtbot, data: Path) -> MainWindow:
    """The welcome screen (no tracker yet) ▸ Create an empty tracker ▸ the main window, on a
    new tracker file in the (temporary) data folder."""
    assert trackers.last_used() is None
    seen = answer_modal(WelcomeDialog, lambda d: d.create_button.click())
    choice = main.choose_database(None)  # no --db, nothing remembered: the welcome screen
    assert seen and choice is not None and choice.create and not choice.demo
    created = data / "permanence-tracker" / "permanence-tracker.sqlite"
    assert choice.url == f"sqlite:///{created}" and not created.exists()
    # issue 12: a new tracker is encrypted, its passphrase set first (gui/passphrase.py)
    from permanence_tracker.gui.passphrase import NewPassphraseDialog

    answer_modal(NewPassphraseDialog, lambda d: d.fill("first day passphrase"))
    window = main.open_first(choice, TODAY)
    assert window is not None
    trackers.adopt(window)
    window.show()
    qtbot.waitUntil(lambda: window.session.cohort is not None, timeout=20000)
    assert window.session.cohort.standings == ()  # empty: no demo children
    assert created.exists() and trackers.last_used() == choice.url  # the next launch opens it
    return window


def set_up_settings(qtbot, window) -> None:
    """Settings opens by itself on a tracker just created, asking for the authority's name
    first; the File menu's Settings… would open the same dialog later."""
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(SettingsDialog)),
                    timeout=5000)
    (dialog,) = window.findChildren(SettingsDialog)
    assert "Set up your authority" in dialog.intro.text() and dialog.intro.isVisible()
    assert dialog.fields["authority_name"].hasFocus()
    assert menu_action(window, "&File", "Settings…").isEnabled()
    for field, text in (("authority_name", AUTHORITY), ("authority_code", "E06000099"),
                        ("closure_days", "08/04/2026")):
        dialog.fields[field].setFocus()
        dialog.set_text(field, text)
    with qtbot.waitSignal(window.session.changed, timeout=20000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not [d for d in window.findChildren(SettingsDialog) if d.isVisible()]  # closed


def add_iros(qtbot, window) -> IrosPage:
    window.actions_by_name["page:2"].trigger()  # Go ▸ IROs (Ctrl+3)
    page = window.stack.currentWidget()
    assert isinstance(page, IrosPage)
    for name, fte, dual, cp in (("Ivy Irving", "1", False, 0), ("Jon Jarvis", "0.6", True, 12)):
        page.toolbar.add.trigger()
        dialog = page.toolbar.dialog
        assert dialog is not None and dialog.windowTitle() == "Add an IRO"
        qtbot.keyClicks(dialog.ui.name, name)
        qtbot.keyClicks(dialog.ui.fte, fte)
        dialog.ui.dual_role.setChecked(dual)
        if dual:
            dialog.ui.cp_cases.setValue(cp)
        with qtbot.waitSignal(window.session.changed, timeout=20000):
            save(dialog)
    return page


def add_child(qtbot, window, child_id, forename, surname, dob, iro) -> ChildRecordWindow:
    def fill(dialog) -> None:
        assert dialog.windowTitle() == "Add a child"
        qtbot.keyClicks(dialog.ui.child_id, child_id)
        qtbot.keyClicks(dialog.ui.forename, forename)
        qtbot.keyClicks(dialog.ui.surname, surname)
        set_date(dialog.ui.dob, dob)
        pick(dialog.ui.sex, "F" if forename in ("Nia", "Ola") else "M")
        pick(dialog.ui.iro, iro)  # offered from the IROs just added
        save(dialog)

    answer_modal(ChildDialog, fill)
    menu_action(window, "&File", "Add child…").trigger()  # saves, reloads, opens the record
    (record,) = [w for w in window.findChildren(ChildRecordWindow) if w.child_id == child_id]
    return record


def start_care(qtbot, record: ChildRecordWindow, start, legal, place, provider, cin) -> None:
    assert "is not looked after yet" in record.care_text.text()
    menu_action(record, "Re&cord", "Start care…").trigger()
    dialog = record.dialog
    assert isinstance(dialog, StartCareDialog)
    set_date(dialog.ui.on, start)
    for combo, code in ((dialog.ui.legal_status, legal), (dialog.ui.placement, place),
                        (dialog.ui.provider, provider), (dialog.ui.cin, cin)):
        pick(combo, code)
    with qtbot.waitSignal(record.saved, timeout=10000):
        save(dialog)
    assert record.care_banner.isHidden()


def review_and_plan(qtbot, record: ChildRecordWindow) -> None:
    menu_action(record, "Re&cord", "Record review…").trigger()
    review = record.dialog
    assert isinstance(review, ReviewDialog)
    set_date(review.ui.held, date(2026, 3, 25))
    pick(review.ui.participation, "PN1")  # aged 10: PN1, attended and spoke for themself
    assert review.ui.iro.currentText() == "Ivy Irving"  # the child's IRO, by default
    with qtbot.waitSignal(record.saved, timeout=10000):
        save(review)
    menu_action(record, "Re&cord", "Permanence plan…").trigger()
    plan = record.dialog
    assert isinstance(plan, PlanDialog)
    set_date(plan.ui.agreed, date(2026, 3, 25))
    pick(plan.ui.primary, "Long-term fostering")
    with qtbot.waitSignal(record.saved, timeout=10000):
        save(plan)


def import_return(qtbot, window, monkeypatch) -> None:
    monkeypatch.setattr(import_module.QFileDialog, "getExistingDirectory",
                        lambda *args, **kwargs: str(RETURN))
    menu_action(window, "&File", "Import 903 return…").trigger()
    (dialog,) = window.findChildren(Import903Dialog)
    dialog.folder_button.click()  # Add folder…: the folder dialog answers RETURN
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert "Rejected rows: 0" in dialog.report.toPlainText()
    assert dialog.import_all_button.isEnabled()
    dialog.import_all_button.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=20000)
    assert "903 import written:" in dialog.summary.text()
    dialog.close_button.click()
    settled(qtbot, window, 3 + 2)


def print_report(qtbot, window, monkeypatch, tmp_path) -> Path:
    target = tmp_path / "caseloads.pdf"
    monkeypatch.setattr(reports_module.QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), ""))
    menu_action(window, "Report&s", "Reports…").trigger()
    (dialog,) = window.findChildren(ReportsDialog)
    dialog.report.setCurrentIndex(dialog.report.findData("caseloads"))
    dialog.generate_button.click()
    qtbot.waitUntil(lambda: dialog.task is None and bool(dialog.pdf), timeout=30000)
    dialog.save_button.click()
    assert dialog.message.text() == f"Saved {target}."
    dialog.close()
    return target


# -- the day -----------------------------------------------------------------------------------
def test_a_new_authoritys_first_day_in_the_app_alone(qtbot, monkeypatch, tmp_path):
    window = open_empty_tracker(qtbot, tmp_path / "data")  # XDG_DATA_HOME (conftest.py)
    uow = window.session.uow

    set_up_settings(qtbot, window)
    assert window.windowTitle() == f"{AUTHORITY} — Permanence Tracker"
    stored = {row.name: row.value for row in list_settings(uow)}
    assert (stored["authority_name"], stored["authority_code"], stored["closure_days"]) == (
        AUTHORITY, "E06000099", "08/04/2026")

    page = add_iros(qtbot, window)
    assert table(page.proxy, ["FTE", "Dual role", "CP cases"]) == {
        "Ivy Irving": ("1.0", "No", "0"), "Jon Jarvis": ("0.6", "Yes", "12")}

    for child_id, forename, surname, dob, iro, start, legal, place, provider, cin, due \
            in CHILDREN:
        record = add_child(qtbot, window, child_id, forename, surname, dob, iro)
        start_care(qtbot, record, start, legal, place, provider, cin)
        assert facts(record.record)["looked_after"].startswith(
            f"yes, since {uk_date(start)}")
        status = "overdue" if due < TODAY else "due"
        assert record.review_summary.text().startswith(
            f"Next: review 1, {status} by {uk_date(due)}"), record.review_summary.text()
        if child_id == "N1":
            review_and_plan(qtbot, record)
            assert record.review_summary.text().startswith("Next: review 2, due by 25/06/2026")
            assert record.header.values["plan"].text().startswith("Long-term fostering")
        history = record.models["history"]
        what = {history.index(r, column(history, "What")).data()
                for r in range(history.rowCount())}
        assert {"child details added", "episode added"} <= what, what
        if child_id == "N1":
            assert {"review added", "permanence plan added"} <= what, what
        record.close()
    settled(qtbot, window, 3)

    import_return(qtbot, window, monkeypatch)

    window.actions_by_name["page:0"].trigger()  # Go ▸ Children (Ctrl+1)
    children = window.stack.currentWidget()
    assert isinstance(children, ChildrenPage)
    shown = table(children.proxy, ["Name", "IRO", "Start of care", "Next review due"])
    assert shown == {
        "N1": ("Nia Vale", "Ivy Irving", "02/03/2026", "25/06/2026"),
        "N2": ("Ola Reed", "Jon Jarvis", "16/03/2026", "16/04/2026"),
        "N3": ("Pip Shaw", "Ivy Irving", "10/03/2026", "10/04/2026"),
        # imported (a 903 names no child and no IRO): R901's review 1 on 25/07/2025 puts
        # review 2 within three months, 25/10/2025; R902, from Mon 06/10/2025 with no review,
        # has review 1 due 20 working days on: 7-10 Oct (4), 13-17 (9), 20-24 (14),
        # 27-31 (19), 3 Nov (20): 03/11/2025
        "R901": ("", "", "01/07/2025", "25/10/2025"),
        "R902": ("", "", "06/10/2025", "03/11/2025"),
    }, shown

    window.actions_by_name["page:2"].trigger()
    assert table(page.proxy, ["FTE", "Looked after"]) == {
        "Ivy Irving": ("1.0", "2"), "Jon Jarvis": ("0.6", "1")}

    check = verify_audit(uow)  # every change audited: 3 settings, 2 IROs, 3 children and
    # their 3 episodes, N1's review and plan; the import's 2 children, 2 episodes, 1 review
    assert check.intact and check.entries == 3 + 2 + 3 + 3 + 2 + 5

    report = print_report(qtbot, window, monkeypatch, tmp_path)
    first_page = pdf_first_page(report)
    head = first_page.strip().splitlines()[:4]
    assert any(AUTHORITY in line for line in head), head
    assert "Demo Authority" not in first_page
    rows = [" ".join(line.split()) for line in first_page.splitlines()]
    # Ivy: N1 and N3 on 1.0 FTE; Jon: N2 on 0.6 FTE (1.67 per FTE), 12 CP cases; the two
    # imported children have no IRO. N1's next review is in June, N2's and N3's in April.
    assert "Ivy Irving 1 2 2 below 50–70 0 2 2 0 1" in rows, rows
    assert "Jon Jarvis 0.6 yes 1 1.67 below 50–70 12 13 21.67 0 1" in rows, rows
    assert any(line.startswith("2 looked-after children with no IRO named") for line in rows)
