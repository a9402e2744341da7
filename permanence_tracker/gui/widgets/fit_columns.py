"""Table columns sized to their contents within a cap, with the full text as a tooltip.

A long value (an IRO's full name, a long placement) would otherwise either widen its column
past the window or be cut with "…" and no way to read it. :func:`fit_column` sizes a column
to its contents up to ``max_ems`` widths of "M"; :class:`ElidedTips` shows a cell's whole text
as its tooltip whenever the column is too narrow for it (a model's own tooltip comes first).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QToolTip

MAX_EMS = 22  # widest a fitted column grows, in widths of "M"
PADDING_EMS = 1.5  # the cell's margins and the sort arrow, roughly


def fit_column(view: QTableView, column: int, max_ems: int = MAX_EMS) -> None:
    """Size ``column`` to its contents and title, but no wider than ``max_ems``."""
    view.resizeColumnToContents(column)
    em = view.fontMetrics().horizontalAdvance("M")
    header = view.horizontalHeader()
    header.resizeSection(column, min(header.sectionSize(column), em * max_ems))


def is_elided(view: QAbstractItemView, text: str, width: int) -> bool:
    """Whether one line of ``text`` is wider than a cell ``width`` pixels wide can show."""
    metrics = view.fontMetrics()
    room = width - int(metrics.horizontalAdvance("M") * PADDING_EMS / 2)
    return any(metrics.horizontalAdvance(line) > room for line in text.splitlines())


class ElidedTips(QObject):
    """Event filter on a view's viewport: a cut cell's tooltip is its whole text."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        index = self.view.indexAt(event.pos())
        if not index.isValid() or index.data(Qt.ItemDataRole.ToolTipRole):
            return False  # the model's own tooltip, if any, is shown as usual
        text = self.tip_for(index.row(), index.column())
        if not text:
            return False
        QToolTip.showText(event.globalPos(), text, self.view.viewport())
        return True

    def tip_for(self, row: int, column: int) -> str:
        """The full text of the cell when its column cuts it, else ""."""
        model = self.view.model()
        text = str(model.data(model.index(row, column)) or "")
        width = self.view.visualRect(model.index(row, column)).width()
        return text if text and is_elided(self.view, text, width) else ""
