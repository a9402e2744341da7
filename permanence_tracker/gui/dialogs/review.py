"""Record a LAC review held (Care Planning Regs 2010 reg 33), with its participation code.

"Permanence plan in place: Yes" is the review's answer; the measures count the plan records
(Permanence plan…), so a note under the field says when the child has none by the review date.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from permanence_tracker.domain.calendar import uk_date
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
from permanence_tracker.services.records.queries import active_iro_names, plan_recorded_by
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
        self.plan_note = self._plan_note_label()
        self.ui.held.dateChanged.connect(self._age_hint)
        self.ui.held.dateChanged.connect(self._plan_hint)
        self.ui.plan_in_place.currentIndexChanged.connect(self._plan_hint)
        self._age_hint()
        self._plan_hint()

    def _plan_note_label(self) -> QLabel:
        """A note under "Permanence plan in place", in the form's grid (the .ui has no row)."""
        note = QLabel(self)
        note.setObjectName("plan_note")
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        form = self.ui.form
        row = form.getItemPosition(form.indexOf(self.ui.plan_in_place))[0]
        for item_row in range(form.rowCount() - 1, row, -1):  # make room below the field
            for column in range(form.columnCount()):
                item = form.itemAtPosition(item_row, column)
                widget = item.widget() if item is not None else None
                if widget is not None:  # the rows below are single-cell widgets
                    form.removeWidget(widget)
                    form.addWidget(widget, item_row + 1, column)
        form.addWidget(note, row + 1, 1)
        note.hide()
        return note

    def _plan_hint(self) -> None:
        held = get_date(self.ui.held)
        text = ""
        if (self.ui.plan_in_place.currentData() == "yes"
                and not plan_recorded_by(self.uow_factory, self.child.child_id, held)):
            text = ("The measures count the plan records: no plan is recorded for this child "
                    f"by {uk_date(held)}. Record the plan with Permanence plan… as well.")
        self.plan_note.setText(text)
        self.plan_note.setVisible(bool(text))
        self.ui.plan_in_place.setAccessibleDescription(text)

    def _age_hint(self) -> None:
        held = get_date(self.ui.held)
        if held < self.child.dob:
            self.ui.age_hint.setText(
                f"{uk_date(held)} is before the date of birth ({uk_date(self.child.dob)})")
            return
        age = age_in_years(self.child.dob, held)
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
