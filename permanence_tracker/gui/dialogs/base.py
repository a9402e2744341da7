"""What every record dialog shares: problems shown next to their fields, conflicts shown.

A dialog's Save calls a service. On :class:`ValidationError` each problem's message appears in
the error label under its field (``<field>_error`` in the form) and the dialog stays open with
the user's input intact. A typed date that cannot be read is refused the same way, by the
date field itself (:class:`DateEdit`), before the service is called. On
:class:`ConflictError` a banner says someone else changed the record, nothing is overwritten,
and Reload reads their version.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from permanence_tracker.domain.errors import (
    ConflictError,
    NotFoundError,
    Problem,
    TrackerError,
    ValidationError,
)
from permanence_tracker.gui.widgets.date_edit import DateEdit
from permanence_tracker.services.unit_of_work import UowFactory

MARK = "⚠"  # a marker, so a problem never shows by colour alone


def set_date(edit: QDateEdit, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def get_date(edit: QDateEdit) -> date:
    day = edit.date().toPython()  # typed object by PySide6; a QDateEdit's is always a date
    assert isinstance(day, date)
    return day


def fill_codes(combo: QComboBox, items: Iterable[tuple[str, str]], blank: str | None = None
               ) -> None:
    """Fill a combo with (code, label) pairs shown as "code – label"; the code is the data."""
    combo.clear()
    if blank is not None:
        combo.addItem(blank, "")
    for code, label in items:
        combo.addItem(f"{code} – {label}" if label and label != code else code, code)


def choose(combo: QComboBox, code: str) -> None:
    index = combo.findData(code)
    if index >= 0:
        combo.setCurrentIndex(index)
    elif combo.isEditable():
        combo.setEditText(code)


def chosen(combo: QComboBox) -> str:
    if combo.isEditable():
        return combo.currentText().strip()
    data = combo.currentData()
    return data if isinstance(data, str) else combo.currentText()


def _problem_palette(label: QLabel) -> None:
    """A red that reads on the system's light or dark window colour."""
    palette = label.palette()
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#ff8a80" if dark else "#b71c1c"))
    label.setPalette(palette)


class RecordDialog(QDialog):
    """Base of the record dialogs; subclasses set ``FORM`` and implement ``store``."""

    FORM: type
    ALIASES: dict[str, str] = {}  # service problem field -> form field name
    saved = Signal(object)  # the stored record(s)

    def __init__(self, uow_factory: UowFactory, today: date, parent: QWidget | None = None
                 ) -> None:
        super().__init__(parent)
        self.uow_factory = uow_factory
        self.today = today
        self.ui = self.FORM()
        self.ui.setupUi(self)
        self.result_record: Any = None
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.reload_button.clicked.connect(self.reload)
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Save).setAccessibleName("Save")
        for label in (*self._error_labels().values(), self.ui.form_error):
            _problem_palette(label)
            label.setWordWrap(True)  # a long message wraps; fit_to_messages gives it the room
        for edit in self.findChildren(QDateEdit):
            set_date(edit, today)
        for date_edit in self.date_edits():  # a refused date shows under its field at once
            date_edit.problem_changed.connect(partial(self._date_problem, date_edit.objectName()))
        for name in self._error_labels():  # a message goes once its field is edited
            self._clear_when_edited(name)
        # wide enough for the messages, in text units so it scales with the font
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.clear_problems()

    # -- hooks -------------------------------------------------------------------------
    def store(self) -> Any:
        """Call the service with the form's values; return what it stored."""
        raise NotImplementedError

    def load(self) -> None:
        """Fill the form from the database (edit dialogs; Reload after a conflict)."""

    # -- focus -------------------------------------------------------------------------
    def first_field(self) -> QWidget | None:
        """The first input field in tab order that can take focus (not a button)."""
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:
            if (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isEnabled()
                    and widget.isVisibleTo(self) and not isinstance(widget, QAbstractButton)
                    and not getattr(widget, "isReadOnly", lambda: False)()):
                return widget
            widget = widget.nextInFocusChain()
        return None

    def showEvent(self, event: QShowEvent) -> None:
        """Open on the first field, not on Save (QDialog would focus its default button)."""
        super().showEvent(event)
        if not event.spontaneous():
            field = self.first_field()
            if field is not None:
                field.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- problems ----------------------------------------------------------------------
    def _clear_when_edited(self, name: str) -> None:
        """Connect ``name``'s change signal to clearing its message (whatever its widget)."""
        field = getattr(self.ui, name, None)
        clear = partial(self._clear_problem, name)
        if isinstance(field, QDateEdit):
            field.dateChanged.connect(clear)
        elif isinstance(field, QAbstractSpinBox):
            getattr(field, "valueChanged", field.editingFinished).connect(clear)
        elif isinstance(field, QComboBox):
            field.currentIndexChanged.connect(clear)
            field.editTextChanged.connect(clear)
        elif isinstance(field, QLineEdit):
            field.textEdited.connect(clear)
        elif isinstance(field, (QPlainTextEdit, QTextEdit)):
            field.textChanged.connect(clear)
        elif isinstance(field, QAbstractButton):
            field.toggled.connect(clear)

    def _clear_problem(self, name: str, *_changed: object) -> None:
        """The field was edited: its message (if any) goes; a refused typed date keeps its own."""
        field = getattr(self.ui, name)
        if isinstance(field, DateEdit) and field.problem:
            return
        label = self._error_labels()[name]
        if label.isHidden() and not label.text():
            return
        label.clear()
        label.hide()
        field.setAccessibleDescription("")

    def _error_labels(self) -> dict[str, QLabel]:
        return {name[:-len("_error")]: widget for name, widget in vars(self.ui).items()
                if name.endswith("_error") and name != "form_error"
                and isinstance(widget, QLabel)}

    def clear_problems(self) -> None:
        for name, label in self._error_labels().items():
            label.clear()
            label.hide()
            field = getattr(self.ui, name, None)
            if field is not None:
                field.setAccessibleDescription("")
        self.ui.form_error.clear()
        self.ui.form_error.hide()
        self.ui.conflict_box.hide()

    def problem_text(self, field: str) -> str:
        """The text shown next to ``field`` ("" when it has no problem)."""
        label = self._error_labels().get(field)
        return label.text() if label is not None and not label.isHidden() else ""

    def date_edits(self) -> list[DateEdit]:
        return [edit for edit in self.findChildren(DateEdit) if edit.objectName()]

    def _date_problem(self, name: str, _problem: str = "") -> None:
        """Show (or clear) why the date typed in ``name`` was refused; focus stays put."""
        edit = getattr(self.ui, name)
        label = self._error_labels().get(name, self.ui.form_error)
        text = f"{MARK} {self._caption(name, edit.problem)}{edit.problem}" if edit.problem else ""
        label.setText(text)
        label.setVisible(bool(text))
        edit.setAccessibleDescription(text)
        self.fit_to_messages()

    def refused_dates(self) -> list[Problem]:
        """Settle every date being typed; the ones that could not be read."""
        return [Problem(edit.objectName(), edit.problem) for edit in self.date_edits()
                if not edit.commit()]

    def show_problems(self, problems: Iterable[Problem]) -> None:
        labels = self._error_labels()
        grouped: dict[str, list[str]] = {}
        for problem in problems:
            target = self.ALIASES.get(problem.field, problem.field)
            key = target if target in labels else ""
            text = problem.message if key else str(problem)
            if text not in grouped.setdefault(key, []):
                grouped[key].append(text)
        first: QWidget | None = None
        for key, messages in grouped.items():
            if not key:
                self.ui.form_error.setText("\n".join(f"{MARK} {m}" for m in messages))
                self.ui.form_error.show()
                continue
            text = "\n".join(f"{MARK} {self._caption(key, m)}{m}" for m in messages)
            labels[key].setText(text)
            labels[key].show()
            field = getattr(self.ui, key, None)
            if field is not None:
                field.setAccessibleDescription(text)
                first = first or field
        if first is not None:
            first.setFocus()
        self.fit_to_messages()

    def fit_to_messages(self) -> None:
        """Grow the dialog so every shown message fits whole, its last line included.

        A wrapped label needs more height at a given width than its one-line size hint says,
        and a dialog already on screen does not grow by itself when a label appears.
        """
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        width = self.width()
        needed = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                  else layout.totalSizeHint().height())
        if needed > self.height():
            self.resize(width, needed)

    def _caption(self, field: str, message: str) -> str:
        """The field's label before its message: "Date of birth is required", "Date held:
        01/01/2030 is in the future"."""
        buddy = getattr(self.ui, f"{field}_label", None)
        if buddy is None:
            return ""
        name = buddy.text().replace("&", "").rstrip(" *")
        verb = message.split(" ", 1)[0] in ("is", "was", "overlaps")
        return f"{name} " if verb else f"{name}: "

    def show_conflict(self, message: str) -> None:
        self.ui.conflict_label.setText(
            f"{MARK} Someone else changed this record after you opened it, so your change was "
            f"not saved and theirs was kept. ({message}) Press Reload to see their version, "
            "then make your change again.")
        self.ui.conflict_box.show()
        self.ui.reload_button.setFocus()
        self.fit_to_messages()

    # -- actions -----------------------------------------------------------------------
    def save(self) -> None:
        self.clear_problems()
        refused = self.refused_dates()
        if refused:  # never store a date the user did not enter
            self.show_problems(refused)
            return
        try:
            record = self.store()
        except ValidationError as error:
            self.show_problems(error.problems)
        except ConflictError as error:
            self.show_conflict(str(error))
        except NotFoundError as error:
            self.show_problems([Problem("", str(error))])
        except TrackerError as error:
            self.show_problems([Problem("", str(error))])
        else:
            self.result_record = record
            self.saved.emit(record)
            self.accept()

    def reload(self) -> None:
        self.clear_problems()
        self.load()
