"""The spreadsheet import engine on the in-memory store: preview, conflicts, matching, commit.

Tables are built directly (no workbook): the reading and layout steps have their own tests.
"""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest

from permanence_tracker.domain.entities import Child, Episode, Iro, Note, PlanChange, Review
from permanence_tracker.domain.errors import ValidationError
from permanence_tracker.services.imports.spreadsheet.fields import auto_map
from permanence_tracker.services.imports.spreadsheet.layout import SourceRow, Table
from permanence_tracker.services.imports.spreadsheet.mappings import (
    load_mappings,
    mapping_for,
    save_mapping,
)
from permanence_tracker.services.imports.spreadsheet.model import (
    FTE_NOT_SET,
    Decisions,
    ImportSource,
)
from permanence_tracker.services.imports.spreadsheet.service import (
    commit_import,
    preview_import,
)
from permanence_tracker.services.records.child_record import load_child_record
from permanence_tracker.text.spreadsheet_report import conflict_reason

TODAY = date(2026, 4, 1)
SOURCE = ImportSource("tracker.xlsx", "ab" * 32, "LAC")
HEADERS = ("Child ID", "Forename", "Surname", "DOB", "Legal Status", "Date became LAC",
           "1st LAC review", "2nd LAC review", "Plan type", "Date plan agreed", "IRO",
           "Monitoring outcome", "Comments")


def table(*rows: tuple[object, ...], headers: tuple[str, ...] = HEADERS) -> Table:
    width = len(headers)
    return Table("LAC", 3, headers, tuple(
        SourceRow(n, tuple(row) + (None,) * (width - len(row)))
        for n, row in enumerate(rows, start=4)), ())


def row(child_id: str = "C1", forename: str = "Ada", surname: str = "Ash",
        dob: object = "04/05/2015", ls: object = "ICO", laf: object = "06/01/2025",
        r1: object = "03/02/2025", r2: object = "02/05/2025", plan: object = "Adoption",
        agreed: object = "01/04/2025", iro: object = "Jo Bloggs", outcome: object = None,
        comments: object = None) -> tuple[object, ...]:
    return (child_id, forename, surname, dob, ls, laf, r1, r2, plan, agreed, iro, outcome,
            comments)


def preview(uow, *rows, headers=HEADERS, progress=None):
    t = table(*rows, headers=headers)
    kwargs = {"progress": progress} if progress else {}
    return preview_import(uow, t, auto_map(t.headers), TODAY, **kwargs)


def commit(uow, p, decisions=None, **kwargs):
    return commit_import(uow, p, decisions or Decisions(), SOURCE, TODAY, **kwargs)


def test_a_new_child_is_created_with_everything_the_sheet_knows(uow, store):
    p = preview(uow, row(comments="Sibling placed with grandparents"))
    assert [o.outcome for o in p.outcomes] == ["create"]
    assert p.problems == () and p.conflicts == ()
    assert p.new_iros == ("Jo Bloggs",)
    summary = commit(uow, p)
    assert summary.counts["create"] == 1 and summary.children_changed == ("C1",)
    assert summary.fte_reminder
    with uow() as u:
        [history] = u.histories()
        assert history.child == Child("C1", date(2015, 5, 4), forename="Ada", surname="Ash",
                                      iro="Jo Bloggs", version=1)
        assert [(ep.start, ep.rne, ep.legal_status) for ep in history.episodes] == [
            (date(2025, 1, 6), "S", "C1")]
        assert [r.held for r in history.reviews] == [date(2025, 2, 3), date(2025, 5, 2)]
        assert [(pl.agreed, pl.primary) for pl in history.plans] == [
            (date(2025, 4, 1), "Adoption")]
        assert [i.fte for i in u.iros()] == [FTE_NOT_SET]
        assert [n.text for n in u.repo.records(Note, "C1")] == ["Sibling placed with "
                                                                "grandparents"]
    record = load_child_record(uow, "C1", TODAY)
    assert [(n.text, n.source) for n in record.notes] == [
        ("Sibling placed with grandparents", "tracker.xlsx")]


def test_re_importing_the_same_rows_changes_nothing_and_writes_no_audit_entry(uow, store):
    rows = (row(comments="Note"), row("C2", "Ben", "Birch", outcome="No longer looked after"))
    commit(uow, preview(uow, *rows))
    entries = len(store.state.audit)
    again = preview(uow, *rows)
    assert again.totals == {"create": 0, "update": 0, "unchanged": 2, "rejected": 0}
    summary = commit(uow, again)
    assert summary.audit_id is None and not summary.changed
    assert summary.counts["unchanged"] == 2
    assert len(store.state.audit) == entries


def test_an_import_writes_one_import_audit_entry_after_its_records(uow, store):
    summary = commit(uow, preview(uow, row()))
    last = store.state.audit[-1]
    assert summary.audit_id == last["id"]
    assert (last["table_name"], last["row_key"], last["action"]) == (
        "imports", "tracker.xlsx", "import")
    new = json.loads(last["new"])
    assert new["sha256"] == SOURCE.sha256 and new["sheet"] == "LAC"
    assert new["counts"]["create"] == 1


def test_an_existing_child_is_updated_not_duplicated(uow, store):
    commit(uow, preview(uow, row(r2=None, plan=None, agreed=None)))
    p = preview(uow, row())
    [outcome] = p.outcomes
    assert outcome.outcome == "update" and set(outcome.changes) == {"reviews", "plan"}
    commit(uow, p)
    with uow() as u:
        assert u.repo.child_ids() == {"C1"}
        assert len(u.repo.records(Review, "C1")) == 2


def test_a_name_and_dob_match_needs_confirmation(uow, store):
    with uow() as u:
        u.repo.add(Child("LCS-9", date(2015, 5, 4), forename="Ada", surname="Ash"))
    p = preview(uow, row("", ls=None, laf=None))
    [match] = p.needs_confirmation
    assert (match.child_id, match.row, match.sheet_child_id) == ("LCS-9", 4, "")
    unconfirmed = commit(uow, p)
    assert unconfirmed.skipped_rows == (4,) and not unconfirmed.changed
    with uow() as u:
        assert u.repo.records(Review) == []
    commit(uow, p, Decisions(confirmed=frozenset({4})))
    with uow() as u:
        assert u.repo.child_ids() == {"LCS-9"}
        assert len(u.repo.records(Review, "LCS-9")) == 2


def test_a_row_without_id_or_name_and_dob_is_rejected(uow):
    p = preview(uow, row("", "", "", dob=None))
    assert [o.outcome for o in p.outcomes] == ["rejected"]
    assert "add the child ID" in p.problems[0].message


def test_duplicate_child_ids_are_a_problem_on_each_row(uow, store, tmp_path):
    p = preview(uow, row("C1"), row("C1", "Ann"), row("C3", "Cy", "Cole"))
    assert [(x.row, x.column) for x in p.problems] == [(4, "Child ID"), (5, "Child ID")]
    assert "also on row 5" in p.problems[0].message
    with pytest.raises(ValidationError):
        commit(uow, p)
    assert store.state.audit == []
    rejects = tmp_path / "rejects.csv"
    summary = commit(uow, p, skip_invalid=True, rejects_to=rejects)
    assert summary.children_changed == ("C3",) and summary.counts["rejected"] == 2
    lines = list(csv.reader(rejects.open(encoding="utf-8-sig")))
    assert lines[0][-4:] == ["sheet", "row", "column", "reason"]
    assert [line[-3] for line in lines[1:]] == ["4", "5"]


def test_a_formula_in_a_rejected_row_is_written_as_text(uow, tmp_path):
    p = preview(uow, row("=HYPERLINK(1)", dob="31/02/2015"))
    rejects = tmp_path / "rejects.csv"
    commit(uow, p, skip_invalid=True, rejects_to=rejects)
    assert list(csv.reader(rejects.open(encoding="utf-8-sig")))[1][0] == "'=HYPERLINK(1)"


def test_a_us_order_date_column_is_flagged_on_every_row_never_guessed(uow, store):
    p = preview(uow, row("C1", dob="05/24/2015"), row("C2", dob="04/05/2016"))
    assert [(x.row, x.column) for x in p.problems] == [(4, "DOB"), (5, "DOB")]
    assert "month first" in p.problems[0].message
    assert p.totals["rejected"] == 2


def test_a_plan_yes_without_type_or_date_is_a_problem(uow):
    headers = (*HEADERS, "Permanence plan (Y/N)")
    p = preview(uow, (*row(plan=None, agreed=None), "Yes"), headers=headers)
    [problem] = p.problems
    assert problem.column == "Permanence plan (Y/N)"
    assert problem.message == ("says a plan is in place but gives no plan type or date: add "
                               "them, or the plan cannot be recorded")


def test_an_unknown_monitoring_outcome_is_a_problem(uow):
    p = preview(uow, row(outcome="Going well"))
    assert p.problems[0].column == "Monitoring outcome"
    assert "Settings" in p.problems[0].message


def _903_episode(uow) -> None:
    with uow() as u:
        u.repo.add(Child("C1", date(2015, 5, 4), forename="Ada", surname="Ash"))
        u.repo.add(Episode("C1", date(2025, 1, 6), "S", "V2", placement="U4"))


def test_a_legal_status_differing_from_the_903_episode_is_a_conflict(uow, store):
    _903_episode(uow)
    p = preview(uow, row())
    [conflict] = p.conflicts
    assert (conflict.field, conflict.tracker_value, conflict.sheet_value) == (
        "legal_status", "V2", "C1")
    assert (conflict.kind, conflict.on, conflict.record_date) == (
        "episode", date(2025, 5, 2), date(2025, 1, 6))
    assert "02/05/2025" in conflict_reason(conflict)
    with pytest.raises(ValidationError, match="nobody has decided"):
        commit(uow, p)
    commit(uow, p, Decisions({conflict.key: "keep"}))
    with uow() as u:
        [episode] = u.repo.records(Episode)
        assert episode.legal_status == "V2"
        assert len(u.repo.records(Review)) == 2  # the rest of the row was written


def test_take_records_a_change_of_legal_status_and_skip_leaves_the_row(uow, store):
    _903_episode(uow)
    p = preview(uow, row())
    commit(uow, p, Decisions({}, all="skip"))
    with uow() as u:
        assert u.repo.records(Review) == []
    commit(uow, p, Decisions({}, all="take"))
    with uow() as u:
        ended, new = sorted(u.repo.records(Episode), key=lambda ep: ep.start)
    # the 903 history stands: V2 from 06/01/2025 until the row's date, then C1 (RNE L)
    assert (ended.start, ended.legal_status, ended.end, ended.rec) == (
        date(2025, 1, 6), "V2", date(2025, 5, 2), "X1")
    assert (new.start, new.rne, new.legal_status, new.placement, new.end) == (
        date(2025, 5, 2), "L", "C1", "U4", None)
    again = preview(uow, row())
    assert again.conflicts == () and again.totals["unchanged"] == 1


def test_a_different_date_care_began_cannot_be_taken(uow):
    _903_episode(uow)
    p = preview(uow, row(ls="S20", laf="07/01/2025"))
    [conflict] = p.conflicts
    assert conflict.field == "looked_after_from" and not conflict.takeable
    with pytest.raises(ValidationError, match="cannot replace"):
        commit(uow, p, Decisions({conflict.key: "take"}))


def test_a_different_dob_iro_and_plan_are_conflicts(uow):
    with uow() as u:
        u.repo.add(Iro("Jane Doe"))
        u.repo.add(Child("C1", date(2015, 5, 5), forename="Ada", surname="Ash",
                         iro="Jane Doe"))
        u.repo.add(Episode("C1", date(2025, 1, 6), "S", "C1"))
        u.repo.add(PlanChange("C1", date(2025, 4, 1), "Long-term fostering"))
    p = preview(uow, row())
    assert sorted(c.field for c in p.conflicts) == ["dob", "iro", "plan"]
    assert p.new_iros == ("Jo Bloggs",)
    summary = commit(uow, p, Decisions(all="take"))
    with uow() as u:
        [history] = u.histories()
        assert history.child.dob == date(2015, 5, 4) and history.child.iro == "Jo Bloggs"
        assert [pl.primary for pl in history.plans] == ["Adoption"]
    assert summary.new_iros == ("Jo Bloggs",)


def test_a_keep_iro_conflict_creates_no_iro(uow):
    with uow() as u:
        u.repo.add(Iro("Jane Doe"))
        u.repo.add(Child("C1", date(2015, 5, 4), forename="Ada", surname="Ash",
                         iro="Jane Doe"))
    summary = commit(uow, preview(uow, row(ls=None, laf=None)), Decisions(all="keep"))
    assert summary.new_iros == ()
    with uow() as u:
        assert [i.name for i in u.iros()] == ["Jane Doe"]


def test_an_iro_typed_with_initials_and_spaces_is_the_known_iro(uow):
    with uow() as u:
        u.repo.add(Iro("Jo Bloggs", fte=0.8))
    p = preview(uow, row(iro="  J.  Bloggs "), row("C2", iro="jo bloggs"))
    assert p.new_iros == () and p.problems == ()


def test_cancel_writes_nothing(uow, store):
    p = preview(uow, row())

    def cancel(done: int, total: int, text: str) -> None:
        if text == "Saving":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        commit(uow, p, progress=cancel)
    with uow() as u:
        assert u.repo.child_ids() == set() and u.iros() == []
    assert store.state.audit == []


def test_saved_mappings_are_offered_when_the_headers_match(uow, store):
    save_mapping(uow, "Our tracker", {"Child ID": "child_id", "D.O.B": "dob"})
    assert load_mappings(uow) == {"Our tracker": {"Child ID": "child_id", "D.O.B": "dob"}}
    assert store.state.audit[-1]["row_key"] == "spreadsheet_mappings"
    saved = load_mappings(uow)
    assert mapping_for(["Name", "child id", "D.O.B."], saved) == (
        "Our tracker", {1: "child_id", 2: "dob"})
    assert mapping_for(["Child ID"], saved) is None
    with pytest.raises(ValidationError):
        save_mapping(uow, " ", {"Child ID": "child_id"})
    with pytest.raises(ValidationError):
        save_mapping(uow, "Bad", {"Child ID": "shoe_size"})


def test_an_iro_created_by_the_import_counts_no_fte_in_the_service_average(uow):
    from permanence_tracker.services.permanence.caseloads import caseloads
    from permanence_tracker.services.permanence.cohort import load_cohort

    with uow() as u:
        u.repo.add(Iro("Kay Lee", fte=0.5))
    commit(uow, preview(uow, row("C1", iro="Kay Lee"), row("C2", "Ben", iro="New Iro"),
                        row("C3", "Cy", iro="New Iro")))
    loads = caseloads(load_cohort(uow, TODAY))
    assert {(r.name, r.fte, r.children) for r in loads.rows} == {
        ("Kay Lee", 0.5, 1), ("New Iro", FTE_NOT_SET, 2)}
    assert loads.fte == 0.5 and loads.average_per_fte == 2.0  # 1 child per 0.5 FTE
