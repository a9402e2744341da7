"""The cohort (permanence monitoring) report: its figures are the dashboard service's.

Hand-worked figures for the conftest authority, reporting year 01/04/2025 to 31/03/2026:
- looked after on 31/03/2026: K1, K2, K3, L1, L2, M1, U1 = 7 (C1 2, C2 3, V2 1, V3 1);
- 2nd review held (issue 8, 2.8: one denominator, looked after now or left care in the year):
  K1, K2, L1, M1 and X1, who left care on 01/12/2025 after a 2nd review (20/04/2024) = 5; with
  a plan by then K1 and M1 = 2 (40.0%); without = 3 (60.0%): L1 section 20, K2 other legal
  status, X1 no longer looked after;
- monitoring: K1 Permanent Fostering Panel Agreed, M1 Adoption family finding underway = 2;
- left care in the year: X1 adopted (E11) = 1, 100.0%;
- reviews held in the year: K1 14/04; K2 14/04, 06/10; L1 12/09; M1 26/09, 19/12; U1 27/02
  = 7, all on or before their due dates; all PN1 at age 9: 7 attended, 7 participated;
- month ends: 30/04/2024 X1 = 1; 30/06/2024 + L1 = 2; 31/01/2025 + K1, K2 = 4; 30/09/2025
  + M1 = 5; 30/11/2025 + L2 = 6; 31/12/2025 X1 adopted = 5; 28/02/2026 + U1 = 6;
  31/03/2026 + K3 = 7;
- drift: M1 A2 150 days (placement order 01/11/2025, not matched) = 1 child.
"""

from __future__ import annotations

import re

import pytest
from report_helpers import AS_OF, GENERATED, check_chrome, pdf_text, render_png, squash

from permanence_tracker import reports
from permanence_tracker.services.permanence.dashboard import dashboard
from permanence_tracker.services.reporting.inputs import CohortData, ReportInput, ReportRequest


@pytest.fixture
def figures(cohort):
    return dashboard(cohort)


@pytest.fixture
def text(cohort, figures, tmp_path):
    report = ReportInput(ReportRequest("cohort", AS_OF), cohort.settings,
                         CohortData(figures, figures.year_from))
    return pdf_text(reports.render(report, GENERATED), tmp_path)


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%"


def test_figures_worked_by_hand(text):
    flat = squash(text)
    assert "Reporting period 01/04/2025 to 31/03/2026" in flat
    assert "7 children were looked after on 31/03/2026" in flat
    for line in ("C1 Interim care order 2 28.6%", "C2 Full care order 3 42.9%",
                 "V2 Section 20 (single period) 1 14.3%", "V3 Short breaks (episodes) 1 14.3%",
                 "All 7 100.0%"):
        assert line in flat
    assert "Of 5 children whose 2nd review was held (looked after on 31/03/2026, or left " \
           "care from 01/04/2025 to 31/03/2026; short breaks only excluded), 2 (40.0%) had " \
           "a permanence plan by then and 3 (60.0%) did not." in flat
    assert "Section 20 1 33.3%" in flat and "Other legal status 1 33.3%" in flat
    assert "Interim care order 0 0.0%" in flat and "No longer looked after 1 33.3%" in flat
    assert "Without a plan by the 2nd review 3 100.0%" in flat
    assert re.search(r"X1 Xia Test Kay Kite 20/04/2024", flat)
    assert "Permanent Fostering Panel Agreed 1" in flat
    assert "Adoption family finding underway 1" in flat and "Children monitored 2" in flat
    assert "1 period of care ended" in flat and "Adoption 1 100.0%" in flat
    # Issue 8, 2.1: short breaks ending are shown apart, never as leaving care.
    assert "Not counted above: 0 short breaks (V3/V4) of 0 children ended in the period. " \
           "A short break ending is not a child leaving care." in flat
    assert "Reviews held 7" in flat and "Held within the statutory timescale 7 100.0%" in flat
    assert "Child attended (PN1–PN4) 7 100.0%" in flat
    assert "Child participated (PN1–PN6) 7 100.0%" in flat
    assert "Adoption A2 over 121 days 1" in flat and "Children with at least one flag 1" in flat
    assert re.search(r"M1 Max Test C2 Mo Moss 01/11/2025 A2: 150 days", flat)
    assert re.search(r"L1 Lou Test V2 Lee Lark 20/09/2024", flat)
    assert re.search(r"K2 Kim Test C2 Kay Kite 14/04/2025", flat)


def _month_row(text: str, month: str) -> list[str]:
    line = next(line for line in text.splitlines() if line.strip().startswith(month + " ")
                or line.strip() == month)
    return re.findall(r"\d+", line)


def test_month_end_table_like_the_seed_report(text):
    # a row per month, a column per year (2024, 2025, 2026): April to December 2024 and
    # 2025, January to March 2025 and 2026
    assert re.search(r"Month\s+2024\s+2025\s+2026", text)
    assert _month_row(text, "January") == ["4", "5"]
    assert _month_row(text, "March") == ["4", "7"]
    assert _month_row(text, "April") == ["1", "4"]
    assert _month_row(text, "June") == ["2", "4"]
    assert _month_row(text, "November") == ["2", "6"]
    assert _month_row(text, "December") == ["2", "5"]


def test_figures_equal_the_dashboard_service(text, figures):
    flat = squash(text)
    d = figures
    assert f"{d.looked_after} children were looked after" in flat
    for c in d.legal_status:
        assert f"{c.label} {c.value} {_pct(c.value, d.looked_after)}" in flat
    assert f"Of {d.second_reviews} children whose 2nd review was held" in flat
    assert d.with_plan + d.without_plan_count == d.second_reviews
    assert f"{d.with_plan} ({_pct(d.with_plan, d.second_reviews)})" in flat
    for group in d.without_plan:
        share = _pct(len(group.children), d.without_plan_count)
        assert f"{group.title} {len(group.children)} {share}" in flat
    for c in d.monitoring:
        assert f"{c.label} {c.value}" in flat
    for c in d.left_care:
        assert f"{c.label} {c.value} {_pct(c.value, d.left_care_total)}" in flat
    assert f"Reviews held {d.reviews_held}" in flat
    assert f"timescale {d.reviews_in_timescale}" in flat
    p = d.participation
    assert f"(PN1–PN4) {p.attended} {_pct(p.attended, p.reviews)}" in flat
    for g in d.drift:
        assert f"{g.title} {len(g.children)}" in flat
    months = {m.day.strftime("%B"): [] for m in d.month_ends}
    for m in sorted(d.month_ends, key=lambda m: m.day):
        months[m.day.strftime("%B")].append(str(m.looked_after))
    for month, values in months.items():
        assert _month_row(text, month) == values


def test_chrome_png_and_determinism(cohort, figures, text, tmp_path):
    check_chrome(text, "Permanence monitoring report")
    report = ReportInput(ReportRequest("cohort", AS_OF), cohort.settings,
                         CohortData(figures, figures.year_from))
    pdf = reports.render(report, GENERATED)
    assert reports.render(report, GENERATED) == pdf
    assert render_png(pdf, tmp_path).read_bytes()[:4] == b"\x89PNG"
