"""The Children page: every child in the chosen cohort, searchable, filterable, sortable.

One :class:`ChildrenModel` feeds the view's proxy; the saved-cohort list shows live counts
computed with the same filter rules.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.domain.pseudonym import HEADING
from permanence_tracker.domain.words import plural
from permanence_tracker.gui.export_table import choose_target
from permanence_tracker.gui.models.children import COLUMNS, ChildrenModel
from permanence_tracker.gui.models.children_proxy import ChildrenProxy
from permanence_tracker.gui.models.roles import ROW_ROLE
from permanence_tracker.gui.pages.base import Page, Restorable
from permanence_tracker.gui.pages.filter_bar import FilterBar
from permanence_tracker.gui.printing import print_table
from permanence_tracker.gui.saved import tell_not_saved, tell_saved
from permanence_tracker.gui.widgets.fit_columns import ElidedTips
from permanence_tracker.services.exports.excel import SheetData, write_workbook
from permanence_tracker.services.permanence import saved_cohorts
from permanence_tracker.services.permanence.cohort_filter import CohortFilter


class ChildrenPage(Page):
    title = "Children"
    main_table = "view"  # what Ctrl+Shift+X exports when no table has the focus

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.model = ChildrenModel(self)
        self.proxy = ChildrenProxy(self)
        self.proxy.setSourceModel(self.model)
        self.cohorts: dict[str, CohortFilter] = {}
        self.export_message: QMessageBox | None = None  # the last export's outcome (tests)

        self.search = QLineEdit(placeholderText="Search child ID or name  (Ctrl+F)")
        self.search.setAccessibleName("Search children")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_text)
        self.search.textChanged.connect(self._update_count)
        self.search.returnPressed.connect(self._search_entered)
        self.search.installEventFilter(self)  # Down moves into the table
        find = QAction("Search children", self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._focus_search)
        self.addAction(find)

        self.cohort_box = QComboBox()
        self.cohort_box.setAccessibleName("Saved cohort")
        self.cohort_box.setMinimumContentsLength(28)
        self.cohort_box.activated.connect(self._cohort_chosen)
        save = QPushButton("Save cohort…")
        save.setAccessibleName("Save the current filters as a cohort")
        save.clicked.connect(self._save_cohort)

        self.filters = FilterBar(self)
        self.filters.changed.connect(self._filters_changed)

        self.view = QTableView()
        self.view.setAccessibleName("Children table")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setSectionsMovable(True)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)  # Tab moves on to the next control
        self.view.activated.connect(self.open_row)
        self.tips = ElidedTips(self.view)  # a long IRO or placement cut by its column
        self._default_widths()

        self.count = QLabel()
        self.count.setAccessibleName("Children shown")
        export = QPushButton("Export to Excel…")
        export.setShortcut(QKeySequence("Ctrl+Shift+X"))  # Ctrl+E edits a child, in a record
        export.setToolTip("Write the rows shown to an Excel workbook (Ctrl+Shift+X)")
        export.clicked.connect(self.export_xlsx)
        printer = QPushButton("Print…")
        printer.setShortcut(QKeySequence.StandardKey.Print)
        printer.clicked.connect(lambda: print_table(self, self._table_title(), self._headers(),
                                                     self._visible_text(), self._marking()))

        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(QLabel("Cohort:"))
        top.addWidget(self.cohort_box, 1)
        top.addWidget(save)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(export)
        bottom.addWidget(printer)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

    # -- data --------------------------------------------------------------------------
    def refresh(self) -> None:
        self.model.set_rows(self.session.rows)
        self.model.sort(self.proxy.sortColumn(), self.proxy.sortOrder())
        self.filters.set_choices(self.session.rows, self.session.cohort)
        if not self.cohorts:
            try:
                self.cohorts = saved_cohorts.load(self.session.uow)
            except TrackerError:
                self.cohorts = {}
        self._fill_cohorts()
        self._update_count()
        self.fit_columns_once(self.view)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search_entered(self) -> None:
        """Enter in the search box: with exactly one match, open that child; with more,
        move into the table."""
        if self.proxy.rowCount() == 1:
            self.open_row(self.proxy.index(0, 0))
        else:
            self._focus_table()

    def _focus_table(self) -> None:
        """Move into the table, on its first row (nothing happens when no child matches)."""
        if self.proxy.rowCount() == 0:
            return
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.view.selectRow(0)
        self.view.setCurrentIndex(self.proxy.index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (watched is self.search and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down
                and self.proxy.rowCount() > 0):
            self._focus_table()
            return True
        return super().eventFilter(watched, event)

    def _fill_cohorts(self) -> None:
        rows = self.session.rows
        current = self.cohort_box.currentData()
        self.cohort_box.clear()
        for name, cohort in self.cohorts.items():
            count = sum(1 for r in rows if cohort.matches(r))
            self.cohort_box.addItem(f"{name} ({count:,})", name)
        index = self.cohort_box.findData(current)
        self.cohort_box.setCurrentIndex(max(index, 0))

    def _cohort_chosen(self) -> None:
        name = self.cohort_box.currentData()
        if name in self.cohorts:
            self.filters.set_filter(self.cohorts[name])

    def _filters_changed(self, cohort: CohortFilter) -> None:
        self.proxy.set_cohort(cohort.with_text(self.search.text().strip()))
        self._update_count()

    def _save_cohort(self) -> None:
        name, ok = QInputDialog.getText(self, "Save cohort", "Name for these filters:")
        if not ok:
            return
        try:
            self.cohorts = saved_cohorts.save(self.session.uow, name, self.proxy.cohort)
        except TrackerError as exc:
            QMessageBox.warning(self, "Cohort not saved", str(exc))
            return
        self._fill_cohorts()
        self.cohort_box.setCurrentIndex(self.cohort_box.findData(name.strip()))

    def _update_count(self) -> None:
        self.count.setText(f"{self.proxy.rowCount():,} of "
                           f"{plural(self.model.rowCount(), 'child', 'children')}")

    # -- export and print --------------------------------------------------------------
    def _headers(self) -> list[str]:
        header = self.view.horizontalHeader()
        return [COLUMNS[header.logicalIndex(v)].title for v in range(header.count())]

    def _visible_rows(self):
        return [self.proxy.data(self.proxy.index(r, 0), ROW_ROLE)
                for r in range(self.proxy.rowCount())]

    def _visible_text(self) -> list[list[str]]:
        header = self.view.horizontalHeader()
        order = [header.logicalIndex(v) for v in range(header.count())]
        return [[COLUMNS[c].text(row) for c in order] for row in self._visible_rows()]

    def _export_values(self) -> list[list[object]]:
        """The rows shown, in the columns' shown order: numbers as numbers, dates as dates,
        everything else as its text."""
        header = self.view.horizontalHeader()
        order = [header.logicalIndex(v) for v in range(header.count())]
        return [[self._export_value(c, row) for c in order] for row in self._visible_rows()]

    # Columns whose cell is the number itself (the table shows "5 overdue"; the workbook -5,
    # as the column's tip says), so that a spreadsheet can sum, sort and filter them.
    NUMBERS = {"Age": lambda r: r.age, "Days left": lambda r: r.days_left}

    def _export_value(self, column: int, row) -> object:
        number = self.NUMBERS.get(COLUMNS[column].title)
        if number is not None:
            return number(row)
        raw = COLUMNS[column].key(row)
        keep = isinstance(raw, date) and raw not in (date.min, date.max)
        return raw if keep else COLUMNS[column].text(row)

    def _marking(self) -> str:
        cohort = self.session.cohort
        return cohort.settings.protective_marking if cohort else "OFFICIAL-SENSITIVE"

    def _authority(self) -> str:
        cohort = self.session.cohort
        return cohort.settings.authority_name if cohort else ""

    def _table_title(self) -> str:
        title = f"Children — {self.cohort_box.currentData() or 'filtered view'}"
        return f"{self._authority()} — {title}" if self._authority() else title

    def export_xlsx(self, path: str | None = None,
                    pseudonymise: bool | None = None) -> Path | None:
        """Write the rows shown to a workbook (pseudonymised when the save dialog's box, or
        ``pseudonymise``, says so); say where it went, or why it was not saved."""
        chosen = choose_target(self, "children", path, pseudonymise)
        if chosen is None:
            return None
        target, hide = chosen
        header = self.view.horizontalHeader()
        kinds = tuple(COLUMNS[header.logicalIndex(v)].personal for v in range(header.count()))
        rows = self._export_values()
        sheet = SheetData("Children", tuple(self._headers()), tuple(map(tuple, rows)), kinds)
        try:
            write_workbook(target, (sheet,), self._marking(), self.session.as_of,
                           datetime.now(), self._authority(), pseudonymise=hide)
        except TrackerError as exc:
            self.export_message = tell_not_saved(self, "Not exported", str(exc))
            return None
        noun = "child" if len(rows) == 1 else "children"
        how = f" ({HEADING.lower()})" if hide else ""
        self.export_message = tell_saved(self, "Exported",
                                         f"Saved {len(rows):,} {noun}{how} to {target}", target)
        return target

    # Typical content width of each column in characters, so that plans, statuses and flags
    # are readable on first run (the user's own widths are remembered after that).
    WIDTHS = (9, 14, 3, 4, 4, 13, 9, 9, 9, 4, 17, 20, 24)

    def _default_widths(self) -> None:
        metrics = self.view.fontMetrics()
        header = self.view.horizontalHeader()
        digit = metrics.horizontalAdvance("0")
        for column, chars in enumerate(self.WIDTHS[:self.model.columnCount()]):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(column, max(chars * digit, metrics.horizontalAdvance(title))
                                 + 2 * digit)

    # -- remembered state --------------------------------------------------------------
    def remembered(self) -> dict[str, Restorable]:
        return {"header": self.view.horizontalHeader()}
