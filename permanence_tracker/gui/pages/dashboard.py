"""The Dashboard page for the Head of Corporate Parenting: tiles, lists and charts.

Every figure comes from :func:`services.permanence.dashboard.dashboard` (the summary's figures,
never worked out again), computed off the GUI thread each time the session changes; the newest
request wins. The "without a plan" and "drift" tiles open a list of the children grouped by
reason or flag; Enter or double-click on a child opens their record (``open_child``). Each chart
has its figures in words under it and a "Save as PNG…" button (:meth:`save_chart_png` takes a
path directly).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.gui import charts, tasks
from permanence_tracker.gui.models.grouped_children import GroupedChildrenModel
from permanence_tracker.gui.pages import dashboard_text as words
from permanence_tracker.gui.pages.base import Page
from permanence_tracker.gui.widgets.chart_panel import ChartPanel
from permanence_tracker.gui.widgets.tile import ButtonTile, Tile
from permanence_tracker.services.permanence.dashboard import Dashboard, dashboard

TILES = (  # key, title, opens a list
    ("looked_after", "Looked after now", False),
    ("second_reviews", "Second reviews held", False),
    ("without_plan", "Without a plan", True),
    ("timescale", "Reviews in timescale this year", False),
    ("participation", "Participation this year", False),
    ("drift", "Drift flags", True),
)
CHARTS = (  # key, title
    ("looked_after", "Children looked after at each month end"),
    ("legal_status", "Legal status mix"),
    ("monitoring", "Monitoring outcomes this year"),
    ("left_care", "Permanence outcomes of children who left care this year"),
    ("caseloads", "IRO caseloads against the band"),
)
LISTS = {  # tile key: list title, date column title
    "without_plan": ("Children without a permanence plan by the 2nd review, by reason",
                     "2nd review held"),
    "drift": ("Children with a drift flag, by flag", "Measured from"),
}
COLUMNS = 3  # tiles per row


class DashboardPage(Page):
    title = "Dashboard"
    main_table = "tree"  # what Ctrl+Shift+X exports when no table has the focus
    ready = Signal()  # the figures on show are for the session's current cohort

    def __init__(self, session, parent=None) -> None:
        super().__init__(session, parent)
        self.board: Dashboard | None = None
        self.shown_list: str | None = None
        self._task: tasks.Task | None = None
        self.heading = QLabel("Waiting for the tracker to load…")
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Dashboard date and year")
        self.tiles: dict[str, Tile | ButtonTile] = {}
        tile_grid = QGridLayout()
        for n, (key, title, opens) in enumerate(TILES):
            tile: Tile | ButtonTile
            if opens:
                tile = button = ButtonTile(title)
                button.clicked.connect(lambda _=False, k=key: self.show_list(k))
            else:
                tile = Tile(title)
            self.tiles[key] = tile
            tile_grid.addWidget(tile, n // COLUMNS, n % COLUMNS)
        self._build_list()
        self.charts: dict[str, ChartPanel] = {}
        chart_column = QVBoxLayout()  # one under another: full width keeps labels whole
        for key, title in CHARTS:
            panel = ChartPanel(key, title)
            self.charts[key] = panel
            chart_column.addWidget(panel)
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self.heading)
        column.addLayout(tile_grid)
        column.addWidget(self.list_box)
        column.addLayout(chart_column)
        column.addStretch(1)
        # Not ``self.scroll``: that would hide QWidget.scroll().
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setAccessibleName("Dashboard figures and charts (arrow keys scroll)")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        if session.cohort is not None:
            self.refresh()

    def _build_list(self) -> None:
        self.list_model = GroupedChildrenModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.list_model)
        self.tree.setAccessibleName("Children listed")
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setMinimumHeight(self.fontMetrics().lineSpacing() * 12)
        self.tree.setToolTip("Enter or double-click on a child to open their record")
        self.tree.activated.connect(self._open)
        self.hide_button = QPushButton("Hide list")
        self.hide_button.setAccessibleName("Hide the list of children")
        self.hide_button.setAutoDefault(False)
        self.hide_button.clicked.connect(self.hide_list)
        self.list_box = QGroupBox()
        box = QVBoxLayout(self.list_box)
        box.addWidget(self.tree)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.hide_button)
        box.addLayout(row)
        self.list_box.hide()

    # -- data --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Work the figures out in the background for the session's cohort."""
        cohort = self.session.cohort
        if cohort is None:
            return
        if self._task is not None:
            self._task.cancel()
        task = tasks.Task(lambda _report: dashboard(cohort))
        self._task = task
        # bound methods, so Qt drops the connection if the page goes before the task ends
        task.succeeded.connect(self._computed)
        task.failed.connect(self._failed)
        self.heading.setText("Working out the figures…")
        tasks.start(task)

    def _computed(self, board: Dashboard) -> None:
        if self.sender() is not self._task:
            return  # a newer cohort is on its way
        self._task = None
        self.show_dashboard(board)
        self.ready.emit()

    def _failed(self, message: str) -> None:
        if self.sender() is self._task:
            self._task = None
            self.heading.setText(f"Could not work out the dashboard figures: {message}")

    def show_dashboard(self, board: Dashboard) -> None:
        self.board = board
        self.heading.setText(words.heading(board))
        for key, (figure, caption) in words.tiles(board).items():
            self.tiles[key].set_figure(figure, caption)
        self._draw_charts(board)
        if self.shown_list is not None:
            self.show_list(self.shown_list, focus=False)

    def _draw_charts(self, board: Dashboard) -> None:
        palette = self.palette()
        months = [f"{m.day:%b %Y}" for m in board.month_ends]
        trend = charts.trend_chart(CHARTS[0][1] + f" ({len(months)} months)", months,
                                   [m.looked_after for m in board.month_ends], palette)
        self.charts["looked_after"].set_chart(trend, words.trend(board))
        for key, title, counts, text in (
            ("legal_status", f"Legal status on {uk_date(board.as_of)}", board.legal_status,
             words.legal_status),
            ("monitoring", f"Monitoring outcomes {words.year_words(board)} (latest per "
             "child)", board.monitoring, words.monitoring),
            ("left_care", f"Permanence outcomes of periods of care ended "
             f"{words.year_words(board)}", board.left_care, words.left_care),
        ):
            bars = charts.Bars([c.label for c in counts], [c.value for c in counts],
                               "children" if key != "left_care" else "periods of care")
            self.charts[key].set_chart(charts.bar_chart(title, bars, palette), text(board),
                                       len(counts))
        loads = board.caseloads
        measured = [r for r in loads.rows if r.per_fte is not None]  # FTE set: a figure
        bars = charts.Bars([f"{r.name} ({r.band})" for r in measured],
                           [r.per_fte or 0.0 for r in measured], "children per FTE", 1)
        self.charts["caseloads"].set_chart(
            charts.caseload_chart(f"IRO caseloads against the {loads.low}-{loads.high} band",
                                  bars, loads.low, loads.high, palette),
            words.caseloads(board), len(loads.rows))
        for key, panel in self.charts.items():
            panel.default_name = f"{key}-{board.as_of.isoformat()}.png"

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.board is not None:
            self._draw_charts(self.board)  # light/dark switch: redraw in the new colours

    # -- lists -------------------------------------------------------------------------
    def show_list(self, key: str, focus: bool = True) -> None:
        """Show the children behind the ``without_plan`` or ``drift`` tile, grouped."""
        if self.board is None:
            return
        title, since = LISTS[key]
        groups = self.board.without_plan if key == "without_plan" else self.board.drift
        self.shown_list = key
        self.list_model.set_groups(groups, since)
        count = len({c.child_id for g in groups for c in g.children})
        self.list_box.setTitle(f"{title} ({words.children(count)})")
        self.tree.setAccessibleName(title)
        for row in range(self.list_model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        self.tree.expandAll()
        self.list_box.show()
        if focus:
            self.tree.setFocus()
            first = next((self.list_model.index(0, 0, self.list_model.index(r, 0))
                          for r in range(self.list_model.rowCount())
                          if self.list_model.rowCount(self.list_model.index(r, 0))), None)
            self.tree.setCurrentIndex(first or self.list_model.index(0, 0))
            self.scroll_area.ensureWidgetVisible(self.list_box)

    def hide_list(self) -> None:
        key, self.shown_list = self.shown_list, None
        self.list_box.hide()
        if key is not None:
            self.tiles[key].setFocus()

    def _open(self, index) -> None:
        child = self.list_model.child_at(index)
        if child is not None:
            self.open_child.emit(child.child_id)

    # -- charts ------------------------------------------------------------------------
    def save_chart_png(self, name: str, path: str | Path) -> Path:
        """Save chart ``name`` (a key of :data:`CHARTS`) as a PNG at ``path``."""
        if name not in self.charts:
            raise KeyError(f"No chart called {name!r}: use one of {', '.join(self.charts)}")
        return self.charts[name].save_png(path)
