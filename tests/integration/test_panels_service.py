"""The panels service on SQLite and PostgreSQL: the read rows, the figures, and the use cases.

A small authority, as of Tue 31/03/2026 (worked by hand; deadlines are the 7th working day
after the ADM received the minutes, Fostering NMS 14 / Adoption NMS 17):

- 13/03/2025 Permanence: C1 plan for permanent fostering Recommended and Agreed; C2 match
  Not recommended (minutes 17/03/2025, decision 19/03/2025).
- Thu 18/12/2025 Permanence: (1) C1 match Recommended, minutes Mon 22/12, Agreed 05/01/2026
  (deadline 05/01/2026: 23, 24, 29, 30, 31 Dec, 2 and 5 Jan); (2) C2 plan Recommended, same
  minutes, decided 07/01/2026 (late); (3) carers Mr and Mrs Lee, approval Not recommended,
  same minutes, no decision: overdue since 06/01/2026.
- Thu 12/03/2026 Adoption: (1) C3 adoption match Recommended, minutes Wed 25/03/2026, deadline
  Tue 07/04/2026 (26, 27, 30, 31 Mar, 1, 2 Apr; Good Friday 3 and Easter Monday 6 Apr; 7 Apr);
  (2) C1 plan Deferred; (3) C2 match not yet recorded; (4) carers Ms Ray, review of carers,
  Recommended, minutes not received.
- Thu 09/04/2026 Fostering: no items yet.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from permanence_tracker.domain.entities import Child, MonitoringOutcome
from permanence_tracker.domain.errors import ConflictError, NotFoundError, ValidationError
from permanence_tracker.domain.panels import (
    AWAITING_MINUTES,
    DECIDED,
    DECIDED_LATE,
    DECISION_DUE,
    DECISION_MISSED,
    NO_DECISION_NEEDED,
    SCHEDULED,
    TO_RECORD,
    AgendaItem,
    PanelMeeting,
)
from permanence_tracker.services import panels as svc
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records.child_record import load_child_record

D = date.fromisoformat
TODAY = D("2026-03-31")
MEMBERS = ("Pat Chair", "Sam Social Worker", "Indy Pendent")
PF_PLAN, PF_MATCH = "Plan for permanent fostering", "Match for permanent fostering"


def _panel(uow, day, kind, quorate=True):
    return svc.save_panel(uow, PanelMeeting(D(day), kind, "Pat Chair",
                                            MEMBERS if quorate else (), quorate), TODAY)


def _item(uow, panel, business, child=None, carers="", rec="", minutes=None, decision="",
          decided=None):
    item = svc.save_item(uow, AgendaItem(panel.id, business, child, carers), TODAY)
    if rec:
        item = svc.record_recommendation(uow, item, rec, "Reasons given", "", TODAY).item
    if minutes:
        item = svc.record_decision(uow, item, D(minutes), decision,
                                   D(decided) if decided else None, TODAY).item
    return item


@pytest.fixture
def authority(uow):
    for cid, forename, surname in (("C1", "Ava", "Stone"), ("C2", "Ben", "Hart"),
                                   ("C3", "Cal", "Moss")):
        records.add_child(uow, Child(cid, D("2016-01-01"), forename=forename, surname=surname),
                          TODAY)
    old = _panel(uow, "2025-03-13", "Permanence")
    _item(uow, old, PF_PLAN, "C1", rec="Recommended", minutes="2025-03-17", decision="Agreed",
          decided="2025-03-19")
    _item(uow, old, PF_MATCH, "C2", rec="Not recommended", minutes="2025-03-17",
          decision="Not agreed", decided="2025-03-19")
    december = _panel(uow, "2025-12-18", "Permanence")
    _item(uow, december, PF_MATCH, "C1", rec="Recommended", minutes="2025-12-22",
          decision="Agreed", decided="2026-01-05")
    _item(uow, december, PF_PLAN, "C2", rec="Recommended", minutes="2025-12-22",
          decision="Agreed", decided="2026-01-07")
    _item(uow, december, "Approval of carers", carers="Mr and Mrs Lee", rec="Not recommended",
          minutes="2025-12-22")
    march = _panel(uow, "2026-03-12", "Adoption")
    _item(uow, march, "Adoption match", "C3", rec="Recommended", minutes="2026-03-25")
    _item(uow, march, PF_PLAN, "C1", rec="Deferred")
    _item(uow, march, PF_MATCH, "C2")
    _item(uow, march, "Review of carers", carers="Ms Ray", rec="Recommended")
    april = _panel(uow, "2026-04-09", "Fostering", quorate=None)
    return {"old": old, "december": december, "march": march, "april": april}


def _counts(row):
    return (row.items, row.to_record, row.outstanding, row.missed)


def test_panel_list_splits_upcoming_and_past_with_counts(uow, authority):
    listed = svc.panels(uow, TODAY)
    assert [r.panel.date for r in listed.upcoming] == [D("2026-04-09")]
    assert [r.panel.date for r in listed.past] == [D("2026-03-12"), D("2025-12-18"),
                                                   D("2025-03-13")]
    assert [_counts(r) for r in listed.past] == [(4, 1, 2, 0), (3, 0, 1, 2), (2, 0, 0, 0)]
    assert _counts(listed.upcoming[0]) == (0, 0, 0, 0)
    # A panel on the as-of date has been held: it is past. Its recommendations were made
    # that day; the minutes of 25/03 had not reached the ADM, so both awaited them.
    on_the_day = svc.panels(uow, D("2026-03-12"))
    assert on_the_day.past[0].panel.date == D("2026-03-12")
    assert _counts(on_the_day.past[0]) == (4, 1, 2, 0)
    assert [r.panel.date for r in on_the_day.upcoming] == [D("2026-04-09")]


def test_panel_detail_states_deadlines_and_names(uow, authority):
    detail = svc.panel_detail(uow, authority["december"].id, TODAY)
    rows = detail.items
    assert [r.number for r in rows] == [1, 2, 3]
    assert [r.subject for r in rows] == ["C1 Ava Stone", "C2 Ben Hart", "carers: Mr and Mrs Lee"]
    assert [r.status.state for r in rows] == [DECIDED, DECIDED_LATE, DECISION_MISSED]
    assert [r.deadline for r in rows] == [D("2026-01-05")] * 3
    assert [r.missed for r in rows] == [False, True, True]
    march = svc.panel_detail(uow, authority["march"].id, TODAY).items
    assert [r.status.state for r in march] == [DECISION_DUE, NO_DECISION_NEEDED, TO_RECORD,
                                               AWAITING_MINUTES]
    assert march[0].deadline == D("2026-04-07")
    # As it stood on 11/03/2026, before the panel met
    assert {r.status.state for r in svc.panel_detail(uow, authority["march"].id,
                                                     D("2026-03-11")).items} == {SCHEDULED}
    with pytest.raises(NotFoundError, match="no panel with ID 9999"):
        svc.panel_detail(uow, 9999, TODAY)


def test_outstanding_decisions_missed_first_then_due_then_awaiting_minutes(uow, authority):
    rows = svc.outstanding_decisions(uow, TODAY)
    assert [(r.panel.date, r.number) for r in rows] == [
        (D("2025-12-18"), 3), (D("2026-03-12"), 1), (D("2026-03-12"), 4)]
    # On 05/01/2026 the December items were all still in time, with the same deadline
    # (the decision of 07/01/2026 had not been made yet), and March had not happened.
    earlier = svc.outstanding_decisions(uow, D("2026-01-05"))
    assert [(r.number, r.missed) for r in earlier] == [(2, False), (3, False)]


def test_outcomes_to_record(uow, authority):
    rows = svc.outcomes_to_record(uow, TODAY)
    assert [(r.panel.date, r.number, r.item.child_id) for r in rows] == [
        (D("2026-03-12"), 3, "C2")]


def test_panel_figures_by_financial_year_and_by_given_periods(uow, authority):
    figures = svc.panel_figures(uow)
    assert [(f.label, f.panels, f.items, f.plans_permanent_fostering,
             f.matches_permanent_fostering, f.adoption_matches) for f in figures] == [
        ("2024/25", 1, 2, 1, 0, 0),
        ("2025/26", 2, 7, 1, 1, 1),
        ("2026/27", 1, 0, 0, 0, 0),
    ]
    one_day = svc.panel_figures(uow, [(D("2025-12-18"), D("2025-12-18")),
                                      (D("2025-12-19"), D("2026-03-11"))])
    assert [(f.label, f.panels, f.plans_permanent_fostering, f.matches_permanent_fostering)
            for f in one_day] == [("18/12/2025 to 18/12/2025", 1, 1, 1),
                                  ("19/12/2025 to 11/03/2026", 0, 0, 0)]


def test_no_panels_no_default_figures(uow):
    assert svc.panel_figures(uow) == ()
    assert svc.panels(uow, TODAY) == svc.PanelList(TODAY, (), ())


def test_recommendation_offers_the_outcome_and_accepting_adds_it_to_the_child(uow, authority):
    item = svc.save_item(uow, AgendaItem(authority["march"].id, PF_MATCH, "C3"), TODAY)
    recorded = svc.record_recommendation(uow, item, "Recommended", "Settled with carers",
                                         "One member wished to wait", TODAY)
    suggestion = recorded.suggestion
    assert (suggestion.child_id, suggestion.outcome, suggestion.recorded) == (
        "C3", "Permanent Fostering Panel Agreed", D("2026-03-12"))
    added = svc.add_suggested_outcome(uow, suggestion, TODAY)
    record = load_child_record(uow, "C3", TODAY)
    assert [(o.outcome, o.recorded) for o in record.outcomes] == [
        ("Permanent Fostering Panel Agreed", D("2026-03-12"))]
    assert record.outcomes[0].id == added.id
    assert ("monitoring_outcome", "insert") in [(a.table, a.action) for a in record.audit]
    this_item = [a for a in record.audit if a.table == "panel_item" and a.key == str(item.id)]
    assert [a.action for a in this_item] == ["update", "insert"]  # newest first
    assert ("recommendation", "", "Recommended") in this_item[0].changes
    # The ADM agrees later: the child has the outcome since the panel, so no second offer.
    decided = svc.record_decision(uow, recorded.item, D("2026-03-16"), "Agreed",
                                  D("2026-03-20"), TODAY)
    assert decided.suggestion is None
    assert decided.item.version == 3


def test_declined_suggestion_is_offered_again_when_the_adm_agrees(uow, authority):
    item = svc.save_item(uow, AgendaItem(authority["march"].id, PF_PLAN, "C3"), TODAY)
    recorded = svc.record_recommendation(uow, item, "Recommended", "Reasons", "", TODAY)
    assert recorded.suggestion is not None  # declined: nothing added
    decided = svc.record_decision(uow, recorded.item, D("2026-03-16"), "Agreed",
                                  D("2026-03-20"), TODAY)
    assert decided.suggestion.recorded == D("2026-03-20")
    with uow() as u:
        assert u.repo.records(MonitoringOutcome, "C3") == []


def test_bad_item_is_refused_and_nothing_written(uow, authority):
    with pytest.raises(ValidationError) as excinfo:
        svc.save_item(uow, AgendaItem(authority["march"].id, "Tea and biscuits", "C9"), TODAY)
    fields = {p.field for p in excinfo.value.problems}
    assert fields == {"business", "child_id"}
    assert "no child with ID 'C9'" in str(excinfo.value)
    assert len(svc.panel_detail(uow, authority["march"].id, TODAY).items) == 4


def test_recommendation_needs_a_quorate_panel(uow, authority):
    inquorate = _panel(uow, "2026-03-19", "Fostering", quorate=False)
    item = svc.save_item(uow, AgendaItem(inquorate.id, "Review of carers", carers="Ms Ray"),
                         TODAY)
    with pytest.raises(ValidationError, match="needs a quorate panel"):
        svc.record_recommendation(uow, item, "Recommended", "Reasons", "", TODAY)
    deferred = svc.record_recommendation(uow, item, "Deferred", "", "", TODAY)
    assert deferred.item.recommendation == "Deferred"


def test_stale_recommendation_is_refused(uow, authority):
    item = svc.save_item(uow, AgendaItem(authority["march"].id, "Review of carers",
                                         carers="Mr Bell"), TODAY)
    svc.record_recommendation(uow, item, "Recommended", "First", "", TODAY)
    with pytest.raises(ConflictError, match="changed by someone else"):
        svc.record_recommendation(uow, item, "Not recommended", "Second", "", TODAY)
    row = svc.panel_detail(uow, authority["march"].id, TODAY).items[-1]
    assert (row.item.recommendation, row.item.reasons) == ("Recommended", "First")


def test_moving_a_panel_after_its_decisions_is_refused(uow, authority):
    december = authority["december"]
    with pytest.raises(ValidationError) as excinfo:
        svc.save_panel(uow, replace(december, date=D("2026-01-06")), TODAY)
    messages = [p for p in excinfo.value.problems if p.field == "date"]
    assert any("item 1 (Match for permanent fostering)" in p.message
               and "ADM decision date 05/01/2026 is before the panel met on 06/01/2026"
               in p.message for p in messages)
    with pytest.raises(ValidationError, match="needs a quorate panel"):
        svc.save_panel(uow, replace(december, quorate=False), TODAY)
    moved = svc.save_panel(uow, replace(december, venue="Room 2"), TODAY)
    assert moved.version == 2


def test_an_item_keeps_a_business_dropped_from_the_list(uow, authority):
    with uow() as u:
        settings = u.settings()
        u.save_settings(replace(settings, panel_business=(PF_PLAN, PF_MATCH)))
    row = svc.panel_detail(uow, authority["march"].id, TODAY).items[0]  # Adoption match
    saved = svc.save_item(uow, replace(row.item, carers="Mr and Mrs Adopter"), TODAY)
    assert saved.business == "Adoption match"
    with pytest.raises(ValidationError, match="not panel business"):
        svc.save_item(uow, AgendaItem(authority["march"].id, "Adoption match", "C3"), TODAY)


def test_record_minutes_for_a_panel(uow, authority):
    changed = svc.record_minutes(uow, authority["march"].id, D("2026-03-30"), TODAY)
    assert [i.carers for i in changed] == ["Ms Ray"]  # the only item awaiting them
    row = svc.panel_detail(uow, authority["march"].id, TODAY).items[3]
    # Mon 30/03: 31 Mar, 1, 2 Apr, (Easter) 7, 8, 9, 10 Apr
    assert (row.status.state, row.deadline) == (DECISION_DUE, D("2026-04-10"))
    with pytest.raises(ValidationError, match="no item of this panel awaits"):
        svc.record_minutes(uow, authority["march"].id, D("2026-03-30"), TODAY)


def test_a_panel_is_deleted_only_once_empty(uow, authority):
    with pytest.raises(ValidationError, match="3 agenda item"):
        svc.delete_panel(uow, authority["december"])
    svc.delete_panel(uow, authority["april"])
    assert [r.panel.date for r in svc.panels(uow, TODAY).upcoming] == []
    item = svc.panel_detail(uow, authority["march"].id, TODAY).items[2].item
    svc.delete_item(uow, item)
    with uow() as u:
        trail = u.repo.audit_trail("C2")
    assert ("panel_item", "delete") in [(r["table_name"], r["action"]) for r in trail]
