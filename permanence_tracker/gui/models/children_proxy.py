"""Filtering (and sort delegation) over :class:`ChildrenModel`: cohort filters.

Filtering reads the frozen rows directly (no ``data()`` round trip) so a search keystroke over
100,000 children stays quick; the rules themselves live in services.permanence.cohort_filter.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from permanence_tracker.gui.models.children import ChildrenModel
from permanence_tracker.gui.models.roles import SORT_ROLE
from permanence_tracker.services.permanence.cohort_filter import CohortFilter


class ChildrenProxy(QSortFilterProxyModel):
    def __init__(self, parent=None, cohort: CohortFilter | None = None) -> None:
        super().__init__(parent)
        self._filter = cohort or CohortFilter()
        self._sort: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)

    @property
    def cohort(self) -> CohortFilter:
        return self._filter

    def set_cohort(self, cohort: CohortFilter) -> None:
        if cohort != self._filter:
            self.beginFilterChange()
            self._filter = cohort
            self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.set_cohort(self._filter.with_text(text.strip()))

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ChildrenModel):
            return True
        return self._filter.matches(model.rows()[source_row])

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is delegated to the source model (see ChildrenModel.sort); this proxy
        keeps the source order and only filters."""
        self._sort = (column, order)
        model = self.sourceModel()
        if isinstance(model, ChildrenModel):
            model.sort(column, order)

    def sortColumn(self) -> int:  # noqa: N802 - Qt API
        return self._sort[0]

    def sortOrder(self) -> Qt.SortOrder:  # noqa: N802 - Qt API
        return self._sort[1]
