"""Permanence by the second review.

IRO Handbook (2010) and Care Planning Regs 2010 reg 5 / Schedule 1: by the child's second
LAC review the care plan must contain a plan for permanence. Each looked-after child falls in
one of four states; children flagged without a plan carry a reason group (the seed authority's
split: no longer looked after, section 20, interim care order, other legal status).

A child without a plan by the 2nd review stays in that statutory measure for good, but a plan
agreed later (``plan_late_on``) ends the need to act: only ``still_no_plan`` (no plan by the
2nd review and still none on ``as_of``) is the action flag (issue 10 item 2).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.entities import PlanChange, Review
from permanence_tracker.domain.periods import Period
from permanence_tracker.domain.timetable import ReviewTimetable, ordinal

WARNING_DAYS = 28


class PlanStatus(Enum):
    PLAN_BY_SECOND_REVIEW = "plan by 2nd review"
    NO_PLAN_BY_SECOND_REVIEW = "no plan by 2nd review"
    DUE_SOON_NO_PLAN = "2nd review due within 28 days, no plan"
    NOT_YET_DUE = "not yet due"


class ReasonGroup(Enum):
    NO_LONGER_LOOKED_AFTER = "no longer looked after"
    SECTION_20 = "section 20"
    INTERIM_CARE_ORDER = "interim care order"
    OTHER = "other legal status"


@dataclass(frozen=True, slots=True)
class PermanenceAssessment:
    status: PlanStatus
    second_review: date | None  # held date, when held
    second_review_due: date | None  # when not yet held and known
    plan_agreed: date | None  # earliest plan agreed on or before the relevant date
    reason: ReasonGroup | None = None  # for NO_PLAN_BY_SECOND_REVIEW only
    # NO_PLAN_BY_SECOND_REVIEW only: the first plan agreed after the 2nd review, by as_of
    plan_late_on: date | None = None

    @property
    def flagged(self) -> bool:
        """No plan by the 2nd review: the statutory measure (counted even if agreed late)."""
        return self.status is PlanStatus.NO_PLAN_BY_SECOND_REVIEW

    @property
    def agreed_late(self) -> bool:
        """No plan by the 2nd review, but one agreed after it (on ``plan_late_on``)."""
        return self.flagged and self.plan_late_on is not None

    @property
    def still_no_plan(self) -> bool:
        """The action flag: no plan by the 2nd review and still none on ``as_of``."""
        return self.flagged and self.plan_late_on is None

    @property
    def warning(self) -> bool:
        return self.status is PlanStatus.DUE_SOON_NO_PLAN


def first_plan_on_or_before(
    plans: Iterable[PlanChange], day: date, not_before: date | None = None
) -> date | None:
    """Earliest plan for permanence agreed on or before ``day`` (and not before ``not_before``,
    so a plan made in an earlier period of care does not count for this one)."""
    agreed = [
        p.agreed for p in plans
        if p.primary and p.agreed <= day and (not_before is None or p.agreed >= not_before)
    ]
    return min(agreed) if agreed else None


def reason_group(period: Period, as_of: date) -> ReasonGroup:
    """Why a child has no plan by the 2nd review: legal status on ``as_of`` (or left care).

    The seed authority's split (domain.md, Permanence): no longer looked after; still section
    20 (903 legal status V2); still on an interim care order (C1); any other legal status.
    """
    episode = period.episode_on(as_of)
    if episode is None:
        return ReasonGroup.NO_LONGER_LOOKED_AFTER
    if episode.legal_status == "V2":
        return ReasonGroup.SECTION_20
    if episode.legal_status == "C1":
        return ReasonGroup.INTERIM_CARE_ORDER
    return ReasonGroup.OTHER


def assess_permanence(
    period: Period,
    timetable: ReviewTimetable,
    plans: Iterable[PlanChange],
    as_of: date,
    not_before: date | None = None,
) -> PermanenceAssessment:
    """Where one period of care stands against "a plan for permanence by the 2nd review".

    IRO Handbook (2010) and Care Planning Regs 2010 reg 5 / Sch 1: by the 2nd review (reg 33)
    the care plan must contain a plan for permanence. In order:
    - 2nd review held and a plan agreed on or before its date (the same day counts): plan by
      2nd review; held and no such plan: flagged, with the reason group on ``as_of`` and the
      first plan agreed after the review by ``as_of`` (``plan_late_on``; None: still no plan);
    - 2nd review not yet held but a plan already agreed by ``as_of``: plan by 2nd review;
    - 2nd review due in 28 days or fewer (or already overdue) and no plan: warning;
    - otherwise (2nd review more than 28 days away, or not yet datable): not yet due.
    Plans agreed before ``not_before`` belong to an earlier period of care and are ignored;
    callers pass the day after the previous period ended (a new period is a new care plan).
    """
    plans = tuple(plans)
    second = timetable.review(2)
    if second is not None:
        agreed = first_plan_on_or_before(plans, second.held, not_before)
        if agreed is not None:
            return PermanenceAssessment(PlanStatus.PLAN_BY_SECOND_REVIEW, second.held, None, agreed)
        return PermanenceAssessment(
            PlanStatus.NO_PLAN_BY_SECOND_REVIEW,
            second.held,
            None,
            None,
            reason_group(period, as_of),
            first_plan_on_or_before(plans, as_of, second.held + timedelta(days=1)),
        )
    agreed = first_plan_on_or_before(plans, as_of, not_before)
    due = timetable.next.due if timetable.next and timetable.next.number == 2 else None
    if agreed is not None:
        return PermanenceAssessment(PlanStatus.PLAN_BY_SECOND_REVIEW, None, due, agreed)
    if due is not None and (due - as_of).days <= WARNING_DAYS:
        return PermanenceAssessment(PlanStatus.DUE_SOON_NO_PLAN, None, due, None)
    return PermanenceAssessment(PlanStatus.NOT_YET_DUE, None, due, None)


@dataclass(frozen=True, slots=True)
class PlanAnswerConflict:
    """A review's "plan in place" answer that the plan records contradict (issue 8 item 7).

    ``says`` is the review's answer; ``plan_agreed`` is the plan date that contradicts it: for
    "yes", the first plan of the period agreed after the review (None: none recorded); for
    "no", the first plan agreed on or before the review.
    """

    number: int  # the review's number in its timetable (reg 33)
    held: date
    says: bool
    plan_agreed: date | None

    @property
    def explanation(self) -> str:
        review = f"{ordinal(self.number)} review on {uk_date(self.held)}"
        if self.says:
            found = (f"the first plan recorded was agreed on {uk_date(self.plan_agreed)}"
                     if self.plan_agreed else "no plan for permanence is recorded")
            return f"{review} says a plan was in place, but {found}"
        return (f"{review} says no plan was in place, but a plan was agreed on "
                f"{uk_date(self.plan_agreed)}")


def plan_answer_conflicts(
    timetable: ReviewTimetable,
    reviews: Iterable[Review],
    plans: Iterable[PlanChange],
    not_before: date | None = None,
) -> tuple[PlanAnswerConflict, ...]:
    """Reviews of the reg 33 timetable whose recorded "plan in place" answer disagrees with the
    plan records (a plan for permanence agreed on or before the review, the same day counting,
    as in :func:`assess_permanence`). Unanswered reviews are not checked. The tracker's
    measures keep counting the plan records; the conflict is shown, never settled silently.
    """
    plans = tuple(p for p in plans if p.primary and (not_before is None or p.agreed >= not_before))
    answers = {r.held: r.plan_in_place for r in reviews if r.plan_in_place is not None}
    found = []
    for held in timetable.held:
        says = answers.get(held.held)
        if says is None or held.short_breaks:
            continue
        before = first_plan_on_or_before(plans, held.held)
        if says and before is None:
            later = [p.agreed for p in plans if p.agreed > held.held]
            found.append(PlanAnswerConflict(held.number, held.held, True,
                                            min(later) if later else None))
        elif not says and before is not None:
            found.append(PlanAnswerConflict(held.number, held.held, False, before))
    return tuple(found)
