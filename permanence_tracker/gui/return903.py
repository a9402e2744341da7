"""The 903 return from the app: "Export 903 return…" and the "Check the 903 return" dialog.

Both call the 903 export services only and run off the GUI thread (:mod:`.tasks`). The check
lists every DfE rule finding in a sortable, filterable table; double-click or Enter on a
finding opens that child's record. When the DfE validator is not installed the dialog says
how to install it and offers to do it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.words import plural
from permanence_tracker.gui import tasks
from permanence_tracker.gui.export_table import add_export_menu, session_context
from permanence_tracker.gui.models.findings import FindingsModel
from permanence_tracker.gui.models.roles import ROW_ROLE
from permanence_tracker.services.exports.ssda903.check import (
    RULE_YEARS,
    VALIDATOR_DEFECT_NOTE,
    check_903,
)
from permanence_tracker.services.exports.ssda903.service import FIRST_YEAR, LAST_YEAR, export_903
from permanence_tracker.services.exports.ssda903.validator import (
    ValidatorMissingError,
    install_validator,
)
from permanence_tracker.services.progress import Progress
from permanence_tracker.services.reference import (
    collection_year,
    collection_year_dates,
    year_text,
)
from permanence_tracker.services.unit_of_work import UowFactory


def _year_words(year: int) -> str:
    """"2025-26 (ends 31/03/2026)": the year as the DfE names it, and the day it ends."""
    return f"{year_text(year)} (ends {uk_date(collection_year_dates(year)[1])})"


def _year_box(years: range, as_of: date) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName("Collection year")
    for year in reversed(years):
        box.addItem(_year_words(year), year)
    wanted = min(max(collection_year(as_of), years[0]), years[-1])
    box.setCurrentIndex(box.findData(wanted))
    return box


def export_years(today: date) -> range:
    return range(FIRST_YEAR, min(LAST_YEAR, collection_year(today)) + 1)


def ask_year(parent: QWidget, as_of: date, today: date) -> int | None:
    """The collection year to export, chosen from those that can be (the as-of date's first)."""
    years = list(reversed(export_years(today)))
    if not years:
        return None
    texts = [_year_words(y) for y in years]
    wanted = min(max(collection_year(as_of), years[-1]), years[0])
    text, ok = QInputDialog.getItem(parent, "Export the 903 return", "Collection year:", texts,
                                    years.index(wanted), False)
    return years[texts.index(text)] if ok and text in texts else None


def export_return(session, parent: QWidget, today: date, year: int | None = None):
    """Ask for the year (unless given) and a folder, then write that year's return."""
    year = year or ask_year(parent, session.as_of, today)
    if year is None:
        return None
    folder = QFileDialog.getExistingDirectory(
        parent, f"Export the 903 return {year_text(year)} into folder")
    if not folder:
        return None

    def done(result) -> None:
        QMessageBox.information(parent, "903 return written",
                                f"The {year_text(result.year)} return "
                                f"({plural(result.children, 'child', 'children')}, "
                                f"{plural(len(result.files), 'file')}) is in {result.folder}.")

    return tasks.run_with_progress(
        parent, f"Writing the 903 return {year_text(year)}…",
        lambda progress: export_903(session.uow, year, Path(folder), today), done,
        lambda message: QMessageBox.warning(parent, "903 return not written", message))


class CheckReturnDialog(QDialog):
    """Runs the DfE rules on the return the export would write and lists the findings."""

    def __init__(self, session, today: date, open_child, parent=None) -> None:
        super().__init__(parent)
        self.session, self.today, self._open_child = session, today, open_child
        self.setWindowTitle("Check the 903 return")
        self.resize(1000, 560)
        years = range(max(FIRST_YEAR, RULE_YEARS[0]), min(LAST_YEAR, collection_year(today)) + 1)
        self.year_box = _year_box(years, session.as_of)
        self.run_button = QPushButton("Run the check")
        self.run_button.setDefault(True)
        self.export_button = QPushButton("Export…")
        self.export_button.setToolTip("Write this year's return as the DfE's CSV files")
        self.install_button = QPushButton("Install the validator")
        self.install_button.hide()
        top = QHBoxLayout()
        top.addWidget(QLabel("Collection year"))
        top.addWidget(self.year_box)
        top.addWidget(self.run_button)
        top.addStretch(1)
        top.addWidget(self.install_button)
        top.addWidget(self.export_button)
        self.summary = QLabel("Runs the DfE's 903 validation rules (csc-validator-be-903) on "
                              "the return the export would write, with the year before's.")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar()
        self.progress.hide()
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter findings (child, rule, words)…")
        self.filter_edit.setAccessibleName("Filter findings")
        self.model = FindingsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QTableView()
        self.view.setAccessibleName("Findings")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)  # Tab moves on to the next control
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.view.setToolTip("Double-click or press Enter on a finding to open the child")
        add_export_menu(self.view, session_context(session),  # the findings as filtered
                        lambda: f"903 check findings {year_text(self.year())}")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.view.activated.connect(self._activated)
        self.run_button.clicked.connect(self.run_check)
        self.export_button.clicked.connect(
            lambda: export_return(self.session, self, self.today, self.year()))
        self.install_button.clicked.connect(self.install)
        self.task: tasks.Task | None = None

    def year(self) -> int:
        return int(self.year_box.currentData())

    def _busy(self, text: str) -> None:
        self.summary.setText(text)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.run_button.setEnabled(False)
        self.install_button.setEnabled(False)

    def _idle(self) -> None:
        self.progress.hide()
        self.run_button.setEnabled(True)
        self.install_button.setEnabled(True)

    def run_check(self) -> tasks.Task:
        year, uow, today = self.year(), self.session.uow, self.today
        self._busy(f"Checking the {year_text(year)} return…")
        self.model.set_rows(())
        self.task = tasks.Task(lambda progress: _check(uow, year, today, progress))
        self.task.progress.connect(self._progress)
        self.task.succeeded.connect(self._checked)
        self.task.failed.connect(self._failed)
        return tasks.start(self.task)

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if text:
            self.summary.setText(text)

    def _checked(self, result) -> None:
        self._idle()
        if isinstance(result, ValidatorMissingError):
            self.summary.setText(f"Cannot check: {result}.")
            self.install_button.show()
            return
        self.model.set_rows(result.findings)
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        found = len(result.findings)
        children = len({f.child for f in result.findings})
        self.summary.setText(
            f"{year_text(result.year)}: "
            f"{plural(result.children, 'child', 'children')} in the return. "
            + (f"{plural(found, 'finding')} of the DfE rules for "
               f"{plural(children, 'child', 'children')}: "
               "double-click one to open the child's record." if found else
               "No findings: the return passes the DfE rules.")
            + (f" {len(result.set_aside):,} more set aside: {VALIDATOR_DEFECT_NOTE}."
               if result.set_aside else ""))

    def _failed(self, message: str) -> None:
        self._idle()
        self.summary.setText(f"The check did not run: {message}")

    def install(self) -> tasks.Task:
        self._busy("Installing the DfE 903 validator (a few minutes; needs internet)…")
        task = tasks.Task(lambda progress: install_validator(log=lambda text: progress(0, 0, text)))
        task.progress.connect(self._progress)
        task.succeeded.connect(self._installed)
        task.failed.connect(self._failed)
        return tasks.start(task)

    def _installed(self, _result: object) -> None:
        self._idle()
        self.install_button.hide()
        self.summary.setText("The validator is installed: run the check.")

    def _activated(self, index) -> None:
        finding = self.proxy.data(index, ROW_ROLE)
        if finding is not None and finding.child:
            self._open_child(finding.child)


def _check(uow: UowFactory, year: int, today: date, progress: Progress):
    try:
        return check_903(uow, year, today, progress=progress)
    except ValidatorMissingError as exc:
        return exc  # shown in the dialog with the offer to install


def open_check_dialog(session, today: date, parent) -> CheckReturnDialog:
    dialog = CheckReturnDialog(session, today, parent.open_child, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
