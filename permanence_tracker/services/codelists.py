"""Valid codes for record editing, from the versioned reference data (db/reference)."""

from __future__ import annotations

from functools import cache

from permanence_tracker.domain.codes import LEGAL_STATUS_NAMES


@cache
def legal_status_codes() -> frozenset[str]:
    return _reference("LS") or frozenset(LEGAL_STATUS_NAMES)


@cache
def placement_codes() -> frozenset[str]:
    return _reference("PLACE") or frozenset(
        ["A3", "A4", "A5", "A6", "H5", "K1", "K2", "K3", "P1", "P2", "P3", "R1", "R2", "R3", "R5",
         "S1", "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1", "Z11",
         "Z12", "Z13", "Z14"]
    )


def _reference(name: str) -> frozenset[str] | None:
    try:
        from permanence_tracker.services import reference
    except ImportError:  # reference data loader not present
        return None
    try:
        return frozenset(reference.codes(name))
    except Exception:  # noqa: BLE001 - fall back to the built-in list
        return None
