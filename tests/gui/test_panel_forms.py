"""The four panel dialogs are Qt Designer forms (ui/panel_*.ui) laid out as the other record
dialogs: each field has its label (the buddy a mnemonic focuses) and a problem label under it,
Tab visits the fields in reading order, and an optional date left blank reads "Not recorded"."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from permanence_tracker.domain.panels import AgendaItem
from permanence_tracker.gui.panels import dialogs
from permanence_tracker.gui.panels.fields import TEXT_LINES
from permanence_tracker.services import panels as svc

TODAY = date(2026, 3, 31)  # as in tests/gui/conftest.py
STORED = AgendaItem(1, "Adoption match", "P1", id=1)
FIELDS = {  # dialog: the fields, in tab order
    "panel": ["date", "type", "chair", "members", "quorate", "venue", "notes"],
    "item": ["business", "child_id", "carers", "terms"],
    "recommendation": ["recommendation", "reasons", "dissent"],
    "decision": ["minutes_received", "adm_decision", "adm_decision_date", "adm_notes"],
}


@pytest.fixture
def make(qtbot, small_authority, monkeypatch):
    monkeypatch.setattr(svc, "agenda_item", lambda uow, item_id: STORED)
    uow = small_authority.uow

    def made(kind: str):
        dialog = {
            "panel": lambda: dialogs.PanelDialog(uow, TODAY),
            "item": lambda: dialogs.ItemDialog(uow, TODAY, AgendaItem(1, "")),
            "recommendation": lambda: dialogs.RecommendationDialog(uow, TODAY, STORED, "Item 1"),
            "decision": lambda: dialogs.DecisionDialog(uow, TODAY, STORED, "Item 1", TODAY),
        }[kind]()
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog
    return made


def _tab_order(dialog) -> list[str]:
    names, widget = [], dialog.nextInFocusChain()
    while widget is not dialog:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            names.append(widget.objectName())
        widget = widget.nextInFocusChain()
    return [n for n in names if n and not n.startswith("qt_")]


@pytest.mark.parametrize("kind", FIELDS)
def test_the_form_is_a_designer_form_with_labelled_fields_in_order(make, kind):
    dialog = make(kind)
    assert type(dialog.ui).__module__.startswith("permanence_tracker.gui.forms.ui_panel_")
    assert _tab_order(dialog) == FIELDS[kind]  # the buttons come next, unnamed
    save = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.accessibleName() == "Save"
    for name in FIELDS[kind]:
        field = getattr(dialog.ui, name)
        assert getattr(dialog.ui, f"{name}_label").buddy() is field
        error = getattr(dialog.ui, f"{name}_error")
        assert error.accessibleName() == f"Problem with {field.accessibleName().lower()}"
        assert error.isHidden()


def test_blank_optional_dates_read_not_recorded_and_notes_stay_short(make):
    dialog = make("decision")
    for edit in (dialog.ui.minutes_received, dialog.ui.adm_decision_date):
        assert edit.text() == "Not recorded" and edit.displayFormat() == "dd/MM/yyyy"
    notes = dialog.ui.adm_notes
    assert notes.maximumHeight() == notes.fontMetrics().lineSpacing() * TEXT_LINES
    assert dialog.deadline_hint.accessibleName() == "Decision deadline"
    assert dialog.deadline_hint.text().startswith("Enter the day the ADM received")
