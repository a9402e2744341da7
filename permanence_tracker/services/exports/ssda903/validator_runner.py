"""Runs the DfE 903 validation rules (``csc-validator-be-903``, import name ``lac_validator``).

A plain script, executed by the python of the validator's own virtual environment (the package
pins pandas<2, so it cannot share the app's): it must not import ``permanence_tracker``.

    python validator_runner.py REQUEST.json RESULT.json

REQUEST: ``{"collection_year": "2026", "local_authority": "E09000027",
"this_year": [csv paths], "prev_year": [csv paths]}``. RESULT: ``{"ruleset": ...,
"findings": [{"child", "table", "row", "rule", "message", "fields"}], "failed_rules": [...]}``;
``row`` counts as a spreadsheet does (the header is row 1). Exit status 0 when the rules ran.
"""

from __future__ import annotations

import json
import logging
import math
import os
import sys
import warnings
from collections.abc import Iterable
from typing import Any


def _files(paths: Iterable[str], description: str) -> list[dict[str, Any]]:
    out = []
    for path in paths:
        with open(path, "rb") as handle:
            out.append({"name": path, "description": description,
                        "file_content": handle.read()})
    return out


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def run(request: dict[str, Any]) -> dict[str, Any]:
    # JSON in and out, and lac_validator is untyped: the shapes are in the module docstring
    # (and in ``validator.RunnerResult``, which this script must not import).
    logging.disable(logging.WARNING)
    warnings.simplefilter("ignore")
    from lac_validator.lac_validator import LacValidator
    from lac_validator.rules.ruleset_utils import get_year_ruleset

    year = str(request["collection_year"])
    registry = get_year_ruleset(year)
    files = (_files(request.get("this_year", []), "This year")
             + _files(request.get("prev_year", []), "Prev year"))
    metadata = {"collectionYear": year, "localAuthority": request["local_authority"]}
    validator = LacValidator(metadata=metadata, files=files, registry=registry)
    findings: list[dict[str, Any]] = []
    for table, frame in validator.ds_results.items():
        if table == "metadata":
            continue
        for column in (c for c in frame.columns if str(c).startswith("ERR_")):
            code = column[4:]
            rule = registry.get(code)
            flagged = frame[frame[column] == True]  # noqa: E712 - pandas mask
            for index, row in flagged.iterrows():
                findings.append({
                    "child": _text(row.get("CHILD")), "table": table, "row": int(index) + 2,
                    "rule": code, "message": (rule.message if rule else "") or "",
                    "fields": [f for f in (rule.affected_fields or []) if f] if rule else [],
                })
    return {"ruleset": f"lac{int(year) - 1}_{year[2:4]}", "findings": findings,
            "failed_rules": sorted(validator.fails)}


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: validator_runner.py REQUEST.json RESULT.json", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        request = json.load(handle)
    result = run(request)
    # 0600 whatever the umask (children's IDs): the product's files.py cannot be imported here
    made = os.open(argv[2], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(made, "w", encoding="utf-8") as handle:
        json.dump(result, handle)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
