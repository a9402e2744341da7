"""The TrueType fonts every report embeds: DejaVu Sans and DejaVu Sans Bold, shipped in
``resources/fonts/`` (licence beside them) and found through :func:`paths.resources_dir`.

Embedding our own TTFs (rather than the PDF base-14 Helvetica) makes a report look the same on
every machine and lets it print any character a name may hold (é, ł, ğ ...).
"""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from permanence_tracker.paths import resources_dir

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


def register_fonts() -> None:
    """Register the fonts with reportlab once (later calls do nothing).

    Raises FileNotFoundError naming the missing file when the install is incomplete.
    """
    if REGULAR in pdfmetrics.getRegisteredFontNames():
        return
    folder = resources_dir() / "fonts"
    for name, filename in _FILES.items():
        path = folder / filename
        if not path.is_file():
            raise FileNotFoundError(f"report font {path} is missing: reinstall the application")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    # <b> in a Paragraph picks the bold face; there is no italic face, so italic maps to regular.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)
