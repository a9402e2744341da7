"""Which codes the DfE 903 validator accepts, list by list and year by year (run by its python).

Run with the python of the separate venv that has ``csc-validator-be-903`` (import name
``lac_validator``; it pins pandas<2, so it never runs in our venv). It reads JSON on stdin,
``{"years": [2023, ...], "candidates": {"PLACE": ["A3", ...], ...}}``, feeds every candidate
code, one row each, to the validator's single-field rule for that list in each year's ruleset
(``lac_validator.rules.ruleset_utils.get_year_ruleset``) and prints JSON
``{"2023": {"PLACE": {"rule": "146", "accepted": [...]}, ...}, ...}``: the behaviour of the
rules, not their source text. The codes quoted in each rule's source are added to the
candidates so that a code we lack is found too.

Used by tests/integration/test_codelists_vs_validator.py.
"""

from __future__ import annotations

import inspect
import json
import re
import sys

import pandas as pd
from lac_validator.rules.ruleset_utils import get_year_ruleset

# list name -> (validator rule, table, column, other columns a valid row needs)
RULES = {
    "SEX": ("101", "Header", "SEX", {}),
    "ETHNIC": ("103", "Header", "ETHNIC", {}),
    "RNE": ("143", "Episodes", "RNE", {}),
    "LS": ("144", "Episodes", "LS", {}),
    "CIN": ("145", "Episodes", "CIN", {}),
    "PLACE": ("146", "Episodes", "PLACE", {}),
    "REC": ("149", "Episodes", "REC", {}),
    "PLACE_PROVIDER": ("178", "Episodes", "PLACE_PROVIDER", {"PLACE": "K2"}),
    "REASON_PLACE_CHANGE": ("1009", "Episodes", "REASON_PLACE_CHANGE", {}),
    "REVIEW_CODE": ("167", "Reviews", "REVIEW_CODE", {"REVIEW": "01/06/2020"}),
    "MISSING": ("1006", "Missing", "MISSING", {}),
    "REASON_PLACED_CEASED": ("120", "PlacedAdoption", "REASON_PLACED_CEASED", {}),
    "PREV_PERM": ("631", "PrevPerm", "PREV_PERM", {}),
    "SEX_ADOPTR": ("176", "AD1", "SEX_ADOPTR", {}),
    "LS_ADOPTR": ("177", "AD1", "LS_ADOPTR", {}),
}
_QUOTED = re.compile(r"""["']([A-Za-z0-9]{1,6})["']""")


def _source_codes(func) -> set[str]:
    """Short quoted strings in the rule's validate function (candidates only, not the answer)."""
    try:
        text = inspect.getsource(func)
    except (OSError, TypeError):
        return set()
    return set(_QUOTED.findall(text))


def accepted(rule, table: str, column: str, extra: dict, candidates: list[str]) -> list[str]:
    rows = [{column: code, **extra} for code in candidates]
    frame = pd.DataFrame(rows, dtype=object)
    errors = rule.func({table: frame}).get(table, [])
    return sorted(candidates[i] for i in range(len(candidates)) if i not in set(errors))


def main() -> None:
    request = json.load(sys.stdin)
    out: dict[str, dict] = {}
    for year in request["years"]:
        registry = get_year_ruleset(str(year))
        result: dict[str, dict] = {}
        for name, (code, table, column, extra) in RULES.items():
            rule = registry.get(code)
            if rule is None:
                result[name] = {"rule": code, "accepted": None}
                continue
            pool = set(request["candidates"].get(name, [])) | _source_codes(rule.func)
            result[name] = {"rule": code,
                            "accepted": accepted(rule, table, column, extra, sorted(pool))}
        out[str(year)] = result
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
