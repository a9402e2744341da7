"""File ▸ Back up now… and File ▸ Restore from backup… (issue 12, "Nothing lost"): a checked
backup says where it went; a restore reopens on the backup and keeps what it replaced; a bad
file is refused, changing nothing; the app backs up at open and keeps a daily timer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from permanence_tracker.gui import trackers
from permanence_tracker.gui.main import build_window
from permanence_tracker.gui.welcome import Choice

AS_OF = date(2026, 3, 31)

pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


@pytest.fixture
def window(qtbot, small_authority):
    win = build_window(Choice(small_authority.url, remember=False), AS_OF)  # opened again
    trackers.adopt(win)
    qtbot.waitUntil(lambda: win.session.cohort is not None, timeout=10000)
    yield win
    trackers.release_all()


def _ids(window) -> set[str]:
    return {s.history.child.child_id for s in window.session.cohort.standings}


def _boxes(widget) -> list[QMessageBox]:
    return [b for b in widget.findChildren(QMessageBox) if b.isVisible()]


def test_the_app_backs_up_at_open_and_keeps_a_daily_timer(window, small_authority):
    from PySide6.QtCore import QTimer

    store = window.session.context.backups
    assert len(store.backups()) == 1  # opening it made one (the fixture's made it, new: none)
    assert any(t.interval() == 24 * 3600 * 1000 and t.isActive()
               for t in window.findChildren(QTimer))
    again = build_window(Choice(small_authority.url, remember=False), AS_OF)
    trackers.adopt(again)  # the last backup is minutes old: the app backs up at open anyway
    assert len(store.backups()) == 2
    assert "Backed up to" in again.statusBar().currentMessage()


def test_back_up_now_says_where_the_checked_copy_went(window):
    store = window.session.context.backups
    before = {p for p, _ in store.backups()}
    window.actions_by_name["back_up"].trigger()
    (new,) = {p for p, _ in store.backups()} - before
    (box,) = _boxes(window)
    assert box.windowTitle() == "Backed up" and str(new) in box.text()
    box.accept()


def test_restore_reopens_on_the_backup_and_keeps_what_it_replaced(qtbot, window,
                                                                   small_authority):
    store = window.session.context.backups
    backup = window.back_up_now()
    backup.accept()
    newest = store.backups()[0][0]
    from permanence_tracker.domain.entities import Child
    from permanence_tracker.services.records import editing

    editing.add_child(window.session.uow, Child("P9", date(2015, 5, 5), "2", "Zed", "Late"),
                      AS_OF)
    small_authority.dispose()  # the fixture's own connections: restore refuses an open tracker
    fresh = window.restore_from_backup(str(newest), confirm=False)
    assert fresh is not None and fresh is not window
    qtbot.waitUntil(lambda: fresh.session.cohort is not None, timeout=10000)
    assert "P9" not in _ids(fresh) and "P1" in _ids(fresh)
    (box,) = _boxes(fresh)
    kept = Path(box.text().rsplit("\n", 1)[1])
    assert kept.exists() and kept.parent == store.folder
    box.accept()


def test_a_file_that_is_not_a_tracker_is_refused_and_nothing_changes(qtbot, window, tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 500)
    database = Path(window.session.context.url.removeprefix("sqlite:///"))
    before = database.read_bytes()
    assert window.restore_from_backup(str(bad), confirm=False) is None
    (box,) = _boxes(window)
    assert box.windowTitle() == "Restore refused" and "Nothing was changed" in box.text()
    box.accept()
    assert database.read_bytes() == before
    qtbot.waitUntil(lambda: window.session.cohort is not None)  # the same tracker, reloaded
