"""Reviews due week by week: week boundaries, overdue order, exclusions, per-IRO views.

Every child below entered care on Mon 06/01/2025 and had reviews on 20/01/2025 and 14/04/2025,
then a 3rd on the date given; the 4th is due 6 months after the 3rd (reg 33), so each due
date is chosen by the 3rd review's date. As of Wed 10/06/2026: week 1 is 10/06-16/06,
week 2 17/06-23/06, ..., week 8 29/07-04/08/2026.
"""

from __future__ import annotations

from datetime import date

from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import Child, ChildHistory, Episode, Review, Settings
from permanence_tracker.domain.standing import assess_child
from permanence_tracker.services.permanence.cohort import Cohort
from permanence_tracker.services.permanence.summary import reviews_due as summary_reviews_due
from permanence_tracker.services.reviews.due import next_reviews, week_dates, week_of

D = date.fromisoformat
AS_OF = D("2026-06-10")
CALENDAR = WorkingCalendar()


def history(cid, third, iro="Ann", legal="C2", end=None, forename="Kid"):
    episode = Episode(cid, D("2025-01-06"), "S", legal, end=D(end) if end else None,
                      rec="E4A" if end else "")
    held = ["2025-01-20", "2025-04-14"] + ([third] if third else [])
    return ChildHistory(Child(cid, D("2015-05-05"), forename=forename, surname=cid, iro=iro),
                        episodes=(episode,), reviews=tuple(Review(cid, D(h)) for h in held))


def cohort(*histories, as_of=AS_OF):
    standings = tuple(sorted((assess_child(h, as_of, CALENDAR, Settings()) for h in histories),
                             key=lambda s: s.child_id))
    return Cohort(as_of, Settings(), (), standings, CALENDAR)


# 3rd review date -> 4th due date (6 months later) -> days after 10/06/2026
BOUNDARIES = cohort(
    history("W1a", "2025-12-10"),  # due 10/06/2026: as_of itself, week 1, not overdue
    history("W1b", "2025-12-16"),  # due 16/06/2026: as_of + 6, still week 1
    history("W2", "2025-12-17"),  # due 17/06/2026: as_of + 7, week 2
    history("W8", "2026-02-04"),  # due 04/08/2026: as_of + 55, week 8
    history("OUT", "2026-02-05"),  # due 05/08/2026: as_of + 56, beyond the 8 weeks
    history("LATE1", "2025-12-09", iro="Bob"),  # due 09/06/2026: 1 day overdue
    history("LATE2", None, iro=""),  # 3rd due 14/10/2025 (14/04 + 6 months): 239 days overdue
)


def test_week_of_boundaries():
    assert week_of(AS_OF, AS_OF) == 1
    assert week_of(D("2026-06-16"), AS_OF) == 1
    assert week_of(D("2026-06-17"), AS_OF) == 2
    assert week_of(D("2026-08-04"), AS_OF) == 8
    assert week_of(D("2026-08-05"), AS_OF) is None
    assert week_of(D("2026-06-09"), AS_OF) is None


def test_week_dates_run_from_as_of():
    weeks = week_dates(AS_OF)
    assert len(weeks) == 8
    assert weeks[0] == (D("2026-06-10"), D("2026-06-16"))
    assert weeks[1] == (D("2026-06-17"), D("2026-06-23"))
    assert weeks[7] == (D("2026-07-29"), D("2026-08-04"))


def test_reviews_fall_in_the_right_week():
    due = next_reviews(BOUNDARIES)
    by_week = {w.number: [r.child_id for r in w.reviews] for w in due.weeks}
    assert by_week == {1: ["W1a", "W1b"], 2: ["W2"], 3: [], 4: [], 5: [], 6: [], 7: [],
                       8: ["W8"]}
    assert due.weeks[0].label == "Week 1: 10/06/2026 to 16/06/2026"
    out = next(r for r in due.reviews if r.child_id == "OUT")
    assert (out.due, out.week, out.overdue) == (D("2026-08-05"), None, False)
    assert [r.child_id for r in due.upcoming] == ["W1a", "W1b", "W2", "W8"]
    assert next(r for r in due.reviews if r.child_id == "W1a").number == 4


def test_overdue_most_overdue_first_with_days():
    due = next_reviews(BOUNDARIES)
    assert [(r.child_id, r.number, r.due, r.days_overdue) for r in due.overdue] == [
        ("LATE2", 3, D("2025-10-14"), 239),
        ("LATE1", 4, D("2026-06-09"), 1),
    ]
    assert all(r.week is None for r in due.overdue)


def test_short_breaks_and_children_who_left_are_excluded():
    c = cohort(
        history("SB", "2025-12-16", legal="V3"),  # short breaks (reg 48): not a LAC review
        history("GONE", "2025-12-16", end="2026-05-01"),  # left care before as_of
        history("STAY", "2025-12-16"),
    )
    assert [r.child_id for r in next_reviews(c).reviews] == ["STAY"]


def test_per_iro_views():
    due = next_reviews(BOUNDARIES)
    assert due.iros == ("", "Ann", "Bob")
    bob = due.for_iro("Bob")
    assert [r.child_id for r in bob.overdue] == ["LATE1"]
    assert all(not w.reviews for w in bob.weeks)
    ann = due.for_iro("Ann")
    assert [len(w.reviews) for w in ann.weeks] == [2, 1, 0, 0, 0, 0, 0, 1]
    assert [r.child_id for r in due.for_iro("").overdue] == ["LATE2"]


def test_agrees_with_the_summary_reviews_due():
    due = next_reviews(BOUNDARIES)
    mine = sorted((r.child_id, r.number, r.due.isoformat(), r.overdue) for r in due.reviews)
    theirs = [(r.child_id, r.review_number, r.due.isoformat(), r.overdue)
              for r in summary_reviews_due(BOUNDARIES)]
    assert mine == theirs


def test_names_and_iros_are_carried_for_display():
    due = next_reviews(BOUNDARIES)
    late2 = next(r for r in due.reviews if r.child_id == "LATE2")
    assert (late2.name, late2.iro) == ("Kid LATE2", "")
