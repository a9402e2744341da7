"""Adding an IRO where a record names one who is not on the list (issue 10 item 3), and adding
or editing one from the IROs page's toolbar.

:class:`AddIroDialog` asks for the IRO's FTE, dual role and child protection cases: FTE has no
default, because a guessed FTE would change every per-FTE caseload figure.
:class:`EditIroDialog` changes them (and the name, while no record names the IRO), refusing a
stale edit with the base dialog's Reload banner. :class:`OffersIro`
is mixed into the child and review dialogs: their IRO problem shows under the IRO box, and
when the name is not an IRO (``NOT_AN_IRO``) a button offers to add them, then saves again.

The form is built here in code, not in Designer: it is small, and the child and review forms
gain their IRO problem label and offer without a change to their ``.ui`` sources.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from permanence_tracker.domain.entities import Iro
from permanence_tracker.domain.errors import Problem, ValidationError
from permanence_tracker.gui.dialogs.base import RecordDialog, _problem_palette, chosen
from permanence_tracker.gui.dialogs.code_form import CodeForm, error_label
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records import iros as iro_records
from permanence_tracker.services.unit_of_work import UowFactory


def _position(grid: QGridLayout, index: int) -> tuple[int, int, int, int]:
    """Row, column, row span, column span (typed ``object`` by PySide6)."""
    return cast(tuple[int, int, int, int], grid.getItemPosition(index))


def _insert_rows(grid: QGridLayout, after: int, count: int) -> None:
    """Move every item below row ``after`` down ``count`` rows (a grid cannot insert rows)."""
    moved = []
    for index in reversed(range(grid.count())):
        row, column, rows, columns = _position(grid, index)
        item = grid.itemAt(index) if row > after else None
        if item is not None:
            grid.takeAt(index)
            moved.append((item, row + count, column, rows, columns))
    for item, row, column, rows, columns in moved:
        grid.addItem(item, row, column, rows, columns)


class _IroForm(CodeForm):
    """The IRO form: name, FTE, dual role, CP cases."""

    INTRO = ("Record this IRO once, with their full-time equivalent: the caseload figures "
             "count looked-after children per FTE.")
    FIELDS = (("name", "&Name"), ("fte", "&FTE *"), ("dual_role", ""), ("cp_cases", "&CP cases"))

    def make_fields(self) -> None:
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setAccessibleName("IRO name")
        self.fte = QLineEdit()
        self.fte.setObjectName("fte")
        self.fte.setAccessibleName("Full-time equivalent")
        self.fte.setPlaceholderText("e.g. 1 or 0.8")
        self.dual_role = QCheckBox("&Dual role (also chairs child protection conferences)")
        self.dual_role.setObjectName("dual_role")
        self.cp_cases = QSpinBox()
        self.cp_cases.setObjectName("cp_cases")
        self.cp_cases.setRange(0, 999)
        self.cp_cases.setAccessibleName("Child protection cases")


class AddIroDialog(RecordDialog):
    """Add one IRO, the name filled in from the record being saved; ``saved`` gives the Iro."""

    FORM = _IroForm

    def __init__(self, uow_factory: UowFactory, today: date, name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, parent)
        self.setWindowTitle("Add an IRO")
        self.ui.name.setText(name)
        self.ui.dual_role.toggled.connect(self._dual_role)
        self._dual_role(False)
        self.ui.fte.setFocus()

    def _dual_role(self, dual: bool) -> None:
        """Only a dual-role IRO holds child protection cases."""
        self.ui.cp_cases.setEnabled(dual)
        if not dual:
            self.ui.cp_cases.setValue(0)

    def _fields(self) -> Iro:
        """The IRO the form describes (version 0); an FTE that is no number is refused."""
        ui = self.ui
        text = ui.fte.text().strip().replace(",", ".")
        try:
            fte = float(text)
        except ValueError:
            words = (f"{ui.fte.text().strip()!r} is not a number: enter" if text
                     else "is required,")
            raise ValidationError([Problem("fte", f"{words} e.g. 1 or 0.8")]) from None
        return Iro(ui.name.text().strip(), fte, ui.dual_role.isChecked(), ui.cp_cases.value())

    def store(self) -> Iro:
        return iro_records.add_iro(self.uow_factory, self._fields())


class EditIroDialog(AddIroDialog):
    """Edit one IRO of the list (``row``, as the IROs page read it); ``saved`` gives the Iro."""

    def __init__(self, uow_factory: UowFactory, today: date, row: iro_records.IroRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(uow_factory, today, row.name, parent)
        self.setWindowTitle(f"Edit IRO {row.name}")
        self.ui.intro.setText("The caseload figures count looked-after children per FTE. "
                              + ("Records name this IRO, so the name is kept: add a new IRO "
                                 "and retire this one to change it." if row.has_history
                                 else "The name can change while no record names them."))
        self.row = row
        self._show(row)

    def _show(self, row: iro_records.IroRow) -> None:
        self.row = row
        ui = self.ui
        ui.name.setText(row.name)
        ui.name.setReadOnly(row.has_history)
        ui.fte.setText(f"{row.fte:g}" if row.fte > 0 else "")  # not set: asked, never shown 0
        ui.dual_role.setChecked(row.dual_role)
        self._dual_role(row.dual_role)
        ui.cp_cases.setValue(row.cp_cases)

    def store(self) -> Iro:
        changed = self._fields()
        return iro_records.update_iro(self.uow_factory, self.row.name, Iro(
            changed.name, changed.fte, changed.dual_role, changed.cp_cases, self.row.active,
            self.row.version))

    def load(self) -> None:
        """Reload after a conflict: the IRO as stored now."""
        now = next((r for r in iro_records.iro_list(self.uow_factory)
                    if r.name == self.row.name), None)
        if now is not None:
            self._show(now)


class OffersIro:
    """Mixed into a :class:`RecordDialog` whose form has an ``iro`` combo box: call
    :meth:`offer_iro_setup` after ``super().__init__``."""

    ui: Any
    uow_factory: UowFactory
    today: date
    iro_dialog: AddIroDialog | None = None

    def offer_iro_setup(self) -> None:
        """Put a problem label and the (hidden) offer in new grid rows under the IRO box."""
        combo: QComboBox = self.ui.iro
        assert isinstance(self, QWidget)
        grid = next(g for g in self.findChildren(QGridLayout) if g.indexOf(combo) >= 0)
        row, column, _, columns = _position(grid, grid.indexOf(combo))
        _insert_rows(grid, row, 2)
        self.ui.iro_error = error_label("iro_error")
        _problem_palette(self.ui.iro_error)
        self.ui.iro_error.hide()
        grid.addWidget(self.ui.iro_error, row + 1, column, 1, columns)
        self.add_iro_button = QPushButton()
        self.add_iro_button.setObjectName("add_iro_button")
        self.add_iro_button.hide()
        self.add_iro_button.clicked.connect(self.offer_iro)
        grid.addWidget(self.add_iro_button, row + 2, column, 1, columns)
        QWidget.setTabOrder(combo, self.add_iro_button)

    def clear_problems(self) -> None:
        super().clear_problems()  # type: ignore[misc]
        if hasattr(self, "add_iro_button"):
            self.add_iro_button.hide()

    def show_problems(self, problems) -> None:
        problems = list(problems)
        super().show_problems(problems)  # type: ignore[misc]
        if hasattr(self, "add_iro_button") and any(
                p.field == "iro" and records.NOT_AN_IRO in p.message for p in problems):
            self.add_iro_button.setText(f"Add IRO '{chosen(self.ui.iro)}'…")
            self.add_iro_button.show()

    def offer_iro(self) -> None:
        """Ask for the new IRO's details; once added, choose them and save again."""
        assert isinstance(self, QWidget)
        self.iro_dialog = AddIroDialog(self.uow_factory, self.today, chosen(self.ui.iro), self)
        self.iro_dialog.saved.connect(self._iro_added)
        self.iro_dialog.open()

    def _iro_added(self, iro: Iro) -> None:
        combo: QComboBox = self.ui.iro
        if combo.findText(iro.name) < 0:
            combo.addItem(iro.name)
        combo.setCurrentText(iro.name)
        self.save()  # type: ignore[attr-defined]
