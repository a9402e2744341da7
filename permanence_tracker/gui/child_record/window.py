"""The record window for one child: header, six tabs, and the editing dialogs.

Non-modal; open it with :func:`open_child_record` (or construct :class:`ChildRecordWindow`).
Reading one child is a small look-up, done on the GUI thread after the user asks for it.
After a dialog saves, the window reloads itself and emits :attr:`ChildRecordWindow.saved`
(connect it to ``Session.reload`` so every page catches up).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.gui.child_record import columns as c
from permanence_tracker.gui.child_record.header import RecordHeader
from permanence_tracker.gui.dialogs.base import RecordDialog
from permanence_tracker.gui.dialogs.change import ChangeDialog
from permanence_tracker.gui.dialogs.child import ChildDialog
from permanence_tracker.gui.dialogs.outcome import OutcomeDialog
from permanence_tracker.gui.dialogs.plan import PlanDialog
from permanence_tracker.gui.dialogs.review import ReviewDialog
from permanence_tracker.gui.dialogs.start_care import StartCareDialog
from permanence_tracker.gui.export_table import install_record_exports
from permanence_tracker.gui.models.rows_table import RowsTableModel
from permanence_tracker.gui.shortcuts import Keys, make_action
from permanence_tracker.services.records.child_record import ChildRecord, load_child_record
from permanence_tracker.services.records.search import read_found_child
from permanence_tracker.services.unit_of_work import UowFactory

DESC = Qt.SortOrder.DescendingOrder
ASC = Qt.SortOrder.AscendingOrder

# (name, text, keys, method): the record's commands, on the toolbar and in the Record menu.
# Their keys are used nowhere else in the app (tests/gui/test_shortcuts.py).
RECORD_ACTIONS: tuple[tuple[str, str, Keys, str], ...] = (
    ("edit", "Edit child…", "Ctrl+E", "edit_child"),
    ("review", "Record review…", "Ctrl+Shift+R", "record_review"),
    ("start", "Start care…", "Ctrl+Shift+S", "start_care"),
    ("change", "Legal status / placement change…", "Ctrl+Shift+L", "record_change"),
    ("end", "End care…", "Ctrl+Shift+E", "end_care"),
    ("plan", "Permanence plan…", "Ctrl+Shift+P", "set_plan"),
    ("outcome", "Monitoring outcome…", "Ctrl+Shift+O", "add_outcome"),
)
WINDOW_ACTIONS: tuple[tuple[str, str, Keys, str], ...] = (
    ("refresh", "Refresh", QKeySequence.StandardKey.Refresh, "reload"),
    ("close", "Close", QKeySequence.StandardKey.Close, "close"),
)


def _view(model: RowsTableModel, name: str, column: int, order: Qt.SortOrder) -> QTableView:
    view = QTableView()
    view.setAccessibleName(name)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(column, order)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab moves on to the next control
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _page(*parts: QWidget | str) -> QWidget:
    """A tab: captions (str) and widgets stacked top to bottom."""
    page = QWidget()
    layout = QVBoxLayout(page)
    for part in parts:
        if isinstance(part, str):
            label = QLabel(part)
            label.setWordWrap(True)
            layout.addWidget(label)
        else:
            layout.addWidget(part, 1 if isinstance(part, QTableView) else 0)
    return page


class ChildRecordWindow(QMainWindow):
    saved = Signal()

    def __init__(self, uow_factory: UowFactory, child_id: str, as_of: date,
                 today: date | None = None, parent: QWidget | None = None,
                 demo: bool = False, read_only: bool = False) -> None:
        super().__init__(parent)
        # read_only: a child found by Find any child… outside the user's caseload (issue 12):
        # read through the search's read, with no editing command offered
        self.read_only = read_only
        self.setWindowFlag(Qt.WindowType.Window)
        self.uow_factory = uow_factory
        self.child_id = child_id
        self.as_of = as_of
        self.today = today or date.today()  # the clock lives in the front end
        self.demo = demo  # synthetic data: the title says DEMO, as the main window's does
        self.record: ChildRecord | None = None
        self.dialog: RecordDialog | None = None
        self.header = RecordHeader()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.care_banner = self._care_banner()
        self.models = {name: RowsTableModel(cols, self) for name, cols in (
            ("periods", c.PERIODS), ("episodes", c.EPISODES), ("reviews", c.REVIEWS),
            ("plans", c.PLANS), ("outcomes", c.OUTCOMES), ("adoption", c.ADOPTION),
            ("missing", c.MISSING), ("notes", c.NOTES), ("history", c.HISTORY))}
        m = self.models
        self.views = {
            "periods": _view(m["periods"], "Periods of care", 1, ASC),
            "episodes": _view(m["episodes"], "Episodes", 1, ASC),
            "reviews": _view(m["reviews"], "Reviews", 0, DESC),
            "plans": _view(m["plans"], "Permanence plan history", 0, DESC),
            "outcomes": _view(m["outcomes"], "Monitoring outcomes", 0, DESC),
            "adoption": _view(m["adoption"], "Adoption milestones", 1, ASC),
            "missing": _view(m["missing"], "Missing episodes", 1, DESC),
            "notes": _view(m["notes"], "Notes", 0, DESC),
            "history": _view(m["history"], "Audit trail", 0, DESC),
        }
        v = self.views
        install_record_exports(self, v)  # each tab's table: "Export to Excel…"
        self.review_summary = QLabel()
        self.review_summary.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Parts of the record")
        timeline = QSplitter(Qt.Orientation.Vertical)
        timeline.setChildrenCollapsible(False)
        timeline.addWidget(_page("Periods of care (a new period restarts the review clock)",
                                 v["periods"]))
        timeline.addWidget(_page("Episodes (legal status and placement)", v["episodes"]))
        timeline.setStretchFactor(0, 1)
        timeline.setStretchFactor(1, 2)
        self.tabs.addTab(timeline, "&Legal status and placements")
        self.tabs.addTab(_page(self.review_summary, v["reviews"]), "&Reviews")
        self.tabs.addTab(_page("Plan history (newest first)", v["plans"],
                               "Monitoring outcomes", v["outcomes"],
                               "Notes (comments brought in from a spreadsheet, newest first)",
                               v["notes"]), "&Permanence")
        self.tabs.addTab(_page("Adoption milestones. A1: days from entering care to moving in "
                               "with the adoptive family; A2: days from placement order to "
                               "match (\"so far\" while not yet reached).", v["adoption"]),
                         "&Adoption")
        self.tabs.addTab(_page(v["missing"]), "&Missing")
        self.tabs.addTab(_page("Every change to this child's records: who, when, what, the "
                               "old and new values (newest first).", v["history"]), "&History")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.header)
        layout.addWidget(self.problem)
        layout.addWidget(self.care_banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self._build_actions()
        if read_only:
            self._offer_reading_only(layout)
        self.resize(1100, 720)
        self.reload()

    # -- actions -----------------------------------------------------------------------
    def _build_actions(self) -> None:
        """The record's commands on the toolbar and in the Record menu (the same QActions,
        each showing its keys); Refresh and Close are in the menu only."""
        bar = QToolBar("Record")
        bar.setObjectName("recordToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(bar)
        self.toolbar = bar
        menu = self.menuBar().addMenu("Re&cord")  # Alt+R is the Reviews tab
        self.actions_by_name: dict[str, QAction] = {}  # disabled when the record cannot be read
        for name, text, keys, slot in RECORD_ACTIONS:
            action = make_action(self, text, keys, getattr(self, slot))
            bar.addAction(action)
            menu.addAction(action)
            self.actions_by_name[name] = action
        menu.addSeparator()
        self.window_actions: dict[str, QAction] = {}
        for name, text, keys, slot in WINDOW_ACTIONS:
            action = make_action(self, text, keys, getattr(self, slot))
            menu.addAction(action)
            self.window_actions[name] = action
        # Escape closes the record too (a second key of Close: the menu shows Ctrl+W). The
        # editing dialogs are windows of their own, so their Escape still cancels them.
        close = self.window_actions["close"]
        close.setShortcuts([*QKeySequence.keyBindings(QKeySequence.StandardKey.Close),
                            QKeySequence(Qt.Key.Key_Escape)])

    def _offer_reading_only(self, layout: QVBoxLayout) -> None:
        """No editing command: the services would refuse them (not the user's caseload)."""
        for action in self.actions_by_name.values():
            action.setVisible(False)
            action.setEnabled(False)
        self.start_button.hide()
        self.start_button.setEnabled(False)
        self.removeToolBar(self.toolbar)  # every command on it is hidden: no empty strip
        note = QLabel("Read only: this child is not in your caseload, so you can read their "
                      "record but not change it.")
        note.setAccessibleName("Read only")
        note.setWordWrap(True)
        layout.insertWidget(1, note)

    def _care_banner(self) -> QWidget:
        """Says when the child is not looked after, with the button that starts care: the next
        step after Add child, and the way back into care after leaving it."""
        banner = QWidget()
        banner.setAccessibleName("Not looked after")
        row = QHBoxLayout(banner)
        row.setContentsMargins(0, 0, 0, 0)
        self.care_text = QLabel()
        self.care_text.setWordWrap(True)
        self.start_button = QPushButton("Start care…")
        self.start_button.setToolTip("Record that the child started to be looked after "
                                     "(Ctrl+Shift+S)")
        self.start_button.clicked.connect(self.start_care)
        row.addWidget(self.care_text, 1)
        row.addWidget(self.start_button)
        banner.hide()
        return banner

    def _open(self, dialog: RecordDialog) -> RecordDialog:
        dialog.saved.connect(self._after_save)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()  # window-modal, does not block the event loop
        return dialog

    def edit_child(self) -> RecordDialog:
        return self._open(ChildDialog(self.uow_factory, self.today, self.child_id, self))

    def _loaded(self) -> ChildRecord:
        """The record last read: the commands that need one are disabled until it is read."""
        if self.record is None:
            raise RuntimeError(f"child {self.child_id}'s record has not been read")
        return self.record

    def record_review(self) -> RecordDialog:
        return self._open(ReviewDialog(self.uow_factory, self.today, self._loaded().child, self))

    def start_care(self) -> RecordDialog:
        return self._open(StartCareDialog(self.uow_factory, self.today, self.child_id, self))

    def record_change(self) -> RecordDialog:
        return self._open(ChangeDialog(self.uow_factory, self.today, self.child_id, self))

    def end_care(self) -> RecordDialog:
        return self._open(ChangeDialog(self.uow_factory, self.today, self.child_id, self,
                                       leaving=True))

    def set_plan(self) -> RecordDialog:
        current = next((p.plan for p in self._loaded().plans if p.current), None)
        return self._open(PlanDialog(self.uow_factory, self.today, self.child_id, current,
                                     self))

    def add_outcome(self) -> RecordDialog:
        return self._open(OutcomeDialog(self.uow_factory, self.today, self.child_id, self))

    def _after_save(self, _record) -> None:
        self.reload()
        self.saved.emit()

    # -- data --------------------------------------------------------------------------
    def reload(self) -> None:
        try:
            read = read_found_child if self.read_only else load_child_record
            record = read(self.uow_factory, self.child_id, self.as_of)
        except TrackerError as error:
            self.problem.setText(f"⚠ Could not read child {self.child_id}: {error}")
            self.problem.show()
            for action in self.actions_by_name.values():
                action.setEnabled(False)
            return
        self.problem.hide()
        self.record = record
        self.setWindowTitle(f"{record.child.name or record.child.child_id} "
                            f"({record.child.child_id}) — Permanence Tracker"
                            + (" — read only" if self.read_only else "")
                            + (" — DEMO" if self.demo else ""))
        self.header.show_record(record)
        in_care = record.open_episode is not None  # an open episode: looked after today
        for name in ("change", "end"):
            self.actions_by_name[name].setEnabled(in_care and not self.read_only)
        self.actions_by_name["start"].setEnabled(not in_care and not self.read_only)
        self._show_care_banner(record, in_care)
        rows = {"periods": record.periods, "episodes": record.episodes,
                "reviews": record.reviews, "plans": record.plans, "outcomes": record.outcomes,
                "adoption": record.adoption, "missing": record.missing,
                "notes": record.notes, "history": record.audit}
        for name, model in self.models.items():
            model.set_rows(rows[name])
            view = self.views[name]
            header = view.horizontalHeader()
            model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.review_summary.setText(self._review_summary(record))

    def _show_care_banner(self, record: ChildRecord, in_care: bool) -> None:
        name = record.child.name or record.child.child_id
        ended = [p.end for p in record.periods if p.end is not None]
        if in_care:
            self.care_banner.hide()
            return
        self.care_text.setText(
            f"{name} is not looked after: left care on {uk_date(max(ended))}. If they come "
            "back into care, start a new period of care." if ended else
            f"{name} is not looked after yet. Record the day they started to be looked after "
            "with Start care.")
        self.care_banner.show()

    @staticmethod
    def _review_summary(record: ChildRecord) -> str:
        s = record.standing
        if s.next_review_due is None:
            return "No review is due: the child is not looked after on the as-of date."
        status = "overdue" if s.overdue else "due"
        return (f"Next: review {s.next_review_number}, {status} by "
                f"{uk_date(s.next_review_due)}. Reviews are numbered within their period of "
                "care; \"late\" means held after the due date (reg 33).")


def open_child_record(session, child_id: str, parent: QWidget | None = None,
                      today: date | None = None, read_only: bool = False) -> ChildRecordWindow:
    """Open (and show) the record window for ``child_id`` at the session's as-of date;
    saving in it reloads the session. ``read_only``: a found child outside the caseload."""
    window = ChildRecordWindow(session.uow, child_id, session.as_of, today, parent,
                               demo=session.is_demo, read_only=read_only)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.saved.connect(session.reload)
    window.show()
    return window
