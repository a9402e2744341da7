"""First run: create an empty tracker, open an existing one, or explore a demo authority."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFileDialog,
    QLabel,
    QVBoxLayout,
)

FOCUS_OUTLINE = ("QCommandLinkButton { border: 2px solid transparent; border-radius: 4px; }"
                 "QCommandLinkButton:focus { border: 2px solid palette(highlight); }")


@dataclass(frozen=True)
class Choice:
    url: str
    demo: bool = False


class WelcomeDialog(QDialog):
    def __init__(self, data_dir: Path, parent=None) -> None:
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
        self.create_button = QCommandLinkButton(
            "Create an empty tracker", f"Start a new database in {data_dir}")
        self.open_button = QCommandLinkButton(
            "Open an existing tracker…", "Choose a tracker file (.sqlite) on this computer")
        self.demo_button = QCommandLinkButton(
            "Explore a demo authority",
            "About 750 synthetic children with five years of history, marked DEMO everywhere")
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
        layout.addWidget(self.create_button)
        layout.addWidget(self.open_button)
        layout.addWidget(self.demo_button)
        self.resize(560, 380)

    def _finish(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()

    def _create(self) -> None:
        self._finish(Choice(f"sqlite:///{self.data_dir / 'permanence-tracker.sqlite'}"))

    def _open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open a tracker", str(self.data_dir),
                                              "Tracker databases (*.sqlite *.db);;All files (*)")
        if path:
            self._finish(Choice(f"sqlite:///{path}"))

    def _demo(self) -> None:
        self._finish(Choice(f"sqlite:///{self.data_dir / 'demo.sqlite'}", demo=True))
