"""Showing and printing a PDF report inside the app.

With Qt PDF (the ``PySide6-Pdf`` wheel: ``QtPdf`` / ``QtPdfWidgets``) the pages are shown in
a :class:`QPdfView` and printed by rendering each page onto a :class:`QPrinter`. Without it
the report opens in the system's PDF viewer (:class:`QDesktopServices`), which prints too.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from permanence_tracker.files import write_whole

try:
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView
except ImportError:  # Qt PDF is a separate wheel; the viewer fallback needs nothing
    QT_PDF = False
else:
    QT_PDF = True

PRINT_DPI = 300  # enough for text; a 1200 dpi A4 page image would need half a gigabyte


def have_qt_pdf() -> bool:
    return QT_PDF


class PdfPreview(QWidget):
    """The pages of one PDF, fitted to the width; empty until :meth:`load`."""

    def __init__(self, parent: QWidget | None = None, use_qt_pdf: bool | None = None) -> None:
        super().__init__(parent)
        self.embedded = have_qt_pdf() if use_qt_pdf is None else use_qt_pdf and have_qt_pdf()
        self.pdf = b""
        self._buffer: QBuffer | None = None
        # Both None unless embedded (no Qt PDF, or the caller asked for the system viewer).
        self.document: QPdfDocument | None = None
        self.view: QPdfView | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if self.embedded:
            self.document = QPdfDocument(self)
            self.view = QPdfView(self)
            self.view.setDocument(self.document)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self.view.setAccessibleName("Report preview")
            layout.addWidget(self.view)
        else:
            self.note = QLabel("The preview opens in your PDF viewer (Qt PDF is not installed).")
            self.note.setWordWrap(True)
            self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(self.note)

    def load(self, pdf: bytes) -> None:
        self.pdf = pdf
        if self.document is None:  # not embedded
            return
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer  # the document reads from it while shown

    def page_count(self) -> int:
        return self.document.pageCount() if self.document is not None else 0

    def print_to(self, printer: QPrinter) -> int:
        """Render every page onto ``printer`` (Qt PDF only); returns the pages printed."""
        document = self.document  # None unless embedded
        if document is None or not self.page_count():
            return 0
        painter = QPainter()
        if not painter.begin(printer):
            raise OSError("the printer could not be started")
        try:
            for page in range(self.page_count()):
                if page:
                    printer.newPage()
                _paint_page(document, painter, printer, page)
        finally:
            painter.end()
        return self.page_count()


def _paint_page(document: QPdfDocument, painter: QPainter, printer: QPrinter, page: int
                ) -> None:
    size = document.pagePointSize(page)  # points: 1/72 inch
    pixels = QSize(round(size.width() * PRINT_DPI / 72), round(size.height() * PRINT_DPI / 72))
    image = document.render(page, pixels)
    target = printer.pageLayout().paintRectPixels(printer.resolution())
    scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
    painter.drawImage(QRect(0, 0, scaled.width(), scaled.height()), image)


def open_in_viewer(pdf: bytes, name: str) -> Path:
    """Write ``pdf`` to a private temporary file and open it with the system's PDF viewer."""
    folder = Path(tempfile.mkdtemp(prefix="permanence-report-"))
    path = folder / f"{name}.pdf"
    write_whole(path, lambda out: out.write(pdf))  # 0600: a child's report
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
    return path
