"""Dialogs for panels: a meeting, an agenda item, the panel's recommendation and the agency
decision maker's decision. Their forms are Qt Designer files (ui/panel_*.ui). Each reads
through :mod:`services.panels.commands`' queries and saves through its commands; problems show
next to their fields and a stale edit is refused with a Reload (see :class:`RecordDialog`).

The recommendation and decision dialogs' ``result_record`` is a ``Recorded`` whose
``suggestion`` is the monitoring outcome to offer for the child (the page asks).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QWidget

from permanence_tracker.domain.calendar import WorkingCalendar, uk_date
from permanence_tracker.domain.panels import (
    ADM_DECISIONS,
    RECOMMENDATIONS,
    AgendaItem,
    PanelMeeting,
    adm_deadline,
)
from permanence_tracker.gui.dialogs.base import RecordDialog, chosen, get_date, set_date
from permanence_tracker.gui.forms.ui_panel_decision_dialog import Ui_PanelDecisionDialog
from permanence_tracker.gui.forms.ui_panel_dialog import Ui_PanelDialog
from permanence_tracker.gui.forms.ui_panel_item_dialog import Ui_PanelItemDialog
from permanence_tracker.gui.forms.ui_panel_recommendation_dialog import (
    Ui_PanelRecommendationDialog,
)
from permanence_tracker.gui.panels.fields import (
    fill_listed,
    fit_text_boxes,
    optional_date,
    set_optional_date,
)
from permanence_tracker.services import panels as svc
from permanence_tracker.services.unit_of_work import UowFactory

QUORATE_CHOICES = (("Not recorded yet", None), ("Quorate", True), ("Not quorate", False))


class _Dialog(RecordDialog):
    def __init__(self, uow_factory: UowFactory, today: date, parent: QWidget | None = None
                 ) -> None:
        super().__init__(uow_factory, today, parent)
        fit_text_boxes(self)

    def show_problems(self, problems) -> None:
        super().show_problems(problems)
        self.adjustSize()  # room for the messages under their fields


class PanelDialog(_Dialog):
    FORM = Ui_PanelDialog

    def __init__(self, uow_factory: UowFactory, today: date, panel: PanelMeeting | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, parent)
        self.panel = panel
        self.setWindowTitle("Edit panel" if panel else "Add a panel")
        self.types = svc.panel_settings(uow_factory).types
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
        fill_listed(ui.type, self.types, panel.type, blank="Choose a type…")
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
    FORM = Ui_PanelItemDialog

    def __init__(self, uow_factory: UowFactory, today: date, item: AgendaItem,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, parent)
        self.item = item
        self.setWindowTitle("Edit agenda item" if item.id else "Add an agenda item")
        self.business = svc.panel_settings(uow_factory).business
        self.load()

    def load(self) -> None:
        if self.item.id is not None:
            self.item = svc.agenda_item(self.uow_factory, self.item.id)
        ui, item = self.ui, self.item
        fill_listed(ui.business, self.business, item.business, blank="Choose the business…")
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

    def __init__(self, uow_factory: UowFactory, today: date, item: AgendaItem, about: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, parent)
        self.item = item
        self.ui.intro.setText(f"{about}\n\n{self.ui.intro.text()}")

    def load(self) -> None:
        if self.item.id is not None:  # always: a result is recorded on a stored item
            self.item = svc.agenda_item(self.uow_factory, self.item.id)
        self.fill()

    def fill(self) -> None:
        raise NotImplementedError


class RecommendationDialog(_ResultDialog):
    FORM = Ui_PanelRecommendationDialog

    def __init__(self, uow_factory: UowFactory, today: date, item: AgendaItem, about: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, item, about, parent)
        self.setWindowTitle("Record the panel's recommendation")
        self.fill()

    def fill(self) -> None:
        ui, item = self.ui, self.item
        fill_listed(ui.recommendation, RECOMMENDATIONS, item.recommendation,
              blank="Choose the recommendation…")
        ui.reasons.setPlainText(item.reasons)
        ui.dissent.setPlainText(item.dissent)

    def store(self) -> svc.Recorded:
        ui = self.ui
        return svc.record_recommendation(self.uow_factory, self.item, chosen(ui.recommendation),
                                         ui.reasons.toPlainText(), ui.dissent.toPlainText(),
                                         self.today)


class DecisionDialog(_ResultDialog):
    FORM = Ui_PanelDecisionDialog

    def __init__(self, uow_factory: UowFactory, today: date, item: AgendaItem, about: str,
                 panel_date: date, parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, item, about, parent)
        self.setWindowTitle("Record the agency decision maker's decision")
        self.calendar = WorkingCalendar(svc.panel_settings(uow_factory).closure_days)
        self.panel_date = panel_date
        self.deadline_hint = self.ui.deadline_hint
        self.ui.minutes_received.dateChanged.connect(self._hint)
        self.fill()

    def fill(self) -> None:
        ui, item = self.ui, self.item
        set_optional_date(ui.minutes_received, item.minutes_received)
        fill_listed(ui.adm_decision, ADM_DECISIONS, item.adm_decision, blank="Not decided yet")
        set_optional_date(ui.adm_decision_date, item.adm_decision_date)
        ui.adm_notes.setPlainText(item.adm_notes)
        self._hint()

    def _hint(self) -> None:
        received = optional_date(self.ui.minutes_received)
        if received is None:
            text = ("Enter the day the ADM received the minutes: the 7 working days run from "
                    "then.")
        else:
            text = (f"Decision due by {uk_date(adm_deadline(received, self.calendar))}: 7 "
                    f"working days after the minutes arrived on {uk_date(received)}.")
        self.deadline_hint.setText(text)

    def store(self) -> svc.Recorded:
        ui = self.ui
        return svc.record_decision(self.uow_factory, self.item,
                                   optional_date(ui.minutes_received), chosen(ui.adm_decision),
                                   optional_date(ui.adm_decision_date), self.today,
                                   ui.adm_notes.toPlainText())
