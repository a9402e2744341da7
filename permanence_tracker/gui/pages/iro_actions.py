"""The IROs page's toolbar: Add IRO…, Edit IRO…, Retire / reinstate and Delete IRO….

Each action works on the IRO chosen in the caseload table, with its own key while the page
shows. An IRO whom any child, review or panel names has history and is never deleted: Delete
then says so and offers to retire them. After a change the session reloads, so every page
(and Add child's IRO list) shows it. Dialogs and questions open window-modal, not with
``exec``, and are kept on the toolbar (``dialog``, ``question``) for tests to answer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QToolBar, QWidget

from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.gui.dialogs.iro import AddIroDialog, EditIroDialog
from permanence_tracker.gui.shortcuts import make_action
from permanence_tracker.services.records import iros as svc

if TYPE_CHECKING:
    from permanence_tracker.gui.pages.iros import IrosPage

Button = QMessageBox.StandardButton


class IroToolbar(QToolBar):
    """The page's own toolbar, in the page's layout above the caseload table (not one of the
    window's movable toolbars), its actions enabled for what the chosen IRO allows."""

    def __init__(self, page: IrosPage, today: date) -> None:
        super().__init__("IRO actions", page)
        self.setObjectName("iroToolbar")
        self.setAccessibleName("IRO actions")
        self.setMovable(False)
        self.setFloatable(False)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.page = page
        self.today = today
        self.dialog: AddIroDialog | None = None
        self.question: QMessageBox | None = None
        self.add = self._action("Add IRO…", "Ctrl+Shift+N", self.add_iro,
                                "Add an IRO to the list, with their FTE")
        self.edit = self._action("Edit IRO…", "F2", self.edit_iro,
                                 "Change the chosen IRO's FTE, dual role or CP cases")
        self.retire = self._action("Retire / reinstate IRO", "Ctrl+Shift+A", self.toggle_active,
                                   "Retire the chosen IRO (kept with their history), or "
                                   "reinstate a retired one")
        self.delete = self._action("Delete IRO…", "Delete", self.delete_iro,
                                   "Delete an IRO entered by mistake (never one with history)")
        self.update_actions()

    def _action(self, text: str, keys: str, slot: Callable[[], object], tip: str):
        action = make_action(self.page, text, keys, slot, tip)  # the page's: its keys with it
        self.page.addAction(action)
        self.addAction(action)  # a toolbar's buttons take no Tab focus: the keys reach them
        return action

    def chosen(self) -> svc.IroRow | None:
        """The chosen IRO as the list has them (None: nobody, or named but not listed)."""
        return self.page.listed.get(self.page.selected_iro() or "")

    def update_actions(self) -> None:
        row = self.chosen()
        for action in (self.edit, self.retire, self.delete):
            action.setEnabled(row is not None)
        self.retire.setText("Reinstate IRO" if row is not None and not row.active
                            else "Retire IRO")

    # -- the commands ------------------------------------------------------------------
    def _open(self, dialog: AddIroDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(lambda iro: self._changed(iro.name))
        dialog.open()

    def add_iro(self) -> None:
        self._open(AddIroDialog(self.page.session.uow, self.today, "", self.page))

    def edit_iro(self) -> None:
        row = self.chosen()
        if row is not None:
            self._open(EditIroDialog(self.page.session.uow, self.today, row, self.page))

    def toggle_active(self) -> None:
        row = self.chosen()
        if row is None:
            return
        change = svc.retire_iro if row.active else svc.reinstate_iro
        self._attempt(lambda: change(self.page.session.uow, row.name, row.version), row.name)

    def delete_iro(self) -> None:
        row = self.chosen()
        if row is None:
            return
        if row.has_history:
            self._ask(f"{row.name} cannot be deleted",
                      f"{row.name} is named on children's, reviews' or panels' records, so "
                      "deleting them would leave those records naming nobody. Retire them "
                      "instead: they keep their history, and no child is newly allocated to "
                      "them." + ("" if row.active else f" {row.name} is already retired."),
                      Button.Ok if not row.active else Button.Cancel,
                      None if not row.active else ("Retire", self.toggle_active))
            return
        self._ask(f"Delete {row.name}?",
                  f"Delete {row.name} from the IRO list? No record names them. The deletion "
                  "is kept in the audit trail.", Button.Cancel,
                  ("Delete", lambda: self._attempt(lambda: svc.delete_iro(
                      self.page.session.uow, row.name, row.version), None)))

    def _ask(self, title: str, text: str, default: Button,
             act: tuple[str, Callable[[], None]] | None) -> None:
        box = QMessageBox(QMessageBox.Icon.Question if act else QMessageBox.Icon.Information,
                          title, text, default, self.page)
        if act is not None:
            button = box.addButton(act[0], QMessageBox.ButtonRole.AcceptRole)
            button.clicked.connect(act[1])
        box.setDefaultButton(default)
        self.question = box
        box.open()

    def _attempt(self, change: Callable[[], object], keep: str | None) -> None:
        try:
            change()
        except TrackerError as error:
            self.question = QMessageBox(QMessageBox.Icon.Warning, "IRO not changed",
                                        str(error), Button.Ok, self.page)
            self.question.open()
            self._changed(keep)  # someone else's change: show it
            return
        self._changed(keep)

    def _changed(self, name: str | None) -> None:
        """Re-read the list and every figure, then choose ``name`` again."""
        self.page.reload_choosing(name)


def parent_today(parent: QWidget | None) -> date:
    """The app's today (the main window's), else the computer's."""
    today = getattr(parent, "today", None)
    return today if isinstance(today, date) else date.today()
