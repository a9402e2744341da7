"""The small forms built in code rather than in Qt Designer (the IRO form, the user form):
the widgets :class:`~permanence_tracker.gui.dialogs.base.RecordDialog` expects of a form (an
intro, a form-wide problem, the stale-record banner with Reload, Save/Cancel) around a grid of
labelled fields, each with its problem label under it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def error_label(name: str) -> QLabel:
    """A field's problem label (RecordDialog fills it from a ValidationError)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setAccessibleName("Problem")
    return label


class CodeForm:
    """A form's ``setupUi``: :meth:`make_fields` makes ``self.<field>`` widgets; :data:`FIELDS`
    lays them out, in order, as (field, label text) - the label's & gives the field its key."""

    INTRO = ""
    FIELDS: tuple[tuple[str, str], ...] = ()

    def make_fields(self) -> None:
        raise NotImplementedError

    def setupUi(self, dialog: QWidget) -> None:  # noqa: N802 - the name uic forms use
        main = QVBoxLayout(dialog)
        self.intro = QLabel(self.INTRO)
        self.intro.setWordWrap(True)
        self.form_error = error_label("form_error")
        self.conflict_box = QFrame()
        self.conflict_label = QLabel()
        self.conflict_label.setWordWrap(True)
        self.reload_button = QPushButton("&Reload")
        conflict = QHBoxLayout(self.conflict_box)
        conflict.addWidget(self.conflict_label, 1)
        conflict.addWidget(self.reload_button)
        self.make_fields()
        form = QGridLayout()
        for row, (field, text) in enumerate(self.FIELDS):
            widget = getattr(self, field)
            widget.setObjectName(field)
            label = QLabel(text)
            label.setBuddy(widget)
            setattr(self, f"{field}_label", label)
            error = error_label(f"{field}_error")
            setattr(self, f"{field}_error", error)
            form.addWidget(label, 2 * row, 0)
            form.addWidget(widget, 2 * row, 1)
            form.addWidget(error, 2 * row + 1, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        for widget in (self.intro, self.form_error, self.conflict_box):
            main.addWidget(widget)
        main.addLayout(form)
        main.addWidget(self.buttons)
