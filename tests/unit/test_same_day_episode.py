"""An episode that begins and ends on one day (DEC = DECOM), worked by hand (issue 8 item 6).

Sources: DfE SSDA903 validation rule 356 refuses only a DEC before DECOM, so a period of care
can begin and end on one day; the summary contract (issue 2): a child is looked after on d
when an episode has start <= d and (no end, or end > d), so such a period is open on no day,
and it is a period of care that ended (counted as leaving care by its REC).
"""

from __future__ import annotations

from datetime import date

from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import Child, ChildHistory, Episode, Settings
from permanence_tracker.domain.periods import periods_of_care
from permanence_tracker.domain.standing import assess_child
from permanence_tracker.domain.validation import check_episode
from permanence_tracker.services.permanence.cohort import Cohort
from permanence_tracker.services.permanence.rows import child_row
from permanence_tracker.services.permanence.summary import left_care, looked_after_on

D = date.fromisoformat
ENGLAND = WorkingCalendar()
KID = Child("T1", D("2015-01-01"))
SAME_DAY = Episode("T1", D("2026-03-10"), "S", "V2", placement="U6", end=D("2026-03-10"),
                   rec="E4A")


def _check(episode, others=()):
    return check_episode(episode, others, KID, D("2026-03-31"), ["V2", "C2"], ["U6"])


def test_dec_equal_to_decom_is_valid_and_dec_before_decom_is_not():
    assert _check(SAME_DAY) == []
    [problem] = _check(Episode("T1", D("2026-03-10"), "S", "V2", placement="U6",
                               end=D("2026-03-09"), rec="E4A"))
    assert problem.field == "end" and "before the start 10/03/2026" in problem.message


def test_a_same_day_episode_overlaps_no_neighbour_ending_or_starting_that_day():
    before = Episode("T1", D("2026-02-01"), "S", "C2", placement="U6", end=D("2026-03-10"),
                     rec="E4A", id=1)
    after = Episode("T1", D("2026-03-10"), "S", "C2", placement="U6", id=2)
    assert _check(SAME_DAY, [before]) == []
    assert _check(Episode("T1", D("2026-03-09"), "S", "V2", placement="U6",
                          end=D("2026-03-09"), rec="E4A"), [after]) == []
    around = Episode("T1", D("2026-03-01"), "S", "C2", placement="U6", id=3)  # open over it
    assert [p.field for p in _check(SAME_DAY, [around])] == ["start"]


def test_a_same_day_period_is_open_on_no_day_and_counts_as_leaving_care():
    [period] = periods_of_care([SAME_DAY])
    assert (period.start, period.end, period.reason_ceased) == (
        D("2026-03-10"), D("2026-03-10"), "E4A")
    assert not period.open_on(D("2026-03-10")) and period.contains(D("2026-03-10"))
    hist = ChildHistory(KID, episodes=(SAME_DAY,))
    s = assess_child(hist, D("2026-03-10"), ENGLAND, Settings())
    assert not s.looked_after and s.timetable.next is None
    row = child_row(s)
    assert (row.start_of_care, row.left_care) == (D("2026-03-10"), D("2026-03-10"))
    cohort = Cohort(D("2026-03-31"), Settings(), (),
                    (assess_child(hist, D("2026-03-31"), ENGLAND, Settings()),), ENGLAND)
    assert looked_after_on(cohort, D("2026-03-10")) == 0
    figures = left_care(cohort, D("2025-04-01"), D("2026-03-31"))
    assert (figures.total, figures.home) == (1, 1)
