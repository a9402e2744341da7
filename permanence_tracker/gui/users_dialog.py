"""File ▸ Users… (administrators, issue 12): who may use the tracker, in which role, with Add…,
Change role… and Deactivate / Reactivate.

Everything goes through ``services/users.py``, which checks the role and audits each change.
Deactivating or reactivating passes the version the list showed, so a change someone made since
is refused rather than overwritten: the refusal is shown and the list read again, as the IROs
page's Retire / reinstate does. Dialogs and questions open window-modal and are kept
(``dialog``, ``question``) for tests to answer.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.domain.roles import Role, User
from permanence_tracker.gui.dialogs.base import RecordDialog
from permanence_tracker.gui.dialogs.user import AddUserDialog, ChangeRoleDialog
from permanence_tracker.gui.models.roles import ROW_ROLE
from permanence_tracker.gui.models.rows_table import Column, RowsTableModel
from permanence_tracker.services import users
from permanence_tracker.services.authorization import actor_of
from permanence_tracker.services.unit_of_work import UowFactory

COLUMNS: tuple[Column[User], ...] = (
    Column("Login", lambda u: u.login),
    Column("Name", lambda u: u.display_name),
    Column("Role", lambda u: Role(u.role).title),
    Column("IRO name", lambda u: u.iro_name,
           header_tip="For an IRO: the name children's records give as their IRO"),
    Column("Active", lambda u: "Active" if u.active else "Deactivated",
           header_tip="A deactivated login can no longer open the tracker"),
)


class UsersDialog(QDialog):
    def __init__(self, uow_factory: UowFactory, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Users")
        self.uow_factory = uow_factory
        self.today = today
        self.dialog: RecordDialog | None = None
        self.question: QMessageBox | None = None
        self.model: RowsTableModel[User] = RowsTableModel(COLUMNS, self)
        self.view = QTableView()
        self.view.setAccessibleName("Users")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)  # Tab moves on to the buttons
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self.change_role())
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.add_button = QPushButton("&Add…")
        self.role_button = QPushButton("Change &role…")
        self.active_button = QPushButton("&Deactivate")
        self.add_button.clicked.connect(self.add_user)
        self.role_button.clicked.connect(self.change_role)
        self.active_button.clicked.connect(self.toggle_active)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.active_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(self.fontMetrics().averageCharWidth() * 100, 420)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        self.reload()

    # -- the list ----------------------------------------------------------------------
    def reload(self, choose: str | None = None) -> None:
        """Read the users again and choose ``choose`` (or the one chosen before)."""
        before = self.chosen()
        keep = choose or (before.login if before is not None else None)
        rows = users.list_users(self.uow_factory)
        self.model.set_rows(rows)
        self.note.setText(
            "Only these logins, while active, may open this tracker." if rows else
            "No users yet: whoever opens this tracker is its administrator. Add yourself "
            "first, as an administrator: from then on only the logins listed here may open it.")
        row = next((n for n, u in enumerate(rows) if u.login == keep), 0 if rows else None)
        if row is not None:
            self.view.selectRow(row)
        self._selected()

    def chosen(self) -> User | None:
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row()):
            return None
        user = self.model.index(index.row(), 0).data(ROW_ROLE)
        return user if isinstance(user, User) else None

    def _selected(self, *_: QItemSelection) -> None:
        user = self.chosen()
        self.role_button.setEnabled(user is not None)
        self.active_button.setEnabled(user is not None)
        self.active_button.setText("Re&activate" if user is not None and not user.active
                                   else "&Deactivate")

    # -- the commands ------------------------------------------------------------------
    def _open(self, dialog: RecordDialog) -> RecordDialog:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda user: self.reload(user.login))
        dialog.open()
        return dialog

    def add_user(self) -> RecordDialog:
        """Add a user; the first one offered is the person acting, as an administrator (the
        first user turns the list on: anyone else first would lock them out)."""
        first = None if self.model.rows() else User(actor_of(self.uow_factory).login,
                                                     Role.ADMINISTRATOR.value)
        return self._open(AddUserDialog(self.uow_factory, self.today, self, first))

    def change_role(self) -> RecordDialog | None:
        user = self.chosen()
        if user is None:
            return None
        return self._open(ChangeRoleDialog(self.uow_factory, self.today, user, self))

    def toggle_active(self) -> None:
        user = self.chosen()
        if user is None:
            return
        change = users.deactivate if user.active else users.reactivate
        try:
            change(self.uow_factory, user.login, user.version)
        except TrackerError as error:  # the last administrator, or someone else's change
            self.question = QMessageBox(QMessageBox.Icon.Warning, "User not changed",
                                        str(error), QMessageBox.StandardButton.Ok, self)
            self.question.open()
        self.reload(user.login)  # someone else's change, if any, shows


def open_users_dialog(uow_factory: UowFactory, today: date, parent: QWidget) -> UsersDialog:
    dialog = UsersDialog(uow_factory, today, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
