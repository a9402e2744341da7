"""Property tests (Hypothesis) for the 903 import's checks across rows and files
(ssda903.checks.check_facts): whatever rows a return holds, and whichever children the tracker
already has, the result is the facts that survive and rejections naming a row, a column of its
file and why, never an exception; a row is kept or rejected, never both; a row about a child
with no Header row and not stored is never kept; a clean child is kept whole."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from permanence_tracker.domain.entities import Child, ChildHistory, Episode
from permanence_tracker.services.imports.ssda903.checks import check_facts
from permanence_tracker.services.imports.ssda903.merge import Stored
from permanence_tracker.services.imports.ssda903.model import SourceFile, SourceRow
from permanence_tracker.services.imports.ssda903.parse import parse_files
from permanence_tracker.services.imports.ssda903.tables import TABLES

TODAY = date(2026, 3, 31)
SPECS = {spec.name: spec for spec in TABLES}
# Values mostly valid, so that rows survive the row checks and reach the cross-row ones.
LIKE = {
    "CHILD": ["K1", "K2", "K3", "S1", ""],
    "SEX": ["M", "F", "1", "X"], "DOB": ["01/01/2015", "01/01/2005", "31/02/2015", ""],
    "ETHNIC": ["WBRI"], "UPN": [""], "MOTHER": ["", "0"], "MC_DOB": [""],
    "DECOM": ["01/04/2025", "01/06/2025", "01/04/2024", "01/01/2014", ""],
    "RNE": ["S", "P", "L", "Q"], "LS": ["C2", "V2", "XX"], "CIN": ["N1"], "PLACE": ["U4", ""],
    "PLACE_PROVIDER": ["PR1", ""], "DEC": ["", "01/05/2025", "01/07/2025"],
    "REC": ["", "E8", "X1"], "REASON_PLACE_CHANGE": [""], "HOME_POST": [""], "PL_POST": [""],
    "URN": [""], "REVIEW": ["01/05/2025", "01/09/2025", "2025-06-01"],
    "REVIEW_CODE": ["PN1", "PN0", "PN9"],
}
STORED_CHILD = Child("S1", date(2012, 1, 1))


def _file(name: str, index: int, rows: list[dict[str, str]]) -> SourceFile:
    spec = SPECS[name]
    columns = sorted(spec.required | spec.optional)
    source = SourceFile(Path(f"{name}.csv"), f"{name.lower()}.csv", name, columns, index,
                        year=2026, latest_year=2026)
    source.rows = [SourceRow(source, n, values) for n, values in enumerate(rows, start=2)]
    return source


def _rows(name: str) -> st.SearchStrategy[list[dict[str, str]]]:
    spec = SPECS[name]
    columns = sorted(spec.required | spec.optional)
    return st.lists(st.fixed_dictionaries({c: st.sampled_from(LIKE.get(c, [""]))
                                           for c in columns}), max_size=5)


@settings(max_examples=150, deadline=None)
@given(_rows("Header"), _rows("Episodes"), _rows("Reviews"), st.booleans())
def test_check_facts_keeps_or_rejects_each_row_never_an_exception(headers, episodes, reviews,
                                                                  stored_child):
    files = [_file("Header", 0, headers), _file("Episodes", 1, episodes),
             _file("Reviews", 2, reviews)]
    facts, rejected = parse_files(files, TODAY)
    histories = [ChildHistory(STORED_CHILD, (Episode("S1", date(2025, 1, 1), "S", "C2"),))
                 ] if stored_child else []
    kept, new = check_facts(facts, rejected, Stored.from_histories(histories))
    assert all(any(f is k for f in facts) for k in kept)  # only facts it was given
    for r in new:
        # a consequence of another row's rejection may be about the whole row (no column)
        assert r.column in r.row.file.columns or (r.consequence and r.column == "")
        assert r.reason.strip() and str(r)
    newly = {id(r.row) for r in new}
    assert not any(id(f.row) in newly for f in kept)  # a row is kept or rejected, not both
    header_children = {f.child_id for f in facts if f.row.file.table == "Header"}
    for fact in facts:
        if (fact.child_id not in header_children and not (stored_child and fact.child_id == "S1")
                and fact.row.file.table != "Header"):
            # never stored; rejected for its CHILD column unless already for a duplicate
            assert not any(k is fact for k in kept)
            assert any(r.row is fact.row and r.column in ("CHILD", "DECOM", "REVIEW")
                       for r in new), fact


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(["01/04/2025", "01/06/2025"]), st.sampled_from(["S", "P"]))
def test_a_clean_child_is_kept_whole(start, rne):
    header = _file("Header", 0, [{"CHILD": "K1", "SEX": "M", "DOB": "01/01/2015",
                                  "ETHNIC": "WBRI", "UPN": "", "MOTHER": "", "MC_DOB": ""}])
    episode = dict.fromkeys(sorted(SPECS["Episodes"].required | SPECS["Episodes"].optional), "")
    episode.update(CHILD="K1", DECOM=start, RNE=rne, LS="C2", CIN="N1", PLACE="U4",
                   PLACE_PROVIDER="PR1")
    facts, rejected = parse_files([header, _file("Episodes", 1, [episode])], TODAY)
    assert rejected == []
    kept, new = check_facts(facts, rejected, Stored.from_histories([]))
    assert new == [] and kept == facts
