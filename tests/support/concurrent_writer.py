"""One writer of the concurrent-writers stress test (tests/integration/test_concurrent_writers.py).

Run as a process of its own: ``python concurrent_writer.py LOG WRITER OPS SEED START DEADLINE``
with the tracker's URL in ``PT_STRESS_URL`` (kept off the command line: it may hold a password).
The writer makes OPS changes to the shared synthetic children (:data:`CHILDREN`) through
the services, each its own unit of work, as a person at a screen would: record a review, edit a
review read a moment ago, set a plan, change a child's social worker, add a monitoring outcome.
Every change carries a token of its own (``w<writer>-<n>``) in a free-text field, so the test
can find it afterwards.

Each attempt is one JSON line in LOG, written and flushed before the next attempt starts:
``committed`` with what was stored, ``refused`` with the error the writer got (a
:class:`TrackerError`: a conflict, a validation problem) or ``failed`` with any other error
(a database error reaching the caller raw is a bug the test reports). Every writer begins at
START; at DEADLINE (both ``time.time()`` values) it stops and logs ``timeout`` instead of
starting another change.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from permanence_tracker.domain.codes import PLAN_TYPES
from permanence_tracker.domain.entities import (
    Child,
    Episode,
    MonitoringOutcome,
    PlanChange,
    Review,
    Settings,
)
from permanence_tracker.domain.errors import TrackerError
from permanence_tracker.persistence import engine as engines
from permanence_tracker.persistence.uow import uow_factory
from permanence_tracker.services.records import editing

URL_ENV = "PT_STRESS_URL"
TODAY = date(2026, 3, 31)
CHILDREN = tuple(f"STRESS{n:02d}" for n in range(10))
IN_CARE_FROM = date(2024, 1, 8)
KINDS = ("review", "review_edit", "plan", "child", "outcome")
# Few enough review dates that two writers sometimes pick the same child and day.
REVIEW_DAYS = 40
OUTCOME = Settings().monitoring_outcomes[2]


def seed(factory: Any) -> None:
    """The shared children, each in care since :data:`IN_CARE_FROM` (made before writers start)."""
    for child_id in CHILDREN:
        editing.add_child(factory, Child(child_id, date(2015, 5, 1), sex="F"), TODAY)
        editing.save_episode(factory, Episode(child_id, IN_CARE_FROM, "S", "C2",
                                              placement="U4"), TODAY)


def _pause(rng: random.Random) -> None:
    """The moment between reading a record and saving it, when someone else may save."""
    time.sleep(rng.uniform(0, 0.02))


def attempt(factory: Any, rng: random.Random, kind: str, child_id: str, token: str
            ) -> dict[str, Any]:
    """Make one change; returns what was stored (the log's ``stored``)."""
    if kind == "review":
        held = date(2025, 1, 1) + timedelta(days=rng.randrange(REVIEW_DAYS))
        review = editing.record_review(
            factory, Review(child_id, held, participation="PN1", notes=token), TODAY)
        return {"table": "review", "action": "insert", "id": review.id,
                "held": held.isoformat()}
    if kind == "review_edit":
        with factory() as uow:
            reviews = uow.repo.records(Review, child_id)
        if not reviews:  # nothing to edit yet: record one instead
            return attempt(factory, rng, "review", child_id, token)
        chosen = rng.choice(reviews)
        _pause(rng)
        review = editing.record_review(factory, replace(chosen, notes=token), TODAY)
        return {"table": "review", "action": "update", "id": review.id,
                "version": review.version}
    if kind == "plan":
        agreed = date(2025, 1, 1) + timedelta(days=rng.randrange(400))
        plan = editing.set_plan(factory, PlanChange(child_id, agreed, rng.choice(PLAN_TYPES),
                                                    notes=token), TODAY)
        return {"table": "plan", "action": "insert", "id": plan.id}
    if kind == "child":
        with factory() as uow:
            child = uow.repo.child(child_id)
        _pause(rng)
        saved = editing.update_child(factory, replace(child, social_worker=token), TODAY)
        return {"table": "child", "action": "update", "version": saved.version}
    if kind == "outcome":
        recorded = date(2025, 1, 1) + timedelta(days=rng.randrange(400))
        outcome = editing.add_outcome(
            factory, MonitoringOutcome(child_id, recorded, OUTCOME, notes=token), TODAY)
        return {"table": "outcome", "action": "insert", "id": outcome.id}
    raise ValueError(kind)


def run(log_path: str, writer: int, operations: int, seed_value: int, start_at: float,
        deadline: float) -> None:
    engine = engines.create(os.environ[URL_ENV])
    factory = uow_factory(engine, f"writer{writer}", lambda: datetime.now(UTC))
    rng = random.Random(seed_value)
    time.sleep(max(0.0, start_at - time.time()))  # every writer starts at the same moment
    with open(log_path, "a", encoding="utf-8") as log:
        for number in range(operations):
            entry: dict[str, Any] = {"writer": writer, "number": number,
                                     "kind": rng.choice(KINDS), "child": rng.choice(CHILDREN),
                                     "token": f"w{writer}-{number:03d}"}
            if time.time() > deadline:
                entry["outcome"] = "timeout"
            else:
                try:
                    entry["stored"] = attempt(factory, rng, entry["kind"], entry["child"],
                                              entry["token"])
                    entry["outcome"] = "committed"
                except TrackerError as exc:
                    entry.update(outcome="refused", error=type(exc).__name__, message=str(exc))
                except Exception as exc:  # noqa: BLE001 - logged for the test to report
                    entry.update(outcome="failed", error=type(exc).__name__, message=str(exc))
            log.write(json.dumps(entry) + "\n")
            log.flush()
    engine.dispose()


if __name__ == "__main__":
    run(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]),
        float(sys.argv[6]))
