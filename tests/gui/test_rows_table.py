"""The one table model (gui/models/rows_table.py): column specs, roles, sorting, proxies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.gui.models.roles import ROW_ROLE, SORT_ROLE
from permanence_tracker.gui.models.rows_table import (
    Column,
    RowsProxy,
    RowsTableModel,
    SourceSortedProxy,
)

R = Qt.ItemDataRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Row:
    name: str
    day: date | None
    late: int


ROWS = (Row("bea", date(2025, 12, 18), 0), Row("Al", date(2026, 1, 5), 3),
        Row("cy", None, 1))
COLUMNS = (
    Column("Name", lambda r: r.name, display=lambda r: f"⚑ {r.name}" if r.late else r.name,
           accessible=lambda r: f"{r.name}, late" if r.late else r.name),
    Column("Day", lambda r: uk_date(r.day), lambda r: r.day or date.max,
           header_tip="When it happened"),
    Column("Late", lambda r: str(r.late), lambda r: r.late, tip=lambda r: f"{r.late} days",
           align=RIGHT, background=lambda r: QColor("red") if r.late else None),
)


def _model() -> RowsTableModel[Row]:
    model: RowsTableModel[Row] = RowsTableModel(COLUMNS)
    model.set_rows(ROWS)
    return model


def _names(model) -> list[str]:
    return [model.data(model.index(r, 0), ROW_ROLE).name for r in range(model.rowCount())]


def test_model_and_proxies_pass_the_model_tester(qtmodeltester):
    model = _model()
    qtmodeltester.check(model)
    for proxy in (RowsProxy(lambda r: r.late > 0), SourceSortedProxy(lambda r: r.day is not None)):
        proxy.setSourceModel(model)
        qtmodeltester.check(proxy)


def test_roles_come_from_the_column_specs():
    model = _model()
    al = model.index(1, 0)
    assert model.data(al) == "⚑ Al"
    assert model.data(al, R.AccessibleTextRole) == "Al, late"
    assert model.data(al, SORT_ROLE) == "al"  # no sort given: the text, case-folded
    assert model.data(al, ROW_ROLE) is ROWS[1]
    assert model.data(al, R.ToolTipRole) is None
    assert model.data(model.index(2, 1)) == ""
    assert model.data(model.index(2, 1), SORT_ROLE) == date.max
    late = model.index(1, 2)
    assert model.data(late, R.ToolTipRole) == "3 days"
    assert model.data(late, R.TextAlignmentRole) == int(RIGHT)
    assert model.data(late, R.BackgroundRole) == QColor("red")
    assert model.data(model.index(0, 2), R.BackgroundRole) is None
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Day"
    assert model.headerData(1, Qt.Orientation.Horizontal, R.ToolTipRole) == "When it happened"
    assert model.headerData(0, Qt.Orientation.Horizontal, R.ToolTipRole) is None
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_the_model_sorts_by_raw_value_and_keeps_persistent_indexes():
    model = _model()
    current = QPersistentModelIndex(model.index(2, 0))  # "cy"
    model.sort(1, Qt.SortOrder.AscendingOrder)  # as text 05/01/2026 would come first
    assert _names(model) == ["bea", "Al", "cy"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["cy", "bea", "Al"]
    assert current.row() == 0 and model.data(model.index(current.row(), 0), ROW_ROLE).name == "cy"


def test_proxies_filter_rows_and_sort_by_the_raw_sort_role_or_in_the_model():
    model = _model()
    proxy = RowsProxy(lambda r: r.day is not None)
    proxy.setSourceModel(model)
    proxy.sort(2, Qt.SortOrder.DescendingOrder)  # ints: Qt cannot compare Python dates
    assert _names(proxy) == ["Al", "bea"]
    assert _names(model) == ["bea", "Al", "cy"]  # the proxy sorted, not the model
    proxy.set_accept(None)
    assert proxy.rowCount() == 3
    delegating = SourceSortedProxy(lambda r: r.late < 3)
    delegating.setSourceModel(model)
    delegating.sort(2, Qt.SortOrder.DescendingOrder)
    assert _names(model) == ["Al", "cy", "bea"]  # the model sorted itself
    assert _names(delegating) == ["cy", "bea"]
    assert (delegating.sortColumn(), delegating.sortOrder()) == (2, Qt.SortOrder.DescendingOrder)
