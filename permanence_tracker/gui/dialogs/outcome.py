"""Add a monitoring outcome from the authority's configured list."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from permanence_tracker.domain.entities import MonitoringOutcome
from permanence_tracker.gui.dialogs.base import RecordDialog, chosen, fill_codes, get_date
from permanence_tracker.gui.forms.ui_outcome_dialog import Ui_OutcomeDialog
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records.queries import monitoring_outcomes
from permanence_tracker.services.unit_of_work import UowFactory


class OutcomeDialog(RecordDialog):
    FORM = Ui_OutcomeDialog

    def __init__(self, uow_factory: UowFactory, today: date, child_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, parent)
        self.child_id = child_id
        self.setWindowTitle(f"Monitoring outcome for {child_id}")
        fill_codes(self.ui.outcome, ((o, "") for o in monitoring_outcomes(uow_factory)),
                   blank="Choose an outcome…")

    def store(self) -> MonitoringOutcome:
        ui = self.ui
        outcome = MonitoringOutcome(self.child_id, get_date(ui.recorded), chosen(ui.outcome),
                                    ui.notes.toPlainText().strip())
        return records.add_outcome(self.uow_factory, outcome, self.today)
