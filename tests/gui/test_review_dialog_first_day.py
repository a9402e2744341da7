"""Issue 10 items 7-8: record dialogs open on their first field; a field's message goes when it
is edited; the review dialog explains "plan in place: Yes" without a plan record, and a date
before birth."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox

from permanence_tracker.domain.entities import Child
from permanence_tracker.gui.dialogs.change import ChangeDialog
from permanence_tracker.gui.dialogs.child import ChildDialog
from permanence_tracker.gui.dialogs.outcome import OutcomeDialog
from permanence_tracker.gui.dialogs.plan import PlanDialog
from permanence_tracker.gui.dialogs.review import ReviewDialog
from permanence_tracker.gui.panels.dialogs import PanelDialog
from permanence_tracker.services.records.queries import child_for_editing, plan_recorded_by

TODAY = date(2026, 3, 31)


@pytest.fixture
def uow(small_authority):
    return small_authority.uow


def _child(uow, child_id: str) -> Child:
    return child_for_editing(uow, child_id)


def _review(qtbot, uow, child_id: str) -> ReviewDialog:
    dialog = ReviewDialog(uow, TODAY, _child(uow, child_id))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _set(edit, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def _save_button(dialog):
    return dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save)


@pytest.mark.parametrize("make, first", [
    (lambda uow: ChildDialog(uow, TODAY), "child_id"),
    (lambda uow: ReviewDialog(uow, TODAY, _child(uow, "P1")), "held"),
    (lambda uow: PlanDialog(uow, TODAY, "P1"), "agreed"),
    (lambda uow: ChangeDialog(uow, TODAY, "P1"), "on"),
    (lambda uow: OutcomeDialog(uow, TODAY, "P1"), None),
    (lambda uow: PanelDialog(uow, TODAY), None),  # the panel dialogs share the base
])
def test_a_record_dialog_opens_on_its_first_field(qtbot, uow, make, first):
    dialog = make(uow)
    qtbot.addWidget(dialog)
    dialog.show()
    focused = dialog.focusWidget()
    assert focused is not None and focused is not _save_button(dialog)
    assert focused is dialog.first_field()
    if first is not None:
        assert focused is getattr(dialog.ui, first)


def test_a_fields_message_goes_when_that_field_is_edited(qtbot, uow):
    dialog = _review(qtbot, uow, "P2")
    _set(dialog.ui.held, date(2030, 1, 1))  # in the future, and P2 is 6 then: PN0 refused
    dialog.ui.participation.setCurrentIndex(dialog.ui.participation.findData("PN0"))
    _save_button(dialog).click()
    assert dialog.problem_text("participation") and dialog.problem_text("held")
    dialog.ui.participation.setCurrentIndex(dialog.ui.participation.findData("PN1"))
    assert dialog.problem_text("participation") == ""
    assert dialog.ui.participation.accessibleDescription() == ""
    assert dialog.problem_text("held")  # another field's message stays until it is edited
    _set(dialog.ui.held, date(2026, 3, 10))
    assert dialog.problem_text("held") == ""


def test_a_date_before_birth_is_not_described_as_age_0(qtbot, uow):
    dialog = _review(qtbot, uow, "P2")  # born 01/07/2023
    _set(dialog.ui.held, date(2023, 6, 30))
    hint = dialog.ui.age_hint.text()
    assert "before the date of birth (01/07/2023)" in hint and "Age 0" not in hint
    _set(dialog.ui.held, date(2023, 7, 1))
    assert dialog.ui.age_hint.text().startswith("Age 0: under 4")


def test_plan_in_place_yes_without_a_plan_record_is_explained(qtbot, uow):
    assert not plan_recorded_by(uow, "P2", TODAY)
    dialog = _review(qtbot, uow, "P2")
    assert dialog.plan_note.isHidden()
    dialog.ui.plan_in_place.setCurrentIndex(dialog.ui.plan_in_place.findData("yes"))
    note = dialog.plan_note.text()
    assert not dialog.plan_note.isHidden()
    assert "no plan is recorded for this child by 31/03/2026" in note
    assert "Permanence plan…" in note
    dialog.ui.plan_in_place.setCurrentIndex(dialog.ui.plan_in_place.findData("no"))
    assert dialog.plan_note.isHidden()


def test_the_note_follows_the_date_held_against_the_plan_agreed(qtbot, uow):
    assert plan_recorded_by(uow, "P1", date(2025, 9, 1))  # agreed 01/09/2025
    assert not plan_recorded_by(uow, "P1", date(2025, 8, 31))
    dialog = _review(qtbot, uow, "P1")
    dialog.ui.plan_in_place.setCurrentIndex(dialog.ui.plan_in_place.findData("yes"))
    assert dialog.plan_note.isHidden()  # held today, after the plan
    _set(dialog.ui.held, date(2025, 8, 31))
    assert "by 31/08/2025" in dialog.plan_note.text() and not dialog.plan_note.isHidden()
    # the note sits directly under the field, above Notes
    form = dialog.ui.form
    row = form.getItemPosition(form.indexOf(dialog.ui.plan_in_place))[0]
    assert form.getItemPosition(form.indexOf(dialog.plan_note))[0] == row + 1
    assert form.getItemPosition(form.indexOf(dialog.ui.notes))[0] == row + 2
