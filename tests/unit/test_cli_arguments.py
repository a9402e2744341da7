"""The command line's shared argument types (``cli/arguments.py``): each returns the value or
refuses the text in the words every command uses."""

from __future__ import annotations

import argparse
from datetime import date

import pytest

from permanence_tracker.cli.arguments import (
    collection_year,
    iso_date,
    item_id,
    panel_id,
    positive,
)


def test_iso_date():
    assert iso_date("2026-03-31") == date(2026, 3, 31)
    for text in ("31/03/2026", "2026-02-30", ""):
        with pytest.raises(argparse.ArgumentTypeError,
                           match="is not a date: use YYYY-MM-DD, for example 2026-03-31"):
            iso_date(text)


def test_positive():
    assert positive("750") == 750
    for text in ("0", "-3", "x", "1.5"):
        with pytest.raises(argparse.ArgumentTypeError, match="is not a whole number of 1 or more"):
            positive(text)


def test_ids_name_what_they_identify_and_where_to_find_it():
    assert panel_id("12") == 12 and item_id("7") == 7
    with pytest.raises(argparse.ArgumentTypeError, match="'x' is not a panel ID: use the number "
                       "that 'panel list' shows"):
        panel_id("x")
    with pytest.raises(argparse.ArgumentTypeError, match="'-1' is not an item ID: use the "
                       "number that 'panel list --panel PANEL_ID' shows"):
        item_id("-1")
    with pytest.raises(argparse.ArgumentTypeError):
        panel_id("²")  # a digit to str.isdigit, not to int()


def test_collection_year():
    assert collection_year("2026") == 2026
    for text in ("26", "20266", "2025-26"):
        with pytest.raises(argparse.ArgumentTypeError, match="give the year the return ends"):
            collection_year(text)


def test_every_command_binds_a_runner():
    """Each leaf parser sets ``run`` (how main dispatches): parse one line per command."""
    from permanence_tracker.cli import build_parser

    parser = build_parser()
    lines = [
        "summary --as-of 2026-03-31", "import-903 x", "demo", "child add C --dob 2015-01-01",
        "episode add C --start 2025-01-01 --rne S --ls C2", "review add C --held 2025-01-01",
        "plan set C --agreed 2025-01-01 --primary Adoption",
        "outcome add C --date 2025-01-01 --outcome X", "iro add Ann",
        "panel add --date 2025-01-01 --type T --chair C", "panel item 1 --business B",
        "panel recommend 1 --recommendation R", "panel minutes 1 --received 2025-01-01",
        "panel decision 1 --minutes-received 2025-01-01", "panel list", "panel figures",
        "report caseloads --out r.pdf", "export-903 --year 2026 --out d",
        "check-903 --year 2026", "validator install",
    ]
    runners = {parser.parse_args(line.split()).run for line in lines}
    assert len(runners) == len(lines)  # one runner each, none shared by mistake
    assert all(callable(run) for run in runners)
