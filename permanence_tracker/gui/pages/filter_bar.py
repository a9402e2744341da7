"""A row of filter controls that builds a :class:`CohortFilter` (and shows one)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QWidget

from permanence_tracker.domain.permanence import PlanStatus
from permanence_tracker.services.permanence.cohort_filter import (
    EVERYONE,
    LEFT_CARE,
    LOOKED_AFTER_NOW,
    CohortFilter,
)
from permanence_tracker.services.permanence.rows import PLAN_AGREED_LATE, STILL_NO_PLAN
from permanence_tracker.services.reference import codes

ANY = "Any"
AGE_BANDS = {ANY: (None, None), "Under 5": (0, 4), "5-9": (5, 9), "10-15": (10, 15),
             "16+": (16, None), "0-14": (0, 14)}
SHOW = {"Looked after now": LOOKED_AFTER_NOW, "Left care": LEFT_CARE, "Everyone": EVERYONE}


def _combo(name: str) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    box.setToolTip(name)
    # Long IRO or locality names must not widen the window: show ~12 characters, the list
    # itself opens wide enough to read them all.
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(12)
    return box


class FilterBar(QWidget):
    changed = Signal(object)  # CohortFilter

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._base = CohortFilter()
        self._quiet = False
        self.show_box = _combo("Show")
        self.show_box.addItems(list(SHOW))
        self.legal = _combo("Legal status")
        self.iro = _combo("IRO")
        self.area = _combo("Area")
        self.locality = _combo("Locality")
        self.placement = _combo("Placement type")
        self.plan = _combo("Second review status")
        # "still no plan" (the action flag) and "plan agreed late" split "no plan by 2nd review"
        self.plan.addItems([ANY] + [s.value for s in PlanStatus] + [STILL_NO_PLAN,
                                                                     PLAN_AGREED_LATE])
        self.age = _combo("Age band")
        self.age.addItems(list(AGE_BANDS))
        self.overdue = QCheckBox("Overdue")
        self.overdue.setAccessibleName("Only overdue reviews")
        self.flagged = QCheckBox("Flagged")
        self.flagged.setAccessibleName("Only flagged children")
        # Two rows of label/control pairs, so the bar fits a laptop screen at 150% scaling.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # Alt+S opens the main window's Reports menu ("Report&s"), so Show takes its w
        pairs = (("Sho&w", self.show_box), ("L&egal", self.legal), ("&IRO", self.iro),
                 ("&Area", self.area), ("Lo&cality", self.locality),
                 ("&Placement", self.placement), ("2nd &review", self.plan),
                 ("A&ge", self.age))
        for number, (label, widget) in enumerate(pairs):
            caption = QLabel(label)
            caption.setBuddy(widget)
            row, column = divmod(number, 4)
            layout.addWidget(caption, row, column * 2)
            layout.addWidget(widget, row, column * 2 + 1)
            widget.currentIndexChanged.connect(self._emit)
        layout.addWidget(self.overdue, 0, 8)
        layout.addWidget(self.flagged, 1, 8)
        layout.setColumnStretch(9, 1)
        self.overdue.toggled.connect(self._emit)
        self.flagged.toggled.connect(self._emit)

    def set_choices(self, rows, cohort) -> None:
        """Offer the values present in the data (keeping the current choice)."""
        self._quiet = True
        # every legal status of the LS list (any year), and any other code the data holds
        legal = sorted({r.legal_status for r in rows if r.legal_status} | set(codes("LS")))
        iros = sorted({r.iro for r in rows if r.iro} |
                      {i.name for i in (cohort.iros if cohort else ())})
        for box, values in ((self.legal, legal), (self.iro, iros),
                            (self.area, sorted({r.area for r in rows if r.area})),
                            (self.locality, sorted({r.locality for r in rows if r.locality})),
                            (self.placement, sorted({r.placement for r in rows if r.placement}))):
            current = box.currentText()
            box.clear()
            box.addItems([ANY, *values])
            box.setCurrentIndex(max(box.findText(current), 0))
        self._quiet = False

    def set_filter(self, cohort: CohortFilter) -> None:
        """Show ``cohort`` in the controls (single choices; other criteria kept as they are)."""
        self._quiet = True
        self._base = cohort
        self.show_box.setCurrentIndex(list(SHOW.values()).index(cohort.status))
        for box, values in ((self.legal, cohort.legal_statuses), (self.iro, cohort.iros),
                            (self.area, cohort.areas), (self.locality, cohort.localities),
                            (self.placement, cohort.placements),
                            (self.plan, cohort.plan_statuses)):
            single = next(iter(values)) if len(values) == 1 else ANY
            box.setCurrentIndex(max(box.findText(single), 0))
        band = next((k for k, v in AGE_BANDS.items() if v == (cohort.age_min, cohort.age_max)),
                    ANY)
        self.age.setCurrentText(band)
        self.overdue.setChecked(cohort.overdue_only)
        self.flagged.setChecked(cohort.flagged_only)
        self._quiet = False
        self._emit()

    def current(self) -> CohortFilter:
        def pick(box: QComboBox, base: frozenset[str]) -> frozenset[str]:
            text = box.currentText()
            if text == ANY:
                return base if len(base) > 1 else frozenset()
            return frozenset({text})

        age_min, age_max = AGE_BANDS[self.age.currentText() or ANY]
        b = self._base
        return replace(
            b, status=SHOW[self.show_box.currentText()],
            legal_statuses=pick(self.legal, b.legal_statuses), iros=pick(self.iro, b.iros),
            areas=pick(self.area, b.areas), localities=pick(self.locality, b.localities),
            placements=pick(self.placement, b.placements),
            plan_statuses=pick(self.plan, b.plan_statuses), age_min=age_min, age_max=age_max,
            overdue_only=self.overdue.isChecked(), flagged_only=self.flagged.isChecked(),
        )

    def _emit(self, *_args) -> None:
        if not self._quiet:
            self.changed.emit(self.current())
