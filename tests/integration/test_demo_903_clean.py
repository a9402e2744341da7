"""The demo authority's 903 return is clean: the DfE rules find nothing in it (issue 8 §4).

A new authority's first look at "Check the return" is on the demo, so the demo must hold what a
clean return needs (DfE SSDA903 guidance, as ``csc-validator-be-903`` encodes it): real
postcodes inside the checked authority (E09000027) and nearby, so that PL_LA, PL_LOCATION and
PL_DISTANCE can be derived (rules 169, 179, 392a/b); URNs (218); MOTHER for girls (393, 607);
UPNs (442); the reason for each placement change (225); previous permanence for every child
who starts to be looked after (630); complete adoption details (151, 601, 335); the UASC
status ceasing at 18 (205B). The validator runs in its own venv; under CI the test fails when
it is missing (``dfe_validator_python`` in tests/conftest.py).
"""

from __future__ import annotations

from datetime import date

import pytest

from permanence_tracker.services.demo import build_demo, places
from permanence_tracker.services.exports.ssda903.check import check_903
from permanence_tracker.services.settings import list_settings

AS_OF = date(2026, 11, 23)


@pytest.mark.parametrize("year", [2026, 2025])
def test_the_demo_return_has_no_findings(dfe_validator_python, context, year):
    """check-903 on a fresh demo (80 looked after, 200 children) finds nothing for 2025-26
    (with 2024-25 as last year) nor for 2024-25 (with 2023-24)."""
    build_demo(context.uow, children=80, seed=3, as_of=AS_OF)
    code = {row.name: row.value for row in list_settings(context.uow)}["authority_code"]
    assert code == places.LOCAL_AUTHORITY  # the demo's postcodes are in its own authority
    result = check_903(context.uow, year, AS_OF)
    assert result.findings == ()
    # Only the validator's own known defect (2024-25 rule 146 rejects K3) is set aside.
    assert {(f.rule, f.table) for f in result.set_aside} <= {("146", "Episodes")}
    assert result.children > 80  # the leavers of the year are in the return too
