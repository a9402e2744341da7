"""Warnings at the edge: the Children table and the record header (issue 8 items 4 and 7).

Sources: issue 8 item 7 (a review's "plan in place" answer that the plan records contradict is
shown as a warning with both dates, in the Children table and on the record); item 4 and the
Children Act 1989 s105(1) (care ends at 18: the record says when; no review is due after).

Child W1 (born 10/01/2012): C2 from Mon 02/06/2025; reviews 20/06/2025 and 15/09/2025 (the
2nd, answer "yes"); the only plan was agreed on 01/10/2025, after it. Child W2 (born
20/05/2008, 18 on 20/05/2026): C2 from 02/06/2025, reviews 25/06/2025, 24/09/2025 and
10/03/2026; the 4th would be due 10/09/2026, after the 18th birthday.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import (
    Child,
    ChildHistory,
    Episode,
    PlanChange,
    Review,
    Settings,
)
from permanence_tracker.domain.standing import assess_child
from permanence_tracker.gui.child_record.header import RecordHeader, facts
from permanence_tracker.gui.models.children import COLUMNS, FLAGS_COLUMN, ChildrenModel
from permanence_tracker.services.permanence.rows import child_row
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records.child_record import load_child_record

D = date.fromisoformat
AS_OF = D("2026-03-31")
CONFLICT = ("2nd review on 15/09/2025 says a plan was in place, but the first plan recorded "
            "was agreed on 01/10/2025")


def _conflict_history() -> ChildHistory:
    return ChildHistory(
        Child("W1", D("2012-01-10"), "F", "Win", "Ward"),
        episodes=(Episode("W1", D("2025-06-02"), "S", "C2", placement="U4"),),
        reviews=(Review("W1", D("2025-06-20")), Review("W1", D("2025-09-15"),
                                                      plan_in_place=True)),
        plans=(PlanChange("W1", D("2025-10-01"), "Long-term fostering"),))


def test_children_table_shows_the_warning_with_both_dates(qtbot):
    row = child_row(assess_child(_conflict_history(), AS_OF, WorkingCalendar(), Settings()))
    model = ChildrenModel()
    model.set_rows([row])
    flags = model.index(0, FLAGS_COLUMN)
    assert "⚠ Review and plan records disagree" in flags.data()
    assert CONFLICT in flags.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 0).data().startswith("⚑ ")  # also flagged: no plan by 2nd review
    assert "with a warning" in model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert COLUMNS[FLAGS_COLUMN].title == "Flags"


def test_a_row_with_only_a_warning_is_marked_with_the_warning_sign(qtbot):
    hist = ChildHistory(
        Child("W3", D("2012-01-10")),
        episodes=(Episode("W3", D("2025-06-02"), "S", "C2", placement="U4"),),
        reviews=(Review("W3", D("2025-06-20"), plan_in_place=False),),
        plans=(PlanChange("W3", D("2025-06-10"), "Adoption"),))
    row = child_row(assess_child(hist, D("2025-07-01"), WorkingCalendar(), Settings()))
    assert row.flags == () and len(row.warnings) == 1
    model = ChildrenModel()
    model.set_rows([row])
    assert model.index(0, 0).data() == "⚠ W3"


@pytest.fixture
def stored(uow):
    records.add_child(uow, Child("W1", D("2012-01-10"), "F", "Win", "Ward"), AS_OF)
    records.save_episode(uow, Episode("W1", D("2025-06-02"), "S", "C2", placement="U4"), AS_OF)
    records.record_review(uow, Review("W1", D("2025-06-20")), AS_OF)
    records.record_review(uow, Review("W1", D("2025-09-15"), plan_in_place=True), AS_OF)
    records.set_plan(uow, PlanChange("W1", D("2025-10-01"), "Long-term fostering"), AS_OF)
    records.add_child(uow, Child("W2", D("2008-05-20"), "M", "Wes", "West"), AS_OF)
    records.save_episode(uow, Episode("W2", D("2025-06-02"), "S", "C2", placement="U4"), AS_OF)
    for held in ("2025-06-25", "2025-09-24", "2026-03-10"):
        records.record_review(uow, Review("W2", D(held)), AS_OF)
    return uow


def test_record_header_shows_the_warning_and_when_care_ends(qtbot, stored):
    header = RecordHeader()
    qtbot.addWidget(header)
    header.show_record(load_child_record(stored, "W1", AS_OF))
    assert header.values["warnings"].text() == f"⚠ {CONFLICT}. The permanence measures " \
        "count the plan records: correct the review's answer or the plan."
    assert not header.values["warnings"].isHidden()
    adult = load_child_record(stored, "W2", AS_OF)
    shown = facts(adult)
    assert shown["looked_after"] == ("yes, since 02/06/2025; leaves care on 20/05/2026 "
                                     "(18th birthday)")
    assert shown["next_review"] == "none: care ends on the 18th birthday (20/05/2026)"
    header.show_record(adult)
    assert header.values["warnings"].isHidden()
