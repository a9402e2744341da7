"""One child's whole record for the record window: standing facts, timelines and audit trail.

Everything is read in one unit of work and returned as frozen rows (no Qt, no SQL), so the
window only formats. The standing facts come from the same rules as every page
(:func:`domain.standing.assess_child` and :func:`services.permanence.rows.child_row`), so the
header cannot
disagree with the Children table.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from permanence_tracker.domain import entities as e
from permanence_tracker.domain.adoption import adoption_path
from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.errors import NotFoundError
from permanence_tracker.domain.periods import Period, short_break_series
from permanence_tracker.domain.standing import ChildStanding, assess_child
from permanence_tracker.domain.timetable import HeldReview, review_timetable
from permanence_tracker.services.audit import value_text
from permanence_tracker.services.authorization import requires
from permanence_tracker.services.permanence.rows import ChildRow, child_row
from permanence_tracker.services.records.changes import current_episode
from permanence_tracker.services.reference import short_label
from permanence_tracker.services.unit_of_work import UowFactory


@dataclass(frozen=True, slots=True)
class PeriodRow:
    number: int  # 1 = the child's first period of care
    start: date
    end: date | None
    reason_ceased: str
    short_breaks: bool
    episodes: tuple[e.Episode, ...]


@dataclass(frozen=True, slots=True)
class EpisodeRow:
    period: int
    episode: e.Episode
    legal_status_name: str = ""  # short name (db/reference LS "short"), "" when none


@dataclass(frozen=True, slots=True)
class ReviewRow:
    review: e.Review
    period: int | None  # None: held outside every period of care
    number: int | None  # review number within its period (None: after as_of or outside)
    due: date | None
    in_timescale: bool | None
    short_breaks: bool = False  # a reg 48 (short breaks) review, not a reg 33 one


@dataclass(frozen=True, slots=True)
class PlanRow:
    plan: e.PlanChange
    current: bool  # the plan the standing uses on as_of


@dataclass(frozen=True, slots=True)
class AdoptionRow:
    """Adoption milestones with the scorecard measures (elapsed so far when not reached).

    A1: days from entering care (start of the period of care) to placement with the adoptive
    family; A2: days from the placement order to the match (DfE adoption scorecard).
    """

    milestones: e.AdoptionMilestones
    a1_days: int | None
    a1_reached: bool
    a2_days: int | None
    a2_reached: bool


@dataclass(frozen=True, slots=True)
class AuditRow:
    at: datetime
    user: str
    table: str
    action: str  # insert, update, delete
    key: str
    changes: tuple[tuple[str, str, str], ...]  # (field, old, new)


@dataclass(frozen=True, slots=True)
class ChildRecord:
    child: e.Child
    as_of: date
    standing: ChildRow
    periods: tuple[PeriodRow, ...]
    episodes: tuple[EpisodeRow, ...]
    reviews: tuple[ReviewRow, ...]
    plans: tuple[PlanRow, ...]
    outcomes: tuple[e.MonitoringOutcome, ...]
    adoption: tuple[AdoptionRow, ...]
    missing: tuple[e.MissingEpisode, ...]
    audit: tuple[AuditRow, ...]  # newest first
    open_episode: e.Episode | None  # the episode a change of legal status/placement would end
    notes: tuple[e.Note, ...] = ()  # newest first (comments brought in by an import, say)


@requires("records.read")
def load_child_record(uow_factory: UowFactory, child_id: str, as_of: date) -> ChildRecord:
    """Read and assess one child as things stood on ``as_of``; raises NotFoundError."""
    return _read_record(uow_factory, child_id, as_of)


def _read_record(uow_factory: UowFactory, child_id: str, as_of: date) -> ChildRecord:
    """The read itself, unchecked: only for entry points that made their own check (this
    module's, and ``services/records/search.read_found_child``, an IRO's read-only look)."""
    with uow_factory() as uow:
        histories = uow.histories([child_id])
        if not histories:
            raise NotFoundError(f"no child with ID {child_id!r}: check the ID")
        settings = uow.settings()
        trail = uow.repo.audit_trail(child_id)
        notes = uow.repo.records(e.Note, child_id)
    history = histories[0]
    calendar = WorkingCalendar(settings.closure_days)
    standing = assess_child(history, as_of, calendar, settings)
    numbers = {p.start: n for n, p in enumerate(standing.periods, start=1)}
    periods = tuple(PeriodRow(numbers[p.start], p.start, p.end, p.reason_ceased,
                              p.short_breaks_only, p.episodes) for p in standing.periods)
    episodes = tuple(EpisodeRow(row.number, episode, short_label("LS", episode.legal_status))
                     for row in periods for episode in row.episodes)
    return ChildRecord(
        child=history.child,
        as_of=as_of,
        standing=child_row(standing),
        periods=periods,
        episodes=episodes,
        reviews=_reviews(standing, calendar, numbers),
        plans=tuple(PlanRow(p, standing.plan is not None and p.id == standing.plan.id)
                    for p in sorted(history.plans, key=lambda p: (p.agreed, p.id or 0),
                                    reverse=True)),
        outcomes=tuple(sorted(history.outcomes, key=lambda o: (o.recorded, o.id or 0),
                              reverse=True)),
        adoption=tuple(_adoption(a, standing.period, as_of) for a in history.adoption),
        missing=tuple(sorted(history.missing, key=lambda m: m.start, reverse=True)),
        audit=tuple(_audit(row) for row in reversed(trail)),
        open_episode=current_episode(history.episodes),
        notes=tuple(sorted(notes, key=lambda n: (n.written, n.id or 0), reverse=True)),
    )


def _reviews(standing: ChildStanding, calendar: WorkingCalendar,
             numbers: dict[date, int]) -> tuple[ReviewRow, ...]:
    """Every review with its number and due date in its period (reg 33; reg 48 short breaks).

    Periods are walked oldest first: a short-break series is numbered across its breaks, so a
    later break's timetable renumbers the series' earlier reviews consistently. A review held
    in the gap between two breaks belongs to the series (shown against the later break); in a
    period that becomes full-time care the reg 48 reviews keep their reg 48 numbers and due
    dates and the reg 33 ones are numbered from 1 from the day full-time care began.
    """
    as_of = standing.as_of
    held: dict[date, tuple[int, HeldReview]] = {}
    for period in standing.periods:
        view = period.as_of(as_of)
        if view is None:
            continue
        reviewed = short_break_series(standing.periods, view)
        dates = (r.held for r in standing.history.reviews)
        for item in review_timetable(reviewed, dates, calendar, as_of).every_review:
            # The period that contains it; a review between two breaks of a series is in
            # none, belongs to the series (reg 48) and shows the series' latest break.
            inside = _period_of(standing.periods, numbers, item.held)
            held[item.held] = (inside or numbers[period.start], item)
    rows = []
    for review in sorted(standing.history.reviews, key=lambda r: r.held, reverse=True):
        found = held.get(review.held)
        if found:
            number, item = found
            rows.append(ReviewRow(review, number, item.number, item.due, item.in_timescale,
                                  item.short_breaks))
        else:
            rows.append(ReviewRow(review, _period_of(standing.periods, numbers, review.held),
                                  None, None, None))
    return tuple(rows)


def _period_of(periods: tuple[Period, ...], numbers: dict[date, int], day: date) -> int | None:
    return next((numbers[p.start] for p in periods if p.contains(day)), None)


def _adoption(record: e.AdoptionMilestones, period: Period | None, as_of: date) -> AdoptionRow:
    """A1 from the start of the latest period of care, A2 from the placement order; the order
    and the move come from the episodes (E1 start, A3-A6 start) when they show them, and dates
    after ``as_of`` count as not yet happened (:func:`domain.adoption.adoption_path`)."""
    path = adoption_path(period, [record], as_of) if period is not None else None
    placed = path.placed if path else None
    a1 = ((placed or as_of) - period.start).days if period is not None else None
    order = path.placement_order if path else None
    matched = path.matched if path else None
    a2 = ((matched or as_of) - order).days if order is not None else None
    return AdoptionRow(record, a1, placed is not None, a2, matched is not None)


def _audit(row: dict[str, Any]) -> AuditRow:
    old = json.loads(row["old"]) if row.get("old") else {}
    new = json.loads(row["new"]) if row.get("new") else {}
    fields = [k for k in (new or old) if k not in ("id", "child_id")]
    texts = ((k, value_text(old.get(k)), value_text(new.get(k))) for k in fields)
    changes = tuple((k, a, b) for k, a, b in texts if a != b)  # blank fields of an insert too
    return AuditRow(row["at"], row["user"], row["table_name"], row["action"], row["row_key"],
                    changes)

