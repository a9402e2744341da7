"""Adoption milestones of a period of care and the scorecard measures A1 and A2.

Sources: SSDA903 guidance (domain.md): PlacedAdoption DATE_PLACED is the date of the decision
that the child should be placed for adoption (= AD1 DATE_INT), not the move; the placement
order is the start of the E1 legal status; moving in with the adoptive family is the start
(DECOM) of the A3-A6 placement; the match is AD1 DATE_MATCH; DATE_PLACED_CEASED ends
(reverses) a decision. DfE adoption scorecard: A1 days from entering care to moving in with
the adoptive family (426), A2 days from the placement order to the match (121); the
thresholds are settings (domain.md: "to confirm").

Episodes win over recorded dates: when the period's episodes show a placement order (E1) or
a move in with adopters (A3-A6), those dates are used; a date recorded on a milestone record
is used only when the episodes do not show one.

A reversal (DATE_PLACED_CEASED) ends the *decision* it is recorded with, not the placement
order: an order stands until the court revokes it, and the E1 legal status shows it (issue 8
§2.3 and §3: "the placement order is the start of the first E1 episode in the period of
care"; A1 counts "adoption was decided (not reversed by the as-of date) or a placement order
was made"). So a placement order made before a reversal still makes A1 and A2 run. What
belonged to the reversed decision ends with it: its match (AD1 DATE_MATCH is recorded with the
decision, so a match followed by the reversal of that decision is no longer a standing match
for A2's "neither matched nor placed") and a move in with adopters made before the reversal
(the placement that disrupted). A later new decision starts the measures again (§2.3).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TypeGuard

from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.entities import AdoptionMilestones, Episode
from permanence_tracker.domain.measures import DriftFlag
from permanence_tracker.domain.periods import Period

PLACEMENT_ORDER = "E1"
PLACED_FOR_ADOPTION = frozenset({"A3", "A4", "A5", "A6"})


@dataclass(frozen=True, slots=True)
class AdoptionPath:
    """Where one period of care stood on ``as_of`` on the way to adoption (``None``: not
    happened by ``as_of``)."""

    period_start: date
    decided: date | None  # earliest live decision (not reversed by as_of)
    placement_order: date | None
    matched: date | None
    placed: date | None  # moved in with the adoptive family
    restarted: date | None  # latest reversal on or before as_of: earlier moves do not count

    @property
    def adoption_planned(self) -> bool:
        """Adoption decided (not reversed) or a placement order made (the A1 condition)."""
        return self.decided is not None or self.placement_order is not None


def _belongs(record: AdoptionMilestones, period: Period) -> bool:
    """A record belongs to the period its first known date falls in (or after its start)."""
    first = record.should_be_placed or record.placement_order or record.matched or record.placed
    return first is not None and first >= period.start


def _run_starts(period: Period, test: Callable[[Episode], bool]) -> list[date]:
    """Start days of each unbroken run of episodes passing ``test`` (an E1 run starts when the
    order is made; a later placement move under E1 is not a new order)."""
    days, before = [], False
    for episode in period.episodes:
        now = test(episode)
        if now and not before:
            days.append(episode.start)
        before = now
    return days


def adoption_path(
    period: Period, records: Iterable[AdoptionMilestones], as_of: date
) -> AdoptionPath:
    """Decision, placement order, match and move of ``period`` as they stood on ``as_of``.

    Records dated before the period began belong to an earlier period; anything after
    ``as_of`` is unseen. Read literally from issue 8 §2.3 and §3:

    - ``decided``: the earliest decision (DATE_PLACED) not reversed by ``as_of``;
    - ``placement_order``: the start of the first E1 episode of the period (a recorded date
      only when no E1 episode shows one), whether or not a decision was reversed since: a
      reversal ends a decision, a placement order stands until the court revokes it;
    - ``matched``: the earliest AD1 DATE_MATCH of a decision not reversed by ``as_of`` (a match
      belongs to the decision it was recorded with; once that decision is reversed it is no
      longer a standing match);
    - ``placed``: the start of the first A3-A6 placement on or after the latest reversal (a move
      in before it was the placement that the reversal ended), or the recorded move of a
      decision not reversed by ``as_of``.
    """
    mine = [r for r in records if _belongs(r, period)]
    reversals = [r.reversed for r in mine if r.reversed is not None and r.reversed <= as_of]
    epoch = max(reversals) if reversals else None

    # A TypeGuard so the dates that pass are known to be dates (not None) where they are used.
    def seen(day: date | None, floor: date = period.start) -> TypeGuard[date]:
        return day is not None and floor <= day <= as_of

    live = [r for r in mine if r.reversed is None or r.reversed > as_of]
    decisions = [r.should_be_placed for r in live if seen(r.should_be_placed)]
    order = next((d for d in _run_starts(period, lambda e: e.legal_status == PLACEMENT_ORDER)
                  if seen(d)), None)
    if order is None:
        order = min((r.placement_order for r in mine if seen(r.placement_order)), default=None)
    moved_since = epoch or period.start
    placed = next((d for d in _run_starts(period, lambda e: e.placement in PLACED_FOR_ADOPTION)
                   if seen(d, moved_since)), None)
    if placed is None:
        placed = min((r.placed for r in live if seen(r.placed)), default=None)
    matched = min((r.matched for r in live if seen(r.matched)), default=None)
    return AdoptionPath(period.start, min(decisions, default=None), order, matched, placed,
                        epoch)


def adoption_drift(
    period: Period,
    records: Iterable[AdoptionMilestones],
    as_of: date,
    a1_days: int = 426,
    a2_days: int = 121,
) -> tuple[DriftFlag, ...]:
    """A1 and A2 beyond their thresholds on ``as_of`` (at most one flag of each).

    - A1: adoption decided (not reversed by ``as_of``) or a placement order made; not placed
      for adoption by ``as_of`` (no A3-A6 placement); more than ``a1_days`` (426) days since
      the period of care began.
    - A2: a placement order made; neither matched nor placed by ``as_of``; more than
      ``a2_days`` (121) days since the order.
    A child already placed is no longer drifting: the day they moved in ends both measures.
    """
    path = adoption_path(period, records, as_of)
    flags = []
    a1 = (as_of - period.start).days
    if path.adoption_planned and path.placed is None and a1 > a1_days:
        flags.append(DriftFlag(
            "A1", a1, a1_days, period.start,
            f"A1: {a1} days from entering care ({uk_date(period.start)}), not yet placed "
            f"for adoption; threshold {a1_days} days (adoption scorecard)",
        ))
    order = path.placement_order
    if order is not None and path.matched is None and path.placed is None:
        a2 = (as_of - order).days
        if a2 > a2_days:
            flags.append(DriftFlag(
                "A2", a2, a2_days, order,
                f"A2: {a2} days from placement order ({uk_date(order)}), not yet matched; "
                f"threshold {a2_days} days (adoption scorecard)",
            ))
    return tuple(flags)
