"""Panel meetings and their agenda items; the agency decision maker's (ADM's) deadline.

Panels (adoption, fostering, permanence) recommend; the agency decision maker decides. The
ADM decides within 7 working days of receiving the panel's recommendation and the final set of
minutes (Fostering Services National Minimum Standards 2011, standard 14; Adoption National
Minimum Standards 2014, standard 17). The regulations behind each decision (Adoption Agencies
Regs 2005 reg 19 placement for adoption and reg 33 proposed placement; Fostering Services
(England) Regs 2011 reg 27 approval of foster parents) say the ADM must take the panel's
recommendation into account, but set no time limit: the 7 working days come from the
standards, and they run from receipt of the minutes, not from the panel date. So an item
records when the ADM received the minutes, and until then its deadline is unknown.

Working days are England's (weekends, bank holidays and the authority's closure days
excluded: :class:`domain.calendar.WorkingCalendar`); the day the minutes arrive is day 0.
Everything here is judged "as of" a date: a decision or minutes dated later count as not yet
happened, so past views (the year end) show what was outstanding then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from permanence_tracker.domain.calendar import WorkingCalendar, uk_date
from permanence_tracker.domain.words import plural

ADM_WORKING_DAYS = 7
DEADLINE_RULE = ("the agency decision maker decides within 7 working days of receiving the "
                 "panel minutes (Fostering NMS 2011 standard 14; Adoption NMS 2014 standard 17)")

# Businesses the permanence panel figures count (the seed council report's table). They are
# always named like this; the configurable list (Settings.panel_business) adds the others.
PLAN_PERMANENT_FOSTERING = "Plan for permanent fostering"
MATCH_PERMANENT_FOSTERING = "Match for permanent fostering"
ADOPTION_MATCH = "Adoption match"
DEFAULT_PANEL_TYPES = ("Adoption", "Fostering", "Permanence")
DEFAULT_PANEL_BUSINESS = (
    PLAN_PERMANENT_FOSTERING,
    MATCH_PERMANENT_FOSTERING,
    ADOPTION_MATCH,
    "Approval of carers",  # with terms: category, age range, number of children
    "Review of carers",
    "De-registration of carers",
    "Approval of adopters",
    "Other",
)

# Panel recommendations are unconditional (domain.md): one of these, or "" before the panel.
RECOMMENDED = "Recommended"
NOT_RECOMMENDED = "Not recommended"
DEFERRED = "Deferred"
RECOMMENDATIONS = (RECOMMENDED, NOT_RECOMMENDED, DEFERRED)
# The ADM's decision on the business itself (the plan, the match, the approval).
AGREED = "Agreed"
NOT_AGREED = "Not agreed"
RETURNED = "Returned to panel"
ADM_DECISIONS = (AGREED, NOT_AGREED, RETURNED)

# Monitoring outcome to offer for a child once panel business is recommended / agreed. The
# offer is made only when the authority's monitoring outcome list contains the outcome.
OUTCOME_FOR_BUSINESS = {
    PLAN_PERMANENT_FOSTERING: "Permanent Fostering Panel Agreed",
    MATCH_PERMANENT_FOSTERING: "Permanent Fostering Panel Agreed",
}


@dataclass(frozen=True, slots=True)
class PanelMeeting:
    """One sitting of a panel. ``quorate`` is None until the panel has met."""

    date: date
    type: str
    chair: str = ""
    members: tuple[str, ...] = ()  # members present
    quorate: bool | None = None
    venue: str = ""
    notes: str = ""
    id: int | None = None
    version: int = 0


@dataclass(frozen=True, slots=True)
class AgendaItem:
    """One piece of business at a panel: about a child, carers, or both.

    ``recommendation`` is "" until the panel has made one; ``minutes_received`` is the day the
    ADM received the minutes (the start of the 7-working-day clock).
    """

    panel_id: int
    business: str
    child_id: str | None = None
    carers: str = ""
    terms: str = ""  # approval of carers: category, age range, number of children
    recommendation: str = ""
    reasons: str = ""
    dissent: str = ""
    minutes_received: date | None = None
    adm_decision: str = ""
    adm_decision_date: date | None = None
    adm_notes: str = ""
    id: int | None = None
    version: int = 0


def adm_deadline(minutes_received: date, calendar: WorkingCalendar) -> date:
    """The last day for the ADM's decision: the 7th working day after the minutes arrived.

    Fostering NMS 2011 standard 14 / Adoption NMS 2014 standard 17: within 7 working days of
    receipt of the recommendation and final set of panel minutes (receipt day is day 0).
    """
    return calendar.add_working_days(minutes_received, ADM_WORKING_DAYS)


def needs_decision(item: AgendaItem) -> bool:
    """A recommendation either way goes to the ADM; a deferred item returns to a later panel."""
    return item.recommendation in (RECOMMENDED, NOT_RECOMMENDED)


# Item states as of a date, in the order a panel administrator works through them.
SCHEDULED = "scheduled"  # the panel has not met yet
TO_RECORD = "to record"  # the panel has met; its recommendation is not recorded
AWAITING_MINUTES = "awaiting minutes"  # recommended either way; the ADM has no minutes yet
DECISION_DUE = "decision due"  # the ADM has the minutes; deadline not passed
DECISION_MISSED = "decision overdue"  # no decision and the deadline has passed
DECIDED = "decided"  # decided on or before the deadline
DECIDED_LATE = "decided late"  # decided after the deadline
NO_DECISION_NEEDED = "deferred"


@dataclass(frozen=True, slots=True)
class ItemStatus:
    state: str
    deadline: date | None  # None while the minutes are not received
    outstanding: bool  # the ADM's decision is awaited
    missed: bool  # the deadline passed without a decision, or the decision came after it
    explanation: str  # the rule and the dates, for tooltips and sheets




def item_status(item: AgendaItem, panel_date: date, calendar: WorkingCalendar,
                as_of: date) -> ItemStatus:
    """Where ``item`` stood on ``as_of``; dates after ``as_of`` have not happened yet."""
    if panel_date > as_of:
        return ItemStatus(SCHEDULED, None, False, False,
                          f"The panel meets on {uk_date(panel_date)}.")
    if not item.recommendation:
        return ItemStatus(TO_RECORD, None, False, False,
                          f"The panel met on {uk_date(panel_date)}: record its recommendation.")
    if not needs_decision(item):
        return ItemStatus(NO_DECISION_NEEDED, None, False, False,
                          "Deferred: no decision for the ADM; bring it to a later panel.")
    received = item.minutes_received
    if received is None or received > as_of:
        return ItemStatus(AWAITING_MINUTES, None, True, False,
                          f"Recommendation made on {uk_date(panel_date)}; the ADM has not received "
                          f"the minutes, so the deadline has not started: {DEADLINE_RULE}.")
    deadline = adm_deadline(received, calendar)
    basis = (f"Minutes received {uk_date(received)}, decision due by {uk_date(deadline)}: "
             f"{DEADLINE_RULE}.")
    decided = item.adm_decision_date
    if item.adm_decision and decided is not None and decided <= as_of:
        late = decided > deadline
        state = DECIDED_LATE if late else DECIDED
        when = f" Decided {uk_date(decided)}" + (
            f", {calendar_days(deadline, decided)} after the deadline." if late else
            ", in time.")
        return ItemStatus(state, deadline, False, late, basis + when)
    if as_of > deadline:
        return ItemStatus(DECISION_MISSED, deadline, True, True,
                          basis + f" No decision by {uk_date(as_of)}: the deadline was missed.")
    return ItemStatus(DECISION_DUE, deadline, True, False, basis)


def calendar_days(start: date, end: date) -> str:
    days = (end - start).days
    return plural(days, "day")


@dataclass(frozen=True, slots=True)
class SuggestedOutcome:
    """A monitoring outcome to offer for the item's child (accepted or not by a person)."""

    child_id: str
    outcome: str
    recorded: date
    notes: str


def suggested_outcome(item: AgendaItem, panel_date: date, allowed: tuple[str, ...],
                      existing: tuple[tuple[str, date], ...]) -> SuggestedOutcome | None:
    """The monitoring outcome that recording ``item``'s result calls for, if any.

    Offered for a child's item once the panel has recommended it (dated the panel date) or
    the ADM has agreed it (dated the decision), when the business has a matching outcome in
    the authority's list ``allowed`` and the child has not already got it since the panel
    (``existing``: the child's (outcome, recorded) pairs).
    """
    outcome = OUTCOME_FOR_BUSINESS.get(item.business)
    if not item.child_id or outcome is None or outcome not in allowed:
        return None
    if item.adm_decision:
        if item.adm_decision != AGREED or item.adm_decision_date is None:
            return None
        on, what = item.adm_decision_date, "agreed by the agency decision maker"
    elif item.recommendation == RECOMMENDED:
        on, what = panel_date, "recommended by the panel"
    else:
        return None
    if any(name == outcome and day >= panel_date for name, day in existing):
        return None
    return SuggestedOutcome(item.child_id, outcome, on,
                            f"{item.business} {what} (panel of {uk_date(panel_date)}).")
