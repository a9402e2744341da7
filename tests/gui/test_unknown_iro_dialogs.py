"""Issue 10 item 3 in the app: a name typed in the IRO box that is not an IRO is refused next to
the box, nothing is written, and "Add IRO '<name>'…" records them (FTE asked, never guessed)
and saves again. On the small authority (tests/gui/conftest.py: Ann Able and Bob Brook)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox

from permanence_tracker.domain.entities import Child, Review
from permanence_tracker.gui.dialogs.child import ChildDialog
from permanence_tracker.gui.dialogs.review import ReviewDialog

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


def _iros(uow) -> dict[str, float]:
    with uow() as u:
        return {iro.name: iro.fte for iro in u.iros()}


def _new_child(dialog, iro: str) -> None:
    dialog.ui.child_id.setText("N1")
    dialog.ui.dob.setDate(QDate(2019, 4, 4))
    dialog.ui.iro.setEditText(iro)


def test_add_child_refuses_an_unknown_iro_next_to_the_box(uow, show):
    dialog = show(ChildDialog(uow, TODAY))
    _new_child(dialog, "Zed Zephyr")
    _save(dialog)
    assert dialog.isVisible() and dialog.result_record is None
    assert dialog.problem_text("iro") == "⚠ IRO: 'Zed Zephyr' is not an IRO: add them first"
    assert "not an IRO" in dialog.ui.iro.accessibleDescription()
    assert not dialog.ui.form_error.isVisible()
    assert dialog.add_iro_button.isVisible()
    assert dialog.add_iro_button.text() == "Add IRO 'Zed Zephyr'…"
    with uow() as u:
        assert u.repo.child("N1") is None
    assert "Zed Zephyr" not in _iros(uow)


def test_the_offer_asks_fte_adds_the_iro_and_saves_the_child(uow, show):
    dialog = show(ChildDialog(uow, TODAY))
    _new_child(dialog, "Zed Zephyr")
    _save(dialog)
    dialog.add_iro_button.click()
    added = dialog.iro_dialog
    assert added.isVisible() and added.ui.name.text() == "Zed Zephyr"
    assert added.ui.fte.text() == ""  # asked, never guessed
    _save(added)  # no FTE: refused under the FTE box, nothing added
    assert added.isVisible()
    assert "FTE is required" in added.problem_text("fte")
    added.ui.fte.setText("most")
    _save(added)
    assert "'most' is not a number" in added.problem_text("fte")
    assert "Zed Zephyr" not in _iros(uow)
    added.ui.fte.setText("0.6")
    _save(added)
    assert not added.isVisible()
    assert _iros(uow)["Zed Zephyr"] == 0.6
    assert dialog.result_record is not None and not dialog.isVisible()  # saved again
    with uow() as u:
        assert u.repo.child("N1").iro == "Zed Zephyr"


def test_cancelling_the_offer_leaves_the_child_unsaved(uow, show):
    dialog = show(ChildDialog(uow, TODAY))
    _new_child(dialog, "Zed Zephyr")
    _save(dialog)
    dialog.add_iro_button.click()
    dialog.iro_dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.isVisible() and dialog.result_record is None
    assert "Zed Zephyr" not in _iros(uow)


def test_the_offer_never_overwrites_an_iro(uow, show):
    dialog = show(ChildDialog(uow, TODAY))
    _new_child(dialog, "Zed Zephyr")
    _save(dialog)
    dialog.add_iro_button.click()
    added = dialog.iro_dialog
    added.ui.name.setText("Bob Brook")
    added.ui.fte.setText("1")
    _save(added)
    assert "'Bob Brook' is already an IRO" in added.problem_text("name")
    assert _iros(uow)["Bob Brook"] == 0.5


def test_a_known_iro_shows_no_offer(uow, show):
    dialog = show(ChildDialog(uow, TODAY))
    _new_child(dialog, "Ann Able")
    dialog.ui.dob.setDate(QDate(2030, 1, 1))  # another problem: no offer for the IRO
    _save(dialog)
    assert dialog.problem_text("iro") == ""
    assert not dialog.add_iro_button.isVisible()


def test_editing_a_child_keeps_an_iro_no_longer_on_the_list(uow, show):
    with uow() as u:  # stored before names were checked
        u.repo.add(Child("L1", date(2015, 1, 1), "1", "Lee", iro="Legacy Name"))
    dialog = show(ChildDialog(uow, TODAY, "L1"))
    assert dialog.ui.iro.currentText() == "Legacy Name"
    dialog.ui.surname.setText("Lark")
    _save(dialog)
    assert dialog.result_record is not None
    assert dialog.result_record.iro == "Legacy Name"


def test_review_dialog_refuses_and_offers_an_unknown_iro(uow, show):
    with uow() as u:
        child = u.repo.child("P1")
    dialog = show(ReviewDialog(uow, TODAY, child))
    dialog.ui.held.setDate(QDate(2025, 12, 1))
    dialog.ui.participation.setCurrentIndex(dialog.ui.participation.findData("PN1"))
    dialog.ui.iro.setEditText("Nobody Known")
    _save(dialog)
    assert "'Nobody Known' is not an IRO: add them first" in dialog.problem_text("iro")
    assert dialog.add_iro_button.text() == "Add IRO 'Nobody Known'…"
    with uow() as u:
        assert all(r.iro != "Nobody Known" for r in u.repo.records(Review, "P1"))
    dialog.add_iro_button.click()
    added = dialog.iro_dialog
    added.ui.fte.setText("1")
    added.ui.dual_role.setChecked(True)
    added.ui.cp_cases.setValue(12)
    _save(added)
    assert dialog.result_record is not None
    assert dialog.result_record.iro == "Nobody Known"
    with uow() as u:
        iro = next(i for i in u.iros() if i.name == "Nobody Known")
    assert (iro.fte, iro.dual_role, iro.cp_cases) == (1.0, True, 12)
