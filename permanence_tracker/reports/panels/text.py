"""Words and blocks shared by the panel reports (outcome sheets and the panel summary)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Table, TableStyle

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.panels import AgendaItem, PanelMeeting, needs_decision
from permanence_tracker.reports.tables import GRID
from permanence_tracker.reports.text import CELL, CELL_BOLD, para


def quorum(quorate: bool | None) -> str:
    return "not recorded" if quorate is None else "quorate" if quorate else "not quorate"


def panel_facts(panel: PanelMeeting) -> list[tuple[str, str]]:
    members = ", ".join(panel.members) or "not recorded"
    pairs = [("Panel date", uk_date(panel.date)), ("Panel", f"{panel.type} panel"),
             ("Chair", panel.chair or "not recorded"), ("Quorum", quorum(panel.quorate)),
             ("Members present", members), ("Venue", panel.venue)]
    return pairs


def decision_text(item: AgendaItem) -> str:
    if not item.adm_decision:
        if not item.recommendation:
            return "after the panel's recommendation"
        return "awaited" if needs_decision(item) else "none needed (deferred)"
    return f"{item.adm_decision} on {uk_date(item.adm_decision_date)}"


def signature_block(role: str, name: str, width: float) -> Table:
    """"Signed ____ Name ____ Date ____" lines for a person to sign on paper."""
    rows: list[list[Flowable | str]] = [
        [para(role, CELL_BOLD), "", "", ""],
        [para("Signature", CELL), "", para("Date", CELL), ""],
        [para("Name", CELL), para(name, CELL) if name else "", "", ""],
        ["", "", "", ""],  # room below the name line, inside the box
    ]
    block = Table(rows, colWidths=[0.16 * width, 0.5 * width, 0.1 * width, 0.24 * width],
                  rowHeights=[6 * mm, 11 * mm, 9 * mm, 2.5 * mm], hAlign="LEFT")
    block.setStyle(TableStyle([
        ("SPAN", (0, 0), (-1, 0)),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (1, 1), (1, 1), 0.6, GRID),
        ("LINEBELOW", (3, 1), (3, 1), 0.6, GRID),
        ("LINEBELOW", (1, 2), (1, 2), 0.6, GRID),
        ("BOX", (0, 0), (-1, -1), 0.6, GRID),
    ]))
    return block
