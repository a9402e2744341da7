"""What the record dialogs read before the user edits: small look-ups, one unit of work each.

Front ends read through these and never open a unit of work themselves: the rule for "the open
episode" or "an active IRO" then lives once, here, for the dialogs, the CLI and the services'
own checks (:func:`.changes.current_episode`).
"""

from __future__ import annotations

from datetime import date

from permanence_tracker.domain.entities import Child, Episode, PlanChange
from permanence_tracker.domain.errors import NotFoundError
from permanence_tracker.services.authorization import requires
from permanence_tracker.services.records.changes import current_episode
from permanence_tracker.services.unit_of_work import UowFactory


@requires("settings.read")
def active_iro_names(uow_factory: UowFactory) -> tuple[str, ...]:
    """The IROs a child or a review can be allocated to (the active ones), by name."""
    with uow_factory() as uow:
        return tuple(iro.name for iro in uow.iros() if iro.active)


@requires("records.read")
def child_for_editing(uow_factory: UowFactory, child_id: str) -> Child:
    """The child as stored now, with the version an edit must carry (a stale one is refused)."""
    with uow_factory() as uow:
        child = uow.repo.child(child_id)
    if child is None:
        raise NotFoundError(f"no child with ID {child_id!r}")
    return child


@requires("records.read")
def open_episode(uow_factory: UowFactory, child_id: str) -> Episode | None:
    """The episode a change of legal status or placement would end (None: not looked after)."""
    with uow_factory() as uow:
        return current_episode(uow.repo.records(Episode, child_id))


@requires("settings.read")
def monitoring_outcomes(uow_factory: UowFactory) -> tuple[str, ...]:
    """The authority's monitoring outcome list, in its configured order."""
    with uow_factory() as uow:
        return uow.settings().monitoring_outcomes


@requires("settings.read")
def plan_types(uow_factory: UowFactory) -> tuple[str, ...]:
    """The permanence plans a plan may record: the authority's plan-types setting, in order."""
    with uow_factory() as uow:
        return uow.settings().plan_types


@requires("records.read")
def has_children(uow_factory: UowFactory) -> bool:
    """Whether the tracker holds any child (an empty one is offered the demo authority)."""
    with uow_factory() as uow:
        return bool(uow.repo.child_ids())


@requires("records.read")
def plan_recorded_by(uow_factory: UowFactory, child_id: str, day: date) -> bool:
    """Whether a permanence plan is recorded for the child agreed on or before ``day``.

    The measures count these plan records, not a review's "plan in place" answer, so a review
    dialog can say when the two differ.
    """
    with uow_factory() as uow:
        return any(plan.agreed <= day for plan in uow.repo.records(PlanChange, child_id))
