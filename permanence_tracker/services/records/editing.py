"""Use cases that change a child's records: validated first, then written in one audited unit.

Every function takes ``today`` (the clock lives in the front end) and raises
:class:`ValidationError` listing every problem, or :class:`ConflictError` on a stale edit.

An IRO is named on a child (who is allocated to them) and on a review (who chaired it). A name
that is not on the IRO list is refused (:data:`NOT_AN_IRO`): an unlisted IRO would be counted
as one full-time post in the caseload figures, and FTE is never invented. A child is newly
allocated only to an active IRO; a review may name a retired one, since it records who chaired
a meeting that may predate the retirement. A record keeping the IRO it already has is never
refused, whatever has become of that IRO since. The IRO list itself is edited in
:mod:`.iros`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Protocol, TypeVar

from permanence_tracker.domain import validation as v
from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.codes import canonical_sex
from permanence_tracker.domain.entities import (
    Child,
    Episode,
    MonitoringOutcome,
    PlanChange,
    Review,
)
from permanence_tracker.domain.errors import NotFoundError, Problem, ValidationError
from permanence_tracker.services.authorization import requires
from permanence_tracker.services.records.codes import (
    episode_code_problems,
    legal_status_codes,
    placement_codes,
    review_code_problems,
    with_code_problems,
)
from permanence_tracker.services.unit_of_work import UnitOfWork, UowFactory


class _Stored(Protocol):
    @property
    def id(self) -> int | None: ...


S = TypeVar("S", bound=_Stored)


def _add_or_update(uow: UnitOfWork, record: S) -> S:
    """A new record (no id yet) is added; one read back with its id and version is updated."""
    return uow.repo.add(record) if record.id is None else uow.repo.update(record)


def _raise(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


def _child(uow: UnitOfWork, child_id: str) -> Child:
    child = uow.repo.child(child_id)
    if child is None:
        raise NotFoundError(f"no child with ID {child_id!r}: check the ID or add the child first")
    return child


def _canonical(child: Child) -> Child:
    """The child with SEX stored canonical: 1/2 (903 up to 2023-24) or m/f/u become M/F/U.
    A value that is no sex code is kept, for check_child to report."""
    try:
        return replace(child, sex=canonical_sex(child.sex)) if child.sex else child
    except ValueError:
        return child


NOT_AN_IRO = "not an IRO: add them first"  # front ends offer to add the IRO on seeing it


def iro_problems(uow: UnitOfWork, name: str, kept: str = "", retired_ok: bool = False
                 ) -> list[Problem]:
    """What is wrong with naming IRO ``name`` on a record that now names ``kept``: nothing when
    blank or unchanged; otherwise the name must be on the IRO list and, unless
    ``retired_ok``, active."""
    if not name.strip() or name == kept:
        return []
    iros = {iro.name: iro for iro in uow.iros()}
    iro = iros.get(name)
    if iro is None:
        alike = [known for known in iros if _folded(known) == _folded(name)]
        hint = f" (did you mean {alike[0]!r}?)" if alike else ""
        return [Problem("iro", f"{name!r} is {NOT_AN_IRO}{hint}")]
    if not iro.active and not retired_ok:
        return [Problem("iro", f"{name!r} has retired: allocate an active IRO")]
    return []


def _folded(name: str) -> str:
    return " ".join(name.split()).casefold()


@requires("records.edit")
def add_child(uow_factory: UowFactory, child: Child, today: date) -> Child:
    child = _canonical(child)
    problems = v.check_child(child, today)
    with uow_factory() as uow:
        if uow.repo.child(child.child_id) is not None:
            problems.append(Problem("child_id", f"{child.child_id!r} already exists: "
                                                "use another ID or edit that child"))
        _raise(problems + iro_problems(uow, child.iro))
        return uow.repo.add(child)


@requires("records.edit")
def update_child(uow_factory: UowFactory, child: Child, today: date) -> Child:
    child = _canonical(child)
    problems = v.check_child(child, today)
    with uow_factory() as uow:
        stored = uow.repo.child(child.child_id)  # None: the update below says it is gone
        _raise(problems + iro_problems(uow, child.iro, stored.iro if stored else child.iro))
        return uow.repo.update(child)


@requires("records.edit")
def save_episode(uow_factory: UowFactory, episode: Episode, today: date) -> Episode:
    """Add (no id) or update (with id and version) an episode."""
    with uow_factory() as uow:
        child = _child(uow, episode.child_id)
        others = uow.repo.records(Episode, episode.child_id)
        _raise(with_code_problems(v.check_episode(episode, others, child, today,
                                                  legal_status_codes(), placement_codes()),
                                  episode_code_problems(episode)))
        return _add_or_update(uow, episode)


@requires("reviews.edit")
def record_review(uow_factory: UowFactory, review: Review, today: date) -> Review:
    with uow_factory() as uow:
        child = _child(uow, review.child_id)
        episodes = uow.repo.records(Episode, review.child_id)
        problems = with_code_problems(v.check_review(review, child, episodes, today),
                                      review_code_problems(review))
        reviews = uow.repo.records(Review, review.child_id)
        clash = [r for r in reviews if r.held == review.held and r.id != review.id]
        if clash:
            problems.append(Problem("held", f"a review on {uk_date(review.held)} is already "
                                            "recorded: edit that one instead"))
        kept = next((r.iro for r in reviews if review.id is not None and r.id == review.id), "")
        _raise(problems + iro_problems(uow, review.iro, kept, retired_ok=True))
        return _add_or_update(uow, review)


@requires("plans.edit")
def set_plan(uow_factory: UowFactory, plan: PlanChange, today: date) -> PlanChange:
    """Record a new permanence plan (or a change to it): the plan history keeps every entry."""
    with uow_factory() as uow:
        child = _child(uow, plan.child_id)
        _raise(v.check_plan(plan, child, today, uow.settings().plan_types))
        return _add_or_update(uow, plan)


@requires("outcomes.edit")
def add_outcome(uow_factory: UowFactory, outcome: MonitoringOutcome, today: date
                ) -> MonitoringOutcome:
    with uow_factory() as uow:
        _child(uow, outcome.child_id)
        allowed = uow.settings().monitoring_outcomes
        problems = []
        if outcome.outcome not in allowed:
            problems.append(Problem("outcome", f"{outcome.outcome!r} is not in the monitoring "
                                               "outcome list: choose one of " + "; ".join(allowed)))
        if outcome.recorded > today:
            problems.append(Problem("recorded", f"{uk_date(outcome.recorded)} is in the future"))
        _raise(problems)
        return uow.repo.add(outcome)
