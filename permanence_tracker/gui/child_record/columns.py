"""The columns of each tab of the record window, over the rows of services.records.child_record.

Each tab's table is a :class:`RowsTableModel` over one of these tuples, sorted in the model by
the column's raw value (dates as dates, not as dd/mm/yyyy text). Markers are words ("late",
"so far", "current"), never colour alone; tooltips say why with the dates and the rule.
"""

from __future__ import annotations

from datetime import date

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.codes import CONTINUING_REC
from permanence_tracker.domain.entities import MissingEpisode, MonitoringOutcome, Note
from permanence_tracker.domain.pseudonym import Personal
from permanence_tracker.domain.words import plural
from permanence_tracker.gui.models.rows_table import Column
from permanence_tracker.services.records.child_record import (
    AdoptionRow,
    AuditRow,
    EpisodeRow,
    PeriodRow,
    PlanRow,
    ReviewRow,
)
from permanence_tracker.services.reference import short_label


def by_date(day: date | None, missing: date = date.max) -> date:
    """Sort key for an optional date; a missing one sorts last (open, not yet)."""
    return day if day is not None else missing


PERIODS: tuple[Column[PeriodRow], ...] = (
    Column("Period", lambda r: str(r.number), lambda r: r.number),
    Column("Started", lambda r: uk_date(r.start), lambda r: r.start),
    Column("Ended", lambda r: uk_date(r.end) or "open", lambda r: by_date(r.end)),
    Column("Reason ceased", lambda r: r.reason_ceased),
    Column("Episodes", lambda r: str(len(r.episodes)), lambda r: len(r.episodes)),
    Column("Kind", lambda r: "short breaks" if r.short_breaks else "care",
           header_tip="Short breaks (V3/V4) follow the reg 48 review timetable"),
)

EPISODES: tuple[Column[EpisodeRow], ...] = (
    Column("Period", lambda r: str(r.period), lambda r: r.period),
    Column("Start", lambda r: uk_date(r.episode.start), lambda r: r.episode.start),
    Column("End", lambda r: uk_date(r.episode.end) or "open", lambda r: by_date(r.episode.end)),
    Column("RNE", lambda r: r.episode.rne,
           tip=lambda r: short_label("RNE", r.episode.rne) or None,  # "legal status change"
           header_tip="Reason for new episode (SSDA903)"),
    Column("Legal status", lambda r: r.episode.legal_status,
           tip=lambda r: r.legal_status_name or None),
    Column("Placement", lambda r: r.episode.placement),
    Column("REC", lambda r: r.episode.rec, header_tip="Reason episode ceased (SSDA903)",
           tip=lambda r: "continues in the next episode the same day"
           if r.episode.rec == CONTINUING_REC else None),
)


YES_NO: dict[bool | None, str] = {True: "yes", False: "no"}


def _timescale(r: ReviewRow) -> str:
    if r.in_timescale is None:
        return "outside a period" if r.period is None else "after the as-of date"
    return "in timescale" if r.in_timescale else "late"


def _timescale_tip(r: ReviewRow) -> str | None:
    if r.due is None:
        return ("Held outside every period of care: not counted in the timetable"
                if r.period is None else None)
    late = (r.review.held - r.due).days
    rule = ("Care Planning Regs 2010 reg 48, short breaks: 1st within 3 months of the first "
            "break, then 6-monthly" if r.short_breaks else "Care Planning Regs 2010 reg 33: "
            "1st within 20 working days, 2nd within 3 months, then 6-monthly")
    return (f"Review {r.number} was due by {uk_date(r.due)} and held {uk_date(r.review.held)}"
            + (f": {plural(late, 'day')} late" if late > 0 else "") + f" ({rule})")


REVIEWS: tuple[Column[ReviewRow], ...] = (
    Column("Held", lambda r: uk_date(r.review.held), lambda r: r.review.held),
    Column("Period", lambda r: str(r.period or ""), lambda r: r.period or 0),
    Column("Review", lambda r: (f"{r.number} (reg 48)" if r.short_breaks and r.number
                                else str(r.number or "")), lambda r: r.number or 0,
           header_tip="Review number within its period of care (reg 48: short breaks, "
           "numbered apart from the reg 33 reviews once full-time care began)"),
    Column("Due by", lambda r: uk_date(r.due), lambda r: by_date(r.due)),
    Column("Timescale", _timescale, tip=_timescale_tip),
    Column("Participation", lambda r: r.review.participation),
    Column("IRO", lambda r: r.review.iro),
    Column("Plan in place", lambda r: YES_NO.get(r.review.plan_in_place, "")),
)

PLANS: tuple[Column[PlanRow], ...] = (
    Column("Agreed", lambda r: uk_date(r.plan.agreed), lambda r: r.plan.agreed),
    Column("Primary plan", lambda r: r.plan.primary),
    Column("Parallel plan", lambda r: r.plan.parallel),
    Column("Current", lambda r: "current" if r.current else "",
           tip=lambda r: "The latest plan agreed on or before the as-of date in this period "
           "of care" if r.current else None),
    Column("Notes", lambda r: r.plan.notes, personal=Personal.FREE_TEXT),
)

NOTES: tuple[Column[Note], ...] = (
    Column("Written", lambda r: uk_date(r.written), lambda r: r.written),
    Column("Note", lambda r: r.text, tip=lambda r: r.text, personal=Personal.FREE_TEXT),
    Column("From", lambda r: r.source or "typed in the app",
           tip=lambda r: "Brought in from this file by an import" if r.source else None),
)

OUTCOMES: tuple[Column[MonitoringOutcome], ...] = (
    Column("Recorded", lambda r: uk_date(r.recorded), lambda r: r.recorded),
    Column("Outcome", lambda r: r.outcome),
    Column("Notes", lambda r: r.notes, personal=Personal.FREE_TEXT),
)


def _measure(days: int | None, reached: bool) -> str:
    if days is None:
        return ""
    return f"{days}" if reached else f"{days} so far"


ADOPTION: tuple[Column[AdoptionRow], ...] = (
    Column("ADM decision", lambda r: uk_date(r.milestones.should_be_placed),
           lambda r: by_date(r.milestones.should_be_placed)),
    Column("Placement order", lambda r: uk_date(r.milestones.placement_order),
           lambda r: by_date(r.milestones.placement_order)),
    Column("Matched", lambda r: uk_date(r.milestones.matched),
           lambda r: by_date(r.milestones.matched)),
    Column("Placed", lambda r: uk_date(r.milestones.placed),
           lambda r: by_date(r.milestones.placed)),
    Column("Adoption order", lambda r: uk_date(r.milestones.adoption_order),
           lambda r: by_date(r.milestones.adoption_order)),
    Column("A1 days", lambda r: _measure(r.a1_days, r.a1_reached),
           lambda r: r.a1_days if r.a1_days is not None else -1,
           header_tip="Days from entering care to moving in with the adoptive family "
           "(adoption scorecard A1)"),
    Column("A2 days", lambda r: _measure(r.a2_days, r.a2_reached),
           lambda r: r.a2_days if r.a2_days is not None else -1,
           header_tip="Days from the placement order to the match (adoption scorecard A2)"),
    Column("Reversed", lambda r: " ".join(filter(None, [uk_date(r.milestones.reversed),
                                                        r.milestones.reversed_reason])),
           lambda r: by_date(r.milestones.reversed)),
)

MISSING: tuple[Column[MissingEpisode], ...] = (
    Column("Kind", lambda r: {"M": "missing", "A": "away without authorisation"}.get(r.kind,
                                                                                     r.kind)),
    Column("Started", lambda r: uk_date(r.start), lambda r: r.start),
    Column("Ended", lambda r: uk_date(r.end) or "not yet returned", lambda r: by_date(r.end)),
    Column("Days", lambda r: str((r.end - r.start).days) if r.end else "",
           lambda r: (r.end - r.start).days if r.end else -1),
)

ACTIONS = {"insert": "added", "update": "changed", "delete": "deleted"}
TABLE_WORDS = {"child": "child details", "episode": "episode", "review": "review",
               "plan": "permanence plan", "outcome": "monitoring outcome",
               "adoption": "adoption milestones", "missing": "missing episode",
               "previous": "previous permanence"}


def _changes(r: AuditRow, sep: str = "; ") -> str:
    parts = []
    for name, old, new in r.changes:
        if r.action == "insert":
            parts.append(f"{name} {new}")
        elif r.action == "delete":
            parts.append(f"{name} was {old}")
        else:
            parts.append(f"{name}: {old or '(blank)'} → {new or '(blank)'}")
    return sep.join(parts)


def _what(r: AuditRow) -> str:
    return f"{TABLE_WORDS.get(r.table, r.table)} {ACTIONS.get(r.action, r.action)}"


HISTORY: tuple[Column[AuditRow], ...] = (
    Column("When", lambda r: uk_date(r.at), lambda r: r.at),
    Column("Who", lambda r: r.user),
    Column("What", lambda r: _what(r)),
    # Before and after values: names, dates of birth, notes (issue 12: left out pseudonymised)
    Column("Changes", _changes, tip=lambda r: _changes(r, "\n") or None,
           personal=Personal.FREE_TEXT),
)

