"""The IRO caseload table model: one frozen :class:`IroCaseload` row per IRO.

The band is shown in words (with a marker) as well as a tint, and its tooltip says why: the
figures, the band and the rule (IRO Handbook para 7.15, judged on looked-after children per
FTE). Dual-role totals are shown beside the band figure and explained the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from permanence_tracker.gui.models.roles import ROW_ROLE, SORT_ROLE
from permanence_tracker.services.permanence.caseloads import Caseloads, IroCaseload

Index = QModelIndex | QPersistentModelIndex
BAND_WORDS = {"above": "▲ Above band", "within": "Within band", "below": "▼ Below band"}
HANDBOOK = "IRO Handbook para 7.15"


def number(value: float) -> str:
    """1 or 2 decimal places: 0.8, 3.75, 2.0."""
    text = f"{value:.2f}"
    return text[:-1] if text.endswith("0") else text


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def band_explanation(row: IroCaseload, low: int, high: int) -> str:
    children = plural(row.children, "looked-after child", "looked-after children")
    text = (f"{children} ÷ {number(row.fte)} FTE = {number(row.per_fte)} per FTE: "
            f"{row.band} the band of {low}-{high} per full-time IRO ({HANDBOOK}). "
            "The band is judged on looked-after children only.")
    if not row.listed:
        text += " This IRO is named on child records but not in the IRO list: 1.0 FTE assumed."
    return text


def dual_role_explanation(row: IroCaseload) -> str:
    if not row.dual_role:
        return "Not dual role: chairs looked-after children's reviews only, so the total is " \
               "the looked-after caseload."
    return (f"Dual role: also chairs child protection conferences ({row.cp_cases} CP cases). "
            f"Total {row.children} + {row.cp_cases} = {row.total}, {number(row.total_per_fte)} "
            f"per FTE. Shown beside the band figure, not instead of it: the {HANDBOOK} band "
            "counts looked-after children only.")


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[IroCaseload], str]
    sort: Callable[[IroCaseload], Any]
    tip: str = ""


def _name(row: IroCaseload) -> str:
    notes = [n for n, on in (("not in IRO list", not row.listed), ("inactive", not row.active))
             if on]
    return f"{row.name} ({', '.join(notes)})" if notes else row.name


COLUMNS: tuple[Column, ...] = (
    Column("IRO", _name, lambda r: r.name.casefold()),
    Column("FTE", lambda r: number(r.fte), lambda r: r.fte, "Full-time equivalent post"),
    Column("Looked after", lambda r: str(r.children), lambda r: r.children,
           "Looked-after children allocated to this IRO"),
    Column("Per FTE", lambda r: number(r.per_fte), lambda r: r.per_fte,
           "Looked-after children per full-time equivalent: what the band judges"),
    Column("Band", lambda r: BAND_WORDS[r.band], lambda r: ("below", "within", "above")
           .index(r.band), f"Against the recommended caseload band ({HANDBOOK})"),
    Column("Dual role", lambda r: "Yes" if r.dual_role else "No", lambda r: r.dual_role,
           "Also chairs child protection conferences"),
    Column("CP cases", lambda r: str(r.cp_cases), lambda r: r.cp_cases,
           "Child protection cases (dual-role IROs)"),
    Column("Total incl. CP", lambda r: str(r.total), lambda r: r.total,
           "Looked-after children plus child protection cases"),
    Column("Total per FTE", lambda r: number(r.total_per_fte), lambda r: r.total_per_fte,
           "Looked-after children plus CP cases, per FTE (not what the band judges)"),
    Column("Overdue", lambda r: str(r.overdue), lambda r: r.overdue,
           "Children whose next review is past its due date (Care Planning Regs 2010 reg 33)"),
    Column("Due in 8 weeks", lambda r: str(r.due_soon), lambda r: r.due_soon,
           "Next reviews due from the as-of date to 8 weeks ahead"),
)
PER_FTE, BAND, DUAL, CP, TOTAL, TOTAL_PER_FTE, OVERDUE = 3, 4, 5, 6, 7, 8, 9


def tint(severe: bool) -> QColor:
    """A translucent background tint that reads on light and dark palettes alike."""
    dark = QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    colour = QColor("#c62828" if severe else "#ef8f00")
    colour.setAlpha(90 if dark else 45)
    return colour


class CaseloadModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: tuple[IroCaseload, ...] = ()
        self._band = (50, 70)

    def set_caseloads(self, loads: Caseloads) -> None:
        self.beginResetModel()
        self._rows = loads.rows
        self._band = (loads.low, loads.high)
        self.endResetModel()

    def rows(self) -> tuple[IroCaseload, ...]:
        return self._rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].title
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section].tip:
            return COLUMNS[section].tip
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return COLUMNS[column].text(row)
        if role == SORT_ROLE:
            return COLUMNS[column].sort(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if column in (PER_FTE, BAND) and row.band != "within":
                return tint(row.band == "above")
            if column == OVERDUE and row.overdue:
                return tint(True)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0 and column not in (BAND,
                                                                                    DUAL):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _tooltip(self, row: IroCaseload, column: int) -> str | None:
        if column in (0, PER_FTE, BAND):
            return band_explanation(row, *self._band)
        if column in (DUAL, CP, TOTAL, TOTAL_PER_FTE):
            return dual_role_explanation(row)
        if column == OVERDUE and row.overdue:
            return (f"{plural(row.overdue, 'child', 'children')} of {row.name}'s with a review "
                    "past its due date "
                    "(Care Planning Regs 2010 reg 33). The Reviews due page lists them.")
        return None
