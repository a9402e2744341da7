"""A messy synthetic tracker workbook imported into a real database (SQLite, and PostgreSQL when
configured): title rows, five date styles, typed legal statuses and plans, a totals row, IROs
with stray spaces, and a row that conflicts with the 903 episode already held. No real data."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from permanence_tracker.domain.entities import Child, Episode, Note
from permanence_tracker.domain.permanence import PlanStatus
from permanence_tracker.persistence import tables as t
from permanence_tracker.services.imports.spreadsheet.fields import auto_map
from permanence_tracker.services.imports.spreadsheet.layout import find_table
from permanence_tracker.services.imports.spreadsheet.model import FTE_NOT_SET, Decisions
from permanence_tracker.services.imports.spreadsheet.reading import read_sheet
from permanence_tracker.services.imports.spreadsheet.service import (
    commit_import,
    import_source,
    preview_import,
)
from permanence_tracker.services.permanence.cohort import load_cohort
from permanence_tracker.services.permanence.summary import iro_caseloads
from permanence_tracker.services.records.editing import add_child, save_episode

TODAY = date(2026, 4, 1)


def workbook(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "LAC tracker"
    sheet.append(["Permanence tracker 2025-26 (synthetic)"])
    sheet.append([])
    sheet.append(["Child ID", "Forename", "Surname", "DOB", "Legal Status", "Date became LAC",
                  "1st LAC review", "2nd LAC review", "Plan type", "Date plan agreed", "IRO",
                  "Comments"])
    sheet.append(["S1", "Ada", "Ash", datetime(2015, 5, 4), "Full Care Order", "06/01/2025",
                  "2025-02-03", "2.5.2025", "Long term fostering", "1 April 2025",
                  " Jo  Bloggs ", "Settled"])
    sheet.append(["S2", "Ben", "Birch", "4/5/16", "s.20", 45663,  # 06/01/2025 as a serial
                  "03/02/2025", "02/05/2025", "SGO", "01/07/2025", "Jo Bloggs", None])
    sheet.append(["S3", "Cy", "Cole", "04/05/2017", "ICO", "06/01/2025", "03/02/2025",
                  "02/05/2025", "Adoption", "01/04/2025", "Kay Lee", None])
    sheet.append(["Total", 3])
    book.save(path)
    return path


@pytest.fixture
def s3_in_903(uow):
    """S3 came in with the 903 return: looked after under section 20 (V2) from 06/01/2025."""
    add_child(uow, Child("S3", date(2017, 5, 4), forename="Cy", surname="Cole"), TODAY)
    save_episode(uow, Episode("S3", date(2025, 1, 6), "S", "V2", placement="U4",
                              provider="PR1"), TODAY)


def _preview(uow, path: Path):
    table = find_table(read_sheet(path))
    return preview_import(uow, table, auto_map(table.headers), TODAY)


def _audit_count(context) -> int:
    with context.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(t.audit)).scalar_one()


def test_the_messy_workbook_comes_in_with_the_right_standing(uow, context, s3_in_903,
                                                             tmp_path):
    path = workbook(tmp_path / "tracker.xlsx")
    preview = _preview(uow, path)
    assert preview.problems == ()
    assert [o.outcome for o in preview.outcomes] == ["create", "create", "update"]
    [conflict] = preview.conflicts
    assert (conflict.child_id, conflict.field, conflict.tracker_value,
            conflict.sheet_value) == ("S3", "legal_status", "V2", "C1")
    assert preview.new_iros == ("Jo Bloggs", "Kay Lee")
    source = import_source(path, preview.sheet)
    summary = commit_import(uow, preview, Decisions({conflict.key: "take"}), source, TODAY)
    assert summary.counts == {"create": 2, "update": 1, "unchanged": 0, "rejected": 0,
                              "skipped": 0}
    cohort = load_cohort(uow, TODAY)
    standing = {s.child_id: s.permanence for s in cohort.standings}
    assert standing["S1"].status is PlanStatus.PLAN_BY_SECOND_REVIEW
    assert standing["S2"].status is PlanStatus.NO_PLAN_BY_SECOND_REVIEW
    assert standing["S2"].agreed_late
    assert standing["S3"].status is PlanStatus.PLAN_BY_SECOND_REVIEW
    loads = {load.iro: load.children for load in iro_caseloads(cohort)}
    assert loads == {"Jo Bloggs": 2, "Kay Lee": 1}
    assert {i.fte for i in cohort.iros} == {FTE_NOT_SET}
    with uow() as u:
        ended, episode = sorted(u.repo.records(Episode, "S3"), key=lambda ep: ep.start)
        assert (ended.legal_status, ended.rec) == ("V2", "X1") and ended.end == episode.start
        assert (episode.legal_status, episode.rne, episode.placement) == ("C1", "L", "U4")
        assert [n.text for n in u.repo.records(Note)] == ["Settled"]
        check = u.verify_audit()
    assert check.intact
    with context.engine.connect() as connection:
        entry = connection.execute(select(t.audit).where(t.audit.c.table_name == "imports")
                                   ).one()
    assert entry.id == summary.audit_id and entry.row_key == "tracker.xlsx"
    assert source.sha256 in entry.new and '"sheet": "LAC tracker"' in entry.new


def test_re_importing_the_file_changes_nothing(uow, context, s3_in_903, tmp_path):
    path = workbook(tmp_path / "tracker.xlsx")
    preview = _preview(uow, path)
    source = import_source(path, preview.sheet)
    commit_import(uow, preview, Decisions(all="take"), source, TODAY)
    entries = _audit_count(context)
    again = _preview(uow, path)
    assert again.totals["unchanged"] == 3 and again.conflicts == ()
    summary = commit_import(uow, again, Decisions(), source, TODAY)
    assert summary.audit_id is None
    assert _audit_count(context) == entries


def test_a_cancelled_import_writes_nothing(uow, context, s3_in_903, tmp_path):
    path = workbook(tmp_path / "tracker.xlsx")
    preview = _preview(uow, path)
    entries = _audit_count(context)

    def cancel(done: int, total: int, text: str) -> None:
        if done == 4:
            raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):
        commit_import(uow, preview, Decisions(all="take"), import_source(path, preview.sheet),
                      TODAY, progress=cancel)
    assert _audit_count(context) == entries
    with uow() as u:
        assert u.repo.child_ids() == {"S3"} and u.iros() == []


def test_the_notes_migration_upgrades_and_downgrades(tmp_path):
    """Migration 0005 adds the note table (a child's notes, deleted with the child)."""
    from alembic import command
    from sqlalchemy import inspect

    from permanence_tracker.persistence import engine as engines

    engine = engines.create(f"sqlite:///{tmp_path / 'old.sqlite'}")
    config = engines.alembic_config(engine)
    command.upgrade(config, "0004")
    assert "note" not in inspect(engine).get_table_names()
    command.upgrade(config, "0005")
    with engine.begin() as connection:
        connection.execute(t.child.insert().values(child_id="K1", dob=date(2019, 5, 4)))
        connection.execute(t.note.insert().values(child_id="K1", written=date(2026, 1, 5),
                                                  text="Settled", source="a.xlsx"))
        assert connection.execute(select(t.note.c.text)).scalars().all() == ["Settled"]
    command.downgrade(config, "0004")
    assert "note" not in inspect(engine).get_table_names()
    engine.dispose()
