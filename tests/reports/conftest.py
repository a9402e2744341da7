"""Fixtures for the report tests: the hand-built authority of ``report_helpers`` in memory,
in a database, and with panels."""

from __future__ import annotations

from dataclasses import replace

import pytest
from report_helpers import HISTORIES, IROS, SETTINGS, D, build_cohort

from permanence_tracker.services.permanence.cohort import Cohort


@pytest.fixture
def cohort() -> Cohort:
    return build_cohort()


@pytest.fixture
def stored(uow):
    """The same authority written to a fresh database; returns the unit-of-work factory."""
    with uow() as u:
        u.save_settings(SETTINGS)
        for iro in IROS:
            u.repo.add(iro)
        for h in HISTORIES:
            u.repo.add(h.child)
            for record in (*h.episodes, *h.reviews, *h.plans, *h.outcomes, *h.adoption,
                           *h.missing):
                u.repo.add(replace(record, id=None))  # the database numbers them
    return uow


PANEL_TODAY = D("2026-03-31")


@pytest.fixture
def panelled(stored):
    """Three permanence panels on top of ``stored``; returns (uow factory, panel IDs).

    P1 Wednesday 12/03/2025 (2024/25): 1 plan for permanent fostering K1, recommended,
    minutes Friday 14/03, agreed 20/03 (deadline 7 working days: 25/03); 2 match for permanent
    fostering K2 with Mr and Mrs Lee, recommended with a dissent, minutes 14/03, no decision
    (deadline 25/03/2025 passed: missed); 3 approval of carers Ms Diaz, deferred.
    P2 Wednesday 08/10/2025 (2025/26): 1 plan for permanent fostering L1, recommended,
    minutes Friday 10/10, no decision: deadline Tuesday 21/10/2025 missed; 2 adoption match
    M1, recommended, minutes 10/10, agreed Friday 24/10 (3 days late); 3 match for permanent
    fostering K2, not recommended.
    P3 Wednesday 06/05/2026 (after the as-of date): 1 plan for permanent fostering U1.
    Recommended per financial year: 2024/25 one plan, one match, no adoption match; 2025/26
    one plan, no match, one adoption match.
    """
    from permanence_tracker.domain.panels import AgendaItem, PanelMeeting
    from permanence_tracker.services import panels as service

    members = ("Pat Chair", "Ravi Member", "Sue Social")
    today = PANEL_TODAY

    def panel(day, quorate=True):
        return service.save_panel(stored, PanelMeeting(
            D(day), "Permanence", "Pat Chair", members if quorate else (), quorate,
            "Endeavour House"), today)

    def item(panel_id, business, child=None, carers="", terms=""):
        return service.save_item(stored, AgendaItem(panel_id, business, child, carers, terms),
                                 today)

    def recommend(saved, words, reasons="", dissent=""):
        return service.record_recommendation(stored, saved, words, reasons, dissent,
                                             today).item

    def decide(saved, minutes, decision="", decided=None):
        return service.record_decision(stored, saved, D(minutes), decision,
                                       D(decided) if decided else None, today).item

    p1 = panel("2025-03-12")
    a = recommend(item(p1.id, "Plan for permanent fostering", "K1"), "Recommended",
                  "Settled with long-term carers; plan agreed with the family")
    decide(a, "2025-03-14", "Agreed", "2025-03-20")
    b = recommend(item(p1.id, "Match for permanent fostering", "K2", "Mr and Mrs Lee"),
                  "Recommended", "A good match", "One member asked for a further visit")
    decide(b, "2025-03-14")
    recommend(item(p1.id, "Approval of carers", carers="Ms Diaz",
                   terms="Foster carer, 0-4 years, up to 2 children"), "Deferred",
              "References outstanding")
    p2 = panel("2025-10-08")
    c = recommend(item(p2.id, "Plan for permanent fostering", "L1"), "Recommended",
                  "Section 20 consent confirmed; long-term carers identified")
    decide(c, "2025-10-10")
    m = recommend(item(p2.id, "Adoption match", "M1", "Mr and Mrs Oak"), "Recommended",
                  "Adopters approved and matched")
    decide(m, "2025-10-10", "Agreed", "2025-10-24")
    recommend(item(p2.id, "Match for permanent fostering", "K2", "Mr and Mrs Ash"),
              "Not recommended", "Carers cannot meet the child's needs")
    p3 = panel("2026-05-06", quorate=None)
    item(p3.id, "Plan for permanent fostering", "U1")
    return stored, (p1.id, p2.id, p3.id)
