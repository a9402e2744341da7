"""Settings are what the app uses (issue 10, "Setting up, in the app"): the plan-types setting
is what a plan may record, and a saved cohort is audited like a setting."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from permanence_tracker.domain.entities import Child, PlanChange
from permanence_tracker.domain.errors import ValidationError
from permanence_tracker.persistence import tables as t
from permanence_tracker.services.permanence import saved_cohorts
from permanence_tracker.services.permanence.cohort_filter import CohortFilter
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records.queries import plan_types
from permanence_tracker.services.settings import set_setting

TODAY = date(2026, 3, 31)


@pytest.fixture
def child(uow):
    records.add_child(uow, Child("K1", date(2015, 1, 1), "1", "Kit", "Lane"), TODAY)
    set_setting(uow, "plan_types", "Adoption; Kinship care")
    return uow


def test_a_plan_type_from_the_settings_is_accepted(child):
    assert plan_types(child) == ("Adoption", "Kinship care")
    saved = records.set_plan(child, PlanChange("K1", date(2026, 3, 1), "Kinship care",
                                               "Adoption"), TODAY)
    assert (saved.primary, saved.parallel) == ("Kinship care", "Adoption")


def test_a_plan_type_not_in_the_settings_is_refused(child):
    with pytest.raises(ValidationError) as refused:
        records.set_plan(child, PlanChange("K1", date(2026, 3, 1), "Long-term fostering"),
                         TODAY)
    assert [(p.field, p.message) for p in refused.value.problems] == [
        ("primary", "'Long-term fostering' is not a plan type: choose one of Adoption, "
                    "Kinship care")]


def _audit(context) -> list[tuple[str, str, object, object]]:
    with context.engine.connect() as connection:
        rows = list(connection.execute(select(t.audit).order_by(t.audit.c.id)))
    return [(r.table_name, r.row_key, r.old and json.loads(r.old), json.loads(r.new))
            for r in rows]


def test_saving_and_deleting_a_cohort_is_audited(context):
    uow = context.uow
    cohort = CohortFilter(iros=frozenset({"Ann Able"}))
    saved_cohorts.save(uow, "Ann's", cohort)
    entries = _audit(context)
    assert len(entries) == 1
    table, key, old, new = entries[0]
    assert (table, key, old) == ("settings", "saved_cohorts", None)
    assert isinstance(new, dict) and "Ann's" in new["saved_cohorts"]
    saved_cohorts.delete(uow, "Ann's")
    table, key, old, new = _audit(context)[1]
    assert "Ann's" in old["saved_cohorts"] and "Ann's" not in new["saved_cohorts"]
    saved_cohorts.delete(uow, "Ann's")  # nothing changes: nothing to audit
    assert len(_audit(context)) == 2
    with uow() as unit:
        assert unit.verify_audit().intact


def test_the_summary_text_names_the_drift_thresholds_in_force(uow):
    from permanence_tracker.cli.summary_text import render_text
    from permanence_tracker.services.permanence.cohort import load_cohort
    from permanence_tracker.services.permanence.summary import summarise

    set_setting(uow, "a1_days", "400")
    set_setting(uow, "ico_weeks", "1")
    text = render_text(summarise(load_cohort(uow, TODAY)))
    assert "  Drift: ICO beyond 1 week 0, A1 over 400 days 0, A2 over 121 days 0" in text
