"""The SSDA903 tables and how a CSV file is recognised as one by its column set.

Column sets follow the DfE SSDA903 file layouts (see the domain reference). File names vary
between authorities and systems, so only the columns count; header case, spaces and hyphens
are ignored. OC2, OC3 and DoLo are recognised so that they can be reported as skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class TableSpec:
    name: str
    required: frozenset[str]  # columns that identify the table
    optional: frozenset[str] = frozenset()
    imported: bool = True
    note: str = ""


def _spec(name: str, required: str, optional: str = "", imported: bool = True,
          note: str = "") -> TableSpec:
    return TableSpec(name, frozenset(required.split()), frozenset(optional.split()),
                     imported, note)


TABLES = (
    _spec("Header", "CHILD SEX DOB ETHNIC", "UPN MOTHER MC_DOB"),
    _spec("Episodes", "CHILD DECOM RNE LS DEC REC",
          "CIN PLACE PLACE_PROVIDER REASON_PLACE_CHANGE HOME_POST PL_POST URN"),
    _spec("Reviews", "CHILD REVIEW REVIEW_CODE", "DOB"),
    _spec("UASC", "CHILD DUC", "SEX DOB"),
    _spec("AD1", "CHILD DATE_INT DATE_MATCH FOSTER_CARE", "DOB NB_ADOPTR SEX_ADOPTR LS_ADOPTR"),
    _spec("PlacedAdoption", "CHILD DATE_PLACED DATE_PLACED_CEASED REASON_PLACED_CEASED", "DOB"),
    _spec("PrevPerm", "CHILD PREV_PERM DATE_PERM", "DOB LA_PERM"),
    _spec("Missing", "CHILD MISSING MIS_START MIS_END", "DOB"),
    _spec("SWEpisodes", "CHILD SW_ID SW_DECOM", "DOB SW_DEC SW_REASON"),
    _spec("OC2", "CHILD CONVICTED HEALTH_CHECK", imported=False,
          note="outcomes for children looked after 12 months: not needed for tracking"),
    _spec("OC3", "CHILD IN_TOUCH ACTIV ACCOM", imported=False,
          note="care leavers' outcomes: not needed for tracking"),
    _spec("DoLo", "CHILD DOLO_START", imported=False,
          note="deprivation of liberty orders: not needed for tracking"),
)


def normalise_column(text: str) -> str:
    """``' Date int '`` -> ``DATE_INT``: tolerant of case, spaces, hyphens and a BOM."""
    return re.sub(r"[\s\-]+", "_", text.replace("\ufeff", "").strip()).upper()


def recognise(columns: set[str]) -> TableSpec | None:
    """The table whose identifying columns are all present (the most specific one wins)."""
    matches = [spec for spec in TABLES if spec.required <= columns]
    if not matches:
        return None
    return max(matches, key=lambda spec: len(spec.required))
