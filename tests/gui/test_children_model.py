"""The children model and its proxy: Qt model contract, sorting by raw value, filters, flags."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from permanence_tracker.gui.models.children import COLUMNS, FLAGS_COLUMN, ChildrenModel
from permanence_tracker.gui.models.children_proxy import ChildrenProxy
from permanence_tracker.gui.models.roles import ROW_ROLE, SORT_ROLE
from permanence_tracker.services.permanence.cohort_filter import EVERYONE, LEFT_CARE, CohortFilter


def _column(title: str) -> int:
    return [c.title for c in COLUMNS].index(title)


def _ids(proxy) -> list[str]:
    return [proxy.data(proxy.index(r, 0), ROW_ROLE).child_id for r in range(proxy.rowCount())]


def test_models_pass_qt_model_tester(qtmodeltester, rows):
    model = ChildrenModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    proxy = ChildrenProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


def test_looked_after_now_is_the_default_cohort(rows):
    model = ChildrenModel()
    model.set_rows(rows)
    proxy = ChildrenProxy()
    proxy.setSourceModel(model)
    assert sorted(_ids(proxy)) == ["P1", "P2", "P3", "P5"]
    proxy.set_cohort(CohortFilter(status=LEFT_CARE))
    assert _ids(proxy) == ["P4"]


def test_dates_sort_by_value_not_text(rows):
    model = ChildrenModel()
    model.set_rows(rows)
    proxy = ChildrenProxy(cohort=CohortFilter(status=EVERYONE))
    proxy.setSourceModel(model)
    column = _column("Start of care")
    proxy.sort(column, Qt.SortOrder.AscendingOrder)
    starts = [proxy.data(proxy.index(r, column), SORT_ROLE) for r in range(proxy.rowCount())]
    # As text "08/01/2024" < "02/06/2025" would sort wrongly; by value it is chronological.
    assert starts == sorted(starts)
    assert _ids(proxy)[0] == "P4"
    assert _ids(proxy)[-1] == "P3"


def test_search_matches_id_and_name_case_insensitively(rows):
    model = ChildrenModel()
    model.set_rows(rows)
    proxy = ChildrenProxy()
    proxy.setSourceModel(model)
    proxy.set_text("ava")
    assert _ids(proxy) == ["P1"]
    proxy.set_text("p5")
    assert _ids(proxy) == ["P5"]


def test_flags_carry_words_and_an_explaining_tooltip(rows):
    model = ChildrenModel()
    model.set_rows(rows)
    by_id = {model.data(model.index(r, 0), ROW_ROLE).child_id: r for r in range(len(rows))}
    # P2: 2nd review held 18/08/2025 with no plan (interim care order).
    p2 = by_id["P2"]
    assert "No plan by 2nd review" in model.data(model.index(p2, FLAGS_COLUMN))
    tip = model.data(model.index(p2, FLAGS_COLUMN), Qt.ItemDataRole.ToolTipRole)
    assert "18/08/2025" in tip and "interim care order" in tip
    assert model.data(model.index(p2, 0)).startswith("⚑")
    # P1 had a plan (1 Sep) before its 2nd review (15 Sep): no plan flag; but its 3rd
    # review was due 15/03/2026 (15 Sep + 6 months): 16 days overdue on 31/03/2026.
    p1 = by_id["P1"]
    assert model.data(model.index(p1, FLAGS_COLUMN)) == "Review overdue"
    tip = model.data(model.index(p1, FLAGS_COLUMN), Qt.ItemDataRole.ToolTipRole)
    assert "due 15/03/2026" in tip and "16 days overdue" in tip
    # P5 (started 06/10/2025, no review, no plan): 1st review overdue, no plan flag yet.
    assert model.data(model.index(by_id["P5"], FLAGS_COLUMN)) == "Review overdue"


def test_age_band_and_legal_status_filters(rows):
    model = ChildrenModel()
    model.set_rows(rows)
    proxy = ChildrenProxy(cohort=CohortFilter(age_max=14))
    proxy.setSourceModel(model)
    # On 31/03/2026: P1 14, P2 2, P3 16, P5 17.
    assert sorted(_ids(proxy)) == ["P1", "P2"]
    proxy.set_cohort(CohortFilter(legal_statuses=frozenset({"V2"})))
    assert sorted(_ids(proxy)) == ["P3", "P5"]
    proxy.set_cohort(CohortFilter(care_started_from=date(2025, 10, 1)))
    assert sorted(_ids(proxy)) == ["P3", "P5"]
