"""The main window: a thin shell of pages with an as-of date control and a status bar.

It remembers its geometry, each page's view state and the last page (QSettings).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from permanence_tracker.gui.pages.base import Page
from permanence_tracker.gui.reports_dialog import open_reports_dialog
from permanence_tracker.gui.session import Session


class MainWindow(QMainWindow):
    def __init__(self, session: Session, pages: list[type[Page]], today: date) -> None:
        super().__init__()
        self.session = session
        self.today = today
        self.setWindowTitle("Permanence Tracker")
        self.nav = QListWidget()
        self.nav.setAccessibleName("Pages")
        self.stack = QStackedWidget()
        self.pages: list[Page] = []
        for number, page_class in enumerate(pages, start=1):
            page = page_class(session, self)
            self.pages.append(page)
            self.stack.addWidget(page)
            self.nav.addItem(page.title)
            action = QAction(page.title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, n=number - 1: self.show_page(n))
            self.addAction(action)
            if hasattr(page, "open_child"):
                page.open_child.connect(self.open_child)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        # The page list keeps its width; the page takes all the rest (a splitter left a gap).
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 4 * self.nav.frameWidth() + 24)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_toolbar()
        self._build_file_menu()
        self._build_status_bar()
        session.changed.connect(self._update_status)
        session.loading.connect(self._loading)
        session.failed.connect(lambda message: QMessageBox.warning(
            self, "Could not load the tracker", message))
        self._restore()

    # -- chrome ------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar("As of")
        bar.setObjectName("asOfToolbar")
        self.addToolBar(bar)
        bar.addWidget(QLabel(" As of "))
        self.as_of_edit = QDateEdit(QDate(self.session.as_of))
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("dd/MM/yyyy")
        self.as_of_edit.setAccessibleName("As-of date")
        self.as_of_edit.setToolTip("View the tracker as it stood on this date (for example "
                                   "the year end)")
        self.as_of_edit.setMaximumDate(QDate(self.today))
        self.as_of_edit.dateChanged.connect(
            lambda d: self.session.set_as_of(d.toPython()))
        bar.addWidget(self.as_of_edit)
        today = QAction("Today", self)
        today.setShortcut(QKeySequence("Ctrl+T"))
        today.triggered.connect(lambda: self.as_of_edit.setDate(QDate(self.today)))
        bar.addAction(today)
        refresh = QAction("Refresh", self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(self.session.reload)
        bar.addAction(refresh)
        add = QAction("Add child…", self)
        add.setShortcut(QKeySequence.StandardKey.New)
        add.setToolTip("Add a child to the tracker (Ctrl+N)")
        add.triggered.connect(self.add_child)
        bar.addAction(add)
        reports = QAction("Reports…", self)
        reports.setShortcut(QKeySequence("Ctrl+Shift+P"))
        reports.setToolTip("Print a report: caseloads, cohort, panels, a child's preparation "
                           "sheet (Ctrl+Shift+P)")
        reports.triggered.connect(lambda: open_reports_dialog(self.session, self))
        bar.addAction(reports)
        quit_action = QAction("Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.addAction(quit_action)

    def _build_file_menu(self) -> None:
        from permanence_tracker.gui import return903

        menu = self.menuBar().addMenu("&File")
        export = menu.addAction("Export 903 return…")
        export.setToolTip("Write the SSDA903 return of a collection year as the DfE's CSV files")
        export.triggered.connect(lambda: return903.export_return(self.session, self, self.today))
        check = menu.addAction("Check the 903 return…")
        check.setToolTip("Run the DfE's 903 validation rules on the return")
        check.triggered.connect(lambda: return903.open_check_dialog(self.session, self.today,
                                                                    self))

    def _build_status_bar(self) -> None:
        self.demo_label = QLabel(" DEMO — synthetic data ")
        self.demo_label.setStyleSheet("background:#b71c1c;color:white;font-weight:bold;")
        self.demo_label.setAccessibleName("Demo data")
        self.demo_label.hide()
        self.db_label = QLabel(f"Database: {self.session.context.url}")
        self.user_label = QLabel(f"User: {self.session.context.user}")
        self.as_of_label = QLabel()
        self.busy_label = QLabel()
        status = self.statusBar()
        status.addWidget(self.demo_label)
        status.addWidget(self.db_label, 1)
        status.addPermanentWidget(self.busy_label)
        status.addPermanentWidget(self.user_label)
        status.addPermanentWidget(self.as_of_label)
        self._update_status()

    def _update_status(self) -> None:
        self.as_of_label.setText(f"As of {self.session.as_of:%d/%m/%Y}")
        demo = self.session.is_demo
        self.demo_label.setVisible(demo)
        self.setWindowTitle("Permanence Tracker" + (" — DEMO" if demo else ""))

    def _loading(self, busy: bool) -> None:
        self.busy_label.setText("Loading…" if busy else "")

    # -- records -----------------------------------------------------------------------
    def open_child(self, child_id: str):
        """Open a child's record window (from any page's ``open_child``)."""
        from permanence_tracker.gui.child_record import open_child_record

        return open_child_record(self.session, child_id, self, self.today)

    def add_child(self):
        """Ask for a new child; on save, reload and open their record."""
        from permanence_tracker.gui.dialogs.child import ChildDialog

        dialog = ChildDialog(self.session.uow, self.today, None, self)
        if dialog.exec():
            self.session.reload()
            saved = dialog.result_record
            if saved is not None:
                return self.open_child(saved.child_id)
        return None

    def show_page(self, number: int) -> None:
        self.nav.setCurrentRow(number)

    # -- remembered state --------------------------------------------------------------
    def _restore(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        for page in self.pages:
            settings.beginGroup(f"pages/{type(page).__name__}")
            page.restore_state(settings)
            settings.endGroup()
        self.show_page(int(settings.value("window/page", 0)))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        settings.setValue("window/page", self.nav.currentRow())
        for page in self.pages:
            settings.beginGroup(f"pages/{type(page).__name__}")
            page.save_state(settings)
            settings.endGroup()
        super().closeEvent(event)
