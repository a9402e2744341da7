"""Outcome sheets, the panel summary and the panel figures: the panels service's rows and counts
on paper (panels worked by hand in conftest's ``panelled``)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from report_helpers import AS_OF, GENERATED, check_chrome, pages, pdf_text, render_png, squash

from permanence_tracker import reports
from permanence_tracker.domain.errors import NotFoundError
from permanence_tracker.services.panels import panel_detail, panel_figures
from permanence_tracker.services.reporting.inputs import ReportRequest, load_report_input


def _pdf(uow, name: str, as_of: date = AS_OF, **options) -> bytes:
    return reports.render(load_report_input(uow, ReportRequest(name, as_of, **options)),
                          GENERATED)


def test_one_outcome_sheet_per_item(panelled, tmp_path):
    uow, (p1, _, _) = panelled
    text = pdf_text(_pdf(uow, "outcome-sheet", panel_id=p1), tmp_path)
    found = [squash(p) for p in pages(text)]
    assert len(found) == 3
    match = found[1]
    for words in ("Panel outcome sheet: item 2 of 3", "Permanence panel of 12/03/2025",
                  "Panel date 12/03/2025", "Chair Pat Chair", "Quorum quorate",
                  "Members present Pat Chair, Ravi Member, Sue Social",
                  "Venue Endeavour House", "Item 2: Match for permanent fostering",
                  "Child K2 Kim Test", "Carers Mr and Mrs Lee", "Recommendation Recommended",
                  "Reasons A good match", "Dissent One member asked for a further visit",
                  "Minutes received 14/03/2025",
                  "Decision due by 25/03/2025",  # 7 working days after Friday 14/03
                  "Decision awaited", "decision overdue"):
        assert words in match, words
    # signature and date lines for the chair and the agency decision maker
    assert re.search(r"Panel chair Signature Date Name Pat Chair", match)
    assert re.search(r"Agency decision maker Signature Date Name", match)
    assert "Decision Agreed on 20/03/2025" in found[0]
    assert "Terms of approval Foster carer, 0-4 years, up to 2 children" in found[2]
    assert "Recommendation Deferred" in found[2]
    assert "Decision none needed (deferred)" in found[2]
    check_chrome(text, "Panel outcome sheet")


def test_outcome_sheets_for_one_child(panelled, tmp_path):
    uow, (_, p2, _) = panelled
    found = pages(pdf_text(_pdf(uow, "outcome-sheet", panel_id=p2, child_id="M1"), tmp_path))
    assert len(found) == 1 and "Adoption match" in found[0] and "item 2 of 3" in found[0]
    with pytest.raises(NotFoundError, match="has no item about child 'K1': its children are "
                                            "K2, L1, M1"):
        load_report_input(uow, ReportRequest("outcome-sheet", AS_OF, panel_id=p2,
                                             child_id="K1"))


def test_sheets_equal_the_panels_service(panelled, tmp_path):
    uow, ids = panelled
    for panel_id in ids:
        detail = panel_detail(uow, panel_id, AS_OF)
        found = [squash(p) for p in pages(pdf_text(_pdf(uow, "outcome-sheet",
                                                         panel_id=panel_id), tmp_path))]
        assert len(found) == len(detail.items)
        for row, page in zip(detail.items, found, strict=True):
            assert f"item {row.number} of {detail.panel.items}" in page
            assert f"State on the as-of date: {row.status.state}." in page
            assert squash(row.status.explanation) in page
            if row.deadline:
                assert f"Decision due by {row.deadline:%d/%m/%Y}" in page


def test_panel_summary(panelled, tmp_path):
    uow, (_, p2, _) = panelled
    text = pdf_text(_pdf(uow, "panel-summary", panel_id=p2), tmp_path)
    flat = squash(text)
    assert "Panel summary: Permanence panel of 08/10/2025" in flat
    assert "Items 3" in flat and "To record 0" in flat
    # awaited: L1 (no decision, minutes in) and K2 (not recommended, no minutes yet)
    assert re.search(r"ADM decisions\s+awaited 2", text) or "ADM decisions awaited 2" in flat
    assert "Deadlines missed 2" in flat  # L1 missed; M1 decided 3 days late
    assert re.search(r"Plan for permanent\s+.*L1 Lou Test\s+Recommended", text)
    assert re.search(r"Adoption match\s+M1 Max Test; carers: Mr\s+Recommended", text)
    assert re.search(r"Agreed on\s+21/10/2025\s+decided late", text)
    assert "Not recommended" in flat and "awaiting minutes" in flat
    check_chrome(text, "Panel summary")


def test_panel_figures_per_financial_year(panelled, tmp_path):
    uow, _ = panelled
    text = pdf_text(_pdf(uow, "panel-figures"), tmp_path)
    flat = squash(text)
    assert re.search(r"\s2024/25\s+2025/26\n", text)  # P3 (06/05/2026) is after the as-of date
    assert "Plans for permanent fostering 1 1" in flat
    assert "Matches for permanent fostering 1 0" in flat
    assert "Adoption matches 0 1" in flat
    assert "Panels held 1 1" in flat and "Agenda items heard 3 3" in flat
    check_chrome(text, "Permanence panel figures")


def test_panel_figures_compare_a_year_with_from_then_to_date(panelled, tmp_path):
    uow, _ = panelled
    as_of = date(2026, 5, 31)
    text = pdf_text(_pdf(uow, "panel-figures", as_of, period_from=date(2025, 4, 1)), tmp_path)
    flat = squash(text)
    # the seed's "2014/15" against "April 2015 to present"; P3 met on 06/05/2026 but has no
    # recommendation yet, so it adds a panel and an item and nothing else
    assert re.search(r"2024/25\s+01/04/2025 to date", text)
    assert "Plans for permanent fostering 1 1" in flat and "Adoption matches 0 1" in flat
    assert "Panels held 1 2" in flat and "Agenda items heard 3 4" in flat
    figures = panel_figures(uow, [(date(2024, 4, 1), date(2025, 3, 31)),
                                  (date(2025, 4, 1), as_of)])
    for name, field in (("Plans for permanent fostering", "plans_permanent_fostering"),
                        ("Matches for permanent fostering", "matches_permanent_fostering"),
                        ("Adoption matches", "adoption_matches"), ("Panels held", "panels")):
        assert f"{name} {getattr(figures[0], field)} {getattr(figures[1], field)}" in flat


def test_unknown_panel(panelled):
    uow, _ = panelled
    with pytest.raises(NotFoundError, match="no panel with ID 999"):
        load_report_input(uow, ReportRequest("panel-summary", AS_OF, panel_id=999))


def test_png_and_determinism(panelled, tmp_path):
    uow, (p1, _, _) = panelled
    for name, options in (("outcome-sheet", {"panel_id": p1}),
                          ("panel-summary", {"panel_id": p1}), ("panel-figures", {})):
        pdf = _pdf(uow, name, **options)
        assert _pdf(uow, name, **options) == pdf, name
        assert render_png(pdf, tmp_path).read_bytes()[:4] == b"\x89PNG"
