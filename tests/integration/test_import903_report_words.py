"""The import report counts in words that agree with their numbers (issue 10 item 10): one file
or row is "1 file" / "1 row", more are plural, and the counts stay aligned."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from permanence_tracker.services.imports.ssda903 import import_903
from permanence_tracker.text.import903_report import render

RETURN = Path(__file__).parent.parent / "gui" / "data" / "first_day" / "return_2025_26"


def test_one_row_and_several_files_are_counted_in_words(context):
    result = import_903(context.uow, [RETURN], date(2026, 3, 31), dry_run=True)
    lines = render(result).splitlines()
    assert lines[0] == "903 import: 3 files recognised, 0 skipped"
    listed = {line.split()[0].split("/")[-1]: line for line in lines[1:4]}
    assert listed["reviews.csv"].endswith("            1 row")  # one synthetic review
    assert listed["episodes.csv"].endswith("            2 rows")
    assert len({line.rindex(" row") for line in listed.values()}) == 1  # numbers aligned


def test_one_file_is_one_file(context):
    result = import_903(context.uow, [RETURN / "header.csv"], date(2026, 3, 31), dry_run=True)
    assert render(result).splitlines()[0] == "903 import: 1 file recognised, 0 skipped"
