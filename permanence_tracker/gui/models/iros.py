"""The IRO caseload table model: one frozen :class:`IroCaseload` row per IRO.

The band is shown in words (with a marker) as well as a tint, and its tooltip says why: the
figures, the band and the rule (IRO Handbook para 7.15, judged on looked-after children per
FTE). Dual-role totals are shown beside the band figure and explained the same way.

A retired IRO is marked "retired" and greyed; one with no looked-after children (whom the
caseloads leave out) still gets a row, from the IRO list, so that they can be reinstated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from permanence_tracker.domain.words import plural
from permanence_tracker.gui.models.rows_table import Column, RowsTableModel, tint
from permanence_tracker.services.permanence.caseloads import Caseloads, IroCaseload
from permanence_tracker.services.records.iros import IroRow

BAND_WORDS = {"above": "▲ Above band", "within": "Within band", "below": "▼ Below band",
              "unset": "FTE not set"}
NOT_SET = "not set"  # an FTE or per-FTE figure of an IRO whose FTE is not set yet
HANDBOOK = "IRO Handbook para 7.15"


def number(value: float | None) -> str:
    """1 or 2 decimal places: 0.8, 3.75, 2.0; "not set" for an FTE figure not set."""
    if value is None:
        return NOT_SET
    text = f"{value:.2f}"
    return text[:-1] if text.endswith("0") else text


def band_explanation(row: IroCaseload, low: int, high: int) -> str:
    children = plural(row.children, "looked-after child", "looked-after children")
    if row.band == "unset":
        return (f"{row.name}'s FTE is not set (created by a spreadsheet import), so no per-FTE "
                f"figure or band is shown and their {children} are left out of the service "
                "figures: set the FTE with Edit IRO… (F2).")
    text = (f"{children} ÷ {number(row.fte)} FTE = {number(row.per_fte)} per FTE: "
            f"{row.band} the band of {low}-{high} per full-time IRO ({HANDBOOK}). "
            "The band is judged on looked-after children only.")
    if not row.listed:
        text += " This IRO is named on child records but not in the IRO list: 1.0 FTE assumed."
    if not row.active:
        text += RETIRED_NOTE
    return text


RETIRED_NOTE = (" Retired: no child is newly allocated to them (Retire / reinstate on the "
                "toolbar brings them back).")


def retired_row(iro: IroRow) -> IroCaseload:
    """A retired IRO with no looked-after children, whom the caseloads leave out: their
    details, and no caseload."""
    cp = iro.cp_cases if iro.dual_role else 0
    return IroCaseload(iro.name, iro.fte, iro.dual_role, cp, children=0, per_fte=0.0,
                       band="within", total=cp, total_per_fte=0.0, overdue=0, due_soon=0,
                       active=False)


def dual_role_explanation(row: IroCaseload) -> str:
    if not row.dual_role:
        return "Not dual role: chairs looked-after children's reviews only, so the total is " \
               "the looked-after caseload."
    return (f"Dual role: also chairs child protection conferences ({row.cp_cases} CP cases). "
            f"Total {row.children} + {row.cp_cases} = {row.total}, {number(row.total_per_fte)} "
            f"per FTE. Shown beside the band figure, not instead of it: the {HANDBOOK} band "
            "counts looked-after children only.")


def _name(row: IroCaseload) -> str:
    notes = [n for n, on in (("not in IRO list", not row.listed), ("retired", not row.active))
             if on]
    return f"{row.name} ({', '.join(notes)})" if notes else row.name


def _off_band(row: IroCaseload) -> QColor | None:
    return tint(row.band == "above") if row.band != "within" else None


def _greyed(row: IroCaseload) -> QColor | None:
    """Retired IROs in the palette's disabled text colour (the name also says "retired")."""
    if row.active:
        return None
    return QApplication.palette().color(QPalette.ColorGroup.Disabled,
                                        QPalette.ColorRole.Text)


def _band(row: IroCaseload) -> str:
    return "Retired" if not row.active and not row.children else BAND_WORDS[row.band]


def _overdue(row: IroCaseload) -> QColor | None:
    return tint(True) if row.overdue else None


FIGURE = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter  # figures line up right


def _figure(title: str, value: Callable[[IroCaseload], float | None], tip: str,
            show: Callable[[Any], str] = number, **more: Any) -> Column[IroCaseload]:
    """A right-aligned figure (FTE to 2 places; ``show=str`` for a count), sorted by value; a
    figure not set ("not set", None) sorts below every number."""
    def key(row: IroCaseload) -> float:
        found = value(row)
        return -1.0 if found is None else found
    return Column(title, lambda r: show(value(r)), key, header_tip=tip, align=FIGURE,
                  foreground=_greyed, **more)


COLUMNS: tuple[Column[IroCaseload], ...] = (
    Column("IRO", _name, lambda r: r.name.casefold(), foreground=_greyed),
    _figure("FTE", lambda r: r.fte if r.fte > 0 else None, "Full-time equivalent post"),
    _figure("Looked after", lambda r: r.children, "Looked-after children allocated to this IRO",
            str),
    _figure("Per FTE", lambda r: r.per_fte,
            "Looked-after children per full-time equivalent: what the band judges",
            background=_off_band),
    Column("Band", _band, lambda r: ("unset", "below", "within", "above").index(r.band),
           header_tip=f"Against the recommended caseload band ({HANDBOOK})",
           background=_off_band, foreground=_greyed),
    Column("Dual role", lambda r: "Yes" if r.dual_role else "No", lambda r: r.dual_role,
           header_tip="Also chairs child protection conferences", foreground=_greyed),
    _figure("CP cases", lambda r: r.cp_cases, "Child protection cases (dual-role IROs)", str),
    _figure("Total incl. CP", lambda r: r.total,
            "Looked-after children plus child protection cases", str),
    _figure("Total per FTE", lambda r: r.total_per_fte,
            "Looked-after children plus CP cases, per FTE (not what the band judges)"),
    _figure("Overdue", lambda r: r.overdue, "Children whose next review is past its due date "
            "(Care Planning Regs 2010 reg 33)", str, background=_overdue),
    _figure("Due in 8 weeks", lambda r: r.due_soon,
            "Next reviews due from the as-of date to 8 weeks ahead", str),
)
PER_FTE, BAND, DUAL, CP, TOTAL, TOTAL_PER_FTE, OVERDUE = 3, 4, 5, 6, 7, 8, 9


class CaseloadModel(RowsTableModel[IroCaseload]):
    """One row per IRO; the tooltips explain the figures against the band the model holds."""

    def __init__(self, parent=None) -> None:
        super().__init__(COLUMNS, parent)
        self._band = (50, 70)

    def set_caseloads(self, loads: Caseloads, listed: tuple[IroRow, ...] = ()) -> None:
        """The caseload rows, and a row for each IRO in ``listed`` they leave out (retired,
        with no looked-after children)."""
        self._band = (loads.low, loads.high)
        shown = {row.name for row in loads.rows}
        self.set_rows(loads.rows + tuple(retired_row(iro) for iro in listed
                                         if iro.name not in shown))

    def cell(self, row: IroCaseload, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return super().cell(row, column, role)

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
