"""Care ends at 18, worked by hand (issue 8, statutory corrections item 4).

Sources: Children Act 1989 s105(1) (a "child" is a person under 18) and s22 (only a child is
looked after), so no LAC review (Care Planning Regs 2010 reg 33) is due on or after the 18th
birthday; DfE SSDA903 validation rule 352 (a child who starts to be looked after must be under
18); Family Law Reform Act 1969 s9 (a 29 February birthday is reached on 1 March in a common
year, as ``domain.measures.age_in_years`` counts).

Child T1 below: C2 from Mon 02/06/2025. 1st review due 20 working days later: 3-6 Jun = 4,
9-13 = 9, 16-20 = 14, 23-27 = 19, Mon 30 Jun = 20; held 25/06/2025. 2nd due 25/09/2025,
held 24/09/2025. 3rd due 24/09/2025 + 6 months = 24/03/2026.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from permanence_tracker.cli.summary_json import summary_json
from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import Child, ChildHistory, Episode, Review, Settings
from permanence_tracker.domain.measures import age_in_years, birthday, eighteenth_birthday
from permanence_tracker.domain.periods import periods_of_care
from permanence_tracker.domain.standing import assess_child
from permanence_tracker.domain.timetable import review_timetable
from permanence_tracker.domain.validation import check_episode
from permanence_tracker.services.permanence.cohort import Cohort
from permanence_tracker.services.permanence.rows import child_row
from permanence_tracker.services.permanence.summary import summarise
from permanence_tracker.services.reviews.due import next_reviews

D = date.fromisoformat
ENGLAND = WorkingCalendar()
REVIEWS = ("2025-06-25", "2025-09-24")


def child(cid: str, dob: str, legal="C2", placement="U4", reviews=REVIEWS) -> ChildHistory:
    episode = Episode(cid, D("2025-06-02"), "S", legal, placement=placement)
    return ChildHistory(Child(cid, D(dob)), episodes=(episode,),
                        reviews=tuple(Review(cid, D(r)) for r in reviews))


def test_29_february_birthdays_fall_on_1_march_in_common_years():
    """Family Law Reform Act 1969 s9, as age_in_years counts: one rule for both helpers."""
    assert birthday(D("2008-02-29"), 18) == D("2026-03-01")
    assert eighteenth_birthday(D("2008-02-29")) == D("2026-03-01")
    assert birthday(D("2012-02-29"), 20) == D("2032-02-29")  # 2032 is a leap year
    assert eighteenth_birthday(D("2008-05-20")) == D("2026-05-20")
    day = D("1999-12-25")
    while day < D("2009-01-05"):  # every birthday agrees with age_in_years
        adult = eighteenth_birthday(day)
        assert age_in_years(day, adult) == 18
        assert age_in_years(day, adult - timedelta(days=1)) == 17
        day += timedelta(days=1)


def test_no_next_review_due_on_or_after_the_18th_birthday():
    """s105(1): the 3rd review, due 24/03/2026, is not given when that is the 18th birthday
    or later; it is given when the birthday is the day after."""
    period = periods_of_care([Episode("T1", D("2025-06-02"), "S", "C2")])[0]
    held = [D(r) for r in REVIEWS]
    due = review_timetable(period, held, ENGLAND, D("2025-10-01"))
    assert (due.next.number, due.next.due) == (3, D("2026-03-24"))
    on = review_timetable(period, held, ENGLAND, D("2025-10-01"), care_ends=D("2026-03-24"))
    assert on.next is None and on.ends_at_18
    day_after = review_timetable(period, held, ENGLAND, D("2025-10-01"), D("2026-03-25"))
    assert day_after.next == due.next and not day_after.ends_at_18
    assert [h.held for h in on.held] == held  # reviews held are still counted


def _cohort(*histories, as_of="2025-10-01"):
    standings = tuple(assess_child(h, D(as_of), ENGLAND, Settings()) for h in histories)
    return Cohort(D(as_of), Settings(), (), standings, ENGLAND)


def test_summary_and_reviews_due_leave_out_a_child_18_on_or_before_the_due_date():
    """Issue 8 summary contract: a child is left out of ``reviews_due`` when their 18th
    birthday falls on or before the due date (24/03/2026 for all three)."""
    cohort = _cohort(child("BEFORE", "2008-03-23"), child("ON", "2008-03-24"),
                     child("AFTER", "2008-03-25"))
    assert all(s.looked_after for s in cohort.standings)  # the 903 episodes are still open
    assert summary_json(summarise(cohort))["reviews_due"] == [
        {"child_id": "AFTER", "review_number": 3, "due": "2026-03-24", "overdue": False}]
    assert [r.child_id for r in next_reviews(cohort).reviews] == ["AFTER"]


def test_standing_says_when_care_ends_and_flags_an_episode_left_open_past_18():
    """Born 20/05/2008: 18 on 20/05/2026. The 4th review (after the 3rd held 10/03/2026) would
    be due 10/09/2026, after the birthday: none is due. On 01/06/2026 the episode is still open:
    the child stays looked after as the 903 data says (the summary contract's definition) but a
    warning says it needs closing, as care ended on the birthday."""
    hist_reviews = (*REVIEWS, "2026-03-10")
    hist = child("T1", "2008-05-20", reviews=hist_reviews)
    before = assess_child(hist, D("2026-04-01"), ENGLAND, Settings())
    assert before.care_ends == D("2026-05-20") and before.timetable.ends_at_18
    assert before.looked_after and before.timetable.next is None and not before.open_past_18
    row = child_row(before)
    assert row.leaves_care == "Leaves care on 20/05/2026 (18th birthday)"
    assert row.no_review_before_18 and row.next_review_due is None and row.warnings == ()
    after = child_row(assess_child(hist, D("2026-06-01"), ENGLAND, Settings()))
    assert after.looked_after and after.age == 18
    assert after.leaves_care.startswith("Care ended on 20/05/2026 (18th birthday)")
    [warning] = after.warnings
    assert warning.code == "OPEN_PAST_18" and "20/05/2026" in warning.explanation
    assert "close it" in warning.explanation
    assert after.flag_codes == {"NO_PLAN"}  # no plan by the 2nd review; nothing overdue
    # Accommodation under s20(5) in a community home (V2 with K2) may stay open: rule 359.
    s20 = child_row(assess_child(child("T2", "2008-05-20", "V2", "K2", hist_reviews),
                                 D("2026-06-01"), ENGLAND, Settings()))
    assert s20.warnings == () and s20.no_review_before_18


@pytest.mark.parametrize(("dob", "start", "refused"), [
    ("2008-03-24", "2026-03-23", False),  # the day before the 18th birthday
    ("2008-03-24", "2026-03-24", True),  # on the birthday
    ("2008-03-24", "2026-03-30", True),
    ("2008-02-29", "2026-02-28", False),  # 17 until 1 March 2026
    ("2008-02-29", "2026-03-01", True),
])
def test_rule_352_refuses_a_period_of_care_starting_at_18(dob, start, refused):
    """DfE rule 352: a child who starts to be looked after (RNE S) must be under 18."""
    kid = Child("T1", D(dob))
    problems = check_episode(Episode("T1", D(start), "S", "V2", placement="K2"), [], kid,
                             D("2026-04-01"), ["V2"], ["K2"])
    found = [p for p in problems if "DfE rule 352" in p.message]
    assert bool(found) == refused
    if refused:
        assert found[0].field == "start"
        assert f"18th birthday ({eighteenth_birthday(D(dob)):%d/%m/%Y})" in found[0].message


def test_rule_352_is_about_starting_care_not_a_change_within_it():
    """Rule 352 checks RNE S only: a change of placement after 18 is not a start of care."""
    kid = Child("T1", D("2008-03-24"))
    problems = check_episode(Episode("T1", D("2026-03-30"), "P", "V2", placement="K2"), [],
                             kid, D("2026-04-01"), ["V2"], ["K2"])
    assert not [p for p in problems if "352" in p.message]
