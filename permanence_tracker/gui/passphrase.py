"""The passphrase of an encrypted (SQLCipher) tracker in the app: set on creating a tracker
(typed twice, with a strength hint), asked for on opening one (three tries, then back to the
welcome screen, nothing changed), and File ▸ Change passphrase….

The passphrase lives in these dialogs' fields and the engine's connect listener only: never in
QSettings, a log, the status bar or a message (tests/gui/test_passphrase.py greps the settings
file).
"""

from __future__ import annotations

import importlib
import string

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from permanence_tracker import app as composition
from permanence_tracker.gui import tasks

MIN_LENGTH = 8
TRIES = 3


class PassphraseRefused(Exception):
    """Three wrong passphrases: the tracker was not opened, and nothing was changed."""


def strength_hint(passphrase: str) -> tuple[str, bool]:
    """A hint on a new passphrase's strength, and whether it is long enough to accept.

    zxcvbn's estimate when it is installed; otherwise an honest rule of thumb from length and
    the kinds of character used (it cannot spot a common phrase, so it says so).
    """
    if len(passphrase) < MIN_LENGTH:
        return (f"Too short: at least {MIN_LENGTH} characters (several words are easy to "
                "remember and hard to guess).", False)
    try:  # optional: used only when already installed (not a dependency)
        zxcvbn = importlib.import_module("zxcvbn")
    except ImportError:
        zxcvbn = None
    if zxcvbn is not None:
        score = zxcvbn.zxcvbn(passphrase)["score"]
        return (("Weak", "Weak", "Fair", "Good", "Strong")[score] + " (zxcvbn's estimate).",
                True)
    kinds = sum(any(c in group for c in passphrase) for group in (
        string.ascii_lowercase, string.ascii_uppercase, string.digits))
    kinds += any(not c.isalnum() for c in passphrase)
    if len(passphrase) >= 16 or (len(passphrase) >= 12 and kinds >= 3):
        word = "Good"
    else:
        word = "Fair: longer is stronger (16 characters or more, or several words)"
    return (f"{word}. {len(passphrase)} characters, {kinds} of 4 kinds (lower case, upper "
            "case, digits, others); this check cannot tell a well-known phrase, so avoid "
            "one.", True)


def _secret_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


def _fit_height(dialog: QDialog) -> None:
    """Grow ``dialog`` to the height its wrapped labels need at its width: a window does not
    do that by itself, so a long tracker path, a hint or a problem was cut off."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    needed = (layout.heightForWidth(dialog.width()) if layout.hasHeightForWidth()
              else layout.sizeHint().height())
    dialog.setMinimumHeight(needed)
    if dialog.height() < needed:
        dialog.resize(dialog.width(), needed)


def _problem_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color:#b71c1c;")
    label.setWordWrap(True)
    label.setAccessibleName("Problem")
    return label


class NewPassphraseDialog(QDialog):
    """Set a new tracker's passphrase: typed twice, with a strength hint."""

    def __init__(self, where: str, parent: QWidget | None = None, *,
                 current: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change the passphrase" if current else "Set a passphrase")
        intro = QLabel(
            f"The tracker {where} is encrypted: without this passphrase nobody can read it, "
            "so a lost laptop does not lose the children's records. Keep it safe: it cannot "
            "be recovered if forgotten.")
        intro.setWordWrap(True)
        self.current = _secret_field("Current passphrase") if current else None
        self.first = _secret_field("New passphrase" if current else "Passphrase")
        self.second = _secret_field("The same passphrase again")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName("Strength")
        self.problem = _problem_label()
        self.problem.hide()  # no empty gap above the buttons until there is a problem
        form = QFormLayout()
        if self.current is not None:
            form.addRow("&Current passphrase:", self.current)
        form.addRow("&New passphrase:" if current else "&Passphrase:", self.first)
        form.addRow("&Again:", self.second)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        for field in (self.first, self.second):
            field.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(480, 0)
        self._update()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        _fit_height(self)

    def _update(self) -> None:
        text = self.first.text()
        self.hint.setText(strength_hint(text)[0] if text else "")
        _fit_height(self)

    def fill(self, passphrase: str, current: str = "") -> None:
        """Type ``passphrase`` twice (and ``current``) and press OK: for tests."""
        if self.current is not None:
            self.current.setText(current)
        self.first.setText(passphrase)
        self.second.setText(passphrase)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    def problem_text(self) -> str:
        if not strength_hint(self.first.text())[1]:
            return strength_hint(self.first.text())[0]
        if self.first.text() != self.second.text():
            return "The two passphrases differ: type them again."
        return ""

    def _accept(self) -> None:
        self.say(self.problem_text())
        problem = self.problem.text()
        if not problem:
            self.accept()

    def say(self, problem: str) -> None:
        """Show ``problem`` above the buttons ('' hides it)."""
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        _fit_height(self)

    @property
    def passphrase(self) -> str:
        return self.first.text()


class AskPassphraseDialog(QDialog):
    """Ask for an encrypted tracker's passphrase on opening it."""

    def __init__(self, where: str, problem: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Passphrase needed")
        intro = QLabel(f"The tracker {where} is encrypted. Type its passphrase to open it.")
        intro.setWordWrap(True)
        self.field = _secret_field("Passphrase")
        self.problem = _problem_label()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.problem)
        layout.addWidget(self.field)
        layout.addWidget(self.buttons)
        self.resize(440, 0)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        _fit_height(self)

    def fill(self, passphrase: str) -> None:
        """Type ``passphrase`` and press Open: for tests."""
        self.field.setText(passphrase)
        self.buttons.button(QDialogButtonBox.StandardButton.Open).click()


def ask_new(where: str, parent: QWidget | None) -> str | None:
    """A new tracker's passphrase, or None when the user cancels."""
    dialog = NewPassphraseDialog(where, parent)
    return dialog.passphrase if dialog.exec() else None


def open_encrypted(url: str, create: bool, parent: QWidget | None, opener):
    """Open an encrypted tracker with ``opener(passphrase)``, asking up to three times; None
    when the user cancels. Raises :class:`PassphraseRefused` after three wrong ones."""
    where = composition.shown_url(url)
    problem = ""
    for attempt in range(1, TRIES + 1):
        dialog = AskPassphraseDialog(where, problem, parent)
        if not dialog.exec():
            return None
        try:
            return opener(dialog.field.text())
        except composition.WrongPassphrase:
            left = TRIES - attempt
            problem = (f"That passphrase is not right for this tracker (nothing was changed). "
                       f"{left} {'try' if left == 1 else 'tries'} left.")
    raise PassphraseRefused(f"Three passphrases were not right for {where}: it was not "
                            "opened, and nothing in it was changed.")


def change_passphrase(window) -> bool:
    """File ▸ Change passphrase…: re-key the open tracker; whether it was changed."""
    context = window.session.context
    if not composition.is_encrypted(context.url):
        QMessageBox.information(
            window, "Not encrypted",
            f"{context.shown} is not encrypted, so it has no passphrase. To encrypt it, close "
            "the app and run `permanence-tracker encrypt` (server databases are protected by "
            "the server).")
        return False
    dialog = NewPassphraseDialog(context.shown, window, current=True)
    while dialog.exec():
        assert dialog.current is not None
        tasks.settle()  # no read may still be running on the old key while it changes
        try:
            composition.change_passphrase(context.url, dialog.current.text(),
                                          dialog.passphrase, context)
        except composition.WrongPassphrase:
            dialog.say("The current passphrase is not right: nothing was changed.")
            continue
        window.statusBar().showMessage("The passphrase was changed.", 5000)
        return True
    return False
