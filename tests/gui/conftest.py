"""GUI test helpers: synthetic rows built through the real services on a small database."""

from __future__ import annotations

from datetime import date

import pytest

from permanence_tracker.domain.entities import Child, Episode, Iro, PlanChange, Review
from permanence_tracker.services.permanence.cohort import load_cohort
from permanence_tracker.services.permanence.rows import child_rows
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.records import iros as iro_records

AS_OF = date(2026, 3, 31)


@pytest.fixture
def small_authority(tmp_path):
    """A SQLite tracker with five children in different states, and its context."""
    from permanence_tracker.app import open_context

    ctx = open_context(f"sqlite:///{tmp_path / 'gui.sqlite'}", user="tester")
    uow = ctx.uow
    iro_records.save_iro(uow, Iro("Ann Able", fte=1.0))
    iro_records.save_iro(uow, Iro("Bob Brook", fte=0.5, dual_role=True, cp_cases=10))
    people = [
        ("P1", "Ava", "Stone", date(2012, 1, 10), "Ann Able"),
        ("P2", "Ben", "Hart", date(2023, 7, 1), "Ann Able"),
        ("P3", "Cal", "Moss", date(2010, 3, 3), "Bob Brook"),
        ("P4", "Dee", "Wren", date(2016, 9, 9), "Bob Brook"),
        ("P5", "Eli", "Frost", date(2009, 2, 2), ""),
    ]
    for cid, forename, surname, dob, iro in people:
        records.add_child(uow, Child(cid, dob, "1", forename, surname, iro=iro,
                                     locality="North", area="Area 1"), AS_OF)
    E = Episode
    records.save_episode(uow, E("P1", date(2025, 6, 2), "S", "C2", placement="U4"), AS_OF)
    records.record_review(uow, Review("P1", date(2025, 6, 20), "PN1"), AS_OF)
    records.record_review(uow, Review("P1", date(2025, 9, 15), "PN1"), AS_OF)
    records.set_plan(uow, PlanChange("P1", date(2025, 9, 1), "Long-term fostering"), AS_OF)
    records.save_episode(uow, E("P2", date(2025, 5, 1), "S", "C1", placement="U5"), AS_OF)
    records.record_review(uow, Review("P2", date(2025, 5, 20), "PN0"), AS_OF)
    records.record_review(uow, Review("P2", date(2025, 8, 18), "PN0"), AS_OF)
    records.save_episode(uow, E("P3", date(2026, 1, 5), "S", "V2", placement="K2"), AS_OF)
    records.record_review(uow, Review("P3", date(2026, 1, 30), "PN2"), AS_OF)
    records.save_episode(uow, E("P4", date(2024, 1, 8), "S", "C2", placement="U6",
                                end=date(2025, 1, 10), rec="E45"), AS_OF)
    records.save_episode(uow, E("P5", date(2025, 10, 6), "S", "V2", placement="R1"), AS_OF)
    yield ctx
    ctx.dispose()


@pytest.fixture
def rows(small_authority):
    return child_rows(load_cohort(small_authority.uow, AS_OF))


@pytest.fixture
def isolated_settings(tmp_path, monkeypatch):
    """QSettings and the data folder go to a temporary place (a main window reads them)."""
    from PySide6.QtCore import QSettings

    from permanence_tracker.gui.main import make_application

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("PERMANENCE_TRACKER_DB", raising=False)
    make_application()
    QSettings().clear()
    yield


@pytest.fixture(scope="session", autouse=True)
def no_worker_left_at_exit():
    """The last tests' background jobs stop before the interpreter does: a worker thread still
    running Python at exit aborted runs with bool_dealloc/none_dealloc (issue 10, item 5)."""
    yield
    from permanence_tracker.gui import tasks

    tasks.shutdown()
