"""Record a change of legal status or placement (903 REC X1 and a new episode), or the end of
care, through :mod:`services.records.changes`.

End care opens this dialog with "leaves care" ticked (``leaving=True``): one form for the two
ways an open episode ends. Starting care is :mod:`.start_care`.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.entities import Episode
from permanence_tracker.gui.dialogs.base import RecordDialog, choose, chosen, fill_codes, get_date
from permanence_tracker.gui.forms.ui_change_dialog import Ui_ChangeDialog
from permanence_tracker.services.records import changes
from permanence_tracker.services.records.queries import child_for_editing, open_episode
from permanence_tracker.services.reference import choices, collection_year, short_label
from permanence_tracker.services.unit_of_work import UowFactory

CHANGING = ("Ends the current episode on the date given and starts the next one the same day "
            "(903 REC X1), with the new legal status or placement.")
LEAVING = ("Ends the current episode, and the period of care, on the date given, with the 903 "
           "reason care ended. A later return to care is a new period (Start care…).")


class ChangeDialog(RecordDialog):
    FORM = Ui_ChangeDialog
    ALIASES = {"start": "on", "end": "on"}  # the episode ended and the one begun share a date

    def __init__(self, uow_factory: UowFactory, today: date, child_id: str,
                 parent: QWidget | None = None, leaving: bool = False) -> None:
        super().__init__(uow_factory, today, parent)
        self.child_id = child_id
        self.seen: Episode | None = None
        self._rne_chosen = False
        child = child_for_editing(uow_factory, child_id)
        who = f"{child.name} ({child_id})" if child.name else child_id  # as Start care says
        self.setWindowTitle(f"End care for {who}" if leaving
                            else f"Legal status or placement change for {who}")
        year = collection_year(today)
        fill_codes(self.ui.legal_status, choices("LS", year))
        fill_codes(self.ui.placement, choices("PLACE", year))
        fill_codes(self.ui.rne, changes.change_reasons(year), blank="Choose what changed…")
        fill_codes(self.ui.rec, changes.leaving_reasons(year), blank="Choose why care ended…")
        self.ui.leaves_care.toggled.connect(self._mode)
        self.ui.legal_status.activated.connect(self._suggest_rne)
        self.ui.placement.activated.connect(self._suggest_rne)
        self.ui.rne.activated.connect(lambda *_: setattr(self, "_rne_chosen", True))
        self.load()
        self.ui.leaves_care.setChecked(leaving)
        self._mode(leaving)

    def load(self) -> None:
        self.seen = open_episode(self.uow_factory, self.child_id)
        save = self.ui.buttons.button(self.ui.buttons.StandardButton.Save)
        if self.seen is None:
            self.ui.current.setText("The child is not looked after: there is no open episode "
                                    "to change.")
            save.setEnabled(False)
            return
        e = self.seen
        self.ui.current.setText(
            f"Current episode from {uk_date(e.start)}: legal status {e.legal_status} "
            f"({short_label('LS', e.legal_status, '?')}), placement {e.placement or '—'}.")
        save.setEnabled(True)
        choose(self.ui.legal_status, e.legal_status)
        choose(self.ui.placement, e.placement)

    def _mode(self, leaving: bool) -> None:
        for widget in (self.ui.legal_status, self.ui.placement, self.ui.rne):
            widget.setEnabled(not leaving)
        self.ui.rec.setEnabled(leaving)
        self.ui.intro.setText(LEAVING if leaving else CHANGING)

    def _suggest_rne(self, *_args: object) -> None:
        """Pre-select the RNE the service suggests for what changed, until the user picks one."""
        if self._rne_chosen or self.seen is None:
            return
        choose(self.ui.rne, changes.suggested_rne(self.seen, chosen(self.ui.legal_status),
                                                  chosen(self.ui.placement)))

    def store(self):
        ui = self.ui
        on = get_date(ui.on)
        if ui.leaves_care.isChecked():
            return changes.end_care(self.uow_factory, self.child_id, on, chosen(ui.rec),
                                    self.today, seen=self.seen)
        return changes.record_change(self.uow_factory, self.child_id, on,
                                     chosen(ui.legal_status), chosen(ui.placement),
                                     chosen(ui.rne), self.today, seen=self.seen)
