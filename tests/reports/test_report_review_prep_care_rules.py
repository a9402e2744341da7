"""The review preparation sheet says when care ends and lists warnings (issue 8 items 4, 7).

Sources: Children Act 1989 s105(1) (care ends at 18: no review is due on or after the 18th
birthday); issue 8 item 7 (a review's "plan in place" answer that the plan records contradict
is a warning with both dates). V1 (born 20/05/2008): C2 from Mon 02/06/2025, reviews
25/06/2025, 24/09/2025 (answer "yes") and 10/03/2026; the 4th would be due 10/09/2026, after
the 18th birthday (20/05/2026). The only plan was agreed on 01/10/2025.
"""

from __future__ import annotations

from report_helpers import AS_OF, GENERATED, D, pdf_text, squash

from permanence_tracker import reports
from permanence_tracker.domain.entities import Child, Episode, PlanChange, Review
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.reporting.inputs import ReportRequest, load_report_input


def test_sheet_says_care_ends_at_18_and_shows_the_plan_answer_warning(uow, tmp_path):
    records.add_child(uow, Child("V1", D("2008-05-20"), "M", "Val", "Vine"), AS_OF)
    records.save_episode(uow, Episode("V1", D("2025-06-02"), "S", "C2", placement="U4"), AS_OF)
    records.record_review(uow, Review("V1", D("2025-06-25")), AS_OF)
    records.record_review(uow, Review("V1", D("2025-09-24"), plan_in_place=True), AS_OF)
    records.record_review(uow, Review("V1", D("2026-03-10")), AS_OF)
    records.set_plan(uow, PlanChange("V1", D("2025-10-01"), "Long-term fostering"), AS_OF)
    report = load_report_input(uow, ReportRequest("review-prep", AS_OF, child_id="V1"))
    pdf = reports.render(report, GENERATED)
    flat = squash(pdf_text(pdf, tmp_path))
    assert "Looked after from 02/06/2025. Leaves care on 20/05/2026 (18th birthday)" in flat
    assert "Next review none: care ends on the 18th birthday (20/05/2026)" in flat
    assert "Warnings: records to put right" in flat
    cells = squash(pdf_text(pdf, tmp_path, layout=False))  # table cells unwrapped
    assert ("2nd review on 24/09/2025 says a plan was in place, but the first plan recorded "
            "was agreed on 01/10/2025") in cells


def test_sheet_says_between_short_breaks_not_left_care(uow, tmp_path):
    """Issue 8 §2.1: a short break (V3) ending is not the child ceasing to be looked after.
    S1: V3 breaks 01-03/04/2025 and 01-03/05/2025 (E4A); on 20/05/2025 between breaks."""
    records.add_child(uow, Child("S1", D("2015-01-10"), "F", "Sol", "Sky"), AS_OF)
    for start, end in (("2025-04-01", "2025-04-03"), ("2025-05-01", "2025-05-03")):
        records.save_episode(uow, Episode("S1", D(start), "S", "V3", placement="U6",
                                          end=D(end), rec="E4A"), AS_OF)
    report = load_report_input(uow, ReportRequest("review-prep", D("2025-05-20"),
                                                  child_id="S1"))
    flat = squash(pdf_text(reports.render(report, GENERATED), tmp_path))
    assert "Looked after between short breaks (last ended 03/05/2025)" in flat
    assert "left care" not in flat
