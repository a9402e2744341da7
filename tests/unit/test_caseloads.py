"""IRO caseloads: per FTE, band, dual-role totals, overdue and due-soon counts, service totals.

Band set to 2-3 children per FTE here so that small hand-made cohorts reach every band (the
real setting is the IRO Handbook's 50-70; the rule, both ends inclusive, is the same).
"""

from __future__ import annotations

from datetime import date

import pytest

from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import (
    Child,
    ChildHistory,
    Episode,
    Iro,
    Review,
    Settings,
)
from permanence_tracker.domain.standing import assess_child
from permanence_tracker.services.permanence.caseloads import caseloads
from permanence_tracker.services.permanence.cohort import Cohort
from permanence_tracker.services.permanence.summary import iro_caseloads

D = date.fromisoformat
AS_OF = D("2026-06-10")
CALENDAR = WorkingCalendar()
SETTINGS = Settings(caseload_low=2, caseload_high=3)


def history(cid, iro, third=None, legal="C2", end=None):
    """In care from 06/01/2025, reviewed 20/01 and 14/04/2025 (3rd due 14/10/2025, overdue on
    10/06/2026 unless held); a 3rd review on ``third`` makes the 4th due 6 months later."""
    episode = Episode(cid, D("2025-01-06"), "S", legal, end=D(end) if end else None,
                      rec="E4A" if end else "")
    held = ["2025-01-20", "2025-04-14"] + ([third] if third else [])
    return ChildHistory(Child(cid, D("2015-05-05"), iro=iro), episodes=(episode,),
                        reviews=tuple(Review(cid, D(h)) for h in held))


IROS = (
    Iro("Kay", fte=0.8, dual_role=True, cp_cases=12),
    Iro("Lee", fte=1.0),
    Iro("Max", active=False),  # inactive, no children: not listed
    Iro("Ned", active=False),  # inactive but still holds a child: listed
)
HISTORIES = (
    history("K1", "Kay"),  # overdue
    history("K2", "Kay", "2025-12-16"),  # due 16/06/2026: week 1
    history("K3", "Kay", "2026-03-01"),  # due 01/09/2026: beyond 8 weeks
    history("K4", "Kay", "2025-12-16", end="2026-05-01"),  # left care: not counted
    history("L1", "Lee", "2026-02-04"),  # due 04/08/2026: week 8
    history("L2", "Lee", "2025-12-16", legal="V3"),  # short breaks: counted, no LAC review
    history("N1", "Ned"),  # overdue
    history("Z1", "Zed", "2025-12-17"),  # IRO not in the list; due 17/06/2026: week 2
    history("U1", ""),  # no IRO allocated
)


@pytest.fixture
def loads():
    standings = tuple(assess_child(h, AS_OF, CALENDAR, SETTINGS) for h in HISTORIES)
    cohort = Cohort(AS_OF, SETTINGS, IROS, tuple(sorted(standings, key=lambda s: s.child_id)),
                    CALENDAR)
    return cohort, caseloads(cohort)


def test_one_row_per_iro_with_inactive_empty_ones_left_out(loads):
    _, result = loads
    assert [r.name for r in result.rows] == ["Kay", "Lee", "Ned", "Zed"]


def test_dual_role_iro(loads):
    _, result = loads
    kay = result.rows[0]
    # 3 looked-after children / 0.8 FTE = 3.75 > 3: above; total 3 + 12 CP = 15, / 0.8 = 18.75
    assert (kay.fte, kay.dual_role, kay.children, kay.per_fte, kay.band) == (
        0.8, True, 3, 3.75, "above")
    assert (kay.cp_cases, kay.total, kay.total_per_fte) == (12, 15, 18.75)
    assert (kay.overdue, kay.due_soon) == (1, 1)


def test_single_role_iro_short_breaks_count_in_caseload_not_reviews(loads):
    _, result = loads
    lee = result.rows[1]
    # L1 and L2 (short breaks are still looked after): 2 / 1.0 = 2.0, the bottom of the band
    assert (lee.children, lee.per_fte, lee.band, lee.cp_cases, lee.total) == (
        2, 2.0, "within", 0, 2)
    assert (lee.overdue, lee.due_soon) == (0, 1)


def test_inactive_and_unlisted_iros(loads):
    _, result = loads
    ned, zed = result.rows[2], result.rows[3]
    assert (ned.active, ned.listed, ned.children, ned.per_fte, ned.band, ned.overdue) == (
        False, True, 1, 1.0, "below", 1)
    # Not in the IRO list: one whole post is assumed (FTE 1.0)
    assert (zed.listed, zed.fte, zed.children, zed.due_soon, zed.overdue) == (
        False, 1.0, 1, 1, 0)


def test_service_totals_and_average(loads):
    _, result = loads
    assert result.unallocated == 1  # U1
    assert (result.fte, result.children, result.cp_cases, result.total) == (3.8, 7, 12, 19)
    # 7 / 3.8 = 1.842 -> 1.84, below 2; 19 / 3.8 = 5.0
    assert (result.average_per_fte, result.average_band, result.total_per_fte) == (
        1.84, "below", 5.0)
    assert (result.overdue, result.due_soon) == (2, 3)
    assert (result.low, result.high) == (2, 3)


def test_figures_agree_with_the_summary(loads):
    cohort, result = loads
    summary = [(r.iro, r.children, r.fte, r.per_fte, r.band) for r in iro_caseloads(cohort)]
    assert [(r.name, r.children, r.fte, r.per_fte, r.band) for r in result.rows] == summary


def test_empty_service_has_no_average():
    cohort = Cohort(AS_OF, Settings(), (), (), CALENDAR)
    result = caseloads(cohort)
    assert (result.rows, result.fte, result.average_per_fte, result.unallocated) == (
        (), 0.0, 0.0, 0)


def test_an_iro_whose_fte_is_not_set_gets_no_invented_figure():
    """An IRO created by a spreadsheet import has FTE 0.0, "not set" (issue 10 item 3: never
    invent FTE): no per-FTE figure or band, and the service figures leave them out, children
    and all. Lee: 2 children (L1; L2 short breaks) at 1.0 FTE; Una: 2 children, FTE not set."""
    iros = (Iro("Lee", fte=1.0), Iro("Una", fte=0.0))
    histories = (history("L1", "Lee", "2026-02-04"), history("L2", "Lee", legal="V3"),
                 history("U1", "Una"), history("U2", "Una", "2026-03-01"))
    standings = tuple(assess_child(h, AS_OF, CALENDAR, SETTINGS) for h in histories)
    cohort = Cohort(AS_OF, SETTINGS, iros, standings, CALENDAR)
    loads = caseloads(cohort)
    una = next(r for r in loads.rows if r.name == "Una")
    assert (una.children, una.per_fte, una.band, una.total_per_fte) == (2, None, "unset", None)
    assert loads.fte_not_set == ("Una",)
    assert loads.average_per_fte == 2.0  # Lee's 2 children over 1.0 FTE; Una's 2 left out
    assert loads.total_per_fte == 2.0
    summary = next(r for r in iro_caseloads(cohort) if r.iro == "Una")
    assert (summary.per_fte, summary.band) == (None, "unset")
