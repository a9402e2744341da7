"""Issue 10 item 2 in the cohort report: of the children without a plan by the 2nd review
(still all counted), how many still have none and how many had one agreed late.

The report helpers' authority (tests/reports/report_helpers.py) has 3 without a plan by the
2nd review (K2, L1, X1; see test_report_cohort.py); here K2 gets a plan agreed on 01/02/2026,
long after its 2nd review, so 2 still have no plan and 1 had a plan agreed late.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from report_helpers import AS_OF, GENERATED, HISTORIES, IROS, SETTINGS, pdf_text, squash

from permanence_tracker import reports
from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import PlanChange
from permanence_tracker.domain.standing import assess_child
from permanence_tracker.services.permanence.cohort import Cohort
from permanence_tracker.services.permanence.dashboard import dashboard
from permanence_tracker.services.reporting.inputs import CohortData, ReportInput, ReportRequest

LATE = date(2026, 2, 1)


def _text(tmp_path, late: bool) -> str:
    histories = [replace(h, plans=(*h.plans, PlanChange("K2", LATE, "Adoption")))
                 if late and h.child.child_id == "K2" else h for h in HISTORIES]
    calendar = WorkingCalendar()
    standings = sorted((assess_child(h, AS_OF, calendar, SETTINGS) for h in histories),
                       key=lambda s: s.child_id)
    board = dashboard(Cohort(AS_OF, SETTINGS, IROS, tuple(standings), calendar))
    report = ReportInput(ReportRequest("cohort", AS_OF), SETTINGS,
                         CohortData(board, board.year_from))
    return squash(pdf_text(reports.render(report, GENERATED), tmp_path))


def test_a_plan_agreed_late_is_counted_and_told_apart(tmp_path):
    flat = _text(tmp_path, late=True)
    assert "Without a plan by the 2nd review 3 100.0%" in flat  # still in the measure
    assert ("Of the 3 without a plan by the 2nd review, 2 still have no plan and 1 had a plan "
            "agreed late (after the 2nd review): still counted here, no longer flagged.") in flat
    assert "plan agreed late, on 01/02/2026" in flat


def test_without_late_plans_all_still_have_none(tmp_path):
    flat = _text(tmp_path, late=False)
    assert "Of the 3 without a plan by the 2nd review, 3 still have no plan and 0 had a plan " \
           "agreed late" in flat
    assert flat.count("still no plan") == 3  # each child's "why listed"
