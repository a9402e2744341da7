"""Field helpers the panel dialogs share; the forms themselves are Qt Designer files
(ui/panel_*.ui, compiled to gui/forms/ui_panel_*.py by scripts/build_ui).

An optional date (the minutes received, the ADM's decision) has no empty state in a
QDateEdit, so its minimum date stands for "not recorded": the form sets ``minimumDate`` to
:data:`NOT_RECORDED` and ``specialValueText`` to "Not recorded". The fields are the app's one
date field (``DateEdit``, promoted in the forms): emptying one sets it to "Not recorded".
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QPlainTextEdit, QWidget

from permanence_tracker.gui.dialogs.base import choose, fill_codes, get_date, set_date

NOT_RECORDED = QDate(2000, 1, 1)  # the minimumDate of the optional dates in the .ui forms
TEXT_LINES = 5  # a notes box shows this many lines before it scrolls


def optional_date(edit: QDateEdit) -> date | None:
    return None if edit.date() == NOT_RECORDED else get_date(edit)


def set_optional_date(edit: QDateEdit, day: date | None) -> None:
    if day is None:
        edit.setDate(NOT_RECORDED)
    else:
        set_date(edit, day)


def fill_listed(combo: QComboBox, values: Iterable[str], current: str,
                blank: str | None = None) -> None:
    """Fill with ``values``; a stored value no longer in the list is kept as a choice."""
    values = tuple(values)
    listed = values + ((current,) if current and current not in values else ())
    fill_codes(combo, ((v, "") for v in listed), blank=blank)
    choose(combo, current)


def fit_text_boxes(form: QWidget) -> None:
    """Cap every notes box at a few lines, in text units so it scales with the font."""
    for edit in form.findChildren(QPlainTextEdit):
        edit.setMaximumHeight(edit.fontMetrics().lineSpacing() * TEXT_LINES)
