"""The dashboard figures on a small cohort worked out by hand, and their agreement with the
summary JSON.

As of Tue 2026-03-31; the year runs from 1 April 2025. IROs: Ann Able 0.5 FTE, Bob Brook 1.0.
A  C2 from Mon 2025-06-02 (Ann). Reviews 20 Jun PN1 (1st due Mon 30 Jun: in time), 25 Sep
   PN5 (2nd due 20 Sep: late). Plan agreed on 25 Sep, the 2nd review day: plan by 2nd review.
   Outcomes: family finding 01/10/2025, then "actively progressing" 01/02/2026 (latest).
B  V2 from Mon 2025-11-03 (Ann). Reviews 28 Nov PN7 (due Mon 1 Dec), 27 Feb PN0 (due 28 Feb),
   both in time. No plan: without a plan, section 20. An outcome dated 10/04/2026 is after
   as_of: unseen.
C  V3 short breaks from 2026-01-05: looked after; its review (10 Feb, PN1) is in no figure.
D  C2 2024-01-08 to 2025-10-10, REC E11: left care, adoption. Reviews 2024-02-01,
   2024-05-01, 2024-11-01 and 2025-05-01 PN2 (4th, due 2025-05-01: in time, in the year).
   Outcome "Adoption Order Granted" 10/10/2025. No plan recorded by the 2nd review (1 May
   2024) and left in the year: "no longer looked after" on the dashboard list.
E  C2 2024-03-01 to 2024-09-01 (E4A, before the year), back on C1 Mon 2026-03-16: 15 days
   of ICO, no drift. Review 2024-03-20 and outcome "Revocation..." 01/09/2024 are before the
   year: in no figure.
F  C1 from Mon 2025-01-06 (Ann). Reviews 30 Jan 2025 PN1 (before the year), 29 Apr PN3 (2nd,
   due 30 Apr), 29 Oct PN4 (3rd, due 29 Oct): in time. Plan 10 May, after the 2nd review:
   without a plan, interim care order. ICO since 06/01/2025: 449 days > 182: drift.
G  V2 Thu 2025-05-01 to 2026-01-15, REC E45: left care, SGO. Reviews 20 May (blank code; due
   Mon 2 Jun after the 5 and 26 May bank holidays) in time, 25 Aug PN6 (due 20 Aug) late.
   No plan by the 2nd review, and left care in the year: counted in the 2nd-review figures
   (issue 8, 2.8: one denominator) and listed under "no longer looked after".
   Outcome "No longer looked after" 15/01/2026.
H  C2 from Mon 2025-04-07 (Bob). 1st due 20 working days on, skipping Good Friday 18 Apr,
   Easter Monday 21 Apr and 5 May = Thu 8 May; held 1 May PN1, in time. 2nd due 1 Aug, held
   20 Aug PN2, late. Plan 01/07/2025: by the 2nd review. Placement order 01/09/2025, not
   matched: A2 = 211 days > 121 (A1 = 358 days, within 426). Outcomes: family finding
   15/03/2025 (before the year), "Old outcome text" 01/12/2025 (no longer in the list).
I  C2 from Mon 2025-06-02 (Bob). Reviews 27 Jun PN1 (due 30 Jun), 26 Sep PN1 (due 27 Sep), in
   time. No plan: without a plan, other legal status.

Looked after on 31/03/2026: A B C E F H I = 7 (C1 E F, C2 A H I, V2 B, V3 C).
Second reviews held (issue 8, 2.8: looked after now, or left care in the year, not short
breaks): A B F H I + D G = 7, with a plan A H = 2, without B D F G I = 5 (2 + 5 = 7).
Reviews in the year: A 2 (1 in time), B 2 (2), D 1 (1), F 2 (2), G 2 (1), H 2 (1), I 2 (2)
= 13 held, 10 in timescale. Their codes: PN1 PN5 PN7 PN0 PN2 PN3 PN4 "" PN6 PN1 PN2 PN1 PN1:
PN0 and the blank are left out, so 11 reviews, attended (PN1-4) 8, participated (PN1-6) 10.
"""

from __future__ import annotations

from datetime import date

import pytest

from permanence_tracker.cli.summary_json import summary_json
from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import (
    AdoptionMilestones,
    Child,
    ChildHistory,
    Episode,
    Iro,
    MonitoringOutcome,
    PlanChange,
    Review,
    Settings,
)
from permanence_tracker.domain.measures import month_ends
from permanence_tracker.domain.standing import assess_child
from permanence_tracker.services.permanence.caseloads import caseloads
from permanence_tracker.services.permanence.cohort import Cohort
from permanence_tracker.services.permanence.dashboard import dashboard
from permanence_tracker.services.permanence.summary import summarise

D = date.fromisoformat
AS_OF = D("2026-03-31")
IROS = (Iro("Ann Able", fte=0.5), Iro("Bob Brook", fte=1.0))
FAMILY_FINDING = "Adoption family finding underway"
PROGRESSING = "Permanence Plan actively progressing and being monitored"


def child(cid, episodes, reviews=(), plans=(), outcomes=(), adoption=(), iro="", name=""):
    forename, _, surname = name.partition(" ")
    return ChildHistory(
        Child(cid, D("2012-05-05"), "1", forename, surname, iro=iro),
        episodes=tuple(Episode(cid, D(s), rne, ls, end=D(e) if e else None, rec=rec)
                       for s, rne, ls, e, rec in episodes),
        reviews=tuple(Review(cid, D(held), code) for held, code in reviews),
        plans=tuple(PlanChange(cid, D(agreed), "Adoption") for agreed in plans),
        outcomes=tuple(MonitoringOutcome(cid, D(day), text, id=n)
                       for n, (day, text) in enumerate(outcomes, start=1)),
        adoption=tuple(adoption),
    )


HISTORIES = (
    child("A", [("2025-06-02", "S", "C2", None, "")],
          [("2025-06-20", "PN1"), ("2025-09-25", "PN5")], ["2025-09-25"],
          [("2025-10-01", FAMILY_FINDING), ("2026-02-01", PROGRESSING)], iro="Ann Able"),
    child("B", [("2025-11-03", "S", "V2", None, "")],
          [("2025-11-28", "PN7"), ("2026-02-27", "PN0")],
          outcomes=[("2026-04-10", "Permanent Fostering Panel Agreed")], iro="Ann Able",
          name="Bea Brown"),
    child("C", [("2026-01-05", "S", "V3", None, "")], [("2026-02-10", "PN1")]),
    child("D", [("2024-01-08", "S", "C2", "2025-10-10", "E11")],
          [("2024-02-01", "PN1"), ("2024-05-01", "PN1"), ("2024-11-01", "PN1"),
           ("2025-05-01", "PN2")], outcomes=[("2025-10-10", "Adoption Order Granted")]),
    child("E", [("2024-03-01", "S", "C2", "2024-09-01", "E4A"), ("2026-03-16", "S", "C1",
                                                                 None, "")],
          [("2024-03-20", "PN1")],
          outcomes=[("2024-09-01", "Revocation of Care Order: placed at home")]),
    child("F", [("2025-01-06", "S", "C1", None, "")],
          [("2025-01-30", "PN1"), ("2025-04-29", "PN3"), ("2025-10-29", "PN4")],
          ["2025-05-10"], iro="Ann Able", name="Fay Fox"),
    child("G", [("2025-05-01", "S", "V2", "2026-01-15", "E45")],
          [("2025-05-20", ""), ("2025-08-25", "PN6")],
          outcomes=[("2026-01-15", "No longer looked after")]),
    child("H", [("2025-04-07", "S", "C2", None, "")],
          [("2025-05-01", "PN1"), ("2025-08-20", "PN2")], ["2025-07-01"],
          [("2025-03-15", FAMILY_FINDING), ("2025-12-01", "Old outcome text")],
          [AdoptionMilestones("H", placement_order=D("2025-09-01"))], iro="Bob Brook"),
    child("I", [("2025-06-02", "S", "C2", None, "")],
          [("2025-06-27", "PN1"), ("2025-09-26", "PN1")], iro="Bob Brook"),
)


def cohort_on(as_of: date, settings: Settings | None = None) -> Cohort:
    settings = settings or Settings()
    calendar = WorkingCalendar()
    standings = tuple(assess_child(h, as_of, calendar, settings) for h in HISTORIES)
    return Cohort(as_of, settings, IROS, standings, calendar)


@pytest.fixture(scope="module")
def board():
    return dashboard(cohort_on(AS_OF))


def test_tiles(board):
    assert board.year_from == D("2025-04-01")
    assert board.looked_after == 7
    assert (board.second_reviews, board.with_plan, board.plan_share) == (7, 2, 2 / 7)
    assert board.with_plan + board.without_plan_count == board.second_reviews
    assert (board.reviews_held, board.reviews_in_timescale) == (13, 10)
    assert board.timescale_share == pytest.approx(10 / 13)
    p = board.participation
    assert (p.reviews, p.attended, p.participated) == (11, 8, 10)


def test_without_plan_grouped_by_reason(board):
    groups = {g.title: [c.child_id for c in g.children] for g in board.without_plan}
    assert groups == {"No longer looked after": ["D", "G"], "Section 20": ["B"],
                      "Interim care order": ["F"], "Other legal status": ["I"]}
    assert board.without_plan_count == 5
    g = board.without_plan[0].children[1]
    assert (g.since, g.legal_status) == (D("2025-08-25"), "")
    b = board.without_plan[1].children[0]
    assert (b.name, b.legal_status, b.iro, b.since) == ("Bea Brown", "V2", "Ann Able",
                                                        D("2026-02-27"))
    assert "27/02/2026" in b.note


def test_drift(board):
    groups = {g.key: [(c.child_id, c.since) for c in g.children] for g in board.drift}
    assert groups == {"ICO": [("F", D("2025-01-06"))], "A1": [], "A2": [("H", D("2025-09-01"))]}
    assert board.drift_children == 2
    # 449 days after 6 Jan 2025: day 450 (Children Act 1989 s32(1)(a): the first day is day 1)
    assert "day 450): beyond 26 weeks" in board.drift[0].children[0].note
    assert "211 days" in board.drift[2].children[0].note


def test_month_ends_over_24_months(board):
    got = [(m.day.strftime("%Y-%m"), m.looked_after) for m in board.month_ends]
    # 2024: D and E until E leaves on 1 Sep; D alone to F's start in Jan 2025; H from April,
    # G from May, A and I from June; D leaves in Oct, B joins in Nov, G leaves and C joins
    # in Jan, E returns in March.
    expected = ([2] * 5 + [1] * 4 + [2] * 3 + [3, 4] + [6] * 4 + [5] + [6] * 4 + [7])
    assert [n for _, n in got] == expected
    assert (board.month_ends[0].day, board.month_ends[-1].day) == (D("2024-04-30"), AS_OF)


def test_legal_status_left_care_and_monitoring(board):
    assert [(c.key, c.label, c.value) for c in board.legal_status] == [
        ("C1", "C1 Interim care order", 2), ("C2", "C2 Full care order", 3),
        ("V2", "V2 Section 20 (single period)", 1), ("V3", "V3 Short breaks (episodes)", 1)]
    assert [(c.key, c.value) for c in board.left_care] == [
        ("adoption", 1), ("sgo", 1), ("cao", 0), ("home", 0), ("other", 0)]
    assert board.left_care_total == 2
    assert [(c.label, c.value) for c in board.monitoring] == [
        ("Adoption Order Granted", 1), ("Revocation of Care Order: placed at home", 0),
        (PROGRESSING, 1), ("No longer looked after", 1),
        ("Permanent Fostering Panel Agreed", 0), (FAMILY_FINDING, 0),
        ("Permanent fostering family finding underway", 0), ("Old outcome text", 1)]


def test_caseloads_are_the_caseload_service(board):
    rows = [(r.name, r.children, r.per_fte, r.band) for r in board.caseloads.rows]
    assert rows == [("Ann Able", 3, 6.0, "below"), ("Bob Brook", 2, 2.0, "below")]
    assert board.caseloads == caseloads(cohort_on(AS_OF))


@pytest.mark.parametrize("as_of", month_ends(AS_OF, 24) + [D("2025-09-30"), D("2026-01-15")])
def test_figures_equal_the_summary(as_of):
    """Every figure the summary JSON also gives is the same, on any as-of date."""
    cohort = cohort_on(as_of)
    board, summary = dashboard(cohort), summary_json(summarise(cohort))
    assert board.looked_after == summary["looked_after"]
    assert {c.key: c.value for c in board.legal_status} == summary["by_legal_status"]
    assert board.second_reviews == summary["second_review_held"]
    assert board.with_plan == summary["with_plan_by_second_review"]
    assert sorted(c.child_id for g in board.without_plan for c in g.children
                  ) == summary["without_plan_by_second_review"]
    # One denominator (issue 8, 2.8): with + without = held, on the dashboard as in the JSON.
    assert board.with_plan + board.without_plan_count == board.second_reviews
    assert {g.key: [c.child_id for c in g.children] for g in board.drift} == {
        "ICO": summary["drift"]["ico_over_26_weeks"],
        "A1": summary["drift"]["a1_over_426_days"], "A2": summary["drift"]["a2_over_121_days"]}
    assert (board.reviews_held, board.reviews_in_timescale) == (
        summary["reviews_in_period"]["held"], summary["reviews_in_period"]["in_timescale"])
    assert {c.key: c.value for c in board.left_care} == {
        k: v for k, v in summary["left_care"].items() if k not in ("from", "to", "total")}
    assert board.left_care_total == summary["left_care"]["total"]
    assert [(f"{m.day:%Y-%m}", m.looked_after) for m in board.month_ends[-12:]] == [
        (m["month"], m["looked_after"]) for m in summary["month_end_counts"]]
    assert [(r.name, r.children, r.fte, r.per_fte, r.band) for r in board.caseloads.rows] == [
        (r["iro"], r["children"], r["fte"], r["per_fte"], r["band"])
        for r in summary["iro_caseloads"]]


def test_period_from_moves_the_year():
    board = dashboard(cohort_on(AS_OF), D("2025-10-01"))
    # From 1 Oct: B 28 Nov PN7 and 27 Feb PN0, F 29 Oct PN4 - all in time; PN0 left out.
    assert (board.year_from, board.reviews_held, board.reviews_in_timescale) == (
        D("2025-10-01"), 3, 3)
    assert (board.participation.reviews, board.participation.attended) == (2, 1)
    # Latest outcomes from 1 Oct: A progressing, D adoption order, G no longer LAC, H old text
    assert sum(c.value for c in board.monitoring) == 4


def test_short_breaks_ending_are_shown_apart_from_leaving_care():
    """Issue 8, 2.1 (SSDA903 guidance, domain.md): a period made only of V3/V4 short breaks
    ending is not a child ceasing to be looked after, even with REC E4A. S has three V3 breaks
    ending E4A in the year and one before it; T (V2) went home (E4A) on 01/02/2026; U began
    on short breaks (V3) and became full-time (C2, RNE L after X1): that period is not short
    breaks only, and it ended E4A on 01/03/2026, so U went home. Home = T and U = 2; short
    breaks ended in the year = 3, of 1 child."""
    histories = (
        child("S", [("2025-03-03", "S", "V3", "2025-03-05", "E4A"),
                    ("2025-06-02", "S", "V3", "2025-06-05", "E4A"),
                    ("2025-09-01", "S", "V3", "2025-09-03", "E4A"),
                    ("2026-01-05", "S", "V3", "2026-01-08", "E4A")]),
        child("T", [("2025-05-01", "S", "V2", "2026-02-01", "E4A")]),
        child("U", [("2025-07-01", "S", "V3", "2025-07-04", "X1"),
                    ("2025-07-04", "L", "C2", "2026-03-01", "E4A")]),
    )
    calendar, settings = WorkingCalendar(), Settings()
    cohort = Cohort(AS_OF, settings, IROS, tuple(assess_child(h, AS_OF, calendar, settings)
                                                 for h in histories), calendar)
    board, summary = dashboard(cohort), summary_json(summarise(cohort))
    assert summary["left_care"] == {"from": "2025-04-01", "to": "2026-03-31", "total": 2,
                                    "adoption": 0, "sgo": 0, "cao": 0, "home": 2, "other": 0}
    assert [(c.key, c.value) for c in board.left_care if c.value] == [("home", 2)]
    assert (board.short_breaks_ended, board.short_break_children) == (3, 1)


def test_drift_titles_and_flags_carry_the_thresholds_in_force():
    """An authority's own thresholds (Settings) name the lists and the table's flag: with ICO at
    52 weeks F (day 450 = 64 weeks) still drifts, and A2 at 250 days clears H (211 days)."""
    from dataclasses import replace as changed

    from permanence_tracker.services.permanence.rows import child_rows

    cohort = cohort_on(AS_OF, changed(Settings(), ico_weeks=52, a1_days=400, a2_days=250))
    titles = {g.key: (g.title, [c.child_id for c in g.children])
              for g in dashboard(cohort).drift}
    assert titles == {"ICO": ("Interim care order beyond 52 weeks", ["F"]),
                      "A1": ("Adoption A1 over 400 days", []),
                      "A2": ("Adoption A2 over 250 days", [])}
    fay = next(r for r in child_rows(cohort) if r.child_id == "F")
    assert [f.label for f in fay.flags if f.code == "ICO"] == ["ICO > 52 weeks"]
