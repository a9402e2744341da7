"""Paragraph styles and text helpers shared by every report (embedded DejaVu Sans throughout).

Text from the records (names, notes, outcomes) is escaped before it reaches a Paragraph, whose
mini-markup would otherwise read ``<`` and ``&`` as tags.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from permanence_tracker.domain.words import plural
from permanence_tracker.reports.fonts import BOLD, REGULAR, register_fonts

register_fonts()  # a Paragraph resolves its font (and <b>) when it is made, not when drawn

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")

TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=15, leading=19, spaceAfter=2 * mm,
                       textColor=INK)
HEADING = ParagraphStyle("heading", fontName=BOLD, fontSize=11.5, leading=15,
                         spaceBefore=4 * mm, spaceAfter=1.5 * mm, textColor=INK)
SUBHEADING = ParagraphStyle("subheading", fontName=BOLD, fontSize=9.5, leading=12.5,
                            spaceBefore=2.5 * mm, spaceAfter=1 * mm, textColor=INK)
BODY = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=12, spaceAfter=1.5 * mm,
                      textColor=INK)
NOTE = ParagraphStyle("note", parent=BODY, fontSize=7.5, leading=9.5, textColor=MUTED)
CELL = ParagraphStyle("cell", fontName=REGULAR, fontSize=8, leading=10, textColor=INK)
CELL_BOLD = ParagraphStyle("cell_bold", parent=CELL, fontName=BOLD)


def para(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of plain text (escaped: no markup is read from it)."""
    return Paragraph(escape(text), style)


def markup(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph whose text is trusted report markup (``<b>`` etc.); escape data first
    with :func:`esc`."""
    return Paragraph(text, style)


def esc(text: object) -> str:
    return escape(str(text))


def title(text: str, subtitle: str = "") -> list[Flowable]:
    items: list[Flowable] = [para(text, TITLE)]
    if subtitle:
        items.append(para(subtitle, NOTE))
    return items


def heading(text: str, style: ParagraphStyle = HEADING) -> list[Flowable]:
    """A section heading that never sits alone at the foot of a page: it starts a new page
    unless 30 mm are left for it and the first lines of what follows. (Not keepWithNext,
    which would push a whole table that fits on a page to the next one.)"""
    return [CondPageBreak(30 * mm), para(text, style)]


def gap(height_mm: float = 3) -> Spacer:
    return Spacer(1, height_mm * mm)


count = plural  # ``1 child``, ``2 children`` (thousands separated): domain.words


def percent(part: int, whole: int) -> str:
    """A share to one decimal place, or an en dash when there is nothing to divide by."""
    return f"{100 * part / whole:.1f}%" if whole else "–"
