"""Add or edit a child. Editing passes the version read, so a stale edit is refused."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QWidget

from permanence_tracker.domain.codes import SEX_WORDS
from permanence_tracker.domain.entities import Child
from permanence_tracker.domain.errors import NotFoundError
from permanence_tracker.gui.dialogs.base import (
    RecordDialog,
    choose,
    chosen,
    get_date,
    set_date,
)
from permanence_tracker.gui.forms.ui_child_dialog import Ui_ChildDialog
from permanence_tracker.services.records import editing as records

SEXES = tuple(SEX_WORDS.items())  # (stored canonical code M / F / U, words shown)


class ChildDialog(RecordDialog):
    """``child_id=None`` adds a new child; otherwise edits that child."""

    FORM = Ui_ChildDialog

    def __init__(self, uow_factory: Callable, today: date, child_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, parent)
        self.child_id = child_id
        self.original: Child | None = None
        self.ui.sex.addItem("Not recorded", "")
        for code, words in SEXES:  # words only: the code is the item's data
            self.ui.sex.addItem(words, code)
        with uow_factory() as uow:
            iros = [i.name for i in uow.iros() if i.active]
        self.ui.iro.addItems(["", *iros])
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
        with self.uow_factory() as uow:
            child = uow.repo.child(self.child_id)
        if child is None:
            raise NotFoundError(f"no child with ID {self.child_id!r}")
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
