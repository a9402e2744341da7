"""The Reviews due page: the next 8 weeks week by week across the service, and every overdue
review, with an IRO filter.

The chosen week's list and the Overdue list each have a :class:`DueReviewsModel` (each sorts
itself by raw value, so sorting one list leaves the other alone) under a
:class:`DueReviewsProxy` that filters by IRO and week. Enter or double-click on a child opens
them (``open_child``).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
)

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.gui.models.reviews_due import (
    DAYS_COLUMN,
    DUE_COLUMN,
    OVERDUE,
    WEEK_COLUMN,
    DueReviewsModel,
    DueReviewsProxy,
    WeekGridModel,
    iro_label,
)
from permanence_tracker.gui.pages.base import Page, Restorable, group_box, make_table
from permanence_tracker.services.reviews.due import ReviewsDue, next_reviews

ALL = "All IROs"


class WeekGrid(QTableView):
    """The week-by-week grid: one cell per IRO and week, chosen with the arrow keys; exactly as
    tall as its rows (plus room for a scroll bar when the window is narrow)."""

    def __init__(self, name: str, model: WeekGridModel) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setToolTip("Choose a week with the arrow keys to list the children due in it")
        model.modelReset.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        rows = sum(self.verticalHeader().sectionSizeHint(r)
                   for r in range(self.model().rowCount()))
        height = (self.horizontalHeader().sizeHint().height() + rows + 2 * self.frameWidth()
                  + self.horizontalScrollBar().sizeHint().height())
        return QSize(hint.width(), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())


def reviews_list(page: Page, name: str, model: DueReviewsModel, proxy: DueReviewsProxy,
                 column: int = DUE_COLUMN) -> QTableView:
    """A list of reviews due through ``proxy``, sorted by ``column`` until a header is
    clicked; Enter or double-click on a review opens the child."""
    proxy.setSourceModel(model)
    view = make_table(name, proxy, sortable=True)
    view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    view.activated.connect(page.open_row)
    return view


class ReviewsDuePage(Page):
    title = "Reviews due"
    main_table = "overdue"  # what Ctrl+Shift+X exports when no table has the focus

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.due: ReviewsDue | None = None
        self._grid_iros: list[str | None] = []

        self.iro_box = QComboBox()
        self.iro_box.setAccessibleName("Show reviews for IRO")
        self.iro_box.setMinimumContentsLength(20)
        self.iro_box.currentIndexChanged.connect(lambda *_: self._fill_grid())
        iro_label_widget = QLabel("&IRO:")
        iro_label_widget.setBuddy(self.iro_box)
        self.summary = QLabel()
        self.summary.setAccessibleName("Reviews due summary")

        self.grid_model = WeekGridModel(self)
        self.grid = WeekGrid("Reviews due week by week", self.grid_model)
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._cell_chosen())
        self.week_model = DueReviewsModel(self)
        self.week_proxy = DueReviewsProxy(self)
        self.week_label = QLabel()
        self.week_list = reviews_list(self, "Children due in the selected week",
                                      self.week_model, self.week_proxy)
        self.grid.activated.connect(lambda *_: self.week_list.setFocus())

        self.overdue_model = DueReviewsModel(self)
        self.overdue_proxy = DueReviewsProxy(self, scope=OVERDUE)
        self.overdue = reviews_list(self, "Overdue reviews", self.overdue_model,
                                    self.overdue_proxy, DAYS_COLUMN)  # most overdue first
        self.overdue.setColumnHidden(WEEK_COLUMN, True)  # always "Overdue" here

        top = QHBoxLayout()
        top.addWidget(iro_label_widget)
        top.addWidget(self.iro_box)
        top.addWidget(self.summary, 1)
        self.weeks_box = group_box("Next 8 weeks", self.grid, self.week_label, self.week_list)
        self.overdue_box = group_box("Overdue", self.overdue)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.weeks_box)
        self.splitter.addWidget(self.overdue_box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

    # -- data --------------------------------------------------------------------------
    def refresh(self) -> None:
        cohort = self.session.cohort
        if cohort is None:
            return
        self.due = next_reviews(cohort)
        for model, proxy, reviews in ((self.week_model, self.week_proxy, self.due.upcoming),
                                      (self.overdue_model, self.overdue_proxy,
                                       self.due.overdue)):
            model.set_rows(reviews)
            model.sort(proxy.sortColumn(), proxy.sortOrder())
        names = {i.name for i in cohort.iros if i.active} | set(self.due.iros)
        keys = sorted((n for n in names if n), key=str.casefold)
        if "" in names:
            keys.append("")
        chosen = self.iro_box.currentData()
        self.iro_box.blockSignals(True)
        self.iro_box.clear()
        self.iro_box.addItem(ALL, None)
        for key in keys:
            self.iro_box.addItem(iro_label(key), key)
        self.iro_box.setCurrentIndex(max(self.iro_box.findData(chosen), 0))
        self.iro_box.blockSignals(False)
        self._fill_grid()

    def selected_iro(self) -> str | None:
        """The IRO filter: None for all IROs, "" for children with no IRO."""
        return self.iro_box.currentData()

    def set_iro(self, iro: str | None) -> None:
        self.iro_box.setCurrentIndex(max(self.iro_box.findData(iro), 0))

    def _fill_grid(self) -> None:
        if self.due is None:
            return
        iro = self.selected_iro()
        current = self.grid.currentIndex()
        column = current.column() if current.isValid() else 0
        if iro is None:
            keys = [self.iro_box.itemData(i) for i in range(1, self.iro_box.count())]
            lines = [(iro_label(k), self.due.for_iro(k)) for k in keys]
            lines.append((ALL, self.due))
            self._grid_iros = [*keys, None]
        else:
            lines = [(iro_label(iro), self.due.for_iro(iro))]
            self._grid_iros = [iro]
        self.grid_model.set_lines(lines, total_last=iro is None)
        self.grid.setCurrentIndex(self.grid_model.index(len(lines) - 1, column))
        self.overdue_proxy.set_filter(iro, OVERDUE)
        who = "all IROs" if iro is None else iro_label(iro)
        self.overdue_box.setTitle(f"Overdue — {who}: {self.overdue_proxy.rowCount()} "
                                  f"(due before {uk_date(self.due.as_of)}, most overdue first)")
        mine = lines[-1][1]
        self.summary.setText(f"{len(mine.overdue)} overdue, {len(mine.upcoming)} due in the "
                             f"next 8 weeks ({who})")
        self._cell_chosen()

    def _cell_chosen(self) -> None:
        index = self.grid.currentIndex()
        if not index.isValid() or index.row() >= len(self._grid_iros):
            return
        iro = self._grid_iros[index.row()]
        scope = self.grid_model.scope(index.column())
        self.week_proxy.set_filter(iro, scope)
        count = self.week_proxy.rowCount()
        who = "all IROs" if iro is None else iro_label(iro)
        self.week_label.setText(f"{self.grid_model.describe(scope, long=True)}, {who}: "
                                f"{count} {'child' if count == 1 else 'children'}")

    # -- remembered state --------------------------------------------------------------
    def remembered(self) -> dict[str, Restorable]:
        return {"splitter": self.splitter}

