"""Step 1: choose the file and the sheet. The sheets are listed with their row counts and the
first that holds a table is chosen; the table (the header row below any titles, the data rows
without totals and notes) is found in the background. A file that cannot be read says what is
wrong, where and how to fix it, here on the page, and Next stays disabled."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from permanence_tracker.domain.words import plural
from permanence_tracker.gui.import_spreadsheet.background import Runner
from permanence_tracker.gui.import_spreadsheet.state import WizardState
from permanence_tracker.services.imports.spreadsheet.layout import Table, find_table, first_table
from permanence_tracker.services.imports.spreadsheet.reading import (
    SheetInfo,
    SpreadsheetError,
    list_sheets,
    read_sheet,
)

FILTER = ("Spreadsheets (*.xlsx *.xlsm *.csv *.ods *.xls *.XLSX *.XLSM *.CSV *.ODS *.XLS);;"
          "All files (*)")


class ChooseFilePage(QWizardPage):
    def __init__(self, state: WizardState) -> None:
        super().__init__()
        self.state = state
        self.setTitle("Choose the spreadsheet and its sheet")
        self.setSubTitle("Your tracker spreadsheet: .xlsx, .xlsm, .csv, .ods or .xls. Nothing "
                         "is written until the Import step.")
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setAccessibleName("Spreadsheet file")
        self.path_edit.setPlaceholderText("No file chosen")
        self.choose_button = QPushButton("C&hoose file…")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.choose_button)
        self.sheets = QListWidget()
        self.sheets.setAccessibleName("Sheets")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName("What was found")
        self.runner = Runner()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(QLabel("Sheets (rows that hold anything):"))
        layout.addWidget(self.sheets, 1)
        layout.addWidget(self.runner)
        layout.addWidget(self.message)
        self.choose_button.clicked.connect(self.choose)
        self.sheets.currentRowChanged.connect(self._sheet_chosen)
        self.runner.busy_changed.connect(lambda _busy: self.completeChanged.emit())

    def choose(self) -> None:
        start = str(self.state.path.parent) if self.state.path else ""
        name, _ = QFileDialog.getOpenFileName(self, "Choose the tracker spreadsheet", start,
                                              FILTER)
        if name:
            self.set_path(Path(name))

    def set_path(self, path: Path) -> None:
        """Read ``path``'s sheets and the table of the first that has one, in the background."""
        self.state.path, self.state.sheets = path, ()
        self.state.new_table(None)
        self.path_edit.setText(str(path))
        self._fill_sheets(())
        self.runner.run("Reading the file", lambda _progress: _open(path), self._opened,
                        self._failed, self._cancelled)
        self.completeChanged.emit()

    def _sheet_chosen(self, row: int) -> None:
        path = self.state.path
        if path is None or not 0 <= row < len(self.state.sheets) or self.sheets.signalsBlocked():
            return
        name = self.state.sheets[row].name
        self.state.new_table(None)
        self.runner.run(f"Reading the sheet {name}", lambda _progress: _table(path, name),
                        self._found, self._failed, self._cancelled)
        self.completeChanged.emit()

    def _opened(self, value: tuple[tuple[SheetInfo, ...], int, Table | str]) -> None:
        sheets, chosen, table = value
        self.state.sheets = sheets
        self._fill_sheets(sheets, chosen)
        if isinstance(table, str):  # the sheets are listed: another may be chosen
            self._failed(table)
        else:
            self._found(table)

    def _fill_sheets(self, sheets: tuple[SheetInfo, ...], chosen: int = -1) -> None:
        self.sheets.blockSignals(True)
        self.sheets.clear()
        for info in sheets:
            item = QListWidgetItem(f"{info.name} — {plural(info.rows, 'row')}")
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            self.sheets.addItem(item)
        self.sheets.setCurrentRow(chosen)
        self.sheets.blockSignals(False)

    def _found(self, table: Table) -> None:
        self.state.new_table(table)
        dropped = "; ".join(f"row {number} ({why})" for number, why in table.dropped[:5])
        more = f" and {len(table.dropped) - 5} more" if len(table.dropped) > 5 else ""
        self.message.setText(
            f"Sheet “{table.sheet}”: the headers are on row {table.header_row} "
            f"({plural(len(table.headers), 'column')}), then {plural(len(table.rows), 'row')} "
            "of data." + (f" Left out: {dropped}{more}." if dropped else "")
            + " Choose Next to map its columns.")
        self.completeChanged.emit()

    def _failed(self, message: str) -> None:
        self.state.new_table(None)
        self.message.setText(f"⚠ {message}")
        self.completeChanged.emit()

    def _cancelled(self) -> None:
        self.message.setText("Stopped reading the file: choose it again to go on.")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.state.table is not None and not self.runner.busy

    def cleanupPage(self) -> None:  # noqa: N802 - Qt override
        self.runner.forget()


def _open(path: Path) -> tuple[tuple[SheetInfo, ...], int, Table | str]:
    """Runs off the GUI thread: the sheets, the first that holds a table and its table (or why
    none was found: the sheets are still listed, to choose one)."""
    sheets = list_sheets(path)
    chosen = next((n for n, info in enumerate(sheets) if info.rows), 0)
    try:
        table, _passed = first_table(path)
    except SpreadsheetError as exc:
        return sheets, chosen, str(exc)
    names = [info.name for info in sheets]
    return sheets, names.index(table.sheet) if table.sheet in names else chosen, table


def _table(path: Path, sheet: str | None) -> Table:
    return find_table(read_sheet(path, sheet))
