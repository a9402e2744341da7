"""The panels context (services.panels) on the in-memory unit of work (tests/fakes.py).

Commands are run through the services and must refuse bad input with every problem and leave
nothing behind. The reads run over a small authority stored by hand (no command involved), as
of Tue 31/03/2026; deadlines are the 7th working day after the ADM received the minutes
(Fostering NMS 2011 std 14 / Adoption NMS 2014 std 17), worked by hand below.

- A, Thu 13/03/2025 Permanence: (1) K1 plan for permanent fostering Recommended, minutes
  17/03/2025, Agreed 19/03/2025 (deadline 26/03/2025: decided in time).
- B, Thu 12/03/2026 Adoption: (1) K2 adoption match Recommended, minutes Wed 25/03/2026,
  no decision: deadline Tue 07/04/2026 (26, 27, 30, 31 Mar, 1, 2 Apr, Good Friday 3 and
  Easter Monday 6 Apr skipped, 7 Apr); (2) carers Mr and Mrs Ray, approval Not recommended,
  minutes Fri 13/03/2026, no decision: deadline Tue 24/03/2026 (16-20, 23, 24 Mar), missed;
  (3) K1 match for permanent fostering Recommended, no minutes; (4) K2 plan, not recorded;
  (5) K1 plan Deferred.
- C, Thu 09/04/2026 Fostering: (1) review of carers, Ms Oak: scheduled.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from fakes import fake_uow_factory

from permanence_tracker.domain.entities import Child, MonitoringOutcome
from permanence_tracker.domain.errors import ConflictError, NotFoundError, ValidationError
from permanence_tracker.domain.panels import (
    AWAITING_MINUTES,
    DECIDED,
    DECISION_DUE,
    DECISION_MISSED,
    NO_DECISION_NEEDED,
    SCHEDULED,
    TO_RECORD,
    AgendaItem,
    PanelMeeting,
    SuggestedOutcome,
)
from permanence_tracker.services import panels as svc

D = date.fromisoformat
TODAY = D("2026-03-31")
MEMBERS = ("Pat Chair", "Sam Member")
PF_PLAN, PF_MATCH = "Plan for permanent fostering", "Match for permanent fostering"
PF_OUTCOME = "Permanent Fostering Panel Agreed"


@pytest.fixture
def uow(store):
    with fake_uow_factory(store)() as u:
        u.repo.add(Child("K1", D("2016-01-01"), forename="Kai", surname="Lee"))
        u.repo.add(Child("K2", D("2017-02-02"), forename="Mia", surname="Fox"))
    return fake_uow_factory(store)


def _refused(store, call, error=ValidationError):
    """Run ``call``, which must raise ``error`` and commit nothing; returns the fields named."""
    before = (store.commits, list(store.state.audit), dict(store.state.tables))
    with pytest.raises(error) as excinfo:
        call()
    assert (store.commits, store.state.audit, store.state.tables) == before
    return excinfo


def _fields(excinfo) -> set[str]:
    return {p.field for p in excinfo.value.problems}


def _stored(uow, cls):
    with uow() as u:
        return u.repo.records(cls)


@pytest.fixture
def held(uow):
    """A quorate panel held on Thu 12/03/2026 and an upcoming one, saved through the service."""
    met = svc.save_panel(uow, PanelMeeting(D("2026-03-12"), "Permanence", "Pat Chair", MEMBERS,
                                           True), TODAY)
    later = svc.save_panel(uow, PanelMeeting(D("2026-04-09"), "Fostering", "Pat Chair"), TODAY)
    return met, later


# -- meetings and items ------------------------------------------------------------------
def test_save_panel_tidies_stores_version_one_and_audits(uow, store):
    saved = svc.save_panel(uow, PanelMeeting(D("2026-03-12"), "Adoption", "  Pat Chair ",
                                             (" Sam ", "Indy"), True, " Room 1 "), TODAY)
    assert (saved.id, saved.version, saved.chair, saved.members, saved.venue) == (
        1, 1, "Pat Chair", ("Sam", "Indy"), "Room 1")
    assert _stored(uow, PanelMeeting) == [saved]
    assert [(a["table_name"], a["row_key"], a["action"]) for a in store.state.audit[-1:]] == [
        ("panel", "1", "insert")]
    updated = svc.save_panel(uow, replace(saved, venue="Room 2"), TODAY)
    assert (updated.version, _stored(uow, PanelMeeting)) == (2, [updated])


def test_bad_panel_names_every_problem_and_writes_nothing(uow, store):
    excinfo = _refused(store, lambda: svc.save_panel(uow, PanelMeeting(
        D("2026-04-09"), "Tea party", "  ", ("Sam", " Sam", " "), True), TODAY))
    assert _fields(excinfo) == {"type", "chair", "members", "quorate"}
    message = str(excinfo.value)
    assert "'Tea party' is not a panel type" in message
    assert "names Sam more than once" in message
    assert "the panel meets on 09/04/2026" in message
    _refused(store, lambda: svc.save_panel(uow, PanelMeeting(
        D("2026-03-12"), "Adoption", "Pat", id=42, version=1), TODAY), NotFoundError)


def test_save_item_tidies_and_refuses_bad_items_leaving_nothing(uow, store, held):
    met, _later = held
    item = svc.save_item(uow, AgendaItem(met.id, "Approval of carers", " ", "  Mr Ray ",
                                         " 0-5 years "), TODAY)
    assert (item.child_id, item.carers, item.terms, item.version) == (None, "Mr Ray",
                                                                      "0-5 years", 1)
    excinfo = _refused(store, lambda: svc.save_item(
        uow, AgendaItem(met.id, "Tea and biscuits", "C9"), TODAY))
    assert _fields(excinfo) == {"business", "child_id"}
    assert "no child with ID 'C9'" in str(excinfo.value)
    excinfo = _refused(store, lambda: svc.save_item(
        uow, AgendaItem(met.id, PF_PLAN, terms="two children"), TODAY))
    assert _fields(excinfo) == {"child_id", "terms"}
    excinfo = _refused(store, lambda: svc.save_item(
        uow, AgendaItem(met.id, PF_PLAN, "K1", reasons="Because"), TODAY))
    assert "recommendation: is blank but reasons" in str(excinfo.value)
    _refused(store, lambda: svc.save_item(uow, AgendaItem(99, PF_PLAN, "K1"), TODAY),
             NotFoundError)
    assert _stored(uow, AgendaItem) == [item]


def test_an_update_of_a_panel_that_would_break_its_items_is_refused(uow, store, held):
    met, _later = held
    item = svc.save_item(uow, AgendaItem(met.id, PF_PLAN, "K1"), TODAY)
    svc.record_recommendation(uow, item, "Recommended", "Settled", "", TODAY)
    met = _stored(uow, PanelMeeting)[0]
    excinfo = _refused(store, lambda: svc.save_panel(uow, replace(met, quorate=False), TODAY))
    assert [p.field for p in excinfo.value.problems] == ["quorate"]
    assert "would make item 1 (Plan for permanent fostering) wrong" in str(excinfo.value)
    assert "needs a quorate panel" in str(excinfo.value)


# -- recording ---------------------------------------------------------------------------
def test_recommendation_is_stored_and_offers_the_childs_outcome(uow, store, held):
    met, _later = held
    item = svc.save_item(uow, AgendaItem(met.id, PF_PLAN, "K1"), TODAY)
    recorded = svc.record_recommendation(uow, item, "Recommended", "  Settled with carers ",
                                         " One member wished to wait ", TODAY)
    assert isinstance(recorded, svc.Recorded)
    assert (recorded.item.recommendation, recorded.item.reasons, recorded.item.dissent,
            recorded.item.version) == ("Recommended", "Settled with carers",
                                       "One member wished to wait", 2)
    assert _stored(uow, AgendaItem) == [recorded.item]
    assert recorded.suggestion == SuggestedOutcome(
        "K1", PF_OUTCOME, D("2026-03-12"),
        "Plan for permanent fostering recommended by the panel (panel of 12/03/2026).")
    # Accepting it adds the outcome; the ADM's agreement then offers nothing more.
    added = svc.add_suggested_outcome(uow, recorded.suggestion, TODAY)
    assert _stored(uow, MonitoringOutcome) == [added]
    decided = svc.record_decision(uow, recorded.item, D("2026-03-16"), "Agreed",
                                  D("2026-03-20"), TODAY, " Agreed at once ")
    assert decided.suggestion is None
    assert (decided.item.adm_decision, decided.item.adm_notes, decided.item.version) == (
        "Agreed", "Agreed at once", 3)


def test_decision_offers_the_outcome_dated_the_decision_when_none_was_added(uow, held):
    met, _later = held
    item = svc.save_item(uow, AgendaItem(met.id, PF_MATCH, "K2"), TODAY)
    recorded = svc.record_recommendation(uow, item, "Recommended", "Reasons", "", TODAY)
    decided = svc.record_decision(uow, recorded.item, D("2026-03-16"), "Agreed",
                                  D("2026-03-20"), TODAY)
    assert (decided.suggestion.child_id, decided.suggestion.recorded) == ("K2", D("2026-03-20"))
    assert "agreed by the agency decision maker" in decided.suggestion.notes
    assert _stored(uow, MonitoringOutcome) == []  # only offered, never added by itself
    not_agreed = svc.record_decision(uow, decided.item, D("2026-03-16"), "Not agreed",
                                     D("2026-03-20"), TODAY)
    assert not_agreed.suggestion is None


def test_no_outcome_offered_for_carers_or_a_negative_recommendation(uow, held):
    met, _later = held
    carers = svc.save_item(uow, AgendaItem(met.id, "Approval of carers", carers="Ms Oak"), TODAY)
    assert svc.record_recommendation(uow, carers, "Recommended", "Fine", "", TODAY
                                     ).suggestion is None
    child = svc.save_item(uow, AgendaItem(met.id, PF_PLAN, "K1"), TODAY)
    assert svc.record_recommendation(uow, child, "Not recommended", "Too soon", "", TODAY
                                     ).suggestion is None


def test_bad_recordings_are_refused_and_leave_the_item_as_it_was(uow, store, held):
    met, later = held
    item = svc.save_item(uow, AgendaItem(met.id, PF_PLAN, "K1"), TODAY)
    excinfo = _refused(store, lambda: svc.record_recommendation(uow, item, "Recommended", " ",
                                                                "", TODAY))
    assert _fields(excinfo) == {"reasons"}
    excinfo = _refused(store, lambda: svc.record_recommendation(uow, item, "Maybe", "Why", "",
                                                                TODAY))
    assert "'Maybe' is not a recommendation" in str(excinfo.value)
    early = svc.save_item(uow, AgendaItem(later.id, PF_PLAN, "K2"), TODAY)
    excinfo = _refused(store, lambda: svc.record_recommendation(uow, early, "Deferred", "", "",
                                                                TODAY))
    assert "cannot be recorded yet: the panel meets on 09/04/2026" in str(excinfo.value)
    recorded = svc.record_recommendation(uow, item, "Recommended", "Reasons", "", TODAY).item
    excinfo = _refused(store, lambda: svc.record_decision(
        uow, recorded, D("2026-03-20"), "Agreed", D("2026-03-18"), TODAY))
    assert _fields(excinfo) == {"adm_decision_date"}
    assert "18/03/2026 is before the ADM received the minutes on 20/03/2026" in str(
        excinfo.value)
    stale = replace(recorded, version=item.version)  # as read before the recommendation
    _refused(store, lambda: svc.record_decision(uow, stale, D("2026-03-20"), "", None, TODAY),
             ConflictError)
    assert _stored(uow, AgendaItem)[0] == recorded


def test_record_minutes_dates_only_the_items_awaiting_them(uow, store, held):
    met, later = held
    waiting = [svc.record_recommendation(
        uow, svc.save_item(uow, AgendaItem(met.id, business, child, carers), TODAY), rec,
        "Reasons", "", TODAY).item for business, child, carers, rec in (
            (PF_PLAN, "K1", "", "Recommended"), ("Approval of carers", None, "Ms Oak",
                                                 "Not recommended"))]
    svc.record_recommendation(uow, svc.save_item(uow, AgendaItem(met.id, PF_MATCH, "K2"),
                                                 TODAY), "Deferred", "", "", TODAY)
    svc.save_item(uow, AgendaItem(met.id, PF_MATCH, "K1"), TODAY)  # not recorded yet
    changed = svc.record_minutes(uow, met.id, D("2026-03-25"), TODAY)
    assert [(i.id, i.minutes_received, i.version) for i in changed] == [
        (w.id, D("2026-03-25"), 3) for w in waiting]
    assert [i.minutes_received for i in _stored(uow, AgendaItem)] == [
        D("2026-03-25"), D("2026-03-25"), None, None]
    excinfo = _refused(store, lambda: svc.record_minutes(uow, met.id, D("2026-03-26"), TODAY))
    assert "no item of this panel awaits its minutes" in str(excinfo.value)
    _refused(store, lambda: svc.record_minutes(uow, 99, D("2026-03-26"), TODAY), NotFoundError)
    item = svc.save_item(uow, AgendaItem(met.id, "Review of carers", carers="Mr Bell"), TODAY)
    svc.record_recommendation(uow, item, "Recommended", "Fine", "", TODAY)
    excinfo = _refused(store, lambda: svc.record_minutes(uow, met.id, D("2026-04-01"), TODAY))
    assert "01/04/2026 is in the future" in str(excinfo.value)


def test_a_panel_with_items_is_not_deleted_until_they_are(uow, store, held):
    met, later = held
    item = svc.save_item(uow, AgendaItem(met.id, PF_PLAN, "K1"), TODAY)
    excinfo = _refused(store, lambda: svc.delete_panel(uow, met))
    assert "the panel of 12/03/2026 has 1 agenda item(s): remove them first" in str(
        excinfo.value)
    svc.delete_panel(uow, later)
    _refused(store, lambda: svc.delete_item(uow, replace(item, version=0)), ConflictError)
    svc.delete_item(uow, item)
    svc.delete_panel(uow, met)
    assert (_stored(uow, PanelMeeting), _stored(uow, AgendaItem)) == ([], [])
    with uow() as u:
        trail = u.repo.audit_trail("K1")
    assert [(a["table_name"], a["action"]) for a in trail] == [
        ("child", "insert"), ("panel_item", "insert"), ("panel_item", "delete")]
    _refused(store, lambda: svc.delete_panel(uow, met), NotFoundError)


# -- reads over a hand-built authority -----------------------------------------------------
@pytest.fixture
def authority(uow):
    with uow() as u:
        a = u.repo.add(PanelMeeting(D("2025-03-13"), "Permanence", "Pat", MEMBERS, True))
        b = u.repo.add(PanelMeeting(D("2026-03-12"), "Adoption", "Pat", MEMBERS, True))
        c = u.repo.add(PanelMeeting(D("2026-04-09"), "Fostering", "Pat"))
        u.repo.add_many([
            AgendaItem(a.id, PF_PLAN, "K1", recommendation="Recommended", reasons="r",
                       minutes_received=D("2025-03-17"), adm_decision="Agreed",
                       adm_decision_date=D("2025-03-19")),
            AgendaItem(b.id, "Adoption match", "K2", recommendation="Recommended", reasons="r",
                       minutes_received=D("2026-03-25")),
            AgendaItem(b.id, "Approval of carers", carers="Mr and Mrs Ray",
                       recommendation="Not recommended", reasons="r",
                       minutes_received=D("2026-03-13")),
            AgendaItem(b.id, PF_MATCH, "K1", recommendation="Recommended", reasons="r"),
            AgendaItem(b.id, PF_PLAN, "K2"),
            AgendaItem(b.id, PF_PLAN, "K1", recommendation="Deferred"),
            AgendaItem(c.id, "Review of carers", carers="Ms Oak"),
        ])
    return a, b, c


def _counts(row):
    return (row.items, row.to_record, row.outstanding, row.missed)


def test_panels_lists_upcoming_soonest_first_and_past_newest_first(uow, authority):
    a, b, c = authority
    listed = svc.panels(uow, TODAY)
    assert [r.panel.id for r in listed.upcoming] == [c.id]
    assert [r.panel.id for r in listed.past] == [b.id, a.id]
    assert [_counts(r) for r in listed.upcoming + listed.past] == [
        (1, 0, 0, 0), (5, 1, 3, 1), (1, 0, 0, 0)]
    # Before B met, every one of its items was scheduled: nothing to record or outstanding.
    before = svc.panels(uow, D("2026-03-11"))
    assert [r.panel.id for r in before.upcoming] == [b.id, c.id]
    assert _counts(before.upcoming[0]) == (5, 0, 0, 0)


def test_panel_detail_numbers_names_states_and_deadlines(uow, authority):
    _a, b, _c = authority
    detail = svc.panel_detail(uow, b.id, TODAY)
    assert _counts(detail.panel) == (5, 1, 3, 1)
    rows = detail.items
    assert [r.number for r in rows] == [1, 2, 3, 4, 5]
    assert [r.subject for r in rows] == ["K2 Mia Fox", "carers: Mr and Mrs Ray", "K1 Kai Lee",
                                         "K2 Mia Fox", "K1 Kai Lee"]
    assert [r.status.state for r in rows] == [DECISION_DUE, DECISION_MISSED, AWAITING_MINUTES,
                                              TO_RECORD, NO_DECISION_NEEDED]
    assert [r.deadline for r in rows] == [D("2026-04-07"), D("2026-03-24"), None, None, None]
    assert [r.missed for r in rows] == [False, True, False, False, False]
    with pytest.raises(NotFoundError, match="no panel with ID 99"):
        svc.panel_detail(uow, 99, TODAY)


def test_other_panels_states(uow, authority):
    a, _b, c = authority
    assert [r.status.state for r in svc.panel_detail(uow, a.id, TODAY).items] == [DECIDED]
    assert [r.status.state for r in svc.panel_detail(uow, c.id, TODAY).items] == [SCHEDULED]


def test_outstanding_decisions_missed_then_due_then_awaiting_minutes(uow, authority):
    rows = svc.outstanding_decisions(uow, TODAY)
    assert [(r.number, r.status.state) for r in rows] == [
        (2, DECISION_MISSED), (1, DECISION_DUE), (3, AWAITING_MINUTES)]
    # On 24/03/2026 the carers' deadline was that very day (not missed) and the minutes of
    # 25/03 had not reached the ADM: one decision due, two awaiting minutes.
    earlier = svc.outstanding_decisions(uow, D("2026-03-24"))
    assert [(r.number, r.status.state, r.missed) for r in earlier] == [
        (2, DECISION_DUE, False), (1, AWAITING_MINUTES, False), (3, AWAITING_MINUTES, False)]
    assert [(r.number, r.item.child_id) for r in svc.outcomes_to_record(uow, TODAY)] == [
        (4, "K2")]


def test_panel_figures_per_financial_year_and_per_period(uow, authority):
    figures = svc.panel_figures(uow)
    assert [(f.label, f.panels, f.items, f.plans_permanent_fostering,
             f.matches_permanent_fostering, f.adoption_matches) for f in figures] == [
        ("2024/25", 1, 1, 1, 0, 0),  # A's plan, recommended
        ("2025/26", 1, 5, 0, 1, 1),  # B: deferred and unrecorded plans do not count
        ("2026/27", 1, 1, 0, 0, 0),
    ]
    (march,) = svc.panel_figures(uow, [(D("2026-03-12"), D("2026-03-31"))])
    assert (march.label, march.panels, march.items) == ("12/03/2026 to 31/03/2026", 1, 5)
    (empty,) = svc.panel_figures(uow, [(D("2026-03-13"), D("2026-04-08"))])
    assert (empty.panels, empty.items, empty.adoption_matches) == (0, 0, 0)
    with pytest.raises(ValidationError, match="ends before it starts"):
        svc.panel_figures(uow, [(D("2026-03-31"), D("2026-03-01"))])


def test_no_panels_no_rows_and_no_default_figures(uow):
    assert svc.panels(uow, TODAY) == svc.PanelList(TODAY, (), ())
    assert svc.panel_figures(uow) == ()
    assert svc.outstanding_decisions(uow, TODAY) == ()
