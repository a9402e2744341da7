"""Our versioned 903 code lists against the DfE validator's rules, list by list, year by year.

Issue 8 section 1: compare every list, year by year, with the code lists in
``csc-validator-be-903`` (the DfE validation rules maintained by Data to Insight). The
validator runs in its own venv (it pins pandas<2): ``validator_codes.py`` is run by that
python and feeds each candidate code to the list's single-field rule of each year's ruleset
(rules 101 SEX, 103 ETHNIC, 143 RNE, 144 LS, 145 CIN, 146 PLACE, 149 REC, 178
PLACE_PROVIDER, 1009 REASON_PLACE_CHANGE, 167 REVIEW_CODE, 1006 MISSING, 120
REASON_PLACED_CEASED, 631 PREV_PERM, 176 SEX_ADOPTR, 177 LS_ADOPTR), so the comparison is by
behaviour. Rulesets exist for collection years 2023 (lac2022_23) to 2027 (lac2026_27); our
lists run to 2026 (2025-26), so the 2027 ruleset is compared with our 2026 lists.

Codes are compared upper-cased, as the import reads them: the validator's 2024-25 rule 146
lists supported accommodation as ``k3`` (lower case), so it accepts ``k3`` and refuses ``K3``
in 2025; the DfE list is K3.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from permanence_tracker.paths import reference_dir
from permanence_tracker.services import reference

SCRIPT = Path(__file__).with_name("validator_codes.py")
VALIDATOR_YEARS = (2023, 2024, 2025, 2026, 2027)
OUR_LAST_YEAR = 2026
LISTS = sorted(p.stem for p in (reference_dir() / "ssda903").glob("*.json"))


@pytest.fixture(scope="module")
def accepted(dfe_validator_python) -> dict:
    request = {"years": list(VALIDATOR_YEARS),
               "candidates": {name: list(reference.code_list(name)) for name in LISTS}}
    done = subprocess.run([str(dfe_validator_python), str(SCRIPT)], input=json.dumps(request),
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


@pytest.mark.parametrize("name", LISTS)
def test_each_list_names_the_rule_it_was_checked_against(accepted, name):
    """Each list file's ``source`` names the validator rule the comparison runs (issue 8 s1)."""
    data = json.loads((reference_dir() / "ssda903" / f"{name}.json").read_text("utf-8"))
    rule = accepted["2023"][name]["rule"]
    assert data["validator_rule"] == rule
    assert f"rule {rule}" in data["source"]


@pytest.mark.parametrize("year", VALIDATOR_YEARS)
@pytest.mark.parametrize("name", LISTS)
def test_list_matches_validator(accepted, name, year):
    """Our list for the collection year equals the codes the validator's rule accepts."""
    result = accepted[str(year)][name]
    assert result["accepted"] is not None, f"ruleset {year} has no rule {result['rule']}"
    theirs = {code.upper() for code in result["accepted"]}
    ours = set(reference.codes(name, min(year, OUR_LAST_YEAR)))
    assert ours == theirs, (f"{name} {year} (rule {result['rule']}): only ours "
                            f"{sorted(ours - theirs)}, only the validator's "
                            f"{sorted(theirs - ours)}")
