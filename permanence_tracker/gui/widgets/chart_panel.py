"""One dashboard chart: the QChartView, its figures in words, and "Save as PNG…".

The chart is rebuilt (not restyled) whenever the data or the palette changes, by the page's
``build`` function, so a switch between light and dark mode redraws it in the new colours.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCharts import QChart
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from permanence_tracker.files import write_whole
from permanence_tracker.gui.charts import make_view
from permanence_tracker.gui.saved import tell_not_saved, tell_saved

# QFileDialog.getSaveFileName's shape: (parent, caption, folder, filter) -> (path, filter).
SaveDialog = Callable[[QWidget, str, str, str], tuple[str, str]]
CHART_LINES = 18  # the chart's minimum height, in lines of the application font


class ChartPanel(QWidget):
    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.title = title
        self.view = make_view(QChart(), title)
        self.view.setMinimumHeight(self.fontMetrics().lineSpacing() * CHART_LINES)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setAccessibleName(f"{title}: figures")
        self.save_button = QPushButton("Save as PNG…")
        self.save_button.setAccessibleName(f"Save the chart “{title}” as PNG")
        self.save_button.setToolTip(f"Save the chart “{title}” as a PNG picture")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.ask_save)
        self.default_name = f"{key}.png"
        self.outcome: QMessageBox | None = None  # the last save's message (tests)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)

    def set_chart(self, chart: QChart, summary: str, rows: int = 0) -> None:
        """Show ``chart``; ``rows`` horizontal bars get two lines of height each (labels are
        elided, not wrapped, when a bar is thinner than a line of text)."""
        lines = self.fontMetrics().lineSpacing()
        self.view.setMinimumHeight(lines * max(CHART_LINES, 8 + 2 * rows))
        old = self.view.chart()
        self.view.setChart(chart)  # the view owns the new chart; the old one is ours to drop
        old.deleteLater()
        self.summary.setText(summary)
        self.view.setAccessibleDescription(summary)
        self.view.setToolTip(summary)

    def save_png(self, path: str | Path) -> Path:
        """Write the chart as it is shown to ``path`` (".png" added when missing)."""
        target = Path(path)
        if target.suffix.lower() != ".png":
            target = target.with_name(target.name + ".png")
        if not target.parent.is_dir():
            raise OSError(f"Cannot save “{self.title}” to {target}: the folder "
                          f"{target.parent} does not exist. Choose an existing folder.")
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        drawn = self.view.grab().save(buffer, "PNG")
        buffer.close()
        try:
            if not drawn:
                raise OSError("no picture")
            # 0600 and whole or not at all, as every file the product writes (files.py)
            write_whole(target, lambda out: out.write(bytes(data.data())))
        except OSError as exc:
            raise OSError(f"Cannot save “{self.title}” to {target}: the file could not be "
                          "written. Check that you may write to that folder and that the "
                          "disk is not full.") from exc
        return target

    def ask_save(self, _checked: bool = False, dialog: SaveDialog = QFileDialog.getSaveFileName
                 ) -> Path | None:
        path, _filter = dialog(self, f"Save “{self.title}” as PNG", self.default_name,
                               "PNG pictures (*.png)")
        if not path:
            return None
        try:
            target = self.save_png(path)
        except OSError as exc:
            self.outcome = tell_not_saved(self, "Chart not saved", str(exc))
            return None
        self.outcome = tell_saved(self, "Chart saved", f"Saved the chart “{self.title}” to "
                                  f"{target}", target)
        return target
