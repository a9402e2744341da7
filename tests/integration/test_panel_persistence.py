"""Panel tables through the repository: round trips, audit with the child, optimistic locks,
and the panel settings stored beside the others."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from permanence_tracker.domain.entities import Child, Settings
from permanence_tracker.domain.errors import ConflictError
from permanence_tracker.domain.panels import AgendaItem, PanelMeeting

PANEL = PanelMeeting(date(2026, 3, 12), "Permanence", "Pat Chair",
                     ("Pat Chair", "Sam Social Worker", "Indy Pendent"), quorate=True,
                     venue="Room 4")


def test_panel_and_item_round_trip_with_members_and_blank_quorum(uow):
    with uow() as u:
        u.repo.add(Child("C1", date(2015, 5, 1)))
        saved = u.repo.add(PANEL)
        upcoming = u.repo.add(replace(PANEL, date=date(2026, 4, 9), members=(), quorate=None))
        item = u.repo.add(AgendaItem(saved.id, "Plan for permanent fostering", "C1"))
    with uow() as u:
        panels = {p.id: p for p in u.repo.records_where(PanelMeeting)}
        items = u.repo.records_where(AgendaItem, panel_id=saved.id)
    assert panels[saved.id] == replace(PANEL, id=saved.id, version=1)
    assert panels[upcoming.id].members == () and panels[upcoming.id].quorate is None
    assert items == [replace(item, version=1)]
    assert items[0].minutes_received is None and items[0].recommendation == ""


def test_item_changes_are_in_the_childs_audit_trail(uow):
    with uow() as u:
        u.repo.add(Child("C1", date(2015, 5, 1)))
        panel = u.repo.add(PANEL)
        item = u.repo.add(AgendaItem(panel.id, "Match for permanent fostering", "C1"))
        carers_only = u.repo.add(AgendaItem(panel.id, "Review of carers", carers="The Carers"))
    with uow() as u:
        item = u.repo.update(replace(item, recommendation="Recommended", reasons="Settled"))
        u.repo.delete(carers_only)
    with uow() as u:
        trail = u.repo.audit_trail("C1")
    item_rows = [r for r in trail if r["table_name"] == "panel_item"]
    assert [r["action"] for r in item_rows] == ["insert", "update"]
    assert json.loads(item_rows[1]["new"]) == {"recommendation": "Recommended",
                                               "reasons": "Settled"}
    assert json.loads(item_rows[1]["old"]) == {"recommendation": "", "reasons": ""}
    assert item.version == 2


def test_stale_item_update_is_refused_and_nothing_changes(uow):
    with uow() as u:
        panel = u.repo.add(PANEL)
        item = u.repo.add(AgendaItem(panel.id, "Review of carers", carers="The Carers"))
    with uow() as u:
        u.repo.update(replace(item, reasons="First edit", recommendation="Deferred"))
    with pytest.raises(ConflictError, match="changed by someone else"), uow() as u:
        u.repo.update(replace(item, reasons="Second edit, from the old version"))
    with uow() as u:
        (stored,) = u.repo.records_where(AgendaItem, panel_id=panel.id)
    assert (stored.reasons, stored.version) == ("First edit", 2)


def test_panel_settings_round_trip_and_default_when_never_stored(uow):
    with uow() as u:
        defaults = u.settings()
    assert defaults.panel_types == ("Adoption", "Fostering", "Permanence")
    assert "Match for permanent fostering" in defaults.panel_business
    changed = replace(Settings(), panel_types=("Permanence", "Fostering and adoption"),
                      panel_business=("Plan for permanent fostering", "Kinship approval"))
    with uow() as u:
        u.save_settings(changed)
    with uow() as u:
        stored = u.settings()
    assert stored.panel_types == ("Permanence", "Fostering and adoption")
    assert stored.panel_business == ("Plan for permanent fostering", "Kinship approval")
    assert stored.caseload_high == 70  # the other settings as before
