"""The panel dialogs' forms, built in code with the same parts as the Designer forms.

Each form has what :class:`RecordDialog` expects: ``intro``, ``form_error``, ``conflict_box``
with ``conflict_label`` and ``reload_button``, and for every field ``<name>``,
``<name>_label`` (its buddy) and ``<name>_error`` (its problem, under it), then ``buttons``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

NOT_RECORDED = QDate(2000, 1, 1)  # an optional date's "blank": shown as its special text


def date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    return edit


def optional_date_edit() -> QDateEdit:
    """A date that may be blank: its minimum date reads "Not recorded"."""
    edit = date_edit()
    edit.setMinimumDate(NOT_RECORDED)
    edit.setSpecialValueText("Not recorded")
    return edit


def text_edit() -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * 5)
    return edit


def _plain_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


Field = tuple[str, str, Callable[[], QWidget], str]  # name, label, factory, accessible name


class CodeForm:
    TITLE = ""
    INTRO = ""
    FIELDS: tuple[Field, ...] = ()

    def setupUi(self, dialog: QDialog) -> None:  # noqa: N802 - as Designer forms
        dialog.setWindowTitle(self.TITLE)
        layout = QVBoxLayout(dialog)
        self.intro = _plain_label()
        self.intro.setText(self.INTRO)
        self.form_error = _plain_label()
        self.form_error.setAccessibleName("Problems")
        self.conflict_box = QFrame()
        self.conflict_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.conflict_box.setAccessibleName("Someone else changed this record")
        self.conflict_label = _plain_label()
        self.reload_button = QPushButton("Re&load")
        self.reload_button.setAccessibleName("Reload the record")
        self.reload_button.setToolTip("Read the record again as the other person saved it; "
                                      "your changes in this dialog are replaced")
        row = QHBoxLayout(self.conflict_box)
        row.addWidget(self.conflict_label, 1)
        row.addWidget(self.reload_button)
        grid = QGridLayout()
        for number, (name, caption, factory, accessible) in enumerate(self.FIELDS):
            label, widget, error = QLabel(caption), factory(), _plain_label()
            widget.setAccessibleName(accessible)
            label.setBuddy(widget)
            error.setAccessibleName(f"Problem with {accessible.lower()}")
            grid.addWidget(label, 2 * number, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget, 2 * number, 1)
            grid.addWidget(error, 2 * number + 1, 1)
            setattr(self, name, widget)
            setattr(self, f"{name}_label", label)
            setattr(self, f"{name}_error", error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.Save)
        for part in (self.intro, self.form_error, self.conflict_box):
            layout.addWidget(part)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addWidget(self.buttons)


class PanelForm(CodeForm):
    TITLE = "Panel meeting"
    INTRO = ("A sitting of a panel. Whether it was quorate is recorded once it has met: a "
             "panel that is not quorate makes no recommendations.")
    FIELDS = (
        ("date", "&Date *", date_edit, "Date of the panel"),
        ("type", "&Type *", QComboBox, "Panel type"),
        ("chair", "&Chair *", QLineEdit, "Chair"),
        ("members", "&Members present", text_edit, "Members present, one a line"),
        ("quorate", "&Quorate", QComboBox, "Quorate"),
        ("venue", "&Venue", QLineEdit, "Venue"),
        ("notes", "&Notes", text_edit, "Notes"),
    )


class ItemForm(CodeForm):
    TITLE = "Agenda item"
    INTRO = "What the panel considers: about a child, carers, or both."
    FIELDS = (
        ("business", "&Business *", QComboBox, "Business"),
        ("child_id", "C&hild ID", QLineEdit, "Child ID"),
        ("carers", "C&arers", QLineEdit, "Carers"),
        ("terms", "&Terms of approval", QLineEdit, "Terms of approval"),
    )


class RecommendationForm(CodeForm):
    TITLE = "Panel recommendation"
    INTRO = "The panel's recommendation is unconditional; the minutes record its reasons."
    FIELDS = (
        ("recommendation", "&Recommendation *", QComboBox, "Recommendation"),
        ("reasons", "R&easons", text_edit, "Reasons"),
        ("dissent", "&Dissent", text_edit, "Dissent"),
    )


class DecisionForm(CodeForm):
    TITLE = "Agency decision maker"
    INTRO = ("The agency decision maker decides within 7 working days of receiving the panel "
             "minutes (Fostering NMS 2011 standard 14; Adoption NMS 2014 standard 17).")
    FIELDS = (
        ("minutes_received", "&Minutes received *", optional_date_edit,
         "Date the ADM received the minutes"),
        ("adm_decision", "&Decision", QComboBox, "ADM decision"),
        ("adm_decision_date", "Decision &date", optional_date_edit, "Date of the decision"),
        ("adm_notes", "&Notes", text_edit, "Decision notes"),
    )
