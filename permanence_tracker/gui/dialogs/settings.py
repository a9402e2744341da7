"""The Settings dialog (File ▸ Settings…): one labelled field per setting an administrator may
change, over :mod:`permanence_tracker.services.settings`.

A setting is a one-line field (text, code, number) or, for lists and closure days, a box with
one item per line; its description is the field's tooltip and placeholder. Save hands every
changed value to :func:`set_settings` at once: all are stored, or none, and each problem shows
under its own field with the user's input kept. This is not a :class:`RecordDialog`: that base
is built on a Designer form with fixed fields, and these fields come from the service's list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from permanence_tracker.domain.errors import Problem, ValidationError
from permanence_tracker.gui.dialogs.base import MARK
from permanence_tracker.gui.session import Session
from permanence_tracker.services.settings import SettingRow, list_settings, set_settings
from permanence_tracker.services.unit_of_work import UowFactory

MULTI_LINE = {"list": "; ", "dates": ", "}  # kind -> how list_settings joins its items


def caption(name: str) -> str:
    """A setting's label: "caseload_low" -> "Caseload low", "ico_weeks" -> "ICO weeks"."""
    words = name.replace("_", " ").capitalize()
    return "ICO" + words[3:] if words.startswith("Ico ") else words


def _problem_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    palette = label.palette()  # a red that reads on a light or dark window colour
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#ff8a80" if dark else "#b71c1c"))
    label.setPalette(palette)
    label.hide()
    return label


class SettingsDialog(QDialog):
    saved = Signal(object)  # the Settings now in force

    def __init__(self, uow_factory: UowFactory, parent: QWidget | None = None,
                 intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.intro = QLabel(intro)  # why the dialog opened by itself (a new tracker)
        self.intro.setWordWrap(True)
        self.intro.setVisible(bool(intro))
        self.uow_factory = uow_factory
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.shown: dict[str, str] = {}  # each field's text as opened: only changes are sent
        self.form_error = _problem_label()
        form = QFormLayout()
        for row in list_settings(uow_factory):
            self._add_field(form, row)
        body = QWidget()
        body.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.form_error)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        # Tall enough to show every setting unscrolled, where the screen has the room
        # (the screenshots showed a third of them in a small window).
        room = self.screen().availableGeometry().height() * 85 // 100
        self.resize(self.minimumWidth(), min(room, body.sizeHint().height()
                                             + self.buttons.sizeHint().height() + 48))

    def _add_field(self, form: QFormLayout, row: SettingRow) -> None:
        field: QLineEdit | QPlainTextEdit
        joiner = MULTI_LINE.get(row.kind)
        if joiner is None:
            field = QLineEdit(row.value)
            field.textEdited.connect(lambda _text, n=row.name: self._clear(n))
        else:  # one item a line: the service reads new lines as separators too
            items = [item for item in row.value.split(joiner.strip()) if item.strip()]
            field = QPlainTextEdit("\n".join(item.strip() for item in items))
            field.setTabChangesFocus(True)
            field.setMaximumHeight(field.fontMetrics().lineSpacing() * 6)
            field.textChanged.connect(lambda n=row.name: self._clear(n))
        field.setObjectName(row.name)
        field.setToolTip(row.description)
        field.setPlaceholderText(row.description)
        field.setAccessibleName(caption(row.name))
        label = QLabel(caption(row.name))
        label.setBuddy(field)
        error = _problem_label()
        column = QWidget()
        stack = QVBoxLayout(column)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(field)
        stack.addWidget(error)
        form.addRow(label, column)
        self.fields[row.name] = field
        self.errors[row.name] = error
        self.shown[row.name] = self.text(row.name)

    def text(self, name: str) -> str:
        field = self.fields[name]
        return field.text() if isinstance(field, QLineEdit) else field.toPlainText()

    def set_text(self, name: str, text: str) -> None:
        field = self.fields[name]
        if isinstance(field, QLineEdit):
            field.setText(text)
        else:
            field.setPlainText(text)

    def changes(self) -> dict[str, str]:
        return {name: self.text(name) for name in self.fields
                if self.text(name) != self.shown[name]}

    # -- problems ----------------------------------------------------------------------
    def problem_text(self, name: str) -> str:
        """The message under ``name`` ("" for none; the form's own for "")."""
        label = self.errors.get(name, self.form_error)
        return "" if label.isHidden() else label.text()

    def _clear(self, name: str) -> None:
        self.errors[name].clear()
        self.errors[name].hide()
        self.fields[name].setAccessibleDescription("")

    def clear_problems(self) -> None:
        for name in self.fields:
            self._clear(name)
        self.form_error.clear()
        self.form_error.hide()

    def show_problems(self, problems: list[Problem]) -> None:
        first: QWidget | None = None
        general: list[str] = []
        for problem in problems:
            label = self.errors.get(problem.field)
            if label is None:
                general.append(f"{MARK} {problem}")
                continue
            text = f"{MARK} {caption(problem.field)}: {problem.message}"
            label.setText("\n".join(filter(None, [label.text(), text])))
            label.show()
            self.fields[problem.field].setAccessibleDescription(label.text())
            first = first or self.fields[problem.field]
        if general:
            self.form_error.setText("\n".join(general))
            self.form_error.show()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- actions -----------------------------------------------------------------------
    def save(self) -> None:
        """Store every changed value, or none and say why under each field."""
        self.clear_problems()
        changes = self.changes()
        if not changes:
            self.accept()
            return
        try:
            settings = set_settings(self.uow_factory, changes)
        except ValidationError as error:
            self.show_problems(list(error.problems))
        else:
            self.saved.emit(settings)
            self.accept()


NEW_TRACKER = ("<b>Set up your authority.</b> This tracker is new: give the authority's name, "
               "which heads every report and export, and its ONS code, which the 903 check "
               "uses. Everything here can be changed later under File ▸ Settings….")


def open_settings_dialog(session: Session, parent: QWidget | None = None,
                         intro: str = "") -> SettingsDialog:
    """Open Settings; once saved, the session reloads so pages and reports use the new values."""
    dialog = SettingsDialog(session.uow, parent, intro)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.saved.connect(lambda _settings: session.reload())
    dialog.open()
    return dialog
