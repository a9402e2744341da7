"""The ADM's 7-working-day deadline, item states and suggested outcomes, worked by hand.

Fostering NMS 2011 standard 14 / Adoption NMS 2014 standard 17: the decision is due within 7
working days of the ADM receiving the minutes (receipt day is day 0). Every date below was
counted on a calendar; the working is beside each case.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from permanence_tracker.domain.calendar import WorkingCalendar
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
    adm_deadline,
    item_status,
    suggested_outcome,
)

D = date.fromisoformat
ENGLAND = WorkingCalendar()


@pytest.mark.parametrize(
    ("received", "closures", "expected"),
    [
        # Mon 02/03/2026: Tue 3 (1), Wed 4 (2), Thu 5 (3), Fri 6 (4), Mon 9 (5), Tue 10 (6),
        # Wed 11 (7).
        ("2026-03-02", (), "2026-03-11"),
        # Received on Sat 07/03/2026: Mon 9 (1) ... Fri 13 (5), Mon 16 (6), Tue 17 (7).
        ("2026-03-07", (), "2026-03-17"),
        # Christmas 2025: Mon 22/12: Tue 23 (1), Wed 24 (2); Thu 25 Christmas, Fri 26 Boxing
        # Day, weekend; Mon 29 (3), Tue 30 (4), Wed 31 (5); Thu 1 Jan New Year; Fri 2 (6);
        # weekend; Mon 5 Jan 2026 (7).
        ("2025-12-22", (), "2026-01-05"),
        # The same with the authority closed 29-31/12/2025: Tue 23 (1), Wed 24 (2), Fri 2 Jan
        # (3), Mon 5 (4), Tue 6 (5), Wed 7 (6), Thu 8 (7).
        ("2025-12-22", ("2025-12-29", "2025-12-30", "2025-12-31"), "2026-01-08"),
        # Christmas 2027 falls on a weekend: substitute days Mon 27 and Tue 28 Dec, and Mon 3
        # Jan 2028 for New Year. Wed 22/12/2027: Thu 23 (1), Fri 24 (2), Wed 29 (3), Thu 30 (4),
        # Fri 31 (5), Tue 4 Jan (6), Wed 5 Jan 2028 (7).
        ("2027-12-22", (), "2028-01-05"),
        # Easter 2026: Good Friday 3 April, Easter Monday 6 April. Wed 01/04: Thu 2 (1); Tue 7
        # (2), Wed 8 (3), Thu 9 (4), Fri 10 (5), Mon 13 (6), Tue 14 (7).
        ("2026-04-01", (), "2026-04-14"),
        # Received on Maundy Thursday 02/04/2026: Tue 7 (1) ... Fri 10 (4), Mon 13 (5),
        # Tue 14 (6), Wed 15 (7).
        ("2026-04-02", (), "2026-04-15"),
    ],
)
def test_adm_deadline(received, closures, expected):
    calendar = WorkingCalendar(D(c) for c in closures)
    assert adm_deadline(D(received), calendar) == D(expected)


PANEL = D("2025-12-18")  # a Thursday panel; minutes reach the ADM on Mon 22/12/2025
ITEM = AgendaItem(1, "Match for permanent fostering", child_id="C1",
                  recommendation="Recommended", reasons="Settled and thriving",
                  minutes_received=D("2025-12-22"))


def _state(item, as_of, panel=PANEL):
    return item_status(item, panel, ENGLAND, as_of)


def test_before_the_panel_and_before_the_recommendation():
    assert _state(ITEM, D("2025-12-17")).state == SCHEDULED
    blank = replace(ITEM, recommendation="", reasons="", minutes_received=None)
    status = _state(blank, PANEL)
    assert (status.state, status.outstanding, status.missed) == (TO_RECORD, False, False)


def test_deferred_item_needs_no_decision():
    status = _state(replace(ITEM, recommendation="Deferred", minutes_received=None),
                    D("2026-06-01"))
    assert (status.state, status.outstanding, status.missed) == (NO_DECISION_NEEDED, False,
                                                                 False)


def test_awaiting_minutes_has_no_deadline_yet():
    # Minutes arrive 22/12; on 19/12 the clock has not started, however long ago the panel was.
    status = _state(ITEM, D("2025-12-19"))
    assert (status.state, status.deadline, status.outstanding, status.missed) == (
        AWAITING_MINUTES, None, True, False)
    assert _state(replace(ITEM, minutes_received=None), D("2026-06-01")).state == \
        AWAITING_MINUTES


def test_deadline_day_is_in_time_and_the_next_day_is_missed():
    due = _state(ITEM, D("2026-01-05"))  # the 7th working day itself
    assert (due.state, due.deadline, due.outstanding, due.missed) == (
        DECISION_DUE, D("2026-01-05"), True, False)
    missed = _state(ITEM, D("2026-01-06"))
    assert (missed.state, missed.outstanding, missed.missed) == (DECISION_MISSED, True, True)
    assert "05/01/2026" in missed.explanation and "22/12/2025" in missed.explanation
    assert "7 working days" in missed.explanation


def test_decided_in_time_late_and_after_the_as_of_date():
    on_time = replace(ITEM, adm_decision="Agreed", adm_decision_date=D("2026-01-05"))
    status = _state(on_time, D("2026-03-31"))
    assert (status.state, status.outstanding, status.missed) == (DECIDED, False, False)
    late = replace(on_time, adm_decision_date=D("2026-01-07"))
    status = _state(late, D("2026-03-31"))
    assert (status.state, status.outstanding, status.missed) == (DECIDED_LATE, False, True)
    assert "2 days after the deadline" in status.explanation  # 05/01 to 07/01
    # As of 06/01 the decision of 07/01 had not been made: outstanding and overdue then.
    assert _state(late, D("2026-01-06")).state == DECISION_MISSED


ALLOWED = ("Permanent Fostering Panel Agreed", "No longer looked after")


def test_recommended_match_suggests_the_outcome_dated_the_panel():
    found = suggested_outcome(ITEM, PANEL, ALLOWED, ())
    assert (found.child_id, found.outcome, found.recorded) == (
        "C1", "Permanent Fostering Panel Agreed", PANEL)


def test_agreed_decision_suggests_the_outcome_dated_the_decision():
    agreed = replace(ITEM, adm_decision="Agreed", adm_decision_date=D("2026-01-05"))
    assert suggested_outcome(agreed, PANEL, ALLOWED, ()).recorded == D("2026-01-05")
    # ...unless the child already has it since the panel; an older one does not count.
    assert suggested_outcome(agreed, PANEL, ALLOWED,
                             (("Permanent Fostering Panel Agreed", PANEL),)) is None
    older = (("Permanent Fostering Panel Agreed", D("2024-01-01")),)
    assert suggested_outcome(agreed, PANEL, ALLOWED, older) is not None


@pytest.mark.parametrize(
    "item",
    [
        replace(ITEM, recommendation="Not recommended"),
        replace(ITEM, recommendation="Deferred"),
        replace(ITEM, adm_decision="Not agreed", adm_decision_date=D("2026-01-05")),
        replace(ITEM, child_id=None, carers="Mr and Mrs Carer"),
        replace(ITEM, business="Review of carers"),
    ],
    ids=["not recommended", "deferred", "ADM did not agree", "no child", "other business"],
)
def test_no_suggestion(item):
    assert suggested_outcome(item, PANEL, ALLOWED, ()) is None


def test_no_suggestion_when_the_outcome_is_not_in_the_authoritys_list():
    assert suggested_outcome(ITEM, PANEL, ("No longer looked after",), ()) is None
