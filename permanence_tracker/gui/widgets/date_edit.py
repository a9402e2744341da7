"""The one date field of the app: :class:`DateEdit`, a QDateEdit that takes a typed date whole.

A plain QDateEdit edits its day, month and year as separate sections: Ctrl+A and typing
``31/03/2026`` landed the keys in the wrong sections and gave 02/03/2026, silently. Here the
text is read as a whole when editing finishes (Enter, or leaving the field): ``dd/mm/yyyy``,
``d/m/yyyy``, with ``/``, ``-`` or ``.`` between, typed or pasted. Text that is not such a date,
or names a day that does not exist (31/02/2026), or lies outside the field's range, is refused:
the field keeps its date and :attr:`DateEdit.problem` says why (shown on the field, and by the
dialog next to it). Nothing is guessed. The date changes (``dateChanged``) only when a whole
date is entered, never on each keystroke. Arrow keys and the calendar work as before.

Designer forms use it by promotion (``<customwidget>`` DateEdit extends QDateEdit, header
``permanence_tracker.gui.widgets.date_edit``); code creates it directly.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from PySide6.QtCore import QDate, QDateTime, QEvent, QPoint, Qt, QTime, Signal
from PySide6.QtGui import QFocusEvent, QGuiApplication, QKeyEvent, QKeySequence, QValidator
from PySide6.QtWidgets import QApplication, QDateEdit, QToolTip, QWidget

from permanence_tracker.domain.calendar import uk_date

DISPLAY_FORMAT = "dd/MM/yyyy"
HOW = "type it as dd/mm/yyyy, for example 31/03/2026"
_FULL = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")
_EDIT_KEYS = (Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
_SELECT_ALL_ON = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                  Qt.FocusReason.ShortcutFocusReason, Qt.FocusReason.OtherFocusReason)


def read_date(text: str) -> date:
    """The date ``text`` names (day first), or ValueError saying why it is not one."""
    shown = text.strip()
    match = _FULL.fullmatch(shown)
    if match is None:
        raise ValueError(f"“{shown}” is not a date: {HOW}" if shown
                         else f"no date entered: {HOW}")
    day, month, year = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"{shown} is not a date: there is no month {month}")
    last = calendar.monthrange(year, month)[1] if year >= 1 else 0
    if not 1 <= day <= last:
        month_name = f"{calendar.month_name[month]} {year}"
        raise ValueError(f"{shown} is not a date: {month_name} has {last} days")
    return date(year, month, day)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DateEdit(QDateEdit):
    """A date field read as a whole date when editing finishes; see the module docstring."""

    problem_changed = Signal(str)  # why the last entry was refused; "" once a date is entered

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setCalendarPopup(True)
        self.setKeyboardTracking(False)  # dateChanged on Enter or leaving, not per keystroke
        self._problem = ""
        self._dirty = False  # the user changed the text since the date was last settled
        self._settled = self.date()
        self.lineEdit().textEdited.connect(self._edited)
        self.dateChanged.connect(self._date_changed)

    # -- what the field holds ------------------------------------------------------------
    @property
    def problem(self) -> str:
        """Why the last entry was refused ("" when the field holds what was entered)."""
        return self._problem

    def commit(self) -> bool:
        """Settle the text being typed (as Enter does); False when it was refused."""
        self._check()
        self.interpretText()
        return not self._problem

    def _read(self, text: str) -> date:
        if self.specialValueText() and text.strip() in ("", self.specialValueText()):
            day = self.minimumDate().toPython()  # "Not recorded"
            assert isinstance(day, date)
            return day
        day = read_date(text)
        low, high = self.minimumDate().toPython(), self.maximumDate().toPython()
        assert isinstance(low, date) and isinstance(high, date)
        if day > high:
            raise ValueError(f"{uk_date(day)} is after {uk_date(high)}, the latest date here")
        if day < low and not self.specialValueText():
            raise ValueError(f"{uk_date(day)} is before {uk_date(low)}, the earliest date here")
        if day < low:
            raise ValueError(f"{uk_date(day)} is before {uk_date(low)}, the earliest date here "
                             f"(leave it empty for “{self.specialValueText()}”)")
        return day

    def _check(self) -> None:
        """Read what the user typed, if anything: refuse it with a reason, or accept it."""
        if not self._dirty:
            return
        self._dirty = False
        try:
            self._read(self.lineEdit().text())
        except ValueError as error:
            self._set_problem(str(error))  # Qt then puts the field's date back
        else:
            self._set_problem("")

    def _set_problem(self, text: str) -> None:
        if text == self._problem:
            return
        self._problem = text
        self.setAccessibleDescription(text)
        if text and self.isVisible():
            QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), text, self)
        self.problem_changed.emit(text)

    def _edited(self, _text: str) -> None:
        self._dirty = True

    def _date_changed(self, day: QDate) -> None:
        if day != self._settled:  # a new date (typed, chosen or set) ends an old refusal
            self._settled = day
            self._dirty = False
            self._set_problem("")

    # -- QAbstractSpinBox: the whole text is one date --------------------------------------
    def validate(self, text: str, pos: int) -> object:  # type: ignore[override]
        """Any text may stand while typing; only a whole date in range is Acceptable."""
        try:
            self._read(text)
        except ValueError:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos

    def fixup(self, text: str) -> str:
        return text  # never guess: an unreadable date stays unreadable and is refused

    def dateTimeFromText(self, text: str) -> QDateTime:
        return QDateTime(_qdate(self._read(text)), QTime(0, 0))

    # -- keys: characters go to the text as typed, not into day/month/year sections ---------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        line = self.lineEdit()
        if event.matches(QKeySequence.StandardKey.Paste):
            line.setText(QGuiApplication.clipboard().text().strip())  # replaces the field
            self._dirty = True
            return
        if event.matches(QKeySequence.StandardKey.SelectAll):
            line.selectAll()
            return
        typed = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                         | Qt.KeyboardModifier.AltModifier)
        if event.key() in _EDIT_KEYS or (plain and typed and typed.isprintable()):
            QApplication.sendEvent(line, event)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._check()
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() in _SELECT_ALL_ON:  # typing then replaces the whole date
            self.lineEdit().selectAll()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._check()
        super().focusOutEvent(event)

    def event(self, event: QEvent) -> bool:
        # Shortcut overrides (Ctrl+A, Ctrl+V) are ours while editing, not a window action's
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and (
                event.matches(QKeySequence.StandardKey.Paste)
                or event.matches(QKeySequence.StandardKey.SelectAll)):
            event.accept()
            return True
        return super().event(event)
