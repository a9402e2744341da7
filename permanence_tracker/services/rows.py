"""Frozen display rows built from the cohort: one per child, with every flag explained.

Qt models and reports hold these rows, never ORM objects or domain internals. Dates stay
``date`` values (views format them; sorting uses the raw value).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from permanence_tracker.domain.measures import age_in_years
from permanence_tracker.domain.permanence import PlanStatus
from permanence_tracker.domain.tracker import ChildStanding
from permanence_tracker.services.cohort import Cohort


@dataclass(frozen=True, slots=True)
class Flag:
    code: str  # NO_PLAN, PLAN_DUE_SOON, OVERDUE, ICO, A1, A2
    label: str  # short words shown in the table (never colour alone)
    explanation: str  # the tooltip: why, with the dates and the rule


@dataclass(frozen=True, slots=True)
class ChildRow:
    child_id: str
    name: str
    dob: date
    age: int
    sex: str
    legal_status: str
    placement: str
    iro: str
    locality: str
    area: str
    team: str
    looked_after: bool
    short_breaks: bool
    start_of_care: date | None
    left_care: date | None
    last_review: date | None
    next_review_number: int | None
    next_review_due: date | None
    days_left: int | None
    overdue: bool
    plan: str
    parallel_plan: str
    plan_status: str
    reason_group: str
    flags: tuple[Flag, ...]
    version: int

    @property
    def flag_codes(self) -> frozenset[str]:
        return frozenset(f.code for f in self.flags)


def _d(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _flags(s: ChildStanding) -> tuple[Flag, ...]:
    flags: list[Flag] = []
    p = s.permanence
    if s.looked_after and p is not None:
        if p.status is PlanStatus.NO_PLAN_BY_SECOND_REVIEW:
            reason = p.reason.value if p.reason else ""
            flags.append(Flag("NO_PLAN", "No plan by 2nd review",
                              f"2nd review held {_d(p.second_review)} with no permanence plan "
                              f"agreed by then ({reason}). A plan for permanence is required by "
                              "the 2nd review (IRO Handbook; Care Planning Regs 2010 reg 5)."))
        elif p.status is PlanStatus.DUE_SOON_NO_PLAN:
            days = (p.second_review_due - s.as_of).days
            when = f"in {days} days" if days >= 0 else f"{-days} days overdue"
            flags.append(Flag("PLAN_DUE_SOON", "2nd review soon, no plan",
                              f"2nd review due {_d(p.second_review_due)} ({when}) and no "
                              "permanence plan yet: agree one before the review."))
    if s.in_review_regime and s.timetable and s.timetable.next:
        nxt = s.timetable.next
        if nxt.overdue(s.as_of):
            flags.append(Flag("OVERDUE", "Review overdue",
                              f"Review {nxt.number} was due {_d(nxt.due)}: "
                              f"{-nxt.days_left(s.as_of)} days overdue (Care Planning Regs 2010 "
                              "reg 33)."))
    for drift in s.drift:
        flags.append(Flag(drift.code, {"ICO": "ICO > 26 weeks"}.get(drift.code,
                                                                     f"{drift.code} drift"),
                          drift.explanation))
    return tuple(flags)


def child_row(s: ChildStanding) -> ChildRow:
    child = s.history.child
    period = s.period
    timetable = s.timetable
    last = timetable.held[-1].held if timetable and timetable.held else None
    nxt = timetable.next if timetable and s.looked_after else None
    p = s.permanence
    return ChildRow(
        child_id=child.child_id,
        name=child.name,
        dob=child.dob,
        age=age_in_years(child.dob, s.as_of),
        sex=child.sex,
        legal_status=s.episode.legal_status if s.episode else "",
        placement=s.episode.placement if s.episode else "",
        iro=child.iro,
        locality=child.locality,
        area=child.area,
        team=child.team,
        looked_after=s.looked_after,
        short_breaks=s.short_breaks_only,
        start_of_care=period.start if period else None,
        left_care=period.end if period and not s.looked_after else None,
        last_review=last,
        next_review_number=nxt.number if nxt else None,
        next_review_due=nxt.due if nxt else None,
        days_left=nxt.days_left(s.as_of) if nxt else None,
        overdue=bool(nxt and nxt.overdue(s.as_of)),
        plan=s.plan.primary if s.plan else "",
        parallel_plan=s.plan.parallel if s.plan else "",
        plan_status=p.status.value if p else "",
        reason_group=p.reason.value if p and p.reason else "",
        flags=_flags(s),
        version=child.version,
    )


def child_rows(cohort: Cohort) -> tuple[ChildRow, ...]:
    return tuple(child_row(s) for s in cohort.standings)
