"""The page every report is printed on, and the document builder.

Every page carries, top and bottom, the protective marking from the settings (domain.md,
"Handling rules": by default OFFICIAL-SENSITIVE); at the top the authority's name and the
report title; at the bottom when the report was generated (from an injected clock, so tests
are repeatable), the as-of date it describes and "Page N of M". M is only known once every
page is laid out, so :class:`_ChromeCanvas` holds the pages back and draws the chrome on each
in a second pass when the document is saved.

A real report carries the real creation time in its PDF metadata (/CreationDate) and a unique
document ID. Tests want byte-identical PDFs for the same data, as-of date and clock, so with
``PERMANENCE_TRACKER_INVARIANT_PDF=1`` in the environment (tests/conftest.py sets it) reportlab's
invariant mode fixes the creation date (01/01/2000) and the document ID instead.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.entities import Settings
from permanence_tracker.domain.pseudonym import HEADING
from permanence_tracker.reports.fonts import BOLD, REGULAR, register_fonts

rl_config.useA85 = 0  # binary streams: smaller files, and no time spent on ASCII85

# Every page of a pseudonymised report says so, and what was done (issue 12)
PSEUDONYMISED = f"{HEADING}: initials, month/year of birth, free text left out"
INVARIANT_ENV = "PERMANENCE_TRACKER_INVARIANT_PDF"  # "1": fixed dates and IDs, for tests only

MARGIN = 15 * mm
TOP = 25 * mm  # room for the header band
BOTTOM = 22 * mm  # room for the footer band (nothing closer than 7 mm to the paper's edge)
MARKING_COLOUR = colors.HexColor("#9b1c1c")
RULE_COLOUR = colors.HexColor("#808080")




@dataclass(frozen=True, slots=True)
class ReportMeta:
    """What the chrome of every page says."""

    authority: str
    marking: str
    as_of: date
    generated_at: datetime
    demo: bool = False  # a synthetic demo authority: every page says so
    # Names as initials, dates of birth as month and year, free text left out (issue 12):
    # every page's footer says so.
    pseudonymised: bool = False

    @classmethod
    def from_settings(cls, settings: Settings, as_of: date, generated_at: datetime,
                      pseudonymised: bool = False) -> ReportMeta:
        marking = (settings.protective_marking or "").strip() or "OFFICIAL-SENSITIVE"
        authority = settings.authority_name.strip() or "Authority not named (see Settings)"
        return cls(authority, marking, as_of, generated_at, settings.demo, pseudonymised)

    @property
    def stamp(self) -> str:
        stamp = f"Generated {uk_date(self.generated_at)} · as of {uk_date(self.as_of)}"
        if self.pseudonymised:
            stamp += f" · {PSEUDONYMISED}"
        return stamp


class _ChromeCanvas(Canvas):
    """A canvas that keeps every page until ``save`` and then draws the header and footer,
    so the footer can say "Page N of M"."""

    # Canvas's own state, set by its __init__ and used here; types-reportlab leaves them out.
    _pagesize: tuple[float, float]
    _startPage: Callable[[], None]

    def __init__(self, *args: Any, meta: ReportMeta, title: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._meta = meta
        self._title = title
        self._pages: list[dict[str, Any]] = []  # each page's canvas state (its __dict__)

    def showPage(self) -> None:  # noqa: N802 - reportlab API
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_chrome(number, total)
            super().showPage()
        super().save()

    def _draw_chrome(self, number: int, total: int) -> None:
        meta = self._meta
        width, height = self._pagesize
        left, right = MARGIN, width - MARGIN
        self.saveState()
        self._marking(width / 2, height - 9 * mm)
        self.setFont(BOLD, 9)
        self.drawString(left, height - 14.5 * mm, meta.authority)
        self.setFont(REGULAR, 9)
        self.drawRightString(right, height - 14.5 * mm, self._title)
        if meta.demo:
            self.setFillColor(MARKING_COLOUR)
            self.setFont(BOLD, 8)
            self.drawString(left, height - 18.5 * mm, "DEMO — synthetic data")
            self.setFillColor(colors.black)
        self.setStrokeColor(RULE_COLOUR)
        self.setLineWidth(0.5)
        self.line(left, height - 20.5 * mm, right, height - 20.5 * mm)
        self.line(left, 18 * mm, right, 18 * mm)
        self.setFont(REGULAR, 8)
        self.drawString(left, 13.5 * mm, meta.stamp)
        self.drawRightString(right, 13.5 * mm, f"Page {number} of {total}")
        self._marking(width / 2, 7.5 * mm)
        self.restoreState()

    def _marking(self, x: float, y: float) -> None:
        self.setFillColor(MARKING_COLOUR)
        self.setFont(BOLD, 10)
        self.drawCentredString(x, y, self._meta.marking)
        self.setFillColor(colors.black)


def page_size(wide: bool = False) -> tuple[float, float]:
    return landscape(A4) if wide else A4


def invariant_pdf() -> bool:
    """Whether PDFs are made byte-deterministic (fixed creation date and ID): tests only.

    Read at each build, not at import, so a test can switch it for one render.
    """
    return os.environ.get(INVARIANT_ENV, "").strip() not in ("", "0")


def build_pdf(title: str, meta: ReportMeta, story: list[Flowable], wide: bool = False) -> bytes:
    """Lay out ``story`` on A4 (landscape when ``wide``) with the chrome; return the PDF."""
    register_fonts()
    size = page_size(wide)
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=TOP,
        bottomMargin=BOTTOM, title=f"{meta.authority}: {title}", author=meta.authority,
        subject=f"{title}, as of {uk_date(meta.as_of)} ({meta.marking})",
        creator="Permanence Tracker", invariant=int(invariant_pdf()),
        # The canvas's initial font would otherwise be Helvetica: referenced, never embedded.
        initialFontName=REGULAR, initialFontSize=9, initialLeading=12,
    )
    frame = Frame(MARGIN, BOTTOM, size[0] - 2 * MARGIN, size[1] - TOP - BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("page", [frame])])
    doc.build(story, canvasmaker=partial(_ChromeCanvas, meta=meta, title=title))
    return out.getvalue()


def frame_width(wide: bool = False) -> float:
    """Usable width of the text frame, for sizing tables and charts."""
    return page_size(wide)[0] - 2 * MARGIN
