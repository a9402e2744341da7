"""Sorting and filtering over :class:`ChildrenModel`: raw sort values, cohort filters.

Filtering reads the frozen rows directly (no ``data()`` round trip) so a search keystroke over
100,000 children stays quick; the rules themselves live in services.cohort_filter.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from permanence_tracker.gui.models.children import COLUMNS, ChildrenModel
from permanence_tracker.gui.models.roles import SORT_ROLE
from permanence_tracker.services.cohort_filter import CohortFilter


class ChildrenProxy(QSortFilterProxyModel):
    def __init__(self, parent=None, cohort: CohortFilter | None = None) -> None:
        super().__init__(parent)
        self._filter = cohort or CohortFilter()
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

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        rows = model.rows()
        key = COLUMNS[left.column()].sort
        return key(rows[left.row()]) < key(rows[right.row()])
