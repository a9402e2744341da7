"""Step 2: map the sheet's columns to the tracker's fields. One row per column: its header as
written, three sample values and the field it maps to (or Ignore), filled in from a saved
mapping whose headers are all in the sheet, else automatically from the headers (the page says
which). A mapping can be saved by name and chosen again. Next needs the child ID (or a name and
the date of birth) mapped and no single-valued field chosen twice."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.domain.pseudonym import Personal
from permanence_tracker.gui.import_spreadsheet.state import WizardState
from permanence_tracker.gui.models.rows_table import Column, RowsTableModel
from permanence_tracker.services.imports.spreadsheet.fields import (
    FIELDS,
    auto_map,
    normalise_header,
)
from permanence_tracker.services.imports.spreadsheet.layout import Table
from permanence_tracker.services.imports.spreadsheet.mappings import (
    load_mappings,
    mapping_for,
    save_mapping,
)

IGNORE = "Ignore"
SAMPLES = 3
FIELD_COLUMN = 5


@dataclass(frozen=True)
class ColumnRow:
    """One column of the sheet: its position, header as written and first filled values."""

    index: int
    letter: str
    header: str
    samples: tuple[str, ...]


def _sample(n: int) -> Column[ColumnRow]:
    def text(row: ColumnRow) -> str:
        return row.samples[n] if n < len(row.samples) else ""

    # A sample is whatever the sheet holds: names and dates of birth among them.
    return Column(f"Sample {n + 1}", text, personal=Personal.FREE_TEXT)


COLUMNS: tuple[Column[ColumnRow], ...] = (
    Column("Column", lambda r: r.letter, sort=lambda r: r.index),
    Column("Header", lambda r: r.header or "(no header)"),
    *(_sample(n) for n in range(SAMPLES)),
    Column("Maps to", lambda r: "", header_tip="The tracker's field this column holds"),
)


class MapColumnsPage(QWizardPage):
    def __init__(self, state: WizardState) -> None:
        super().__init__()
        self.state = state
        self.setTitle("Map the columns")
        self.setSubTitle("Check the field each column holds; choose Ignore for the rest.")
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.saved_box = QComboBox()
        self.saved_box.setAccessibleName("Saved mappings")
        self.save_button = QPushButton("&Save mapping as…")
        saved_row = QHBoxLayout()
        saved_row.addWidget(QLabel("Saved mappings:"))
        saved_row.addWidget(self.saved_box, 1)
        saved_row.addWidget(self.save_button)
        self.model: RowsTableModel[ColumnRow] = RowsTableModel(COLUMNS, self)
        self.view = QTableView()
        self.view.setAccessibleName("Columns of the sheet")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(
            FIELD_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setAccessibleName("Problems with the mapping")
        self.problems.setStyleSheet("color:#b71c1c;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addLayout(saved_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.problems)
        self.combos: list[QComboBox] = []
        self.saved: dict[str, dict[str, str]] = {}
        self.save_button.clicked.connect(lambda: self.save_mapping_as())
        self.saved_box.activated.connect(self._saved_chosen)

    # -- filling -----------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 - Qt override
        table = self.state.table
        if table is None:
            return
        self.model.set_rows(_column_rows(table))
        self.combos = []
        for row in range(self.model.rowCount()):
            combo = QComboBox()
            combo.addItem(IGNORE, None)
            for field in FIELDS.values():
                combo.addItem(field.label, field.name)
            combo.setAccessibleName(f"Field for column {self.model.rows()[row].letter}")
            combo.currentIndexChanged.connect(self._changed)
            self.view.setIndexWidget(self.model.index(row, FIELD_COLUMN), combo)
            self.combos.append(combo)
        self.view.resizeColumnsToContents()
        self.saved = self._load_saved()
        found = mapping_for(table.headers, self.saved)
        if found is not None:
            name, mapping = found
            self.set_mapping(mapping)
            self.source.setText(f"Mapped by your saved mapping “{name}”.")
        else:
            self.set_mapping(auto_map(table.headers))
            self.source.setText("Mapped automatically from the headers: check each column.")
        self._fill_saved_box(found[0] if found else "")

    def _load_saved(self) -> dict[str, dict[str, str]]:
        try:
            return load_mappings(self.state.uow)  # one small value: read when the page opens
        except TrackerError as exc:
            self.source.setText(f"The saved mappings could not be read: {exc}")
            return {}

    def _fill_saved_box(self, current: str) -> None:
        self.saved_box.clear()
        self.saved_box.addItem("(none chosen)", "")
        for name in sorted(self.saved):
            self.saved_box.addItem(name, name)
        self.saved_box.setCurrentIndex(max(self.saved_box.findData(current), 0))

    def set_mapping(self, mapping: dict[int, str]) -> None:
        """Set every column's combo: ``mapping`` is column index -> field name."""
        for index, combo in enumerate(self.combos):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(mapping.get(index)), 0))
            combo.blockSignals(False)
        self._changed()

    def _saved_chosen(self, _index: int) -> None:
        name = self.saved_box.currentData()
        table = self.state.table
        if not name or table is None:
            return
        keys = {normalise_header(h): field for h, field in self.saved[name].items()}
        self.set_mapping({i: keys[normalise_header(h)] for i, h in enumerate(table.headers)
                          if h and normalise_header(h) in keys})
        self.source.setText(f"Mapped by your saved mapping “{name}”.")

    def save_mapping_as(self, name: str | None = None) -> None:
        """Save the columns' fields by header under ``name`` (asked when None)."""
        if name is None:
            name, ok = QInputDialog.getText(self, "Save mapping as", "Name of the mapping:")
            if not ok:
                return
        headers = self.state.table.headers if self.state.table else ()
        by_header = {headers[i]: field for i, field in self.mapping().items() if headers[i]}
        try:
            self.saved = save_mapping(self.state.uow, name, by_header)
        except TrackerError as exc:
            self.source.setText(f"⚠ The mapping was not saved: {exc}")
            return
        self._fill_saved_box(name.strip())
        self.source.setText(f"Saved this mapping as “{name.strip()}”: it is offered again "
                            "for a sheet with these headers.")

    # -- checking ----------------------------------------------------------------------
    def mapping(self) -> dict[int, str]:
        return {i: combo.currentData() for i, combo in enumerate(self.combos)
                if combo.currentData()}

    def mapping_problems(self) -> list[str]:
        mapping = self.mapping()
        columns: dict[str, list[str]] = defaultdict(list)
        for index, field in mapping.items():
            columns[field].append(self.model.rows()[index].letter)
        problems = [f"“{FIELDS[f].label}” is chosen for columns {', '.join(letters)}: "
                    "choose it for one column only (Ignore the others)"
                    for f, letters in columns.items() if len(letters) > 1 and not FIELDS[f].many]
        named = "name" in columns or {"forename", "surname"} <= columns.keys()
        if "child_id" not in columns and not (named and "dob" in columns):
            problems.append("Map the child ID column (or the name and the date of birth) so "
                            "that each row can be matched to a child")
        return problems

    def _changed(self, *_args) -> None:
        self.problems.setText("\n".join(f"⚠ {p}" for p in self.mapping_problems()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.combos) and not self.mapping_problems()

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        mapping = self.mapping()
        if mapping != self.state.mapping or self.state.preview is None:
            self.state.mapping = mapping
            self.state.new_mapping()
        return True


def _column_rows(table: Table) -> list[ColumnRow]:
    rows = []
    for index, header in enumerate(table.headers):
        filled = (r.cells[index] for r in table.rows
                  if index < len(r.cells) and r.cells[index] not in (None, ""))
        samples = tuple(_shown(v) for _, v in zip(range(SAMPLES), filled, strict=False))
        rows.append(ColumnRow(index, column_letter(index), header, samples))
    return rows


def column_letter(index: int) -> str:
    """The letter Excel shows over column ``index`` (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _shown(value: object) -> str:
    return uk_date(value) if isinstance(value, date) else str(value)

