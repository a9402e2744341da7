"""Building the demo authority from the welcome screen, in the background with progress."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox

from permanence_tracker.gui import tasks
from permanence_tracker.services.records.queries import has_children


def offer_demo(window, session, today: date) -> None:
    if has_children(session.uow):
        session.reload()
        return

    def job(progress):
        from permanence_tracker.services.demo import build_demo

        progress(0, 0, "Building a synthetic demo authority…")
        # progress() raises when the user cancels; the build is one unit of work, so a cancel
        # leaves the tracker empty.
        return build_demo(session.uow, seed=1, as_of=today, progress=progress)

    tasks.run_with_progress(
        window, "Creating the demo authority", job,
        on_success=lambda _result: session.reload(),
        on_failure=lambda message: QMessageBox.warning(window, "Demo not created", message),
    )
