"""Filtering (and sort delegation) over :class:`ChildrenModel`: cohort filters.

Filtering reads the frozen rows directly (no ``data()`` round trip) so a search keystroke over
100,000 children stays quick; the rules themselves live in services.permanence.cohort_filter.
Sorting is delegated to the model (:class:`SourceSortedProxy`).
"""

from __future__ import annotations

from permanence_tracker.gui.models.rows_table import SourceSortedProxy
from permanence_tracker.services.permanence.cohort_filter import CohortFilter
from permanence_tracker.services.permanence.rows import ChildRow


class ChildrenProxy(SourceSortedProxy):
    def __init__(self, parent=None, cohort: CohortFilter | None = None) -> None:
        super().__init__(parent=parent)
        self._filter = cohort or CohortFilter()

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

    def accepts(self, row: ChildRow) -> bool:
        return self._filter.matches(row)
