"""Values that do not fit their columns, found before writing so both back ends refuse them alike.

PostgreSQL refuses a string longer than its ``VARCHAR(n)`` or a number beyond ``INTEGER`` in
the middle of a write; SQLite stores either silently. Checking first gives the same clear
:class:`ValidationError` problem (which field, how long, what to do) on both.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import Integer, String, Table

from permanence_tracker.domain.errors import Problem

_INT_RANGE = (-(2**31), 2**31 - 1)  # PostgreSQL's INTEGER; SQLite would take more


@cache
def _limits(table: Table) -> tuple[tuple[str, int | None], ...]:
    """(column, longest string) for sized strings and (column, None) for integers."""
    return tuple((c.name, c.type.length if isinstance(c.type, String) else None)
                 for c in table.columns
                 if (isinstance(c.type, String) and c.type.length) or isinstance(c.type, Integer))


def misfits(table: Table, rows: Sequence[dict[str, Any]]) -> list[Problem]:
    """Values that do not fit their column, named by field (and child, for several rows)."""
    problems = []
    limits = _limits(table)
    for row in rows:
        for name, length in limits:
            value = row.get(name)
            if value is None:
                continue
            whose = f" (child {row['child_id']})" if len(rows) > 1 and row.get("child_id") else ""
            if length is not None and isinstance(value, str) and len(value) > length:
                problems.append(Problem(name, f"is {len(value)} characters long{whose}, more "
                                        f"than the {length} it can hold: shorten it"))
            elif length is None and isinstance(value, int) and \
                    not _INT_RANGE[0] <= value <= _INT_RANGE[1]:
                problems.append(Problem(name, f"{value}{whose} is too large a number: check it"))
    return problems
