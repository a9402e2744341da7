"""Record a LAC review held (Care Planning Regs 2010 reg 33), with its participation code."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from permanence_tracker.domain.codes import PARTICIPATION_CODES
from permanence_tracker.domain.entities import Child, Review
from permanence_tracker.domain.measures import age_in_years
from permanence_tracker.gui.dialogs.base import RecordDialog, choose, chosen, fill_codes, get_date
from permanence_tracker.gui.forms.ui_review_dialog import Ui_ReviewDialog
from permanence_tracker.services.records import editing as records

# SSDA903 REVIEW_CODE meanings (domain.md)
PARTICIPATION_LABELS = {
    "PN0": "child under 4",
    "PN1": "attends and speaks for self",
    "PN2": "attends, advocate speaks",
    "PN3": "attends, conveys views symbolically",
    "PN4": "attends without contributing",
    "PN5": "does not attend, briefs an advocate",
    "PN6": "does not attend, views by another medium",
    "PN7": "does not attend, views not conveyed",
}
PLAN_IN_PLACE = (("", "Not recorded"), ("yes", "Yes"), ("no", "No"))


class ReviewDialog(RecordDialog):
    FORM = Ui_ReviewDialog

    def __init__(self, uow_factory: Callable, today: date, child: Child,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, parent)
        self.child = child
        self.setWindowTitle(f"Record a review for {child.child_id}")
        fill_codes(self.ui.participation,
                   ((c, PARTICIPATION_LABELS[c]) for c in PARTICIPATION_CODES),
                   blank="Not recorded")
        with uow_factory() as uow:
            iros = [i.name for i in uow.iros() if i.active]
        self.ui.iro.addItems(["", *iros])
        choose(self.ui.iro, child.iro)
        self.ui.plan_in_place.clear()
        for value, text in PLAN_IN_PLACE:
            self.ui.plan_in_place.addItem(text, value)
        self.ui.held.dateChanged.connect(self._age_hint)
        self._age_hint()

    def _age_hint(self) -> None:
        held = get_date(self.ui.held)
        age = age_in_years(self.child.dob, held) if held >= self.child.dob else 0
        rule = ("under 4 at this date: use PN0" if age < 4
                else "4 or over at this date: use PN1 to PN7 (PN0 is for under 4s)")
        self.ui.age_hint.setText(f"Age {age}: {rule}")

    def store(self) -> Review:
        ui = self.ui
        plan = {"yes": True, "no": False}.get(ui.plan_in_place.currentData() or "")
        review = Review(self.child.child_id, get_date(ui.held), chosen(ui.participation),
                        iro=chosen(ui.iro), plan_in_place=plan,
                        notes=ui.notes.toPlainText().strip())
        return records.record_review(self.uow_factory, review, self.today)
