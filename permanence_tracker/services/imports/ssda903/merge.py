"""Folding the facts of several returns into one record each, and comparing with the database.

The same record may come from several rows: an episode in two collection years' returns, a
child's Header and UASC rows, an adoption decision's AD1 and PlacedAdoption rows (keyed by the
decision date: DATE_INT = DATE_PLACED, DfE rule 523; a child may hold several decisions). Rows
are applied oldest first (collection year, then file and row order), and a value from a later
row replaces an earlier one; a blank never erases a value (from an earlier row or the
database). So a later return can close an episode left open in an earlier one or correct its
fields, an earlier return imported afterwards cannot reopen it, and importing the same files
twice changes nothing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from permanence_tracker.domain import entities as e
from permanence_tracker.services.imports.ssda903.model import Fact, Key

KINDS: dict[str, tuple[type, tuple[str, ...]]] = {
    # kind: (record class, names of the key fields)
    "child": (e.Child, ("child_id",)),
    "episode": (e.Episode, ("child_id", "start")),
    "review": (e.Review, ("child_id", "held")),
    "adoption": (e.AdoptionMilestones, ("child_id", "should_be_placed")),  # one per decision
    "missing": (e.MissingEpisode, ("child_id", "start", "kind")),
    "previous": (e.PreviousPermanence, ("child_id",)),
}


@dataclass
class Stored:
    """The database's records, keyed as the 903 keys them (read once, in bulk)."""

    records: dict[str, dict[Key, Any]] = field(default_factory=dict)
    episodes_by_child: dict[str, list[e.Episode]] = field(default_factory=dict)

    @classmethod
    def from_histories(cls, histories: list[e.ChildHistory]) -> Stored:
        records: dict[str, dict[Key, Any]] = {kind: {} for kind in KINDS}
        by_child: dict[str, list[e.Episode]] = {}
        for h in histories:
            cid = h.child.child_id
            records["child"][(cid,)] = h.child
            by_child[cid] = list(h.episodes)
            for part, kind in (("episodes", "episode"), ("reviews", "review"),
                               ("adoption", "adoption"), ("missing", "missing"),
                               ("previous", "previous")):
                names = KINDS[kind][1]
                for record in getattr(h, part):
                    records[kind].setdefault(tuple(getattr(record, n) for n in names), record)
        return cls(records, by_child)

    def has_child(self, child_id: str) -> bool:
        return (child_id,) in self.records["child"]


def fold(facts: list[Fact]) -> dict[tuple[str, Key], dict[str, Any]]:
    """(kind, key) -> merged field values, later rows winning, blanks never erasing."""
    merged: dict[tuple[str, Key], dict[str, Any]] = {}
    for fact in sorted(facts, key=lambda f: f.row.priority):
        if fact.kind == "social_worker":
            continue
        target = merged.setdefault((fact.kind, fact.key), {})
        target.update({k: v for k, v in fact.fields.items() if v is not None and v != ""})
    latest: dict[str, Fact] = {}
    for fact in facts:  # the social worker is the one whose allocation started last
        if fact.kind == "social_worker":
            best = latest.get(fact.child_id)
            if best is None or (fact.fields["since"], fact.row.priority) > \
                    (best.fields["since"], best.row.priority):
                latest[fact.child_id] = fact
    for child_id, fact in latest.items():
        merged.setdefault(("child", (child_id,)), {})["social_worker"] = \
            fact.fields["social_worker"]
    return merged


@dataclass
class Plan:
    """What an import would write: new records per class, changed records, and counts."""

    inserts: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    updates: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    counts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))


def build_plan(merged: dict[tuple[str, Key], dict[str, Any]], stored: Stored) -> Plan:
    plan = Plan()
    for (kind, key), values in sorted(merged.items(), key=lambda item: _order(item[0])):
        cls, names = KINDS[kind]
        current = stored.records[kind].get(key)
        if current is None:
            plan.inserts[kind].append(cls(**dict(zip(names, key, strict=True)), **values))
            plan.counts[kind]["inserted"] += 1
            continue
        if all(getattr(current, name) == value for name, value in values.items()):
            plan.counts[kind]["unchanged"] += 1
        else:
            plan.updates[kind].append(replace(current, **values))
            plan.counts[kind]["updated"] += 1
    return plan


def _order(item: tuple[str, Key]) -> tuple[int, tuple[str, ...]]:
    kind, key = item
    return (list(KINDS).index(kind), tuple(str(part) for part in key))
