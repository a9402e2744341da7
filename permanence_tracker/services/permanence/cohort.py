"""The cohort service: every child's standing on an ``as_of`` date, computed once.

The CLI summary, the GUI pages and the printed reports all start from :func:`load_cohort`, so
their figures cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from permanence_tracker.domain.calendar import WorkingCalendar
from permanence_tracker.domain.entities import Iro, Settings
from permanence_tracker.domain.standing import ChildStanding, assess_child
from permanence_tracker.services.authorization import requires
from permanence_tracker.services.progress import Progress
from permanence_tracker.services.unit_of_work import UowFactory


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


_REPORT_EVERY = 2000


@requires("records.read")
def load_cohort(
    uow_factory: UowFactory,
    as_of: date,
    child_ids: list[str] | None = None,
    progress: Progress | None = None,
) -> Cohort:
    """Read every child's history once and assess it; ``progress(done, total, text)`` is
    called as it goes (a GUI passes one that raises to cancel)."""
    if progress:
        progress(0, 0, "Reading the records")
    with uow_factory() as uow:
        settings = uow.settings()
        iros = tuple(uow.iros())
        histories = uow.histories(child_ids)
    calendar = WorkingCalendar(settings.closure_days)
    standings = []
    total = len(histories)
    for done, history in enumerate(histories):
        if progress and done % _REPORT_EVERY == 0:
            progress(done, total, f"Working out review dates and flags ({done:,} of {total:,})")
        standings.append(assess_child(history, as_of, calendar, settings))
    return Cohort(as_of, settings, iros, tuple(standings), calendar)
