"""The review preparation sheet: the child record service's facts, laid out for the IRO.

M1 (conftest), as of 31/03/2026, worked by hand: in care from Monday 01/09/2025 (C2, U4);
1st review due 20 working days later, 29/09/2025, held 26/09; 2nd due 3 months after that,
26/12/2025, held 19/12; 3rd due 19/06/2026, 80 days ahead. Plan Adoption with parallel
Long-term fostering agreed 01/12/2025, before the 2nd review. ADM decision 10/12/2025,
placement order 01/11/2025, not matched: A1 so far 211 days (01/09/2025 to 31/03/2026: 29 +
31 + 30 + 31 + 31 + 28 + 31), A2 so far 150 days, over the 121-day threshold.
"""

from __future__ import annotations

import re

import pytest
from report_helpers import AS_OF, GENERATED, check_chrome, pdf_text, render_png, squash

from permanence_tracker import reports
from permanence_tracker.domain.errors import NotFoundError
from permanence_tracker.services.records.child_record import load_child_record
from permanence_tracker.services.reporting.inputs import ReportRequest, load_report_input


def _pdf(stored, child_id: str) -> bytes:
    report = load_report_input(stored, ReportRequest("review-prep", AS_OF, child_id=child_id))
    return reports.render(report, GENERATED)


def test_sheet_worked_by_hand(stored, tmp_path):
    pdf = _pdf(stored, "M1")
    flat = squash(pdf_text(pdf, tmp_path))
    assert "Review preparation sheet: Max Test" in flat
    for fact in ("Child ID M1", "Date of birth 05/05/2016 (age 9)", "IRO Mo Moss",
                 "Legal status C2 Full care order", "Placement U4", "Social worker Sam Ray",
                 "Looked after from 01/09/2025", "Last review 19/12/2025",
                 "Next review no. 3, due 19/06/2026 (in 80 days)", "Permanence plan by 2nd review",
                 "Plan Adoption", "Parallel plan Long-term fostering"):
        assert fact in flat, fact
    assert "A2: 150 days from placement order (01/11/2025), not yet matched" in flat
    assert "1 01/09/2025 S C2 Full care order U4" in flat  # chronology
    assert "26/09/2025 1 1 29/09/2025 yes PN1" in flat
    assert "19/12/2025 1 2 26/12/2025 yes PN1" in flat
    assert "next review 3 19/06/2026 in 80 days Mo Moss" in flat
    assert "01/12/2025 Adoption Long-term fostering current" in flat
    assert "ADM decision 10/12/2025 Placement order 01/11/2025" in flat
    assert "A1 days 211 so far (care to placement) A2 days 150 so far (order to match)" in flat
    assert "No missing or away episodes recorded." in flat
    assert "20/01/2026 Adoption family finding underway" in flat
    check_chrome(pdf_text(pdf, tmp_path), "Review preparation sheet")


def test_sheet_equals_the_child_record_service(stored, tmp_path):
    record = load_child_record(stored, "K3", AS_OF)
    flat = squash(pdf_text(_pdf(stored, "K3"), tmp_path))
    s = record.standing
    assert f"no. {s.next_review_number}, due {s.next_review_due:%d/%m/%Y} " \
           f"({-s.days_left} day overdue)" in flat  # 1 day: 30/03/2026
    for flag in s.flags:
        assert squash(f"{flag.label} {flag.explanation}") in flat
    for m in record.missing:
        assert f"Missing {m.start:%d/%m/%Y} {m.end:%d/%m/%Y} {(m.end - m.start).days}" in flat
    assert re.search(r"1 episode\b", flat)


def test_unknown_child_is_refused_before_any_layout(stored):
    with pytest.raises(NotFoundError, match="no child with ID 'NOPE'"):
        load_report_input(stored, ReportRequest("review-prep", AS_OF, child_id="NOPE"))


def test_png_and_determinism(stored, tmp_path):
    pdf = _pdf(stored, "M1")
    assert _pdf(stored, "M1") == pdf
    assert render_png(pdf, tmp_path).read_bytes()[:4] == b"\x89PNG"
