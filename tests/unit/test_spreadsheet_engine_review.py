"""The spreadsheet engine after review (issue 11): cells too long for the tracker are row
problems, panel dates are kept as notes, filling a blank is an update, conflicts carry facts
(the words are made at the edge), taking a legal status records a change of legal status, and
the rejects CSVs carry a byte-order mark for Excel. Synthetic rows only."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from permanence_tracker.domain import limits
from permanence_tracker.domain.entities import Child, Episode, Note, PlanChange
from permanence_tracker.services.imports.spreadsheet.fields import auto_map
from permanence_tracker.services.imports.spreadsheet.layout import SourceRow, Table
from permanence_tracker.services.imports.spreadsheet.model import Decisions, ImportSource
from permanence_tracker.services.imports.spreadsheet.service import (
    commit_import,
    preview_import,
)
from permanence_tracker.services.imports.ssda903.model import Rejection, SourceFile
from permanence_tracker.services.imports.ssda903.model import SourceRow as Row903
from permanence_tracker.services.imports.ssda903.rejects import write_rejects as rejects_903
from permanence_tracker.text.spreadsheet_report import conflict_reason

TODAY = date(2026, 4, 1)
SOURCE = ImportSource("tracker.xlsx", "ab" * 32, "LAC")
HEADERS = ("Child ID", "Forename", "Surname", "DOB", "Legal Status", "Date became LAC",
           "2nd LAC review", "Placement", "Social worker", "Team", "IRO", "Panel date")
BASE = {"Child ID": "C1", "Forename": "Zoë", "Surname": "Ash", "DOB": "04/05/2015"}


def preview(uow, *rows: dict[str, object], headers=HEADERS):
    t = Table("LAC", 1, headers, tuple(
        SourceRow(n, tuple(r.get(h) for h in headers)) for n, r in enumerate(rows, start=2)),
        ())
    return preview_import(uow, t, auto_map(t.headers), TODAY)


def commit(uow, p, decisions=None, **kwargs):
    return commit_import(uow, p, decisions or Decisions(), SOURCE, TODAY, **kwargs)


@pytest.mark.parametrize("header, limit", [
    ("Child ID", limits.CHILD_ID), ("Forename", limits.NAME), ("Surname", limits.NAME),
    ("Social worker", limits.NAME), ("Team", limits.NAME), ("IRO", limits.NAME)])
def test_a_cell_too_long_for_the_tracker_is_a_row_problem_and_the_rest_import(
        uow, header, limit):
    at_limit = {**BASE, "Child ID": "C2", header: "x" * limit}
    p = preview(uow, {**BASE, header: "y" * (limit + 1)}, at_limit)
    [problem] = p.problems
    assert (problem.sheet, problem.row, problem.column) == ("LAC", 2, header)
    assert problem.message == f"is {limit + 1} characters long: at most {limit} — shorten it"
    assert problem.value.endswith("…") and len(problem.value) == 40
    assert [o.outcome for o in p.outcomes] == ["rejected", "create"]
    summary = commit(uow, p, skip_invalid=True)
    assert summary.children_changed == (at_limit["Child ID"],)


def test_a_name_in_one_column_is_checked_part_by_part(uow):
    headers = ("Child ID", "Name", "DOB")
    p = preview(uow, {**BASE, "Name": "Ann " + "z" * 121}, headers=headers)
    [problem] = p.problems
    assert problem.column == "Name" and "at most 120" in problem.message


def test_the_database_columns_use_the_same_limits():
    from permanence_tracker.persistence import tables as t

    assert t.child.c.child_id.type.length == limits.CHILD_ID
    assert {t.child.c[n].type.length for n in ("forename", "surname", "social_worker", "team",
                                               "iro")} == {limits.NAME}
    assert t.iro.c.name.type.length == limits.NAME
    assert t.plan.c.primary.type.length == t.plan.c.parallel.type.length == limits.PLAN_TYPE
    assert t.outcome.c.outcome.type.length == limits.OUTCOME
    assert t.note.c.source.type.length == limits.NOTE_SOURCE


def test_the_panel_date_is_kept_as_a_note_once(uow, store):
    p = preview(uow, {**BASE, "Panel date": "12/03/2026"})
    assert p.outcomes[0].outcome == "create" and "panel_date" in p.outcomes[0].changes
    commit(uow, p)
    again = preview(uow, {**BASE, "Panel date": "12/03/2026"})
    assert again.totals["unchanged"] == 1
    assert not commit(uow, again).changed
    with uow() as u:
        assert [(n.text, n.source) for n in u.repo.records(Note, "C1")] == [
            ("Panel date: 12/03/2026", "tracker.xlsx")]


def _in_care(uow, placement: str = "", end: date | None = None) -> None:
    with uow() as u:
        u.repo.add(Child("C1", date(2015, 5, 4), forename="Zoë", surname="Ash"))
        u.repo.add(Episode("C1", date(2025, 1, 6), "S", "V2", placement=placement, end=end,
                           rec="E11" if end else ""))


def test_filling_a_blank_placement_is_an_update_not_a_conflict(uow, store):
    _in_care(uow)
    row = {**BASE, "Legal Status": "S20", "2nd LAC review": "02/05/2025", "Placement": "U4"}
    p = preview(uow, row)
    assert p.conflicts == () and p.outcomes[0].outcome == "update"
    assert p.outcomes[0].changes == ("reviews", "placement")
    commit(uow, p)
    with uow() as u:
        [episode] = u.repo.records(Episode)
    assert (episode.placement, episode.legal_status, episode.start) == (
        "U4", "V2", date(2025, 1, 6))
    assert [(a["table_name"], a["action"]) for a in store.state.audit[-3:-1]] == [
        ("episode", "update"), ("review", "insert")]


def test_a_placement_conflict_says_what_the_tracker_holds(uow):
    _in_care(uow, placement="U4")
    p = preview(uow, {**BASE, "2nd LAC review": "02/05/2025", "Placement": "K2"})
    [conflict] = p.conflicts
    assert (conflict.field, conflict.kind, conflict.tracker_value, conflict.sheet_value) == (
        "placement", "episode", "U4", "K2")
    assert conflict_reason(conflict) == (
        "the tracker's episode open on 02/05/2025 (from 06/01/2025, e.g. from a 903 return) "
        "has placement type U4")


def test_filling_a_blank_parallel_plan_is_an_update(uow):
    with uow() as u:
        u.repo.add(Child("C1", date(2015, 5, 4), forename="Zoë", surname="Ash"))
        u.repo.add(PlanChange("C1", date(2025, 4, 1), "Adoption"))
    headers = ("Child ID", "DOB", "Plan type", "Parallel plan", "Date plan agreed")
    p = preview(uow, {**BASE, "Plan type": "Adoption", "Parallel plan": "Long-term fostering",
                      "Date plan agreed": "01/04/2025"}, headers=headers)
    assert p.conflicts == () and p.outcomes[0].changes == ("plan",)
    commit(uow, p)
    with uow() as u:
        [plan] = u.repo.records(PlanChange)
    assert (plan.primary, plan.parallel) == ("Adoption", "Long-term fostering")


@pytest.mark.parametrize("row, end, refusal", [
    ({"Date became LAC": "06/01/2025"}, None, "episode_start"),
    ({"2nd LAC review": "02/05/2025"}, date(2025, 9, 1), "closed_episode"),
    ({}, None, "no_date"),
])
def test_a_legal_status_that_cannot_be_recorded_as_a_change_cannot_be_taken(
        uow, store, row, end, refusal):
    _in_care(uow, placement="U4", end=end)
    p = preview(uow, {**BASE, "Legal Status": "ICO", **row})
    [conflict] = p.conflicts
    assert (conflict.field, conflict.refusal, conflict.takeable) == (
        "legal_status", refusal, False)
    assert "child's record" in conflict_reason(conflict)
    commit(uow, p, Decisions(all="take"))  # "take for all" keeps the tracker's here
    with uow() as u:
        [episode] = u.repo.records(Episode)
    assert episode.legal_status == "V2"


def test_the_rejects_csv_has_a_byte_order_mark_for_excel(uow, tmp_path: Path):
    p = preview(uow, {**BASE, "DOB": "31/02/2015"})
    path = tmp_path / "rejects.csv"
    commit(uow, p, skip_invalid=True, rejects_to=path)
    assert path.read_bytes()[:3] == b"\xef\xbb\xbf"
    rows = list(csv.reader(path.open(newline="", encoding="utf-8-sig")))
    assert rows[0][0] == "Child ID" and rows[1][1] == "Zoë"


def test_the_903_rejects_csv_has_a_byte_order_mark_for_excel(tmp_path: Path):
    header = SourceFile(tmp_path / "header.csv", "header.csv", "Header", ["CHILD", "NAME"], 0)
    row = Row903(header, 2, {"CHILD": "C1", "NAME": "Zoë"})
    path = tmp_path / "rejects.csv"
    assert rejects_903([Rejection(row, "CHILD", "C1", "a reason")], path) == 1
    assert path.read_bytes()[:3] == b"\xef\xbb\xbf"
    rows = list(csv.DictReader(path.open(newline="", encoding="utf-8-sig")))
    assert (rows[0]["CHILD"], rows[0]["NAME"], rows[0]["reason"]) == ("C1", "Zoë", "a reason")
