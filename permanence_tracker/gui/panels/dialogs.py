"""Dialogs for panels: a meeting, an agenda item, the panel's recommendation and the agency
decision maker's decision. Each saves through :mod:`services.panels.commands`; problems show next to
their fields and a stale edit is refused with a Reload (see :class:`RecordDialog`).

The recommendation and decision dialogs' ``result_record`` is a ``Recorded`` whose
``suggestion`` is the monitoring outcome to offer for the child (the page asks).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QDateEdit, QLabel, QWidget

from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.panels import (
    ADM_DECISIONS,
    RECOMMENDATIONS,
    AgendaItem,
    PanelMeeting,
    adm_deadline,
)
from permanence_tracker.gui.dialogs.base import (
    RecordDialog,
    choose,
    chosen,
    fill_codes,
    get_date,
    set_date,
)
from permanence_tracker.gui.panels.fields import (
    NOT_RECORDED,
    DecisionForm,
    ItemForm,
    PanelForm,
    RecommendationForm,
)
from permanence_tracker.services.panels import commands as svc

QUORATE_CHOICES = (("Not recorded yet", None), ("Quorate", True), ("Not quorate", False))


def optional_date(edit: QDateEdit) -> date | None:
    return None if edit.date() == NOT_RECORDED else get_date(edit)


def set_optional_date(edit: QDateEdit, day: date | None) -> None:
    if day is None:
        edit.setDate(NOT_RECORDED)
    else:
        set_date(edit, day)


def _fill(combo, values, current: str, blank: str | None = None) -> None:
    """Fill with ``values``; a stored value no longer in the list is kept as a choice."""
    listed = tuple(values) + ((current,) if current and current not in values else ())
    fill_codes(combo, ((v, "") for v in listed), blank=blank)
    choose(combo, current)


class _Dialog(RecordDialog):
    def show_problems(self, problems) -> None:
        super().show_problems(problems)
        self.adjustSize()  # room for the messages under their fields


class PanelDialog(_Dialog):
    FORM = PanelForm

    def __init__(self, uow_factory: Callable, today: date, panel: PanelMeeting | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, parent)
        self.panel = panel
        self.setWindowTitle("Edit panel" if panel else "Add a panel")
        with uow_factory() as uow:
            self.types = uow.settings().panel_types
        for text, value in QUORATE_CHOICES:
            self.ui.quorate.addItem(text, value)
        self.load()

    def load(self) -> None:
        panel = self.panel or PanelMeeting(self.today, "")
        if self.panel is not None and self.panel.id is not None:
            detail = svc.panel_detail(self.uow_factory, self.panel.id, self.today)
            panel = self.panel = detail.panel.panel
        ui = self.ui
        set_date(ui.date, panel.date)
        _fill(ui.type, self.types, panel.type, blank="Choose a type…")
        ui.chair.setText(panel.chair)
        ui.members.setPlainText("\n".join(panel.members))
        ui.quorate.setCurrentIndex([v for _, v in QUORATE_CHOICES].index(panel.quorate))
        ui.venue.setText(panel.venue)
        ui.notes.setPlainText(panel.notes)

    def store(self) -> PanelMeeting:
        ui = self.ui
        members = tuple(n.strip() for n in ui.members.toPlainText().splitlines() if n.strip())
        base = self.panel or PanelMeeting(self.today, "")
        panel = replace(base, date=get_date(ui.date), type=chosen(ui.type),
                        chair=ui.chair.text(), members=members,
                        quorate=ui.quorate.currentData(), venue=ui.venue.text(),
                        notes=ui.notes.toPlainText().strip())
        return svc.save_panel(self.uow_factory, panel, self.today)


class ItemDialog(_Dialog):
    FORM = ItemForm

    def __init__(self, uow_factory: Callable, today: date, item: AgendaItem,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, parent)
        self.item = item
        self.setWindowTitle("Edit agenda item" if item.id else "Add an agenda item")
        with uow_factory() as uow:
            self.business = uow.settings().panel_business
        self.load()

    def load(self) -> None:
        if self.item.id is not None:
            self.item = svc.agenda_item(self.uow_factory, self.item.id)
        ui, item = self.ui, self.item
        _fill(ui.business, self.business, item.business, blank="Choose the business…")
        ui.child_id.setText(item.child_id or "")
        ui.carers.setText(item.carers)
        ui.terms.setText(item.terms)

    def store(self) -> AgendaItem:
        ui = self.ui
        item = replace(self.item, business=chosen(ui.business),
                       child_id=ui.child_id.text().strip() or None, carers=ui.carers.text(),
                       terms=ui.terms.text())
        return svc.save_item(self.uow_factory, item, self.today)


class _ResultDialog(_Dialog):
    """Records part of an existing item's result; ``item`` is the item as the user saw it."""

    def __init__(self, uow_factory: Callable, today: date, item: AgendaItem, about: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, parent)
        self.item = item
        self.ui.intro.setText(f"{about}\n\n{self.ui.intro.text()}")

    def load(self) -> None:
        self.item = svc.agenda_item(self.uow_factory, self.item.id)
        self.fill()

    def fill(self) -> None:
        raise NotImplementedError


class RecommendationDialog(_ResultDialog):
    FORM = RecommendationForm

    def __init__(self, uow_factory: Callable, today: date, item: AgendaItem, about: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, item, about, parent)
        self.setWindowTitle("Record the panel's recommendation")
        self.fill()

    def fill(self) -> None:
        ui, item = self.ui, self.item
        _fill(ui.recommendation, RECOMMENDATIONS, item.recommendation,
              blank="Choose the recommendation…")
        ui.reasons.setPlainText(item.reasons)
        ui.dissent.setPlainText(item.dissent)

    def store(self) -> svc.Recorded:
        ui = self.ui
        return svc.record_recommendation(self.uow_factory, self.item, chosen(ui.recommendation),
                                         ui.reasons.toPlainText(), ui.dissent.toPlainText(),
                                         self.today)


class DecisionDialog(_ResultDialog):
    FORM = DecisionForm

    def __init__(self, uow_factory: Callable, today: date, item: AgendaItem, about: str,
                 panel_date: date, parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, item, about, parent)
        self.setWindowTitle("Record the agency decision maker's decision")
        with uow_factory() as uow:
            self.calendar = WorkingCalendar(uow.settings().closure_days)
        self.panel_date = panel_date
        self.deadline_hint = QLabel()
        self.deadline_hint.setWordWrap(True)
        self.deadline_hint.setAccessibleName("Decision deadline")
        self.layout().insertWidget(3, self.deadline_hint)
        self.ui.minutes_received.dateChanged.connect(self._hint)
        self.fill()

    def fill(self) -> None:
        ui, item = self.ui, self.item
        set_optional_date(ui.minutes_received, item.minutes_received)
        _fill(ui.adm_decision, ADM_DECISIONS, item.adm_decision, blank="Not decided yet")
        set_optional_date(ui.adm_decision_date, item.adm_decision_date)
        ui.adm_notes.setPlainText(item.adm_notes)
        self._hint()

    def _hint(self) -> None:
        received = optional_date(self.ui.minutes_received)
        if received is None:
            text = ("Enter the day the ADM received the minutes: the 7 working days run from "
                    "then.")
        else:
            text = (f"Decision due by {adm_deadline(received, self.calendar):%d/%m/%Y}: 7 "
                    f"working days after the minutes arrived on {received:%d/%m/%Y}.")
        self.deadline_hint.setText(text)

    def store(self) -> svc.Recorded:
        ui = self.ui
        return svc.record_decision(self.uow_factory, self.item,
                                   optional_date(ui.minutes_received), chosen(ui.adm_decision),
                                   optional_date(ui.adm_decision_date), self.today,
                                   ui.adm_notes.toPlainText())
