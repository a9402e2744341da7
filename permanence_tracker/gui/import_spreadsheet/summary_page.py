"""Step 5: what the import did. The counts, the IROs it created with the reminder to set their
FTE (and a button to the IROs page), and the children changed: activating one opens the
child's record."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWizardPage

from permanence_tracker.domain.pseudonym import Personal
from permanence_tracker.domain.words import plural
from permanence_tracker.gui.import_spreadsheet.state import WizardState
from permanence_tracker.gui.models.roles import ROW_ROLE
from permanence_tracker.gui.models.rows_table import Column, RowsTableModel
from permanence_tracker.services.imports.spreadsheet.model import ImportSummary, Preview

CHANGED_WORDS = {"create": "Created", "update": "Updated"}


@dataclass(frozen=True)
class ChangedChild:
    child_id: str
    name: str
    what: str


CHANGED_COLUMNS: tuple[Column[ChangedChild], ...] = (
    Column("Child ID", lambda c: c.child_id),
    Column("Name", lambda c: c.name, personal=Personal.CHILD_NAME),
    Column("What changed", lambda c: c.what),
)


def changed_children(summary: ImportSummary, preview: Preview | None) -> list[ChangedChild]:
    names: dict[str, str] = {}
    what: dict[str, str] = {}
    if preview is not None:
        for facts in preview.facts:
            names[facts.child_id] = " ".join(p for p in (facts.forename, facts.surname) if p)
        for outcome in preview.outcomes:
            what[outcome.child_id] = CHANGED_WORDS.get(outcome.outcome, "Updated")
    return [ChangedChild(cid, names.get(cid, ""), what.get(cid, "Updated"))
            for cid in summary.children_changed]


def summary_text(summary: ImportSummary) -> str:
    counts = summary.counts
    text = (f"{plural(counts.get('create', 0), 'child', 'children')} created, "
            f"{counts.get('update', 0):,} updated, {counts.get('unchanged', 0):,} unchanged")
    if counts.get("rejected"):
        text += f", {plural(counts['rejected'], 'row')} rejected"
    if counts.get("skipped"):
        text += f", {plural(counts['skipped'], 'row')} skipped"
    return text + "." + ("" if summary.changed else " Nothing needed changing.")


class SummaryPage(QWizardPage):
    def __init__(self, state: WizardState) -> None:
        super().__init__()
        self.state = state
        self.setTitle("Imported")
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setAccessibleName("What the import did")
        self.iros = QLabel()
        self.iros.setWordWrap(True)
        self.iros.setAccessibleName("IROs created")
        self.iros_button = QPushButton("Go to the &IROs page")
        self.iros_button.setToolTip("Set the FTE of each IRO the import created")
        self.model: RowsTableModel[ChangedChild] = RowsTableModel(CHANGED_COLUMNS, self)
        self.view = QTableView()
        self.view.setAccessibleName("Children changed")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setToolTip("Double-click a child (or press Enter) to open their record")
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.iros)
        button_row = QHBoxLayout()
        button_row.addWidget(self.iros_button)
        button_row.addStretch(1)
        layout.addLayout(button_row)
        layout.addWidget(QLabel("Children changed (double-click to open the record):"))
        layout.addWidget(self.view, 1)
        self.view.activated.connect(self._open)
        self.iros_button.clicked.connect(self._show_iros)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        summary = self.state.summary
        if summary is None:
            return
        text = summary_text(summary)
        if summary.rejected and self.state.rejects_to is not None:
            text += f" The rejected rows are in {self.state.rejects_to}."
        self.counts.setText(text)
        if summary.fte_reminder:
            self.iros.setText(f"New IROs: {', '.join(summary.new_iros)}. Their FTE is not set: "
                              "set it on the IROs page so that caseloads per FTE are right.")
        self.iros.setVisible(summary.fte_reminder)
        self.iros_button.setVisible(summary.fte_reminder and self.state.show_iros is not None)
        self.model.set_rows(changed_children(summary, self.state.preview))
        self.view.resizeColumnsToContents()

    def _open(self, index) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, ChangedChild):
            self.state.open_child(row.child_id)

    def _show_iros(self) -> None:
        if self.state.show_iros is not None:
            self.state.show_iros()
