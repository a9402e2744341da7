"""Find any child by ID or name, and read a found child's record: the read-only search of
everyone an IRO has beside their caseload (issue 12: "IRO: their caseload plus a read-only
search of everyone").

Both entry points need ``records.search``, which every role holds and which is not scoped
(``domain.roles.SCOPED``), so ``@requires`` hands them the whole tracker rather than an IRO's
caseload (``services.authorization._Caseload``). They only read: a found child outside an IRO's
caseload still cannot be changed, because every editing entry point is scoped and refuses it.
Each row says whether the acting user may change that child (``editable``), so a front end
offers editing only where the services would allow it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from permanence_tracker.domain import entities as e
from permanence_tracker.domain.errors import Problem, ValidationError
from permanence_tracker.domain.roles import Actor, allowed, scoped
from permanence_tracker.services.authorization import actor_of, requires
from permanence_tracker.services.records.changes import current_episode
from permanence_tracker.services.records.child_record import ChildRecord, _read_record
from permanence_tracker.services.unit_of_work import UowFactory

MAX_LIMIT = 500
SHORTEST = 2  # characters: one letter would list half the tracker


@dataclass(frozen=True, slots=True)
class FoundChild:
    """A child a search found: who they are, their IRO, and whether they are looked after now
    (an open episode). ``editable``: whether the searcher may change this child's records."""

    child_id: str
    name: str
    dob: date
    iro: str
    looked_after: bool
    editable: bool


@dataclass(frozen=True, slots=True)
class Found:
    """The children found, by family name, first name and ID; ``more``: others matched too
    (refine the search to see them)."""

    children: tuple[FoundChild, ...]
    more: bool


@requires("records.search")
def search_children(uow_factory: UowFactory, text: str, limit: int = 50) -> Found:
    """Every child whose ID or name holds each word of ``text`` (any case), at most ``limit``
    of them; ValidationError when ``text`` is too short or ``limit`` out of range."""
    words = text.casefold().split()
    problems = []
    if len("".join(words)) < SHORTEST:
        problems.append(Problem("text", f"type at least {SHORTEST} characters of a child's ID "
                                        "or name, e.g. a family name"))
    if not 1 <= limit <= MAX_LIMIT:
        problems.append(Problem("limit", f"{limit} is out of range: show 1 to {MAX_LIMIT} "
                                         "children at a time"))
    if problems:
        raise ValidationError(problems)
    actor = actor_of(uow_factory)
    with uow_factory() as uow:
        matched = sorted((c for c in uow.repo.records(e.Child) if _matches(c, words)),
                         key=lambda c: (c.surname.casefold(), c.forename.casefold(),
                                        c.child_id))
        shown = matched[:limit]
        histories = {h.child.child_id: h for h in (
            uow.histories([c.child_id for c in shown]) if shown else [])}
    rows = tuple(FoundChild(c.child_id, c.name, c.dob, c.iro,
                            _looked_after(histories.get(c.child_id)), _editable(actor, c))
                 for c in shown)
    return Found(rows, len(matched) > limit)


@requires("records.search")
def read_found_child(uow_factory: UowFactory, child_id: str, as_of: date) -> ChildRecord:
    """The record of a child a search found, read-only for a searcher outside whose caseload
    the child is (the editing services refuse their changes); NotFoundError when none.

    For a child outside a caseload-scoped searcher's caseload the audit trail is left out:
    finding a child transferred to you needs the record, not who changed what in it before."""
    record = _read_record(uow_factory, child_id, as_of)
    actor = actor_of(uow_factory)
    if scoped(actor.role, "records.read") and not (
            actor.iro_name and record.child.iro == actor.iro_name):
        return replace(record, audit=())
    return record


def _matches(child: e.Child, words: list[str]) -> bool:
    haystack = f"{child.child_id} {child.forename} {child.surname}".casefold()
    return all(word in haystack for word in words)


def _looked_after(history: e.ChildHistory | None) -> bool:
    return history is not None and current_episode(history.episodes) is not None


def _editable(actor: Actor, child: e.Child) -> bool:
    """What the editing entry points would allow: ``records.edit``, and for a role scoped to a
    caseload only the children whose IRO is theirs."""
    if not allowed(actor.role, "records.edit"):
        return False
    return not scoped(actor.role, "records.edit") or bool(
        actor.iro_name and child.iro == actor.iro_name)
