"""The cohort service: every child's standing on an ``as_of`` date, computed once.

The CLI summary, the GUI pages and the printed reports all start from :func:`load_cohort`, so
their figures cannot disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import Iro, Settings
from permanence_tracker.domain.tracker import ChildStanding, assess_child


@dataclass(frozen=True)
class Cohort:
    as_of: date
    settings: Settings
    iros: tuple[Iro, ...]
    standings: tuple[ChildStanding, ...]  # sorted by child ID
    calendar: WorkingCalendar

    @property
    def looked_after(self) -> tuple[ChildStanding, ...]:
        return tuple(s for s in self.standings if s.looked_after)


def load_cohort(uow_factory: Callable, as_of: date, child_ids: list[str] | None = None) -> Cohort:
    with uow_factory() as uow:
        settings = uow.settings()
        iros = tuple(uow.iros())
        histories = uow.histories(child_ids)
    calendar = WorkingCalendar(settings.closure_days)
    standings = tuple(assess_child(h, as_of, calendar, settings) for h in histories)
    return Cohort(as_of, settings, iros, standings, calendar)
