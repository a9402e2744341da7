"""903 check (issue 8 §4): the DfE rules (csc-validator-be-903) on what the export writes.

The validator runs in its own venv (it pins pandas<2), found by
``permanence_tracker.paths.validator_python()``. Under CI these tests FAIL when it is missing
(scripts/test and scripts/run install it into .venv-903); elsewhere they are skipped.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from permanence_tracker.cli import main
from permanence_tracker.domain.entities import Child, Episode
from permanence_tracker.services.exports.ssda903.check import check_903
from permanence_tracker.services.exports.ssda903.service import ExportYearError
from permanence_tracker.services.exports.ssda903.validator import ValidatorMissingError
from permanence_tracker.services.imports.ssda903 import import_903
from permanence_tracker.services.records import editing as records
from permanence_tracker.services.settings import set_setting

TODAY = date(2026, 12, 3)
CLEAN = Path(__file__).parents[1] / "data" / "903_clean"


@pytest.fixture
def validator(dfe_validator_python):
    return dfe_validator_python


@pytest.fixture
def clean_db(tmp_path):
    url = f"sqlite:///{tmp_path / 'clean.sqlite'}"
    from permanence_tracker.app import open_context

    ctx = open_context(url, user="tester")
    set_setting(ctx.uow, "authority_code", "E09000027")  # the fixtures' placements' authority
    result = import_903(ctx.uow, [CLEAN / "return_2024_25", CLEAN / "return_2025_26"], TODAY)
    assert result.written and not result.rejections
    yield ctx, url
    ctx.dispose()


def test_a_tracker_without_its_authority_code_is_not_checked(validator, clean_db):
    """A new tracker has no authority code: the check says so instead of comparing placements
    with another authority's code (issue 10: a new tracker is no one else's)."""
    ctx, _url = clean_db
    with ctx.uow() as uow:
        uow.save_settings(replace(uow.settings(), authority_code=""))
    with pytest.raises(ExportYearError, match="authority's ONS code is not set.*set "
                                              "authority_code in Settings"):
        check_903(ctx.uow, 2026, TODAY)


def test_clean_return_has_zero_findings(validator, clean_db):
    """Issue 8 §4 "Zero findings": the DfE rules find nothing in the 2025-26 export of a clean
    synthetic authority, run with the 2024-25 export as "Prev year" (cross-year rules)."""
    ctx, _ = clean_db
    result = check_903(ctx.uow, 2026, TODAY)
    assert result.findings == ()
    assert result.children == 7


def test_findings_name_child_rule_and_place(validator, clean_db):
    """A girl looked after with no MOTHER value breaks DfE rule 393 (from 2024-25); the
    finding names the child, the rule's code and words, the table, row and column."""
    ctx, _ = clean_db
    records.add_child(ctx.uow, Child("G1", date(2012, 5, 5), "F", upn="A123456789099"), TODAY)
    records.save_episode(ctx.uow, Episode("G1", date(2025, 6, 2), "S", "V2", cin="N1",
                                          placement="U6", provider="PR1", home_post="TW9 1AA",
                                          pl_post="TW1 1AA", urn="SC000101"), TODAY)
    result = check_903(ctx.uow, 2026, TODAY)
    ours = [f for f in result.findings if f.child == "G1" and f.rule == "393"]
    assert len(ours) == 1
    assert (ours[0].table, ours[0].row, ours[0].columns) == ("Header", 9, ("MOTHER",))
    assert "mother field is not completed" in ours[0].message


def test_check_outside_the_rule_years_is_refused(context):
    """The validator's rules start with 2022-23: an older year is a clear error."""
    with pytest.raises(ExportYearError, match="2022-23 to 2026-27"):
        check_903(context.uow, 2020, TODAY)


def test_missing_validator_says_how_to_install(context, monkeypatch, tmp_path):
    """With no validator the check says how to install it (not a traceback)."""
    monkeypatch.setattr("permanence_tracker.services.exports.ssda903.validator.validator_python",
                        lambda: None)
    with pytest.raises(ValidatorMissingError, match="permanence-tracker validator install"):
        check_903(context.uow, 2026, TODAY)


def test_cli_check_json_and_exit_status(validator, clean_db, capsys):
    """``check-903 --year 2026 --json``: exit 0 and no findings on the clean return."""
    _, url = clean_db
    assert main(["--db", url, "check-903", "--year", "2026", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["year"], out["children"], out["findings"]) == (2026, 7, [])


def test_cli_check_with_findings_exits_1(validator, clean_db, capsys):
    """Findings make the exit status non-zero; each line names child, rule and place."""
    ctx, url = clean_db
    records.add_child(ctx.uow, Child("G1", date(2012, 5, 5), "F", upn="A123456789099"), TODAY)
    records.save_episode(ctx.uow, Episode("G1", date(2025, 6, 2), "S", "V2", cin="N1",
                                          placement="U6", provider="PR1", home_post="TW9 1AA",
                                          pl_post="TW1 1AA", urn="SC000101"), TODAY)
    assert main(["--db", url, "check-903", "--year", "2026"]) == 1
    text = capsys.readouterr().out
    assert "child G1  rule 393  Header row 9 (MOTHER): Child is looked after but mother" in text


def test_cli_export(clean_db, tmp_path, capsys):
    """``export-903 --year 2026 --out DIR`` writes the DfE files and lists them."""
    _, url = clean_db
    assert main(["--db", url, "export-903", "--year", "2026", "--out",
                 str(tmp_path / "ret")]) == 0
    assert "903 return 2025-26 written" in capsys.readouterr().out
    assert (tmp_path / "ret" / "episodes.csv").is_file()
    assert main(["--db", url, "export-903", "--year", "2031", "--out",
                 str(tmp_path / "bad")]) == 2
    assert "outside the collection years" in capsys.readouterr().err


def test_a_year_before_with_no_children_is_left_out(validator, context):
    """A child whose care began in 2025-26, and nothing held for 2024-25: the check runs on
    this year's files alone (the validator cannot read an empty Header as "Prev year")."""
    set_setting(context.uow, "authority_code", "E09000027")
    records.add_child(context.uow, Child("N1", date(2012, 5, 5), "M", upn="A123456789099"),
                      TODAY)
    records.save_episode(context.uow, Episode("N1", date(2025, 6, 2), "S", "V2", cin="N1",
                                              placement="U6", provider="PR1",
                                              home_post="TW9 1AA", pl_post="TW1 1AA",
                                              urn="SC000101"), TODAY)
    result = check_903(context.uow, 2026, TODAY)
    assert result.children == 1
    assert not any(f.previous_year for f in result.findings)


def test_a_year_with_no_children_is_a_clear_error(validator, context):
    """Nothing looked after in 2024-25: a message saying so, not a validator traceback."""
    with pytest.raises(ExportYearError, match="no child looked after in 2024-25"):
        check_903(context.uow, 2025, TODAY)
