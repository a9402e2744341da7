"""Dashboard tiles: a title, a large figure and a caption in words.

Fonts are sized from the application font (so they follow the user's scaling) and colours
come from the palette (light or dark). A tile that opens a list is a real push button: it
takes focus, Enter or Space presses it and assistive technology announces a button. A tile
that only informs is a plain frame, out of the Tab order. Either way its accessible name is
"title: figure" and its description the caption, so the figure is never only visual.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

FIGURE_SCALE = 2.0  # the figure, relative to the application font
WIDTH_EMS = 15  # a tile's minimum width, in widths of "M"


class _Body:
    """The three labels, laid out inside the tile widget ``host``."""

    def __init__(self, host: QWidget, title: str) -> None:
        self.title = title
        self.heading = QLabel(title)
        self.figure = QLabel("–")
        self.caption = QLabel()
        # Every line wraps, never elides: a long title ("... by the 2nd review") or figure
        # ("155 overdue") takes another line rather than being cut at the tile's edge.
        for label in (self.heading, self.figure, self.caption):
            label.setWordWrap(True)
        bold = QFont(host.font())
        bold.setBold(True)
        self.heading.setFont(bold)
        big = QFont(bold)
        big.setPointSizeF(max(bold.pointSizeF(), 6.0) * FIGURE_SCALE)
        self.figure.setFont(big)
        layout = self.layout = QVBoxLayout(host)  # the tile's size hints are the layout's
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        for label in (self.heading, self.figure, self.caption):
            # clicks and focus belong to the tile, not to its labels
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        layout.addStretch(1)
        host.setMinimumWidth(host.fontMetrics().horizontalAdvance("M") * WIDTH_EMS)

    def set(self, host: QWidget, figure: str, caption: str) -> None:
        self.figure.setText(figure)
        self.caption.setText(caption)
        host.setAccessibleName(f"{self.title}: {figure}")
        host.setAccessibleDescription(caption)
        host.setToolTip(caption)

class _Figured:
    """What both kinds of tile answer: set the figure and caption, and read them back."""

    body: _Body

    def set_figure(self, figure: str, caption: str) -> None:
        assert isinstance(self, QWidget)
        self.body.set(self, figure, caption)

    @property
    def figure(self) -> str:
        return self.body.figure.text()

    @property
    def caption(self) -> str:
        return self.body.caption.text()


class Tile(_Figured, QFrame):
    """A tile that informs only."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.body = _Body(self, title)


class ButtonTile(_Figured, QPushButton):
    """A tile that opens something (``clicked``)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = _Body(self, title)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoDefault(False)
        # fill the grid cell like the frame tiles (a push button is fixed-height by default)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override: the labels, not the empty text
        return self.body.layout.sizeHint().expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.body.layout.minimumSize()

    # A push button ignores its layout's height-for-width; wrapped lines need it (a frame
    # tile gets it from QWidget), so that a grid gives a narrow tile its extra lines.
    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self.body.layout.totalHeightForWidth(width)
