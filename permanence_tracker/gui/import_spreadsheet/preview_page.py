"""Step 3: the preview, made in the background with progress and Cancel; nothing is written.
Totals per outcome, every row's outcome (filterable), the problems (sheet, row, column, value,
what to do; exportable to Excel), the conflicts to decide and the matches to confirm."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from permanence_tracker.domain.words import plural
from permanence_tracker.gui.export_table import add_export_menu, session_context
from permanence_tracker.gui.import_spreadsheet.background import Runner
from permanence_tracker.gui.import_spreadsheet.decisions import (
    ConflictsPanel,
    MatchesPanel,
    decisions,
)
from permanence_tracker.gui.import_spreadsheet.preview_tables import (
    OUTCOME_COLUMNS,
    PROBLEM_COLUMNS,
    OutcomeRow,
    outcome_rows,
)
from permanence_tracker.gui.import_spreadsheet.state import OUTCOME_WORDS, WizardState
from permanence_tracker.gui.models.rows_table import RowsProxy, RowsTableModel
from permanence_tracker.services.imports.spreadsheet.model import OUTCOMES, Preview, RowProblem
from permanence_tracker.services.imports.spreadsheet.preview import preview_import

PROBLEMS_SHEET = "Import problems"


def _view(model, name: str) -> QTableView:
    view = QTableView()
    view.setAccessibleName(name)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class PreviewPage(QWizardPage):
    def __init__(self, state: WizardState) -> None:
        super().__init__()
        self.state = state
        self.setTitle("Preview")
        self.setSubTitle("What the import would do. Nothing is written yet.")
        self.runner = Runner()
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setAccessibleName("Totals")
        self.again_button = QPushButton("Preview a&gain")
        self.again_button.hide()
        top = QHBoxLayout()
        top.addWidget(self.totals, 1)
        top.addWidget(self.again_button)
        self.rows_model: RowsTableModel[OutcomeRow] = RowsTableModel(OUTCOME_COLUMNS, self)
        self.rows_proxy = RowsProxy(parent=self)
        self.rows_proxy.setSourceModel(self.rows_model)
        self.rows_view = _view(self.rows_proxy, "Rows of the sheet")
        self.outcome_filter = QComboBox()
        self.outcome_filter.setAccessibleName("Show the rows to")
        self.outcome_filter.addItem("Every row", None)
        for outcome in OUTCOMES:
            self.outcome_filter.addItem(OUTCOME_WORDS[outcome], outcome)
        self.problems_model: RowsTableModel[RowProblem] = RowsTableModel(PROBLEM_COLUMNS, self)
        self.problems_view = _view(self.problems_model, PROBLEMS_SHEET)
        self.export_action = add_export_menu(self.problems_view, session_context(state.session),
                                             lambda: PROBLEMS_SHEET)
        self.export_button = QPushButton("E&xport to Excel…")
        self.conflicts = ConflictsPanel()
        self.matches = MatchesPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._rows_tab(), "&Rows")
        self.tabs.addTab(self._problems_tab(), "&Problems")
        self.tabs.addTab(self.conflicts, "&Conflicts")
        self.tabs.addTab(self.matches, "&Matches to confirm")
        layout = QVBoxLayout(self)
        layout.addWidget(self.runner)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.outcome_filter.currentIndexChanged.connect(self._filter)
        self.export_button.clicked.connect(self.export_action.trigger)
        self.again_button.clicked.connect(self.run_preview)
        self.conflicts.changed.connect(self._decided)
        self.matches.changed.connect(self._decided)

    def _rows_tab(self) -> QWidget:
        tab = QWidget()
        row = QHBoxLayout()
        row.addWidget(QLabel("Show:"))
        row.addWidget(self.outcome_filter)
        row.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.rows_view, 1)
        return tab

    def _problems_tab(self) -> QWidget:
        tab = QWidget()
        row = QHBoxLayout()
        row.addWidget(QLabel("Correct these in the spreadsheet and preview again, or import "
                             "the valid rows only (next step)."), 1)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.problems_view, 1)
        return tab

    # -- running -----------------------------------------------------------------------
    def initializePage(self) -> None:  # noqa: N802 - Qt override
        if self.state.preview is None:
            self.run_preview()
        else:
            self._show(self.state.preview)

    def run_preview(self) -> None:
        table, mapping, today = self.state.table, dict(self.state.mapping), self.state.today
        if table is None:
            return
        uow = self.state.uow
        self.state.new_mapping()
        self._show(None)
        self.totals.setText("Reading every row and comparing it with the tracker…")
        self.runner.run("Previewing",
                        lambda progress: preview_import(uow, table, mapping, today,
                                                        progress=progress),
                        self._previewed, self._failed, self._cancelled)
        self.completeChanged.emit()

    def _previewed(self, preview: Preview) -> None:
        self.state.preview = preview
        self._show(preview)

    def _failed(self, message: str) -> None:
        self.totals.setText(f"⚠ The preview failed: {message}. Nothing was written.")
        self.again_button.show()

    def _cancelled(self) -> None:
        self.totals.setText("Preview cancelled: nothing was written. Choose Preview again, "
                            "or go Back to change the mapping.")
        self.again_button.show()
        self.completeChanged.emit()

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override (Back)
        self.runner.forget()

    # -- showing -----------------------------------------------------------------------
    def _show(self, preview: Preview | None) -> None:
        self.again_button.setVisible(preview is not None)
        self.rows_model.set_rows(outcome_rows(preview) if preview else ())
        self.problems_model.set_rows(preview.problems if preview else ())
        self.conflicts.set_conflicts(preview.conflicts if preview else ())
        self.matches.set_matches(preview.needs_confirmation if preview else ())
        for view in (self.rows_view, self.problems_view):
            view.resizeColumnsToContents()
        if preview is None:
            return
        for index, (name, count) in enumerate((
                ("&Problems", len(preview.problems)), ("&Conflicts", len(preview.conflicts)),
                ("&Matches to confirm", len(preview.needs_confirmation))), start=1):
            self.tabs.setTabText(index, f"{name} ({count})")
        self._decided()

    def totals_text(self, preview: Preview) -> str:
        counts = " · ".join(f"{OUTCOME_WORDS[o]} {n:,}" for o, n in preview.totals.items())
        extra = []
        if preview.dropped:
            extra.append(f"{plural(len(preview.dropped), 'row')} left out (totals, notes, "
                         "blank)")
        if preview.new_iros:
            extra.append(f"new IROs: {', '.join(preview.new_iros)}")
        undecided = self.conflicts.undecided()
        if undecided:
            extra.append(f"{plural(undecided, 'conflict')} to decide before importing")
        return counts + ("; " + "; ".join(extra) if extra else "") + "."

    def _decided(self) -> None:
        if self.state.preview is not None:
            self.state.decisions = decisions(self.conflicts, self.matches)
            self.totals.setText(self.totals_text(self.state.preview))
        self.completeChanged.emit()

    def _filter(self) -> None:
        wanted = self.outcome_filter.currentData()
        self.rows_proxy.set_accept(None if wanted is None else
                                   lambda row: row.outcome == wanted)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return (self.state.preview is not None and not self.runner.busy
                and self.conflicts.undecided() == 0)
