"""Issue 12, encryption in the app: a new tracker's passphrase is set twice with a strength
hint; an encrypted tracker asks for it (three tries, a message after each, then the welcome
screen, nothing changed); File ▸ Change passphrase… re-keys the open tracker; the passphrase
never reaches QSettings or the status bar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from permanence_tracker import app as composition
from permanence_tracker.gui import main, trackers
from permanence_tracker.gui import passphrase as phrases
from permanence_tracker.gui.passphrase import (
    NewPassphraseDialog,
    PassphraseRefused,
    strength_hint,
)
from permanence_tracker.gui.welcome import Choice

AS_OF = date(2026, 3, 31)
SECRET = "Tangerine-Lighthouse-42"

pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


@pytest.fixture(autouse=True)
def _release_windows():
    yield
    trackers.release_all()


def _settings_text() -> str:
    QSettings().sync()
    path = Path(QSettings().fileName())
    return path.read_text() if path.exists() else ""


def answer_each(answers: list) -> list[str]:
    """Answer the modal dialogs that open next, one answer each, in order; returns the
    problem each dialog showed when it opened."""
    problems: list[str] = []
    pending = list(answers)

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible() and pending:
            problem = getattr(dialog, "problem", None)  # a message box has none
            problems.append(problem.text() if problem is not None else "")
            pending.pop(0)(dialog)
        if pending:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return problems


def _encrypted_tracker(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'enc.sqlite'}"
    composition.open_context(url, passphrase=SECRET).dispose()
    return url


def test_the_strength_hint_is_honest():
    assert strength_hint("short") == (
        "Too short: at least 8 characters (several words are easy to remember and hard to "
        "guess).", False)
    hint, ok = strength_hint("abcdefgh")
    assert ok and hint.startswith("Fair: longer is stronger") and "1 of 4 kinds" in hint
    hint, ok = strength_hint(SECRET)
    assert ok and hint.startswith("Good.") and "cannot tell a well-known phrase" in hint


def test_a_new_passphrase_is_typed_twice_and_long_enough(qtbot):
    dialog = NewPassphraseDialog("t.sqlite")
    qtbot.addWidget(dialog)
    dialog.first.setText("abc")
    assert dialog.hint.text().startswith("Too short")
    dialog.second.setText("abc")
    dialog._accept()
    assert dialog.problem.text().startswith("Too short") and dialog.result() == 0
    dialog.first.setText(SECRET)
    dialog.second.setText(SECRET + "x")
    dialog._accept()
    assert dialog.problem.text() == "The two passphrases differ: type them again."
    assert dialog.result() == 0
    dialog.second.setText(SECRET)
    dialog._accept()
    assert dialog.problem.text() == ""
    assert dialog.result() == NewPassphraseDialog.DialogCode.Accepted


def test_creating_a_tracker_sets_its_passphrase_and_keeps_it_out_of_settings(qtbot, tmp_path):
    path = tmp_path / "new.sqlite"
    choice = Choice(f"sqlite:///{path}", create=True)
    answer_each([lambda d: d.fill(SECRET)])
    context = trackers.connect(choice, None)
    assert context is not None and context.created
    assert composition.is_encrypted(choice.url) and SECRET not in repr(context)
    window = main.build_window(choice, AS_OF, context)
    trackers.adopt(window)
    qtbot.waitUntil(lambda: window.session.cohort is not None, timeout=10000)
    assert SECRET not in window.statusBar().currentMessage()
    assert choice.url in _settings_text() and SECRET not in _settings_text()
    assert SECRET.encode() not in path.read_bytes()


def test_a_cancelled_passphrase_creates_nothing(qtbot, tmp_path):
    path = tmp_path / "never.sqlite"
    answer_each([lambda d: d.reject()])
    assert trackers.connect(Choice(f"sqlite:///{path}", create=True), None) is None
    assert not path.exists()


def test_the_demo_asks_no_passphrase(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(phrases, "ask_new", lambda *a: pytest.fail("asked for a passphrase"))
    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    context = trackers.connect(Choice(url, demo=True, create=True), None)
    context.dispose()
    assert not composition.is_encrypted(url)


def test_three_wrong_passphrases_say_so_each_time_and_change_nothing(qtbot, tmp_path):
    url = _encrypted_tracker(tmp_path)
    before = (tmp_path / "enc.sqlite").read_bytes()
    problems = answer_each([lambda d: d.fill("wrong one")] * 3)
    with pytest.raises(PassphraseRefused, match="Three passphrases were not right"):
        trackers.connect(Choice(url), None)
    assert problems[0] == ""
    assert problems[1].startswith("That passphrase is not right for this tracker (nothing "
                                  "was changed). 2 tries left.")
    assert problems[2].endswith("1 try left.")
    assert (tmp_path / "enc.sqlite").read_bytes() == before


def test_the_right_passphrase_on_the_second_try_opens_it(qtbot, tmp_path):
    url = _encrypted_tracker(tmp_path)
    answer_each([lambda d: d.fill("wrong"), lambda d: d.fill(SECRET)])
    context = trackers.connect(Choice(url), None)
    assert context is not None and not context.created
    context.dispose()


def test_after_three_wrong_tries_the_welcome_screen_says_why(qtbot, tmp_path, monkeypatch):
    url = _encrypted_tracker(tmp_path)
    notices = []
    monkeypatch.setattr(main, "welcome", lambda notice="": notices.append(notice))
    answer_each([lambda d: d.fill("nope")] * 3)
    assert main.open_first(Choice(url), AS_OF) is None
    assert notices and notices[0].startswith("Three passphrases were not right for")


def test_file_change_passphrase_rekeys_the_open_tracker(qtbot, tmp_path):
    url = _encrypted_tracker(tmp_path)
    answer_each([lambda d: d.fill(SECRET)])
    context = trackers.connect(Choice(url), None)
    window = main.build_window(Choice(url), AS_OF, context)
    trackers.adopt(window)
    qtbot.waitUntil(lambda: window.session.cohort is not None, timeout=10000)
    new = "Another-Long-Passphrase"
    problems = answer_each([lambda d: d.fill(new, current="not it"),
                            lambda d: d.fill(new, current=SECRET)])
    assert window.actions_by_name["passphrase"].text() == "Change passphrase…"
    assert window.change_passphrase() is True
    assert problems[1] == "The current passphrase is not right: nothing was changed."
    assert window.statusBar().currentMessage() == "The passphrase was changed."
    window.session.reload()  # new connections are keyed with the new passphrase
    qtbot.waitUntil(lambda: window.session.cohort is not None, timeout=10000)
    with pytest.raises(composition.WrongPassphrase):
        composition.open_context(url, create=False, passphrase=SECRET)
    assert SECRET not in _settings_text() and new not in _settings_text()


def test_change_passphrase_on_a_plain_tracker_says_how_to_encrypt(qtbot, tmp_path):
    url = f"sqlite:///{tmp_path / 'plain.sqlite'}"
    composition.open_context(url).dispose()  # made beforehand: no set-up dialog on opening
    window = main.build_window(Choice(url), AS_OF, composition.open_context(url))
    trackers.adopt(window)
    seen = []
    answer_each([lambda box: (seen.append(box.text()), box.done(0))])
    assert window.change_passphrase() is False
    assert "is not encrypted" in seen[0] and "permanence-tracker encrypt" in seen[0]
