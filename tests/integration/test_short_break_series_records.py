"""A short-break series through the record services, the CLI, the child record and the filters.

Sources: issue 8 §2.5 ("A review held between two short breaks of a series belongs to that
series"; Care Planning Regs 2010 reg 48: the 1st review within 3 months of the start of the
first break); issue 8 §2.1 (a period of care made of V3/V4 short breaks ending is not a child
ceasing to be looked after); reg 33 (a review belongs to a period of care).

F1 (born 10/01/2015): V3 breaks 01/04-03/04/2025 and 01/05-03/05/2025, each ending E4A, then
V2 full-time care from Mon 02/06/2025 (RNE S, a new period). The series' 1st review is due
within 3 months of the first break: 01/04/2025 + 3 months = 01/07/2025.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from permanence_tracker import cli
from permanence_tracker.domain import entities as e
from permanence_tracker.domain.errors import ValidationError
from permanence_tracker.services.permanence.cohort_filter import EVERYONE, LEFT_CARE, CohortFilter
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records.child_record import load_child_record

TODAY = date(2026, 3, 31)
D = date.fromisoformat


@pytest.fixture
def breaks(uow):
    records.add_child(uow, e.Child("F1", D("2015-01-10"), "F"), TODAY)
    for start, end in (("2025-04-01", "2025-04-03"), ("2025-05-01", "2025-05-03")):
        records.save_episode(uow, e.Episode("F1", D(start), "S", "V3", placement="U6",
                                            end=D(end), rec="E4A"), TODAY)
    records.save_episode(uow, e.Episode("F1", D("2025-06-02"), "S", "V2", placement="U6"),
                         TODAY)
    return "F1"


def test_a_review_between_two_breaks_of_a_series_is_recorded_and_shown_under_it(
        context, uow, breaks, capsys):
    assert cli.main(["--db", context.url, "review", "add", "F1", "--held", "2025-04-20"]) == 0
    assert "recorded review on 2025-04-20" in capsys.readouterr().out
    record = load_child_record(uow, "F1", TODAY)
    [row] = record.reviews
    # Shown against the series' latest break (period 2), numbered in the series, reg 48.
    assert (row.period, row.number, row.due, row.in_timescale, row.short_breaks) == (
        2, 1, D("2025-07-01"), True, True)


@pytest.mark.parametrize("held", ["2025-03-31", "2025-05-20"])
def test_a_review_outside_every_period_and_series_is_still_refused(uow, breaks, held):
    """31/03/2025: before the first break. 20/05/2025: after the series' last break ended
    (03/05) and before full-time care began (02/06), which is a new period, not the series."""
    with pytest.raises(ValidationError) as refused:
        records.record_review(uow, e.Review("F1", D(held)), TODAY)
    [problem] = refused.value.problems
    assert problem.field == "held" and "not inside a period of care" in problem.message


def test_between_breaks_is_not_leaving_care(uow, breaks):
    """On 20/05/2025 F1 is between breaks (the last ended 03/05/2025): not looked after, but
    not "left care" either (issue 8 §2.1), on the record and in the Left care filter."""
    row = load_child_record(uow, "F1", D("2025-05-20")).standing
    assert not row.looked_after
    assert (row.left_care, row.between_breaks) == (None, D("2025-05-03"))
    assert row.care_words == "no: between short breaks (last ended 03/05/2025)"
    assert not CohortFilter(status=LEFT_CARE).matches(row)
    assert CohortFilter(status=EVERYONE).matches(row)
    now = load_child_record(uow, "F1", TODAY).standing  # full-time care since 02/06/2025
    assert (now.looked_after, now.between_breaks, now.care_words) == (
        True, None, "yes, since 02/06/2025")


def test_a_period_of_full_time_care_ending_is_still_leaving_care(uow, breaks):
    """The V2 period ends 01/09/2025 (E4A, returned home): that is leaving care."""
    with uow() as u:
        [open_episode] = [x for x in u.repo.records(e.Episode, "F1") if x.end is None]
    records.save_episode(uow, replace(open_episode, end=D("2025-09-01"), rec="E4A"), TODAY)
    row = load_child_record(uow, "F1", TODAY).standing
    assert (row.left_care, row.between_breaks) == (D("2025-09-01"), None)
    assert row.care_words == "no: left care 01/09/2025"
    assert CohortFilter(status=LEFT_CARE).matches(row)
