"""Tables for the reports. Every table repeats its header row on each page it runs onto.

- :func:`table`: a platypus ``Table`` (``repeatRows=1``) whose cells may wrap, for the short
  tables of summaries, preparation sheets and outcome sheets;
- :class:`RowTable`: a flowable for long lists of one-line rows (a caseload of 100,000
  children). Platypus tables measure, style and draw every cell one by one, which takes tens of
  seconds at that size; this one draws each column as one text object and the grid as one
  set of lines, and splits by row count (fixed row height) with the header on every part;
- :func:`facts`: label / value pairs in two or four columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from permanence_tracker.reports.fonts import BOLD, REGULAR
from permanence_tracker.reports.text import CELL, CELL_BOLD, esc

HEADER_FILL = colors.HexColor("#e3e6ea")
TOTAL_FILL = colors.HexColor("#f1f2f4")
GRID = colors.HexColor("#9aa0a6")
FONT_SIZE = 8
# A TableStyle command: name, first cell, last cell, then the command's own values.
TableCommand = tuple[str, tuple[int, int], tuple[int, int], *tuple[object, ...]]


def _cell(value: object, style: ParagraphStyle) -> Flowable:
    """A flowable as it is; anything else as escaped text in ``style``."""
    return value if isinstance(value, Flowable) else Paragraph(esc(value), style)


def table(header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float],
          align: str = "", total: bool = False, zebra: bool = True) -> Table:
    """A table whose header row repeats on every page.

    ``align`` has one letter per column, ``L`` or ``R`` (numbers), default all ``L``. Cells
    wrap within their column. With ``total`` the last row is a bold totals row.
    """
    align = align or "L" * len(header)
    body = [[_cell(v, CELL) for v in row] for row in rows]
    if total and body:
        body[-1] = [_cell(v, CELL_BOLD) for v in rows[-1]]
    data = [[_cell(h, CELL_BOLD) for h in header], *body]
    commands: list[TableCommand] = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, TOTAL_FILL]))
    if total and rows:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), HEADER_FILL))
    for column, letter in enumerate(align):
        if letter == "R":
            _right_align(data, column)
    result = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    result.setStyle(TableStyle(commands))
    return result


def _right_align(data: list[list[Flowable]], column: int) -> None:
    for row in data:
        cell = row[column]
        if isinstance(cell, Paragraph):
            style = cell.style.clone(cell.style.name + "_r", alignment=2)
            row[column] = Paragraph(cell.text, style)


def facts(pairs: Sequence[tuple[str, object]], width: float, columns: int = 2,
          label: float = 84) -> Table:
    """Label / value pairs, ``columns`` pairs to a row (labels bold, ``label`` points wide;
    values take the rest and wrap)."""
    cells = [[_cell(label, CELL_BOLD), _cell(value, CELL)] for label, value in pairs]
    rows: list[list[Flowable | str]] = []
    for start in range(0, len(cells), columns):
        row: list[Flowable | str] = [c for pair in cells[start:start + columns] for c in pair]
        rows.append(row + [""] * (2 * columns - len(row)))
    value = width / columns - label
    result = Table(rows, colWidths=[label, value] * columns, hAlign="LEFT")
    result.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return result


class RowTable(Flowable):
    """One-line rows of plain text at a fixed height; the header repeats on every part.

    Header cells may hold ``\n`` to break over lines. Text longer than its column is cut
    short with an ellipsis (these are lists to scan; the full text is on the child's sheet).
    """

    row_height = 11.5
    header_leading = 9.5
    pad = 2.5

    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[str]],
                 widths: Sequence[float], align: str = "", marked: Sequence[bool] = (),
                 emphasis: Sequence[int] | None = None) -> None:
        super().__init__()
        self.header = [h.split("\n") for h in header]
        self.rows = rows
        self.widths = list(widths)
        self.align = align or "L" * len(header)
        self.marked = marked  # rows drawn bold (e.g. overdue, totals) ...
        self.emphasis = emphasis  # ... in these columns only (None: every column)
        self.width = sum(self.widths)
        lines = max((len(h) for h in self.header), default=1)
        self.header_height = self.row_height + (lines - 1) * self.header_leading
        self.height = self.header_height + self.row_height * len(rows)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fits = int((avail_height - self.header_height) // self.row_height)
        if fits < 1:
            return []
        if fits >= len(self.rows):
            return [self]
        return [self._part(0, fits), self._part(fits, len(self.rows))]

    def _part(self, start: int, end: int) -> RowTable:
        marked = self.marked[start:end] if self.marked else ()
        header = ["\n".join(h) for h in self.header]
        return RowTable(header, self.rows[start:end], self.widths, self.align, marked,
                        self.emphasis)

    def draw(self) -> None:
        canvas, h = self.canv, self.row_height
        width, body = self.width, self.height - self.header_height
        edges = [0.0]
        for w in self.widths:
            edges.append(edges[-1] + w)
        canvas.saveState()
        canvas.setFillColor(HEADER_FILL)
        canvas.rect(0, body, width, self.header_height, stroke=0, fill=1)
        canvas.setFillColor(colors.black)
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.4)
        lines: list[tuple[float, float, float, float]] = [(0, self.height, width, self.height)]
        lines += [(0, body - n * h, width, body - n * h) for n in range(len(self.rows) + 1)]
        lines += [(x, 0, x, self.height) for x in edges]
        canvas.lines(lines)
        depth = max(len(cell) for cell in self.header)
        header = [[cell[n] if n < len(cell) else "" for cell in self.header]
                  for n in range(depth)]
        everything = range(len(self.widths))
        bold = everything if self.emphasis is None else self.emphasis
        marked = self.marked
        for column in everything:
            ends = edges[column], edges[column + 1]
            self._column(header, column, ends, self.height - h + 3.2, BOLD, None,
                         self.header_leading)
            top = body - h + 3.2
            if marked and column in bold:
                self._column(self.rows, column, ends, top, REGULAR, False, h)
                self._column(self.rows, column, ends, top, BOLD, True, h)
            else:
                self._column(self.rows, column, ends, top, REGULAR, None, h)
        canvas.restoreState()

    def _column(self, rows: Sequence[Sequence[str]], column: int, ends: tuple[float, float],
                top: float, font: str, marked: bool | None, step: float) -> None:
        """One column top to bottom as one text object; ``marked`` None draws every row,
        True only the marked rows, False only the others.

        Rows step down with the text leading (``T*``) and a right-aligned cell moves only when
        its width differs from the cell above: no absolute position is written per cell,
        which is most of the cost of drawing a 100,000-row list.
        """
        left, right = ends[0] + self.pad, ends[1] - self.pad
        text = self.canv.beginText(left, top)
        text.setFont(font, FONT_SIZE, leading=step)
        text.setLeading(step)  # a TrueType font's Tf/TL are only written with its first text
        flags, right_aligned, x = self.marked, self.align[column] == "R", left
        for index, row in enumerate(rows):
            if marked is None or bool(flags[index]) is marked:
                value = _fit(str(row[column]), font, right - left)
                if right_aligned:
                    wanted = right - _width(value, font)
                    if wanted != x:
                        text.moveCursor(wanted - x, 0)
                        x = wanted
                text.textLine(value)
            else:
                text.textLine()
        self.canv.drawText(text)


@lru_cache(maxsize=65536)
def _width(value: str, font: str) -> float:
    # Lists repeat the same dates, codes and statuses thousands of times.
    return stringWidth(value, font, FONT_SIZE)


def _fit(value: str, font: str, room: float) -> str:
    if _width(value, font) <= room:
        return value
    while value and stringWidth(value + "…", font, FONT_SIZE) > room:
        value = value[:-1]
    return value + "…"
