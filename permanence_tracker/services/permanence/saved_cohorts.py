"""Saved cohorts: named filters kept in the database so a team shares them.

Each save or delete is audited like a setting (the unit of work audits ``set_value``)."""

from __future__ import annotations

import json

from permanence_tracker.domain.errors import Problem, ValidationError
from permanence_tracker.services.authorization import requires
from permanence_tracker.services.permanence.cohort_filter import CohortFilter, default_cohorts
from permanence_tracker.services.unit_of_work import UowFactory

KEY = "saved_cohorts"


@requires("settings.read")
def load(uow_factory: UowFactory) -> dict[str, CohortFilter]:
    """The authority's saved cohorts, or the seed tracker's defaults when none are saved."""
    with uow_factory() as uow:
        text = uow.get_value(KEY)
    if text is None:
        return default_cohorts()
    return {name: CohortFilter.from_json(value) for name, value in json.loads(text).items()}


@requires("cohorts.save")
def save(uow_factory: UowFactory, name: str, cohort: CohortFilter) -> dict[str, CohortFilter]:
    name = name.strip()
    if not name:
        raise ValidationError([Problem("name", "is required: give the cohort a name")])
    cohorts = load(uow_factory)
    cohorts[name] = cohort.with_text("")
    _store(uow_factory, cohorts)
    return cohorts


@requires("cohorts.save")
def delete(uow_factory: UowFactory, name: str) -> dict[str, CohortFilter]:
    cohorts = load(uow_factory)
    cohorts.pop(name, None)
    _store(uow_factory, cohorts)
    return cohorts


def _store(uow_factory: UowFactory, cohorts: dict[str, CohortFilter]) -> None:
    with uow_factory() as uow:
        uow.set_value(KEY, json.dumps({n: c.to_json() for n, c in cohorts.items()}))
