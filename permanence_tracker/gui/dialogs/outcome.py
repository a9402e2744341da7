"""Add a monitoring outcome from the authority's configured list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from permanence_tracker.domain.entities import MonitoringOutcome
from permanence_tracker.gui.dialogs.base import RecordDialog, chosen, fill_codes, get_date
from permanence_tracker.gui.forms.ui_outcome_dialog import Ui_OutcomeDialog
from permanence_tracker.services.records import editing as records


class OutcomeDialog(RecordDialog):
    FORM = Ui_OutcomeDialog

    def __init__(self, uow_factory: Callable, today: date, child_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, parent)
        self.child_id = child_id
        self.setWindowTitle(f"Monitoring outcome for {child_id}")
        with uow_factory() as uow:
            outcomes = uow.settings().monitoring_outcomes
        fill_codes(self.ui.outcome, ((o, "") for o in outcomes), blank="Choose an outcome…")

    def store(self) -> MonitoringOutcome:
        ui = self.ui
        outcome = MonitoringOutcome(self.child_id, get_date(ui.recorded), chosen(ui.outcome),
                                    ui.notes.toPlainText().strip())
        return records.add_outcome(self.uow_factory, outcome, self.today)
