"""Builders the unit tests share: one child's 903 episodes written tersely, by ISO date."""

from __future__ import annotations

from datetime import date

from permanence_tracker.domain.entities import Episode


def ep(start: str, ls: str, rne: str = "S", end: str | None = None, rec: str = "") -> Episode:
    """Child T1's episode from ``start`` under legal status ``ls`` (RNE S unless given)."""
    return Episode("T1", date.fromisoformat(start), rne, ls,
                   end=date.fromisoformat(end) if end else None, rec=rec)
