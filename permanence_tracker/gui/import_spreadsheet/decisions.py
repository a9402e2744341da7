"""The preview's questions for the user: each conflict with the tracker (keep the tracker's
value, take the sheet's, or skip the row; one at a time or for all), and each name + date of
birth match to confirm. Together they make the :class:`Decisions` the commit follows."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from permanence_tracker.gui.import_spreadsheet.preview_tables import (
    CONFLICT_COLUMNS,
    MATCH_COLUMNS,
)
from permanence_tracker.gui.import_spreadsheet.state import CHOICE_WORDS
from permanence_tracker.gui.models.rows_table import RowsTableModel
from permanence_tracker.services.imports.spreadsheet.model import (
    CHOICES,
    Choice,
    Conflict,
    Decisions,
    NameMatch,
)
from permanence_tracker.text.spreadsheet_report import conflict_reason

WHY_WIDTH = 380  # pixels; the whole reason is the cell's tooltip
FOR_ALL: tuple[tuple[Choice, str], ...] = (
    ("keep", "&Keep the tracker's"), ("take", "&Take the sheet's"), ("skip", "Skip e&very row"))


def _view(model: RowsTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setAccessibleName(name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class ConflictsPanel(QWidget):
    """One combo per conflict; "for all" buttons set every one (the sheet's value is taken only
    where it can replace the tracker's: elsewhere the tracker's is kept)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RowsTableModel[Conflict] = RowsTableModel(CONFLICT_COLUMNS, self)
        self.view = _view(self.model, "Conflicts with the tracker")
        self.combos: list[QComboBox] = []
        self.all_buttons: dict[Choice, QPushButton] = {}
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel("For all:"))
        for choice, text in FOR_ALL:
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, c=choice: self.decide_all(c))
            buttons.addWidget(button)
            self.all_buttons[choice] = button
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Where the sheet disagrees with what the tracker holds, "
                                "decide which value stands, or skip the row."))
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)

    def set_conflicts(self, conflicts: tuple[Conflict, ...]) -> None:
        self.model.set_rows(conflicts)
        self.combos = []
        for row, conflict in enumerate(conflicts):
            combo = QComboBox()
            combo.addItem("Decide…", None)
            for choice in CHOICES:
                if choice != "take" or conflict.takeable:
                    combo.addItem(CHOICE_WORDS[choice], choice)
            combo.setAccessibleName(f"Decision for row {conflict.row}, "
                                    f"{CONFLICT_COLUMNS[2].text(conflict)}")
            if not conflict.takeable:  # why "take" is not offered
                combo.setToolTip(conflict_reason(conflict))
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
            self.view.setIndexWidget(self.model.index(row, len(CONFLICT_COLUMNS) - 1), combo)
            self.combos.append(combo)
        self.view.resizeColumnsToContents()
        why = len(CONFLICT_COLUMNS) - 2  # long: capped so the decision stays in sight
        self.view.setColumnWidth(why, min(self.view.columnWidth(why), WHY_WIDTH))
        self.changed.emit()

    def decide(self, row: int, choice: Choice) -> None:
        combo = self.combos[row]
        found = combo.findData(choice)
        combo.setCurrentIndex(found if found >= 0 else combo.findData("keep"))

    def decide_all(self, choice: Choice) -> None:
        for row in range(len(self.combos)):
            self.decide(row, choice)

    def by_key(self) -> dict[str, Choice]:
        return {c.key: combo.currentData() for c, combo in zip(self.model.rows(), self.combos,
                                                               strict=True)
                if combo.currentData()}

    def undecided(self) -> int:
        return sum(1 for combo in self.combos if not combo.currentData())


class MatchesPanel(QWidget):
    """Rows matched to a tracker child by name and date of birth only: ticked, the row is
    written to that child; unticked, it is skipped."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: RowsTableModel[NameMatch] = RowsTableModel(MATCH_COLUMNS, self)
        self.view = _view(self.model, "Name and date of birth matches")
        self.boxes: list[QCheckBox] = []
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("These rows match a child in the tracker by name and date of "
                                "birth only. Tick each one that is the same child; an "
                                "unticked row is skipped."))
        layout.addWidget(self.view, 1)

    def set_matches(self, matches: tuple[NameMatch, ...]) -> None:
        self.model.set_rows(matches)
        self.boxes = []
        for row, match in enumerate(matches):
            box = QCheckBox("Same child")
            box.setAccessibleName(f"Row {match.row} is {match.child_id}")
            box.toggled.connect(lambda _on: self.changed.emit())
            self.view.setIndexWidget(self.model.index(row, len(MATCH_COLUMNS) - 1), box)
            self.boxes.append(box)
        self.view.resizeColumnsToContents()

    def confirmed(self) -> frozenset[int]:
        return frozenset(m.row for m, box in zip(self.model.rows(), self.boxes, strict=True)
                         if box.isChecked())


def decisions(conflicts: ConflictsPanel, matches: MatchesPanel) -> Decisions:
    return Decisions(by_key=conflicts.by_key(), confirmed=matches.confirmed())
