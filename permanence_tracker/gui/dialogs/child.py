"""Add or edit a child. Editing passes the version read, so a stale edit is refused."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QWidget

from permanence_tracker.domain.entities import Child
from permanence_tracker.gui.dialogs.base import (
    RecordDialog,
    choose,
    chosen,
    get_date,
    set_date,
)
from permanence_tracker.gui.dialogs.iro import OffersIro
from permanence_tracker.gui.forms.ui_child_dialog import Ui_ChildDialog
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records.queries import active_iro_names, child_for_editing
from permanence_tracker.services.reference import sex_choices
from permanence_tracker.services.unit_of_work import UowFactory


class ChildDialog(OffersIro, RecordDialog):
    """``child_id=None`` adds a new child; otherwise edits that child. A name typed in the IRO
    box that is not an IRO is refused, with an offer to add them (:class:`OffersIro`)."""

    FORM = Ui_ChildDialog

    def __init__(self, uow_factory: UowFactory, today: date, child_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, parent)
        self.child_id = child_id
        self.original: Child | None = None
        self.ui.sex.addItem("Not recorded", "")
        for code, words in sex_choices():  # stored M / F / U: words shown, code as the data
            self.ui.sex.addItem(words, code)
        self.ui.iro.addItems(["", *active_iro_names(uow_factory)])
        self.offer_iro_setup()
        self.ui.child_id.setMaxLength(40)
        if child_id is None:
            self.setWindowTitle("Add a child")
        else:
            self.setWindowTitle(f"Edit child {child_id}")
            self.ui.child_id.setReadOnly(True)
            self.ui.child_id.setToolTip("The child ID cannot be changed once recorded")
            self.load()

    def load(self) -> None:
        if self.child_id is None:
            return
        child = child_for_editing(self.uow_factory, self.child_id)
        self.original = child
        ui = self.ui
        ui.child_id.setText(child.child_id)
        ui.forename.setText(child.forename)
        ui.surname.setText(child.surname)
        set_date(ui.dob, child.dob)
        choose(ui.sex, child.sex)
        ui.upn.setText(child.upn)
        choose(ui.iro, child.iro)
        ui.social_worker.setText(child.social_worker)
        ui.locality.setText(child.locality)
        ui.area.setText(child.area)
        ui.team.setText(child.team)

    def values(self) -> dict:
        ui = self.ui
        return dict(
            child_id=ui.child_id.text().strip(), forename=ui.forename.text().strip(),
            surname=ui.surname.text().strip(), dob=get_date(ui.dob), sex=chosen(ui.sex),
            upn=ui.upn.text().strip().upper(), iro=chosen(ui.iro),
            social_worker=ui.social_worker.text().strip(), locality=ui.locality.text().strip(),
            area=ui.area.text().strip(), team=ui.team.text().strip(),
        )

    def store(self) -> Child:
        if self.original is None:
            return records.add_child(self.uow_factory, Child(**self.values()), self.today)
        # replace() keeps the version read when the dialog opened: a stale one is refused
        return records.update_child(self.uow_factory, replace(self.original, **self.values()),
                                    self.today)
