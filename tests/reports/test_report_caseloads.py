"""The caseloads report: its figures are the caseloads service's, worked by hand in conftest."""

from __future__ import annotations

import re

import pytest
from report_helpers import AS_OF, GENERATED, check_chrome, pages, pdf_text, render_png, squash

from permanence_tracker import reports
from permanence_tracker.services.permanence.caseloads import caseloads
from permanence_tracker.services.permanence.rows import child_row
from permanence_tracker.services.reporting.inputs import CaseloadsData, ReportInput, ReportRequest
from permanence_tracker.services.reviews.due import next_reviews

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _input(cohort, iro: str = "") -> ReportInput:
    due = next_reviews(cohort)
    data = CaseloadsData(caseloads(cohort, due), due,
                         tuple(child_row(s) for s in cohort.looked_after), iro)
    return ReportInput(ReportRequest("caseloads", AS_OF, iro=iro), cohort.settings, data)


@pytest.fixture
def report(cohort):
    report = _input(cohort)
    return report, reports.render(report, GENERATED)


def _summary_line(first_page: str, label: str) -> tuple[str, list[float]]:
    """(band word, the numbers) of the summary row that starts with ``label``."""
    line = next(line.strip() for line in first_page.splitlines()
                if line.strip().startswith(label))
    rest = line[len(label):]
    band = re.search(r"\b(below|within|above) \d+–\d+", rest)
    rest = rest[:band.start()] + rest[band.end():]
    return band.group(1), [float(n.replace(",", "")) for n in NUMBER.findall(rest)]


def test_summary_rows_equal_the_service(report, tmp_path):
    data, pdf = report
    first = pages(pdf_text(pdf, tmp_path))[0]
    loads = data.data.caseloads
    for row in loads.rows:
        assert _summary_line(first, row.name) == (row.band, [
            row.fte, row.children, row.per_fte, row.cp_cases, row.total, row.total_per_fte,
            row.overdue, row.due_soon])
    assert _summary_line(first, "Service (all IROs)") == (loads.average_band, [
        loads.fte, loads.children, loads.average_per_fte, loads.cp_cases, loads.total,
        loads.total_per_fte, loads.overdue, loads.due_soon])


def test_summary_figures_worked_by_hand(report, tmp_path):
    _, pdf = report
    text = squash(pages(pdf_text(pdf, tmp_path))[0])
    # name, FTE, dual role, children, per FTE, band, CP, total, total per FTE, overdue, due soon
    assert "Kay Kite 0.8 yes 3 3.75 above 2–3 12 15 18.75 2 1" in text
    assert "Lee Lark 1 2 2 within 2–3 0 2 2 1 0" in text
    assert "Mo Moss 0.5 1 2 within 2–3 0 1 2 0 0" in text
    assert "Service (all IROs) 2.3 6 2.61 within 2–3 12 18 7.83 3 1" in text
    assert "1 looked-after child with no IRO named" in text


def test_a_section_per_iro_lists_their_children(report, tmp_path):
    _, pdf = report
    found = [squash(p) for p in pages(pdf_text(pdf, tmp_path))]
    assert len(found) == 5  # summary, Kay, Lee, Mo, no IRO
    kay, lee, mo, nobody = found[1:]
    assert "Kay Kite 3 looked-after children · 0.8 FTE · 3.75 per FTE (above the 2–3 band)" \
        " · 2 overdue · 1 due in the next 8 weeks · dual role: 12 child protection cases," \
        " total 15 (18.75 per FTE)" in kay
    # most overdue first: K1 168 days, K3 1 day, then K2 due in 6 days; X1 left care
    assert re.search(r"K1 Kit Test C2 3 · 14/10/2025 168 overdue Long-term fostering "
                     r"plan by 2nd review K3 Kai Test C1 1 · 30/03/2026 1 overdue not yet due "
                     r"K2 Kim Test C2 4 · 06/04/2026 6 left no plan by 2nd review", kay)
    assert "X1" not in kay
    assert "L1 Lou Test V2 5 · 12/03/2026 19 overdue no plan by 2nd review" in lee
    assert "L2 Lia Test V3 short breaks (reg 48)" in lee
    assert "M1 Max Test C2 3 · 19/06/2026 80 left Adoption plan by 2nd review A2" in mo
    assert "No IRO allocated" in nobody and "U1 Uma Test C1 2 · 27/05/2026 57 left" in nobody


def test_every_page_has_the_chrome(report, tmp_path):
    _, pdf = report
    check_chrome(pdf_text(pdf, tmp_path), "IRO caseloads")


def test_one_iro_only(cohort, tmp_path):
    pdf = reports.render(_input(cohort, "Lee Lark"), GENERATED)
    found = pages(pdf_text(pdf, tmp_path))
    assert len(found) == 2
    assert "Lee Lark" in found[1] and "Kay Kite" not in found[1] and "U1" not in found[1]


def test_page_one_renders_to_png(report, tmp_path):
    _, pdf = report
    png = render_png(pdf, tmp_path)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_same_input_same_bytes_and_a_change_shows(cohort):
    first = reports.render(_input(cohort), GENERATED)
    assert reports.render(_input(cohort), GENERATED) == first
    assert reports.render(_input(cohort, "Lee Lark"), GENERATED) != first
