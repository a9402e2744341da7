"""Matching each row to the tracker and working out what it would write: shared by the preview
and the commit, so that both see the same outcomes, conflicts and keys.

A row matches a child by child ID; failing that, by name and date of birth, which is only a
candidate (:class:`.model.NameMatch`) until the user confirms it: an unconfirmed match is never
written. What the sheet knows becomes records: the child, a first episode when the tracker has
none (never a second one: a different legal status, placement or start of care is a conflict),
one review per date not held already, the plan agreed on its date (``PlanChange``), a
monitoring outcome when it is not already the latest, the comments as a note, and IROs created
by name with their FTE not set (:data:`.model.FTE_NOT_SET`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from permanence_tracker.domain import entities as e
from permanence_tracker.domain import limits
from permanence_tracker.domain.calendar import uk_date
from permanence_tracker.domain.codes import CONTINUING_REC
from permanence_tracker.services.imports.spreadsheet.fields import FIELDS
from permanence_tracker.services.imports.spreadsheet.model import (
    FTE_NOT_SET,
    Conflict,
    ConflictKind,
    Decisions,
    NameMatch,
    Outcome,
    Refusal,
    RowFacts,
    RowOutcome,
    RowProblem,
)
from permanence_tracker.services.progress import Progress, silent
from permanence_tracker.services.records.changes import suggested_rne
from permanence_tracker.services.unit_of_work import UnitOfWork

_REPORT_EVERY = 1000


@dataclass(frozen=True)
class Tracker:
    """What the tracker holds, read once."""

    settings: e.Settings
    histories: dict[str, e.ChildHistory]
    iro_names: list[str]
    notes: dict[str, list[e.Note]]
    by_name_dob: dict[tuple[str, str, date], list[str]]


def read_tracker(uow: UnitOfWork) -> Tracker:
    histories = {h.child.child_id: h for h in uow.histories()}
    notes: dict[str, list[e.Note]] = defaultdict(list)
    for note in uow.repo.records(e.Note):
        notes[note.child_id].append(note)
    by_name: dict[tuple[str, str, date], list[str]] = defaultdict(list)
    for child_id, history in histories.items():
        child = history.child
        by_name[_name_key(child.forename, child.surname, child.dob)].append(child_id)
    return Tracker(uow.settings(), histories, [i.name for i in uow.iros()], dict(notes),
                   dict(by_name))


def _name_key(forename: str, surname: str, dob: date) -> tuple[str, str, date]:
    return (" ".join(forename.casefold().split()), " ".join(surname.casefold().split()), dob)


@dataclass
class Writes:
    """Records to write, by kind, in the order they are written (children first)."""

    iros: list[e.Iro] = field(default_factory=list)
    children: list[e.Child] = field(default_factory=list)
    child_updates: list[e.Child] = field(default_factory=list)
    episodes: list[e.Episode] = field(default_factory=list)
    episode_updates: list[e.Episode] = field(default_factory=list)
    reviews: list[e.Review] = field(default_factory=list)
    plans: list[e.PlanChange] = field(default_factory=list)
    plan_updates: list[e.PlanChange] = field(default_factory=list)
    outcomes: list[e.MonitoringOutcome] = field(default_factory=list)
    notes: list[e.Note] = field(default_factory=list)
    children_changed: list[str] = field(default_factory=list)


@dataclass
class Comparison:
    outcomes: list[RowOutcome] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    matches: list[NameMatch] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    writes: Writes = field(default_factory=Writes)
    new_iros: tuple[str, ...] = ()


@dataclass
class _Row:
    """One row's pending writes, applied only when no decision skips the row."""

    facts: RowFacts
    child_id: str
    changes: list[str] = field(default_factory=list)
    conflicts: list[tuple[Conflict, Callable[[], None]]] = field(default_factory=list)
    child_fields: dict[str, Any] = field(default_factory=dict)
    episode: e.Episode | None = None  # the tracker's episode the row changes, if any
    episode_fill: dict[str, Any] = field(default_factory=dict)  # its blanks the sheet fills
    episode_fields: dict[str, Any] = field(default_factory=dict)  # its values taken
    legal_change: tuple[date, str] | None = None  # a change of legal status taken: day, code
    plan_update: e.PlanChange | None = None
    records: list[Any] = field(default_factory=list)


def compare(facts: Sequence[RowFacts], tracker: Tracker, today: date, decisions: Decisions,
            sheet: str, columns: Mapping[str, str], source_name: str = "", *,
            confirmed_only: bool = False, progress: Progress = silent) -> Comparison:
    """Match and compare every row. ``columns`` names each field's column as written. With
    ``confirmed_only`` (the commit) an unconfirmed name + date-of-birth match is skipped; the
    preview treats it as matched so the user sees what confirming would do."""
    result = Comparison()
    known_iros = set(tracker.iro_names)
    new_iros: dict[str, None] = {}
    total = len(facts)
    for done, f in enumerate(facts):
        if done % _REPORT_EVERY == 0:
            progress(done, total, f"Comparing with the tracker ({done:,} of {total:,})")
        problem = _problem_adder(result, sheet, f.row, columns)
        problems_before = len(result.problems)
        history = tracker.histories.get(f.child_id) if f.child_id else None
        if history is None and f.dob is not None and (f.forename or f.surname):
            found = tracker.by_name_dob.get(_name_key(f.forename, f.surname, f.dob), [])
            if len(found) == 1:
                history = tracker.histories[found[0]]
                result.matches.append(NameMatch(f.row, f.child_id, found[0],
                                                history.child.name, f.dob))
                if confirmed_only and f.row not in decisions.confirmed:
                    result.skipped.append(f.row)
                    continue
        if history is None:
            row = _new_child(f, problem)
        else:
            row = _existing_child(f, history, tracker.notes.get(history.child.child_id, []),
                                  problem)
        if row is None or len(result.problems) > problems_before:
            continue
        _notes_and_outcomes(row, history, tracker.notes, today, source_name)
        result.conflicts += [c for c, _ in row.conflicts]
        choices = [decisions.choice(c.key) for c, _ in row.conflicts]
        if "skip" in choices:
            result.skipped.append(f.row)
            continue
        for (conflict, take), choice in zip(row.conflicts, choices, strict=True):
            if choice == "take" and conflict.takeable:
                take()
        iro = row.child_fields.get("iro", "") or next(
            (c.sheet_value for (c, _), choice in zip(row.conflicts, choices, strict=True)
             if c.field == "iro" and choice is None), "")  # the preview: created if taken
        if iro and iro not in known_iros:
            if len(iro) > limits.NAME:
                problem("iro", iro, f"an IRO's name has at most {limits.NAME} "
                        "characters: shorten it")
                continue
            new_iros.setdefault(iro)
        _planned(row, history, result)
    result.new_iros = tuple(new_iros)
    result.writes.iros = [e.Iro(name, fte=FTE_NOT_SET) for name in new_iros]
    return result


def _problem_adder(result: Comparison, sheet: str, number: int, columns: Mapping[str, str]
                   ) -> Callable[[str, str, str], None]:
    def add(field_name: str, value: str, message: str) -> None:
        column = columns.get(field_name) or FIELDS[field_name].label
        result.problems.append(RowProblem(sheet, number, column, value, message))
    return add


def _new_child(f: RowFacts, problem: Callable[[str, str, str], None]) -> _Row | None:
    if not f.child_id:
        problem("child_id", "", "has no child ID and no child in the tracker has this name and "
                "date of birth: add the child ID")
        return None
    if f.dob is None:
        problem("dob", "", f"child {f.child_id} is not in the tracker, and a new child needs a "
                "date of birth: add it")
        return None
    row = _Row(f, f.child_id, ["child"])
    row.child_fields = {k: v for k, v in (
        ("forename", f.forename), ("surname", f.surname), ("sex", f.sex), ("iro", f.iro),
        ("social_worker", f.social_worker), ("team", f.team)) if v}
    if not _first_episode(row, f, problem):
        return None
    row.records += [e.Review(f.child_id, held) for held in f.reviews]
    if f.reviews:
        row.changes.append("reviews")
    if f.plan_type and f.plan_agreed:
        row.records.append(e.PlanChange(f.child_id, f.plan_agreed, f.plan_type,
                                        f.parallel_plan))
        row.changes.append("plan")
    return row


def _first_episode(row: _Row, f: RowFacts, problem: Callable[[str, str, str], None]) -> bool:
    """A first episode (RNE S: started to be looked after) from the date care began and the
    legal status, when the tracker has none; False when the row gives only part of it."""
    if f.looked_after_from and f.legal_status:
        row.records.append(e.Episode(row.child_id, f.looked_after_from, "S", f.legal_status,
                                     placement=f.placement))
        row.changes.append("episode")
    elif f.looked_after_from:
        problem("legal_status", "", "gives the date care began but no legal status: add it, or "
                "the period of care cannot be recorded")
        return False
    elif f.legal_status or f.placement:
        problem("looked_after_from", "", "gives a legal status or placement but not the date "
                "care began: add it, or the period of care cannot be recorded")
        return False
    return True


def _existing_child(f: RowFacts, history: e.ChildHistory, notes: list[e.Note],
                    problem: Callable[[str, str, str], None]) -> _Row | None:
    child = history.child
    row = _Row(f, child.child_id)

    def conflict(name: str, ours: str, theirs: str, kind: ConflictKind,
                 take: Callable[[], None], *, on: date | None = None,
                 record_date: date | None = None, refusal: Refusal = "") -> None:
        row.conflicts.append((Conflict(f"{f.row}:{name}", f.row, child.child_id, name, ours,
                                       theirs, kind, on, record_date, refusal), take))

    def set_child(name: str, value: object) -> Callable[[], None]:
        return lambda: row.child_fields.__setitem__(name, value)

    if f.dob and f.dob != child.dob:
        conflict("dob", uk_date(child.dob), uk_date(f.dob), "differs", set_child("dob", f.dob))
    for name, identity in (("forename", True), ("surname", True), ("sex", True),
                           ("iro", True), ("social_worker", False), ("team", False)):
        ours, theirs = getattr(child, name), getattr(f, name)
        if not theirs or ours.casefold() == theirs.casefold():
            continue
        if identity and ours:
            conflict(name, ours, theirs, "differs", set_child(name, theirs))
        else:
            row.child_fields[name] = theirs
    if not history.episodes:
        if not _first_episode(row, f, problem):
            return None
    else:
        _episode_conflicts(row, f, history.episodes, conflict)
    held = {r.held for r in history.reviews}
    reviews = [e.Review(child.child_id, d) for d in f.reviews if d not in held]
    if reviews:
        row.records += reviews
        row.changes.append("reviews")
    _plan(row, f, history.plans, conflict)
    return row


_ConflictAdder = Callable[..., None]


def _episode_conflicts(row: _Row, f: RowFacts, episodes: tuple[e.Episode, ...],
                       conflict: _ConflictAdder) -> None:
    """The sheet's legal status and placement against the tracker's episode open on the
    latest review the row gives (else the date care began; else the current episode). A
    placement the tracker left blank is filled (an update, audited), not a conflict. Taking the
    sheet's legal status records a change of legal status on the row's date (903 RNE L: the
    episode ends that day with REC X1 and the next begins, as :mod:`..records.changes` does),
    never a rewrite of the episode from its start; where no such change can be recorded the
    sheet's value cannot be taken (:data:`.model.Refusal`)."""
    day = max(f.reviews) if f.reviews else f.looked_after_from
    ordered = sorted(episodes, key=lambda ep: ep.start)
    episode = (next((ep for ep in ordered if ep.open_on(day)), None) if day
               else next((ep for ep in ordered if ep.end is None), ordered[-1]))
    if episode is not None:
        dates = {"on": day, "record_date": episode.start}
        if f.placement and not episode.placement:
            row.episode = episode
            row.episode_fill["placement"] = f.placement
        elif f.placement and episode.placement != f.placement:
            conflict("placement", episode.placement, f.placement, "episode",
                     _episode_take(row, episode, f.placement), **dates)
        if f.legal_status and episode.legal_status != f.legal_status:
            conflict("legal_status", episode.legal_status, f.legal_status, "episode",
                     _change_take(row, episode, day, f.legal_status),
                     refusal=_change_refusal(episode, day), **dates)
    starts = {ep.start for ep in ordered if ep.rne == "S"} | {ordered[0].start}
    if f.looked_after_from and f.looked_after_from not in starts:
        conflict("looked_after_from", ", ".join(uk_date(d) for d in sorted(starts)),
                 uk_date(f.looked_after_from), "care_start", lambda: None,
                 on=f.looked_after_from, refusal="care_start")


def _change_refusal(episode: e.Episode, day: date | None) -> Refusal:
    """Why no change of legal status can be recorded on ``day`` in ``episode`` ("" if it can)."""
    if day is None:
        return "no_date"
    if episode.end is not None:
        return "closed_episode"
    if day == episode.start:  # two episodes beginning the same day (DfE rule 356)
        return "episode_start"
    return ""


def _episode_take(row: _Row, episode: e.Episode, value: str) -> Callable[[], None]:
    def take() -> None:
        row.episode = episode
        row.episode_fields["placement"] = value
    return take


def _change_take(row: _Row, episode: e.Episode, day: date | None, value: str
                 ) -> Callable[[], None]:
    def take() -> None:
        if day is not None:
            row.episode = episode
            row.legal_change = (day, value)
    return take


def _changed_episode(current: e.Episode, on: date, legal_status: str, placement: str
                     ) -> tuple[e.Episode, e.Episode]:
    """The open episode ended on ``on`` (REC X1) and the next one from that day, as a change
    recorded on the child's record makes them (903 RNE: L for the legal status alone, B with
    the placement too; :func:`..records.changes.suggested_rne`)."""
    same_place = placement == current.placement
    ended = replace(current, end=on, rec=CONTINUING_REC)
    new = e.Episode(current.child_id, on, suggested_rne(current, legal_status, placement),
                    legal_status, cin=current.cin, placement=placement,
                    home_post=current.home_post,
                    provider=current.provider if same_place else "",
                    pl_post=current.pl_post if same_place else "",
                    urn=current.urn if same_place else "")
    return ended, new


def _plan(row: _Row, f: RowFacts, plans: tuple[e.PlanChange, ...],
          conflict: _ConflictAdder) -> None:
    if not (f.plan_type and f.plan_agreed):
        return
    same_day = [p for p in plans if p.agreed == f.plan_agreed]
    if not same_day:
        row.records.append(e.PlanChange(row.child_id, f.plan_agreed, f.plan_type,
                                        f.parallel_plan))
        row.changes.append("plan")
        return
    plan = same_day[-1]
    if plan.primary == f.plan_type and f.parallel_plan in ("", plan.parallel):
        return
    if plan.primary == f.plan_type and not plan.parallel:  # filling a blank: an update
        row.plan_update = replace(plan, parallel=f.parallel_plan)
        return

    def take() -> None:
        row.plan_update = replace(plan, primary=f.plan_type,
                                  parallel=f.parallel_plan or plan.parallel)
    ours = " / ".join(p for p in (plan.primary, plan.parallel) if p)
    theirs = " / ".join(p for p in (f.plan_type, f.parallel_plan) if p)
    conflict("plan", ours, theirs, "plan", take, record_date=plan.agreed)


def _notes_and_outcomes(row: _Row, history: e.ChildHistory | None,
                        notes: dict[str, list[e.Note]], today: date, source: str) -> None:
    f = row.facts
    outcomes = history.outcomes if history else ()
    latest = max(outcomes, key=lambda o: (o.recorded, o.id or 0), default=None)
    if f.monitoring_outcome and (latest is None or latest.outcome != f.monitoring_outcome):
        row.records.append(e.MonitoringOutcome(row.child_id, today, f.monitoring_outcome))
        row.changes.append("monitoring_outcome")
    held = {n.text for n in notes.get(row.child_id, [])}
    source = source[:limits.NOTE_SOURCE]  # the import's audit entry keeps the whole name
    if f.comments and f.comments not in held:
        row.records.append(e.Note(row.child_id, today, f.comments, source))
        row.changes.append("comments")
    # No panel meeting to attach a bare date to, so it is kept as a note on the child (once).
    panel = f"Panel date: {uk_date(f.panel_date)}" if f.panel_date else ""
    if panel and panel not in held:
        row.records.append(e.Note(row.child_id, today, panel, source))
        row.changes.append("panel_date")


def _episode_writes(row: _Row, episode: e.Episode, writes: Writes) -> list[str]:
    """The episode's blanks filled and its values taken, or a change of legal status recorded
    on the row's date (the episode ended, the next begun); the fields changed."""
    base = replace(episode, **row.episode_fill)
    if row.legal_change is None:
        writes.episode_updates.append(replace(base, **row.episode_fields))
        return [*row.episode_fill, *row.episode_fields]
    day, legal_status = row.legal_change
    ended, new = _changed_episode(base, day, legal_status,
                                  row.episode_fields.get("placement", base.placement))
    writes.episode_updates.append(ended)
    writes.episodes.append(new)
    return [*row.episode_fill, "legal_status", *row.episode_fields]


_KINDS: dict[type, str] = {e.Episode: "episodes", e.Review: "reviews", e.PlanChange: "plans",
                           e.MonitoringOutcome: "outcomes", e.Note: "notes"}


def _planned(row: _Row, history: e.ChildHistory | None, result: Comparison) -> None:
    """Add the row's records to the writes and its outcome to the list."""
    writes = result.writes
    changes = list(row.changes)
    outcome: Outcome
    if history is None:
        writes.children.append(e.Child(row.child_id, row.facts.dob or date.min,
                                       **row.child_fields))
        outcome = "create"
    else:
        child = history.child
        fields = {k: v for k, v in row.child_fields.items() if getattr(child, k) != v}
        if fields:
            writes.child_updates.append(replace(child, **fields))
            changes = [*fields, *changes]
        if row.episode is not None:
            changes += _episode_writes(row, row.episode, writes)
        if row.plan_update is not None:
            writes.plan_updates.append(row.plan_update)
            changes.append("plan")
        outcome = "update" if changes else "unchanged"
    for record in row.records:
        getattr(writes, _KINDS[type(record)]).append(record)
    if outcome != "unchanged":
        writes.children_changed.append(row.child_id)
    result.outcomes.append(RowOutcome(row.facts.row, row.child_id, outcome,
                                      tuple(dict.fromkeys(changes))))
