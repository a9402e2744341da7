"""Record a change of legal status or placement (903 REC X1 and a new episode), or the end of
care, through :mod:`services.records.changes`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from permanence_tracker.domain.codes import CONTINUING_REC, LEGAL_STATUS_NAMES
from permanence_tracker.domain.entities import Episode
from permanence_tracker.gui.dialogs.base import RecordDialog, choose, chosen, fill_codes, get_date
from permanence_tracker.gui.forms.ui_change_dialog import Ui_ChangeDialog
from permanence_tracker.services.records import changes
from permanence_tracker.services.reference import codes, collection_year, labels

# SSDA903 reasons for a new episode within a period of care
RNE_LABELS = (
    ("L", "legal status changed only"),
    ("P", "placement and carer changed"),
    ("T", "placement changed, same carer"),
    ("B", "legal status, placement and carer changed"),
    ("U", "legal status and placement changed, same carer"),
)


def _labelled(list_name: str, year: int, skip: frozenset[str] = frozenset()):
    names = labels(list_name)
    return [(c, names.get(c, "")) for c in codes(list_name, year) if c not in skip]


class ChangeDialog(RecordDialog):
    FORM = Ui_ChangeDialog
    ALIASES = {"start": "on", "end": "on"}  # the episode ended and the one begun share a date

    def __init__(self, uow_factory: Callable, today: date, child_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, parent)
        self.child_id = child_id
        self.seen: Episode | None = None
        self._rne_chosen = False
        self.setWindowTitle(f"Legal status or placement change for {child_id}")
        year = collection_year(today)
        fill_codes(self.ui.legal_status, _labelled("LS", year))
        fill_codes(self.ui.placement, _labelled("PLACE", year))
        fill_codes(self.ui.rne, RNE_LABELS, blank="Choose what changed…")
        fill_codes(self.ui.rec, _labelled("REC", year, frozenset({CONTINUING_REC})),
                   blank="Choose why care ended…")
        self.ui.leaves_care.toggled.connect(self._mode)
        self.ui.legal_status.activated.connect(self._suggest_rne)
        self.ui.placement.activated.connect(self._suggest_rne)
        self.ui.rne.activated.connect(lambda *_: setattr(self, "_rne_chosen", True))
        self.load()
        self._mode(False)

    def load(self) -> None:
        with self.uow_factory() as uow:
            episodes = uow.repo.records(Episode, self.child_id)
        open_ = [e for e in episodes if e.end is None]
        self.seen = max(open_, key=lambda e: e.start) if open_ else None
        save = self.ui.buttons.button(self.ui.buttons.StandardButton.Save)
        if self.seen is None:
            self.ui.current.setText("The child is not looked after: there is no open episode "
                                    "to change.")
            save.setEnabled(False)
            return
        e = self.seen
        self.ui.current.setText(
            f"Current episode from {e.start:%d/%m/%Y}: legal status {e.legal_status} "
            f"({LEGAL_STATUS_NAMES.get(e.legal_status, '?')}), placement {e.placement or '—'}.")
        save.setEnabled(True)
        choose(self.ui.legal_status, e.legal_status)
        choose(self.ui.placement, e.placement)

    def _mode(self, leaving: bool) -> None:
        for widget in (self.ui.legal_status, self.ui.placement, self.ui.rne):
            widget.setEnabled(not leaving)
        self.ui.rec.setEnabled(leaving)

    def _suggest_rne(self, *_args) -> None:
        """Pre-select the RNE from what changed, until the user picks one (the carer is not
        in the codes, so a placement change suggests P: change it to T or U if same carer)."""
        if self._rne_chosen or self.seen is None:
            return
        legal = chosen(self.ui.legal_status) != self.seen.legal_status
        place = chosen(self.ui.placement) != self.seen.placement
        choose(self.ui.rne, "B" if legal and place else "L" if legal else "P" if place else "")

    def store(self):
        ui = self.ui
        on = get_date(ui.on)
        if ui.leaves_care.isChecked():
            return changes.end_care(self.uow_factory, self.child_id, on, chosen(ui.rec),
                                    self.today, seen=self.seen)
        return changes.record_change(self.uow_factory, self.child_id, on,
                                     chosen(ui.legal_status), chosen(ui.placement),
                                     chosen(ui.rne), self.today, seen=self.seen)
