"""What the Panels page's buttons do: the dialogs, then the offer of a monitoring outcome.

A mixin of :class:`gui.panels.page.PanelsPage` (it uses the page's session, today, chosen
panel and item, and ``refresh``). After a recommendation or decision that calls for a
monitoring outcome on the child, it asks (Yes/No) and adds it through the service, then
reloads the session so every page shows it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox, QWidget

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.domain.panels import AgendaItem
from permanence_tracker.gui.dialogs.base import RecordDialog
from permanence_tracker.gui.panels.dialogs import (
    DecisionDialog,
    ItemDialog,
    PanelDialog,
    RecommendationDialog,
)
from permanence_tracker.services import panels as svc

if TYPE_CHECKING:  # the mixin is only ever part of a page, which is a QWidget
    from permanence_tracker.gui.session import Session

    _Widget = QWidget
else:
    _Widget = object


class PanelActions(_Widget):
    session: Session  # what the page provides
    today: date
    _chosen: int | None

    if TYPE_CHECKING:
        def refresh(self) -> object: ...

        def chosen_panel(self) -> svc.PanelRow | None: ...

        def chosen_item(self) -> svc.ItemRow | None: ...

    def _run(self, dialog: RecordDialog) -> Any:
        """What the dialog saved (its ``result_record``), or None when cancelled."""
        if dialog.exec():
            self.refresh()
            return dialog.result_record
        return None

    def add_panel(self) -> None:
        saved = self._run(PanelDialog(self.session.uow, self.today, None, self))
        if saved is not None:
            self._chosen = saved.id

    def edit_panel(self) -> None:
        row = self.chosen_panel()
        if row is not None:
            self._run(PanelDialog(self.session.uow, self.today, row.panel, self))

    def add_item(self) -> None:
        row = self.chosen_panel()
        if row is not None and row.panel.id is not None:  # a listed panel is stored
            self._run(ItemDialog(self.session.uow, self.today, AgendaItem(row.panel.id, ""),
                                 self))

    def edit_item(self) -> None:
        row = self.chosen_item()
        if row is not None:
            self._run(ItemDialog(self.session.uow, self.today, row.item, self))

    @staticmethod
    def _about(row) -> str:
        return (f"Item {row.number} of the {row.panel.type} panel of {uk_date(row.panel.date)}: "
                f"{row.item.business}" + (f" — {row.subject}" if row.subject else ""))

    def record_recommendation(self) -> None:
        row = self.chosen_item()
        if row is not None:
            self._offer(self._run(RecommendationDialog(self.session.uow, self.today, row.item,
                                                       self._about(row), self)))

    def record_decision(self) -> None:
        row = self.chosen_item()
        if row is not None:
            self._offer(self._run(DecisionDialog(self.session.uow, self.today, row.item,
                                                 self._about(row), row.panel.date, self)))

    def _offer(self, recorded) -> None:
        """Ask whether to add the monitoring outcome the result calls for to the child."""
        offer = getattr(recorded, "suggestion", None)
        if offer is None:
            return
        answer = QMessageBox.question(
            self, "Add a monitoring outcome?",
            f"Add the monitoring outcome “{offer.outcome}” dated {uk_date(offer.recorded)} to "
            f"{offer.child_id}'s record?\n\n{offer.notes}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            svc.add_suggested_outcome(self.session.uow, offer, self.today)
        except TrackerError as error:
            QMessageBox.warning(self, "The outcome was not added", str(error))
            return
        self.session.reload()  # the child's outcomes show on every page

