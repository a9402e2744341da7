"""The reg 33 review timetable (and reg 48 for short breaks), worked by hand.

Each case lists the reviews held with the due date and timeliness worked out from the rules:
1st within 20 working days of the start (day 0), 2nd within 3 months of the 1st held, then
6 months from the previous review actually held; in timescale when held on or before due.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from episode_builders import ep
from hypothesis import given
from hypothesis import strategies as st

from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.periods import periods_of_care
from permanence_tracker.domain.timetable import due_after, review_timetable

D = date.fromisoformat
ENGLAND = WorkingCalendar()


def timetable(episodes, reviews, as_of, which=-1):
    period = periods_of_care(episodes)[which]
    return review_timetable(period, [D(r) for r in reviews], ENGLAND, D(as_of))


CASES = {
    # Mon 2025-12-15: 1st due Thu 2026-01-15 (skips 25, 26 Dec and 1 Jan); held 14 Jan, in
    # time. 2nd due 14 Jan + 3 m = 14 Apr; held 20 Apr, late. 3rd due 20 Apr + 6 m = 20 Oct.
    "christmas start, late 2nd": (
        [ep("2025-12-15", "C2")], ["2026-01-14", "2026-04-20"], "2026-05-01",
        [("2026-01-15", True), ("2026-04-14", False)], (3, "2026-10-20"),
    ),
    # Mon 2026-03-16: 1st due Wed 15 Apr (skips Good Friday 3 Apr, Easter Monday 6 Apr).
    # Held early on 20 Mar: 2nd due 20 Mar + 3 m = 20 Jun (from the date held, not the due
    # date). Held early on 1 May (IRO request): 3rd due 1 May + 6 m = 1 Nov.
    "early reviews bring the next forward": (
        [ep("2026-03-16", "C1")], ["2026-03-20", "2026-05-01"], "2026-05-02",
        [("2026-04-15", True), ("2026-06-20", True)], (3, "2026-11-01"),
    ),
    # Mon 2025-11-03: 1st due Mon 1 Dec (4-7, 10-14, 17-21, 24-28 Nov = 19, 1 Dec = 20).
    # Held Sun 30 Nov: 2nd due 30 Nov + 3 m = 28 Feb 2026 (no 30 Feb).
    "30 Nov + 3 months": (
        [ep("2025-11-03", "V2")], ["2025-11-30"], "2026-01-01",
        [("2025-12-01", True)], (2, "2026-02-28"),
    ),
    # Mon 2025-05-19: 1st due Tue 17 Jun (20-23 May = 4, Spring bank holiday 26 May skipped,
    # 27-30 = 8, 2-6 Jun = 13, 9-13 = 18, 16, 17 = 20). Held 31 May; 2nd due 31 Aug, held
    # that day (in time); 3rd due 31 Aug + 6 m = 28 Feb 2026.
    "31 Aug + 6 months": (
        [ep("2025-05-19", "C2")], ["2025-05-31", "2025-08-31"], "2025-09-01",
        [("2025-06-17", True), ("2025-08-31", True)], (3, "2026-02-28"),
    ),
    # Mon 2027-11-01: 1st due Mon 29 Nov (2-5 = 4, 8-12 = 9, 15-19 = 14, 22-26 = 19, 29 =
    # 20); held 30 Nov, a day late. 2nd due 30 Nov + 3 m = 29 Feb 2028 (leap year), held
    # that day; 3rd due 29 Feb + 6 m = 29 Aug 2028.
    "leap year": (
        [ep("2027-11-01", "C2")], ["2027-11-30", "2028-02-29"], "2028-03-01",
        [("2027-11-29", False), ("2028-02-29", True)], (3, "2028-08-29"),
    ),
    # Mon 2027-12-06: 1st due Thu 6 Jan 2028 (7-10 = 4, 13-17 = 9, 20-24 = 14, substitutes
    # 27, 28 Dec skipped, 29-31 = 17, substitute 3 Jan skipped, 4-6 Jan = 20). Held 31 Dec;
    # 2nd due 31 Mar 2028, held then; 3rd due 31 Mar + 6 m = 30 Sep 2028.
    "31 Dec 2027": (
        [ep("2027-12-06", "C1")], ["2027-12-31", "2028-03-31"], "2028-04-01",
        [("2028-01-06", True), ("2028-03-31", True)], (3, "2028-09-30"),
    ),
    # C1 from Mon 2025-01-06, X1 on 1 Jul into C2 (RNE L): one period, the clock runs on.
    # 1st due Mon 3 Feb (7-10, 13-17, 20-24, 27-31 = 19, 3 Feb = 20), held 30 Jan; 2nd due
    # 30 Apr, held 29 Apr; 3rd due 29 Oct (after the status change), held 29 Oct; 4th due
    # 29 Apr 2026.
    "X1 chain keeps the clock": (
        [ep("2025-01-06", "C1", end="2025-07-01", rec="X1"), ep("2025-07-01", "C2", "L")],
        ["2025-01-30", "2025-04-29", "2025-10-29"], "2026-03-31",
        [("2025-02-03", True), ("2025-04-30", True), ("2025-10-29", True)], (4, "2026-04-29"),
    ),
    # Ended period: C2 Mon 2024-01-08 to 2025-10-10 (adopted). 1st due Mon 5 Feb 2024;
    # 2nd 1 Feb + 3 m = 1 May; 3rd 1 Nov; 4th 1 May 2025. A review dated after the end and
    # one before the start are not in the period. No next review once ended.
    "ended period": (
        [ep("2024-01-08", "C2", end="2025-10-10", rec="E11")],
        ["2023-12-01", "2024-02-01", "2024-05-01", "2024-11-01", "2025-05-01", "2025-11-01"],
        "2026-03-31",
        [("2024-02-05", True), ("2024-05-01", True), ("2024-11-01", True),
         ("2025-05-01", True)], None,
    ),
    # Same child seen on 1 Jun 2024: later reviews unseen, the period still open.
    "as_of in the past": (
        [ep("2024-01-08", "C2", end="2025-10-10", rec="E11")],
        ["2024-02-01", "2024-05-01", "2024-11-01", "2025-05-01"], "2024-06-01",
        [("2024-02-05", True), ("2024-05-01", True)], (3, "2024-11-01"),
    ),
    # Short breaks under an agreement (V4) from 2026-01-05: 1st due 3 months later, 5 Apr;
    # held 1 Apr; then 6-monthly (not 3): 2nd due 1 Oct.
    "short breaks": (
        [ep("2026-01-05", "V4")], ["2026-04-01"], "2026-04-02",
        [("2026-04-05", True)], (2, "2026-10-01"),
    ),
    # Short breaks, 1st review held 6 Apr: a day after the 5 Apr due date, late.
    "short breaks late": (
        [ep("2026-01-05", "V3")], ["2026-04-06"], "2026-04-07",
        [("2026-04-05", False)], (2, "2026-10-06"),
    ),
    # The same date recorded twice is one review.
    "duplicate date": (
        [ep("2025-12-15", "C2")], ["2026-01-14", "2026-01-14"], "2026-01-20",
        [("2026-01-15", True)], (2, "2026-04-14"),
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_hand_worked_timetables(case):
    episodes, reviews, as_of, held, upcoming = case
    got = timetable(episodes, reviews, as_of)
    assert [(h.due.isoformat(), h.in_timescale) for h in got.held] == held
    assert [h.number for h in got.held] == list(range(1, len(held) + 1))
    if upcoming is None:
        assert got.next is None
    else:
        assert (got.next.number, got.next.due.isoformat()) == upcoming


def test_re_entry_restarts_at_the_first_review():
    episodes = [ep("2024-03-01", "C2", end="2024-09-01", rec="E4A"), ep("2026-03-16", "C1")]
    reviews = ["2024-03-20", "2024-06-10"]
    old = timetable(episodes, reviews, "2026-03-31", which=0)
    new = timetable(episodes, reviews, "2026-03-31", which=1)
    assert len(old.held) == 2 and old.next is None
    # New period from Mon 16 Mar 2026: 1st due Wed 15 Apr (Easter skipped).
    assert new.held == () and (new.next.number, new.next.due) == (1, D("2026-04-15"))


def test_days_left_and_overdue():
    # 3rd review due 25 Mar 2026 (2nd held 25 Sep 2025).
    got = timetable([ep("2025-06-02", "C2")], ["2025-06-20", "2025-09-25"], "2026-03-31")
    nxt = got.next
    assert nxt.due == D("2026-03-25")
    assert (nxt.days_left(D("2026-03-31")), nxt.overdue(D("2026-03-31"))) == (-6, True)
    assert (nxt.days_left(D("2026-03-25")), nxt.overdue(D("2026-03-25"))) == (0, False)
    assert got.review(2).held == D("2025-09-25") and got.review(3) is None


def test_review_number_must_be_positive():
    with pytest.raises(ValueError, match="1 or more"):
        due_after(0, D("2026-01-01"), ENGLAND)


@given(
    start=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
    gaps=st.lists(st.integers(min_value=0, max_value=250), max_size=8),
    short=st.booleans(),
)
def test_due_dates_never_go_backwards(start, gaps, short):
    held, day = [], start
    for gap in gaps:
        day += timedelta(days=gap)
        held.append(day)
    period = periods_of_care([ep(start.isoformat(), "V3" if short else "C2")])[0]
    got = review_timetable(period, held, ENGLAND, day + timedelta(days=1))
    dues = [h.due for h in got.held] + [got.next.due]
    assert dues == sorted(dues)
    previous = [start] + [h.held for h in got.held]
    assert all(due > before for due, before in zip(dues, previous, strict=True))
    assert len(got.held) == len(set(held))
