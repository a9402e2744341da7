"""The demo authority's panels: two a month, valid by the panel rules, and every state shown.

As of Tue 31/03/2026 the five years run from 31/03/2021: permanence panels on the 2nd
Thursday and adoption or fostering panels on the 4th Thursday of each month, April 2021 to
March 2026 = 60 months x 2 = 120 held; then 09/04/2026 (permanence) and 23/04/2026 (4th
Thursday of April: fostering) are within the 35 days shown ahead. Christmas Day 2025 is a
4th Thursday: that panel meets a week earlier, on 18/12/2025.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from permanence_tracker.domain.panel_checks import check_item, check_panel
from permanence_tracker.domain.panels import (
    AWAITING_MINUTES,
    DECIDED,
    DECIDED_LATE,
    DECISION_DUE,
    DECISION_MISSED,
    MATCH_PERMANENT_FOSTERING,
    PLAN_PERMANENT_FOSTERING,
    TO_RECORD,
    AgendaItem,
    PanelMeeting,
)
from permanence_tracker.services import panels as svc
from permanence_tracker.services.demo import build_demo

AS_OF = date(2026, 3, 31)


@pytest.fixture
def demo(context):
    build_demo(context.uow, children=200, seed=5, as_of=AS_OF)
    return context.uow


def test_two_panels_a_month_and_the_next_ones_ahead(demo):
    listed = svc.panels(demo, AS_OF)
    assert len(listed.past) == 120
    assert [(r.panel.date, r.panel.type) for r in listed.upcoming] == [
        (date(2026, 4, 9), "Permanence"), (date(2026, 4, 23), "Fostering")]
    assert listed.past[-1].panel.date == date(2021, 4, 8)  # 2nd Thursday of April 2021
    days = {r.panel.date for r in listed.past}
    assert date(2025, 12, 18) in days and date(2025, 12, 25) not in days
    assert all(r.items for r in (*listed.past, *listed.upcoming))


def test_every_panel_and_item_passes_the_rules(demo):
    with demo() as uow:
        settings = uow.settings()
        panels = {p.id: p for p in uow.repo.records_where(PanelMeeting)}
        items = uow.repo.records_where(AgendaItem)
        children = uow.repo.child_ids()
    for panel in panels.values():
        assert check_panel(panel, AS_OF, settings.panel_types) == [], panel
    for item in items:
        problems = check_item(item, panels[item.panel_id], AS_OF, settings.panel_business,
                              item.child_id in children)
        assert problems == [], (item, problems)


def test_every_state_a_panel_administrator_meets_is_there(demo):
    states = Counter(r.status.state for r in svc.panel_items(demo, AS_OF))
    for state in (DECIDED, DECIDED_LATE, DECISION_MISSED, TO_RECORD):
        assert states[state] > 0, state
    assert states[DECISION_DUE] + states[AWAITING_MINUTES] > 0
    assert states[DECIDED] > 5 * states[DECIDED_LATE]  # most decisions are in time
    assert svc.outstanding_decisions(demo, AS_OF)
    assert {r.panel.date for r in svc.outcomes_to_record(demo, AS_OF)} == {
        svc.panels(demo, AS_OF).past[0].panel.date}  # only the latest panel's


def test_child_business_follows_the_childrens_records(demo):
    with demo() as uow:
        histories = {h.child.child_id: h for h in uow.histories()}
    rows = svc.panel_items(demo, AS_OF)
    plans = [r for r in rows if r.item.business == PLAN_PERMANENT_FOSTERING]
    assert plans
    for row in plans:
        plan = histories[row.item.child_id].plans[0]
        assert plan.primary == "Long-term fostering"
        assert 0 <= (row.panel.date - plan.agreed).days <= 35
    held = [r for r in rows if r.item.business == MATCH_PERMANENT_FOSTERING and not
            r.panel.date > AS_OF]
    assert held
    for row in held:
        agreed = [o.recorded for o in histories[row.item.child_id].outcomes
                  if o.outcome == "Permanent Fostering Panel Agreed"]
        assert any(0 <= (day - row.panel.date).days <= 45 for day in agreed)
    figures = svc.panel_figures(demo)
    assert sum(f.plans_permanent_fostering for f in figures) > 0
    assert sum(f.matches_permanent_fostering for f in figures) > 0
