"""The record dialogs: valid input saves; each rule shows its message next to its field, keeps
the dialog open with the input intact and writes nothing; a conflicting edit is shown and the
other user's data kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from permanence_tracker.domain.entities import Child, Episode, MonitoringOutcome, PlanChange, Review
from permanence_tracker.gui.dialogs.change import ChangeDialog
from permanence_tracker.gui.dialogs.child import ChildDialog
from permanence_tracker.gui.dialogs.outcome import OutcomeDialog
from permanence_tracker.gui.dialogs.plan import PlanDialog
from permanence_tracker.gui.dialogs.review import ReviewDialog
from permanence_tracker.services.records import changes
from permanence_tracker.services.records import editing as records

TODAY = date(2026, 3, 31)


@pytest.fixture
def uow(small_authority):
    return small_authority.uow


@pytest.fixture
def show(qtbot):
    def shown(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog
    return shown


def _save(dialog) -> None:
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _set(edit, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def _pick(combo, code: str) -> None:
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)


def _count(uow, cls, child_id: str) -> int:
    with uow() as u:
        return len(u.repo.records(cls, child_id))


def _child(uow, child_id: str) -> Child:
    with uow() as u:
        return u.repo.child(child_id)


def _refused(dialog, field: str, words: str) -> None:
    """Still open, the message next to ``field`` and nowhere else."""
    assert dialog.isVisible() and dialog.result_record is None
    assert words in dialog.problem_text(field), dialog.problem_text(field)
    assert getattr(dialog.ui, f"{field}_error").text().startswith("⚠")
    assert words in getattr(dialog.ui, field).accessibleDescription()


# -- child -------------------------------------------------------------------------------
def test_add_child_saves(uow, show):
    dialog = show(ChildDialog(uow, TODAY))
    dialog.ui.child_id.setText("N1")
    dialog.ui.forename.setText("Nia")
    _set(dialog.ui.dob, date(2019, 4, 4))
    assert dialog.ui.sex.itemText(dialog.ui.sex.findData("F")) == "Female"  # words, not codes
    _pick(dialog.ui.sex, "F")
    _save(dialog)
    assert not dialog.isVisible()
    stored = _child(uow, "N1")  # stored canonical F (issue 8 s1: one value, shown in words)
    assert (stored.forename, stored.dob, stored.sex) == ("Nia", date(2019, 4, 4), "F")


@pytest.mark.parametrize("field, value, words", [
    ("child_id", "", "is required"),
    ("upn", "X12", "is not a UPN"),
    ("dob", date(2026, 4, 1), "01/04/2026 is in the future"),
])
def test_add_child_refuses_bad_input(uow, show, field, value, words):
    dialog = show(ChildDialog(uow, TODAY))
    dialog.ui.child_id.setText("N2")
    _set(dialog.ui.dob, date(2019, 4, 4))
    widget = getattr(dialog.ui, field)
    widget.setText(value) if isinstance(value, str) else _set(widget, value)
    _save(dialog)
    _refused(dialog, field, words)
    assert _child(uow, "N2") is None
    assert dialog.ui.dob.date() == QDate(value.year, value.month, value.day) \
        if field == "dob" else dialog.ui.dob.date() == QDate(2019, 4, 4)  # input intact


def test_edit_child_saves_with_the_version_read(uow, show):
    dialog = show(ChildDialog(uow, TODAY, "P1"))
    assert dialog.ui.forename.text() == "Ava" and dialog.ui.child_id.isReadOnly()
    dialog.ui.upn.setText("a123456789012")
    _save(dialog)
    assert _child(uow, "P1").upn == "A123456789012"


def test_conflicting_child_edit_is_shown_not_overwritten(uow, show):
    dialog = show(ChildDialog(uow, TODAY, "P1"))
    mine = dialog.ui.surname
    mine.setText("Stone-Hill")
    theirs = _child(uow, "P1")
    records.update_child(uow, replace(theirs, forename="Avery"), TODAY)  # another user
    _save(dialog)
    assert dialog.isVisible() and not dialog.ui.conflict_box.isHidden()
    assert "Someone else changed this record" in dialog.ui.conflict_label.text()
    stored = _child(uow, "P1")
    assert (stored.forename, stored.surname) == ("Avery", "Stone")  # theirs kept, mine not
    assert mine.text() == "Stone-Hill"  # my input is still there until I reload
    dialog.ui.reload_button.click()
    assert dialog.ui.forename.text() == "Avery" and dialog.ui.conflict_box.isHidden()
    mine.setText("Stone-Hill")
    _save(dialog)
    assert (_child(uow, "P1").forename, _child(uow, "P1").surname) == ("Avery", "Stone-Hill")


# -- review ------------------------------------------------------------------------------
def _review_dialog(uow, show, child_id: str, held: date, code: str) -> ReviewDialog:
    dialog = show(ReviewDialog(uow, TODAY, _child(uow, child_id)))
    _set(dialog.ui.held, held)
    _pick(dialog.ui.participation, code)
    return dialog


def test_review_saves_and_enter_is_save(qtbot, uow, show):
    dialog = _review_dialog(uow, show, "P1", date(2026, 3, 10), "PN2")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    with uow() as u:
        assert date(2026, 3, 10) in {r.held for r in u.repo.records(Review, "P1")}


@pytest.mark.parametrize("child_id, held, code, field, words", [
    ("P1", date(2025, 5, 30), "PN1", "held", "not inside a period of care"),  # before 02/06
    ("P1", date(2026, 4, 1), "PN1", "held", "is in the future"),
    ("P2", date(2026, 3, 10), "PN1", "participation", "under 4 at the review: use PN0"),
    ("P1", date(2026, 3, 10), "PN0", "participation", "PN0 is only for children under 4"),
])
def test_review_rules(uow, show, child_id, held, code, field, words):
    before = _count(uow, Review, child_id)
    dialog = _review_dialog(uow, show, child_id, held, code)
    _save(dialog)
    _refused(dialog, field, words)
    assert _count(uow, Review, child_id) == before
    assert dialog.ui.participation.currentData() == code  # input intact


def test_review_age_hint(uow, show):
    dialog = _review_dialog(uow, show, "P2", date(2026, 3, 10), "PN0")
    assert dialog.ui.age_hint.text().startswith("Age 2: under 4")


# -- legal status / placement change ---------------------------------------------------------
def _change(uow, show, child_id, on, legal=None, place=None, rne=None) -> ChangeDialog:
    dialog = show(ChangeDialog(uow, TODAY, child_id))
    _set(dialog.ui.on, on)
    if legal:
        _pick(dialog.ui.legal_status, legal)
    if place:
        _pick(dialog.ui.placement, place)
    if rne:
        _pick(dialog.ui.rne, rne)
    return dialog


def _episodes(uow, child_id):
    with uow() as u:
        return sorted(u.repo.records(Episode, child_id), key=lambda e: e.start)


def test_change_saves_both_episodes(uow, show):
    _save(_change(uow, show, "P1", date(2025, 12, 1), place="U6", rne="P"))
    assert [(e.start, e.end, e.rec, e.rne, e.placement) for e in _episodes(uow, "P1")] == [
        (date(2025, 6, 2), date(2025, 12, 1), "X1", "S", "U4"),
        (date(2025, 12, 1), None, "", "P", "U6"),
    ]


def test_change_suggests_the_rne_from_what_changed(qtbot, uow, show):
    dialog = show(ChangeDialog(uow, TODAY, "P1"))
    dialog.ui.legal_status.setFocus()
    _pick(dialog.ui.legal_status, "E1")
    dialog.ui.legal_status.activated.emit(dialog.ui.legal_status.currentIndex())
    assert dialog.ui.rne.currentData() == "L"


@pytest.mark.parametrize("child_id, on, rne, field, words", [
    ("P3", date(2026, 1, 2), "P", "on", "is before the start 05/01/2026"),  # DfE rule 356
    # DEC = DECOM is valid (issue 8), but a change that day would give two episodes one DECOM
    ("P3", date(2026, 1, 5), "P", "on", "edit the current episode instead"),
    ("P3", date(2026, 4, 2), "P", "on", "is in the future"),
    ("P3", date(2026, 2, 2), "L", "legal_status", "RNE L means the legal status changed"),
])
def test_change_rules(uow, show, child_id, on, rne, field, words):
    dialog = _change(uow, show, child_id, on, place="K2", rne=rne)
    _save(dialog)
    _refused(dialog, field, words)
    assert len(_episodes(uow, child_id)) == 1


def test_overlapping_episode_is_refused(uow, show):
    changes.record_change(uow, "P1", date(2025, 12, 1), "C2", "U6", "P", TODAY)
    dialog = _change(uow, show, "P1", date(2025, 11, 1), place="U5", rne="T")
    _save(dialog)
    _refused(dialog, "on", "overlaps the episode 02/06/2025 to 01/12/2025")
    assert len(_episodes(uow, "P1")) == 2


def test_leaving_care(uow, show):
    dialog = _change(uow, show, "P5", date(2026, 3, 1))
    dialog.ui.leaves_care.setChecked(True)
    assert not dialog.ui.rne.isEnabled() and dialog.ui.rec.isEnabled()
    _save(dialog)
    _refused(dialog, "rec", "is not a reason episode ceased")
    _pick(dialog.ui.rec, "E4A")
    _save(dialog)
    assert [(e.end, e.rec) for e in _episodes(uow, "P5")] == [(date(2026, 3, 1), "E4A")]


def test_conflicting_change_is_shown_not_overwritten(uow, show):
    dialog = _change(uow, show, "P1", date(2025, 12, 1), place="U6", rne="P")
    changes.record_change(uow, "P1", date(2025, 11, 1), "C2", "U5", "T", TODAY)  # other user
    _save(dialog)
    assert dialog.isVisible() and not dialog.ui.conflict_box.isHidden()
    assert [(e.start, e.placement) for e in _episodes(uow, "P1")] == [
        (date(2025, 6, 2), "U4"), (date(2025, 11, 1), "U5")]
    dialog.ui.reload_button.click()
    assert "01/11/2025" in dialog.ui.current.text()


def test_change_is_disabled_when_not_looked_after(uow, show):
    dialog = show(ChangeDialog(uow, TODAY, "P4"))
    assert not dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    assert "not looked after" in dialog.ui.current.text()


# -- plan and outcome --------------------------------------------------------------------
def _plan(uow, show, agreed, primary, parallel="") -> PlanDialog:
    dialog = show(PlanDialog(uow, TODAY, "P3"))
    _set(dialog.ui.agreed, agreed)
    if primary:
        _pick(dialog.ui.primary, primary)
    _pick(dialog.ui.parallel, parallel)
    return dialog


def test_plan_saves(uow, show):
    _save(_plan(uow, show, date(2026, 2, 1), "Return to family", "Long-term fostering"))
    with uow() as u:
        plans = u.repo.records(PlanChange, "P3")
    assert [(p.primary, p.parallel) for p in plans] == [("Return to family",
                                                         "Long-term fostering")]


@pytest.mark.parametrize("agreed, primary, parallel, field, words", [
    (date(2026, 2, 1), "Adoption", "Adoption", "parallel", "is the same as the primary plan"),
    (date(2026, 4, 1), "Adoption", "", "agreed", "is in the future"),
    (date(2026, 2, 1), "", "", "primary", "is required"),
])
def test_plan_rules(uow, show, agreed, primary, parallel, field, words):
    dialog = _plan(uow, show, agreed, primary, parallel)
    _save(dialog)
    _refused(dialog, field, words)
    assert _count(uow, PlanChange, "P3") == 0


def test_plan_dialog_starts_from_the_current_plan(uow, show):
    current = PlanChange("P1", date(2025, 9, 1), "Long-term fostering", "Adoption")
    dialog = show(PlanDialog(uow, TODAY, "P1", current))
    assert (dialog.ui.primary.currentData(), dialog.ui.parallel.currentData()) == (
        "Long-term fostering", "Adoption")


@pytest.mark.parametrize("recorded, outcome, field, words", [
    (date(2026, 3, 1), "Adoption Order Granted", None, None),
    (date(2026, 4, 1), "Adoption Order Granted", "recorded", "is in the future"),
    (date(2026, 3, 1), "", "outcome", "is not in the monitoring outcome list"),
])
def test_outcome(uow, show, recorded, outcome, field, words):
    dialog = show(OutcomeDialog(uow, TODAY, "P1"))
    _set(dialog.ui.recorded, recorded)
    _pick(dialog.ui.outcome, outcome)
    _save(dialog)
    if field is None:
        assert not dialog.isVisible() and _count(uow, MonitoringOutcome, "P1") == 1
    else:
        _refused(dialog, field, words)
        assert _count(uow, MonitoringOutcome, "P1") == 0


def test_every_dialog_has_accessible_fields_and_renders(uow, show, tmp_path):
    dialogs = [ChildDialog(uow, TODAY, "P1"), ReviewDialog(uow, TODAY, _child(uow, "P1")),
               ChangeDialog(uow, TODAY, "P1"), PlanDialog(uow, TODAY, "P1"),
               OutcomeDialog(uow, TODAY, "P1")]
    for dialog in dialogs:
        show(dialog)
        for name in dialog._error_labels():
            assert getattr(dialog.ui, name).accessibleName(), name
        assert dialog.grab().save(str(tmp_path / f"{type(dialog).__name__}.png"))
