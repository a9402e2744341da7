"""The IROs page: each IRO's caseload against the band, their children and reviews due.

The caseload table sits over frozen :class:`services.permanence.caseloads.IroCaseload` rows;
picking an IRO filters one :class:`ChildrenModel` through a :class:`ChildrenProxy` to their
children and shows their next 8 weeks (plus overdue) in a week grid, with the children due in
the chosen week listed under it. Its toolbar (:mod:`.iro_actions`) adds, edits, retires,
reinstates and deletes IROs; retired ones are listed too, greyed and marked "retired".
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from permanence_tracker.gui.models.children import ChildrenModel
from permanence_tracker.gui.models.children_proxy import ChildrenProxy
from permanence_tracker.gui.models.iros import BAND_WORDS, HANDBOOK, CaseloadModel, number
from permanence_tracker.gui.models.reviews_due import (
    IRO_COLUMN,
    DueReviewsModel,
    DueReviewsProxy,
    WeekGridModel,
)
from permanence_tracker.gui.models.roles import ROW_ROLE
from permanence_tracker.gui.models.rows_table import RowsProxy
from permanence_tracker.gui.pages.base import Page, Restorable, group_box, make_table
from permanence_tracker.gui.pages.iro_actions import IroToolbar, parent_today
from permanence_tracker.gui.pages.reviews_due import WeekGrid, reviews_list
from permanence_tracker.services.permanence.caseloads import Caseloads, caseloads
from permanence_tracker.services.permanence.cohort_filter import CohortFilter
from permanence_tracker.services.records.iros import IroRow, iro_list
from permanence_tracker.services.reviews.due import ReviewsDue, next_reviews


class IrosPage(Page):
    title = "IROs"
    main_table = "table"  # what Ctrl+Shift+X exports when no table has the focus

    def __init__(self, session, parent=None, today: date | None = None) -> None:
        super().__init__(session, parent)
        self.due: ReviewsDue | None = None
        self.listed: dict[str, IroRow] = {}  # the IRO list, by name (retired ones too)
        self._choose_next: str | None = None  # after a toolbar change: the IRO to choose
        self.model = CaseloadModel(self)
        self.proxy = RowsProxy(parent=self)
        self.proxy.setSourceModel(self.model)
        self.table = make_table("IRO caseloads", self.proxy, sortable=True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setToolTip(f"Caseload band: {HANDBOOK}, looked-after children per "
                              "full-time IRO. Hover over a figure to see why.")
        self.toolbar = IroToolbar(self, today or parent_today(parent))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._iro_chosen())
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setAccessibleName("Service totals")
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                            | Qt.TextInteractionFlag.TextSelectableByMouse)

        # Children of the chosen IRO: one source model, filtered by IRO.
        self.children_model = ChildrenModel(self)
        self.children_proxy = ChildrenProxy(self)
        self.children_proxy.setSourceModel(self.children_model)
        self.children_list = make_table("Children of the selected IRO", self.children_proxy,
                                        sortable=True)
        self.children_list.activated.connect(self.open_row)

        # Their reviews: overdue and the next 8 weeks, and the children due in a chosen week.
        self.grid_model = WeekGridModel(self, overdue_column=True)
        self.grid = WeekGrid("Reviews due week by week for the selected IRO", self.grid_model)
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._week_chosen())
        self.due_model = DueReviewsModel(self)
        self.week_proxy = DueReviewsProxy(self)
        self.week_list = reviews_list(self, "The selected IRO's children due in the selected week",
                                      self.due_model, self.week_proxy)
        self.grid.activated.connect(lambda *_: self.week_list.setFocus())

        self.week_list.setColumnHidden(IRO_COLUMN, True)  # always the selected IRO

        # Full width: the IRO table and totals, then the grid; then children | week list.
        self.children_box = group_box("Children", self.children_list)
        self.week_box = group_box("Children due", self.week_list)
        self.detail = QSplitter(Qt.Orientation.Horizontal)
        self.detail.addWidget(self.children_box)
        self.detail.addWidget(self.week_box)
        self.reviews_box = group_box("Reviews due", self.grid)
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.totals)
        column.addWidget(self.reviews_box)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter)
        # Tab follows the reading order: IROs, their weeks, their children, the week's list
        for first, second in ((self.table, self.grid), (self.grid, self.children_list),
                              (self.children_list, self.week_list)):
            QWidget.setTabOrder(first, second)

    # -- data --------------------------------------------------------------------------
    def refresh(self) -> None:
        cohort = self.session.cohort
        if cohort is None:
            return
        chosen = self._choose_next or self.selected_iro()
        self._choose_next = None
        self.listed = {row.name: row for row in iro_list(self.session.uow)}
        self.due = next_reviews(cohort)
        loads = caseloads(cohort, self.due)
        self.model.set_caseloads(loads, tuple(self.listed.values()))
        self.proxy.sort(self.proxy.sortColumn(), self.proxy.sortOrder())
        self.totals.setText(service_totals(loads))
        self.children_model.set_rows(self.session.rows)
        self.due_model.set_rows(self.due.overdue + self.due.upcoming)
        self.due_model.sort(self.week_proxy.sortColumn(), self.week_proxy.sortOrder())
        self.fit_columns_once(self.table)
        names = [self.proxy.data(self.proxy.index(r, 0), ROW_ROLE).name
                 for r in range(self.proxy.rowCount())]
        if not names:
            self._show_nobody()
            self.toolbar.update_actions()
            return
        # After the reset nothing is current, so selecting fills the detail (currentRowChanged)
        self.select_iro(chosen if chosen in names else names[0])

    def reload_choosing(self, name: str | None) -> None:
        """Read everything again (an IRO changed), then choose ``name`` (None: the same)."""
        self._choose_next = name
        self.session.reload()

    def selected_iro(self) -> str | None:
        row = self.proxy.data(self.table.currentIndex(), ROW_ROLE)
        return row.name if row is not None else None

    def select_iro(self, name: str | None) -> None:
        for r in range(self.proxy.rowCount()):
            index = self.proxy.index(r, 0)
            if self.proxy.data(index, ROW_ROLE).name == name:
                self.table.setCurrentIndex(index)
                return

    def _show_nobody(self) -> None:
        """No IRO to show: empty details rather than every child unfiltered."""
        self.children_model.set_rows(())
        self.grid_model.set_lines([])
        self.due_model.set_rows(())
        self.children_box.setTitle("Children")
        self.reviews_box.setTitle("Reviews due")
        self.week_box.setTitle("Children due")

    def _iro_chosen(self) -> None:
        self.toolbar.update_actions()
        name = self.selected_iro()
        if self.due is None or name is None:
            return
        self.children_proxy.set_cohort(CohortFilter(iros=frozenset({name})))
        self.children_box.setTitle(f"Children of {name} ({self.children_proxy.rowCount()} "
                                   "looked after)")
        mine = self.due.for_iro(name)
        self.reviews_box.setTitle(f"Reviews due — {name}: {len(mine.overdue)} overdue, "
                                  f"{len(mine.upcoming)} in the next 8 weeks")
        scope = self.grid_model.scope(max(self.grid.currentIndex().column(), 0))
        self.grid_model.set_lines([(name, mine)])
        self.grid.setCurrentIndex(self.grid_model.index(0, self.grid_model.column_of(scope)))
        self._week_chosen()

    def _week_chosen(self) -> None:
        index = self.grid.currentIndex()
        name = self.selected_iro()
        if not index.isValid() or name is None:
            return
        scope = self.grid_model.scope(index.column())
        self.week_proxy.set_filter(name, scope)
        count = self.week_proxy.rowCount()
        self.week_box.setTitle(f"{self.grid_model.describe(scope, long=True)}: "
                               f"{count} {'child' if count == 1 else 'children'}")

    # -- remembered state --------------------------------------------------------------
    def remembered(self) -> dict[str, Restorable]:
        return {"splitter": self.splitter, "detail": self.detail,
                "header": self.table.horizontalHeader()}


def service_totals(loads: Caseloads) -> str:
    """One sentence of service figures; the band judged on the average, as for each IRO."""
    if not loads.rows:
        return "No IROs listed yet, and no looked-after child has an IRO named."
    text = (f"Service: {loads.children} looked-after children across {number(loads.fte)} FTE, "
            f"{number(loads.average_per_fte)} per FTE — "
            f"{BAND_WORDS[loads.average_band].lstrip('▲▼ ').lower()} of {loads.low}-"
            f"{loads.high} ({HANDBOOK}). With {loads.cp_cases} CP cases: {loads.total}, "
            f"{number(loads.total_per_fte)} per FTE. Their reviews: {loads.overdue} overdue, "
            f"{loads.due_soon} due in the next 8 weeks.")
    if loads.unallocated:
        text += (f" ⚑ {loads.unallocated} looked-after "
                 f"{'child has' if loads.unallocated == 1 else 'children have'} no IRO "
                 "(see the Reviews due page).")
    return text

