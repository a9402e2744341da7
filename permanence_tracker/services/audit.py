"""Checking the audit trail: has any entry been edited or removed since it was written?"""

from __future__ import annotations

from permanence_tracker.domain.audit import AuditCheck
from permanence_tracker.services.unit_of_work import UowFactory


def verify_audit(uow_factory: UowFactory) -> AuditCheck:
    """Recompute the whole trail's hash chain, oldest entry first (read only)."""
    with uow_factory() as uow:
        return uow.verify_audit()
