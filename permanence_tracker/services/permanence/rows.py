"""Frozen display rows built from the cohort: one per child, with every flag explained.

Qt models and reports hold these rows, never ORM objects or domain internals. Dates stay
``date`` values (views format them; sorting uses the raw value).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.measures import age_in_years
from permanence_tracker.domain.permanence import PlanStatus
from permanence_tracker.domain.standing import ChildStanding
from permanence_tracker.domain.words import days_phrase
from permanence_tracker.services.permanence.cohort import Cohort
from permanence_tracker.services.reference import sex_words, short_label

# The two kinds of "no plan by the 2nd review" (issue 10 item 2), as the filter offers them
# beside the plan statuses: both count in the statutory measure; only the second is a flag.
PLAN_AGREED_LATE = "plan agreed late"
STILL_NO_PLAN = "still no plan"


@dataclass(frozen=True, slots=True)
class Flag:
    code: str  # NO_PLAN, PLAN_DUE_SOON, OVERDUE, ICO, A1, A2; warnings: PLAN_ANSWER, OPEN_PAST_18
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
    care_ends: date | None = None  # 18th birthday: care ends then (Children Act 1989 s105(1))
    warnings: tuple[Flag, ...] = ()  # records that disagree: shown, not counted as flags
    # Not looked after today, between short breaks: the last break (V3/V4) ended on this day.
    # A short break ending is not a child ceasing to be looked after (issue 8 §2.1), so such a
    # child has no ``left_care`` date.
    between_breaks: date | None = None
    # The legal status's short name (db/reference LS "short": "Full care order"), "" when none,
    # for the edges that show it (record header, review preparation sheet, table tooltips).
    legal_status_name: str = ""
    # No plan by the 2nd review (held on ``second_review_on``) but one agreed on this day, by
    # as_of: still counted in the statutory measure, no longer an action flag (issue 10 item 2).
    plan_late_on: date | None = None
    second_review_on: date | None = None  # the 2nd review of this period, when held
    still_no_plan: bool = False  # no plan by the 2nd review and still none: the NO_PLAN flag

    @property
    def plan_tags(self) -> frozenset[str]:
        """What the 2nd-review filter matches: the plan status, and "plan agreed late" or
        "still no plan" for a child without a plan by the 2nd review."""
        extra = PLAN_AGREED_LATE if self.plan_late_on else STILL_NO_PLAN if self.still_no_plan \
            else ""
        return frozenset(t for t in (self.plan_status, extra) if t)

    @property
    def plan_late_words(self) -> str:
        """The late plan in words ("" when none): the table, header and sheets show it."""
        if self.plan_late_on is None:
            return ""
        return (f"Plan agreed late: on {uk_date(self.plan_late_on)}, after the 2nd review on "
                f"{uk_date(self.second_review_on)}")

    @property
    def flag_codes(self) -> frozenset[str]:
        return frozenset(f.code for f in self.flags)

    @property
    def leaves_care(self) -> str:
        """When care ends at 18 (Children Act 1989 s105(1)), for a looked-after child: the
        words the record header and the review preparation sheet show ("" otherwise)."""
        if not self.looked_after or self.care_ends is None:
            return ""
        if self.age < 18:
            return f"Leaves care on {uk_date(self.care_ends)} (18th birthday)"
        return f"Care ended on {uk_date(self.care_ends)} (18th birthday): the episode is still open"

    @property
    def care_words(self) -> str:
        """Whether looked after, in the words the record header and the review preparation
        sheet show after "Looked after:" (short breaks ending is not leaving care, §2.1)."""
        if self.looked_after:
            return f"yes, since {uk_date(self.start_of_care)}"
        if self.between_breaks:
            return f"no: between short breaks (last ended {uk_date(self.between_breaks)})"
        if self.left_care:
            return f"no: left care {uk_date(self.left_care)}"
        return "no"

    @property
    def no_review_before_18(self) -> bool:
        """Looked after with no next review: the next one would fall due on or after the 18th
        birthday, and no review is due then (care ends at 18)."""
        return self.looked_after and self.next_review_due is None and self.care_ends is not None


def _flags(s: ChildStanding) -> tuple[Flag, ...]:
    flags: list[Flag] = []
    p = s.permanence
    if s.looked_after and p is not None:
        if p.still_no_plan:  # a plan agreed late is counted in the measure, not flagged
            reason = p.reason.value if p.reason else ""
            flags.append(Flag("NO_PLAN", "No plan by 2nd review (still none)",
                              f"2nd review held {uk_date(p.second_review)} with no permanence plan "
                              f"agreed by then ({reason}), and still none. A plan for permanence "
                              "is required by the 2nd review (IRO Handbook; Care Planning Regs "
                              "2010 reg 5)."))
        elif p.status is PlanStatus.DUE_SOON_NO_PLAN and p.second_review_due is not None:
            days = (p.second_review_due - s.as_of).days
            when = days_phrase(days)
            flags.append(Flag("PLAN_DUE_SOON", "2nd review soon, no plan",
                              f"2nd review due {uk_date(p.second_review_due)} ({when}) and no "
                              "permanence plan yet: agree one before the review."))
    if s.in_review_regime and s.timetable and s.timetable.next:
        nxt = s.timetable.next
        if nxt.overdue(s.as_of):
            flags.append(Flag("OVERDUE", "Review overdue",
                              f"Review {nxt.number} was due {uk_date(nxt.due)}: "
                              f"{days_phrase(nxt.days_left(s.as_of))} (Care Planning Regs 2010 "
                              "reg 33)."))
    for drift in s.drift:
        label = (f"ICO > {drift.threshold // 7} weeks" if drift.code == "ICO"
                 else f"{drift.code} drift")  # the threshold in force (Settings.ico_weeks)
        flags.append(Flag(drift.code, label, drift.explanation))
    return tuple(flags)


def _warnings(s: ChildStanding) -> tuple[Flag, ...]:
    """Records to put right: a review's "plan in place" answer the plan records contradict
    (issue 8 item 7: both dates shown, neither silently used), and an episode still open on or
    after the 18th birthday (Children Act 1989 s105(1): care ends at 18; no review is due)."""
    found = [Flag("PLAN_ANSWER", "Review and plan records disagree",
                  f"{c.explanation}. The permanence measures count the plan records: correct "
                  "the review's answer or the plan.") for c in s.plan_conflicts]
    e = s.episode
    if s.open_past_18 and e is not None and not (e.legal_status == "V2" and e.placement == "K2"):
        found.append(Flag("OPEN_PAST_18", "Open past 18th birthday",
                          f"Care ended on the 18th birthday ({uk_date(s.care_ends)}; Children Act "
                          f"1989 s105(1)) but the episode from {uk_date(e.start)} is still open: "
                          "close it with the reason care ended. No review is due on or after "
                          "the 18th birthday. (Only accommodation under s20(5) in a community "
                          "home, V2 with K2, may stay open: DfE rule 359.)"))
    return tuple(found)


def child_row(s: ChildStanding) -> ChildRow:
    child = s.history.child
    period = s.period
    timetable = s.timetable
    last = timetable.every_review[-1].held if timetable and timetable.every_review else None
    nxt = timetable.next if timetable and s.looked_after else None
    p = s.permanence
    legal_status = s.episode.legal_status if s.episode else ""
    return ChildRow(
        child_id=child.child_id,
        name=child.name,
        dob=child.dob,
        age=age_in_years(child.dob, s.as_of),
        sex=sex_words(child.sex),  # in words (Male, Female, Not known), never the code
        legal_status=legal_status,
        placement=s.episode.placement if s.episode else "",
        iro=child.iro,
        locality=child.locality,
        area=child.area,
        team=child.team,
        looked_after=s.looked_after,
        short_breaks=s.short_breaks_only,
        start_of_care=period.start if period else None,
        left_care=(period.end if period and not s.looked_after and not s.short_breaks_only
                   else None),
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
        care_ends=s.care_ends,
        warnings=_warnings(s),
        between_breaks=period.end if period and not s.looked_after and s.short_breaks_only
        else None,
        legal_status_name=short_label("LS", legal_status),
        plan_late_on=p.plan_late_on if p else None,
        second_review_on=p.second_review if p else None,
        still_no_plan=bool(p and p.still_no_plan),
    )


def child_rows(cohort: Cohort) -> tuple[ChildRow, ...]:
    return tuple(child_row(s) for s in cohort.standings)
