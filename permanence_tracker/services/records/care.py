"""The start of a period of care: a child's first episode, or their return after leaving care.

SSDA903: a period of care starts with an episode whose reason for new episode (RNE) is ``S``
("started to be looked after"); a child who left care and returns starts a new period, with
RNE S again, and the review clock restarts at "1st review within 20 working days" (Care
Planning, Placement and Case Review (England) Regs 2010 reg 33). Changes inside a period and
the end of care are in :mod:`.changes`.

Problems are keyed by the names the Start care dialog and ``care start`` use: ``on``,
``legal_status``, ``placement``, ``provider``, ``cin``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from permanence_tracker.domain import validation as v
from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.entities import Child, Episode
from permanence_tracker.domain.errors import ConflictError, NotFoundError, Problem, ValidationError
from permanence_tracker.services.authorization import requires
from permanence_tracker.services.records.changes import current_episode
from permanence_tracker.services.records.codes import (
    episode_code_problems,
    legal_status_codes,
    placement_codes,
    with_code_problems,
)
from permanence_tracker.services.unit_of_work import UowFactory

START_RNE = "S"  # 903 RNE: started to be looked after (a new period of care)

# Placements with no placement provider (DfE 903 rules 526, 213 and 178: temporary T0-T4,
# "other" Z1 up to 2024-25 and Z11-Z14 from 2025-26): every other placement needs one.
NO_PROVIDER_PLACEMENTS = frozenset({"T0", "T1", "T2", "T3", "T4", "Z1", "Z11", "Z12", "Z13",
                                    "Z14"})


def needs_provider(placement: str) -> bool:
    """Whether the 903 requires a placement provider for ``placement`` (DfE rule 526)."""
    return bool(placement) and placement not in NO_PROVIDER_PLACEMENTS


@dataclass(frozen=True, slots=True)
class CareState:
    """What the Start care dialog shows and sends back: the child, and their episodes as read
    (``seen`` for :func:`start_care`)."""

    child: Child
    episodes: tuple[Episode, ...]
    open_episode: Episode | None  # not None: looked after now, so care cannot start

    @property
    def last_episode(self) -> Episode | None:
        return max(self.episodes, key=lambda e: e.start) if self.episodes else None


@requires("records.read")
def care_state(uow_factory: UowFactory, child_id: str) -> CareState:
    """The child and their episodes, read once (for the Start care dialog)."""
    with uow_factory() as uow:
        child = uow.repo.child(child_id)
        if child is None:
            raise NotFoundError(f"no child with ID {child_id!r}: check the ID or add the "
                                "child first")
        episodes = tuple(sorted(uow.repo.records(Episode, child_id), key=lambda e: e.start))
    return CareState(child, episodes, current_episode(episodes))


def _required(legal_status: str, placement: str, provider: str, cin: str) -> list[Problem]:
    """The 903 fields a start must have (903 Episodes LS, PLACE, CIN; CIN is the need at the
    start of the period, which its later episodes keep: DfE rule 504)."""
    problems = []
    if not legal_status:
        problems.append(Problem("legal_status", "is required: choose the legal status the "
                                                "child is looked after under"))
    if not placement:
        problems.append(Problem("placement", "is required: choose where the child is placed"))
    if not cin:
        problems.append(Problem("cin", "is required: choose the child's main category of need "
                                       "when care starts"))
    if needs_provider(placement) and not provider:
        problems.append(Problem("provider", f"is required for placement {placement}: choose "
                                            "who provides it (DfE rule 526)"))
    if placement in NO_PROVIDER_PLACEMENTS and provider:
        problems.append(Problem("provider", f"is not given for placement {placement}: clear it "
                                            "(DfE rule 213)"))
    return problems


def _period_problems(child: Child, on: date, episodes: tuple[Episode, ...]) -> list[Problem]:
    """A start needs the child out of care on ``on``: no open episode, and every earlier
    episode ended before it. A new period (RNE S) may not start on the day the last episode
    ended (DfE 903 rule 431: "the reason for new episode is started to be looked after, but
    the previous episode ended on the same day"); a same-day move is a change within the
    period, recorded as a change of legal status or placement."""
    name = child.name or child.child_id
    current = current_episode(episodes)
    if current is not None:
        return [Problem("on", f"{name} is already looked after (since "
                              f"{uk_date(current.start)}): record a change of legal status or "
                              "placement, or end care first")]
    ends = [e.end for e in episodes if e.end is not None]
    if ends and on < max(ends):
        return [Problem("on", f"{uk_date(on)} is before the end of {name}'s last episode "
                              f"({uk_date(max(ends))}): a new period of care starts after "
                              "the day the last one ended")]
    if ends and on == max(ends):
        return [Problem("on", f"{name}'s last episode ended on {uk_date(on)}: a new period "
                              "of care starts on a later day (DfE rule 431); to carry on the "
                              "same period, record a change of legal status or placement")]
    return []


@requires("records.edit")
def start_care(uow_factory: UowFactory, child_id: str, on: date, legal_status: str,
               placement: str, provider: str, cin: str, today: date, *,
               seen: tuple[Episode, ...] | None = None) -> Episode:
    """Start a period of care on ``on``: a new open episode with RNE S, audited on write.

    Each code must be in its list for the collection year ``on`` falls in (issue 8 s2.6).
    ``seen`` is the child's episodes as the user saw them (:attr:`CareState.episodes`): if
    someone else has added or changed one since, :class:`ConflictError` is raised and nothing
    is written. Raises :class:`ValidationError` listing every problem.
    """
    with uow_factory() as uow:
        child = uow.repo.child(child_id)
        if child is None:
            raise NotFoundError(f"no child with ID {child_id!r}: check the ID or add the "
                                "child first")
        episodes = tuple(uow.repo.records(Episode, child_id))
        if seen is not None and _versions(seen) != _versions(episodes):
            raise ConflictError(f"the episodes of {child_id} were changed by someone else "
                                "since you opened this; reload and check before starting care")
        new = Episode(child_id, on, START_RNE, legal_status, cin=cin, placement=placement,
                      provider=provider)
        problems = _required(legal_status, placement, provider, cin)
        named = {p.field for p in problems}
        # No others: the period check below says why an overlapping start is refused.
        checked = [Problem("on" if p.field == "start" else p.field, p.message)
                   for p in v.check_episode(new, (), child, today, legal_status_codes(),
                                            placement_codes())]
        problems += [p for p in checked if p.field not in named]
        problems += _period_problems(child, on, episodes)
        found = [p for p in episode_code_problems(new) if p.field not in named]
        problems = with_code_problems(problems, found)
        if problems:
            raise ValidationError(list(dict.fromkeys(problems)))
        return uow.repo.add(new)


def _versions(episodes: tuple[Episode, ...]) -> set[tuple[int | None, int]]:
    return {(e.id, e.version) for e in episodes}
