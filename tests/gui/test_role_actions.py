"""The app offers a role only what it may do (issue 12): an IRO sees no import, settings,
restore or Audit page, and the status bar says "Role: IRO"; the single user of a laptop
tracker (an administrator) sees them all. The services refuse anyway
(tests/integration/test_every_entry_point_by_role.py)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from permanence_tracker.domain.roles import Actor, Role
from permanence_tracker.gui.main_window import PERMISSIONS, MainWindow
from permanence_tracker.gui.pages.registry import PAGES
from permanence_tracker.gui.session import Session
from permanence_tracker.services.authorization import acting

AS_OF = date(2026, 3, 31)  # as in tests/gui/conftest.py
ADMIN_ONLY = ("import903", "import_spreadsheet", "settings", "restore", "passphrase")

pytestmark = pytest.mark.usefixtures("isolated_settings")  # tests/gui/conftest.py


def _window(qtbot, context, actor: Actor | None) -> MainWindow:
    if actor is not None:
        context = replace(context, uow=acting(context.uow, actor))
    win = MainWindow(Session(context, AS_OF), PAGES, today=AS_OF)
    qtbot.addWidget(win)
    return win


def _audit(win: MainWindow) -> int:
    return next(n for n, page in enumerate(win.pages) if page.title == "Audit")


def test_an_iro_is_offered_only_what_an_iro_may_do(qtbot, small_authority):
    win = _window(qtbot, small_authority, Actor("ann", Role.IRO, iro_name="Ann Able"))
    for name in ADMIN_ONLY:
        action = win.actions_by_name[name]
        assert not action.isVisible() and not action.isEnabled(), name
    number = _audit(win)
    assert not win.actions_by_name[f"page:{number}"].isVisible()
    assert win.nav.item(number).isHidden()
    assert win.role_label.text() == "Role: IRO"
    assert win.actions_by_name["refresh"].isVisible()  # everyone's


def test_the_laptops_single_user_is_offered_everything(qtbot, small_authority):
    win = _window(qtbot, small_authority, None)
    for name in PERMISSIONS:
        assert win.actions_by_name[name].isVisible(), name
    assert not win.nav.item(_audit(win)).isHidden()
    assert win.role_label.text().startswith("Role: ")
