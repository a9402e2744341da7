"""First run (or no tracker where one was named): create an empty tracker, open an existing one,
or explore a demo authority."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QLabel,
    QVBoxLayout,
)

from permanence_tracker.domain.words import plural
from permanence_tracker.services.demo import demo_size
from permanence_tracker.services.demo.children import HISTORY_YEARS

FOCUS_OUTLINE = ("QCommandLinkButton { border: 2px solid transparent; border-radius: 4px; }"
                 "QCommandLinkButton:focus { border: 2px solid palette(highlight); }")


@dataclass(frozen=True)
class Choice:
    """A tracker to open. ``create`` lets the opening make a new, empty one (only "Create an
    empty tracker", the demo and Open tracker's create choice); ``remember`` makes it the last
    used and puts it in the recent list (not for ``--db`` or PERMANENCE_TRACKER_DB)."""

    url: str
    demo: bool = False
    create: bool = False
    remember: bool = True


def demo_description() -> str:
    """The demo's size in the figures the demo build makes and counts in its progress."""
    looked_after, total = demo_size()
    return (f"About {plural(looked_after, 'child', 'children')} looked after now, "
            f"{total:,} in all with those who left care in the last {HISTORY_YEARS} years; "
            "synthetic, marked DEMO everywhere")


class WelcomeDialog(QDialog):
    def __init__(self, data_dir: Path, parent=None, notice: str = "") -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.choice: Choice | None = None
        self.setWindowTitle("Welcome to Permanence Tracker")
        self.setAccessibleName("Welcome")
        intro = QLabel(
            "<h2>Permanence Tracker</h2><p>Looked-after children's reviews and permanence "
            "plans, with every statutory due date worked out for you.</p>"
            "<p>There is no tracker on this computer yet. What would you like to do?</p>")
        intro.setWordWrap(True)
        # Why the screen is shown when a tracker was named (--db) but is not there
        self.notice = QLabel(notice)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color:#b71c1c;font-weight:bold;")
        self.notice.setAccessibleName("Why no tracker was opened")
        self.notice.setVisible(bool(notice))
        self.create_button = QCommandLinkButton(
            "Create an empty tracker",
            f"Start a new database in {data_dir}, encrypted with a passphrase you choose")
        self.open_button = QCommandLinkButton(
            "Open an existing tracker…",
            "Choose a tracker file (.sqlite) on this computer, or a PostgreSQL server")
        self.demo_button = QCommandLinkButton("Explore a demo authority", demo_description())
        for button in (self.create_button, self.open_button, self.demo_button):
            button.setAccessibleName(button.text())
        # A command link draws no focus rectangle in several styles (Fusion among them), so
        # someone moving with Tab could not see which choice Enter would take: outline it.
        self.setStyleSheet(FOCUS_OUTLINE)
        self.create_button.clicked.connect(self._create)
        self.open_button.clicked.connect(self._open)
        self.demo_button.clicked.connect(self._demo)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.notice)
        layout.addWidget(self.create_button)
        layout.addWidget(self.open_button)
        layout.addWidget(self.demo_button)
        layout.addStretch(1)  # spare height below the choices, not inside them (screenshots)
        self.resize(560, self.heightForWidth(560) if self.hasHeightForWidth() else 300)

    def _finish(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()

    def _create(self) -> None:
        self._finish(Choice(f"sqlite:///{self.data_dir / 'permanence-tracker.sqlite'}",
                            create=True))

    def _open(self) -> None:
        """File ▸ Open tracker…'s dialog: a file, a server database, or a new one elsewhere."""
        from permanence_tracker.gui.trackers import OpenTrackerDialog

        dialog = OpenTrackerDialog(self.data_dir, self)
        if dialog.exec() and dialog.choice is not None:
            self._finish(dialog.choice)

    def _demo(self) -> None:
        self._finish(Choice(f"sqlite:///{self.data_dir / 'demo.sqlite'}", demo=True,
                            create=True))
