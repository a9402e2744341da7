"""Choosing the tracker (issue 10 item 6): --db is one-off, trackers opened in the app are
remembered and listed, no password is stored or shown, a mistyped --db creates nothing, and
File ▸ Open tracker… switches the window to another tracker's data."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QInputDialog, QLabel

from permanence_tracker import app as composition
from permanence_tracker.domain.entities import Child
from permanence_tracker.gui import main, trackers
from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.pages.children import ChildrenPage
from permanence_tracker.gui.session import Session
from permanence_tracker.gui.welcome import Choice, WelcomeDialog
from permanence_tracker.services.demo import demo_size
from permanence_tracker.services.records import editing as records

AS_OF = date(2026, 3, 31)
SECRET = "s3cret-Pw"

pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


@pytest.fixture(autouse=True)
def _release_windows():
    yield
    trackers.release_all()


def _settings_text() -> str:
    QSettings().sync()
    return Path(QSettings().fileName()).read_text() if Path(QSettings().fileName()).exists() else ""


def _open(qtbot, choice: Choice):
    window = main.build_window(choice, AS_OF)
    trackers.adopt(window)
    qtbot.waitUntil(lambda: window.session.cohort is not None, timeout=10000)
    return window


def test_db_argument_is_one_off(qtbot, small_authority):
    choice = main.choose_database(small_authority.url)
    assert choice.remember is False
    _open(qtbot, choice)
    assert trackers.last_used() is None and trackers.recent() == []


def test_a_tracker_opened_in_the_app_is_remembered_and_listed(qtbot, small_authority, tmp_path):
    other = composition.open_context(f"sqlite:///{tmp_path / 'other.sqlite'}")
    other.dispose()
    _open(qtbot, Choice(other.url))
    window = _open(qtbot, Choice(small_authority.url))
    assert trackers.last_used() == small_authority.url
    assert trackers.recent() == [small_authority.url, other.url]
    assert main.choose_database(None).url == small_authority.url  # next launch
    menu = window.recent_menu
    menu.rebuild()
    assert [a.text() for a in menu.actions()][:2] == [
        f"&1 {tmp_path / 'gui.sqlite'}", f"&2 {tmp_path / 'other.sqlite'}"]
    (tmp_path / "other.sqlite").unlink()
    menu.rebuild()
    gone = menu.actions()[1]
    assert gone.text().endswith("(not found)") and not gone.isEnabled()
    menu.actions()[-1].trigger()  # Clear list
    assert trackers.recent() == []


def test_a_password_is_never_stored(qtbot):
    trackers.remember(f"postgresql://pt:{SECRET}@db.example:5433/pt")
    assert trackers.last_used() == "postgresql://pt@db.example:5433/pt"
    assert trackers.recent() == ["postgresql://pt@db.example:5433/pt"]
    assert SECRET not in _settings_text()
    # a password an older version stored is wiped when read
    QSettings().setValue(trackers.LAST, f"postgresql://pt:{SECRET}@old.example/pt")
    assert trackers.last_used() == "postgresql://pt@old.example/pt"
    assert SECRET not in _settings_text()


def test_a_password_is_never_shown(qtbot, small_authority):
    context = replace(small_authority, url=f"postgresql://pt:{SECRET}@db.example/pt")
    window = MainWindow(Session(context, AS_OF), [ChildrenPage], today=AS_OF)
    qtbot.addWidget(window)
    trackers.remember(context.url)
    window.recent_menu.rebuild()
    window.actions_by_name["about"].trigger()
    shown = [label.text() for label in window.findChildren(QLabel)]
    shown += [window.windowTitle(), *(a.text() for a in window.recent_menu.actions())]
    assert any("db.example" in text for text in shown)
    assert not any(SECRET in text for text in shown)


def test_the_app_asks_for_a_password_and_keeps_it_out_of_settings(qtbot, monkeypatch,
                                                                     small_authority):
    tried = []

    def open_context(url, create):
        tried.append(url)
        if SECRET not in url:
            raise composition.NoTrackerError(url, "the server says: fe_sendauth: no password "
                                                  "supplied")
        return replace(small_authority, url=url)

    monkeypatch.setattr(composition, "open_context", open_context)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (SECRET, True))
    context = trackers.connect(Choice("postgresql://pt@db.example/pt"), None)
    assert tried == ["postgresql://pt@db.example/pt", f"postgresql://pt:{SECRET}@db.example/pt"]
    assert context.url == tried[-1]
    trackers.remember("postgresql://pt@db.example/pt")
    assert SECRET not in _settings_text()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    assert trackers.connect(Choice("postgresql://pt@db.example/pt"), None) is None  # cancelled


def test_a_mistyped_db_creates_nothing_and_says_so(monkeypatch, tmp_path):
    missing = tmp_path / "no such folder" / "trakcer.sqlite"
    notices = []

    def exec_(dialog):
        notices.append(dialog.notice.text())
        return 0  # the user closes the welcome screen

    monkeypatch.setattr(WelcomeDialog, "exec", exec_)
    assert main.run_gui(f"sqlite:///{missing}") == 0
    assert notices == [f"No tracker at {missing}: open an existing one or create a new one"]
    assert not missing.parent.exists()
    assert trackers.last_used() is None


def test_open_tracker_switches_the_window_to_the_other_tracker(qtbot, monkeypatch,
                                                                small_authority, tmp_path):
    other = composition.open_context(f"sqlite:///{tmp_path / 'other.sqlite'}", user="tester")
    records.add_child(other.uow, Child("Z9", date(2015, 5, 5), "2", "Zed", "Zulu"), AS_OF)
    other.dispose()
    first = _open(qtbot, Choice(small_authority.url, remember=False))

    def exec_(dialog):
        dialog.file_path.setText(str(tmp_path / "other.sqlite"))
        dialog._open()
        return dialog.result()

    monkeypatch.setattr(trackers.OpenTrackerDialog, "exec", exec_)
    first.actions_by_name["open_tracker"].trigger()
    (second,) = trackers._windows
    assert second is not first and not first.isVisible()
    qtbot.waitUntil(lambda: second.session.cohort is not None, timeout=10000)
    assert second.session.context.url == other.url
    assert [s.history.child.child_id for s in second.session.cohort.standings] == ["Z9"]
    assert trackers.recent() == [other.url]


def test_open_tracker_dialog_refuses_what_it_cannot_open(qtbot, tmp_path):
    dialog = trackers.OpenTrackerDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.file_path.setText(str(tmp_path / "nope.sqlite"))
    dialog._open()
    assert dialog.choice is None and "There is no file at" in dialog.problem.text()
    (tmp_path / "taken.sqlite").write_text("")
    dialog.new_choice.setChecked(True)
    dialog.new_path.setText(str(tmp_path / "taken.sqlite"))
    dialog._open()
    assert dialog.choice is None and "There is already a file" in dialog.problem.text()
    dialog.new_path.setText(str(tmp_path / "fresh"))
    dialog._open()
    assert dialog.choice == Choice(f"sqlite:///{tmp_path / 'fresh.sqlite'}", create=True)
    assert not (tmp_path / "fresh.sqlite").exists()  # created only when opened


def test_welcome_choices_say_which_create(qtbot, tmp_path):
    dialog = WelcomeDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.create_button.click()
    assert dialog.choice.create and dialog.choice.remember
    looked_after, total = demo_size()
    assert f"{looked_after:,} children looked after now, {total:,} in all" in (
        dialog.demo_button.description())


def test_welcome_open_uses_the_open_tracker_dialog(qtbot, monkeypatch, tmp_path):
    kept = composition.open_context(f"sqlite:///{tmp_path / 'kept.sqlite'}")
    kept.dispose()
    url = kept.url

    def exec_(dialog):
        dialog.file_path.setText(str(tmp_path / "kept.sqlite"))
        dialog._open()
        return dialog.result()

    monkeypatch.setattr(trackers.OpenTrackerDialog, "exec", exec_)
    dialog = WelcomeDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.open_button.click()
    assert dialog.choice == Choice(url)  # an existing tracker: opened, never created


def test_a_closed_sessions_reload_reports_nothing(qtbot, small_authority):
    """Switching tracker stops the old session's reload: its result never reaches the old
    window's pages (whose database has been closed)."""
    session = Session(small_authority, AS_OF)
    task = session.reload()
    session.stop()
    with qtbot.assertNotEmitted(session.changed, wait=1500):
        pass
    assert session.cohort is None and task.signalsBlocked()


def test_a_vanished_last_tracker_is_said_not_replaced(monkeypatch, tmp_path):
    """The tracker last used was moved or deleted: the welcome screen says so; the app neither
    opens another tracker silently nor creates one where the old one was."""
    gone = tmp_path / "moved away" / "tracker.sqlite"
    trackers.remember(f"sqlite:///{gone}")
    notices = []

    def exec_(dialog):
        notices.append(dialog.notice.text())
        return 0

    monkeypatch.setattr(WelcomeDialog, "exec", exec_)
    assert main.choose_database(None) is None
    assert notices == [f"The tracker last used is no longer there: No tracker at {gone}: open "
                       "an existing one or create a new one"]
    assert not gone.parent.exists()
