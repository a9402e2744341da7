"""Bulk read queries: every child's history in a handful of statements (100,000 children)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import fields
from datetime import date
from operator import attrgetter, itemgetter
from typing import Any

from sqlalchemy import Connection, select

from permanence_tracker.domain import entities as e
from permanence_tracker.persistence import tables as t
from permanence_tracker.persistence.repository import TABLE_OF

_HISTORY_PARTS = {
    "episodes": e.Episode,
    "reviews": e.Review,
    "plans": e.PlanChange,
    "outcomes": e.MonitoringOutcome,
    "adoption": e.AdoptionMilestones,
    "missing": e.MissingEpisode,
    "previous": e.PreviousPermanence,
}


# IDs per IN (...) list: each is a bound parameter, and one statement may have at most 65,535
# (psycopg) or 32,766 (SQLite's default).
_IN_CHUNK = 10_000


def load_histories(
    connection: Connection, child_ids: list[str] | None = None
) -> list[e.ChildHistory]:
    """Every child (or those named) with all their records, sorted by child ID.

    Sorted here, in code point order as SQLite does, not by the server: a PostgreSQL database
    with a language collation (en_GB, say) would order "b1" before "C1" and "C-2" after "C1".
    """
    if child_ids is not None and len(child_ids) > _IN_CHUNK:
        wanted = sorted(set(child_ids))
        return [history for start in range(0, len(wanted), _IN_CHUNK)
                for history in load_histories(connection, wanted[start:start + _IN_CHUNK])]
    child_query = select(t.child)
    if child_ids is not None:
        child_query = child_query.where(t.child.c.child_id.in_(child_ids))
    result = connection.execute(child_query)
    make = entity_maker(e.Child, result.keys())
    children = sorted((make(row) for row in result), key=attrgetter("child_id"))
    parts: dict[str, dict[str, list[Any]]] = {}
    for name, cls in _HISTORY_PARTS.items():
        table = TABLE_OF[cls]
        query = select(table)
        if child_ids is not None:
            query = query.where(table.c.child_id.in_(child_ids))
        grouped: dict[str, list[Any]] = defaultdict(list)
        result = connection.execute(query.order_by(table.c.child_id, table.c.id))
        make = entity_maker(cls, result.keys())
        for row in result:
            grouped[row.child_id].append(make(row))
        parts[name] = grouped
    return [
        e.ChildHistory(child, **{name: tuple(rows.get(child.child_id, ()))
                                 for name, rows in parts.items()})
        for child in children
    ]


def entity_maker(cls: type, keys) -> Callable[[Any], Any]:
    """A fast row-to-entity converter for one query's columns (the fields found in ``keys``);
    :func:`to_entity` looks the columns up for every row, which dominates large reads."""
    keys = list(keys)
    names = [f.name for f in fields(cls) if f.name in keys]
    pick = itemgetter(*[keys.index(name) for name in names])
    if len(names) == 1:
        return lambda row: cls(**{names[0]: pick(row)})
    return lambda row: cls(**dict(zip(names, pick(row), strict=True)))


# -- settings: one JSON value per key, so a new setting needs no migration -------------------
_DATE_TUPLES = {"closure_days"}


def load_settings(connection: Connection) -> e.Settings:
    stored = {row.key: json.loads(row.value) for row in connection.execute(select(t.settings))}
    values: dict[str, Any] = {}
    for f in fields(e.Settings):
        if f.name not in stored:
            continue
        value = stored[f.name]
        if f.name in _DATE_TUPLES:
            value = tuple(date.fromisoformat(v) for v in value)
        elif isinstance(value, list):
            value = tuple(value)
        values[f.name] = value
    return e.Settings(**values)


def settings_rows(settings: e.Settings) -> dict[str, str]:
    rows = {}
    for f in fields(e.Settings):
        if f.name == "version":
            continue
        value = getattr(settings, f.name)
        if f.name in _DATE_TUPLES:
            value = [d.isoformat() for d in value]
        elif isinstance(value, tuple):
            value = list(value)
        rows[f.name] = json.dumps(value)
    return rows
