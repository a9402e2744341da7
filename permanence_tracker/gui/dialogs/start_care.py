"""Start care: a child's first period of care, or their return after leaving care (903 RNE S),
through :func:`services.records.care.start_care`.

The code lists offered are those of the collection year the start date falls in, and follow
the date as it is changed; a placement that has no provider (T0-T4, Z1, Z11-Z14) greys the
provider out.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QWidget

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.gui.dialogs.base import RecordDialog, choose, chosen, fill_codes, get_date
from permanence_tracker.gui.forms.ui_start_care_dialog import Ui_StartCareDialog
from permanence_tracker.services.records.care import (
    CareState,
    care_state,
    needs_provider,
    start_care,
)
from permanence_tracker.services.reference import (
    choices,
    collection_year,
    short_label,
    year_text,
)
from permanence_tracker.services.unit_of_work import UowFactory

# field -> (903 code list, the blank choice's words)
LISTS = {"legal_status": ("LS", "Choose the legal status…"),
         "placement": ("PLACE", "Choose the placement…"),
         "provider": ("PLACE_PROVIDER", "Choose the provider…"),
         "cin": ("CIN", "Choose the category of need…")}


class StartCareDialog(RecordDialog):
    FORM = Ui_StartCareDialog

    def __init__(self, uow_factory: UowFactory, today: date, child_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, parent)
        self.child_id = child_id
        self.state: CareState | None = None
        self.year = 0
        self.setWindowTitle(f"Start care for {child_id}")
        self._fill_codes(collection_year(today))
        self.ui.on.dateChanged.connect(self._date_changed)
        self.ui.placement.currentIndexChanged.connect(self._placement_changed)
        self.load()
        self._placement_changed()

    def load(self) -> None:
        self.state = state = care_state(self.uow_factory, self.child_id)
        child = state.child
        name = child.name or child.child_id
        self.setWindowTitle(f"Start care for {name} ({child.child_id})")
        save = self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(state.open_episode is None)
        last = state.last_episode
        if state.open_episode is not None:
            text = (f"{name} is already looked after (since "
                    f"{uk_date(state.open_episode.start)}): use Legal status / placement "
                    "change, or End care.")
        elif last is None or last.end is None:
            text = f"{name} has not been looked after before: this starts their first period."
        else:
            text = (f"{name} left care on {uk_date(last.end)} ({last.rec} – "
                    f"{short_label('REC', last.rec, 'reason not recorded')}): this starts a "
                    "new period of care, and its reviews are numbered from 1 again.")
        self.ui.current.setText(text)

    def _date_changed(self, *_args: object) -> None:
        year = collection_year(get_date(self.ui.on))
        if year != self.year:
            self._fill_codes(year)

    def _fill_codes(self, year: int) -> None:
        """Offer each list's codes of ``year``, keeping every choice still valid in it."""
        self.year = year
        for field, (list_name, blank) in LISTS.items():
            combo: QComboBox = getattr(self.ui, field)
            kept = chosen(combo)
            combo.blockSignals(True)  # a refill is not an edit: keep any message shown
            fill_codes(combo, choices(list_name, year), blank=blank)
            choose(combo, kept)
            combo.blockSignals(False)
        self.ui.year_note.setText(f"Codes of the {year_text(year)} collection year, the year "
                                  "the start date falls in.")
        self._placement_changed()

    def _placement_changed(self, *_args: object) -> None:
        """No provider for a temporary or "other" placement (DfE rules 213, 526)."""
        placement = chosen(self.ui.placement)
        needed = needs_provider(placement) or not placement
        if not needed:
            choose(self.ui.provider, "")
        self.ui.provider.setEnabled(needed)
        self.ui.provider_label.setText("Placement pro&vider *" if needs_provider(placement)
                                       else "Placement pro&vider")

    def store(self):
        ui = self.ui
        seen = self.state.episodes if self.state is not None else None
        return start_care(self.uow_factory, self.child_id, get_date(ui.on),
                          chosen(ui.legal_status), chosen(ui.placement), chosen(ui.provider),
                          chosen(ui.cin), self.today, seen=seen)
