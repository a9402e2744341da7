"""Table models for the Panels page: meetings (:class:`PanelRow`) and agenda items
(:class:`ItemRow`), frozen rows from :mod:`services.panels.commands`.

Each table is a :class:`RowsTableModel` over these columns; views sort through a
:class:`RowsProxy` by :data:`SORT_ROLE`: dates as day numbers (a Python ``date`` does not sort
inside Qt), counts as numbers, text case-folded. Each date column also gives its real date
(``day``, read as :data:`DATE_ROLE`), so an Excel export writes a date cell, not the words.
A missed deadline is marked with words and a warning icon, never colour alone, and its tooltip
gives the rule and the dates.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.panels import DECIDED_LATE, DECISION_MISSED
from permanence_tracker.domain.pseudonym import Personal
from permanence_tracker.gui.models.rows_table import Column, RowsTableModel
from permanence_tracker.services.panels import ItemRow, PanelRow

R = TypeVar("R")
NOT_YET = 10**7  # sorts after every real day number (date.max is 3,652,059)


def day_number(day: date | None) -> int:
    return day.toordinal() if day else NOT_YET


def warning(missed: Callable[[R], bool]) -> Callable[[R], QIcon | None]:
    """A decoration for a column: the warning icon where ``missed(row)``."""
    def icon(row: R) -> QIcon | None:
        if not missed(row):
            return None
        return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    return icon


# Shown beside the warning icon (DecorationRole), so a missed deadline reads in words too
STATE_WORDS = {DECISION_MISSED: "Decision overdue", DECIDED_LATE: "Decided late"}
QUORATE = {True: "Yes", False: "No", None: "Not recorded"}


def state_text(row: ItemRow) -> str:
    return STATE_WORDS.get(row.status.state, row.status.state.capitalize())


PANEL_COLUMNS: tuple[Column[PanelRow], ...] = (
    Column("Date", lambda r: uk_date(r.panel.date), lambda r: day_number(r.panel.date),
           day=lambda r: r.panel.date),
    Column("Type", lambda r: r.panel.type),
    Column("Chair", lambda r: r.panel.chair),
    Column("Quorate", lambda r: QUORATE[r.panel.quorate],
           header_tip="Recorded once the panel has met; a panel that is not quorate makes "
                      "no recommendation"),
    Column("Items", lambda r: str(r.items), lambda r: r.items),
    Column("To record", lambda r: str(r.to_record), lambda r: r.to_record,
           header_tip="Items whose recommendation is not recorded yet"),
    Column("Decisions awaited", lambda r: str(r.outstanding), lambda r: r.outstanding,
           header_tip="Recommendations awaiting the agency decision maker"),
    Column("Deadlines missed", lambda r: f"{r.missed} missed" if r.missed else "0",
           lambda r: r.missed, decoration=warning(lambda r: r.missed > 0),
           tip=lambda r: (f"{r.missed} of this panel's items missed the ADM's 7-working-day "
                          "deadline (decided late or still awaited); see the items")
           if r.missed else None),
    Column("Venue", lambda r: r.panel.venue),
)

ITEM_COLUMNS: tuple[Column[ItemRow], ...] = (
    Column("No.", lambda r: str(r.number), lambda r: r.number,
           header_tip="Position on the panel's agenda"),
    Column("Panel", lambda r: uk_date(r.panel.date), lambda r: day_number(r.panel.date) * 100
           + r.number, tip=lambda r: f"{r.panel.type} panel of {uk_date(r.panel.date)}",
           day=lambda r: r.panel.date),
    Column("Business", lambda r: r.item.business),
    Column("Child", lambda r: f"{r.item.child_id} {r.child_name}".strip()
           if r.item.child_id else "", tip=lambda r: "Enter or double-click opens the "
           "child's record" if r.item.child_id else None, personal=Personal.CHILD_ID_AND_NAME),
    Column("Carers", lambda r: r.item.carers, tip=lambda r: f"Terms: {r.item.terms}"
           if r.item.terms else None, personal=Personal.CARER_NAME),
    Column("State", state_text, tip=lambda r: r.status.explanation,
           decoration=warning(lambda r: r.missed)),
    Column("Decision due by", lambda r: uk_date(r.deadline), lambda r: day_number(r.deadline),
           day=lambda r: r.deadline, tip=lambda r: r.status.explanation,
           header_tip="7 working days after the ADM received the minutes (Fostering NMS 14; "
                      "Adoption NMS 17)"),
    Column("Recommendation", lambda r: r.item.recommendation or "Not recorded",
           tip=lambda r: r.item.reasons or None),
    Column("ADM decision", lambda r: r.item.adm_decision,
           tip=lambda r: r.item.adm_notes or None),
    Column("Decided", lambda r: uk_date(r.item.adm_decision_date),
           lambda r: day_number(r.item.adm_decision_date), day=lambda r: r.item.adm_decision_date),
)
PANEL_DATE_COLUMN, STATE_COLUMN, DUE_COLUMN = 1, 5, 6


def panels_model(parent=None) -> RowsTableModel[PanelRow]:
    return RowsTableModel(PANEL_COLUMNS, parent)


def items_model(parent=None) -> RowsTableModel[ItemRow]:
    return RowsTableModel(ITEM_COLUMNS, parent)
