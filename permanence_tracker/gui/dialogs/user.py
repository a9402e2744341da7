"""Adding a user, and changing a user's role, from File ▸ Users… (administrators, issue 12).

Both are :class:`RecordDialog` forms, so a refused value shows under its field (login taken,
an IRO without the name their children's records give, the last administrator) and a stale
change (someone changed the user since the list was read) shows the Reload banner. The form is
built here in code, as the IRO form is (``dialogs/iro.py``): it is small.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QWidget,
)

from permanence_tracker.domain.roles import Role, User
from permanence_tracker.gui.dialogs.base import RecordDialog, choose, chosen
from permanence_tracker.gui.dialogs.code_form import CodeForm
from permanence_tracker.services import users
from permanence_tracker.services.records import iros
from permanence_tracker.services.unit_of_work import UowFactory


class _UserForm(CodeForm):
    """The user form: login, name, role and IRO name."""

    FIELDS = (("login", "&Login *"), ("display_name", "&Name"), ("role", "R&ole *"),
              ("iro_name", "&IRO name"))

    def make_fields(self) -> None:
        self.login = QLineEdit()
        self.login.setAccessibleName("Login")
        self.login.setPlaceholderText("their OS user, or database login on a shared tracker")
        self.display_name = QLineEdit()
        self.display_name.setAccessibleName("Name")
        self.role = QComboBox()
        self.role.setAccessibleName("Role")
        for role in Role:
            self.role.addItem(role.title, role.value)
        self.iro_name = QComboBox()
        self.iro_name.setEditable(True)
        self.iro_name.setAccessibleName("IRO name")
        self.iro_name.setToolTip("For an IRO: the name children's records give as their IRO "
                                 "(their caseload)")


class AddUserDialog(RecordDialog):
    """Add one user; ``saved`` gives the stored :class:`User`."""

    FORM = _UserForm

    def __init__(self, uow_factory: UowFactory, today: date,
                 parent: QWidget | None = None, first: User | None = None) -> None:
        super().__init__(uow_factory, today, parent)
        self.setWindowTitle("Add a user")
        self.ui.intro.setText("The person's login decides who they are; their role decides "
                              "what they may see and do. An IRO reads and changes their "
                              "caseload: the children whose records name them as IRO.")
        self.ui.iro_name.addItems([""] + [row.name for row in iros.iro_list(uow_factory)
                                          if row.active])
        self.ui.role.currentIndexChanged.connect(self._role_changed)
        if first is not None:  # the first user: whoever is acting, so they keep their access
            self.ui.login.setText(first.login)
            choose(self.ui.role, first.role)
        self._role_changed()

    def _role_changed(self, *_: object) -> None:
        """Only an IRO has an IRO name."""
        iro = chosen(self.ui.role) == Role.IRO.value
        self.ui.iro_name.setEnabled(iro)
        if not iro:
            self.ui.iro_name.setEditText("")

    def store(self) -> User:
        ui = self.ui
        return users.add_user(self.uow_factory, User(
            ui.login.text().strip(), chosen(ui.role), ui.display_name.text().strip(),
            ui.iro_name.currentText().strip()))


class ChangeRoleDialog(AddUserDialog):
    """Give ``user`` (as the list read them) another role; the login and name stay."""

    def __init__(self, uow_factory: UowFactory, today: date, user: User,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, parent)
        self.setWindowTitle(f"Change the role of {user.login}")
        self.ui.intro.setText("The new role takes effect the next time they open the tracker.")
        for field in (self.ui.login, self.ui.display_name):
            field.setReadOnly(True)
        self._show(user)

    def _show(self, user: User) -> None:
        self.user = user
        self.ui.login.setText(user.login)
        self.ui.display_name.setText(user.display_name)
        choose(self.ui.role, user.role)
        self._role_changed()
        self.ui.iro_name.setEditText(user.iro_name)

    def store(self) -> User:
        return users.change_role(self.uow_factory, self.user.login, Role(chosen(self.ui.role)),
                                 self.ui.iro_name.currentText().strip(), self.user.version)

    def load(self) -> None:
        """Reload after a conflict: the user as stored now."""
        now = next((u for u in users.list_users(self.uow_factory)
                    if u.login == self.user.login), None)
        if now is not None:
            self._show(now)
