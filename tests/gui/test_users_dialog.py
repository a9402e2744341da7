"""File ▸ Users… (issue 12): administrators list, add, re-role, deactivate and reactivate users
through the services; refusals show where to fix them, a stale change shows the Reload banner,
and other roles are not offered the command at all."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from permanence_tracker.domain.roles import Actor, Role, User
from permanence_tracker.gui.dialogs.base import chosen
from permanence_tracker.gui.main_window import MainWindow
from permanence_tracker.gui.pages.children import ChildrenPage
from permanence_tracker.gui.session import Session
from permanence_tracker.gui.users_dialog import UsersDialog
from permanence_tracker.services import users
from permanence_tracker.services.authorization import acting

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py

pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


@pytest.fixture
def dialog(qtbot, small_authority):
    found = UsersDialog(small_authority.uow, AS_OF)
    qtbot.addWidget(found)
    found.show()
    return found


def _save(qtbot, record_dialog) -> None:
    qtbot.mouseClick(record_dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def _shown(dialog) -> list[tuple[str, ...]]:
    model = dialog.model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())]


def _with_ann(small_authority) -> None:
    users.add_user(small_authority.uow, User("tester", Role.ADMINISTRATOR.value, "Tess"))
    users.add_user(small_authority.uow, User("ann", Role.IRO.value, "Ann Example",
                                             iro_name="Ann Able"))


def test_the_model_is_a_proper_qt_model(qtmodeltester, dialog, small_authority):
    _with_ann(small_authority)
    dialog.reload()
    qtmodeltester.check(dialog.model)
    assert _shown(dialog) == [("ann", "Ann Example", "IRO", "Ann Able", "Active"),
                              ("tester", "Tess", "Administrator", "", "Active")]


def test_the_first_user_offered_is_whoever_is_acting_as_an_administrator(qtbot, dialog,
                                                                         small_authority):
    assert dialog.model.rowCount() == 0 and "No users yet" in dialog.note.text()
    assert not dialog.role_button.isEnabled() and not dialog.active_button.isEnabled()
    add = dialog.add_user()
    assert add.ui.login.text() == "tester" and chosen(add.ui.role) == "administrator"
    _save(qtbot, add)
    assert _shown(dialog) == [("tester", "", "Administrator", "", "Active")]
    assert "Only these logins" in dialog.note.text()


def test_a_refused_user_shows_where_to_fix_it_and_keeps_the_input(qtbot, dialog,
                                                                  small_authority):
    _with_ann(small_authority)
    dialog.reload()
    add = dialog.add_user()
    add.ui.login.setText("bo")
    add.ui.role.setCurrentIndex(add.ui.role.findData("iro"))
    assert add.ui.iro_name.isEnabled()
    _save(qtbot, add)
    assert "an IRO needs the name children's records give" in add.problem_text("iro_name")
    assert add.isVisible() and add.ui.login.text() == "bo"
    add.ui.iro_name.setEditText("Bob Brook")
    _save(qtbot, add)
    assert not add.isVisible()
    assert ("bo", "", "IRO", "Bob Brook", "Active") in _shown(dialog)
    assert dialog.chosen().login == "bo"  # the user just added is chosen


def test_change_role_and_a_stale_change_shows_the_reload_banner(qtbot, dialog,
                                                                small_authority):
    _with_ann(small_authority)
    dialog.reload("ann")
    change = dialog.change_role()
    assert change.ui.login.isReadOnly() and change.ui.iro_name.currentText() == "Ann Able"
    users.deactivate(small_authority.uow, "ann")  # someone else, meanwhile
    change.ui.role.setCurrentIndex(change.ui.role.findData("manager"))
    assert not change.ui.iro_name.isEnabled()
    _save(qtbot, change)
    assert change.ui.conflict_box.isVisible() and "changed by someone else" in \
        change.ui.conflict_label.text()
    qtbot.mouseClick(change.ui.reload_button, Qt.MouseButton.LeftButton)
    assert chosen(change.ui.role) == "iro" and change.user.active is False
    change.ui.role.setCurrentIndex(change.ui.role.findData("manager"))
    _save(qtbot, change)
    assert ("ann", "Ann Example", "Manager", "", "Deactivated") in _shown(dialog)


def test_deactivate_reactivate_and_the_last_administrator_kept(qtbot, dialog, small_authority):
    _with_ann(small_authority)
    dialog.reload("ann")
    assert dialog.active_button.text() == "&Deactivate"
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    assert _shown(dialog)[0][-1] == "Deactivated" and dialog.active_button.text() == \
        "Re&activate"
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    assert _shown(dialog)[0][-1] == "Active" and dialog.question is None
    dialog.reload("tester")
    qtbot.mouseClick(dialog.active_button, Qt.MouseButton.LeftButton)
    assert dialog.question.isVisible() and "last active administrator" in \
        dialog.question.text()
    dialog.question.close()
    assert _shown(dialog)[1][-1] == "Active"


def test_every_command_has_its_own_key(dialog):
    keys = [QKeySequence.mnemonic(b.text()).toString()
            for b in (dialog.add_button, dialog.role_button, dialog.active_button)]
    assert all(keys) and len(set(keys)) == 3
    assert not dialog.view.tabKeyNavigation()  # Tab leaves the table for the buttons


def _window(qtbot, context, actor: Actor | None) -> MainWindow:
    if actor is not None:
        context = replace(context, uow=acting(context.uow, actor))
    win = MainWindow(Session(context, AS_OF), [ChildrenPage], today=AS_OF)
    qtbot.addWidget(win)
    return win


def test_users_is_offered_to_administrators_only(qtbot, small_authority):
    admin = _window(qtbot, small_authority, None)
    assert admin.actions_by_name["users"].isVisible()
    admin.actions_by_name["users"].trigger()
    opened = admin.findChild(UsersDialog)
    assert opened is not None and opened.isVisible()
    opened.close()
    for role in (Role.IRO, Role.MANAGER, Role.PANEL_ADMINISTRATOR):
        other = _window(qtbot, small_authority, Actor("x", role, iro_name="Ann Able"))
        action = other.actions_by_name["users"]
        assert not action.isVisible() and not action.isEnabled(), role
