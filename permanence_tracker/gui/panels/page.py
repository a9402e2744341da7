"""The Panels page: upcoming and past panel meetings, the chosen panel's agenda, the outcomes
still to record and the agency decision maker's decisions outstanding.

Everything is read in the background (:mod:`gui.tasks`) whenever the session changes or a
dialog saves; the tables hold frozen rows from :mod:`services.panels.commands` behind
:class:`RowsProxy` models that sort by raw value. After a recommendation or decision that calls
for a monitoring outcome, the page asks whether to add it to the child. Enter or double-click
on an item about a child opens the child (``open_child``); on a carers-only item it edits it.
The buttons' actions live in :mod:`gui.panels.actions`.
"""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.panels import TO_RECORD, needs_decision
from permanence_tracker.domain.words import plural
from permanence_tracker.gui import tasks
from permanence_tracker.gui.models.roles import ROW_ROLE
from permanence_tracker.gui.models.rows_table import RowsProxy
from permanence_tracker.gui.pages.base import Page, Restorable, group_box, make_table
from permanence_tracker.gui.panels.actions import PanelActions
from permanence_tracker.gui.panels.model import PANEL_DATE_COLUMN, items_model, panels_model
from permanence_tracker.services import panels as svc
from permanence_tracker.services.unit_of_work import UowFactory


def _read(uow_factory: UowFactory, as_of: date):
    """Everything the page shows, in one background job."""
    return (svc.panels(uow_factory, as_of), svc.panel_items(uow_factory, as_of),
            svc.outcomes_to_record(uow_factory, as_of),
            svc.outstanding_decisions(uow_factory, as_of))


class PanelsPage(Page, PanelActions):
    title = "Panels"
    main_table = "upcoming"  # what Ctrl+Shift+X exports when no table has the focus
    loaded = Signal()  # the tables show the latest data

    def __init__(self, session, parent=None, today: date | None = None) -> None:
        super().__init__(session, parent)
        self.today = today or getattr(parent, "today", None) or date.today()
        self._task: tasks.Task | None = None
        self._chosen: int | None = None  # the panel whose agenda is shown
        self.panels = panels_model(self)
        self.upcoming_proxy = RowsProxy(lambda r: r.upcoming, self)
        self.past_proxy = RowsProxy(lambda r: not r.upcoming, self)
        self.upcoming = self._table("Upcoming panels", self.upcoming_proxy, self.panels, 0,
                                    Qt.SortOrder.AscendingOrder)
        self.past = self._table("Past panels", self.past_proxy, self.panels, 0,
                                Qt.SortOrder.DescendingOrder)
        for view in (self.upcoming, self.past):
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.selectionModel().currentRowChanged.connect(
                lambda current, _old, v=view: self._panel_chosen(v, current))
            view.activated.connect(lambda _index: self.edit_panel())

        self.items = items_model(self)
        self.agenda_proxy = RowsProxy(lambda r: False, self)
        self.agenda = self._table("Agenda of the chosen panel", self.agenda_proxy, self.items,
                                  0, Qt.SortOrder.AscendingOrder)
        self.agenda.setColumnHidden(PANEL_DATE_COLUMN, True)
        self.to_record_model = items_model(self)
        self.to_record = self._table("Outcomes to record", RowsProxy(parent=self),
                                     self.to_record_model, PANEL_DATE_COLUMN,
                                     Qt.SortOrder.AscendingOrder)
        self.awaited_model = items_model(self)
        # Missed deadlines first, as the service orders them, until a header is clicked
        self.awaited = self._table("Decisions outstanding", RowsProxy(parent=self),
                                   self.awaited_model, -1, Qt.SortOrder.AscendingOrder)
        self._item_view = self.agenda  # the item table last worked in
        for view in (self.agenda, self.to_record, self.awaited):
            view.activated.connect(lambda index, v=view: self._item_activated(v, index))
            view.selectionModel().currentRowChanged.connect(
                lambda current, _old, v=view: self._item_current(v, current))
        self._build()
        self._enable()

    # -- layout ------------------------------------------------------------------------
    @staticmethod
    def _table(name, proxy: RowsProxy, model, column: int, order) -> QTableView:
        proxy.setSourceModel(model)
        view = make_table(name, proxy, sortable=True)
        view.sortByColumn(column, order)  # -1: the order the service gives
        return view

    def _button(self, text: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button

    def _build(self) -> None:
        self.buttons = QHBoxLayout()
        self.add_panel_button = self._button("Add &panel…", "Add a panel meeting",
                                             self.add_panel)
        self.edit_panel_button = self._button("&Edit panel…", "Edit the chosen panel (date, "
                                              "members, quorum)", self.edit_panel)
        self.add_item_button = self._button("Add &item…", "Add business to the chosen panel's "
                                            "agenda", self.add_item)
        self.edit_item_button = self._button("Edit i&tem…", "Edit the chosen item",
                                             self.edit_item)
        self.recommend_button = self._button("Record &recommendation…", "The panel's "
                                             "recommendation on the chosen item",
                                             self.record_recommendation)
        self.decision_button = self._button("Record ADM &decision…", "When the ADM received "
                                            "the minutes, and the decision", self.record_decision)
        self.buttons.addStretch(1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Panels summary")
        lists = QSplitter(Qt.Orientation.Vertical)
        for title, view in (("Upcoming", self.upcoming), ("Held", self.past)):
            lists.addWidget(group_box(title, view))
        self.agenda_box = group_box("Agenda", self.agenda)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.to_record, "Outcomes to record")
        self.tabs.addTab(self.awaited, "Decisions outstanding")
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.agenda_box)
        right.addWidget(self.tabs)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(lists)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([500, 1000])
        layout = QVBoxLayout(self)
        layout.addLayout(self.buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        for first, second in ((self.upcoming, self.past), (self.past, self.agenda),
                              (self.agenda, self.tabs)):
            QWidget.setTabOrder(first, second)

    # -- data --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read in the background; the newest request wins."""
        if self._task is not None:
            self._task.cancel()
        uow, as_of = self.session.uow, self.session.as_of
        task = tasks.Task(lambda progress: _read(uow, as_of))
        self._task = task
        task.succeeded.connect(lambda result, t=task: self._loaded(t, result))
        task.failed.connect(self._failed)
        tasks.start(task)

    def _there(self) -> bool:
        """Whether the page still exists: a read can outlive it (one a session reload started
        just before the window closed), and its answer must then go nowhere."""
        return shiboken6.isValid(self)

    def _failed(self, message: str) -> None:
        if self._there():
            QMessageBox.warning(self, "Could not load the panels", message)

    def _loaded(self, task: tasks.Task, result) -> None:
        if not self._there() or task is not self._task:
            return  # the page is gone, or a newer request superseded this one
        self._task = None
        listed, every, to_record, awaited = result
        self.panels.set_rows((*listed.upcoming, *listed.past))
        self.items.set_rows(every)
        self.to_record_model.set_rows(to_record)
        self.awaited_model.set_rows(awaited)
        missed = sum(r.missed for r in awaited)
        self.tabs.setTabText(0, f"Outcomes to record ({len(to_record)})")
        self.tabs.setTabText(1, f"Decisions outstanding ({len(awaited)}"
                                + (f", ⚠ {missed} overdue)" if missed else ")"))
        self.summary.setText(
            f"As of {uk_date(listed.as_of)}: {len(listed.upcoming)} upcoming and "
            f"{plural(len(listed.past), 'held panel')}; "
            f"{plural(len(to_record), 'outcome')} to record; "
            f"{plural(len(awaited), 'ADM decision')} outstanding"
            + (f", ⚠ {missed} past the 7-working-day deadline." if missed else "."))
        self.select_panel(self._chosen if self._chosen is not None else self._first())
        for view in (self.upcoming, self.past, self.to_record, self.awaited):
            view.resizeColumnsToContents()
        self.loaded.emit()

    def _first(self) -> int | None:
        for proxy in (self.upcoming_proxy, self.past_proxy):
            if proxy.rowCount():
                return proxy.data(proxy.index(0, 0), ROW_ROLE).panel.id
        return None

    def select_panel(self, panel_id: int | None) -> None:
        for view in (self.upcoming, self.past):
            proxy = view.model()
            for r in range(proxy.rowCount()):
                index = proxy.index(r, 0)
                if proxy.data(index, ROW_ROLE).panel.id == panel_id:
                    view.setCurrentIndex(index)
                    self._show_agenda(proxy.data(index, ROW_ROLE))
                    return
        self._show_agenda(None)

    def _panel_chosen(self, view: QTableView, current) -> None:
        row = view.model().data(current, ROW_ROLE) if current.isValid() else None
        if row is None:
            return
        other = self.past if view is self.upcoming else self.upcoming
        other.selectionModel().clearSelection()
        self._show_agenda(row)

    def _show_agenda(self, row) -> None:
        self._chosen = row.panel.id if row is not None else None
        chosen = self._chosen
        self.agenda_proxy.set_accept(lambda item: item.panel.id == chosen)
        self.agenda.resizeColumnsToContents()
        if row is None:
            self.agenda_box.setTitle("Agenda")
        else:
            self.agenda_box.setTitle(f"Agenda: {row.panel.type} panel of {uk_date(row.panel.date)} "
                                     f"({row.items} {'item' if row.items == 1 else 'items'})")
        self._enable()

    # -- what is chosen ----------------------------------------------------------------
    def chosen_panel(self):
        """The PanelRow whose agenda is shown, or None."""
        for row in self.panels.rows():
            if row.panel.id == self._chosen:
                return row
        return None

    def chosen_item(self):
        """The ItemRow current in the item table last worked in, or None."""
        index = self._item_view.currentIndex()
        return self._item_view.model().data(index, ROW_ROLE) if index.isValid() else None

    def _item_current(self, view: QTableView, current) -> None:
        if current.isValid():
            self._item_view = view
        self._enable()

    def _enable(self) -> None:
        panel, item = self.chosen_panel(), self.chosen_item()
        self.edit_panel_button.setEnabled(panel is not None)
        self.add_item_button.setEnabled(panel is not None)
        for button in (self.edit_item_button, self.recommend_button):
            button.setEnabled(item is not None)
        self.decision_button.setEnabled(item is not None and needs_decision(item.item))

    def _item_activated(self, view: QTableView, index) -> None:
        row = view.model().data(index, ROW_ROLE)
        if row is None:
            return
        view.setCurrentIndex(index)
        if row.item.child_id:
            self.open_child.emit(row.item.child_id)
        elif row.status.state == TO_RECORD:
            self.record_recommendation()
        else:
            self.edit_item()

    # -- remembered state --------------------------------------------------------------
    def remembered(self) -> dict[str, Restorable]:
        return {"splitter": self.splitter, "agenda": self.agenda.horizontalHeader()}
