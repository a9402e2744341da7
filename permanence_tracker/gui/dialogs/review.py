"""Record a LAC review held (Care Planning Regs 2010 reg 33), with its participation code."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from permanence_tracker.domain.codes import (
    PARTICIPATION_AGE,
    UNDER_FOUR,
    participation_codes_for,
)
from permanence_tracker.domain.entities import Child, Review
from permanence_tracker.domain.measures import age_in_years
from permanence_tracker.gui.dialogs.base import RecordDialog, choose, chosen, fill_codes, get_date
from permanence_tracker.gui.dialogs.iro import OffersIro
from permanence_tracker.gui.forms.ui_review_dialog import Ui_ReviewDialog
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records.queries import active_iro_names
from permanence_tracker.services.reference import choices
from permanence_tracker.services.unit_of_work import UowFactory

PLAN_IN_PLACE = (("", "Not recorded"), ("yes", "Yes"), ("no", "No"))


class ReviewDialog(OffersIro, RecordDialog):
    """A name typed in the IRO box that is not an IRO is refused, with an offer to add them."""

    FORM = Ui_ReviewDialog

    def __init__(self, uow_factory: UowFactory, today: date, child: Child,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, parent)
        self.child = child
        self.setWindowTitle(f"Record a review for {child.child_id}")
        # every code with its 903 label; one not valid in the review's year is refused on Save
        fill_codes(self.ui.participation, choices("REVIEW_CODE"), blank="Not recorded")
        self.ui.iro.addItems(["", *active_iro_names(uow_factory)])
        choose(self.ui.iro, child.iro)
        self.offer_iro_setup()
        self.ui.plan_in_place.clear()
        for value, text in PLAN_IN_PLACE:
            self.ui.plan_in_place.addItem(text, value)
        self.ui.held.dateChanged.connect(self._age_hint)
        self._age_hint()

    def _age_hint(self) -> None:
        held = get_date(self.ui.held)
        age = age_in_years(self.child.dob, held) if held >= self.child.dob else 0
        codes = participation_codes_for(age)  # the rule validation applies on Save
        limit = PARTICIPATION_AGE
        rule = (f"under {limit} at this date: use {UNDER_FOUR}" if UNDER_FOUR in codes
                else f"{limit} or over at this date: use {codes[0]} to {codes[-1]} "
                     f"({UNDER_FOUR} is for under {limit}s)")
        self.ui.age_hint.setText(f"Age {age}: {rule}")

    def store(self) -> Review:
        ui = self.ui
        plan = {"yes": True, "no": False}.get(ui.plan_in_place.currentData() or "")
        review = Review(self.child.child_id, get_date(ui.held), chosen(ui.participation),
                        iro=chosen(ui.iro), plan_in_place=plan,
                        notes=ui.notes.toPlainText().strip())
        return records.record_review(self.uow_factory, review, self.today)
