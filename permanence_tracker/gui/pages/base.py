"""What every page shares: a title, the session, and a refresh when the session changes."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from permanence_tracker.gui.session import Session


class Page(QWidget):
    title = "Page"

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName(self.title)
        session.changed.connect(self.refresh)

    def refresh(self) -> None:
        """Re-read from ``self.session`` (rows, cohort, as-of date)."""

    def save_state(self, settings) -> None:
        """Store view state (column widths, sort) in a QSettings group."""

    def restore_state(self, settings) -> None:
        pass
