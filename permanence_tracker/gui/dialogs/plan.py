"""Set or change the permanence plan (primary and parallel): a new entry in the history."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from permanence_tracker.domain.entities import PlanChange
from permanence_tracker.domain.errors import Problem, ValidationError
from permanence_tracker.gui.dialogs.base import RecordDialog, choose, chosen, fill_codes, get_date
from permanence_tracker.gui.forms.ui_plan_dialog import Ui_PlanDialog
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records.queries import plan_types
from permanence_tracker.services.unit_of_work import UowFactory


class PlanDialog(RecordDialog):
    FORM = Ui_PlanDialog

    def __init__(self, uow_factory: UowFactory, today: date, child_id: str,
                 current: PlanChange | None = None, parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, parent)
        self.child_id = child_id
        self.setWindowTitle(f"Permanence plan for {child_id}")
        offered = plan_types(uow_factory)  # the authority's plan-types setting
        fill_codes(self.ui.primary, ((p, "") for p in offered), blank="Choose a plan…")
        fill_codes(self.ui.parallel, ((p, "") for p in offered), blank="None")
        if current is not None:
            choose(self.ui.primary, current.primary)
            choose(self.ui.parallel, current.parallel)

    def store(self) -> PlanChange:
        ui = self.ui
        plan = PlanChange(self.child_id, get_date(ui.agreed), chosen(ui.primary),
                          chosen(ui.parallel), ui.notes.toPlainText().strip())
        if not plan.primary:
            raise ValidationError([Problem("primary", "is required: choose the plan for "
                                                      "permanence")])
        return records.set_plan(self.uow_factory, plan, self.today)
