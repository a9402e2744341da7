"""Which tracker the app shows: the last one used and the recent list (QSettings), File ▸ Open
tracker… and File ▸ Open Recent, connecting (asking for a server password when one is needed),
and switching the running app to another tracker.

Only a tracker the user opens in the app is remembered; ``--db`` and PERMANENCE_TRACKER_DB are
one-off. No password is ever stored or shown: URLs are remembered without it (libpq finds it in
~/.pgpass or a service file, or the app asks and keeps it for this session only).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from permanence_tracker import app as composition
from permanence_tracker.gui.welcome import Choice

LAST = "database/url"  # the key earlier versions used: a remembered tracker survives an upgrade
RECENT = "database/recent"
MAX_RECENT = 8


def _bare(url: str) -> str | None:
    """``url`` without a password; None when it cannot be read (so it is not kept at all)."""
    try:
        return composition.url_without_password(url)
    except ValueError:
        return None


def last_used() -> str | None:
    """The tracker last opened in the app; a password stored by an older version is wiped."""
    settings = QSettings()
    stored = settings.value(LAST)
    if not stored:
        return None
    bare = _bare(str(stored))
    if bare != stored:
        if bare:
            settings.setValue(LAST, bare)
        else:
            settings.remove(LAST)
    return bare


def recent() -> list[str]:
    """Trackers opened in the app, most recent first, without passwords."""
    stored = QSettings().value(RECENT) or []
    urls = [stored] if isinstance(stored, str) else list(stored)
    bare = [b for b in (_bare(str(u)) for u in urls) if b]
    return list(dict.fromkeys(bare))[:MAX_RECENT]


def _store_recent(urls: list[str]) -> None:
    settings = QSettings()
    if urls:
        settings.setValue(RECENT, urls)
    else:
        settings.remove(RECENT)


def remember(url: str) -> None:
    """Make ``url`` (without its password) the last used and the top of the recent list."""
    bare = _bare(url)
    if not bare:
        return
    QSettings().setValue(LAST, bare)
    _store_recent([bare, *[u for u in recent() if u != bare]][:MAX_RECENT])


def forget(url: str) -> None:
    _store_recent([u for u in recent() if u != url])


def clear_recent() -> None:
    _store_recent([])


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for a server."""
    if not url.startswith("sqlite") or "///" not in url or url.endswith(":memory:"):
        return None
    return Path(url.split("///", 1)[1])


def is_missing(url: str) -> bool:
    """Whether a remembered SQLite tracker's file has gone (servers are asked when opened)."""
    path = sqlite_path(url)
    return path is not None and not path.is_file()


# -- connecting ----------------------------------------------------------------------------
def needs_password(message: str) -> bool:
    """Whether a server refused for want of a password (libpq: "fe_sendauth: no password
    supplied", "password authentication failed for user ...")."""
    text = message.lower()
    return "no password supplied" in text or "password authentication failed" in text


def with_password(url: str, password: str) -> str:
    """``url`` with ``password`` for its user, to connect with (never stored or shown)."""
    parts = urlsplit(url)
    user, _, host = parts.netloc.rpartition("@")
    name = user.partition(":")[0]
    return urlunsplit(parts._replace(netloc=f"{name}:{quote(password, safe='')}@{host}"))


def connect(choice: Choice, parent: QWidget | None) -> composition.Context | None:
    """Open ``choice``'s tracker. A server that wants a password gets one asked for here (kept
    in memory for this session only); None when the user cancels that question.

    An encrypted tracker's passphrase is asked for (three tries, then
    :class:`~permanence_tracker.gui.passphrase.PassphraseRefused`); a new SQLite tracker (not
    the demo) gets one set first. Raises :class:`~permanence_tracker.app.NoTrackerError` when
    there is no tracker and the choice may not create one, and whatever the server says
    otherwise.
    """
    from permanence_tracker.gui import passphrase as phrases

    if composition.is_encrypted(choice.url):  # asks up to three times (gui/passphrase.py)
        return phrases.open_encrypted(choice.url, choice.create, parent, lambda key: (
            composition.open_context(choice.url, create=choice.create, passphrase=key)))
    if choice.create and not choice.demo and _new_file(choice.url):
        # A new tracker is encrypted (README "Encryption"): its passphrase is set first
        key = phrases.ask_new(composition.shown_url(choice.url), parent)
        if key is None:
            return None
        return composition.open_context(choice.url, create=True, passphrase=key)
    url = choice.url
    while True:
        try:
            return composition.open_context(url, create=choice.create)
        except composition.NoTrackerError as exc:
            if not needs_password(exc.reason):
                raise
            message = exc.reason
        except Exception as exc:
            if not needs_password(str(exc)):
                raise
            message = str(exc)
        refused = "That password was refused. " if url != choice.url else ""
        password, ok = QInputDialog.getText(
            parent, "Password needed",
            f"{refused}The server at {composition.shown_url(choice.url)} asks for a password "
            f"({message.strip()}).\nIt is used for this session only, never stored; a "
            "~/.pgpass or service file saves asking.", QLineEdit.EchoMode.Password)
        if not ok:
            return None
        url = with_password(choice.url, password)


def _new_file(url: str) -> bool:
    """Whether ``url`` names a SQLite file not there yet (a new tracker; servers are not
    encrypted by the app: the server protects them)."""
    path = sqlite_path(url)
    return path is not None and not path.exists()


def no_tracker_message(url: str) -> str:
    return (f"No tracker at {composition.shown_url(url)}: open an existing one or create a new "
            "one")


# -- the running app -----------------------------------------------------------------------
_windows: list[QMainWindow] = []  # a top-level window needs a Python owner; emptied on exit


def adopt(window: QMainWindow) -> None:
    _windows.append(window)


def release_all() -> None:
    """On exit: close every tracker's connections and let the windows go, in that order."""
    while _windows:
        window = _windows.pop()
        window.session.context.dispose()  # type: ignore[attr-defined]
        window.deleteLater()


def switch_to(window: QMainWindow, choice: Choice) -> QMainWindow | None:
    """Show ``choice``'s tracker in a new main window in place of ``window`` (whose
    connections are closed); the old window stays when the new tracker cannot be opened."""
    from permanence_tracker.gui.main import build_window
    from permanence_tracker.gui.passphrase import PassphraseRefused

    try:
        context = connect(choice, window)
    except PassphraseRefused as exc:
        QMessageBox.warning(window, "Tracker not opened", str(exc))
        return None
    except composition.NoTrackerError:
        QMessageBox.warning(window, "No tracker there", no_tracker_message(choice.url))
        return None
    except Exception as exc:  # noqa: BLE001 - a bad URL or an unreachable server: say so
        QMessageBox.warning(window, "Cannot open the tracker",
                            f"{composition.shown_url(choice.url)}\n\n{exc}")
        return None
    if context is None:
        return None
    fresh = build_window(replace(choice, remember=True), window.today,  # type: ignore[attr-defined]
                         context)
    adopt(fresh)
    fresh.setGeometry(window.geometry())
    fresh.show()
    window.close()
    if window in _windows:
        _windows.remove(window)
    window.session.stop()  # type: ignore[attr-defined]
    window.session.context.dispose()  # type: ignore[attr-defined]
    window.deleteLater()
    return fresh


def open_tracker(window: QMainWindow) -> QMainWindow | None:
    """File ▸ Open tracker…: ask which tracker, then switch the app to it."""
    dialog = OpenTrackerDialog(composition.data_dir(), window)
    if not dialog.exec() or dialog.choice is None:
        return None
    return switch_to(window, dialog.choice)


def open_recent(window: QMainWindow, url: str) -> QMainWindow | None:
    """File ▸ Open Recent ▸ url; a file that has gone is taken off the list, saying so."""
    if is_missing(url):
        forget(url)
        QMessageBox.information(window, "Tracker not found",
                                f"{composition.shown_url(url)} is no longer there, so it has "
                                "been taken off the recent list.")
        return None
    return switch_to(window, Choice(url))


class RecentMenu(QMenu):
    """File ▸ Open Recent: rebuilt from QSettings each time it opens."""

    def __init__(self, window: QMainWindow, parent: QWidget) -> None:
        super().__init__("Open &Recent", parent)
        self.main_window = window
        self.aboutToShow.connect(self.rebuild)
        self.triggered.connect(self._chosen)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        urls = recent()
        for number, url in enumerate(urls, start=1):
            missing = is_missing(url)
            action = self.addAction(f"&{number} {composition.shown_url(url)}"
                                    + (" (not found)" if missing else ""))
            action.setData(url)
            action.setEnabled(not missing)  # greyed: the file has been moved or deleted
        if not urls:
            self.addAction("No recent trackers").setEnabled(False)
        self.addSeparator()
        clear = self.addAction("Clear list")
        clear.setData("")
        clear.setEnabled(bool(urls))

    def _chosen(self, action) -> None:
        url = action.data()
        if url:
            open_recent(self.main_window, str(url))
        else:
            clear_recent()


def install_recent_menu(window: QMainWindow, file_menu: QMenu, after) -> RecentMenu:
    """Put File ▸ Open Recent just after ``after`` (Open tracker…)."""
    menu = RecentMenu(window, file_menu)
    actions = file_menu.actions()
    if after in actions[:-1]:
        file_menu.insertMenu(actions[actions.index(after) + 1], menu)
    else:
        file_menu.addMenu(menu)
    return menu


class OpenTrackerDialog(QDialog):
    """An existing tracker file, a tracker on a PostgreSQL server, or a new, empty tracker."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.choice: Choice | None = None
        self.setWindowTitle("Open tracker")
        self.file_choice = QRadioButton("A tracker &file on this computer")
        self.server_choice = QRadioButton("A tracker on a PostgreSQL &server")
        self.new_choice = QRadioButton("A &new, empty tracker")
        self.file_path = QLineEdit()
        self.file_path.setAccessibleName("Tracker file")
        self.server_url = QLineEdit()
        self.server_url.setAccessibleName("Server URL")
        self.server_url.setPlaceholderText("postgresql://user@host/dbname")
        self.server_url.setToolTip("Without the password: it is read from ~/.pgpass or a "
                                   "service file, or asked for when connecting")
        self.new_path = QLineEdit(str(data_dir / "permanence-tracker.sqlite"))
        self.new_path.setAccessibleName("New tracker file")
        self.problem = QLabel()
        self.problem.setStyleSheet("color:#b71c1c;")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem")
        browse_file = QPushButton("Browse…")
        browse_file.clicked.connect(self._browse_file)
        browse_new = QPushButton("Browse…")
        browse_new.clicked.connect(self._browse_new)
        grid = QGridLayout()
        rows = ((self.file_choice, self.file_path, browse_file),
                (self.server_choice, self.server_url, None),
                (self.new_choice, self.new_path, browse_new))
        for row, (radio, edit, button) in enumerate(rows):
            grid.addWidget(radio, 2 * row, 0, 1, 2)
            grid.addWidget(edit, 2 * row + 1, 0)
            if button is not None:
                grid.addWidget(button, 2 * row + 1, 1)
            edit.textEdited.connect(radio.click)  # typing in a field picks its choice
        self.file_choice.setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._open)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(560, 0)

    def _browse_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open a tracker", str(self.data_dir),
                                              "Tracker databases (*.sqlite *.db);;All files (*)")
        if path:
            self.file_path.setText(path)
            self.file_choice.setChecked(True)

    def _browse_new(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Create a tracker", str(self.data_dir),
                                              "Tracker databases (*.sqlite)")
        if path:
            self.new_path.setText(path)
            self.new_choice.setChecked(True)

    def chosen(self) -> tuple[Choice | None, str]:
        """The choice the fields make, or None and what to fix."""
        if self.server_choice.isChecked():
            url = self.server_url.text().strip()
            if not url.startswith("postgresql"):
                return None, "Type the server's URL, for example postgresql://user@host/dbname"
            try:
                composition.url_without_password(url)
            except ValueError as exc:
                return None, f"The server URL cannot be read: {exc}"
            return Choice(url), ""
        edit = self.file_path if self.file_choice.isChecked() else self.new_path
        text = edit.text().strip()
        if not text:
            return None, "Choose a file, with Browse… or by typing its path"
        path = Path(text).expanduser().absolute()
        if self.file_choice.isChecked():
            if not path.is_file():
                return None, (f"There is no file at {path}: choose an existing tracker, or "
                              "create a new one")
            return Choice(f"sqlite:///{path}"), ""
        if path.suffix == "":
            path = path.with_suffix(".sqlite")
        if path.exists():
            return None, (f"There is already a file at {path}: open it as an existing tracker, "
                          "or choose another name")
        return Choice(f"sqlite:///{path}", create=True), ""

    def _open(self) -> None:
        choice, problem = self.chosen()
        self.problem.setText(problem)
        if choice is not None:
            self.choice = choice
            self.accept()
