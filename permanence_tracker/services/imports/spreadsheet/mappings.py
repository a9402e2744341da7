"""Saved column mappings: a spreadsheet's headers -> the tracker's fields, kept by name in the
database so that the next import of the same spreadsheet is mapped as before.

Stored like saved cohorts (:mod:`services.permanence.saved_cohorts`): one JSON value set
through ``uow.set_value``, so each save or delete is audited like a setting. A mapping is
keyed by header text (not column position): columns may move between exports.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from permanence_tracker.domain.errors import Problem, ValidationError
from permanence_tracker.services.authorization import requires
from permanence_tracker.services.imports.spreadsheet.fields import FIELDS, normalise_header
from permanence_tracker.services.unit_of_work import UnitOfWork, UowFactory

KEY = "spreadsheet_mappings"


@requires("import")
def load_mappings(uow_factory: UowFactory) -> dict[str, dict[str, str]]:
    """Every saved mapping by name: header as written -> field name."""
    with uow_factory() as uow:
        text = uow.get_value(KEY)
    return {} if text is None else {name: dict(m) for name, m in json.loads(text).items()}


@requires("import")
def save_mapping(uow_factory: UowFactory, name: str, mapping: Mapping[str, str]
                 ) -> dict[str, dict[str, str]]:
    """Save ``mapping`` (header -> field name; unmapped headers left out) as ``name``, replacing
    a mapping of that name. Returns every saved mapping."""
    name = checked_mapping(name, mapping)
    with uow_factory() as uow:
        return store_mapping(uow, name, mapping)


def checked_mapping(name: str, mapping: Mapping[str, str]) -> str:
    """The name to save ``mapping`` under (stripped); raises ValidationError, before anything
    is written, for a blank name or an unknown field."""
    name = name.strip()
    problems = [] if name else [Problem("name", "is required: give the mapping a name")]
    unknown = sorted(f for f in mapping.values() if f not in FIELDS)
    if unknown:
        problems.append(Problem("mapping", f"{', '.join(unknown)} is not a field the import "
                                "knows: map the column to one of the listed fields"))
    if problems:
        raise ValidationError(problems)
    return name


def store_mapping(uow: UnitOfWork, name: str, mapping: Mapping[str, str]
                  ) -> dict[str, dict[str, str]]:
    """Save a :func:`checked_mapping` in the open unit of work ``uow`` (the import's own, so
    that the mapping is saved with the rows or not at all). Returns every saved mapping."""
    text = uow.get_value(KEY)
    saved = {} if text is None else json.loads(text)
    saved[name] = dict(mapping)
    uow.set_value(KEY, json.dumps(saved, sort_keys=True))
    return {n: dict(m) for n, m in saved.items()}


@requires("import")
def delete_mapping(uow_factory: UowFactory, name: str) -> dict[str, dict[str, str]]:
    with uow_factory() as uow:
        text = uow.get_value(KEY)
        saved = {} if text is None else json.loads(text)
        if name in saved:
            del saved[name]
            uow.set_value(KEY, json.dumps(saved, sort_keys=True))
    return saved


def mapping_for(headers: Sequence[str], saved: Mapping[str, Mapping[str, str]]
                ) -> tuple[str, dict[int, str]] | None:
    """The saved mapping to offer for a sheet with ``headers``: the first (by name) whose every
    header is in the sheet (compared ignoring case, spacing and punctuation), as its name and
    column index -> field name. None when no saved mapping fits."""
    index = {normalise_header(h): i for i, h in reversed(list(enumerate(headers))) if h}
    for name in sorted(saved):
        wanted = saved[name]
        if wanted and all(normalise_header(h) in index for h in wanted):
            return name, {index[normalise_header(h)]: field for h, field in wanted.items()}
    return None
