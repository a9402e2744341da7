"""The main window: a thin shell of pages with an as-of date control, a menu bar and a status bar.

Each command is one QAction (``actions_by_name``), held by the menus (File, View, Go, Reports,
Help), and by the toolbar when it is there too, so the menus show every shortcut and the
toolbar and menu stay the same command. It remembers its geometry, each page's view state and
the last page (QSettings).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from permanence_tracker.app import shown_url
from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.gui.about import open_about
from permanence_tracker.gui.export_table import export_page, install_page_exports
from permanence_tracker.gui.pages.base import Page
from permanence_tracker.gui.permissions import role_text, show_permitted
from permanence_tracker.gui.reports_dialog import ReportsDialog, open_reports_dialog
from permanence_tracker.gui.session import Session
from permanence_tracker.gui.shortcuts import (
    Keys,
    ShortcutsDialog,
    main_window_shortcuts,
    make_action,
    record_shortcuts,
)
from permanence_tracker.gui.widgets.date_edit import DateEdit
from permanence_tracker.services.reporting.inputs import REPORTS

STANDARD = QKeySequence.StandardKey
REPORTS_KEYS = "Ctrl+Shift+T"  # not Ctrl+Shift+P: that is "Permanence plan…" in a record
IMPORT_KEYS = "Ctrl+Shift+I"
SPREADSHEET_KEYS = "Ctrl+Shift+M"  # "moving in" (issue 11): Ctrl+Shift+S is taken in a record
FIND_KEYS = "Ctrl+Shift+F"  # Find any child… (issue 12); Ctrl+F is a page's own search


# The window's commands that need a permission (domain/roles.py PERMISSIONS); the rest (quit,
# refresh, today, help, pages) every role may use.
PERMISSIONS = {
    "add_child": "records.edit", "export903": "export", "check903": "export",
    "import903": "import", "import_spreadsheet": "import", "back_up": "backup",
    # restoring or re-keying the whole tracker is the administrators'
    "restore": "restore", "settings": "settings.edit", "passphrase": "encryption",
    "reports": "reports.run", "users": "users.edit", "find_child": "records.search",
}

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
        for page_class in pages:
            page = page_class(session, self)
            self.pages.append(page)
            self.stack.addWidget(page)
            self.nav.addItem(page.title)
            page.open_child.connect(self.open_child)
            install_page_exports(page)  # every table: "Export to Excel…"; Ctrl+Shift+X
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        # The page list keeps its width; the page takes all the rest (a splitter left a gap).
        self.nav.setFixedWidth(self.nav.sizeHintForColumn(0) + 4 * self.nav.frameWidth() + 24)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self._build_toolbar()
        self._build_menus()
        self._build_status_bar()
        self._show_permitted()
        self.setAcceptDrops(True)  # a 903 return's files dropped here are imported
        session.changed.connect(self._update_status)
        session.loading.connect(self._loading)
        session.failed.connect(lambda message: QMessageBox.warning(
            self, "Could not load the tracker", message))
        self._restore()

    # -- commands ----------------------------------------------------------------------
    def _build_actions(self) -> None:
        """Every command once; the window holds them all, so their keys work with the menu
        bar hidden too."""
        from permanence_tracker.gui import return903

        session, today = self.session, self.today
        table: list[tuple[str, str, Keys | None, Callable[..., object], str]] = [
            ("open_tracker", "Open tracker…", STANDARD.Open, self.open_tracker,
             "Open another tracker: a file, a server database, or a new, empty one"),
            ("add_child", "Add child…", STANDARD.New, self.add_child,
             "Add a child to the tracker"),
            ("find_child", "Find any child…", FIND_KEYS, self.find_child,
             "Find any child of the tracker by ID or name (outside your caseload: read only)"),
            ("export903", "Export 903 return…", None,
             lambda: return903.export_return(session, self, today),
             "Write the SSDA903 return of a collection year as the DfE's CSV files"),
            ("check903", "Check the 903 return…", None,
             lambda: return903.open_check_dialog(session, today, self),
             "Run the DfE's 903 validation rules on the return"),
            ("import903", "Import 903 return…", IMPORT_KEYS, self.import_903,
             "Import a 903 return's CSV files or folders (or drop them on the window)"),
            ("import_spreadsheet", "Import tracker spreadsheet…", SPREADSHEET_KEYS,
             self.import_spreadsheet,
             "Bring in your tracker spreadsheet (.xlsx, .csv, .ods, .xls), previewed first "
             "(or drop a workbook on the window)"),
            ("back_up", "Back up now…", None, self.back_up_now,
             "Back the tracker up now (a checked copy in its backups folder)"),
            ("restore", "Restore from backup…", None, self.restore_from_backup,
             "Replace the tracker with a backup, keeping a copy of it as it is now"),
            ("settings", "Settings…", None, self.open_settings,
             "Change the authority's settings: its name, closure days, caseload band, lists"),
            ("passphrase", "Change passphrase…", None, self.change_passphrase,
             "Change the passphrase of this encrypted tracker"),
            ("users", "Users…", None, self.open_users,
             "Who may use this tracker and in which role: add, change role, deactivate"),
            ("quit", "Quit", STANDARD.Quit, self.close, "Close Permanence Tracker"),
            ("today", "Today", "Ctrl+T", lambda: self.as_of_edit.setDate(QDate(today)),
             "View the tracker as it stands today"),
            ("refresh", "Refresh", STANDARD.Refresh, session.reload,
             "Read the tracker again from the database"),
            ("reports", "Reports…", REPORTS_KEYS, lambda: open_reports_dialog(session, self),
             "Print a report: caseloads, cohort, panels, a child's preparation sheet"),
            ("shortcuts", "Keyboard shortcuts…", STANDARD.HelpContents, self.show_shortcuts,
             "Every keyboard shortcut of the main window and a child's record"),
            ("about", "About Permanence Tracker", None, self.show_about,
             "The version, and the database the app is using"),
        ]
        table += [(f"report:{spec.name}", f"{spec.title}…", None,
                   lambda _=False, name=spec.name: self.open_report(name),
                   f"Open Reports with {spec.title}: {spec.description}")
                  for spec in REPORTS.values()]
        self.pages_group = QActionGroup(self)  # Go: the page shown is checked
        for number, page in enumerate(self.pages):
            table.append((f"page:{number}", page.title, f"Ctrl+{number + 1}",
                          lambda _=False, n=number: self.show_page(n),
                          f"Go to the {page.title} page"))
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, keys, slot, tip in table:
            action = make_action(self, text, keys, slot, tip)
            self.addAction(action)
            self.actions_by_name[name] = action
        self.actions_by_name["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        self.actions_by_name["about"].setMenuRole(QAction.MenuRole.AboutRole)
        for number in range(len(self.pages)):
            action = self.actions_by_name[f"page:{number}"]
            action.setCheckable(True)
            self.pages_group.addAction(action)
        self.nav.currentRowChanged.connect(self._page_shown)

    def _show_permitted(self) -> None:
        """Offer only what the acting role may do (issue 12); the services refuse anyway."""
        wanted = {name: permission for name, permission in PERMISSIONS.items()
                  if name in self.actions_by_name}
        for number, page in enumerate(self.pages):
            if page.permission:
                wanted[f"page:{number}"] = page.permission
        show_permitted({self.actions_by_name[n]: p for n, p in wanted.items()},
                       self.session.uow)
        for number in range(len(self.pages)):  # the page list follows its Go action
            self.nav.item(number).setHidden(not self.actions_by_name[f"page:{number}"]
                                            .isVisible())

    def _build_toolbar(self) -> None:
        bar = QToolBar("As of")
        bar.setObjectName("asOfToolbar")
        self.addToolBar(bar)
        bar.addWidget(QLabel(" As of "))
        self.as_of_edit = DateEdit()
        self.as_of_edit.setDate(QDate(self.session.as_of))
        self.as_of_edit.setAccessibleName("As-of date")
        self.as_of_edit.setToolTip("View the tracker as it stood on this date (for example "
                                   "the year end)")
        self.as_of_edit.setMaximumDate(QDate(self.today))
        # a DateEdit changes its date only when a whole date is entered, so the figures
        # reload once per date, never for half-typed text
        self.as_of_edit.dateChanged.connect(
            lambda d: self.session.set_as_of(d.toPython()))
        bar.addWidget(self.as_of_edit)
        self.as_of_problem = QLabel()  # why a typed as-of date was refused, next to it
        self.as_of_problem.setAccessibleName("Problem with the as-of date")
        self.as_of_problem.setStyleSheet("color:#b71c1c;")
        self.as_of_problem_action = bar.addWidget(self.as_of_problem)
        self.as_of_problem_action.setVisible(False)
        self.as_of_edit.problem_changed.connect(self._as_of_refused)
        for name in ("today", "refresh", "add_child", "reports"):
            bar.addAction(self.actions_by_name[name])

    def _as_of_refused(self, problem: str) -> None:
        self.as_of_problem.setText(f" ⚠ As of: {problem} " if problem else "")
        self.as_of_problem_action.setVisible(bool(problem))

    def _build_menus(self) -> None:
        a = self.actions_by_name
        pages = [f"page:{n}" for n in range(len(self.pages))]
        report_entries = [f"report:{name}" for name in REPORTS]
        for title, names in (
            ("&File", ["open_tracker", "", "add_child", "find_child", "", "import903",
                       "import_spreadsheet", "export903", "check903", "", "back_up", "restore",
                       "", "settings", "users", "passphrase", "", "quit"]),
            ("&View", ["today", "refresh"]),
            ("G&o", pages),  # Alt+G, Alt+R and Alt+E are mnemonics on the pages
            ("Report&s", ["reports", "", *report_entries]),
            ("&Help", ["shortcuts", "", "about"]),
        ):
            menu = self.menuBar().addMenu(title)
            for name in names:
                if name:
                    menu.addAction(a[name])
                else:
                    menu.addSeparator()
            if title == "&File":  # File ▸ Open Recent, after Open tracker… (gui/trackers.py)
                from permanence_tracker.gui.trackers import install_recent_menu

                self.recent_menu = install_recent_menu(self, menu, a["open_tracker"])

    def _page_shown(self, number: int) -> None:
        action = self.actions_by_name.get(f"page:{number}")
        if action is not None:
            action.setChecked(True)

    def export_table(self, path: str | None = None):
        """The current page's table, as shown, to a workbook (what each page's Ctrl+Shift+X
        does; the File menu's entries are fixed by tests/gui/test_menus.py)."""
        return export_page(self.stack.currentWidget(), path)

    def open_report(self, name: str) -> ReportsDialog:
        """Open Reports with the report ``name`` chosen (the Reports menu's entries)."""
        dialog = open_reports_dialog(self.session, self)
        dialog.report.setCurrentIndex(dialog.report.findData(name))
        return dialog

    def open_tracker(self) -> QMainWindow | None:
        """File ▸ Open tracker…: the app switches to a new window on the tracker chosen."""
        from permanence_tracker.gui.trackers import open_tracker

        return open_tracker(self)

    def change_passphrase(self) -> bool:
        """File ▸ Change passphrase… (gui/passphrase.py)."""
        from permanence_tracker.gui.passphrase import change_passphrase

        return change_passphrase(self)

    def import_903(self, paths=None) -> QDialog:
        """File ▸ Import 903 return…, or files dropped on the window (gui/import903/)."""
        from permanence_tracker.gui.import903 import open_import_dialog

        return open_import_dialog(self.session, self.today, self, paths)

    def import_spreadsheet(self, path=None) -> QDialog:
        """File ▸ Import tracker spreadsheet…, or a workbook dropped on the window
        (gui/import_spreadsheet/)."""
        from permanence_tracker.gui.import_spreadsheet import open_spreadsheet_wizard

        return open_spreadsheet_wizard(self.session, self.today, self, path)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        from permanence_tracker.gui.import903 import droppable_paths
        from permanence_tracker.gui.import_spreadsheet import droppable_workbooks

        # CSV files or folders: a 903 return; a workbook: a tracker spreadsheet
        if droppable_paths(event.mimeData()) or droppable_workbooks(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        from permanence_tracker.gui.import903 import droppable_paths
        from permanence_tracker.gui.import_spreadsheet import droppable_workbooks

        workbooks = droppable_workbooks(event.mimeData())
        paths = droppable_paths(event.mimeData())
        if workbooks:
            event.acceptProposedAction()
            self.import_spreadsheet(workbooks[0])
        elif paths:
            event.acceptProposedAction()
            self.import_903(paths)

    def back_up_now(self) -> QMessageBox:
        """File ▸ Back up now… (gui/backups.py)."""
        from permanence_tracker.gui.backups import back_up_now

        return back_up_now(self)

    def restore_from_backup(self, path: str | None = None,
                            confirm: bool = True) -> QMainWindow | None:
        """File ▸ Restore from backup…: the restored tracker opens in a new window."""
        from permanence_tracker.gui.backups import restore_from_backup

        return restore_from_backup(self, path, confirm)

    def open_settings(self) -> QDialog:
        """Open Settings; saving reloads the session (gui/dialogs/settings.py)."""
        from permanence_tracker.gui.dialogs.settings import open_settings_dialog

        return open_settings_dialog(self.session, self)

    def open_users(self) -> QDialog:
        """File ▸ Users… (administrators; gui/users_dialog.py)."""
        from permanence_tracker.gui.users_dialog import open_users_dialog

        return open_users_dialog(self.session.uow, self.today, self)

    def find_child(self) -> QDialog:
        """File ▸ Find any child… (gui/find_child.py): a found child the user may not change
        opens read only."""
        from permanence_tracker.gui.find_child import open_find_child

        return open_find_child(self.session.uow, lambda child_id, read_only: self.open_child(
            child_id, read_only), self)

    def set_up_new_tracker(self) -> QDialog:
        """A tracker just created empty: Settings opens by itself, asking for the authority's
        name and code first (a new tracker is nobody's until it is named)."""
        from permanence_tracker.gui.dialogs.settings import NEW_TRACKER, open_settings_dialog

        dialog = open_settings_dialog(self.session, self, NEW_TRACKER)
        dialog.fields["authority_name"].setFocus()
        return dialog

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(main_window_shortcuts(self, self.pages) + record_shortcuts(),
                                 self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> QMessageBox:
        return open_about(self.session, self)

    def _build_status_bar(self) -> None:
        self.demo_label = QLabel(" DEMO — synthetic data ")
        self.demo_label.setStyleSheet("background:#b71c1c;color:white;font-weight:bold;")
        self.demo_label.setAccessibleName("Demo data")
        self.demo_label.hide()
        self.db_label = QLabel(f"Database: {shown_url(self.session.context.url)}")
        self.user_label = QLabel(f"User: {self.session.context.user}")
        self.role_label = QLabel(role_text(self.session.context.uow))
        self.as_of_label = QLabel()
        self.busy_label = QLabel()
        status = self.statusBar()
        status.addWidget(self.demo_label)
        status.addWidget(self.db_label, 1)
        status.addPermanentWidget(self.busy_label)
        status.addPermanentWidget(self.user_label)
        status.addPermanentWidget(self.role_label)
        status.addPermanentWidget(self.as_of_label)
        self._update_status()

    def _update_status(self) -> None:
        self.as_of_label.setText(f"As of {uk_date(self.session.as_of)}")
        demo = self.session.is_demo
        self.demo_label.setVisible(demo)
        # The authority's name from its settings (issue 10), so a window says whose data it is
        authority = self.session.cohort.settings.authority_name if self.session.cohort else ""
        self.setWindowTitle(" — ".join(part for part in (
            authority, "Permanence Tracker", "DEMO" if demo else "") if part))

    def _loading(self, busy: bool) -> None:
        self.busy_label.setText("Loading…" if busy else "")

    # -- records -----------------------------------------------------------------------
    def open_child(self, child_id: str, read_only: bool = False):
        """Open a child's record window (from any page's ``open_child``; ``read_only`` from
        Find any child…)."""
        from permanence_tracker.gui.child_record import open_child_record

        return open_child_record(self.session, child_id, self, self.today, read_only)

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
        self.show_page(int(str(settings.value("window/page", 0))))  # "2" from an INI file

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
