"""The spreadsheet import wizard's tables can be exported (Export to Excel…) like any table, so
their columns say which hold personal data: a pseudonymised export then leaves out the names,
dates of birth and any cell that may hold one (samples, values, conflicting values)."""

from __future__ import annotations

from permanence_tracker.domain.pseudonym import Personal
from permanence_tracker.gui.import_spreadsheet import mapping_page, preview_tables, summary_page


def kinds(columns) -> dict[str, Personal | None]:
    return {column.title: column.personal for column in columns}


def test_the_name_and_date_of_birth_columns_are_marked():
    assert kinds(preview_tables.OUTCOME_COLUMNS)["Name"] is Personal.CHILD_NAME
    matches = kinds(preview_tables.MATCH_COLUMNS)
    assert matches["Name"] is Personal.CHILD_NAME
    assert matches["Date of birth"] is Personal.DATE_OF_BIRTH
    assert kinds(summary_page.CHANGED_COLUMNS)["Name"] is Personal.CHILD_NAME


def test_cells_that_may_hold_anything_are_left_out():
    problems = kinds(preview_tables.PROBLEM_COLUMNS)
    assert problems["Value"] is Personal.FREE_TEXT
    conflicts = kinds(preview_tables.CONFLICT_COLUMNS)
    assert conflicts["Tracker holds"] is conflicts["Sheet says"] is Personal.FREE_TEXT
    samples = [c for c in mapping_page.COLUMNS if c.title.startswith("Sample")]
    assert samples and {c.personal for c in samples} == {Personal.FREE_TEXT}
